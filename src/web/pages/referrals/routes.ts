// Referrals to the front door: made from a decided screening with the referral form (issue 15), listed for the receiving team, and
// screened by a manager to one of the pack's outcomes with a rationale (R-NYO-8, R-KEN-2, R-NEL-6).
// The pages' models are built in view-model.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as referralService from '../../../services/referral-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import type { ErrorView } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { decisionForm, referralForm } from './schema.ts';
import type { ReferralFormInput } from '../../../domain/referrals.ts';
import { type DecisionValues, referralFormModel, referralListModel, referralModel } from './view-model.ts';

type Id = { Params: { id: string } };

export default function referralRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: ReferralFormInput; errors?: ErrorView } = {},
  ) {
    const form = await referralService.referralForm(db, actorOf(request), id);
    // Nothing left to refer (referred, or screened again, since the link was followed): back to the screening.
    if (!form.possible) return reply.redirect(paths.screening.show(id), 303);
    return reply.page('pages/referrals/new.njk', referralFormModel(form, extra.values, extra.errors));
  }

  app.get<Id>('/screenings/:id/referrals/new', { config: { action: 'referral.create' } }, (request, reply) =>
    renderForm(request, reply, request.params.id),
  );

  app.post<Id>('/screenings/:id/referrals', { config: { action: 'referral.create' } }, (request, reply) => {
    const { id } = request.params;
    const values = referralForm.read(request.body);
    return submitForm(request, reply, {
      act: () => referralService.makeReferrals(db, actorOf(request), id, values),
      flash: ({ created }) => ({
        title: created === 1 ? 'Referral made' : `${created} referrals made`,
        text: 'The receiving team can now see the record and screen the referral.',
      }),
      redirect: () => paths.screening.show(id),
      again: (errorReply, errors) => renderForm(request, errorReply, id, { values, errors }),
    });
  });

  app.get('/referrals', { config: { action: 'referrals.list' } }, async (request, reply) =>
    reply.page(
      'pages/referrals/list.njk',
      referralListModel(await referralService.listForMyTeams(db, actorOf(request))),
    ),
  );

  async function renderReferral(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: DecisionValues; errors?: ErrorView } = {},
  ) {
    const view = await referralService.viewReferral(db, actorOf(request), id);
    return reply.page('pages/referrals/show.njk', { ...referralModel(view, extra.values), errors: extra.errors });
  }

  app.get<Id>('/referrals/:id', { config: { action: 'referral.view' } }, (request, reply) =>
    renderReferral(request, reply, request.params.id),
  );

  app.post<Id>('/referrals/:id/decision', { config: { action: 'referral.decide' } }, (request, reply) => {
    const { id } = request.params;
    const { version, ...values } = decisionForm.read(request.body);
    return submitForm(request, reply, {
      act: () => referralService.decide(db, actorOf(request), id, version, values),
      flash: 'Referral screened',
      redirect: () => paths.referrals.show(id),
      again: (errorReply, errors) => renderReferral(request, errorReply, id, { values, errors }),
    });
  });
}
