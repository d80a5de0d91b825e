// A task done by the record that does its work (a referral, its screening decision, an assessment
// planned, a panel referral, an allocation) keeps which record, so that it links to it. Open tasks
// are found by the role they are owed to: a service's members see those children (roles.ts).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tasks add column fulfilled_by_type text;
    alter table tasks add column fulfilled_by_id uuid;
    create index tasks_open_owner_idx on tasks (owner_role, child_id) where status = 'open';
  `.execute(db);
}
