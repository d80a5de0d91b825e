// What the meetings' forms post, typed by page schemas (web/page-schema.ts): arranging a meeting,
// the minutes, an attendee, a child's outcome, the chair's approval, circulation and closing, and a
// police, prosecution or triage decision. They check no rule: a field not given is '' and the
// meeting and external decision services say what is missing (ADR 0005).
import type { ExternalDecisionInput } from '../../../services/external-decision-service.ts';
import { GUEST_ROWS } from '../../../domain/meeting-schedule.ts';
import type { PartnerInput } from '../../../domain/meeting-schedule.ts';
import type { AddInviteesInput, ArrangeInput, MinutesInput, MoveInput } from '../../../services/meeting-service.ts';
import { type PageData, field, pageSchema } from '../../page-schema.ts';

/**
 * The children, each child's responsible authority (`responsible-<child id>`), the chair, when and
 * where, the invitees the procedure proposes, colleagues by name, and partners without an account
 * (`guestName-<n>`, `guestRole-<n>`, `guestEmail-<n>`, n from 1).
 */
export const arrangeForm = pageSchema(
  {
    childIds: field.list(),
    responsible: field.prefixed(),
    chairId: field.text(),
    meetsOn: field.dateParts(),
    startTime: field.text(),
    endTime: field.text(),
    place: field.text(),
    videoLink: field.text(),
    invite: field.list(),
    excluded: field.prefixed(),
    inviteUserIds: field.list(),
    guestNames: field.prefixed(),
    guestRoles: field.prefixed(),
    guestEmails: field.prefixed(),
  },
  {
    dates: ['meetsOn'],
    prefixes: {
      responsible: 'responsible-',
      excluded: 'exclude-',
      guestNames: 'guestName-',
      guestRoles: 'guestRole-',
      guestEmails: 'guestEmail-',
    },
  },
);

/** The partners typed in, by their row on the form (1 to GUEST_ROWS); other row numbers are ignored. */
function guestsOf(names: Record<string, string>, roles: Record<string, string>, emails: Record<string, string>) {
  return Array.from({ length: GUEST_ROWS }, (_, i) => {
    const row = String(i + 1);
    return { name: names[row] ?? '', role: roles[row] ?? '', email: emails[row] ?? '' };
  });
}

export function arrangeInput(data: PageData<typeof arrangeForm>): ArrangeInput {
  const { meetsOn, startTime, endTime, place, videoLink, guestNames, guestRoles, guestEmails, ...rest } = data;
  return {
    ...rest,
    schedule: { meetsOn, startTime, endTime, place, videoLink },
    guests: guestsOf(guestNames, guestRoles, guestEmails),
  };
}

/** Moving a meeting: the new day, times and place, why, and the version the form was opened at. */
export const rescheduleForm = pageSchema(
  {
    version: field.version(),
    meetsOn: field.dateParts(),
    startTime: field.text(),
    endTime: field.text(),
    place: field.text(),
    videoLink: field.text(),
    reason: field.text(),
  },
  { dates: ['meetsOn'] },
);

export function rescheduleInput({ version: _version, ...rest }: PageData<typeof rescheduleForm>): MoveInput {
  return rest;
}

/** Inviting more people (issue 15): colleagues by name and partners without an account, as when arranging. */
export const inviteForm = pageSchema(
  {
    version: field.version(),
    inviteUserIds: field.list(),
    guestNames: field.prefixed(),
    guestRoles: field.prefixed(),
    guestEmails: field.prefixed(),
  },
  { prefixes: { guestNames: 'guestName-', guestRoles: 'guestRole-', guestEmails: 'guestEmail-' } },
);

export function inviteInput(data: PageData<typeof inviteForm>): AddInviteesInput {
  return { inviteUserIds: data.inviteUserIds, guests: guestsOf(data.guestNames, data.guestRoles, data.guestEmails) };
}

/** Removing someone invited: why, and the version the form was opened at. */
export const removeInviteeForm = pageSchema({ version: field.version(), reason: field.text() });

/** Correcting a partner's details: their name, role or organisation, agency and email address. */
export const partnerForm = pageSchema({
  version: field.version(),
  name: field.text(),
  role: field.text(),
  agency: field.text(),
  email: field.text(),
});

export function partnerInput({ version: _version, ...rest }: PageData<typeof partnerForm>): PartnerInput {
  return rest;
}

/** Cancelling a meeting: why, and the version the form was opened at. */
export const cancelForm = pageSchema({ version: field.version(), reason: field.text() });

/** The minutes: a note for each agenda item (`note-<n>`), and each invitee's and child's fields by their id. */
export const minutesForm = pageSchema(
  {
    version: field.version(),
    heldOn: field.dateParts(),
    notes: field.prefixed(),
    policeInvolvement: field.text(),
    policeInvolvementReason: field.text(),
    attended: field.prefixed(),
    names: field.prefixed(),
    agencies: field.prefixed(),
    safetyPlans: field.prefixed(),
  },
  {
    dates: ['heldOn'],
    prefixes: {
      notes: 'note-',
      attended: 'attended-',
      names: 'name-',
      agencies: 'agency-',
      safetyPlans: 'safetyPlan-',
    },
  },
);

/** The minutes as the meeting service takes them: the agenda's notes in order, '' for an item left out. */
export function minutesInput({ version: _version, notes, ...rest }: PageData<typeof minutesForm>): MinutesInput {
  const inOrder: string[] = [];
  for (const [index, note] of Object.entries(notes)) if (/^\d{1,3}$/.test(index)) inOrder[Number(index)] = note;
  return { ...rest, notes: Array.from(inOrder, (note) => note ?? '') };
}

export const attendeeForm = pageSchema({
  roleLabel: field.text(),
  name: field.text(),
  agency: field.text(),
  email: field.text(),
  userId: field.text(),
});

export const outcomeForm = pageSchema({
  outcome: field.text(),
  rationale: field.text(),
  reasons: field.text(),
  informer: field.text(),
  leadAgency: field.text(),
  investigation: field.text(),
  timescale: field.text(),
  alsoHarmed: field.text(),
});

/** The chair's approval and closing: the meeting's version. */
export const versionForm = pageSchema({ version: field.version() });

export const circulateForm = pageSchema({ inviteeIds: field.list() });

/** One question whose value names the agency and its decision: "cps:charge". */
export const externalForm = pageSchema(
  {
    decision: field.text(),
    decidedOn: field.dateParts(),
    youthJusticeRecommendation: field.text(),
    note: field.text(),
  },
  { dates: ['decidedOn'] },
);

export function externalInput({ decision: both, ...rest }: PageData<typeof externalForm>): ExternalDecisionInput {
  const [agency, decision] = both.split(':') as [string, string | undefined];
  return { agency: decision === undefined ? '' : agency, decision: decision ?? '', ...rest };
}
