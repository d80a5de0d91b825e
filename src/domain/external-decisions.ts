// Decisions other agencies make, recorded on the child's record as external decisions: the police
// and the Crown Prosecution Service decide on criminal proceedings, informed by Youth Justice's
// recommendations (R-KEN-9, kent §11); Out of Court Triage decides on diversion under the local
// Diversion Policy (R-NEL-7). The application records them; it does not make them.
import { type DateParts, parseDateParts } from './date-parts.ts';
import { tooLong } from './text-limits.ts';

export const EXTERNAL_AGENCIES = {
  police: 'Police',
  cps: 'Crown Prosecution Service',
  out_of_court_triage: 'Out of Court Triage',
} as const;
export type ExternalAgency = keyof typeof EXTERNAL_AGENCIES;

export const EXTERNAL_DECISIONS: Record<ExternalAgency, Record<string, string>> = {
  police: {
    investigating: 'Investigation under way',
    'no-further-action': 'No further action',
    'refer-out-of-court': 'Referred to Out of Court Triage',
    'refer-yjs-diversion': 'Referred to the Youth Justice Service for diversion',
    'refer-cps': 'File passed to the Crown Prosecution Service',
    'sexual-risk-order': 'Sexual Risk Order sought',
  },
  cps: {
    'no-prosecution': 'No prosecution',
    'out-of-court': 'Out-of-court disposal',
    charge: 'Charge',
  },
  out_of_court_triage: {
    'no-further-action': 'No further action',
    diversion: 'Diversion (Youth Justice Service)',
    'community-resolution': 'Community resolution',
    'youth-caution': 'Youth caution',
    'youth-conditional-caution': 'Youth conditional caution',
  },
};

export function isExternalAgency(value: string): value is ExternalAgency {
  return value in EXTERNAL_AGENCIES;
}

/** The longest text each box takes (the form's character counts show the same). */
export const EXTERNAL_LIMITS = { youthJusticeRecommendation: 5000, note: 5000 } as const;

export interface ExternalDecisionInput {
  agency: string;
  decision: string;
  decidedOn: DateParts;
  youthJusticeRecommendation: string;
  note: string;
}

export interface FormProblem {
  field: string;
  message: string;
}

/** The agency and the label of its decision, when the decision is one that agency makes; otherwise null. */
export function chosenDecision(input: Pick<ExternalDecisionInput, 'agency' | 'decision'>) {
  if (!isExternalAgency(input.agency) || !Object.hasOwn(EXTERNAL_DECISIONS[input.agency], input.decision)) return null;
  return { agency: input.agency, label: EXTERNAL_DECISIONS[input.agency][input.decision]! };
}

/** The date of the decision: today or in the past. */
export function decidedOn(input: Pick<ExternalDecisionInput, 'decidedOn'>, today: string) {
  return parseDateParts(input.decidedOn, 'Date of the decision', 'Enter the date of the decision', {
    past: true,
    today,
  });
}

/** Everything wrong with a recorded decision, at once, in page order. */
export function externalDecisionProblems(input: ExternalDecisionInput, facts: { today: string }): FormProblem[] {
  const problems: FormProblem[] = [];
  // One question: each decision is listed under the agency that makes it (issue 11, defect 12).
  if (!chosenDecision(input))
    problems.push({ field: 'decision', message: 'Select the decision, under the agency that made it' });
  const date = decidedOn(input, facts.today);
  if ('error' in date) problems.push({ field: 'decidedOn', message: date.error });
  if (input.youthJusticeRecommendation.length > EXTERNAL_LIMITS.youthJusticeRecommendation)
    problems.push({
      field: 'youthJusticeRecommendation',
      message: tooLong('Youth Justice recommendation', EXTERNAL_LIMITS.youthJusticeRecommendation),
    });
  if (input.note.length > EXTERNAL_LIMITS.note)
    problems.push({ field: 'note', message: tooLong('Notes', EXTERNAL_LIMITS.note) });
  return problems;
}
