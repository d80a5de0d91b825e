// When and where a meeting meets, and who is invited to it beyond the roles the procedure names
// (issue 15): the day, the start and end times as people in England read them (GOV.UK style:
// 10:30am, midday, midnight), a place or an https video link; named colleagues with accounts and
// partners typed in without one; moving a meeting or cancelling it, each with a reason. Pure: the
// meeting service gathers today's date and the time now in London and stores what passes.
import { type DateParts, parseDateParts } from './date-parts.ts';
import type { FormProblem } from './form-problem.ts';
import { formatDate } from './london-time.ts';
import { tooLong } from './text-limits.ts';

/** A meeting's schedule: a London date and wall-clock times ('HH:MM', 24-hour), and where. */
export interface Schedule {
  meetsOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  videoLink: string;
}

/** The schedule as typed on a form. */
export interface ScheduleInput {
  meetsOn: DateParts;
  startTime: string;
  endTime: string;
  place: string;
  videoLink: string;
}

export const SCHEDULE_LIMITS = { place: 300, videoLink: 500, reason: 2000 } as const;

/** '10:30' → '10:30am', '12:00' → 'midday', '00:00' → 'midnight', '14:00' → '2pm' (GOV.UK style). */
export function timeText(hhmm: string): string {
  const match = /^(\d{2}):(\d{2})/.exec(hhmm);
  if (!match) return hhmm;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (minute === 0 && hour === 12) return 'midday';
  if (minute === 0 && hour === 0) return 'midnight';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? 'am' : 'pm'}`;
}

/** '10:30am to midday, 1 December 2026'. */
export function scheduleText(schedule: Pick<Schedule, 'meetsOn' | 'startsAt' | 'endsAt'>): string {
  return `${timeText(schedule.startsAt)} to ${timeText(schedule.endsAt)}, ${formatDate(schedule.meetsOn)}`;
}

/** Where, in words: the place, the video link, or both ('Room 2, Civic Centre, or by video'). */
export function placeText(schedule: Pick<Schedule, 'place' | 'videoLink'>): string {
  if (schedule.place && schedule.videoLink) return `${schedule.place}, or by video`;
  return schedule.place || 'By video';
}

/**
 * A time as people type it, as 'HH:MM' (24-hour), or null: '10:30', '10.30', '14:30', '2pm',
 * '2:30 pm', '10am', 'midday', 'noon', '12 noon', 'midnight'. '12pm' is midday, '12am' midnight.
 */
export function parseTime(typed: string): string | null {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === 'midday' || text === 'noon' || text === '12 noon' || text === '12 midday') return '12:00';
  if (text === 'midnight' || text === '12 midnight') return '00:00';
  const match = /^(\d{1,2})(?:[:.](\d{2}))? ?(am|pm|a\.m\.|p\.m\.)?$/.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.replace(/\./g, '');
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (hour > 23 || match[2] === undefined) {
    // A bare number without am or pm ('9') could be morning or evening: ask again.
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** A web address a browser opens over https, with a host. */
function isHttpsLink(link: string): 'ok' | 'not_https' | 'invalid' {
  if (/\s/.test(link)) return 'invalid';
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return /^https:/i.test(link) ? 'invalid' : 'not_https';
  }
  if (url.protocol !== 'https:') return 'not_https';
  return url.hostname.includes('.') && !url.username && !url.password ? 'ok' : 'invalid';
}

export interface Now {
  /** Today in London, 'YYYY-MM-DD'. */
  today: string;
  /** The time now in London, 'HH:MM'. */
  time: string;
}

/**
 * The schedule typed, checked with GOV.UK's messages in the order of the form (date, start, end,
 * place, link), every problem at once; with the schedule when there are none. A meeting is
 * arranged or moved to today or later, and not to a time today that has already passed.
 */
export function scheduleProblems(
  input: ScheduleInput,
  now: Now,
): { problems: FormProblem[]; schedule: Schedule | null } {
  const problems: FormProblem[] = [];
  const date = parseDateParts(input.meetsOn, 'The meeting date', 'Enter the date of the meeting');
  const meetsOn = 'iso' in date ? date.iso : null;
  if ('error' in date) problems.push({ field: 'meetsOn', message: date.error });
  else if (date.iso < now.today)
    problems.push({ field: 'meetsOn', message: 'The meeting date must be today or in the future' });
  const startsAt = input.startTime.trim() ? parseTime(input.startTime) : null;
  if (!input.startTime.trim()) problems.push({ field: 'startTime', message: 'Enter the start time' });
  else if (!startsAt)
    problems.push({ field: 'startTime', message: 'Enter the start time as a time, like 10:30am or 2pm' });
  else if (meetsOn === now.today && startsAt <= now.time)
    problems.push({ field: 'startTime', message: 'The start time must be later than now, as the meeting is today' });
  const endsAt = input.endTime.trim() ? parseTime(input.endTime) : null;
  if (!input.endTime.trim()) problems.push({ field: 'endTime', message: 'Enter the end time' });
  else if (!endsAt) problems.push({ field: 'endTime', message: 'Enter the end time as a time, like 11:30am or 3pm' });
  else if (startsAt && endsAt <= startsAt)
    problems.push({ field: 'endTime', message: 'The end time must be after the start time' });
  const place = input.place.trim();
  const videoLink = input.videoLink.trim();
  if (!place && !videoLink)
    problems.push({ field: 'place', message: 'Enter where the meeting is, or a video link for it' });
  else if (place.length > SCHEDULE_LIMITS.place)
    problems.push({ field: 'place', message: tooLong('The place', SCHEDULE_LIMITS.place) });
  if (videoLink) {
    const link = isHttpsLink(videoLink);
    if (videoLink.length > SCHEDULE_LIMITS.videoLink)
      problems.push({ field: 'videoLink', message: tooLong('The video link', SCHEDULE_LIMITS.videoLink) });
    else if (link === 'not_https')
      problems.push({ field: 'videoLink', message: 'The video link must start with https://' });
    else if (link === 'invalid')
      problems.push({
        field: 'videoLink',
        message: 'Enter the video link as a web address, like https://video.example/meeting',
      });
  }
  const schedule =
    !problems.length && meetsOn && startsAt && endsAt ? { meetsOn, startsAt, endsAt, place, videoLink } : null;
  return { problems, schedule };
}

/** The state of a meeting that decides whether it can still be moved or cancelled. */
export interface ScheduleState {
  status: 'arranged' | 'closed' | 'cancelled';
  heldOn: string | null;
}

/** Why a meeting can no longer be moved or cancelled, or null (once held, it is minuted instead). */
export function scheduleLocked(state: ScheduleState, doing: 'move' | 'cancel'): string | null {
  const verb = doing === 'move' ? 'moved' : 'cancelled';
  if (state.status === 'cancelled') return `The meeting has been cancelled, so it cannot be ${verb}`;
  if (state.status === 'closed') return `The meeting is closed, so it cannot be ${verb}`;
  if (state.heldOn) return `The meeting has been held, so it cannot be ${verb}`;
  return null;
}

function reasonProblem(reason: string, missing: string): FormProblem | null {
  const why = reason.trim();
  if (!why) return { field: 'reason', message: missing };
  if (why.length > SCHEDULE_LIMITS.reason)
    return { field: 'reason', message: tooLong('The reason', SCHEDULE_LIMITS.reason) };
  return null;
}

/** Moving a meeting: a new schedule, checked as when arranging, that differs from the current one, and why. */
export function moveProblems(
  input: ScheduleInput & { reason: string },
  current: Schedule | null,
  state: ScheduleState,
  now: Now,
): { problems: FormProblem[]; schedule: Schedule | null } {
  const locked = scheduleLocked(state, 'move');
  if (locked) return { problems: [{ field: 'meetsOn', message: locked }], schedule: null };
  const { problems, schedule } = scheduleProblems(input, now);
  if (
    schedule &&
    current &&
    (Object.keys(schedule) as (keyof Schedule)[]).every((key) => schedule[key] === current[key])
  )
    problems.push({ field: 'meetsOn', message: 'Change the date, the times or where the meeting is, to move it' });
  const reason = reasonProblem(input.reason, 'Enter why the meeting is being moved');
  if (reason) problems.push(reason);
  return { problems, schedule: problems.length ? null : schedule };
}

/** Cancelling a meeting: why, while it has not been held. */
export function cancelProblems(reason: string, state: ScheduleState): FormProblem[] {
  const locked = scheduleLocked(state, 'cancel');
  if (locked) return [{ field: 'reason', message: locked }];
  const problem = reasonProblem(reason, 'Enter why the meeting is being cancelled');
  return problem ? [problem] : [];
}

// --- Invitees beyond the roles the procedure names ---

/** A partner typed in without an account: their name, role or organisation, and email address. */
export interface GuestInput {
  name: string;
  role: string;
  email: string;
}

export const GUEST_LIMITS = { name: 200, role: 200, email: 254 } as const;

/** How many partners without accounts the arrange form has room for (without JavaScript, no rows are added). */
export const GUEST_ROWS = 3;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The partners typed in, numbered as on the form (1, 2, 3): a row left blank is no one. */
export function guestProblems(
  guests: readonly GuestInput[],
  fieldOf: (what: 'Name' | 'Role' | 'Email', row: number) => string = (what, row) => `guest${what}-${row}`,
): FormProblem[] {
  const problems: FormProblem[] = [];
  guests.forEach((guest, i) => {
    const row = i + 1;
    const name = guest.name.trim();
    const role = guest.role.trim();
    const email = guest.email.trim();
    if (!name && !role && !email) return;
    const who = guests.length === 1 ? 'the person' : `person ${row}`;
    if (!name) problems.push({ field: fieldOf('Name', row), message: `Enter the name of ${who}` });
    else if (name.length > GUEST_LIMITS.name)
      problems.push({ field: fieldOf('Name', row), message: tooLong('The name', GUEST_LIMITS.name) });
    if (!role) problems.push({ field: fieldOf('Role', row), message: `Enter the role or organisation of ${who}` });
    else if (role.length > GUEST_LIMITS.role)
      problems.push({ field: fieldOf('Role', row), message: tooLong('The role or organisation', GUEST_LIMITS.role) });
    if (email && (email.length > GUEST_LIMITS.email || !EMAIL.test(email)))
      problems.push({
        field: fieldOf('Email', row),
        message: 'Enter an email address in the correct format, like name@example.com',
      });
  });
  return problems;
}

/** The partners typed in, trimmed, blank rows left out. */
export function guestsGiven(guests: readonly GuestInput[]): GuestInput[] {
  return guests
    .map((guest) => ({ name: guest.name.trim(), role: guest.role.trim(), email: guest.email.trim() }))
    .filter((guest) => guest.name || guest.role || guest.email);
}

/** The named colleagues chosen: each must be one offered (an account in the convening authority). */
export function namedInviteeProblems(chosen: readonly string[], offered: ReadonlySet<string>): FormProblem[] {
  return chosen.some((id) => !offered.has(id))
    ? [{ field: 'inviteUserIds', message: 'Select the people to invite from the list' }]
    : [];
}

/**
 * The chair the form preselects (issue 15): among those entitled to chair in the convening
 * authority, the manager of the child's allocation, else the first holder of the pack's first
 * chair role, else no one. Not for a chair who must be independent of the case's line management.
 */
export function defaultChair(
  candidates: readonly { id: string; roles: readonly string[] }[],
  chairRoles: readonly string[],
  managersOfAllocation: ReadonlySet<string>,
  independent: boolean,
): string {
  const entitled = candidates.filter((candidate) => candidate.roles.some((role) => chairRoles.includes(role)));
  const first = chairRoles[0];
  if (!independent) {
    const manager = entitled.find((candidate) => managersOfAllocation.has(candidate.id));
    if (manager) return manager.id;
  }
  const holder = entitled.find(
    (candidate) => candidate.roles.includes(first ?? '') && !(independent && managersOfAllocation.has(candidate.id)),
  );
  return holder?.id ?? '';
}

// --- Changing who is invited, until the meeting is held (issue 15) ---

export const INVITEE_LIMITS = { reason: 500, agency: 200 } as const;

/** Who can be removed from a meeting: colleagues invited by name and partners, not the chair or the roles the procedure names. */
export function isNamedInvitee(invitee: { inviteeId: string }): boolean {
  return invitee.inviteeId === 'named' || invitee.inviteeId === 'partner' || invitee.inviteeId === 'added';
}

/** A partner typed in without an account, whose details can be changed. */
export function isTypedPartner(invitee: { inviteeId: string; userId: string | null }): boolean {
  return isNamedInvitee(invitee) && invitee.userId === null;
}

/** Why who is invited can no longer be changed, or null: once held, attendance is recorded in the minutes instead. */
export function inviteLocked(state: ScheduleState): string | null {
  if (state.status === 'cancelled') return 'The meeting has been cancelled, so who is invited cannot be changed';
  if (state.status === 'closed') return 'The meeting is closed, so who is invited cannot be changed';
  if (state.heldOn) return 'The meeting has been held, so who is invited cannot be changed';
  return null;
}

/**
 * Inviting more people: colleagues chosen from those offered (not already invited) and partners
 * typed in, at least one of them; every problem at once, in the order of the form.
 */
export function addInviteeProblems(
  input: { inviteUserIds: readonly string[]; guests: readonly GuestInput[] },
  offered: ReadonlySet<string>,
  state: ScheduleState,
): FormProblem[] {
  const first = offered.size ? 'inviteUserIds' : 'guestName-1';
  const locked = inviteLocked(state);
  if (locked) return [{ field: first, message: locked }];
  const problems = [...namedInviteeProblems(input.inviteUserIds, offered), ...guestProblems(input.guests)];
  if (!problems.length && !input.inviteUserIds.length && !guestsGiven(input.guests).length)
    problems.push({
      field: first,
      message: offered.size
        ? 'Select the people to invite, or enter the name and role of a partner'
        : 'Enter the name and role of the partner to invite',
    });
  return problems;
}

/** Removing someone invited: why, while the meeting has not been held. */
export function removeInviteeProblems(reason: string, state: ScheduleState): FormProblem[] {
  const locked = inviteLocked(state);
  if (locked) return [{ field: 'reason', message: locked }];
  const why = reason.trim();
  if (!why) return [{ field: 'reason', message: 'Enter why they are no longer invited' }];
  if (why.length > INVITEE_LIMITS.reason)
    return [{ field: 'reason', message: tooLong('The reason', INVITEE_LIMITS.reason) }];
  return [];
}

/** A partner's details as the form to change them posts them. */
export interface PartnerInput {
  name: string;
  role: string;
  agency: string;
  email: string;
}

/** The partner's details trimmed. */
export function partnerGiven(input: PartnerInput): PartnerInput {
  return { name: input.name.trim(), role: input.role.trim(), agency: input.agency.trim(), email: input.email.trim() };
}

/** "Jo Fenwick, School nurse, Riverside Primary, school.nurse@health.example": the details in a line. */
export function partnerText(partner: PartnerInput): string {
  return [partner.name, partner.role, partner.agency, partner.email].filter(Boolean).join(', ');
}

/** Changing a partner's details: a name and a role, an email address in its format, and something changed. */
export function partnerProblems(input: PartnerInput, current: PartnerInput, state: ScheduleState): FormProblem[] {
  const locked = inviteLocked(state);
  if (locked) return [{ field: 'name', message: locked }];
  const given = partnerGiven(input);
  const problems: FormProblem[] = [];
  if (!given.name) problems.push({ field: 'name', message: 'Enter their name' });
  else if (given.name.length > GUEST_LIMITS.name)
    problems.push({ field: 'name', message: tooLong('The name', GUEST_LIMITS.name) });
  if (!given.role) problems.push({ field: 'role', message: 'Enter their role or organisation' });
  else if (given.role.length > GUEST_LIMITS.role)
    problems.push({ field: 'role', message: tooLong('The role or organisation', GUEST_LIMITS.role) });
  if (given.agency.length > INVITEE_LIMITS.agency)
    problems.push({ field: 'agency', message: tooLong('The agency', INVITEE_LIMITS.agency) });
  if (given.email && (given.email.length > GUEST_LIMITS.email || !EMAIL.test(given.email)))
    problems.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  const before = partnerGiven(current);
  if (!problems.length && (Object.keys(given) as (keyof PartnerInput)[]).every((key) => given[key] === before[key]))
    problems.push({ field: 'name', message: 'Change their name, role, agency or email address, to save the change' });
  return problems;
}
