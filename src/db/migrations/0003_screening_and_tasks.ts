// Procedure packs in use: screenings with the suggestion and the decision (R-X-9, R-X-10), tasks
// from routing with working-day deadlines (R-X-3), one-off bank holidays an administrator adds,
// the inactivity threshold per authority (R-THU-7), and API tokens.
import { type Kysely, sql } from 'kysely';
import { createAuthorityRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table authorities add column inactivity_working_days integer
      constraint authorities_inactivity_range check (inactivity_working_days is null or inactivity_working_days between 1 and 60);

    ${createAuthorityRecordTable('screenings')}
      incident_id uuid not null references incidents(id),
      child_id uuid not null references children(id),
      pack_id text not null,
      pack_version text not null,
      tool_id text not null,
      answers jsonb not null,
      facts jsonb not null,
      suggested_level text not null,
      suggested_scale text not null,
      reasons jsonb not null,
      age_rules jsonb not null,
      status text not null default 'suggested',
      decided_level text,
      decided_level_label text,
      agreed_with_suggestion boolean,
      rationale text,
      decided_by uuid references users(id),
      decided_at timestamptz,
      decision_date date,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      constraint screenings_status_check check (status in ('suggested', 'decided')),
      constraint screenings_decision_complete check (
        status = 'suggested' or (decided_level is not null and rationale is not null and decided_by is not null and decided_at is not null and decision_date is not null))
    );
    create index screenings_child_idx on screenings (child_id, created_at desc);
    create index screenings_incident_idx on screenings (incident_id, child_id, created_at desc);

    ${createAuthorityRecordTable('tasks')}
      child_id uuid not null references children(id),
      incident_id uuid references incidents(id),
      screening_id uuid references screenings(id),
      step_id text not null,
      title text not null,
      detail text not null,
      kind text not null default 'do',
      owner_role text not null,
      assigned_to uuid references users(id),
      due_on date,
      due_rule text not null,
      clause text not null,
      requirement_id text not null,
      status text not null default 'open',
      created_at timestamptz not null default now(),
      completed_at timestamptz,
      completed_by uuid references users(id),
      completion_note text not null default '',
      version integer not null default 1,
      constraint tasks_status_check check (status in ('open', 'done', 'superseded')),
      constraint tasks_kind_check check (kind in ('do', 'consider'))
    );
    create index tasks_child_idx on tasks (child_id, status);
    create index tasks_assignee_idx on tasks (assigned_to, status, due_on);
    create index tasks_open_due_idx on tasks (due_on, created_at) where status = 'open';

    create table one_off_holidays (
      day date primary key,
      name text not null,
      added_by uuid not null references users(id),
      added_at timestamptz not null default now()
    );

    ${createAuthorityRecordTable('api_tokens')}
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      last_used_at timestamptz
    );
  `.execute(db);
}
