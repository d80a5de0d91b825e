// Meetings, their children, invitees and attendance, minutes, circulation and outcomes
// (R-KEN-6, R-KEN-7, R-KEN-13, R-ISL-5, R-ISL-7), and external decisions (R-KEN-9, R-NEL-7).
import { type ExpressionBuilder, type Kysely, type Updateable, sql } from 'kysely';
import type { AgendaItem, Database, MeetingInviteesTable, MeetingsTable } from '../db/types.ts';
import type { Schedule } from '../domain/meeting-schedule.ts';
import { type RowOf, changedOne } from './shared-columns.ts';

export interface MeetingChildRow {
  childId: string;
  name: string;
  firstName: string;
  role: 'displayed' | 'targeted';
  childAuthorityId: string;
  responsibleAuthorityId: string;
  safetyPlan: string;
  outcome: {
    id: string;
    label: string;
    details: Record<string, string>;
    rationale: string;
    alsoHarmed: boolean | null;
    decidedByName: string;
    decidedAt: Date;
  } | null;
  /** Shown by part only: the viewer may not see this child (R-X-1). */
  masked?: boolean;
}

export interface InviteeRow {
  id: string;
  inviteeId: string;
  roleLabel: string;
  reason: string;
  clause: string;
  requirementId: string;
  mode: 'invite' | 'inform';
  name: string;
  agency: string;
  userId: string | null;
  /** For a partner invited without an account: where to reach them (issue 15). */
  email: string;
  attended: boolean | null;
  circulatedAt: Date | null;
  circulatedByName: string | null;
}

export interface Meeting {
  id: string;
  authorityId: string;
  incidentId: string;
  typeId: string;
  typeLabel: string;
  packVersion: string;
  taskId: string | null;
  dueOn: string | null;
  heldOn: string | null;
  chairId: string;
  chairName: string;
  chairAuthorityId: string;
  chairRule: string;
  agenda: AgendaItem[];
  /** Those the procedure invites who were left out, only in exceptional circumstances, with why (R-KEN-13). */
  exclusions: { inviteeId: string; label: string; reason: string }[];
  policeInvolvement: 'needed' | 'not_needed' | null;
  policeInvolvementReason: string;
  minutesApprovedAt: Date | null;
  minutesApprovedByName: string | null;
  status: 'arranged' | 'closed' | 'cancelled';
  closedAt: Date | null;
  /** When and where it meets (issue 15); null for a meeting arranged before meetings were scheduled. */
  schedule: Schedule | null;
  cancelledAt: Date | null;
  cancelledByName: string | null;
  cancelReason: string;
  /** Each time it was arranged, moved or cancelled, oldest first. */
  scheduleHistory: ScheduleChange[];
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  version: number;
  children: MeetingChildRow[];
  /** Those invited now: someone removed before the meeting was held is in `inviteeChanges`, not here. */
  invitees: InviteeRow[];
  /** Each addition, removal and change of a partner's details since it was arranged, oldest first (issue 15). */
  inviteeChanges: InviteeChange[];
}

export interface InviteeChange {
  kind: 'added' | 'removed' | 'changed';
  name: string;
  roleLabel: string;
  agency: string;
  email: string;
  /** For a change of details: the details before it, in words. */
  was: string;
  reason: string;
  changedByName: string;
  changedAt: Date;
}

export interface ScheduleChange {
  kind: 'arranged' | 'moved' | 'cancelled';
  schedule: Schedule | null;
  reason: string;
  changedByName: string;
  changedAt: Date;
}

/** An invitee as the meeting is arranged, before anyone attends or is sent the minutes. */
export type NewInvitee = Omit<InviteeRow, 'id' | 'attended' | 'circulatedAt' | 'circulatedByName' | 'email'> & {
  email?: string;
};

