// AIM assessments: the child's Assessments tab, planning an assessment (model, assessors, the
// checks that decide whether interviews can take place), and the assessment page with its
// stages, outcome sheet, sharing of the report and completion (R-KEN-11, R-NYO-9..14, R-X-5).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ASSESSMENT_MODELS,
  DOMAINS,
  INTERVENTION_AREAS,
  type OutcomeSheet,
  PROFILE_CELLS,
  type PlanInput,
  REPORT_SECTIONS,
  type Report,
  nextStage,
  reportSections,
  STAGES,
  SUPERVISION_LEVELS,
} from '../../../domain/assessments.ts';
import { ageOn } from '../../../domain/age.ts';
import { TRAINING_LABELS } from '../../../domain/roles.ts';
import * as assessmentService from '../../../services/assessment-service.ts';
import { ROUTES } from '../../../domain/panel.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, type DateParts, dateParts, list, str } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { recordForms, submitForm } from '../../submit-form.ts';

const EMPTY_PLAN: PlanInput = {
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

function emptySheet(): OutcomeSheet {
  return {
    profile: Object.fromEntries(
      DOMAINS.map((domain) => [domain.id, Object.fromEntries(PROFILE_CELLS.map((cell) => [cell.id, '']))]),
    ) as OutcomeSheet['profile'],
    mostConcern: [],
    supervision: '',
    intervention: Object.fromEntries(INTERVENTION_AREAS.map((a) => [a.id, ''])) as OutcomeSheet['intervention'],
  };
}

function sheetFromBody(body: Body): OutcomeSheet {
  const sheet = emptySheet();
  for (const domain of DOMAINS)
    for (const cell of PROFILE_CELLS) sheet.profile[domain.id][cell.id] = str(body, `${domain.id}-${cell.id}`);
  sheet.mostConcern = list(body, 'mostConcern').filter((x): x is OutcomeSheet['mostConcern'][number] =>
    DOMAINS.some((domain) => domain.id === x),
  );
  const supervision = str(body, 'supervision');
  sheet.supervision = SUPERVISION_LEVELS.some((level) => level.id === supervision)
    ? (supervision as OutcomeSheet['supervision'])
    : '';
  for (const a of INTERVENTION_AREAS) sheet.intervention[a.id] = str(body, `intervention-${a.id}`);
  return sheet;
}

function reportFromBody(body: Body): Report {
  return Object.fromEntries(REPORT_SECTIONS.map((section) => [section.id, str(body, section.id)])) as Report;
}

function nextStageLabel(a: {
  mode: 'full' | 'stage_one_only';
  stages: Partial<Record<1 | 2 | 3 | 4, string>>;
}): string {
  const n = nextStage(a.mode, a.stages);
  return n === null ? 'Outcome, report and sharing' : STAGES.find((stage) => stage.n === n)!.label;
}

const yesNo = (answer: string) => (answer === 'yes' || answer === 'no' ? answer : '');

function planFromBody(body: Body): PlanInput {
  const aa = str(body, 'appropriateAdult');
  return {
    leadId: str(body, 'leadId'),
    coId: str(body, 'coId'),
    appropriateAdult: aa === 'none' || aa === 'lead' || aa === 'co' ? aa : '',
    appropriateAdultReason: str(body, 'appropriateAdultReason'),
    prosecutionLikely: yesNo(str(body, 'prosecutionLikely')),
    denies: yesNo(str(body, 'denies')),
    legalRepAgreed: yesNo(str(body, 'legalRepAgreed')),
    participates: yesNo(str(body, 'participates')),
  };
}

/** Errors on a date go to its day box; on a checkbox group or radios, to the first option. */
function withHrefs(errors: readonly { field: string; message: string }[]) {
  const dates = new Set(['stageDate', 'sharedOn']);
  return errors.map((error) => (dates.has(error.field) ? { ...error, href: `#${error.field}-day` } : error));
}

export default function assessmentRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/assessments', { config: { action: 'assessments.mine' } }, async (request, reply) => {
    const list = await assessmentService.myAssessments(db, actorOf(request));
    return reply.page('pages/assessments/mine.njk', {
      pageTitle: 'Assessments',
      assessments: list.map((a) => ({
        ...a,
        label: ASSESSMENT_MODELS[a.model].label,
        next: a.status === 'in_progress' ? nextStageLabel(a) : null,
      })),
    });
  });

  app.get('/children/:id/assessments', { config: { action: 'child.view' } }, async (request, reply) => {
    const actor = actorOf(request);
    const { id } = request.params as { id: string };
    const { child, assessments, panelReferrals, canPlan, canRefer } = await assessmentService.childAssessments(
      db,
      actor,
      id,
    );
    return reply.page('pages/assessments/child.njk', {
      pageTitle: `Assessments: ${child.firstName} ${child.lastName}`,
      child,
      assessments: assessments.map((a) => ({ ...a, label: ASSESSMENT_MODELS[a.model].label })),
      canPlan: canPlan && !assessments.some((a) => a.status === 'in_progress'),
      // North East Lincolnshire's AIM Pathway Panel (R-NEL-10), where the procedure has one.
      panel: panelReferrals && {
        referrals: panelReferrals.map((referral) => ({
          ...referral,
          routeText: referral.route ? ROUTES[referral.route] : null,
        })),
        canRefer,
      },
    });
  });

  async function renderPlan(
    request: FastifyRequest,
    reply: FastifyReply,
    values: PlanInput,
    extra: Record<string, unknown> = {},
  ) {
    const { id } = request.params as { id: string };
    const options = await assessmentService.planOptions(db, actorOf(request), id, true);
    const training = options.modelId ? ASSESSMENT_MODELS[options.modelId].training : null;
    const assessorItems = (chosen: string) => [
      { value: '', text: 'Select a person' },
      ...options.assessors.map((a) => ({
        value: a.id,
        text: `${a.name}${training && a.trainings.includes(training) ? ` (${TRAINING_LABELS[training]} trained)` : ''}${options.victimWorkers.has(a.id) ? ' (social worker of the child harmed)' : ''}`,
        selected: a.id === chosen,
      })),
    ];
    const radios = (name: keyof PlanInput, items: { value: string; text: string }[]) =>
      items.map((i) => ({ ...i, checked: values[name] === i.value }));
    const yn = (name: keyof PlanInput) =>
      radios(name, [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
      ]);
    return reply.page('pages/assessments/plan.njk', {
      pageTitle: `Plan an AIM assessment: ${options.child.firstName} ${options.child.lastName}`,
      backLink: paths.children.assessments(id),
      child: options.child,
      model: options.model,
      modelLabel: options.modelId ? ASSESSMENT_MODELS[options.modelId].label : null,
      trainingLabel: training ? TRAINING_LABELS[training] : null,
      cannot: options.cannot,
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
      ...extra,
    });
  }

  app.get('/children/:id/assessments/new', { config: { action: 'assessment.plan' } }, (request, reply) =>
    renderPlan(request, reply, EMPTY_PLAN),
  );

  app.post('/children/:id/assessments/new', { config: { action: 'assessment.plan' } }, (request, reply) => {
    const { id } = request.params as { id: string };
    const values = planFromBody(request.body as Body);
    return submitForm(request, reply, {
      act: () => assessmentService.plan(db, actorOf(request), id, values),
      flash: 'Assessment planned',
      redirect: (assessmentId) => paths.assessments.show(assessmentId),
      again: (errorReply, errors) => renderPlan(request, errorReply, values, { errors }),
    });
  });

  async function renderShow(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { id } = request.params as { id: string };
    const part = (extra['part'] as keyof typeof PARTS | null | undefined) ?? null;
    // A part's page is for those who may change that part: one authorisation, with that action.
    const view = await assessmentService.viewAssessment(db, actorOf(request), id, part ? PARTS[part] : undefined);
    const a = view.assessment;
    const sheet = (extra['sheet'] as OutcomeSheet | undefined) ?? a.outcome ?? emptySheet();
    return reply.page('pages/assessments/show.njk', {
      pageTitle: `${part ? `${PART_TITLES[part]}: ` : ''}${ASSESSMENT_MODELS[a.model].label}: ${a.childName}`,
      part,
      backLink: part ? paths.assessments.show(a.id) : paths.children.assessments(a.childId),
      a,
      label: ASSESSMENT_MODELS[a.model].label,
      canEdit: view.canEdit,
      missing: view.missing,
      stages: STAGES.filter((stage) => !(stage.n === 2 && a.mode === 'stage_one_only')).map((stage) => ({
        ...stage,
        done: a.stages[stage.n] ?? null,
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
      supervisionLabel: SUPERVISION_LEVELS.find((level) => level.id === a.outcome?.supervision)?.label ?? null,
      mostConcernLabels: DOMAINS.filter((domain) => a.outcome?.mostConcern.includes(domain.id)).map(
        (domain) => domain.label,
      ),
      interventionAreas: INTERVENTION_AREAS.map((x) => ({
        ...x,
        name: `intervention-${x.id}`,
        value: sheet.intervention[x.id],
        saved: a.outcome?.intervention[x.id] ?? '',
      })),
      reportFields: reportSections(a.mode).map((section) => ({
        ...section,
        value: ((extra['report'] as Report | undefined) ?? a.report)?.[section.id] ?? '',
      })),
      stageDate: EMPTY_DATE,
      sharedOn: EMPTY_DATE,
      disagreements: a.disagreements,
      ...extra,
    });
  }

  app.get('/assessments/:id', { config: { action: 'assessment.view' } }, (request, reply) =>
    renderShow(request, reply),
  );

  // One form per page (issue 11 defect 8): the stage, the outcome sheet, the report and its sharing
  // each have their own page, so nothing typed in one is lost by pressing another's button.
  const PARTS = {
    stage: 'assessment.stage',
    outcome: 'assessment.outcome',
    report: 'assessment.report',
    share: 'assessment.share',
  } as const;
  const PART_TITLES: Record<keyof typeof PARTS, string> = {
    stage: 'Record a stage',
    outcome: 'Outcome sheet',
    report: 'Report',
    share: 'Sharing the report',
  };
  const partOf = (url: string) =>
    (Object.keys(PARTS) as (keyof typeof PARTS)[]).find((part) => url.split('?')[0]!.endsWith(`/${part}`)) ?? null;
  for (const [part, action] of Object.entries(PARTS) as [keyof typeof PARTS, (typeof PARTS)[keyof typeof PARTS]][]) {
    app.get(`/assessments/:id/${part}`, { config: { action } }, (request, reply) =>
      renderShow(request, reply, { part }),
    );
  }
  const renderPart = (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown>) =>
    renderShow(request, reply, { part: partOf(request.url), ...extra });

  const post = recordForms(app, { show: paths.assessments.show, render: renderPart, hrefs: withHrefs });

  post(
    '/assessments/:id/stage',
    'assessment.stage',
    'Stage recorded',
    (request, id, body, version) =>
      assessmentService.recordStage(
        db,
        actorOf(request),
        id,
        version,
        Number(str(body, 'stage')),
        dateParts(body, 'stageDate'),
      ),
    (body) => ({ stageDate: dateParts(body, 'stageDate') }),
  );
  post(
    '/assessments/:id/outcome',
    'assessment.outcome',
    'Outcome sheet saved',
    (request, id, body, version) =>
      assessmentService.saveOutcome(db, actorOf(request), id, version, sheetFromBody(body)),
    (body) => ({ sheet: sheetFromBody(body) }),
  );
  post(
    '/assessments/:id/share',
    'assessment.share',
    'Sharing of the report recorded',
    (request, id, body, version) =>
      assessmentService.recordSharing(
        db,
        actorOf(request),
        id,
        version,
        dateParts(body, 'sharedOn'),
        str(body, 'disagreements'),
      ),
    (body) => ({ sharedOn: dateParts(body, 'sharedOn'), disagreements: str(body, 'disagreements') }),
  );
  post(
    '/assessments/:id/report',
    'assessment.report',
    'Report saved',
    (request, id, body, version) =>
      assessmentService.saveReport(db, actorOf(request), id, version, reportFromBody(body)),
    (body) => ({ report: reportFromBody(body) }),
  );
  post(
    '/assessments/:id/complete',
    'assessment.complete',
    'Assessment completed',
    (request, id, _body, version) => assessmentService.complete(db, actorOf(request), id, version),
    () => ({}),
  );

  // --- The report: printable, and downloadable as an accessible HTML document (R-NYO-14) ---
  function reportModel(view: Awaited<ReturnType<typeof assessmentService.reportView>>) {
    const a = view.assessment;
    return {
      a,
      child: view.child,
      age: ageOn(view.child.dateOfBirth, view.today),
      authorityName: view.authorityName,
      label: ASSESSMENT_MODELS[a.model].label,
      today: view.today,
      sections: reportSections(a.mode).map((section) => ({ ...section, text: a.report?.[section.id] ?? '' })),
      domains: DOMAINS.map((domain) => ({
        ...domain,
        cells: PROFILE_CELLS.map((cell) => ({ ...cell, text: a.outcome?.profile[domain.id][cell.id] ?? '' })),
      })),
      mostConcernLabels: DOMAINS.filter((domain) => a.outcome?.mostConcern.includes(domain.id)).map(
        (domain) => domain.label,
      ),
      supervisionLabel: SUPERVISION_LEVELS.find((level) => level.id === a.outcome?.supervision)?.label ?? null,
      interventionAreas: INTERVENTION_AREAS.map((x) => ({ ...x, text: a.outcome?.intervention[x.id] ?? '' })),
      pageTitle: `${ASSESSMENT_MODELS[a.model].label} report: ${a.childName}`,
    };
  }

  app.get('/assessments/:id/print', { config: { action: 'assessment.view' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const view = await assessmentService.reportView(db, actorOf(request), id, 'assessment.print');
    return reply.page('pages/assessments/print.njk', { ...reportModel(view), backLink: paths.assessments.show(id) });
  });

  app.get('/assessments/:id/export', { config: { action: 'assessment.view' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const view = await assessmentService.reportView(db, actorOf(request), id, 'assessment.export');
    const html = reply.renderDocument('pages/assessments/document.njk', reportModel(view));
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${view.assessment.model.replace(/_/g, '-')}-assessment-report-${view.today}.html"`,
      )
      .send(html);
  });
}
