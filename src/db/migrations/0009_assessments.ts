// AIM assessments of the child who harmed (R-KEN-11, R-NYO-7..14, R-THU-5, R-NEL-10): the model
// the procedure names, two assessors, the checks made when planning, the four stages, the outcome
// sheet in the assessors' words, and the report shared with the young person and parents.
import { type Kysely, sql } from 'kysely';
import { changedRecordStamps, createAuthorityRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${createAuthorityRecordTable('assessments')}
      child_id uuid not null references children(id),
      model text not null check (model in ('aim_under_12', 'aim2', 'aim3')),
      model_name text not null,
      pack_version text not null,
      clause text not null,
      requirement_id text not null,
      lead_assessor_id uuid not null references users(id),
      co_assessor_id uuid not null references users(id),
      mode text not null check (mode in ('full', 'stage_one_only')),
      mode_reason text not null,
      checks jsonb not null,
      stages jsonb not null default '{}',
      outcome jsonb,
      shared_on date,
      disagreements text not null default '',
      status text not null default 'in_progress' check (status in ('in_progress', 'completed')),
      completed_at timestamptz,
      completed_by uuid references users(id),
      created_by uuid not null references users(id),
      ${changedRecordStamps()},
      constraint assessments_two_assessors check (lead_assessor_id <> co_assessor_id)
    );
    create index assessments_child_idx on assessments (child_id, created_at desc);
    create index assessments_lead_idx on assessments (lead_assessor_id);
    create index assessments_co_idx on assessments (co_assessor_id);
  `.execute(db);
}
