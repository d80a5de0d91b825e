// What a meeting's forms must say before the meeting service writes, as pure functions over the
// facts the service gathers: arranging it for an open task, about the children still without one,
// with a chair from the authority the chair rule names (R-ISL-5; R-KEN-6 across authorities);
// recording the minutes (the date held, the under-10 police question, the lengths of what was
// typed); adding someone to it; recording a child's outcome once it was held (R-KEN-7); the chair
// approving and circulating the minutes (R-KEN-13); and closing it once everything is recorded
// (R-KEN-6). Each *Problems function returns every problem at once, in the order of the page.
import { ageOn } from './age.ts';
import { type DateParts, notBefore, parseDateParts } from './date-parts.ts';
import type { FormProblem } from './form-problem.ts';
import type { MeetingChildRole } from './meeting-access.ts';
import { type MeetingChild, type MeetingState, type OutcomeInput, closeProblems, outcomeProblems } from './meetings.ts';
import type { MeetingType, Pack } from './pack.ts';
import { tooLong } from './text-limits.ts';
import { inSentence } from './plans.ts';

export type { FormProblem };

/** A child the meeting may still be about, named as the arranger may see them (R-X-1). */
export interface OfferedChild {
  childId: string;
  name: string;
  role: MeetingChildRole;
  authorityId: string;
}

export interface ArrangeInput {
  childIds: string[];
  responsible: Record<string, string>;
  invite?: readonly string[];
  excluded?: Readonly<Record<string, string>>;
}

/**
 * The children chosen, each with the authority responsible for them: the one chosen if it is an
 * authority, otherwise the child's own (the form then says to choose one).
 */
export function arrangedChildren(
  offered: readonly OfferedChild[],
  input: ArrangeInput,
  authorityIds: ReadonlySet<string>,
): MeetingChild[] {
  return offered
    .filter((child) => input.childIds.includes(child.childId))
    .map((child) => {
      const responsibleId = input.responsible[child.childId] ?? child.authorityId;
      return {
        childId: child.childId,
        role: child.role,
        responsibleAuthorityId: authorityIds.has(responsibleId) ? responsibleId : child.authorityId,
      };
    });
}

export interface ArrangeFacts {
  /** The task the meeting is arranged for is still open. */
  taskOpen: boolean;
  offered: readonly OfferedChild[];
  authorityIds: ReadonlySet<string>;
  /** The chosen chair, when they are a case worker in one of the chair roles; undefined otherwise. */
  chair: { authorityId: string } | undefined;
  /** The authority the chair rule says chairs, its name, why, and the clause cited in words. */
  chairAuthorityId: string;
  chairAuthorityName: string;
  crossAuthority: boolean;
  citedClause: string;
  /** Invitees left out only in exceptional circumstances (R-KEN-13), with the clause in words. */
  exceptional?: readonly { inviteeId: string; label: string; clause: string }[];
}

/** The longest account of the circumstances in which someone is not invited. */
export const EXCLUSION_LIMIT = 2000;

/**
 * Arranging a meeting (R-KEN-6, R-ISL-5): a closed task takes no meeting (the one problem);
 * otherwise the children (a child already in a meeting for this task is not offered again), the
 * authority responsible for each child chosen, and a chair from the authority that chairs.
 */
export function arrangeProblems(input: ArrangeInput, facts: ArrangeFacts): FormProblem[] {
  if (!facts.taskOpen)
    return [{ field: 'childIds', message: 'The task is no longer open: no meeting can be arranged for it' }];
  const problems: FormProblem[] = [];
  const chosen = facts.offered.filter((offered) => input.childIds.includes(offered.childId));
  if (!facts.offered.length)
    problems.push({ field: 'childIds', message: 'Every child already has a meeting arranged for this task' });
  else if (!chosen.length) problems.push({ field: 'childIds', message: 'Select the children this meeting is about' });
  for (const child of chosen) {
    if (!facts.authorityIds.has(input.responsible[child.childId] ?? child.authorityId))
      problems.push({
        field: `responsible-${child.childId}`,
        message: `Select the authority responsible for ${child.name}`,
      });
  }
  if (!facts.chair) problems.push({ field: 'chairId', message: 'Select who will chair the meeting' });
  else if (facts.chair.authorityId !== facts.chairAuthorityId)
    problems.push({
      field: 'chairId',
      message:
        `Select a chair from ${facts.chairAuthorityName}: ` +
        `${facts.crossAuthority ? 'the authority where the child harmed lives chairs' : 'the authority convening the meeting chairs'} ` +
        `(${facts.citedClause})`,
    });
  // Parents or carers and the child are excluded only in exceptional circumstances, the reasons minuted (R-KEN-13).
  for (const invitee of facts.exceptional ?? []) {
    if (input.invite?.includes(invitee.inviteeId)) continue;
    const why = (input.excluded?.[invitee.inviteeId] ?? '').trim();
    const lower = inSentence(invitee.label);
    const who = lower.startsWith('the ') ? lower : `the ${lower}`;
    if (!why)
      problems.push({
        field: `exclude-${invitee.inviteeId}`,
        message: `Invite ${who}, or enter the exceptional circumstances in which they are not invited (${invitee.clause})`,
      });
    else if (why.length > EXCLUSION_LIMIT)
      problems.push({
        field: `exclude-${invitee.inviteeId}`,
        message: tooLong('The exceptional circumstances', EXCLUSION_LIMIT),
      });
  }
  return problems;
}

