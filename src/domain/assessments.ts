// AIM assessments as decision support: which model the procedure names for the child's age or
// developmental stage (R-X-2, R-KEN-11, R-THU-5, R-NYO-7, R-NEL-10), who may assess (R-X-5,
// R-NYO-9: co-worked, led by a trained practitioner; R-NYO-12: not the child harmed's social
// worker, and care over an assessor who was the appropriate adult at the PACE interview), when
// only a Stage One paperwork assessment is possible (R-NYO-10), the four stages (R-NYO-9), the
// outcome sheet (R-NYO-13) and sharing the report (R-NYO-14). We record ratings and formulation in
// the assessors' words, never the licensed AIM item texts. Pure: the services store and audit.
import { TRAINING_LABELS, type Training } from './roles.ts';
import { TEXT_LIMITS, tooLong } from './text-limits.ts';
import type { DateParts } from './date-parts.ts';
import { doneOn } from './past-dates.ts';

export const ASSESSMENT_MODEL_IDS = ['aim_under_12', 'aim2', 'aim3'] as const;
export type AssessmentModelId = (typeof ASSESSMENT_MODEL_IDS)[number];

export const ASSESSMENT_MODELS: Record<AssessmentModelId, { label: string; training: Training }> = {
  aim_under_12: { label: 'AIM under-12s assessment', training: 'aim_under_12' },
  aim2: { label: 'AIM2 assessment', training: 'aim2' },
  aim3: { label: 'AIM3 assessment', training: 'aim3' },
};

/**
 * The assessor rules North Yorkshire's guidance sets out (R-X-5, R-NYO-9, R-NYO-10, R-NYO-12). Each
 * applies to a pack's assessments only when the pack gives it (its `assessorRules`, citing its own
 * document or a labelled local setting).
 */
export const ASSESSOR_RULES = ['trainedLead', 'assessorConflicts', 'denial'] as const;
export type AssessorRule = (typeof ASSESSOR_RULES)[number];
/** The rules a pack applies: present when it gives them. */
export type AssessorRules = Readonly<Partial<Record<AssessorRule, unknown>>>;

/** The four stages (north-yorkshire §7, R-NYO-9). A Stage One paperwork assessment has no interviews. */
export const STAGES = [
  { n: 1, label: 'Stage 1: information gathered from the agencies involved' },
  { n: 2, label: 'Stage 2: interviews with the young person and their parents or carers' },
  { n: 3, label: 'Stage 3: outcome sheet completed' },
  { n: 4, label: 'Stage 4: report written and presented to an inter-agency meeting' },
] as const;
export type StageNumber = (typeof STAGES)[number]['n'];

/** The four domains of the outcome sheet (north-yorkshire App. 2, R-NYO-13). */
export const DOMAINS = [
  { id: 'offence', label: 'Sexual and non-sexual harmful behaviour' },
  { id: 'developmental', label: 'Developmental' },
  { id: 'family', label: 'Family' },
  { id: 'environment', label: 'Environment' },
] as const;
export type DomainId = (typeof DOMAINS)[number]['id'];
export const PROFILE_CELLS = [
  { id: 'staticConcerns', label: 'Static concerns' },
  { id: 'dynamicConcerns', label: 'Dynamic concerns' },
  { id: 'staticStrengths', label: 'Static strengths' },
  { id: 'dynamicStrengths', label: 'Dynamic strengths' },
] as const;
export type ProfileCell = (typeof PROFILE_CELLS)[number]['id'];

export const SUPERVISION_LEVELS = [
  { id: 'low', label: 'Low' },
  { id: 'medium', label: 'Medium' },
  { id: 'high', label: 'High' },
] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number]['id'];

export const INTERVENTION_AREAS = [
  { id: 'youngPerson', label: 'Areas for intervention with the young person' },
  { id: 'family', label: 'Areas for intervention with the family' },
  { id: 'environment', label: 'Areas for intervention in the living environment' },
] as const;
export type InterventionArea = (typeof INTERVENTION_AREAS)[number]['id'];

export interface FormProblem {
  field: string;
  message: string;
}

