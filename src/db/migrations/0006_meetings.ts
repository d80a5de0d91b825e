// Multi-agency meetings (strategy discussions, HSB strategy meetings, conferences...), their
// invitees and attendance, minutes approved by the chair and circulated, an immediate safety plan
// and an outcome for each child separately, and the police and prosecution decisions recorded as
// external decisions (R-KEN-6..10, R-KEN-13, R-ISL-5..7, R-NEL-7, R-X-4).
import { type Kysely, sql } from 'kysely';
import { changedRecordStamps, createAuthorityRecordTable, createRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${createAuthorityRecordTable('meetings')}
      incident_id uuid not null references incidents(id),
      type_id text not null,
      type_label text not null,
      pack_version text not null,
      task_id uuid references tasks(id),
      due_on date,
      held_on date,
      chair_id uuid not null references users(id),
      chair_authority_id text not null references authorities(id),
      chair_rule text not null,
      agenda jsonb not null default '[]',
      police_involvement text,
      police_involvement_reason text not null default '',
      minutes_approved_at timestamptz,
      minutes_approved_by uuid references users(id),
      status text not null default 'arranged',
      closed_at timestamptz,
      closed_by uuid references users(id),
      created_by uuid not null references users(id),
      ${changedRecordStamps()},
      constraint meetings_status_check check (status in ('arranged', 'closed')),
      constraint meetings_police_check check (police_involvement is null or police_involvement in ('needed', 'not_needed')),
      constraint meetings_closed_complete check (status = 'arranged' or (closed_at is not null and minutes_approved_at is not null and held_on is not null))
    );
    create index meetings_incident_idx on meetings (incident_id);
    create index meetings_task_idx on meetings (task_id);

    create table meeting_children (
      meeting_id uuid not null references meetings(id),
      child_id uuid not null references children(id),
      role text not null,
      responsible_authority_id text not null references authorities(id),
      safety_plan text not null default '',
      primary key (meeting_id, child_id),
      constraint meeting_children_role_check check (role in ('displayed', 'targeted'))
    );
    create index meeting_children_child_idx on meeting_children (child_id);
    create index meeting_children_authority_idx on meeting_children (responsible_authority_id);

    ${createRecordTable('meeting_invitees')}
      meeting_id uuid not null references meetings(id),
      invitee_id text not null,
      role_label text not null,
      reason text not null default '',
      clause text not null default '',
      requirement_id text not null default '',
      mode text not null default 'invite',
      name text not null default '',
      agency text not null default '',
      user_id uuid references users(id),
      attended boolean,
      sort integer not null default 0,
      constraint meeting_invitees_mode_check check (mode in ('invite', 'inform'))
    );
    create index meeting_invitees_meeting_idx on meeting_invitees (meeting_id, sort);
    create index meeting_invitees_user_idx on meeting_invitees (user_id);

    create table meeting_circulation (
      meeting_id uuid not null references meetings(id),
      invitee_id uuid not null references meeting_invitees(id),
      circulated_at timestamptz not null default now(),
      circulated_by uuid not null references users(id),
      primary key (meeting_id, invitee_id)
    );

    create table meeting_outcomes (
      meeting_id uuid not null references meetings(id),
      child_id uuid not null references children(id),
      outcome_id text not null,
      outcome_label text not null,
      details jsonb not null default '{}',
      rationale text not null,
      also_harmed boolean,
      decided_by uuid not null references users(id),
      decided_at timestamptz not null default now(),
      primary key (meeting_id, child_id)
    );

    alter table tasks add column meeting_id uuid references meetings(id);
    alter table tasks add column arranges text;

    ${createAuthorityRecordTable('external_decisions')}
      child_id uuid not null references children(id),
      decided_by_agency text not null,
      decision text not null,
      decision_label text not null,
      decided_on date not null,
      youth_justice_recommendation text not null default '',
      note text not null default '',
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null default now(),
      constraint external_decisions_agency_check check (decided_by_agency in ('police', 'cps', 'out_of_court_triage'))
    );
    create index external_decisions_child_idx on external_decisions (child_id, decided_on);
  `.execute(db);
}
