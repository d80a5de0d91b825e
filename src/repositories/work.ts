// What is waiting for a person, and what is next on each case: read-only queries across the
// aggregates for the home page and the case lists (issue 11). Each is one query for the whole
// page, never one per row, and every child in them is one the person may see (visibleTo, the
// need-to-know rule in SQL, R-X-7); the service then asks the action model what they may do.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Viewer } from '../domain/access.ts';
import { visibleTo } from './access.ts';
import { sharedMeetingIds } from './meetings.ts';
import { aboutChild, childName } from './shared-columns.ts';

export interface WaitingReferral {
  id: string;
  childId: string;
  childName: string;
  receivedAt: Date;
  dueOn: string;
  receivingTeamName: string | null;
  createdByName: string;
  /** The person made the referral themselves (rather than their team receiving it). */
  madeByViewer: boolean;
  /** One of the person's teams received it. */
  receivedByViewer: boolean;
}

/**
 * Referrals waiting for a screening decision that the person's teams received or that they made,
 * about children they may see, by the date the decision is due (R-NYO-8).
 */
export async function waitingReferrals(
  db: Kysely<Database>,
  viewer: Viewer,
  teamIds: readonly string[],
  limit = 50,
): Promise<WaitingReferral[]> {
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('children as c', 'c.id', 'r.child_id')
    .innerJoin('users as cu', 'cu.id', 'r.created_by')
    .leftJoin('teams as tm', 'tm.id', 'r.receiving_team_id')
    .select([
      'r.id',
      'r.child_id',
      'r.received_at',
      'r.due_on',
      'r.created_by',
      'r.receiving_team_id',
      'tm.name as team_name',
      'cu.display_name as created_by_name',
      childName.as('child_name'),
    ])
    .where('r.status', '=', 'received')
    .where('r.authority_id', '=', viewer.authorityId)
    .where((eb) =>
      eb.or([
        eb('r.created_by', '=', viewer.id),
        ...(teamIds.length ? [eb('r.receiving_team_id', 'in', [...teamIds])] : []),
      ]),
    )
    .where(visibleTo(viewer))
    .orderBy('r.due_on', 'asc')
    .orderBy('r.received_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ...aboutChild(row),
    receivedAt: row.received_at,
    dueOn: row.due_on,
    receivingTeamName: row.team_name,
    createdByName: row.created_by_name,
    madeByViewer: row.created_by === viewer.id,
    receivedByViewer: row.receiving_team_id !== null && teamIds.includes(row.receiving_team_id),
  }));
}

export interface IncidentToScreen {
  incidentId: string;
  childId: string;
  childName: string;
  occurredAt: Date | null;
  submittedAt: Date | null;
  /** The latest screening, when one was started and its level not yet decided. */
  suggestedScreeningId: string | null;
}

/**
 * Incidents the person submitted whose child who displayed the behaviour has no decided level of
 * concern yet: to screen, or a suggestion to decide.
 */
export async function incidentsToScreen(db: Kysely<Database>, viewer: Viewer, limit = 50): Promise<IncidentToScreen[]> {
  const rows = await db
    .selectFrom('incidents as i')
    .innerJoin('incident_children as ic', 'ic.incident_id', 'i.id')
    .innerJoin('children as c', 'c.id', 'ic.child_id')
    .select((eb) => [
      'i.id as incident_id',
      'ic.child_id',
      'i.occurred_at',
      'i.submitted_at',
      childName.as('child_name'),
      eb
        .selectFrom('screenings as s')
        .select('s.id')
        .whereRef('s.incident_id', '=', 'i.id')
        .whereRef('s.child_id', '=', 'ic.child_id')
        .orderBy('s.created_at', 'desc')
        .limit(1)
        .as('screening_id'),
    ])
    .where('i.created_by', '=', viewer.id)
    .where('i.status', '=', 'submitted')
    .where('i.authority_id', '=', viewer.authorityId)
    .where('ic.role', '=', 'displayed')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('screenings as d')
            .select('d.id')
            .whereRef('d.incident_id', '=', 'i.id')
            .whereRef('d.child_id', '=', 'ic.child_id')
            .where('d.status', '=', 'decided'),
        ),
      ),
    )
    .where(visibleTo(viewer))
    .orderBy('i.submitted_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    incidentId: row.incident_id,
    ...aboutChild(row),
    occurredAt: row.occurred_at,
    submittedAt: row.submitted_at,
    suggestedScreeningId: row.screening_id ?? null,
  }));
}

export interface UpcomingMeeting {
  id: string;
  authorityId: string;
  typeLabel: string;
  dueOn: string | null;
  heldOn: string | null;
  minutesApproved: boolean;
  chairId: string;
  chairName: string;
  chairAuthorityId: string;
  invited: boolean;
  /** When it meets, where scheduled (issue 15). */
  schedule: { meetsOn: string; startsAt: string; endsAt: string } | null;
  children: {
    childId: string;
    name: string;
    role: 'displayed' | 'targeted';
    childAuthorityId: string;
    responsibleAuthorityId: string;
  }[];
}

/**
 * Meetings still arranged (not closed) that the person chairs, arranged or is invited to with
 * their account, that are about a child allocated to them, or, for those who represent their
 * authority, that another authority holds about a child their authority is responsible for
 * (R-KEN-6). Due date first. Two queries: the meetings, then all their children.
 */