export interface Assessor {
  id: string;
  name: string;
  trainings: readonly Training[];
}

export interface PlanInput {
  leadId: string;
  coId: string;
  /** Did either assessor act as the appropriate adult at the child's PACE interview? */
  appropriateAdult: '' | 'none' | 'lead' | 'co';
  appropriateAdultReason: string;
  prosecutionLikely: '' | 'yes' | 'no';
  denies: '' | 'yes' | 'no';
  legalRepAgreed: '' | 'yes' | 'no';
  participates: '' | 'yes' | 'no';
}

export interface PlanFacts {
  model: AssessmentModelId;
  /** Accounts that may be chosen as assessors. */
  assessors: readonly Assessor[];
  /** Social workers allocated to a child harmed by this child (R-NYO-12). */
  victimWorkers: ReadonlyMap<string, string>;
  /** The assessor rules the pack applies. */
  rules: AssessorRules;
}

export type AssessmentMode = 'full' | 'stage_one_only';

/**
 * Interviews need the child's participation and, where the pack gives the denial rule, a legal
 * representative's explicit agreement when a child likely to be prosecuted denies the offence (R-NYO-10).
 */
export function assessmentMode(
  input: Pick<PlanInput, 'prosecutionLikely' | 'denies' | 'legalRepAgreed' | 'participates'>,
  rules: AssessorRules,
): { mode: AssessmentMode; why: string } {
  if (input.participates === 'no')
    return {
      mode: 'stage_one_only',
      why: 'The young person does not agree to take part: a Stage One paperwork assessment, likely to give a limited outcome.',
    };
  if (rules.denial && input.prosecutionLikely === 'yes' && input.denies === 'yes' && input.legalRepAgreed !== 'yes') {
    return {
      mode: 'stage_one_only',
      why:
        'Likely to be prosecuted and denies the offence, with no legal representative’s explicit ' +
        'agreement to interviews: a Stage One paperwork assessment, likely to give a limited outcome.',
    };
  }
  return { mode: 'full', why: 'Interviews with the young person and their family can take place.' };
}

/** Why a second assessment cannot be planned while one is in progress (R-NYO-9). */
export const ALREADY_IN_PROGRESS =
  'An assessment is already in progress for this child: complete it before planning another.';

/** The facts that decide whether an AIM assessment can be planned for this child. */
export interface PlanBarrierFacts {
  /** A submitted incident records that this child displayed harmful sexual behaviour. */
  displayedBehaviour: boolean;
  /** The assessment the procedure names for the child's age or stage (ageRules), with its clause cited; null when none. */
  named: { name: string; model: AssessmentModelId | null; citation: string } | null;
  inProgress: boolean;
}

/** Why no AIM assessment can be planned for this child, or null: the page says so instead of showing the form. */
export function planBarrier(facts: PlanBarrierFacts): string | null {
  if (!facts.displayedBehaviour)
    return 'An AIM assessment is of a child who displayed harmful sexual behaviour: no submitted incident records that this child did.';
  if (!facts.named?.model)
    return facts.named
      ? `The procedure names no AIM assessment for this child: ${facts.named.name} (${facts.named.citation}).`
      : 'The procedure names no AIM assessment for a child of this age.';
  if (facts.inProgress) return ALREADY_IN_PROGRESS;
  return null;
}

/** A plan: why none can be made (the error links to that, field 'cannot'), or everything wrong with the form. */
export function planningProblems(
  input: PlanInput,
  facts: { barrier: PlanBarrierFacts } & Omit<PlanFacts, 'model'>,
): FormProblem[] {
  const cannot = planBarrier(facts.barrier);
  const model = facts.barrier.named?.model;
  if (cannot || !model) return [{ field: 'cannot', message: cannot ?? 'No AIM assessment applies' }];
  return planProblems({ ...facts, model }, input);
}

