// Plans on a child's own record (issue 14, R-X-1): the kind the procedure names, an owner, a
// status, what the plan says on each matter it must address, its next review; a version kept
// each time it is agreed; reviews; and who received a copy, with consent and their views
// (R-X-6). A task to review a plan links to it, and is done by the review. A meeting keeps who
// was left out of it in exceptional circumstances, and why (R-KEN-13: the parents or carers and the child).
import { type Kysely, sql } from 'kysely';
import { changedRecordStamps, createAuthorityRecordTable, createRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${createAuthorityRecordTable('plans')}
      child_id uuid not null references children(id),
      pack_id text not null,
      kind text not null,
      kind_name text not null,
      status text not null default 'draft' check (status in ('draft', 'agreed', 'under_review', 'ended')),
      owner_id uuid not null references users(id),
      contents jsonb not null default '{}',
      next_review_on date,
      agreed_by uuid references users(id),
      agreed_at timestamptz,
      ended_by uuid references users(id),
      ended_at timestamptz,
      end_reason text not null default '',
      created_by uuid not null references users(id),
      updated_by uuid not null references users(id),
      ${changedRecordStamps()}
    );
    create index plans_child_idx on plans (child_id, created_at);
    ${createRecordTable('plan_versions')}
      plan_id uuid not null references plans(id),
      number integer not null,
      contents jsonb not null,
      owner_id uuid not null references users(id),
      agreed_by uuid not null references users(id),
      agreed_at timestamptz not null default now(),
      next_review_on date not null,
      note text not null default '',
      unique (plan_id, number)
    );
    ${createRecordTable('plan_reviews')}
      plan_id uuid not null references plans(id),
      reviewed_on date not null,
      done text not null,
      changed text not null,
      views text not null default '',
      outcome text not null check (outcome in ('continue', 'revise', 'end')),
      next_review_on date,
      end_reason text not null default '',
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null default now()
    );
    create index plan_reviews_plan_idx on plan_reviews (plan_id, reviewed_on);
    ${createRecordTable('plan_shares')}
      plan_id uuid not null references plans(id),
      version_number integer not null,
      shared_with text not null,
      shared_on date not null,
      consent text not null check (consent in ('given', 'refused', 'not_needed')),
      views text not null default '',
      disagreement text not null default '',
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null default now()
    );
    create index plan_shares_plan_idx on plan_shares (plan_id, shared_on);
    alter table meetings add column exclusions jsonb not null default '[]';
    alter table tasks add column plan_id uuid references plans(id);
    create index tasks_plan_idx on tasks (plan_id) where plan_id is not null;
    alter table chronology_entries drop constraint chronology_record_type;
    alter table chronology_entries add constraint chronology_record_type check (record_type in ('meeting', 'referral', 'assessment', 'panel_referral', 'screening', 'task', 'external_decision', 'plan'));
  `.execute(db);
}