export interface NewMeeting extends Pick<
  Meeting,
  | 'authorityId'
  | 'incidentId'
  | 'typeId'
  | 'typeLabel'
  | 'packVersion'
  | 'taskId'
  | 'dueOn'
  | 'chairId'
  | 'chairAuthorityId'
  | 'chairRule'
  | 'agenda'
  | 'exclusions'
  | 'schedule'
> {
  createdBy: string;
  children: Pick<MeetingChildRow, 'childId' | 'role' | 'responsibleAuthorityId'>[];
  invitees: NewInvitee[];
}

export async function insertMeeting(db: Kysely<Database>, meeting: NewMeeting): Promise<string> {
  const { id } = await db
    .insertInto('meetings')
    .values({
      authority_id: meeting.authorityId,
      incident_id: meeting.incidentId,
      type_id: meeting.typeId,
      type_label: meeting.typeLabel,
      pack_version: meeting.packVersion,
      task_id: meeting.taskId,
      due_on: meeting.dueOn,
      chair_id: meeting.chairId,
      chair_authority_id: meeting.chairAuthorityId,
      chair_rule: meeting.chairRule,
      agenda: JSON.stringify(meeting.agenda),
      exclusions: JSON.stringify(meeting.exclusions),
      ...scheduleColumns(meeting.schedule),
      created_by: meeting.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addScheduleChange(db, id, 'arranged', meeting.schedule, '', meeting.createdBy);
  await db
    .insertInto('meeting_children')
    .values(
      meeting.children.map((child) => ({
        meeting_id: id,
        child_id: child.childId,
        role: child.role,
        responsible_authority_id: child.responsibleAuthorityId,
      })),
    )
    .execute();
  if (meeting.invitees.length) {
    await db
      .insertInto('meeting_invitees')
      .values(
        meeting.invitees.map((inv, i) => ({
          meeting_id: id,
          invitee_id: inv.inviteeId,
          role_label: inv.roleLabel,
          reason: inv.reason,
          clause: inv.clause,
          requirement_id: inv.requirementId,
          mode: inv.mode,
          name: inv.name,
          agency: inv.agency,
          user_id: inv.userId,
          email: inv.email ?? '',
          sort: i,
        })),
      )
      .execute();
  }
  return id;
}

/** A meeting with the names of its chair, of who arranged it and of who approved the minutes. */
function meetingQuery(db: Kysely<Database>) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('users as ch', 'ch.id', 'm.chair_id')
    .innerJoin('users as cr', 'cr.id', 'm.created_by')
    .leftJoin('users as ap', 'ap.id', 'm.minutes_approved_by')
    .leftJoin('users as cx', 'cx.id', 'm.cancelled_by')
    .selectAll('m')
    .select([
      'ch.display_name as chair_name',
      'cr.display_name as created_by_name',
      'ap.display_name as approved_by_name',
      'cx.display_name as cancelled_by_name',
    ]);
}

/** A meeting's children, the child who harmed first, each with the outcome decided for them. */
function childrenQuery(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('meeting_children as mc')
    .innerJoin('children as c', 'c.id', 'mc.child_id')
    .leftJoin('meeting_outcomes as o', (j) =>
      j.onRef('o.meeting_id', '=', 'mc.meeting_id').onRef('o.child_id', '=', 'mc.child_id'),
    )
    .leftJoin('users as d', 'd.id', 'o.decided_by')
    .select([
      'mc.child_id',
      'mc.role',
      'mc.responsible_authority_id',
      'mc.safety_plan',
      'c.first_name',
      'c.last_name',
      'c.authority_id as child_authority_id',
      'o.outcome_id',
      'o.outcome_label',
      'o.details',
      'o.rationale',
      'o.also_harmed',
      'o.decided_at',
      'd.display_name as decided_by_name',
    ])
    .where('mc.meeting_id', '=', meetingId)
    .orderBy(sql`case mc.role when 'displayed' then 0 else 1 end`)
    .orderBy('c.last_name');
}

/** A meeting's invitees in their order, each with when the minutes were sent to them and by whom. */
function inviteesQuery(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('meeting_invitees as i')
    .leftJoin('meeting_circulation as mc', 'mc.invitee_id', 'i.id')
    .leftJoin('users as cb', 'cb.id', 'mc.circulated_by')
    .selectAll('i')
    .select(['mc.circulated_at', 'cb.display_name as circulated_by_name'])
    .where('i.meeting_id', '=', meetingId)
    .where('i.removed_at', 'is', null)
    .orderBy('i.sort');
}

function toMeetingChild(row: RowOf<typeof childrenQuery>): MeetingChildRow {
  return {
    childId: row.child_id,
    name: `${row.first_name} ${row.last_name}`,
    firstName: row.first_name,
    role: row.role,
    childAuthorityId: row.child_authority_id,
    responsibleAuthorityId: row.responsible_authority_id,
    safetyPlan: row.safety_plan,
    outcome: row.outcome_id
      ? {
          id: row.outcome_id,
          label: row.outcome_label!,
          details: row.details ?? {},
          rationale: row.rationale!,
          alsoHarmed: row.also_harmed,
          decidedByName: row.decided_by_name!,
          decidedAt: row.decided_at!,
        }
      : null,
  };
}

function toInvitee(i: RowOf<typeof inviteesQuery>): InviteeRow {
  return {
    id: i.id,
    inviteeId: i.invitee_id,
    roleLabel: i.role_label,
    reason: i.reason,
    clause: i.clause,
    requirementId: i.requirement_id,
    mode: i.mode,
    name: i.name,
    agency: i.agency,
    userId: i.user_id,
    email: i.email,
    attended: i.attended,
    circulatedAt: i.circulated_at,
    circulatedByName: i.circulated_by_name,
  };
}

/** The one mapping of a meeting's row, with its children and invitees. */
function toMeeting(
  row: RowOf<typeof meetingQuery>,
  children: MeetingChildRow[],
  invitees: InviteeRow[],
  scheduleHistory: ScheduleChange[],
  inviteeChanges: InviteeChange[],
): Meeting {
  return {
    id: row.id,
    authorityId: row.authority_id,
    incidentId: row.incident_id,
    typeId: row.type_id,
    typeLabel: row.type_label,
    packVersion: row.pack_version,
    taskId: row.task_id,
    dueOn: row.due_on,
    heldOn: row.held_on,
    chairId: row.chair_id,
    chairName: row.chair_name,
    chairAuthorityId: row.chair_authority_id,
    chairRule: row.chair_rule,
    agenda: row.agenda,
    exclusions: row.exclusions,
    policeInvolvement: row.police_involvement as Meeting['policeInvolvement'],
    policeInvolvementReason: row.police_involvement_reason,
    minutesApprovedAt: row.minutes_approved_at,
    minutesApprovedByName: row.approved_by_name,
    status: row.status,
    closedAt: row.closed_at,
    schedule: scheduleOf(row),
    cancelledAt: row.cancelled_at,
    cancelledByName: row.cancelled_by_name,
    cancelReason: row.cancel_reason,
    scheduleHistory,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    version: row.version,
    children,
    invitees,
    inviteeChanges,
  };
}

export async function findMeeting(db: Kysely<Database>, id: string): Promise<Meeting | undefined> {
  const row = await meetingQuery(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const children = (await childrenQuery(db, id).execute()).map(toMeetingChild);
  const invitees = (await inviteesQuery(db, id).execute()).map(toInvitee);
  const history = await db
    .selectFrom('meeting_schedule_changes as sc')
    .innerJoin('users as u', 'u.id', 'sc.changed_by')
    .selectAll('sc')
    .select('u.display_name as changed_by_name')
    .where('sc.meeting_id', '=', id)
    .orderBy('sc.changed_at')
    .execute();
  const inviteeChanges = await db
    .selectFrom('meeting_invitee_changes as ic')
    .innerJoin('users as u', 'u.id', 'ic.changed_by')
    .selectAll('ic')
    .select('u.display_name as changed_by_name')
    .where('ic.meeting_id', '=', id)
    .orderBy('ic.changed_at')
    .orderBy('ic.id')
    .execute();
  return toMeeting(
    row,
    children,
    invitees,
    history.map((change) => ({
      kind: change.kind,
      schedule: scheduleOf(change),
      reason: change.reason,
      changedByName: change.changed_by_name,
      changedAt: change.changed_at,
    })),
    inviteeChanges.map((change) => ({
      kind: change.kind,
      name: change.name,
      roleLabel: change.role_label,
      agency: change.agency,
      email: change.email,
      was: change.was,
      reason: change.reason,
      changedByName: change.changed_by_name,
      changedAt: change.changed_at,
    })),
  );
}

/** A schedule from its columns; a time column reads 'HH:MM:SS', shown to the minute. */
function scheduleOf(row: {
  meets_on: string | null;
  starts_at: string | null;
  ends_at: string | null;
  place: string;
  video_link: string;
}): Schedule | null {
  if (!row.meets_on || !row.starts_at || !row.ends_at) return null;
  return {
    meetsOn: row.meets_on,
    startsAt: row.starts_at.slice(0, 5),
    endsAt: row.ends_at.slice(0, 5),
    place: row.place,
    videoLink: row.video_link,
  };
}

function scheduleColumns(schedule: Schedule | null) {
  return {
    meets_on: schedule?.meetsOn ?? null,
    starts_at: schedule?.startsAt ?? null,
    ends_at: schedule?.endsAt ?? null,
    place: schedule?.place ?? '',
    video_link: schedule?.videoLink ?? '',
  };
}

/** One line of the meeting's schedule history: arranged, moved or cancelled, with the schedule then and why. */
export async function addScheduleChange(
  db: Kysely<Database>,
  meetingId: string,
  kind: ScheduleChange['kind'],
  schedule: Schedule | null,
  reason: string,
  by: string,
): Promise<void> {
  await db
    .insertInto('meeting_schedule_changes')
    .values({ meeting_id: meetingId, kind, ...scheduleColumns(schedule), reason, changed_by: by })
    .execute();
}

/** Moves a meeting not yet held; false when stale, held, closed or cancelled. */
export function moveMeeting(db: Kysely<Database>, id: string, version: number, schedule: Schedule): Promise<boolean> {
  return updateIfCurrent(db, id, version, scheduleColumns(schedule), { arranged: true, unheld: true });
}

/** Cancels a meeting not yet held; false when stale, held, closed or already cancelled. */
export function cancelMeeting(
  db: Kysely<Database>,
  id: string,
  version: number,
  by: string,
  reason: string,
): Promise<boolean> {
  const changes = { status: 'cancelled' as const, cancelled_at: new Date(), cancelled_by: by, cancel_reason: reason };
  return updateIfCurrent(db, id, version, changes, { arranged: true, unheld: true });
}

/** The open tasks tied to a meeting (those its outcomes set). */
export async function openTasksOfMeeting(db: Kysely<Database>, meetingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'open')
    .execute();
  return rows.map((row) => row.id);
}

export interface MeetingSummary {
  id: string;
  typeLabel: string;
  dueOn: string | null;
  heldOn: string | null;
  status: 'arranged' | 'closed' | 'cancelled';
  chairName: string;
  schedule: Schedule | null;
}

/** A meeting's summary, from `meetings as m` with its chair joined as `ch`. */
const SUMMARY_COLUMNS = [
  'm.id',
  'm.type_label',
  'm.due_on',
  'm.held_on',
  'm.status',
  'm.meets_on',
  'm.starts_at',
  'm.ends_at',
  'm.place',
  'm.video_link',
  'ch.display_name as chair_name',
] as const;

function toSummary(row: {
  id: string;
  type_label: string;
  due_on: string | null;
  held_on: string | null;
  status: MeetingSummary['status'];
  chair_name: string;
  meets_on: string | null;
  starts_at: string | null;
  ends_at: string | null;
  place: string;
  video_link: string;
}): MeetingSummary {
  return {
    id: row.id,
    typeLabel: row.type_label,
    dueOn: row.due_on,
    heldOn: row.held_on,
    status: row.status,
    chairName: row.chair_name,
    schedule: scheduleOf(row),
  };
}

/** The meetings a child takes part in, newest first. */
export async function meetingsForChild(db: Kysely<Database>, childId: string): Promise<MeetingSummary[]> {
  const rows = await db
    .selectFrom('meeting_children as mc')
    .innerJoin('meetings as m', 'm.id', 'mc.meeting_id')
    .innerJoin('users as ch', 'ch.id', 'm.chair_id')
    .select(SUMMARY_COLUMNS)
    .where('mc.child_id', '=', childId)
    .orderBy('m.created_at', 'desc')
    .execute();
  return rows.map(toSummary);
}

/**
 * The meetings shared with a user, as a WHERE clause on `meetings as m`: those they chair, arranged
 * or are invited to with their account, and, for those who represent their authority, those another
 * authority holds about a child their authority is responsible for (R-KEN-6).
 */
export function sharedWith(user: { id: string; authorityId: string }, representing: boolean) {
  // One IN over a union of index lookups, not an OR of them: with the OR, PostgreSQL read every
  // meeting to find a person's few (51 ms at 30,000 meetings; the union, 2.5 ms).
  return (eb: ExpressionBuilder<Database & { m: MeetingsTable }, 'm'>) =>
    eb('m.id', 'in', sharedMeetingIds(eb, user, representing));
}

/** The ids of the meetings shared with the person (sharedWith), as one union to add others to. */
export function sharedMeetingIds(
  eb: ExpressionBuilder<Database & { m: MeetingsTable }, 'm'>,
  user: { id: string; authorityId: string },
  representing: boolean,
) {
  let ids = eb
    .selectFrom('meetings as chaired')
    .select('chaired.id as meeting_id')
    .where('chaired.chair_id', '=', user.id)
    .unionAll(eb.selectFrom('meetings as made').select('made.id as meeting_id').where('made.created_by', '=', user.id))
    .unionAll(
      eb
        .selectFrom('meeting_invitees')
        .select('meeting_id')
        .where('user_id', '=', user.id)
        // Someone removed before the meeting was held no longer has it shared with them (issue 15).
        .where('removed_at', 'is', null),
    );
  if (representing)
    ids = ids.unionAll(
      eb
        .selectFrom('meeting_children as shared')
        .innerJoin('meetings as held', 'held.id', 'shared.meeting_id')
        .select('shared.meeting_id')
        .where('shared.responsible_authority_id', '=', user.authorityId)
        .where('held.authority_id', '!=', user.authorityId),
    );
  return ids;
}

/**
 * Meetings a user chairs, arranged or is invited to, and, for those who represent their authority, meetings
 * shared with it because it is responsible for a child there (R-KEN-6).
 */
export async function meetingsSharedWith(
  db: Kysely<Database>,
  authorityId: string,
  userId: string,
  representing: boolean,
): Promise<MeetingSummary[]> {
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('users as ch', 'ch.id', 'm.chair_id')
    .select(SUMMARY_COLUMNS)
    .where(sharedWith({ id: userId, authorityId }, representing))
    .orderBy(sql`coalesce(m.meets_on, m.due_on) asc nulls last`)
    .orderBy('m.starts_at', 'asc')
    .limit(200)
    .execute();
  return rows.map(toSummary);
}

/** One versioned change to a meeting; false when stale, or closed or its minutes approved where `still` asks. */
async function updateIfCurrent(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: Updateable<MeetingsTable>,
  still: { arranged?: boolean; unapproved?: boolean; unheld?: boolean },
): Promise<boolean> {
  let query = db
    .updateTable('meetings')
    .set({ ...changes, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version);
  if (still.arranged) query = query.where('status', '=', 'arranged');
  if (still.unapproved) query = query.where('minutes_approved_at', 'is', null);
  if (still.unheld) query = query.where('held_on', 'is', null);
  return changedOne(await query.executeTakeFirst());
}

export function recordMinutes(
  db: Kysely<Database>,
  id: string,
  version: number,
  minutes: { heldOn: string; agenda: AgendaItem[]; policeInvolvement: string | null; policeInvolvementReason: string },
): Promise<boolean> {
  const changes = {
    held_on: minutes.heldOn,
    agenda: JSON.stringify(minutes.agenda),
    police_involvement: minutes.policeInvolvement,
    police_involvement_reason: minutes.policeInvolvementReason,
  };
  return updateIfCurrent(db, id, version, changes, { arranged: true, unapproved: true });
}

/** Changes one invitee of a meeting (an invitee of another meeting is left as it is). */
async function updateInvitee(
  db: Kysely<Database>,
  meetingId: string,
  inviteeId: string,
  changes: Updateable<MeetingInviteesTable>,
): Promise<void> {
  await db
    .updateTable('meeting_invitees')
    .set(changes)
    .where('id', '=', inviteeId)
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function setAttendance(
  db: Kysely<Database>,
  meetingId: string,
  attended: Map<string, boolean>,
): Promise<void> {
  for (const [inviteeId, value] of attended) await updateInvitee(db, meetingId, inviteeId, { attended: value });
}

export function setInviteeDetails(
  db: Kysely<Database>,
  meetingId: string,
  inviteeId: string,
  name: string,
  agency: string,
): Promise<void> {
  return updateInvitee(db, meetingId, inviteeId, { name, agency });
}

export async function setSafetyPlan(
  db: Kysely<Database>,
  meetingId: string,
  childId: string,
  plan: string,
): Promise<void> {
  await db
    .updateTable('meeting_children')
    .set({ safety_plan: plan })
    .where('meeting_id', '=', meetingId)
    .where('child_id', '=', childId)
    .execute();
}

export async function addInvitee(
  db: Kysely<Database>,
  meetingId: string,
  inv: { roleLabel: string; name: string; agency: string; userId: string | null; email?: string },
  as: 'added' | 'named' | 'partner' = 'added',
): Promise<string> {
  const { n } = await db
    .selectFrom('meeting_invitees')
    .select(sql<number>`coalesce(max(sort), 0) + 1`.as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('meeting_invitees')
    .values({
      meeting_id: meetingId,
      invitee_id: as,
      role_label: inv.roleLabel,
      name: inv.name,
      agency: inv.agency,
      user_id: inv.userId,
      email: inv.email ?? '',
      sort: Number(n),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A change to a meeting not yet held, quoting the version the form was opened at; false when stale, held, closed or cancelled. */
export function bumpIfUnheld(db: Kysely<Database>, id: string, version: number): Promise<boolean> {
  return updateIfCurrent(db, id, version, {}, { arranged: true, unheld: true });
}

/** One line of the meeting's history of who is invited (issue 15). */
export async function addInviteeChange(
  db: Kysely<Database>,
  meetingId: string,
  inviteeId: string,
  change: Omit<InviteeChange, 'changedByName' | 'changedAt'>,
  by: string,
): Promise<void> {
  await db
    .insertInto('meeting_invitee_changes')
    .values({
      meeting_id: meetingId,
      invitee_id: inviteeId,
      kind: change.kind,
      name: change.name,
      role_label: change.roleLabel,
      agency: change.agency,
      email: change.email,
      was: change.was,
      reason: change.reason,
      changed_by: by,
    })
    .execute();
}

/** Removes someone invited, keeping their row with who removed them and why. */
export async function removeInvitee(
  db: Kysely<Database>,
  meetingId: string,
  inviteeId: string,
  by: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('meeting_invitees')
    .set({ removed_at: new Date(), removed_by: by, remove_reason: reason })
    .where('id', '=', inviteeId)
    .where('meeting_id', '=', meetingId)
    .where('removed_at', 'is', null)
    .execute();
}

/** A partner's details: name, role or organisation, agency and email address. */
export function setPartnerDetails(
  db: Kysely<Database>,
  meetingId: string,
  inviteeId: string,
  details: { name: string; roleLabel: string; agency: string; email: string },
): Promise<void> {
  return updateInvitee(db, meetingId, inviteeId, {
    name: details.name,
    role_label: details.roleLabel,
    agency: details.agency,
    email: details.email,
  });
}

export async function insertOutcome(
  db: Kysely<Database>,
  outcome: {
    meetingId: string;
    childId: string;
    outcomeId: string;
    outcomeLabel: string;
    details: Record<string, string>;
    rationale: string;
    alsoHarmed: boolean | null;
    decidedBy: string;
  },
): Promise<boolean> {
  const res = await db
    .insertInto('meeting_outcomes')
    .values({
      meeting_id: outcome.meetingId,
      child_id: outcome.childId,
      outcome_id: outcome.outcomeId,
      outcome_label: outcome.outcomeLabel,
      details: JSON.stringify(outcome.details),
      rationale: outcome.rationale,
      also_harmed: outcome.alsoHarmed,
      decided_by: outcome.decidedBy,
    })
    .onConflict((oc) => oc.columns(['meeting_id', 'child_id']).doNothing())
    .executeTakeFirst();
  return (res.numInsertedOrUpdatedRows ?? 0n) === 1n;
}

export function approveMinutes(db: Kysely<Database>, id: string, version: number, userId: string): Promise<boolean> {
  const changes = { minutes_approved_at: new Date(), minutes_approved_by: userId };
  return updateIfCurrent(db, id, version, changes, { unapproved: true });
}

export async function recordCirculation(
  db: Kysely<Database>,
  meetingId: string,
  inviteeIds: string[],
  by: string,
): Promise<void> {
  if (!inviteeIds.length) return;
  await db
    .insertInto('meeting_circulation')
    .values(inviteeIds.map((i) => ({ meeting_id: meetingId, invitee_id: i, circulated_by: by })))
    .onConflict((oc) => oc.columns(['meeting_id', 'invitee_id']).doNothing())
    .execute();
}

export function closeMeeting(db: Kysely<Database>, id: string, version: number, userId: string): Promise<boolean> {
  const changes = { status: 'closed' as const, closed_at: new Date(), closed_by: userId };
  return updateIfCurrent(db, id, version, changes, { arranged: true });
}

export async function touchMeeting(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** The children already in a meeting arranged for this task, and whether that meeting is closed. */
export async function childrenMeetingForTask(
  db: Kysely<Database>,
  taskId: string,
): Promise<{ childId: string; closed: boolean }[]> {
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('meeting_children as mc', 'mc.meeting_id', 'm.id')
    .select(['mc.child_id', 'm.status'])
    .where('m.task_id', '=', taskId)
    // A cancelled meeting leaves its children without one: another is arranged for the task (issue 15).
    .where('m.status', '!=', 'cancelled')
    .execute();
  return rows.map((row) => ({ childId: row.child_id, closed: row.status === 'closed' }));
}

export async function meetingsForTask(
  db: Kysely<Database>,
  taskId: string,
): Promise<{ id: string; typeLabel: string; status: Meeting['status']; schedule: Schedule | null }[]> {
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'type_label', 'status', 'meets_on', 'starts_at', 'ends_at', 'place', 'video_link'])
    .where('task_id', '=', taskId)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ id: row.id, typeLabel: row.type_label, status: row.status, schedule: scheduleOf(row) }));
}

/** Corrects approved minutes' notes against the agenda (issue 15); false when someone changed the meeting since `version`. */
export function correctMinutesNotes(
  db: Kysely<Database>,
  id: string,
  version: number,
  agenda: AgendaItem[],
): Promise<boolean> {
  return updateIfCurrent(db, id, version, { agenda: JSON.stringify(agenda) }, {});
}
