// What the meetings' pages show, built from what the services return: pure functions, so the routes
// only parse, call a service and render (issue 12, item 3). Unit-tested in test/unit/meetings-view-model.test.ts.
import { EXTERNAL_AGENCIES, EXTERNAL_DECISIONS } from '../../../domain/external-decisions.ts';
import type * as externalService from '../../../services/external-decision-service.ts';
import type * as meetingService from '../../../services/meeting-service.ts';
import { citeHtml, citeText, escapeHtml } from '../../cite.ts';
import { type DateParts, partsFromIso } from '../../forms.ts';
import {
  GUEST_ROWS,
  type GuestInput,
  isNamedInvitee,
  isTypedPartner,
  type Schedule,
  type ScheduleInput,
  placeText,
  scheduleText,
  timeText,
} from '../../../domain/meeting-schedule.ts';

export type ArrangeOptions = Awaited<ReturnType<typeof meetingService.arrangeOptions>>;
export type MeetingDetails = Awaited<ReturnType<typeof meetingService.viewMeeting>>;
type Meeting = MeetingDetails['meeting'];
type MeetingChild = Meeting['children'][number];

export const roleText = { displayed: 'Child who harmed', targeted: 'Child harmed' } as const;

/** A meeting not yet held whose date to hold it by has passed. */
export function isOverdue(
  meeting: { status: string; heldOn: string | null; dueOn: string | null },
  today: string,
): boolean {
  return meeting.status === 'arranged' && !meeting.heldOn && meeting.dueOn !== null && meeting.dueOn < today;
}

// --- Arranging a meeting ---

/** What the arrange form starts with: every child, each child's own authority, no chair, the proposed invitees. */
export function arrangeDefaults(options: ArrangeOptions): meetingService.ArrangeInput {
  return {
    childIds: options.children.map((child) => child.childId),
    responsible: Object.fromEntries(options.children.map((child) => [child.childId, child.authorityId])),
    chairId: options.defaultChairId,
    invite: options.invitees.filter((invitee) => invitee.proposed).map((invitee) => invitee.inviteeId),
    excluded: {},
    schedule: EMPTY_SCHEDULE,
    inviteUserIds: [],
    guests: Array.from({ length: GUEST_ROWS }, () => ({ name: '', role: '', email: '' })),
  };
}

export const EMPTY_SCHEDULE: ScheduleInput = {
  meetsOn: { day: '', month: '', year: '' },
  startTime: '',
  endTime: '',
  place: '',
  videoLink: '',
};

/** A schedule as the form shows it: the date's boxes, and each time as people read it ('10:30am'). */
export function scheduleValues(schedule: Schedule | null): ScheduleInput {
  if (!schedule) return EMPTY_SCHEDULE;
  return {
    meetsOn: partsFromIso(schedule.meetsOn),
    startTime: timeText(schedule.startsAt),
    endTime: timeText(schedule.endsAt),
    place: schedule.place,
    videoLink: schedule.videoLink,
  };
}

/** When and where, in words, for every page that shows a meeting (issue 15). */
export function whenText(meeting: { schedule: Schedule | null }): string {
  return meeting.schedule ? scheduleText(meeting.schedule) : 'Not yet scheduled';
}

export const STATUS_TEXT = { arranged: 'Open', closed: 'Closed', cancelled: 'Cancelled' } as const;

export function arrangeView(options: ArrangeOptions, values: meetingService.ArrangeInput) {
  return {
    pageTitle: `Arrange: ${options.type.label}`,
    o: options,
    type: options.type,
    task: options.task,
    canArrange: options.canArrange,
    childItems: options.children.map((child) => ({
      value: child.childId,
      text: `${child.name} (${roleText[child.role].toLowerCase()})`,
      checked: values.childIds.includes(child.childId),
    })),
    responsibleSelects: options.children.map((child) => ({
      childId: child.childId,
      label: `Authority responsible for ${child.name}`,
      items: options.authorities.map((authority) => ({
        value: authority.id,
        text: authority.name,
        selected: values.responsible[child.childId] === authority.id,
      })),
    })),
    schedule: values.schedule,
    inviteUserItems: options.inviteCandidates.map((user) => ({
      value: user.id,
      text: user.name,
      hint: { text: user.roleText },
      checked: values.inviteUserIds.includes(user.id),
    })),
    guestRows: values.guests.map((guest, i) => ({ n: i + 1, ...guest })),
    chairGroups: options.chairCandidates.map((group) => ({
      label: group.authority.name,
      users: group.users.map((user) => ({ ...user, selected: user.id === values.chairId })),
    })),
    inviteItems: options.invitees.map((invitee) => ({
      value: invitee.inviteeId,
      text: `${invitee.label}${invitee.mode === 'inform' ? ' (to be informed, not invited)' : ''}`,
      hint: {
        html: `${escapeHtml(`${invitee.reason}${invitee.because ? ` ${invitee.because}` : ''}`)} (${citeHtml(invitee.clause)})`,
      },
      checked: values.invite.includes(invitee.inviteeId),
    })),
    exclusionBoxes: options.invitees
      .filter((invitee) => invitee.exceptional)
      .map((invitee) => ({
        id: `exclude-${invitee.inviteeId}`,
        label: `${invitee.label}: if not invited, the exceptional circumstances`,
        hint: `They are left out only in exceptional circumstances, discussed with everyone at the meeting and minuted (${citeText(invitee.exceptional)}).`,
        value: values.excluded?.[invitee.inviteeId] ?? '',
      })),
  };
}

