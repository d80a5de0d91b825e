// "Meetings" lists the meetings a user chairs or arranged: index both, so the list stays quick
// as meetings accumulate (measured by the meetings-list figure in `npm run bench`).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index meetings_chair_idx on meetings (chair_id);
    create index meetings_created_by_idx on meetings (created_by);
  `.execute(db);
}
