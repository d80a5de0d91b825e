// At most one assessment in progress per child, enforced by the database: two people planning at
// the same moment cannot both succeed (the service checks first and says why; this closes the race).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index assessments_one_in_progress on assessments (child_id) where status = 'in_progress'`.execute(
    db,
  );
}
