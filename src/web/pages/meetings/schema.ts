// What the meetings' forms post, typed by page schemas (web/page-schema.ts): arranging a meeting,
// the minutes, an attendee, a child's outcome, the chair's approval, circulation and closing, and a
// police, prosecution or triage decision. They check no rule: a field not given is '' and the
// meeting and external decision services say what is missing (ADR 0005).
import type { ExternalDecisionInput } from '../../../services/external-decision-service.ts';
import type { ArrangeInput, MinutesInput } from '../../../services/meeting-service.ts';
import { type PageData, field, pageSchema } from '../../page-schema.ts';

/** The children, each child's responsible authority (`responsible-<child id>`), the chair and the invitees. */
export const arrangeForm = pageSchema(
  {
    childIds: field.list(),
    responsible: field.prefixed(),
    chairId: field.text(),
    invite: field.list(),
    excluded: field.prefixed(),
  },
  { prefixes: { responsible: 'responsible-', excluded: 'exclude-' } },
);

export const arrangeInput = (data: PageData<typeof arrangeForm>): ArrangeInput => data;

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