/** Whether the plan names the child harmed's social worker as an assessor, where the pack keeps them out (R-NYO-12). */
export function choosesVictimsWorker(
  facts: Pick<PlanFacts, 'victimWorkers' | 'rules'>,
  input: Pick<PlanInput, 'leadId' | 'coId'>,
): boolean {
  return (
    Boolean(facts.rules.assessorConflicts) &&
    (facts.victimWorkers.has(input.leadId) || facts.victimWorkers.has(input.coId))
  );
}

/** Everything wrong with a planned assessment, at once, in GOV.UK wording, under the rules the pack applies. */
export function planProblems(facts: PlanFacts, input: PlanInput): FormProblem[] {
  const problems: FormProblem[] = [];
  const model = ASSESSMENT_MODELS[facts.model];
  const trainingName = TRAINING_LABELS[model.training];
  const lead = facts.assessors.find((assessor) => assessor.id === input.leadId);
  const co = facts.assessors.find((assessor) => assessor.id === input.coId);
  if (!input.leadId) problems.push({ field: 'leadId', message: 'Select who will lead the assessment' });
  else if (!lead) problems.push({ field: 'leadId', message: 'Select a lead assessor from the list' });
  else if (facts.rules.trainedLead && !lead.trainings.includes(model.training)) {
    problems.push({
      field: 'leadId',
      message: `Select a lead assessor trained in ${trainingName}: only trained practitioners lead`,
    });
  }
  if (!input.coId) problems.push({ field: 'coId', message: 'Select the co-assessor: assessments are co-worked' });
  else if (!co) problems.push({ field: 'coId', message: 'Select a co-assessor from the list' });
  else if (input.coId === input.leadId)
    problems.push({ field: 'coId', message: 'Select a co-assessor who is not the lead assessor' });
  if (facts.rules.assessorConflicts) problems.push(...conflictProblems(facts, input, lead, co, problems));
  if (!input.participates)
    problems.push({ field: 'participates', message: 'Select whether the young person agrees to take part' });
  if (facts.rules.denial) problems.push(...denialProblems(input));
  if (input.appropriateAdultReason.length > APPROPRIATE_ADULT_REASON_MAX)
    problems.push({
      field: 'appropriateAdultReason',
      message: tooLong('Why the assessor is still suitable', APPROPRIATE_ADULT_REASON_MAX),
    });
  return problems;
}

/** The child harmed's social worker is kept out, and an assessor who was the appropriate adult says why they are still suitable (R-NYO-12). */
function conflictProblems(
  facts: PlanFacts,
  input: PlanInput,
  lead: Assessor | undefined,
  co: Assessor | undefined,
  found: readonly FormProblem[],
): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const [field, assessor] of [
    ['leadId', lead],
    ['coId', co],
  ] as const) {
    if (assessor && facts.victimWorkers.has(assessor.id) && !found.some((problem) => problem.field === field)) {
      problems.push({
        field,
        message: `Select someone else: ${assessor.name} is the social worker of the child harmed and must not be involved in the assessment`,
      });
    }
  }
  if (!input.appropriateAdult)
    problems.push({
      field: 'appropriateAdult',
      message: 'Select whether either assessor was the appropriate adult at the young person’s police interview',
    });
  else if (input.appropriateAdult !== 'none' && !input.appropriateAdultReason.trim()) {
    problems.push({
      field: 'appropriateAdultReason',
      message: 'Enter why the assessor is still suitable, having been the appropriate adult at the police interview',
    });
  }
  return problems;
}

/** A young person likely to be prosecuted who denies is not interviewed without a legal representative's explicit agreement (R-NYO-10). */
function denialProblems(input: PlanInput): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!input.prosecutionLikely)
    problems.push({
      field: 'prosecutionLikely',
      message: 'Select whether the young person is likely to be prosecuted',
    });
  if (!input.denies)
    problems.push({ field: 'denies', message: 'Select whether the young person denies the behaviour' });
  if (input.prosecutionLikely === 'yes' && input.denies === 'yes' && !input.legalRepAgreed) {
    problems.push({
      field: 'legalRepAgreed',
      message: 'Select whether a legal representative has explicitly agreed to the interviews',
    });
  }
  return problems;
}

