// What the AIM assessments' pages show, built from what the assessment service returns: pure
// functions, so the routes only parse, call a service and render (issue 12, item 3). Unit-tested in
// test/unit/assessments-view-model.test.ts.
import {
  ASSESSMENT_MODELS,
  DOMAINS,
  INTERVENTION_AREAS,
  type OutcomeSheet,
  PROFILE_CELLS,
  type PlanInput,
  type Report,
  nextStage,
  reportSections,
  STAGES,
  SUPERVISION_LEVELS,
} from '../../../domain/assessments.ts';
import { ageOn } from '../../../domain/age.ts';
import { ROUTES } from '../../../domain/panel.ts';
import { TRAINING_LABELS } from '../../../domain/roles.ts';
import type * as assessmentService from '../../../services/assessment-service.ts';
import type { DateParts } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { emptySheet } from './schema.ts';

export const EMPTY_PLAN: PlanInput = {
  leadId: '',
  coId: '',
  appropriateAdult: '',
  appropriateAdultReason: '',
  prosecutionLikely: '',
  denies: '',
  legalRepAgreed: '',
  participates: '',
};
const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** The stage to record next, in words ("Outcome, report and sharing" once every stage is recorded). */
export function nextStageLabel(assessment: {
  mode: 'full' | 'stage_one_only';
  stages: Partial<Record<1 | 2 | 3 | 4, string>>;
}): string {
  const nextNumber = nextStage(assessment.mode, assessment.stages);
  return nextNumber === null ? 'Outcome, report and sharing' : STAGES.find((stage) => stage.n === nextNumber)!.label;
}

type Mine = Awaited<ReturnType<typeof assessmentService.myAssessments>>;

/** "Assessments": each with its model's name and, while in progress, the stage to record next. */
export function myAssessmentRows(list: Mine) {
  return list.map((assessment) => ({
    ...assessment,
    label: ASSESSMENT_MODELS[assessment.model].label,
    next: assessment.status === 'in_progress' ? nextStageLabel(assessment) : null,
  }));
}

type ChildAssessments = Awaited<ReturnType<typeof assessmentService.childAssessments>>;

/** The child's Assessments tab: the assessments, whether another can be planned, and the panel's referrals. */
export function childAssessmentsView({ child, assessments, panelReferrals, canPlan, canRefer }: ChildAssessments) {
  return {
    pageTitle: `Assessments: ${child.firstName} ${child.lastName}`,
    child,
    assessments: assessments.map((assessment) => ({ ...assessment, label: ASSESSMENT_MODELS[assessment.model].label })),
    canPlan: canPlan && !assessments.some((assessment) => assessment.status === 'in_progress'),
    // North East Lincolnshire's AIM Pathway Panel (R-NEL-10), where the procedure has one.
    panel: panelReferrals && {
      referrals: panelReferrals.map((referral) => ({
        ...referral,
        routeText: referral.route ? ROUTES[referral.route] : null,
      })),
      canRefer,
    },
  };
}

type PlanOptions = Awaited<ReturnType<typeof assessmentService.planOptions>>;

/**
 * Which of the assessor rules the pack applies (R-X-5, R-NYO-9, R-NYO-10, R-NYO-12), so the plan asks
 * only what they need: the appropriate adult for the assessor conflicts, prosecution, denial and the
 * legal representative for the denial rule. Whether the young person takes part is always asked.
 */
export function plannedChecks(rules: PlanOptions['pack']['assessorRules']) {
  return {
    trainedLead: Boolean(rules.trainedLead),
    conflicts: Boolean(rules.assessorConflicts),
    denial: Boolean(rules.denial),
  };
}

/** Planning an assessment: the model, the assessors (trained, or the child harmed's social worker) and the checks the pack's rules ask. */
export function planView(options: PlanOptions, values: PlanInput) {
  const training = options.modelId ? ASSESSMENT_MODELS[options.modelId].training : null;
  const assessorItems = (chosen: string) => [
    { value: '', text: 'Select a person' },
    ...options.assessors.map((assessor) => ({
      value: assessor.id,
      text:
        assessor.name +
        (training && assessor.trainings.includes(training) ? ` (${TRAINING_LABELS[training]} trained)` : '') +
        (options.victimWorkers.has(assessor.id) ? ' (social worker of the child harmed)' : ''),
      selected: assessor.id === chosen,
    })),
  ];
  const radios = (name: keyof PlanInput, items: { value: string; text: string }[]) =>
    items.map((i) => ({ ...i, checked: values[name] === i.value }));
  const yn = (name: keyof PlanInput) =>
    radios(name, [
      { value: 'yes', text: 'Yes' },
      { value: 'no', text: 'No' },
    ]);
  return {
    pageTitle: `Plan an AIM assessment: ${options.child.firstName} ${options.child.lastName}`,
    child: options.child,
    model: options.model,
    modelLabel: options.modelId ? ASSESSMENT_MODELS[options.modelId].label : null,
    trainingLabel: training ? TRAINING_LABELS[training] : null,
    cannot: options.cannot,
    asks: plannedChecks(options.pack.assessorRules),
    leadItems: assessorItems(values.leadId),
    coItems: assessorItems(values.coId),
    appropriateAdultItems: radios('appropriateAdult', [
      { value: 'none', text: 'No' },
      { value: 'lead', text: 'Yes, the lead assessor' },
      { value: 'co', text: 'Yes, the co-assessor' },
    ]),
    participatesItems: yn('participates'),
    prosecutionItems: yn('prosecutionLikely'),
    deniesItems: yn('denies'),
    legalRepItems: yn('legalRepAgreed'),
    values,
  };
}