/** The longest text each box of the minutes takes (the form's character counts show the same). */
export const MINUTES_LIMITS = {
  name: 200,
  agency: 200,
  safetyPlan: 10_000,
  note: 10_000,
  policeInvolvementReason: 2000,
} as const;

export interface MinutesInput {
  heldOn: DateParts;
  notes: string[];
  policeInvolvement: string;
  policeInvolvementReason: string;
  attended: Record<string, string>;
  names: Record<string, string>;
  agencies: Record<string, string>;
  safetyPlans: Record<string, string>;
}

export interface MinutesFacts {
  /** The meeting is closed or its minutes approved. */
  locked: boolean;
  today: string;
  /** The day of the incident, and the day the meeting was arranged: it cannot have been held before either. */
  incidentOn: string | null;
  arrangedOn: string;
  /** The date of birth of the child who harmed, when the meeting type asks about police involvement under 10. */
  policeQuestionFor: { dateOfBirth: string } | null;
  /** Only the fields on the page: this meeting's invitees, agenda items, and the plans this person may record (R-X-1, R-X-7). */
  inviteeIds: readonly string[];
  agendaItems: number;
  planChildIds: readonly string[];
}

/** Whether the under-10 police question is asked of a meeting held on this day (the child's age on the day). */
export function policeQuestionAsked(heldOn: string | null, child: { dateOfBirth: string } | null): boolean {
  return heldOn !== null && child !== null && ageOn(child.dateOfBirth, heldOn) < 10;
}

function heldOnChecked(heldOn: DateParts, facts: MinutesFacts): { iso: string } | { error: string } {
  const date = parseDateParts(heldOn, 'Date the meeting was held', 'Enter the date the meeting was held', {
    past: true,
    today: facts.today,
  });
  if ('error' in date) return date;
  // Not before the incident, nor before the meeting was arranged (issue 11, defect 6).
  const early = notBefore(date.iso, 'The date the meeting was held', [
    { iso: facts.incidentOn, what: 'the date of the incident' },
    { iso: facts.arrangedOn, what: 'the date the meeting was arranged' },
  ]);
  return early ? { error: early } : date;
}

/** The day the meeting was held, once it passes the checks; null otherwise. */
export function minutesHeldOn(heldOn: DateParts, facts: MinutesFacts): string | null {
  const date = heldOnChecked(heldOn, facts);
  return 'iso' in date ? date.iso : null;
}

/**
 * Recording the minutes: not once they are approved; a real date held, today or earlier and not
 * before the incident or the arranging; the police question when the child who harmed was under
 * 10 on that day (asked only once the day is known); and no box longer than it takes.
 */
export function minutesProblems(input: MinutesInput, facts: MinutesFacts): FormProblem[] {
  const problems: FormProblem[] = [];
  if (facts.locked)
    problems.push({ field: 'heldOn', message: 'The minutes have been approved and can no longer be changed' });
  const date = heldOnChecked(input.heldOn, facts);
  if ('error' in date) problems.push({ field: 'heldOn', message: date.error });
  const police = policeQuestionAsked('iso' in date ? date.iso : null, facts.policeQuestionFor);
  const answer = input.policeInvolvement;
  if (police && answer !== 'needed' && answer !== 'not_needed')
    problems.push({
      field: 'policeInvolvement',
      message: 'Select whether police involvement in the enquiry is needed',
    });
  if (police && input.policeInvolvementReason.length > MINUTES_LIMITS.policeInvolvementReason)
    problems.push({
      field: 'policeInvolvementReason',
      message: tooLong('Reasons for the police decision', MINUTES_LIMITS.policeInvolvementReason),
    });
  for (const id of facts.inviteeIds) {
    if ((input.names[id] ?? '').trim().length > MINUTES_LIMITS.name)
      problems.push({ field: `name-${id}`, message: tooLong('Name', MINUTES_LIMITS.name) });
    if ((input.agencies[id] ?? '').trim().length > MINUTES_LIMITS.agency)
      problems.push({ field: `agency-${id}`, message: tooLong('Agency', MINUTES_LIMITS.agency) });
  }
  for (const childId of facts.planChildIds) {
    if ((input.safetyPlans[childId] ?? '').length > MINUTES_LIMITS.safetyPlan)
      problems.push({
        field: `safetyPlan-${childId}`,
        message: tooLong('The immediate safety plan', MINUTES_LIMITS.safetyPlan),
      });
  }
  for (let i = 0; i < facts.agendaItems; i++) {
    if ((input.notes[i] ?? '').length > MINUTES_LIMITS.note)
      problems.push({ field: `note-${i}`, message: tooLong('Notes', MINUTES_LIMITS.note) });
  }
  return problems;
}