// --- Lists ---

export function meetingListRows<
  M extends { status: string; heldOn: string | null; dueOn: string | null; schedule: Schedule | null },
>(meetings: readonly M[], today: string) {
  return meetings.map((meeting) => ({
    ...meeting,
    overdue: isOverdue(meeting, today),
    whenText: whenText(meeting),
    statusText: STATUS_TEXT[meeting.status as keyof typeof STATUS_TEXT] ?? meeting.status,
  }));
}

// --- One meeting ---

/** The agenda's items under their section headings, each with its place in the agenda (for its notes box). */
export function agendaSections(agenda: readonly { section: string; text: string; notes: string }[]) {
  const sections: { heading: string; items: { index: number; text: string; notes: string }[] }[] = [];
  agenda.forEach((item, index) => {
    const last = sections.at(-1);
    const entry = { index, text: item.text, notes: item.notes };
    if (last && last.heading === item.section) last.items.push(entry);
    else sections.push({ heading: item.section, items: [entry] });
  });
  return sections;
}

/** How an invitee reads in the list of those the minutes can be sent to: "Police: Sam Lee, Kent Police". */
export function inviteeText(invitee: { roleLabel: string; name: string; agency: string }): string {
  return `${invitee.roleLabel}${invitee.name ? `: ${invitee.name}` : ''}${invitee.agency ? `, ${invitee.agency}` : ''}`;
}

/** The meeting's page, its minutes, print and download: the meeting with its children and authorities in words. */
export function meetingView(details: MeetingDetails) {
  const meeting = details.meeting;
  return {
    ...details,
    m: meeting,
    sections: agendaSections(meeting.agenda),
    roleText,
    chairAuthority: details.authorityName(meeting.chairAuthorityId),
    authorities: [
      ...new Set([meeting.authorityId, ...meeting.children.map((child) => child.responsibleAuthorityId)]),
    ].map(details.authorityName),
    overdue: isOverdue(meeting, details.today),
    whenText: whenText(meeting),
    whereText: meeting.schedule ? placeText(meeting.schedule) : null,
    statusText: STATUS_TEXT[meeting.status],
    scheduleHistory: meeting.scheduleHistory.map((change) => ({
      ...change,
      text:
        change.kind === 'arranged'
          ? `Arranged${change.schedule ? ` for ${scheduleText(change.schedule)}` : ''}`
          : change.kind === 'moved'
            ? `Moved to ${change.schedule ? scheduleText(change.schedule) : 'a new time'}${change.schedule ? `, ${placeText(change.schedule)}` : ''}`
            : 'Cancelled',
    })),
    children: meeting.children.map((child) => ({
      ...child,
      visible: details.recordChildIds.includes(child.childId),
      responsibleName: details.authorityName(child.responsibleAuthorityId),
      roleText: roleText[child.role],
    })),
    invited: invitedRows(meeting),
    inviteeHistory: inviteeHistory(meeting),
    circulateItems: meeting.invitees
      .filter((invitee) => !invitee.circulatedAt)
      .map((invitee) => ({ value: invitee.id, text: inviteeText(invitee) })),
  };
}

// --- Who is invited (issue 15) ---

/** Those invited by name, each as the "Invited" section lists them, with whether their details can be corrected. */
export function invitedRows(meeting: Meeting) {
  return meeting.invitees.filter(isNamedInvitee).map((invitee) => ({
    id: invitee.id,
    name: invitee.name || 'Name not recorded',
    roleText: [invitee.roleLabel, invitee.agency].filter(Boolean).join(', '),
    email: invitee.email,
    hasAccount: invitee.userId !== null,
    partner: isTypedPartner(invitee),
  }));
}

/** The meeting's history of who is invited, in words: who was invited, removed (with why) or corrected, by whom and when. */
export function inviteeHistory(meeting: Meeting) {
  return meeting.inviteeChanges.map((change) => {
    const who = [change.name, change.roleLabel, change.agency].filter(Boolean).join(', ');
    const text =
      change.kind === 'added'
        ? `Invited: ${who}`
        : change.kind === 'removed'
          ? `No longer invited: ${who}`
          : `Details corrected to: ${[who, change.email].filter(Boolean).join(', ')} (they were: ${change.was})`;
    return { text, reason: change.reason, changedByName: change.changedByName, changedAt: change.changedAt };
  });
}

