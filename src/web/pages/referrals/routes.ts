// Referrals to the front door: made from a decided screening, listed for the receiving team, and
// screened by a manager to one of the pack's outcomes with a rationale (R-NYO-8, R-KEN-2, R-NEL-6).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../services/context.ts';
import * as referralService from '../../../services/referral-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, errorView, str } from '../../forms.ts';
import { paths } from '../../paths.ts';

export default function referralRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.post('/screenings/:id/referrals', { config: { action: 'referral.create' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { created } = await referralService.makeReferrals(db, actorOf(request), id);
    request.session.flash = {
      title: created === 1 ? 'Referral made' : `${created} referrals made`,
      text: 'The receiving team can now see the record and screen the referral.',
    };
    return reply.redirect(paths.screening.show(id), 303);
  });

  app.get('/referrals', { config: { action: 'referrals.list' } }, async (request, reply) => {
    const { referrals, today } = await referralService.listForMyTeams(db, actorOf(request));
    return reply.page('pages/referrals/list.njk', {
      pageTitle: 'Referrals',
      referrals: referrals.map((referral) => ({
        ...referral,
        overdue: referral.status === 'received' && referral.dueOn < today,
      })),
    });
  });

  async function renderReferral(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const actor = actorOf(request);
    const { id } = request.params as { id: string };
    const view = await referralService.viewReferral(db, actor, id);
    const values = (extra['values'] as { outcome: string; rationale: string } | undefined) ?? {
      outcome: '',
      rationale: '',
    };
    return reply.page('pages/referrals/show.njk', {
      pageTitle: `Referral: ${view.referral.childName}`,
      backLink: paths.referrals.list(),
      r: view.referral,
      s: view.screening,
      receiver: view.pack.referral.receiver,
      overdue: view.referral.status === 'received' && view.referral.dueOn < view.today,
      dueRule: `Within ${view.pack.referral.decisionWorkingDays} working day${view.pack.referral.decisionWorkingDays === 1 ? '' : 's'} of receipt`,
      dueClause: view.pack.referral.decisionClause,
      canDecide: view.canDecide,
      outcomeItems: view.pack.referral.outcomes.map((outcome) => ({
        value: outcome.id,
        text: outcome.label,
        hint: { text: outcome.hint },
        checked: values.outcome === outcome.id,
      })),
      values,
      ...extra,
    });
  }

  app.get('/referrals/:id', { config: { action: 'referral.view' } }, (request, reply) =>
    renderReferral(request, reply),
  );

  app.post('/referrals/:id/decision', { config: { action: 'referral.decide' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as Body;
    const values = { outcome: str(body, 'outcome'), rationale: str(body, 'rationale') };
    try {
      await referralService.decide(db, actorOf(request), id, Number(str(body, 'version')), values);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderReferral(request, reply.code(400), { values, errors: errorView(err.errors) });
    }
    request.session.flash = { title: 'Referral screened' };
    return reply.redirect(paths.referrals.show(id), 303);
  });
}
