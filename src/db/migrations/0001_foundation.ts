// Foundation schema: authorities, teams, users, sessions, children, incidents, chronology,
// access grants and the append-only, hash-chained audit log (R-X-7).
import { type Kysely, sql } from 'kysely';
import { createAuthorityRecordTable, createRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table authorities (
      id text primary key,
      name text not null,
      short_name text not null
    );

    ${createAuthorityRecordTable('teams')}
      name text not null,
      kind text not null,
      parent_team_id uuid references teams(id),
      created_at timestamptz not null default now(),
      unique (authority_id, name)
    );

    ${createAuthorityRecordTable('users')}
      email text not null,
      display_name text not null,
      job_title text not null default '',
      agency text not null default '',
      password_hash text not null,
      active boolean not null default true,
      failed_attempts integer not null default 0,
      locked_until timestamptz,
      last_sign_in_at timestamptz,
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create unique index users_email_key on users (lower(email));

    create table user_roles (
      user_id uuid not null references users(id),
      role text not null,
      primary key (user_id, role)
    );

    create table user_trainings (
      user_id uuid not null references users(id),
      training text not null,
      completed_on date not null,
      primary key (user_id, training)
    );

    create table team_members (
      team_id uuid not null references teams(id),
      user_id uuid not null references users(id),
      is_manager boolean not null default false,
      primary key (team_id, user_id)
    );
    create index team_members_user_idx on team_members (user_id);

    create table sessions (
      sid text primary key,
      user_id uuid references users(id),
      data jsonb not null,
      expires_at timestamptz not null
    );
    create index sessions_expires_idx on sessions (expires_at);

    ${createAuthorityRecordTable('children')}
      first_name text not null,
      last_name text not null,
      other_names text not null default '',
      date_of_birth date not null,
      sex text not null,
      ethnicity text not null default '',
      send boolean not null default false,
      send_details text not null default '',
      developmental_age integer,
      looked_after boolean not null default false,
      school_or_setting text not null default '',
      home_area text not null default '',
      person_id text not null default '',
      nhs_number text not null default '',
      allocated_worker_id uuid references users(id),
      allocated_team_id uuid references teams(id),
      status text not null default 'open',
      last_activity_at timestamptz not null default now(),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid not null references users(id),
      version integer not null default 1,
      constraint children_developmental_age_range check (developmental_age is null or developmental_age between 0 and 18)
    );
    create index children_authority_idx on children (authority_id);
    create index children_worker_idx on children (allocated_worker_id);
    create index children_team_idx on children (allocated_team_id);
    create index children_name_trgm_idx on children using gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);
    create index children_dob_idx on children (authority_id, date_of_birth);

    ${createAuthorityRecordTable('incidents')}
      status text not null default 'draft',
      occurred_at timestamptz,
      completed_by_name text not null default '',
      completed_by_role text not null default '',
      completed_by_relation text not null default '',
      location_type text not null default '',
      location_area text not null default '',
      location_details text not null default '',
      technology_assisted text not null default '',
      technology_details text not null default '',
      behaviour text not null default '',
      context_planning text not null default '',
      context_factors text[] not null default '{}',
      context_details text not null default '',
      relationship_details text not null default '',
      normally_associate text not null default '',
      power_imbalance text[] not null default '{}',
      others_response text not null default '',
      child_response text not null default '',
      attempt_to_address text not null default '',
      parents_response text not null default '',
      other_actions text not null default '',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_by uuid not null references users(id),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      version integer not null default 1,
      constraint incidents_status_check check (status in ('draft', 'submitted'))
    );
    create index incidents_created_by_idx on incidents (created_by, status);

    create table incident_children (
      incident_id uuid not null references incidents(id),
      child_id uuid not null references children(id),
      role text not null,
      own_words text not null default '',
      added_at timestamptz not null default now(),
      primary key (incident_id, child_id),
      constraint incident_children_role_check check (role in ('displayed', 'targeted', 'witness'))
    );
    create index incident_children_child_idx on incident_children (child_id);

    ${createRecordTable('chronology_entries')}
      child_id uuid not null references children(id),
      occurred_at timestamptz not null,
      recorded_at timestamptz not null default now(),
      recorded_by uuid not null references users(id),
      kind text not null,
      summary text not null,
      incident_id uuid references incidents(id)
    );
    create index chronology_child_idx on chronology_entries (child_id, occurred_at desc);

    ${createRecordTable('access_grants')}
      user_id uuid not null references users(id),
      child_id uuid not null references children(id),
      reason text not null,
      granted_by uuid not null references users(id),
      granted_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    );
    create index access_grants_user_idx on access_grants (user_id, child_id);

    create table audit_events (
      seq bigint primary key,
      at timestamptz not null,
      authority_id text,
      user_id uuid,
      action text not null,
      entity_type text not null default '',
      entity_id text not null default '',
      outcome text not null,
      ip text not null default '',
      request_id text not null default '',
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    );
    create index audit_events_at_idx on audit_events (at desc);
    create index audit_events_entity_idx on audit_events (entity_type, entity_id);
    create index audit_events_user_idx on audit_events (user_id, at desc);
  `.execute(db);

  // Append-only, enforced by the database (R-X-7): no update, delete or truncate, whoever asks.
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % refused', tg_op using errcode = '42501';
    end;
    $$;
    create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only();
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only();
  `.execute(db);
}
