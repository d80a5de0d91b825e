// Closing a child's case: who closed it, when and why. Reopening (by a manager, or when a new
// incident is recorded about the child) clears these; the chronology keeps every close and reopen.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table children
      add column closed_at timestamptz,
      add column closed_by uuid references users(id),
      add column closure_reason text not null default '';
    alter table children add constraint children_status_check check (status in ('open', 'closed'));
    alter table children add constraint children_closed_check check ((status = 'closed') = (closed_at is not null));
  `.execute(db);
}