export interface InviteValues {
  inviteUserIds: string[];
  guests: GuestInput[];
}

export const EMPTY_INVITE: InviteValues = {
  inviteUserIds: [],
  guests: Array.from({ length: GUEST_ROWS }, () => ({ name: '', role: '', email: '' })),
};

/** The form to invite more people: the colleagues who can still be invited, and the partners' rows. */
export function inviteView(
  candidates: readonly { id: string; name: string; roleText: string }[],
  values: InviteValues,
) {
  return {
    inviteUserItems: candidates.map((user) => ({
      value: user.id,
      text: user.name,
      hint: { text: user.roleText },
      checked: values.inviteUserIds.includes(user.id),
    })),
    guestRows: values.guests.map((guest, i) => ({ n: i + 1, ...guest })),
  };
}

// --- Minutes ---

/** What the minutes form starts with: what is already recorded. */
export function minutesDefaults(meeting: Meeting): meetingService.MinutesInput {
  return {
    heldOn: partsFromIso(meeting.heldOn),
    notes: meeting.agenda.map((item) => item.notes),
    policeInvolvement: meeting.policeInvolvement ?? '',
    policeInvolvementReason: meeting.policeInvolvementReason,
    attended: Object.fromEntries(
      meeting.invitees.map((invitee) => [invitee.id, invitee.attended === null ? '' : invitee.attended ? 'yes' : 'no']),
    ),
    names: Object.fromEntries(meeting.invitees.map((invitee) => [invitee.id, invitee.name])),
    agencies: Object.fromEntries(meeting.invitees.map((invitee) => [invitee.id, invitee.agency])),
    safetyPlans: Object.fromEntries(meeting.children.map((child) => [child.childId, child.safetyPlan])),
  };
}

// --- Attendees not proposed by the pack ---

export interface AttendeeValues {
  roleLabel: string;
  name: string;
  agency: string;
  email: string;
  userId: string;
}

export const EMPTY_ATTENDEE: AttendeeValues = { roleLabel: '', name: '', agency: '', email: '', userId: '' };

export function accountItems(accounts: readonly { id: string; name: string }[], chosen: string) {
  return [
    { value: '', text: 'No account' },
    ...accounts.map((account) => ({ value: account.id, text: account.name, selected: account.id === chosen })),
  ];
}

// --- Each child's outcome ---

export function outcomeView(details: MeetingDetails, child: MeetingChild, chosen: string | undefined) {
  return {
    pageTitle: `Outcome for ${child.name}`,
    child: { ...child, roleText: roleText[child.role] },
    askAlsoHarmed: Boolean(details.type.alsoHarmedPrompt) && child.role === 'displayed',
    outcomeItems: details.outcomeOptions.map((option) => ({
      value: option.id,
      text: option.label,
      hint: { text: option.hint },
      checked: chosen === option.id,
    })),
  };
}

// --- Print and download ---

/** The downloaded record's file name: the meeting's type and the day it was held (or was due). */
export function exportFileName(meeting: { typeLabel: string; heldOn: string | null; dueOn: string | null }): string {
  const slug = meeting.typeLabel.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `${slug}-${meeting.heldOn ?? meeting.dueOn ?? 'arranged'}.html`;
}

// --- A child's meetings and external decisions ---

type ChildDecisions = Awaited<ReturnType<typeof externalService.externalDecisions>>;

export function decisionRows(decisions: ChildDecisions['decisions']) {
  return decisions.map((decision) => ({ ...decision, agencyText: EXTERNAL_AGENCIES[decision.agency] }));
}

export interface ExternalValues {
  agency: string;
  decision: string;
  decidedOn: DateParts;
  youthJusticeRecommendation: string;
  note: string;
}

export const EMPTY_EXTERNAL: ExternalValues = {
  agency: '',
  decision: '',
  decidedOn: { day: '', month: '', year: '' },
  youthJusticeRecommendation: '',
  note: '',
};

/** One question, its options grouped by the agency that makes them: a fieldset for each. */
export function decisionGroups(values: { agency: string; decision: string }) {
  return Object.entries(EXTERNAL_DECISIONS).map(([agency, options], i) => ({
    agency,
    idPrefix: i === 0 ? 'decision' : `decision-${agency}`,
    label: EXTERNAL_AGENCIES[agency as keyof typeof EXTERNAL_AGENCIES],
    items: Object.entries(options).map(([value, text]) => ({
      value: `${agency}:${value}`,
      text,
      checked: values.agency === agency && values.decision === value,
    })),
  }));
}
