// Referrals to the front door, made from a decided screening, one per child when the behaviour is
// harmful (R-NYO-4), each due for a manager's screening decision (R-NYO-8, R-KEN-2, R-NEL-6).
// The receiving team sees the child's record while it works on the referral.
import { type Kysely, sql } from 'kysely';
import { createAuthorityRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${createAuthorityRecordTable('referrals')}
      incident_id uuid not null references incidents(id),
      child_id uuid not null references children(id),
      screening_id uuid not null references screenings(id),
      receiving_team_id uuid references teams(id),
      received_at timestamptz not null default now(),
      due_on date not null,
      status text not null default 'received',
      outcome text,
      outcome_label text,
      rationale text,
      decided_by uuid references users(id),
      decided_at timestamptz,
      created_by uuid not null references users(id),
      version integer not null default 1,
      constraint referrals_status_check check (status in ('received', 'screened')),
      constraint referrals_decision_complete check (status = 'received' or (outcome is not null and rationale is not null and decided_by is not null)),
      unique (incident_id, child_id)
    );
    create index referrals_team_idx on referrals (receiving_team_id, status, due_on);
    create index referrals_child_idx on referrals (child_id);
  `.execute(db);
}
