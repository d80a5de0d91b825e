// The AIM Pathway Panel (north-east-lincolnshire; R-NEL-10..12): referring a child, the panel's
// page with its decision, reviews and closure, and the panel chair's list. Each route parses its
// form (schema.ts), calls the panel service and renders what view-model.ts builds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DecisionInput, PanelReferralInput } from '../../../domain/panel.ts';
import * as panelService from '../../../services/panel-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { recordForms, submitForm } from '../../submit-form.ts';
import { closeForm, decisionForm, decisionInput, referralForm, referralInput, reviewForm } from './schema.ts';
import { EMPTY_REFERRAL, letterView, panelListView, panelOf, referView, referralView } from './view-model.ts';

type Id = { Params: { id: string } };

export default function panelRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function renderRefer(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: PanelReferralInput,
    extra: Record<string, unknown> = {},
  ) {
    const options = await panelService.referOptions(db, actorOf(request), id, true);
    return reply.page('pages/panel/refer.njk', { ...referView(options, values), ...extra });
  }

  app.get<Id>('/children/:id/panel-referrals/new', { config: { action: 'panel.refer' } }, (request, reply) =>
    renderRefer(request, reply, request.params.id, EMPTY_REFERRAL),
  );

  app.post<Id>('/children/:id/panel-referrals/new', { config: { action: 'panel.refer' } }, (request, reply) => {
    const { id } = request.params;
    const values = referralInput(referralForm.read(request.body));
    return submitForm(request, reply, {
      act: () => panelService.refer(db, actorOf(request), id, values),
      flash: 'Referred to the AIM Pathway Panel',
      redirect: (referralId) => paths.panel.show(referralId),
      again: (errorReply, errors) => renderRefer(request, errorReply, id, values, { errors }),
    });
  });

  async function renderShow(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
    const view = await panelService.viewReferral(db, actorOf(request), id);
    const typed = extra['decision'] as DecisionInput | undefined;
    return reply.page('pages/panel/show.njk', {
      ...referralView(view, panelOf(view.referral.authorityId), typed),
      ...extra,
    });
  }

  app.get<Id>('/panel-referrals/:id', { config: { action: 'panel.view' } }, (request, reply) =>
    renderShow(request, reply, request.params.id),
  );

  const post = recordForms(app, { show: paths.panel.show, render: renderShow });

  post(
    '/panel-referrals/:id/decision',
    'panel.decide',
    'Decision recorded',
    decisionForm,
    (request, id, data) => panelService.decide(db, actorOf(request), id, data.version, decisionInput(data)),
    (data) => ({ decision: decisionInput(data) }),
  );
  post(
    '/panel-referrals/:id/review',
    'panel.review',
    'Review recorded',
    reviewForm,
    (request, id, { version, ...review }) => panelService.recordReview(db, actorOf(request), id, version, review),
    (data) => ({ heldOn: data.heldOn, nextReviewOn: data.nextReviewOn, reviewNotes: data.notes }),
  );
  post(
    '/panel-referrals/:id/close',
    'panel.close',
    'Panel involvement closed',
    closeForm,
    (request, id, { version, ...closure }) => panelService.close(db, actorOf(request), id, version, closure),
    (data) => ({ closure: { summary: data.summary, furtherWork: data.furtherWork } }),
  );

  app.get<Id>('/panel-referrals/:id/letter', { config: { action: 'panel.view' } }, async (request, reply) => {
    const letter = await panelService.closureLetter(db, actorOf(request), request.params.id);
    return reply.page('pages/panel/letter.njk', letterView(letter, panelOf(letter.referral.authorityId)));
  });

  app.get('/panel', { config: { action: 'panel.list' } }, async (request, reply) => {
    const actor = actorOf(request);
    const list = await panelService.panelList(db, actor);
    return reply.page('pages/panel/list.njk', panelListView(list, panelOf(actor.user.authorityId)));
  });
}
