// What the AIM Pathway Panel's pages show, built from what the panel service returns and the pack's
// panel rules (its aimPanel: the ages, the lead's training, the review interval, the clause): pure
// functions, so the routes only parse, call a service and render (issue 12, item 3). Unit-tested
// in test/unit/panel-view-model.test.ts.
import { ASSESSMENT_MODELS } from '../../../domain/assessments.ts';
import { formatDate } from '../../../domain/london-time.ts';
import type { Pack } from '../../../domain/pack.ts';
import {
  type DecisionInput,
  HARM,
  type PanelReferralInput,
  REFERRING_SERVICES,
  ROUTES,
  monthsText,
} from '../../../domain/panel.ts';
import { TRAINING_LABELS } from '../../../domain/roles.ts';
import { getPack } from '../../../procedures/index.ts';
import type * as panelService from '../../../services/panel-service.ts';
import type { DateParts } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { PLAN_STATUS_LABELS } from '../../../domain/plans.ts';

/** A pack's AIM Pathway Panel (R-NEL-10..12), or undefined where its procedure has none. */
export type Panel = NonNullable<Pack['aimPanel']>;

type ReferOptions = Awaited<ReturnType<typeof panelService.referOptions>>;
type ReferralView = Awaited<ReturnType<typeof panelService.viewReferral>>;
type Referral = ReferralView['referral'];
type ClosureLetter = Awaited<ReturnType<typeof panelService.closureLetter>>;
type PanelList = Awaited<ReturnType<typeof panelService.panelList>>;

/** The panel of an authority's procedure. */
export const panelOf = (authorityId: string): Panel | undefined => getPack(authorityId)?.aimPanel;

