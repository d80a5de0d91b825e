// A task's due rule is words a practitioner reads ("Within 3 working days of the decision"); its
// clause has its own column and is shown as a link to the procedure. Rules stored before this
// carried the clause in brackets ("(kent §8)"): take it off.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update tasks set due_rule = regexp_replace(due_rule, '\\s*\\([a-z][a-z-]*[a-z](\\s+§|,\\s)[^()]*\\)$', '')
    where due_rule ~ '\\([a-z][a-z-]*[a-z](\\s+§|,\\s)[^()]*\\)$'
  `.execute(db);
}
