// Changing who is invited to a meeting not yet held (issue 15): an invitee is removed with the
// reason, never deleted, and each addition, removal and change of a partner's details is kept in
// the meeting's history of who is invited, with who made it and when.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table meeting_invitees add column removed_at timestamptz;
    alter table meeting_invitees add column removed_by uuid references users(id);
    alter table meeting_invitees add column remove_reason text not null default '';
    alter table meeting_invitees add constraint meeting_invitees_removed_complete check (
      (removed_at is null and removed_by is null and remove_reason = '')
      or (removed_at is not null and removed_by is not null and remove_reason <> '')
    );

    create table meeting_invitee_changes (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id),
      invitee_id uuid not null references meeting_invitees(id),
      kind text not null,
      name text not null default '',
      role_label text not null default '',
      agency text not null default '',
      email text not null default '',
      was text not null default '',
      reason text not null default '',
      changed_by uuid not null references users(id),
      changed_at timestamptz not null default now(),
      constraint meeting_invitee_changes_kind_check check (kind in ('added', 'removed', 'changed')),
      constraint meeting_invitee_changes_reason check (kind <> 'removed' or reason <> '')
    );
    create index meeting_invitee_changes_meeting_idx on meeting_invitee_changes (meeting_id, changed_at);
  `.execute(db);
}
