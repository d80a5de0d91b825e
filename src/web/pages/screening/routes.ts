// Screening: answer the pack's tool and facts, see the suggestion and its reasons, then decide
// the level of concern with a rationale (R-X-9). Works without JavaScript. The pages' models are
// built in view-model.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonToday } from '../../../domain/age.ts';
import * as referralService from '../../../services/referral-service.ts';
import * as correctionService from '../../../services/screening-correction-service.ts';
import type { ConflictError } from '../../../services/errors.ts';
import type { ErrorView } from '../../forms.ts';
import * as screeningService from '../../../services/screening-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import {
  type ScreeningFormValues,
  correctReasonsForm,
  decisionForm,
  errorHref,
  readScreeningForm,
  screeningForm,
  screeningQuery,
} from './schema.ts';
import { screeningFormModel, screeningModel } from './view-model.ts';

export default function screeningRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function renderForm(
    request: FastifyRequest<{ Params: { id: string; childId: string } }>,
    reply: FastifyReply,
    values: ScreeningFormValues | null,
    extra: Record<string, unknown> = {},
  ) {
    const actor = actorOf(request);
    const { id, childId } = request.params;
    const page = await screeningService.screeningPage(db, actor, id, childId);
    return reply.page('pages/screening/form.njk', {
      ...screeningFormModel(page, {
        incidentId: id,
        childId,
        values,
        requestedTool: screeningQuery.read(request.query).tool || undefined,
        defaults: screeningService.factsFromIncident(page.pack, page.incident),
        today: londonToday(),
      }),
      ...extra,
    });
  }

  app.get<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/screening/:childId',
    { config: { action: 'screening.suggest' } },
    (request, reply) => renderForm(request, reply, null),
  );

  app.post<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/screening/:childId',
    { config: { action: 'screening.suggest' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, childId } = request.params;
      const form = screeningForm.read(request.body);
      // The child's pack: recordAnswers refuses a child outside the actor's authority.
      const pack = screeningService.packFor(actor.user.authorityId);
      const tool =
        pack.tools.find((candidate) => candidate.id === form.tool) ??
        pack.tools.find((candidate) => candidate.id === pack.primaryTool)!;
      const values = readScreeningForm(form, pack, tool);
      return submitForm(request, reply, {
        act: () => screeningService.recordAnswers(db, actor, id, childId, values),
        redirect: (screeningId) => paths.screening.show(screeningId),
        again: (errorReply, errors) => renderForm(request, errorReply, values, { errors }),
        hrefs: (errors) =>
          errors.map((formError) => ({
            field: formError.field,
            message: formError.message,
            href: errorHref(formError.field, tool),
          })),
      });
    },
  );

  async function renderScreening(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { values?: { level: string; rationale: string }; errors?: unknown } = {},
  ) {
    const view = await screeningService.viewScreening(db, actorOf(request), request.params.id);
    const referral = await referralService.referralsForScreeningPage(db, view.screening, view.incident);
    const corrections = await correctionService.screeningCorrections(db, view.screening.id);
    return reply.page(
      'pages/screening/show.njk',
      screeningModel(view, {
        corrections,
        values: extra.values,
        errors: extra.errors,
        // Without JavaScript, the next steps for another level are a link away (?preview=level).
        preview: screeningQuery.read(request.query).preview || undefined,
        referral,
        today: londonToday(),
      }),
    );
  }

  app.get<{ Params: { id: string } }>('/screenings/:id', { config: { action: 'screening.view' } }, (request, reply) =>
    renderScreening(request, reply),
  );

  app.post<{ Params: { id: string } }>(
    '/screenings/:id/decision',
    { config: { action: 'screening.decide' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const values = decisionForm.read(request.body);
      return submitForm(request, reply, {
        act: () => screeningService.decide(db, actor, id, { levelId: values.level, rationale: values.rationale }),
        flash: (result) => ({
          title: 'Level of concern decided',
          text: tasksChangedText(result),
        }),
        redirect: () => paths.screening.show(id),
        again: (errorReply, errors) => renderScreening(request, errorReply, { values, errors }),
      });
    },
  );

  // --- Correcting the reasons for a decided level, with a reason (issue 15) ---
  type CorrectValues = { rationale: string; reason: string };
  async function renderCorrect(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: CorrectValues; errors?: ErrorView; conflict?: ConflictError } = {},
  ) {
    const { screening, version } = await correctionService.screeningToCorrect(db, actorOf(request), id);
    return reply.page('pages/screening/correct.njk', {
      pageTitle: 'Correct the reasons for the decision',
      backLink: paths.screening.show(id),
      s: screening,
      version,
      values: extra.values ?? { rationale: screening.rationale ?? '', reason: '' },
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    });
  }

  app.get<{ Params: { id: string } }>(
    '/screenings/:id/correct',
    { config: { action: 'screening.correct' } },
    (request, reply) => renderCorrect(request, reply, request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/screenings/:id/correct',
    { config: { action: 'screening.correct' } },
    (request, reply) => {
      const { id } = request.params;
      const { version, ...values } = correctReasonsForm.read(request.body);
      return submitForm(request, reply, {
        act: () => correctionService.correctReasons(db, actorOf(request), id, version, values),
        flash: (number) => ({
          title: 'Reasons corrected',
          text: `This is version ${number + 1}. The reasons as first given are kept.`,
        }),
        redirect: () => paths.screening.show(id),
        again: (errorReply, errors) => renderCorrect(request, errorReply, id, { values, errors }),
        conflict: (conflictReply, conflict) => renderCorrect(request, conflictReply, id, { values, conflict }),
      });
    },
  );

  app.get<{ Params: { id: string; number: string } }>(
    '/screenings/:id/versions/:number',
    { config: { action: 'screening.view' } },
    async (request, reply) => {
      const number = Number(request.params.number);
      if (!Number.isInteger(number) || number < 1 || number > 10_000) return reply.callNotFound();
      const view = await correctionService.screeningVersion(db, actorOf(request), request.params.id, number);
      return reply.page('pages/screening/version.njk', {
        pageTitle: 'Reasons for the decision, as they were',
        backLink: paths.screening.show(view.screening.id),
        ...view,
      });
    },
  );
}

/** What a decision did to the child's tasks, in words: "2 new tasks added. 1 earlier task is no longer needed." */
function tasksChangedText(result: { created: number; superseded: number }): string {
  const added = `${result.created} new task${result.created === 1 ? '' : 's'} added.`;
  if (!result.superseded) return added;
  return `${added} ${result.superseded} earlier task${result.superseded === 1 ? ' is' : 's are'} no longer needed.`;
}