/** The next stage to record, or null when all are done. A Stage One paperwork assessment skips the interviews (R-NYO-10). */
export function nextStage(mode: AssessmentMode, done: Partial<Record<StageNumber, string>>): StageNumber | null {
  for (const stage of STAGES) {
    if (stage.n === 2 && mode === 'stage_one_only') continue;
    if (!done[stage.n]) return stage.n;
  }
  return null;
}

export interface OutcomeSheet {
  profile: Record<DomainId, Record<ProfileCell, string>>;
  mostConcern: DomainId[];
  supervision: SupervisionLevel | '';
  intervention: Record<InterventionArea, string>;
}

/** The longest text each box of the outcome sheet, report and sharing takes (the form's character counts show the same). */
export const ASSESSMENT_TEXT_MAX = TEXT_LIMITS.assessmentText;
const MAX_TEXT = ASSESSMENT_TEXT_MAX;
/** The longest reason an assessor who was the appropriate adult is still suitable. */
export const APPROPRIATE_ADULT_REASON_MAX = TEXT_LIMITS.appropriateAdultReason;

/** The outcome sheet needs the level of supervision, the domains of most concern, and at least one concern or strength recorded (R-NYO-13). */
export function outcomeProblems(sheet: OutcomeSheet): FormProblem[] {
  const problems: FormProblem[] = [];
  const cells = DOMAINS.flatMap((domain) =>
    PROFILE_CELLS.map((cell) => ({
      field: `${domain.id}-${cell.id}`,
      name: `${cell.label} (${domain.label.toLowerCase()})`,
      text: sheet.profile[domain.id][cell.id],
    })),
  );
  if (!cells.some((cell) => cell.text.trim()))
    problems.push({
      field: `${DOMAINS[0].id}-${PROFILE_CELLS[0].id}`,
      message: 'Enter at least one concern or strength in the four domains',
    });
  for (const cell of cells)
    if (cell.text.length > MAX_TEXT) problems.push({ field: cell.field, message: tooLong(cell.name, MAX_TEXT) });
  if (!sheet.mostConcern.length) problems.push({ field: 'mostConcern', message: 'Select the domains of most concern' });
  if (!sheet.supervision)
    problems.push({ field: 'supervision', message: 'Select the level of supervision the young person needs' });
  for (const area of INTERVENTION_AREAS)
    if (sheet.intervention[area.id].length > MAX_TEXT)
      problems.push({ field: `intervention-${area.id}`, message: tooLong(area.label, MAX_TEXT) });
  return problems;
}

/**
 * The report's sections written by the assessors (north-yorkshire App. 2, R-NYO-14). The young
 * person's details, the authors, the commissioning authority, the model and the outcomes come from
 * the record itself. A Stage One paperwork assessment has no interviews to describe (R-NYO-10).
 */
export const REPORT_SECTIONS = [
  { id: 'purpose', label: 'Purpose of the assessment', interviewsOnly: false },
  { id: 'sources', label: 'Documentation reviewed and other sources of information', interviewsOnly: false },
  { id: 'interviews', label: 'Number and nature of the interviews', interviewsOnly: true },
  { id: 'referralBehaviour', label: 'Brief details of the referral offence or behaviour', interviewsOnly: false },
  { id: 'presentation', label: 'The young person’s presentation in the interviews', interviewsOnly: true },
  { id: 'summary', label: 'Summary and recommendations', interviewsOnly: false },
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number]['id'];
export type Report = Record<ReportSectionId, string>;

export function reportSections(mode: AssessmentMode) {
  return REPORT_SECTIONS.filter((section) => !(section.interviewsOnly && mode === 'stage_one_only'));
}

export function reportProblems(mode: AssessmentMode, report: Report): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const section of reportSections(mode)) {
    const text = report[section.id].trim();
    if (!text)
      problems.push({
        field: section.id,
        message: `Enter the ${section.label.charAt(0).toLowerCase()}${section.label.slice(1)}`,
      });
    else if (text.length > MAX_TEXT) problems.push({ field: section.id, message: tooLong(section.label, MAX_TEXT) });
  }
  return problems;
}