export const EMPTY_REFERRAL: PanelReferralInput = {
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

export const EMPTY_DECISION: DecisionInput = {
  decision: '',
  reasons: '',
  route: '',
  leadId: '',
  coWorkerId: '',
  exceptionalReason: '',
};

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

export { monthsText };

/**
 * What every panel page says of the panel, from the pack: the clause it cites (the template reads
 * "the procedure" without one), the ages it takes ("12 to 18") and how often it reviews ("3 months").
 */
export function panelWords(panel: Panel | undefined) {
  return {
    panelClause: panel?.clause ?? null,
    panelAges: panel ? `${panel.ages.assessmentFrom} to ${panel.ages.belowAge}` : null,
    reviewEvery: panel ? monthsText(panel.reviewMonths.months) : null,
  };
}

/**
 * The assessment the panel decides on, named as the assessments are ("AIM3 assessment"): the one
 * its lead practitioner is trained for (the pack's lead training, R-NEL-11); "assessment" when the
 * pack names no model for that training.
 */
export function panelAssessment(panel: Panel | undefined): string {
  const model =
    panel && Object.values(ASSESSMENT_MODELS).find((candidate) => candidate.training === panel.lead.training);
  return model ? model.label : 'assessment';
}

/** Radio items from the options' words, the chosen one checked. */
export const radios = (items: Readonly<Record<string, string>>, chosen: string) =>
  Object.entries(items).map(([value, text]) => ({ value, text, checked: chosen === value }));

const yesNoItems = (chosen: string) => radios({ yes: 'Yes', no: 'No' }, chosen);

/** An accepted case whose next review is past its day. */
export function reviewOverdue(
  referral: { status: Referral['status']; nextReviewOn: string | null },
  today: string,
): boolean {
  return referral.status === 'accepted' && referral.nextReviewOn !== null && referral.nextReviewOn < today;
}

const routeText = (referral: { route: Referral['route'] }) => (referral.route ? ROUTES[referral.route] : null);

// --- Referring a child ---

/** The referral form: why the child cannot be referred, or the questions with what was typed. */
export function referView(options: ReferOptions, values: PanelReferralInput) {
  return {
    pageTitle: `Refer to the AIM Pathway Panel: ${options.child.firstName} ${options.child.lastName}`,
    backLink: paths.children.assessments(options.child.id),
    child: options.child,
    kind: options.kind,
    cannot: options.cannot,
    approaching18: options.ages.approaching18,
    ...panelWords(options.pack.aimPanel),
    panelAssessment: panelAssessment(options.pack.aimPanel),
    values,
    serviceItems: radios(REFERRING_SERVICES, values.referringService),
    harmItems: radios(HARM, values.harm),
    childConsentItems: yesNoItems(values.childConsent),
    parentConsentItems: yesNoItems(values.parentConsent),
    policeItems: yesNoItems(values.policeInvestigation),
    chargeItems: yesNoItems(values.chargeLikely),
    deniesItems: yesNoItems(values.denies),
  };
}

// --- The panel's page: the referral, the decision, reviews and closure ---

/**
 * The referral's page: the referral in words, and for the chair the decision form (the lead
 * practitioners marked with the training the pack asks of a lead), the review and the closure.
 */
export function referralView(view: ReferralView, panel: Panel | undefined, decision: DecisionInput = EMPTY_DECISION) {
  const referral = view.referral;
  const words = panelWords(panel);
  const leadTraining = panel?.lead.training;
  const people = (chosen: string, markTraining: boolean) => [
    { value: '', text: 'Select a person' },
    ...view.practitioners.map((practitioner) => ({
      value: practitioner.id,
      text:
        practitioner.name +
        (markTraining && leadTraining && practitioner.trainings.includes(leadTraining)
          ? ` (${TRAINING_LABELS[leadTraining]} trained)`
          : ''),
      selected: practitioner.id === chosen,
    })),
  ];
  const every = words.reviewEvery;
  return {
    pageTitle: `AIM Pathway Panel: ${referral.childName}`,
    backLink: paths.children.assessments(referral.childId),
    r: referral,
    chair: view.chair,
    today: view.today,
    reviewOverdue: reviewOverdue(referral, view.today),
    overdueWarning: `The review was due by ${formatDate(referral.nextReviewOn)}${every ? `: the panel reviews at least every ${every}` : ''}.`,
    nextReviewHint: every
      ? `Within ${every} of this review. Leave blank for ${every}.`
      : 'Leave blank for the latest date the procedure allows.',
    ...words,
    serviceText: REFERRING_SERVICES[referral.referringService],
    harmText: HARM[referral.harm],
    routeText: routeText(referral),
    decisionItems: radios({ accept: 'Accept the referral', decline: 'Do not accept the referral' }, decision.decision),
    routeItems: view.routes.map((route) => ({ value: route, text: ROUTES[route], checked: decision.route === route })),
    leadItems: people(decision.leadId, true),
    coItems: people(decision.coWorkerId, false),
    decision,
    heldOn: EMPTY_DATE,
    nextReviewOn: EMPTY_DATE,
    reviewNotes: '',
    closure: { summary: '', furtherWork: '' },
    // The intervention plan of the accepted route, which the panel reviews (R-NEL-11, R-NEL-12).
    reviewedPlans: view.reviewedPlans,
    planStatus: PLAN_STATUS_LABELS,
  };
}

// --- The closure letter ---

export function letterView({ referral, child }: ClosureLetter, panel: Panel | undefined) {
  return {
    pageTitle: `AIM Pathway Panel closure letter: ${referral.childName}`,
    backLink: paths.panel.show(referral.id),
    r: referral,
    child,
    ...panelWords(panel),
    serviceText: REFERRING_SERVICES[referral.referringService],
    routeText: routeText(referral),
  };
}

// --- The panel chair's list ---

export function panelListView({ referrals, today }: PanelList, panel: Panel | undefined) {
  return {
    pageTitle: 'AIM Pathway Panel',
    ...panelWords(panel),
    referrals: referrals.map((referral) => ({
      ...referral,
      routeText: routeText(referral),
      overdue: reviewOverdue(referral, today),
    })),
  };
}