// One form per page (issue 11 defect 8): the stage, the outcome sheet, the report and its sharing
// each have their own page, so nothing typed in one is lost by pressing another's button.
export const PARTS = {
  stage: 'assessment.stage',
  outcome: 'assessment.outcome',
  report: 'assessment.report',
  share: 'assessment.share',
} as const;
export type Part = keyof typeof PARTS;
const PART_TITLES: Record<Part, string> = {
  stage: 'Record a stage',
  outcome: 'Outcome sheet',
  report: 'Report',
  share: 'Sharing the report',
};

/** The part whose page a URL is (`/assessments/:id/outcome`), or null for the assessment's own page. */
export const partOf = (url: string): Part | null =>
  (Object.keys(PARTS) as Part[]).find((part) => url.split('?')[0]!.endsWith(`/${part}`)) ?? null;

type AssessmentView = Awaited<ReturnType<typeof assessmentService.viewAssessment>>;

/** The assessment's page, or one part's: its stages, outcome sheet and report, with what was typed (`sheet`, `report`). */
export function showView(
  view: AssessmentView,
  part: Part | null,
  typed: { sheet?: OutcomeSheet | undefined; report?: Report | undefined } = {},
) {
  const assessment = view.assessment;
  const sheet = typed.sheet ?? assessment.outcome ?? emptySheet();
  return {
    pageTitle: `${part ? `${PART_TITLES[part]}: ` : ''}${ASSESSMENT_MODELS[assessment.model].label}: ${assessment.childName}`,
    part,
    backLink: part ? paths.assessments.show(assessment.id) : paths.children.assessments(assessment.childId),
    a: assessment,
    label: ASSESSMENT_MODELS[assessment.model].label,
    canEdit: view.canEdit,
    missing: view.missing,
    stages: STAGES.filter((stage) => !(stage.n === 2 && assessment.mode === 'stage_one_only')).map((stage) => ({
      ...stage,
      done: assessment.stages[stage.n] ?? null,
    })),
    next: view.next === null ? null : STAGES.find((stage) => stage.n === view.next),
    domains: DOMAINS.map((domain) => ({
      ...domain,
      cells: PROFILE_CELLS.map((cell) => ({
        ...cell,
        name: `${domain.id}-${cell.id}`,
        value: sheet.profile[domain.id][cell.id],
      })),
    })),
    mostConcernItems: DOMAINS.map((domain) => ({
      value: domain.id,
      text: domain.label,
      checked: sheet.mostConcern.includes(domain.id),
    })),
    supervisionItems: SUPERVISION_LEVELS.map((level) => ({
      value: level.id,
      text: level.label,
      checked: sheet.supervision === level.id,
    })),
    supervisionLabel: SUPERVISION_LEVELS.find((level) => level.id === assessment.outcome?.supervision)?.label ?? null,
    mostConcernLabels: DOMAINS.filter((domain) => assessment.outcome?.mostConcern.includes(domain.id)).map(
      (domain) => domain.label,
    ),
    interventionAreas: INTERVENTION_AREAS.map((area) => ({
      ...area,
      name: `intervention-${area.id}`,
      value: sheet.intervention[area.id],
      saved: assessment.outcome?.intervention[area.id] ?? '',
    })),
    reportFields: reportSections(assessment.mode).map((section) => ({
      ...section,
      value: (typed.report ?? assessment.report)?.[section.id] ?? '',
    })),
    stageDate: EMPTY_DATE,
    sharedOn: EMPTY_DATE,
    disagreements: assessment.disagreements,
  };
}

// --- The report: printable, and downloadable as an accessible HTML document (R-NYO-14) ---
export function reportModel(view: Awaited<ReturnType<typeof assessmentService.reportView>>) {
  const assessment = view.assessment;
  return {
    a: assessment,
    child: view.child,
    age: ageOn(view.child.dateOfBirth, view.today),
    authorityName: view.authorityName,
    label: ASSESSMENT_MODELS[assessment.model].label,
    today: view.today,
    sections: reportSections(assessment.mode).map((section) => ({
      ...section,
      text: assessment.report?.[section.id] ?? '',
    })),
    domains: DOMAINS.map((domain) => ({
      ...domain,
      cells: PROFILE_CELLS.map((cell) => ({ ...cell, text: assessment.outcome?.profile[domain.id][cell.id] ?? '' })),
    })),
    mostConcernLabels: DOMAINS.filter((domain) => assessment.outcome?.mostConcern.includes(domain.id)).map(
      (domain) => domain.label,
    ),
    supervisionLabel: SUPERVISION_LEVELS.find((level) => level.id === assessment.outcome?.supervision)?.label ?? null,
    interventionAreas: INTERVENTION_AREAS.map((area) => ({
      ...area,
      text: assessment.outcome?.intervention[area.id] ?? '',
    })),
    pageTitle: `${ASSESSMENT_MODELS[assessment.model].label} report: ${assessment.childName}`,
  };
}

/** The downloaded report's file name: the model and the day. */
export function reportFileName(model: string, today: string): string {
  return `${model.replace(/_/g, '-')}-assessment-report-${today}.html`;
}