/** The longest name, agency and role of someone added to a meeting. */
export const ATTENDEE_LIMIT = 200;

export interface AttendeeInput {
  roleLabel: string;
  name: string;
  agency: string;
  userId: string;
  /** Where to reach someone without an account (issue 15); optional. */
  email?: string;
}

/**
 * Adding someone to the meeting: not once it is closed (the one problem); their name, agency and
 * role; and an account, if one is chosen, among those of the authorities taking part.
 */
export function attendeeProblems(
  input: AttendeeInput,
  facts: { closed: boolean; accountIds: readonly string[] },
): FormProblem[] {
  if (facts.closed) return [{ field: 'name', message: 'The meeting is closed: no one can be added to it' }];
  const problems: FormProblem[] = [];
  const name = input.name.trim();
  const agency = input.agency.trim();
  const roleLabel = input.roleLabel.trim();
  if (!name) problems.push({ field: 'name', message: 'Enter the person’s name' });
  else if (name.length > ATTENDEE_LIMIT) problems.push({ field: 'name', message: tooLong('Name', ATTENDEE_LIMIT) });
  if (!agency) problems.push({ field: 'agency', message: 'Enter the person’s agency' });
  else if (agency.length > ATTENDEE_LIMIT)
    problems.push({ field: 'agency', message: tooLong('Agency', ATTENDEE_LIMIT) });
  if (!roleLabel) problems.push({ field: 'roleLabel', message: 'Enter the person’s role' });
  else if (roleLabel.length > ATTENDEE_LIMIT)
    problems.push({ field: 'roleLabel', message: tooLong('Role', ATTENDEE_LIMIT) });
  const email = (input.email ?? '').trim();
  if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    problems.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (input.userId && !facts.accountIds.includes(input.userId))
    problems.push({ field: 'userId', message: 'Select an account from the list, or no account' });
  return problems;
}

/**
 * A child's outcome (R-KEN-7, R-ISL-7): not once the meeting is closed, nor before the day it was
 * held is recorded (each the one problem); then what the chosen outcome needs.
 */
export function meetingOutcomeProblems(
  input: OutcomeInput,
  facts: { closed: boolean; held: boolean; pack: Pack; type: MeetingType; role: MeetingChildRole },
): FormProblem[] {
  if (facts.closed)
    return [{ field: 'outcome', message: 'The meeting is closed: its outcomes can no longer be recorded' }];
  if (!facts.held)
    return [{ field: 'outcome', message: 'Record the date the meeting was held before recording outcomes' }];
  return outcomeProblems(facts.pack, facts.type, facts.role, input);
}

/** The chair approves the minutes once they are recorded (R-KEN-13). */
export function approveProblems(facts: { held: boolean }): FormProblem[] {
  return facts.held ? [] : [{ field: 'minutes', message: 'Record the minutes before approving them' }];
}

/** Of those chosen, the meeting's invitees: the minutes are sent to them. */
export function circulatedTo(inviteeIds: readonly string[], known: readonly string[]): string[] {
  return inviteeIds.filter((id) => known.includes(id));
}

/** The approved minutes are sent to someone at the meeting (R-KEN-13). */
export function circulateProblems(
  inviteeIds: readonly string[],
  facts: { approved: boolean; known: readonly string[] },
): FormProblem[] {
  if (!facts.approved)
    return [{ field: 'minutes', message: 'The chair must approve the minutes before they are circulated' }];
  if (!circulatedTo(inviteeIds, facts.known).length)
    return [{ field: 'inviteeIds', message: 'Select who the minutes were sent to' }];
  return [];
}

/**
 * What must be done before the meeting can be closed (R-KEN-6, R-KEN-7, R-KEN-13): meetings.ts's
 * closeProblems, then each responsible authority's representative recorded as attending (R-KEN-6).
 */
export function closeMeetingProblems(
  type: MeetingType,
  meeting: MeetingState & { invitees: readonly { inviteeId: string; roleLabel: string; attended: boolean | null }[] },
): FormProblem[] {
  const messages = closeProblems(type, meeting);
  for (const invitee of meeting.invitees) {
    if (invitee.inviteeId.startsWith('authority-') && invitee.attended !== true)
      messages.push(
        `Record that the ${invitee.roleLabel.charAt(0).toLowerCase()}${invitee.roleLabel.slice(1)} attended`,
      );
  }
  return messages.map((message) => ({ field: 'close', message }));
}
