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
import { type Body, type DateParts, dateParts, str } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { recordForms, submitForm } from '../../submit-form.ts';

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

const pick = <T extends string>(value: string, allowed: readonly T[]): T | '' =>
  (allowed as readonly string[]).includes(value) ? (value as T) : '';
const yesNo = (value: string) => pick(value, ['yes', 'no'] as const);

function referralFromBody(b: Body): PanelReferralInput {
  return {
    referringService: pick(str(b, 'referringService'), ['childrens_services', 'youth_justice'] as const),
    assessmentType: str(b, 'assessmentType'),
    assessmentSummary: str(b, 'assessmentSummary'),
    harm: pick(str(b, 'harm'), ['displayed', 'likely'] as const),
    childConsent: yesNo(str(b, 'childConsent')),
    parentConsent: yesNo(str(b, 'parentConsent')),
    consentExploration: str(b, 'consentExploration'),
    policeInvestigation: yesNo(str(b, 'policeInvestigation')),
    chargeLikely: yesNo(str(b, 'chargeLikely')),
    denies: yesNo(str(b, 'denies')),
  };
}

function decisionFromBody(b: Body): DecisionInput {
  return {
    decision: pick(str(b, 'decision'), ['accept', 'decline'] as const),
    reasons: str(b, 'reasons'),
    route: pick(str(b, 'route'), Object.keys(ROUTES) as (keyof typeof ROUTES)[]),
    leadId: str(b, 'leadId'),
    coWorkerId: str(b, 'coWorkerId'),
    exceptionalReason: str(b, 'exceptionalReason'),
  };
}

const radios = (items: Record<string, string>, chosen: string) =>
  Object.entries(items).map(([value, text]) => ({ value, text, checked: chosen === value }));
const yesNoItems = (chosen: string) => radios({ yes: 'Yes', no: 'No' }, chosen);
const dateHrefs = (errors: readonly { field: string; message: string }[]) =>
  errors.map((formError) =>
    formError.field === 'heldOn' || formError.field === 'nextReviewOn'
      ? { ...formError, href: `#${formError.field}-day` }
      : formError,
  );

export default function panelRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function renderRefer(
    request: FastifyRequest,
    reply: FastifyReply,
    values: PanelReferralInput,
    extra: Record<string, unknown> = {},
  ) {
    const { id } = request.params as { id: string };
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

  app.get('/children/:id/panel-referrals/new', { config: { action: 'panel.refer' } }, (request, reply) =>
    renderRefer(request, reply, EMPTY_REFERRAL),
  );

  app.post('/children/:id/panel-referrals/new', { config: { action: 'panel.refer' } }, (request, reply) => {
    const { id } = request.params as { id: string };
    const values = referralFromBody(request.body as Body);
    return submitForm(request, reply, {
      act: () => panelService.refer(db, actorOf(request), id, values),
      flash: 'Referred to the AIM Pathway Panel',
      redirect: (referralId) => paths.panel.show(referralId),
      again: (errorReply, errors) => renderRefer(request, errorReply, values, { errors }),
    });
  });

  async function renderShow(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { id } = request.params as { id: string };
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

  app.get('/panel-referrals/:id', { config: { action: 'panel.view' } }, (request, reply) => renderShow(request, reply));

  const post = recordForms(app, { show: paths.panel.show, render: renderShow, hrefs: dateHrefs });

  post(
    '/panel-referrals/:id/decision',
    'panel.decide',
    'Decision recorded',
    (request, id, body, version) => panelService.decide(db, actorOf(request), id, version, decisionFromBody(body)),
    (body) => ({ decision: decisionFromBody(body) }),
  );
  post(
    '/panel-referrals/:id/review',
    'panel.review',
    'Review recorded',
    (request, id, body, version) =>
      panelService.recordReview(db, actorOf(request), id, version, {
        heldOn: dateParts(body, 'heldOn'),
        notes: str(body, 'notes'),
        nextReviewOn: dateParts(body, 'nextReviewOn'),
      }),
    (body) => ({
      heldOn: dateParts(body, 'heldOn'),
      nextReviewOn: dateParts(body, 'nextReviewOn'),
      reviewNotes: str(body, 'notes'),
    }),
  );
  post(
    '/panel-referrals/:id/close',
    'panel.close',
    'Panel involvement closed',
    (request, id, body, version) =>
      panelService.close(db, actorOf(request), id, version, {
        summary: str(body, 'summary'),
        furtherWork: str(body, 'furtherWork'),
      }),
    (body) => ({ closure: { summary: str(body, 'summary'), furtherWork: str(body, 'furtherWork') } }),
  );

  app.get('/panel-referrals/:id/letter', { config: { action: 'panel.view' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { referral, child } = await panelService.closureLetter(db, actorOf(request), id);
    return reply.page('pages/panel/letter.njk', {
      pageTitle: `AIM Pathway Panel closure letter: ${referral.childName}`,
      backLink: paths.panel.show(id),
      r: referral,
      child,
      serviceText: REFERRING_SERVICES[referral.referringService],
      routeText: referral.route ? ROUTES[referral.route] : null,
    });
  });

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
