// A Youth Justice worker allocated alongside the social worker (R-KEN-4, kent §5). They see the
// child's record as the allocated worker does.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table children add column youth_justice_worker_id uuid references users(id);
    create index children_yj_worker_idx on children (youth_justice_worker_id);
  `.execute(db);
}
