// The AIM Pathway Panel (north-east-lincolnshire; R-NEL-10..12): referring a child, the panel's
// page with its decision, reviews and closure, and the panel chair's list.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type DecisionInput,
  HARM,
  type PanelReferralInput,
  REFERRING_SERVICES,
  ROUTES,
} from '../../../domain/panel.ts';
import { TRAINING_LABELS } from '../../../domain/roles.ts';
import * as panelService from '../../../services/panel-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import type { DateParts } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { recordForms, submitForm } from '../../submit-form.ts';
import { closeForm, decisionForm, decisionInput, referralForm, referralInput, reviewForm } from './schema.ts';

const EMPTY_REFERRAL: PanelReferralInput = {
  referringService: '',
  assessmentType: '',
  assessmentSummary: '',
  harm: '',
  childConsent: '',
  parentConsent: '',
  consentExploration: '',
  policeInvestigation: '',
  chargeLikely: '',
  denies: '',
};
const EMPTY_DECISION: DecisionInput = {
  decision: '',
  reasons: '',
  route: '',
  leadId: '',
  coWorkerId: '',
  exceptionalReason: '',
};
const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

const radios = (items: Record<string, string>, chosen: string) =>
  Object.entries(items).map(([value, text]) => ({ value, text, checked: chosen === value }));
const yesNoItems = (chosen: string) => radios({ yes: 'Yes', no: 'No' }, chosen);
export default function panelRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function renderRefer(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: PanelReferralInput,
    extra: Record<string, unknown> = {},
  ) {
    const options = await panelService.referOptions(db, actorOf(request), id, true);
    return reply.page('pages/panel/refer.njk', {
      pageTitle: `Refer to the AIM Pathway Panel: ${options.child.firstName} ${options.child.lastName}`,
      backLink: paths.children.assessments(id),
      child: options.child,
      kind: options.kind,
      cannot: options.cannot,
      approaching18: options.ages.approaching18,
      values,
      serviceItems: radios(REFERRING_SERVICES, values.referringService),
      harmItems: radios(HARM, values.harm),
      childConsentItems: yesNoItems(values.childConsent),
      parentConsentItems: yesNoItems(values.parentConsent),
      policeItems: yesNoItems(values.policeInvestigation),
      chargeItems: yesNoItems(values.chargeLikely),
      deniesItems: yesNoItems(values.denies),
      ...extra,
    });
  }

  app.get<{ Params: { id: string } }>(
    '/children/:id/panel-referrals/new',
    { config: { action: 'panel.refer' } },
    (request, reply) => renderRefer(request, reply, request.params.id, EMPTY_REFERRAL),
  );

  app.post<{ Params: { id: string } }>(
    '/children/:id/panel-referrals/new',
    { config: { action: 'panel.refer' } },
    (request, reply) => {
      const { id } = request.params;
      const values = referralInput(referralForm.read(request.body));
      return submitForm(request, reply, {
        act: () => panelService.refer(db, actorOf(request), id, values),
        flash: 'Referred to the AIM Pathway Panel',
        redirect: (referralId) => paths.panel.show(referralId),
        again: (errorReply, errors) => renderRefer(request, errorReply, id, values, { errors }),
      });
    },
  );

  async function renderShow(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
    const view = await panelService.viewReferral(db, actorOf(request), id);
    const referral = view.referral;
    const decisionValues = (extra['decision'] as DecisionInput | undefined) ?? EMPTY_DECISION;
    const people = (chosen: string, aim3Label: boolean) => [
      { value: '', text: 'Select a person' },
      ...view.practitioners.map((practitioner) => ({
        value: practitioner.id,
        text: `${practitioner.name}${aim3Label && practitioner.trainings.includes('aim3') ? ` (${TRAINING_LABELS.aim3} trained)` : ''}`,
        selected: practitioner.id === chosen,
      })),
    ];
    return reply.page('pages/panel/show.njk', {
      pageTitle: `AIM Pathway Panel: ${referral.childName}`,
      backLink: paths.children.assessments(referral.childId),
      r: referral,
      chair: view.chair,
      today: view.today,
      reviewOverdue:
        referral.status === 'accepted' && referral.nextReviewOn !== null && referral.nextReviewOn < view.today,
      serviceText: REFERRING_SERVICES[referral.referringService],
      harmText: HARM[referral.harm],
      routeText: referral.route ? ROUTES[referral.route] : null,
      decisionItems: radios(
        { accept: 'Accept the referral', decline: 'Do not accept the referral' },
        decisionValues.decision,
      ),
      routeItems: view.routes.map((x) => ({ value: x, text: ROUTES[x], checked: decisionValues.route === x })),
      leadItems: people(decisionValues.leadId, true),
      coItems: people(decisionValues.coWorkerId, false),
      decision: decisionValues,
      heldOn: EMPTY_DATE,
      nextReviewOn: EMPTY_DATE,
      reviewNotes: '',
      closure: { summary: '', furtherWork: '' },
      ...extra,
    });
  }

  app.get<{ Params: { id: string } }>('/panel-referrals/:id', { config: { action: 'panel.view' } }, (request, reply) =>
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

  app.get<{ Params: { id: string } }>(
    '/panel-referrals/:id/letter',
    { config: { action: 'panel.view' } },
    async (request, reply) => {
      const { id } = request.params;
      const { referral, child } = await panelService.closureLetter(db, actorOf(request), id);
      return reply.page('pages/panel/letter.njk', {
        pageTitle: `AIM Pathway Panel closure letter: ${referral.childName}`,
        backLink: paths.panel.show(id),
        r: referral,
        child,
        serviceText: REFERRING_SERVICES[referral.referringService],
        routeText: referral.route ? ROUTES[referral.route] : null,
      });
    },
  );

  app.get('/panel', { config: { action: 'panel.list' } }, async (request, reply) => {
    const { referrals, today } = await panelService.panelList(db, actorOf(request));
    return reply.page('pages/panel/list.njk', {
      pageTitle: 'AIM Pathway Panel',
      referrals: referrals.map((referral) => ({
        ...referral,
        routeText: referral.route ? ROUTES[referral.route] : null,
        overdue: referral.status === 'accepted' && referral.nextReviewOn !== null && referral.nextReviewOn < today,
      })),
    });
  });
}