/**
 * What stands between an assessment and completion: every stage, the outcome sheet, the report, and the report
 * shared with the young person and parents (R-NYO-14).
 */
export function completionProblems(assessment: {
  mode: AssessmentMode;
  stages: Partial<Record<StageNumber, string>>;
  hasOutcome: boolean;
  hasReport: boolean;
  sharedOn: string | null;
}): string[] {
  const missing: string[] = [];
  const next = nextStage(assessment.mode, assessment.stages);
  if (next !== null) missing.push(`Record ${STAGES.find((stage) => stage.n === next)!.label.toLowerCase()}`);
  if (!assessment.hasOutcome) missing.push('Record the outcome sheet');
  if (!assessment.hasReport) missing.push('Write the report');
  if (!assessment.sharedOn)
    missing.push('Record when the report was shared with the young person and their parents or carers');
  return missing;
}

/** What the dates an assessor records follow: the day the assessment was planned and its stages so far. */
export interface AssessmentDates {
  today: string;
  plannedOn: string;
  stages: Partial<Record<StageNumber, string>>;
}

/** The words of each date an assessor records, and what the last stage recorded is to it. */
const RECORDED_DATES = {
  // Not before the assessment was planned, nor before the stage before it (issue 11, defect 7).
  stage: {
    words: {
      label: 'Date the stage was done',
      missing: 'Enter the date the stage was done',
      subject: 'The date the stage was done',
    },
    lastStage: 'the date of the stage before it',
  },
  // Not before the assessment was planned, nor before its stages were done.
  shared: {
    words: {
      label: 'Date the report was shared',
      missing: 'Enter the date the report was shared with the young person and their parents or carers',
      subject: 'The date the report was shared',
    },
    lastStage: 'the date of the last stage recorded',
  },
} as const;

function recordedDate(date: DateParts, facts: AssessmentDates, which: keyof typeof RECORDED_DATES) {
  const { words, lastStage } = RECORDED_DATES[which];
  return doneOn(date, words, facts.today, [
    { iso: facts.plannedOn, what: 'the date the assessment was planned' },
    { iso: Object.values(facts.stages).sort().pop(), what: lastStage },
  ]);
}

/** The day a stage was done: not before the assessment was planned, nor before the stage before it. */
export function stageDoneOn(date: DateParts, facts: AssessmentDates) {
  return recordedDate(date, facts, 'stage');
}

/** Stages are recorded in order, each on a real day (R-NYO-9). `next` is the stage to record next. */
export function stageProblems(
  input: { stage: number; date: DateParts },
  facts: AssessmentDates & { next: StageNumber },
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (input.stage !== facts.next)
    problems.push({
      field: 'stage',
      message: `Record ${STAGES.find((step) => step.n === facts.next)!.label.toLowerCase()} first`,
    });
  const on = stageDoneOn(input.date, facts);
  if ('error' in on) problems.push({ field: 'stageDate', message: on.error });
  return problems;
}

/** The day the report was shared: not before the assessment was planned, nor before its stages were done. */
export function sharedOnDate(date: DateParts, facts: AssessmentDates) {
  return recordedDate(date, facts, 'shared');
}

/** Sharing the report with the young person and parents needs the outcome sheet and the report first (R-NYO-14). */
export function sharingProblems(
  input: { date: DateParts; disagreements: string },
  facts: AssessmentDates & { hasOutcome: boolean; hasReport: boolean },
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!facts.hasOutcome || !facts.hasReport)
    problems.push({ field: 'sharedOn', message: 'Record the outcome sheet and write the report before sharing it' });
  const on = sharedOnDate(input.date, facts);
  if ('error' in on) problems.push({ field: 'sharedOn', message: on.error });
  if (input.disagreements.trim().length > MAX_TEXT)
    problems.push({ field: 'disagreements', message: tooLong('Areas of disagreement', MAX_TEXT) });
  return problems;
}

/** Completing: each thing still missing (completionProblems) is an error on the completion button. */
export function completeProblems(facts: Parameters<typeof completionProblems>[0]): FormProblem[] {
  return completionProblems(facts).map((message) => ({ field: 'complete', message }));
}
