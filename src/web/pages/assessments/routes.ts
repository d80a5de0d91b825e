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
      DOMAINS.map((d) => [d.id, Object.fromEntries(PROFILE_CELLS.map((c) => [c.id, '']))]),
    ) as OutcomeSheet['profile'],
    mostConcern: [],
    supervision: '',
    intervention: Object.fromEntries(INTERVENTION_AREAS.map((a) => [a.id, ''])) as OutcomeSheet['intervention'],
  };
}

function sheetFromBody(body: Body): OutcomeSheet {
  const sheet = emptySheet();
  for (const d of DOMAINS) for (const c of PROFILE_CELLS) sheet.profile[d.id][c.id] = str(body, `${d.id}-${c.id}`);
  sheet.mostConcern = list(body, 'mostConcern').filter((x): x is OutcomeSheet['mostConcern'][number] =>
    DOMAINS.some((d) => d.id === x),
  );
  const supervision = str(body, 'supervision');
  sheet.supervision = SUPERVISION_LEVELS.some((l) => l.id === supervision)
    ? (supervision as OutcomeSheet['supervision'])
    : '';
  for (const a of INTERVENTION_AREAS) sheet.intervention[a.id] = str(body, `intervention-${a.id}`);
  return sheet;
}

function reportFromBody(body: Body): Report {
  return Object.fromEntries(REPORT_SECTIONS.map((s) => [s.id, str(body, s.id)])) as Report;
}

function nextStageLabel(a: {
  mode: 'full' | 'stage_one_only';
  stages: Partial<Record<1 | 2 | 3 | 4, string>>;
}): string {
  const n = nextStage(a.mode, a.stages);
  return n === null ? 'Outcome, report and sharing' : STAGES.find((s) => s.n === n)!.label;
}

const yesNo = (v: string) => (v === 'yes' || v === 'no' ? v : '');

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
  return errors.map((e) => (dates.has(e.field) ? { ...e, href: `#${e.field}-day` } : e));
}

export default async function assessmentRoutes(app: FastifyInstance, { db }: AppDeps) {
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
        referrals: panelReferrals.map((r) => ({ ...r, routeText: r.route ? ROUTES[r.route] : null })),
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
    const o = await assessmentService.planOptions(db, actorOf(request), id, true);
    const training = o.modelId ? ASSESSMENT_MODELS[o.modelId].training : null;
    const assessorItems = (chosen: string) => [
      { value: '', text: 'Select a person' },
      ...o.assessors.map((a) => ({
        value: a.id,
        text: `${a.name}${training && a.trainings.includes(training) ? ` (${TRAINING_LABELS[training]} trained)` : ''}${o.victimWorkers.has(a.id) ? ' (social worker of the child harmed)' : ''}`,
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
      pageTitle: `Plan an AIM assessment: ${o.child.firstName} ${o.child.lastName}`,
      backLink: paths.children.assessments(id),
      child: o.child,
      model: o.model,
      modelLabel: o.modelId ? ASSESSMENT_MODELS[o.modelId].label : null,
      trainingLabel: training ? TRAINING_LABELS[training] : null,
      cannot: o.cannot,
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
      again: (r, errors) => renderPlan(request, r, values, { errors }),
    });
  });

  async function renderShow(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { id } = request.params as { id: string };
    const part = (extra['part'] as keyof typeof PARTS | null | undefined) ?? null;
    // A part's page is for those who may change that part: one authorisation, with that action.
    const v = await assessmentService.viewAssessment(db, actorOf(request), id, part ? PARTS[part] : undefined);
    const a = v.assessment;
    const sheet = (extra['sheet'] as OutcomeSheet | undefined) ?? a.outcome ?? emptySheet();
    return reply.page('pages/assessments/show.njk', {
      pageTitle: `${part ? `${PART_TITLES[part]}: ` : ''}${ASSESSMENT_MODELS[a.model].label}: ${a.childName}`,
      part,
      backLink: part ? paths.assessments.show(a.id) : paths.children.assessments(a.childId),
      a,
      label: ASSESSMENT_MODELS[a.model].label,
      canEdit: v.canEdit,
      missing: v.missing,
      stages: STAGES.filter((s) => !(s.n === 2 && a.mode === 'stage_one_only')).map((s) => ({
        ...s,
        done: a.stages[s.n] ?? null,
      })),
      next: v.next === null ? null : STAGES.find((s) => s.n === v.next),
      domains: DOMAINS.map((d) => ({
        ...d,
        cells: PROFILE_CELLS.map((c) => ({ ...c, name: `${d.id}-${c.id}`, value: sheet.profile[d.id][c.id] })),
      })),
      mostConcernItems: DOMAINS.map((d) => ({ value: d.id, text: d.label, checked: sheet.mostConcern.includes(d.id) })),
      supervisionItems: SUPERVISION_LEVELS.map((l) => ({
        value: l.id,
        text: l.label,
        checked: sheet.supervision === l.id,
      })),
      supervisionLabel: SUPERVISION_LEVELS.find((l) => l.id === a.outcome?.supervision)?.label ?? null,
      mostConcernLabels: DOMAINS.filter((d) => a.outcome?.mostConcern.includes(d.id)).map((d) => d.label),
      interventionAreas: INTERVENTION_AREAS.map((x) => ({
        ...x,
        name: `intervention-${x.id}`,
        value: sheet.intervention[x.id],
        saved: a.outcome?.intervention[x.id] ?? '',
      })),
      reportFields: reportSections(a.mode).map((r) => ({
        ...r,
        value: ((extra['report'] as Report | undefined) ?? a.report)?.[r.id] ?? '',
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
    (Object.keys(PARTS) as (keyof typeof PARTS)[]).find((p) => url.split('?')[0]!.endsWith(`/${p}`)) ?? null;
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
  function reportModel(v: Awaited<ReturnType<typeof assessmentService.reportView>>) {
    const a = v.assessment;
    return {
      a,
      child: v.child,
      age: ageOn(v.child.dateOfBirth, v.today),
      authorityName: v.authorityName,
      label: ASSESSMENT_MODELS[a.model].label,
      today: v.today,
      sections: reportSections(a.mode).map((r) => ({ ...r, text: a.report?.[r.id] ?? '' })),
      domains: DOMAINS.map((d) => ({
        ...d,
        cells: PROFILE_CELLS.map((c) => ({ ...c, text: a.outcome?.profile[d.id][c.id] ?? '' })),
      })),
      mostConcernLabels: DOMAINS.filter((d) => a.outcome?.mostConcern.includes(d.id)).map((d) => d.label),
      supervisionLabel: SUPERVISION_LEVELS.find((l) => l.id === a.outcome?.supervision)?.label ?? null,
      interventionAreas: INTERVENTION_AREAS.map((x) => ({ ...x, text: a.outcome?.intervention[x.id] ?? '' })),
      pageTitle: `${ASSESSMENT_MODELS[a.model].label} report: ${a.childName}`,
    };
  }

  app.get('/assessments/:id/print', { config: { action: 'assessment.view' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const v = await assessmentService.reportView(db, actorOf(request), id, 'assessment.print');
    return reply.page('pages/assessments/print.njk', { ...reportModel(v), backLink: paths.assessments.show(id) });
  });

  app.get('/assessments/:id/export', { config: { action: 'assessment.view' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const v = await assessmentService.reportView(db, actorOf(request), id, 'assessment.export');
    const html = reply.renderDocument('pages/assessments/document.njk', reportModel(v));
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${v.assessment.model.replace(/_/g, '-')}-assessment-report-${v.today}.html"`,
      )
      .send(html);
  });
}
