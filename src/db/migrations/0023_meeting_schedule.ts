// Meetings people can attend (issue 15): the day, the start and end times (London wall-clock
// times) and a place or an https video link; an email address for an invitee typed in without an
// account; a meeting moved or cancelled with a reason, each change kept in the meeting's schedule
// history. A meeting arranged before this migration has no schedule (all null): it reads as
// "not yet scheduled" and is scheduled by moving it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table meetings add column meets_on date;
    alter table meetings add column starts_at time;
    alter table meetings add column ends_at time;
    alter table meetings add column place text not null default '';
    alter table meetings add column video_link text not null default '';
    alter table meetings add column cancelled_at timestamptz;
    alter table meetings add column cancelled_by uuid references users(id);
    alter table meetings add column cancel_reason text not null default '';
    alter table meetings add constraint meetings_schedule_complete check (
      (meets_on is null and starts_at is null and ends_at is null)
      or (meets_on is not null and starts_at is not null and ends_at is not null and ends_at > starts_at
          and (place <> '' or video_link <> ''))
    );
    alter table meetings add constraint meetings_video_link_https check (video_link = '' or video_link like 'https://%');
    alter table meetings drop constraint meetings_status_check;
    alter table meetings add constraint meetings_status_check check (status in ('arranged', 'closed', 'cancelled'));
    alter table meetings drop constraint meetings_closed_complete;
    alter table meetings add constraint meetings_closed_complete check (
      status = 'arranged'
      or (status = 'closed' and closed_at is not null and minutes_approved_at is not null and held_on is not null)
      or (status = 'cancelled' and cancelled_at is not null and cancelled_by is not null and cancel_reason <> '')
    );

    alter table meeting_invitees add column email text not null default '';

    create table meeting_schedule_changes (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id),
      kind text not null,
      meets_on date,
      starts_at time,
      ends_at time,
      place text not null default '',
      video_link text not null default '',
      reason text not null default '',
      changed_by uuid not null references users(id),
      changed_at timestamptz not null default now(),
      constraint meeting_schedule_changes_kind_check check (kind in ('arranged', 'moved', 'cancelled')),
      constraint meeting_schedule_changes_reason check (kind = 'arranged' or reason <> '')
    );
    create index meeting_schedule_changes_meeting_idx on meeting_schedule_changes (meeting_id, changed_at);
  `.execute(db);
}
