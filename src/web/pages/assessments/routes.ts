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
import type { DateParts } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { recordForms, submitForm } from '../../submit-form.ts';
import {
  completeForm,
  emptySheet,
  outcomeForm,
  planForm,
  planInput,
  reportForm,
  reportOf,
  shareForm,
  sheetOf,
  stageForm,
} from './schema.ts';

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

function nextStageLabel(a: {
  mode: 'full' | 'stage_one_only';
  stages: Partial<Record<1 | 2 | 3 | 4, string>>;
}): string {
  const n = nextStage(a.mode, a.stages);
  return n === null ? 'Outcome, report and sharing' : STAGES.find((stage) => stage.n === n)!.label;
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

  app.get<{ Params: { id: string } }>(
    '/children/:id/assessments',
    { config: { action: 'child.view' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
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
    },
  );

  async function renderPlan(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: PlanInput,
    extra: Record<string, unknown> = {},
  ) {
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

  app.get<{ Params: { id: string } }>(
    '/children/:id/assessments/new',
    { config: { action: 'assessment.plan' } },
    (request, reply) => renderPlan(request, reply, request.params.id, EMPTY_PLAN),
  );

  app.post<{ Params: { id: string } }>(
    '/children/:id/assessments/new',
    { config: { action: 'assessment.plan' } },
    (request, reply) => {
      const { id } = request.params;
      const values = planInput(planForm.read(request.body));
      return submitForm(request, reply, {
        act: () => assessmentService.plan(db, actorOf(request), id, values),
        flash: 'Assessment planned',
        redirect: (assessmentId) => paths.assessments.show(assessmentId),
        again: (errorReply, errors) => renderPlan(request, errorReply, id, values, { errors }),
      });
    },
  );

  async function renderShow(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
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

  app.get<{ Params: { id: string } }>('/assessments/:id', { config: { action: 'assessment.view' } }, (request, reply) =>
    renderShow(request, reply, request.params.id),
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
    app.get<{ Params: { id: string } }>(`/assessments/:id/${part}`, { config: { action } }, (request, reply) =>
      renderShow(request, reply, request.params.id, { part }),
    );
  }
  const renderPart = (request: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown>) =>
    renderShow(request, reply, id, { part: partOf(request.url), ...extra });

  const post = recordForms(app, { show: paths.assessments.show, render: renderPart });

  post(
    '/assessments/:id/stage',
    'assessment.stage',
    'Stage recorded',
    stageForm,
    (request, id, data) =>
      assessmentService.recordStage(db, actorOf(request), id, data.version, Number(data.stage), data.stageDate),
    (data) => ({ stageDate: data.stageDate }),
  );
  post(
    '/assessments/:id/outcome',
    'assessment.outcome',
    'Outcome sheet saved',
    outcomeForm,
    (request, id, data) => assessmentService.saveOutcome(db, actorOf(request), id, data.version, sheetOf(data)),
    (data) => ({ sheet: sheetOf(data) }),
  );
  post(
    '/assessments/:id/share',
    'assessment.share',
    'Sharing of the report recorded',
    shareForm,
    (request, id, data) =>
      assessmentService.recordSharing(db, actorOf(request), id, data.version, data.sharedOn, data.disagreements),
    (data) => ({ sharedOn: data.sharedOn, disagreements: data.disagreements }),
  );
  post(
    '/assessments/:id/report',
    'assessment.report',
    'Report saved',
    reportForm,
    (request, id, data) => assessmentService.saveReport(db, actorOf(request), id, data.version, reportOf(data)),
    (data) => ({ report: reportOf(data) }),
  );
  post(
    '/assessments/:id/complete',
    'assessment.complete',
    'Assessment completed',
    completeForm,
    (request, id, data) => assessmentService.complete(db, actorOf(request), id, data.version),
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

  app.get<{ Params: { id: string } }>(
    '/assessments/:id/print',
    { config: { action: 'assessment.view' } },
    async (request, reply) => {
      const { id } = request.params;
      const view = await assessmentService.reportView(db, actorOf(request), id, 'assessment.print');
      return reply.page('pages/assessments/print.njk', { ...reportModel(view), backLink: paths.assessments.show(id) });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/assessments/:id/export',
    { config: { action: 'assessment.view' } },
    async (request, reply) => {
      const { id } = request.params;
      const view = await assessmentService.reportView(db, actorOf(request), id, 'assessment.export');
      const html = reply.renderDocument('pages/assessments/document.njk', reportModel(view));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${view.assessment.model.replace(/_/g, '-')}-assessment-report-${view.today}.html"`,
        )
        .send(html);
    },
  );
}