export async function upcomingMeetings(
  db: Kysely<Database>,
  viewer: Viewer,
  representing: boolean,
  limit = 50,
): Promise<UpcomingMeeting[]> {
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('users as ch', 'ch.id', 'm.chair_id')
    .select((eb) => [
      'm.id',
      'm.authority_id',
      'm.type_label',
      'm.due_on',
      'm.held_on',
      'm.minutes_approved_at',
      'm.chair_id',
      'm.chair_authority_id',
      'm.meets_on',
      'm.starts_at',
      'm.ends_at',
      'ch.display_name as chair_name',
      eb
        .exists(
          eb
            .selectFrom('meeting_invitees as inv')
            .select('inv.id')
            .whereRef('inv.meeting_id', '=', 'm.id')
            .where('inv.user_id', '=', viewer.id)
            .where('inv.removed_at', 'is', null),
        )
        .as('invited'),
    ])
    .where('m.status', '=', 'arranged')
    // One IN over a union (each part an index lookup), not an OR that reads every meeting.
    .where((eb) =>
      eb(
        'm.id',
        'in',
        sharedMeetingIds(eb, viewer, representing).unionAll(
          eb
            .selectFrom('meeting_children as amc')
            .innerJoin('children as ac', 'ac.id', 'amc.child_id')
            .select('amc.meeting_id')
            .where((inner) =>
              inner.or([
                inner('ac.allocated_worker_id', '=', viewer.id),
                inner('ac.youth_justice_worker_id', '=', viewer.id),
              ]),
            ),
        ),
      ),
    )
    .orderBy(sql`coalesce(m.meets_on, m.due_on) asc nulls last`)
    .orderBy('m.starts_at', 'asc')
    .orderBy('m.created_at', 'asc')
    .limit(limit)
    .execute();
  if (!rows.length) return [];
  const kids = await db
    .selectFrom('meeting_children as mc')
    .innerJoin('children as c', 'c.id', 'mc.child_id')
    .select([
      'mc.meeting_id',
      'mc.child_id',
      'mc.role',
      'mc.responsible_authority_id',
      'c.authority_id',
      childName.as('child_name'),
    ])
    .where(
      'mc.meeting_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy(sql`case mc.role when 'displayed' then 0 else 1 end`)
    .orderBy('c.last_name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    authorityId: row.authority_id,
    typeLabel: row.type_label,
    dueOn: row.due_on,
    heldOn: row.held_on,
    minutesApproved: row.minutes_approved_at !== null,
    chairId: row.chair_id,
    chairName: row.chair_name,
    chairAuthorityId: row.chair_authority_id,
    invited: Boolean(row.invited),
    schedule:
      row.meets_on && row.starts_at && row.ends_at
        ? { meetsOn: row.meets_on, startsAt: row.starts_at.slice(0, 5), endsAt: row.ends_at.slice(0, 5) }
        : null,
    children: kids
      .filter((kid) => kid.meeting_id === row.id)
      .map((kid) => ({
        childId: kid.child_id,
        name: kid.child_name,
        role: kid.role,
        childAuthorityId: kid.authority_id,
        responsibleAuthorityId: kid.responsible_authority_id,
      })),
  }));
}

export interface RecentChange {
  id: string;
  childId: string;
  childName: string;
  recordedAt: Date;
  recordedByName: string;
  kind: string;
  summary: string;
}

/** The newest entries in the chronologies of children the person may see, made by someone else since `since`. */
export async function recentChanges(
  db: Kysely<Database>,
  viewer: Viewer,
  since: Date,
  limit = 10,
): Promise<RecentChange[]> {
  const rows = await db
    .selectFrom('chronology_entries as e')
    .innerJoin('children as c', 'c.id', 'e.child_id')
    .innerJoin('users as u', 'u.id', 'e.recorded_by')
    .select([
      'e.id',
      'e.child_id',
      'e.recorded_at',
      'e.kind',
      'e.summary',
      'u.display_name',
      childName.as('child_name'),
    ])
    .where('e.recorded_at', '>=', since)
    .where('e.recorded_by', '!=', viewer.id)
    .where(visibleTo(viewer))
    .orderBy('e.recorded_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ...aboutChild(row),
    recordedAt: row.recorded_at,
    recordedByName: row.display_name,
    kind: row.kind,
    summary: row.summary,
  }));
}

export interface CaseSummary {
  /** The latest decided level of concern, in the procedure's words. */
  levelOfConcern: string | null;
  /** The open task due soonest (one with a date before one without). */
  nextDue: { taskId: string; title: string; dueOn: string | null } | null;
}

/** For a page of the case list: each child's level of concern and next task, in two queries. */
export async function caseSummaries(
  db: Kysely<Database>,
  childIds: readonly string[],
): Promise<Map<string, CaseSummary>> {
  const out = new Map<string, CaseSummary>(childIds.map((id) => [id, { levelOfConcern: null, nextDue: null }]));
  if (!childIds.length) return out;
  const levels = await db
    .selectFrom('screenings as s')
    .distinctOn('s.child_id')
    .select(['s.child_id', 's.decided_level_label'])
    .where('s.child_id', 'in', [...childIds])
    .where('s.status', '=', 'decided')
    .orderBy('s.child_id')
    .orderBy('s.decided_at', 'desc')
    .execute();
  const next = await db
    .selectFrom('tasks as t')
    .distinctOn('t.child_id')
    .select(['t.child_id', 't.id', 't.title', 't.due_on'])
    .where('t.child_id', 'in', [...childIds])
    .where('t.status', '=', 'open')
    .orderBy('t.child_id')
    .orderBy(sql`t.due_on asc nulls last`)
    .orderBy('t.created_at', 'asc')
    .execute();
  for (const level of levels) out.get(level.child_id)!.levelOfConcern = level.decided_level_label;
  for (const nextTask of next)
    out.get(nextTask.child_id)!.nextDue = { taskId: nextTask.id, title: nextTask.title, dueOn: nextTask.due_on };
  return out;
}
