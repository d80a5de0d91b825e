// AIM assessments: the child's Assessments tab, planning an assessment (model, assessors, the
// checks that decide whether interviews can take place), and the assessment page with its
// stages, outcome sheet, sharing of the report and completion (R-KEN-11, R-NYO-9..14, R-X-5).
// Each route parses its form (schema.ts), calls the service and renders what view-model.ts builds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OutcomeSheet, PlanInput, Report } from '../../../domain/assessments.ts';
import * as assessmentService from '../../../services/assessment-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { recordForms, submitForm } from '../../submit-form.ts';
import {
  completeForm,
  outcomeForm,
  planForm,
  planInput,
  reportForm,
  reportOf,
  shareForm,
  sheetOf,
  stageForm,
} from './schema.ts';
import {
  EMPTY_PLAN,
  PARTS,
  type Part,
  childAssessmentsView,
  myAssessmentRows,
  partOf,
  planView,
  reportFileName,
  reportModel,
  showView,
} from './view-model.ts';

type Id = { Params: { id: string } };

export default function assessmentRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/assessments', { config: { action: 'assessments.mine' } }, async (request, reply) => {
    const list = await assessmentService.myAssessments(db, actorOf(request));
    return reply.page('pages/assessments/mine.njk', { pageTitle: 'Assessments', assessments: myAssessmentRows(list) });
  });

  app.get<Id>('/children/:id/assessments', { config: { action: 'child.view' } }, async (request, reply) => {
    const found = await assessmentService.childAssessments(db, actorOf(request), request.params.id);
    return reply.page('pages/assessments/child.njk', childAssessmentsView(found));
  });

  async function renderPlan(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: PlanInput,
    extra: Record<string, unknown> = {},
  ) {
    const options = await assessmentService.planOptions(db, actorOf(request), id, true);
    return reply.page('pages/assessments/plan.njk', {
      ...planView(options, values),
      backLink: paths.children.assessments(id),
      ...extra,
    });
  }

  app.get<Id>('/children/:id/assessments/new', { config: { action: 'assessment.plan' } }, (request, reply) =>
    renderPlan(request, reply, request.params.id, EMPTY_PLAN),
  );

  app.post<Id>('/children/:id/assessments/new', { config: { action: 'assessment.plan' } }, (request, reply) => {
    const { id } = request.params;
    const values = planInput(planForm.read(request.body));
    return submitForm(request, reply, {
      act: () => assessmentService.plan(db, actorOf(request), id, values),
      flash: 'Assessment planned',
      redirect: (assessmentId) => paths.assessments.show(assessmentId),
      again: (errorReply, errors) => renderPlan(request, errorReply, id, values, { errors }),
    });
  });

  async function renderShow(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
    const part = (extra['part'] as Part | null | undefined) ?? null;
    // A part's page is for those who may change that part: one authorisation, with that action.
    const view = await assessmentService.viewAssessment(db, actorOf(request), id, part ? PARTS[part] : undefined);
    return reply.page('pages/assessments/show.njk', {
      ...showView(view, part, {
        sheet: extra['sheet'] as OutcomeSheet | undefined,
        report: extra['report'] as Report | undefined,
      }),
      ...extra,
    });
  }

  app.get<Id>('/assessments/:id', { config: { action: 'assessment.view' } }, (request, reply) =>
    renderShow(request, reply, request.params.id),
  );

  for (const [part, action] of Object.entries(PARTS) as [Part, (typeof PARTS)[Part]][]) {
    app.get<Id>(`/assessments/:id/${part}`, { config: { action } }, (request, reply) =>
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
  app.get<Id>('/assessments/:id/print', { config: { action: 'assessment.view' } }, async (request, reply) => {
    const { id } = request.params;
    const view = await assessmentService.reportView(db, actorOf(request), id, 'assessment.print');
    return reply.page('pages/assessments/print.njk', { ...reportModel(view), backLink: paths.assessments.show(id) });
  });

  app.get<Id>('/assessments/:id/export', { config: { action: 'assessment.view' } }, async (request, reply) => {
    const { id } = request.params;
    const view = await assessmentService.reportView(db, actorOf(request), id, 'assessment.export');
    const html = reply.renderDocument('pages/assessments/document.njk', reportModel(view));
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="${reportFileName(view.assessment.model, view.today)}"`)
      .send(html);
  });
}
