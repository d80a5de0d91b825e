// North East Lincolnshire's AIM Pathway Panel as decision support (north-east-lincolnshire; R-NEL-10
// to R-NEL-12, R-X-6): who may refer and with what, the eligibility the panel considers (significant
// harm displayed or likely; 12 to 18 for assessment and intervention, consultation only under 12;
// the child's and the parent's or carer's consent, explored when not both given), who leads (the
// referrer, unless charge or prosecution is likely: Youth Justice AIM practitioners), the denial
// rule (information gathering only, unless the panel decides otherwise in exceptional
// circumstances), the decision with reasons, a lead AIM practitioner and a co-worker, reviews at
// least every 3 months, and closure with the further work recommended. Pure functions over the
// panel's rules, which are the pack's data (its aimPanel): ages, referrers, lead, denial, reviews.
import { addMonths } from './age.ts';
import { type DateParts, parseDateParts } from './date-parts.ts';
import { formatDate } from './london-time.ts';
import { doneOn } from './past-dates.ts';
import { TEXT_LIMITS, tooLong } from './text-limits.ts';
import { TRAINING_LABELS, type Training } from './roles.ts';

/** The services that may refer to a panel (the pack says which: R-NEL-10). */
export const PANEL_REFERRERS = ['childrens_services', 'youth_justice'] as const;
export type PanelReferrer = (typeof PANEL_REFERRERS)[number];

/** A panel's rules, as the pack gives them (north-east-lincolnshire's aimPanel). */
export interface PanelRules {
  ages: { assessmentFrom: number; belowAge: number; consultationYounger: boolean };
  referrers: { services: readonly PanelReferrer[] };
  /** Present: Youth Justice AIM practitioners lead when charge or prosecution is likely. */
  youthJusticeLeadsWhenChargeLikely?: unknown;
  /** Present: denial during a police investigation limits the work to information gathering. */
  denial?: unknown;
  lead: { training: Training };
  reviewMonths: { months: number };
}

export interface FormProblem {
  field: string;
  message: string;
}

type YesNo = '' | 'yes' | 'no';

export interface PanelReferralInput {
  referringService: '' | 'childrens_services' | 'youth_justice';
  assessmentType: string;
  assessmentSummary: string;
  harm: '' | 'displayed' | 'likely';
  childConsent: YesNo;
  parentConsent: YesNo;
  consentExploration: string;
  policeInvestigation: YesNo;
  chargeLikely: YesNo;
  denies: YesNo;
}

export const REFERRING_SERVICES: Record<PanelReferrer, string> = {
  childrens_services: 'Children’s Services',
  youth_justice: 'Youth Justice Service',
};
export const HARM = {
  displayed: 'Has displayed harmful sexual behaviour resulting in significant harm to themselves or other children',
  likely: 'Is assessed as likely to display harmful sexual behaviour that would result in significant harm',
} as const;

const MAX = TEXT_LIMITS.panelText;

/** Younger than the panel's age the panel gives consultation or guidance at its discretion; from it, assessment and intervention (R-NEL-10: 12 to 17). */
export function referralKind(age: number, rules: Pick<PanelRules, 'ages'>): 'assessment' | 'consultation' | null {
  if (age >= rules.ages.belowAge) return null;
  if (age >= rules.ages.assessmentFrom) return 'assessment';
  return rules.ages.consultationYounger ? 'consultation' : null;
}

/** The ages a panel takes, in words: "aged 12 to 18, with consultation for younger children". */
export function panelAgesText(rules: Pick<PanelRules, 'ages'>): string {
  const { assessmentFrom, belowAge, consultationYounger } = rules.ages;
  return `aged ${assessmentFrom} to ${belowAge}${consultationYounger ? ', with consultation for younger children' : ''}`;
}

/** What the panel's answer to a second referral is while one is awaiting a decision or accepted. */
export const ALREADY_BEFORE_PANEL = 'This child’s case is already before the panel.';

/** The facts that decide whether the panel can take a referral for this child. */
export interface ReferralBarrierFacts {
  /** The pack's panel, if it has one. */
  rules: PanelRules | undefined;
  /** A submitted incident records that this child displayed harmful sexual behaviour. */
  displayedBehaviour: boolean;
  /** What the panel would give at the child's age (referralKind), null when it takes no child of that age. */
  kind: 'assessment' | 'consultation' | null;
  /** A referral for this child is awaiting a decision or accepted. */
  open: boolean;
}

/** Why the panel cannot take a referral for this child, or null: the page says so instead of showing the form. */
export function referralBarrier(facts: ReferralBarrierFacts): string | null {
  if (!facts.rules) return 'This authority’s procedure has no AIM Pathway Panel.';
  if (!facts.displayedBehaviour)
    return 'The panel considers children who have displayed harmful sexual behaviour: no submitted incident records that this child did.';
  if (!facts.kind) return `The panel is for children ${panelAgesText(facts.rules)}.`;
  if (facts.open) return ALREADY_BEFORE_PANEL;
  return null;
}

/** A referral: why the panel cannot take one (the error links to that, field 'cannot'), or everything wrong with the form. */
export function referringProblems(input: PanelReferralInput, facts: ReferralBarrierFacts): FormProblem[] {
  const cannot = referralBarrier(facts);
  if (cannot || !facts.kind || !facts.rules)
    return [{ field: 'cannot', message: cannot ?? 'The panel cannot take this referral' }];
  return referralProblems(input, facts.rules);
}

export function referralProblems(input: PanelReferralInput, rules: Pick<PanelRules, 'referrers'>): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!input.referringService || !rules.referrers.services.includes(input.referringService))
    problems.push({
      field: 'referringService',
      message: `Select which service is referring: referrals come from ${rules.referrers.services.map((service) => REFERRING_SERVICES[service]).join(' or ')}`,
    });
  if (!input.assessmentType.trim())
    problems.push({
      field: 'assessmentType',
      message:
        'Enter which assessment the referral is based on, for example a Children’s Services Assessment or AssetPlus',
    });
  if (!input.assessmentSummary.trim())
    problems.push({
      field: 'assessmentSummary',
      message: 'Enter what the assessment says about the need for specialist support',
    });
  else if (input.assessmentSummary.length > MAX)
    problems.push({ field: 'assessmentSummary', message: tooLong('What the assessment says', MAX) });
  if (!input.harm)
    problems.push({
      field: 'harm',
      message:
        'Select whether the child has displayed, or is likely to display, behaviour resulting in significant harm',
    });
  if (!input.childConsent)
    problems.push({ field: 'childConsent', message: 'Select whether the child consents to the referral' });
  if (!input.parentConsent)
    problems.push({ field: 'parentConsent', message: 'Select whether the parent or carer consents to the referral' });
  if ((input.childConsent === 'no' || input.parentConsent === 'no') && !input.consentExploration.trim()) {
    problems.push({
      field: 'consentExploration',
      message: 'Enter how consent was explored with the child and the parent or carer, and by whom',
    });
  } else if (input.consentExploration.length > MAX)
    problems.push({ field: 'consentExploration', message: tooLong('How consent was explored', MAX) });
  if (!input.policeInvestigation)
    problems.push({ field: 'policeInvestigation', message: 'Select whether a police investigation is ongoing' });
  if (input.policeInvestigation === 'yes') {
    if (!input.chargeLikely)
      problems.push({ field: 'chargeLikely', message: 'Select whether charge or prosecution is likely' });
    if (!input.denies)
      problems.push({ field: 'denies', message: 'Select whether the young person denies the referral behaviour' });
  }
  return problems;
}

/** The referrer stays lead professional, unless charge or prosecution is likely: then Youth Justice AIM practitioners lead (R-NEL-10). */
export function leadProfessional(
  input: Pick<PanelReferralInput, 'policeInvestigation' | 'chargeLikely'>,
  rules: Pick<PanelRules, 'youthJusticeLeadsWhenChargeLikely'>,
): 'referrer' | 'youth_justice' {
  return rules.youthJusticeLeadsWhenChargeLikely && input.policeInvestigation === 'yes' && input.chargeLikely === 'yes'
    ? 'youth_justice'
    : 'referrer';
}

/** With a police investigation ongoing and the behaviour denied, only information gathering, unless the panel decides otherwise exceptionally (R-NEL-10). */
export function informationGatheringOnly(
  input: Pick<PanelReferralInput, 'policeInvestigation' | 'denies'>,
  rules: Pick<PanelRules, 'denial'>,
): boolean {
  return Boolean(rules.denial) && input.policeInvestigation === 'yes' && input.denies === 'yes';
}

export const ROUTES = {
  assessment_and_intervention: 'AIM3 assessment and intervention',
  assessment: 'AIM3 assessment',
  intervention: 'Intervention without an assessment (approaching 18)',
  information_gathering: 'Information gathering only (police investigation, behaviour denied)',
  consultation: 'Consultation or guidance only (under 12)',
} as const;
export type Route = keyof typeof ROUTES;

export interface DecisionInput {
  decision: '' | 'accept' | 'decline';
  reasons: string;
  route: '' | Route;
  leadId: string;
  coWorkerId: string;
  exceptionalReason: string;
}

export interface DecisionFacts {
  kind: 'assessment' | 'consultation';
  informationGatheringOnly: boolean;
  approaching18: boolean;
  practitioners: readonly { id: string; trainings: readonly Training[] }[];
  /** The training the lead practitioner must hold (the pack's panel lead: R-NEL-11, AIM3). */
  leadTraining: Training;
}

/** The routes the panel may choose for this referral (R-NEL-10, R-NEL-11). */
export function routesFor(facts: Pick<DecisionFacts, 'kind' | 'informationGatheringOnly' | 'approaching18'>): Route[] {
  if (facts.kind === 'consultation') return ['consultation'];
  const routes: Route[] = ['assessment_and_intervention', 'assessment'];
  if (facts.approaching18) routes.unshift('intervention');
  if (facts.informationGatheringOnly) routes.unshift('information_gathering');
  return routes;
}

export function decisionProblems(facts: DecisionFacts, input: DecisionInput): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!input.decision) problems.push({ field: 'decision', message: 'Select whether the panel accepts the referral' });
  if (!input.reasons.trim())
    problems.push({
      field: 'reasons',
      message:
        input.decision === 'decline'
          ? 'Enter why the referral is not accepted: the referrer is told'
          : 'Enter the reasons for the panel’s decision',
    });
  else if (input.reasons.length > MAX)
    problems.push({ field: 'reasons', message: tooLong('Reasons for the decision', MAX) });
  if (input.decision !== 'accept') return problems;
  const routes = routesFor(facts);
  if (!input.route || !routes.includes(input.route))
    problems.push({ field: 'route', message: 'Select what the panel agrees to' });
  if (facts.kind === 'assessment') {
    const lead = facts.practitioners.find((practitioner) => practitioner.id === input.leadId);
    if (!input.leadId) problems.push({ field: 'leadId', message: 'Select the lead AIM practitioner' });
    else if (!lead) problems.push({ field: 'leadId', message: 'Select a lead AIM practitioner from the list' });
    else if (!lead.trainings.includes(facts.leadTraining))
      problems.push({
        field: 'leadId',
        message: `Select a lead AIM practitioner trained in ${TRAINING_LABELS[facts.leadTraining]}`,
      });
    if (!input.coWorkerId)
      problems.push({
        field: 'coWorkerId',
        message: 'Select the co-worker: the panel allocates a lead AIM practitioner and a co-worker',
      });
    else if (!facts.practitioners.some((practitioner) => practitioner.id === input.coWorkerId))
      problems.push({ field: 'coWorkerId', message: 'Select a co-worker from the list' });
    else if (input.coWorkerId === input.leadId)
      problems.push({ field: 'coWorkerId', message: 'Select a co-worker who is not the lead AIM practitioner' });
  }
  if (
    facts.informationGatheringOnly &&
    input.route &&
    input.route !== 'information_gathering' &&
    !input.exceptionalReason.trim()
  ) {
    problems.push({
      field: 'exceptionalReason',
      message: 'Enter the exceptional circumstances in which the panel agrees to more than information gathering',
    });
  } else if (facts.informationGatheringOnly && input.exceptionalReason.length > MAX)
    problems.push({ field: 'exceptionalReason', message: tooLong('The exceptional circumstances', MAX) });
  return problems;
}

/** The next review: at most the pack's months (R-NEL-12: 3) after the decision or the last review. */
export function nextReviewDue(from: string, rules: Pick<PanelRules, 'reviewMonths'>): string {
  return addMonths(from, rules.reviewMonths.months);
}

export interface ReviewInput {
  heldOn: DateParts;
  notes: string;
  nextReviewOn: DateParts;
}

export interface ReviewFacts {
  today: string;
  /** The day the panel accepted the referral. */
  acceptedOn: string | null;
  lastReviewOn: string | null | undefined;
  /** The pack's panel rules; without them no next review can be dated (next is null). */
  rules: Pick<PanelRules, 'reviewMonths'> | undefined;
}

/** "3 months", "1 month": the panel's review interval in words. */
export const monthsText = (months: number): string => (months === 1 ? '1 month' : `${months} months`);

/**
 * The review's date and the next review's: at most the pack's months after this one (R-NEL-12: 3),
 * that latest day when none is typed. The next is asked only once this review's date is right (null before).
 */
export function reviewDates(
  input: Pick<ReviewInput, 'heldOn' | 'nextReviewOn'>,
  facts: ReviewFacts,
): { heldOn: { iso: string } | { error: string }; next: { iso: string } | { error: string } | null } {
  // Not before the panel accepted the referral, nor before the last review (issue 11, defect 6).
  const heldOn = doneOn(
    input.heldOn,
    { label: 'Date of the review', missing: 'Enter the date of the review', subject: 'The date of the review' },
    facts.today,
    [
      { iso: facts.acceptedOn, what: 'the date the panel accepted the referral' },
      { iso: facts.lastReviewOn, what: 'the date of the last review' },
    ],
  );
  if ('error' in heldOn || !facts.rules) return { heldOn, next: null };
  const latest = nextReviewDue(heldOn.iso, facts.rules);
  const parts = input.nextReviewOn;
  if (!parts.day && !parts.month && !parts.year) return { heldOn, next: { iso: latest } };
  const parsed = parseDateParts(parts, 'Date of the next review', 'Enter the date of the next review');
  if ('error' in parsed) return { heldOn, next: parsed };
  if (parsed.iso <= heldOn.iso) return { heldOn, next: { error: 'Date of the next review must be after this review' } };
  if (parsed.iso > latest)
    return {
      heldOn,
      next: {
        error: `Date of the next review must be within ${monthsText(facts.rules.reviewMonths.months)} of this one, by ${formatDate(latest)}`,
      },
    };
  return { heldOn, next: parsed };
}

/** Everything wrong with a review, at once, in page order. */
export function reviewProblems(input: ReviewInput, facts: ReviewFacts): FormProblem[] {
  const problems: FormProblem[] = [];
  const dates = reviewDates(input, facts);
  if ('error' in dates.heldOn) problems.push({ field: 'heldOn', message: dates.heldOn.error });
  const notes = input.notes.trim();
  if (!notes) problems.push({ field: 'notes', message: 'Enter what the review found and decided' });
  else if (notes.length > MAX)
    problems.push({ field: 'notes', message: tooLong('What the review found and decided', MAX) });
  if (dates.next && 'error' in dates.next) problems.push({ field: 'nextReviewOn', message: dates.next.error });
  return problems;
}

/** Closing the panel's involvement needs what was completed; the further work recommended may be blank (R-NEL-12). */
export function panelClosureProblems(input: { summary: string; furtherWork: string }): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!input.summary.trim()) problems.push({ field: 'summary', message: 'Enter what was completed' });
  for (const [field, name, text] of [
    ['summary', 'What was completed', input.summary],
    ['furtherWork', 'Further work', input.furtherWork],
  ] as const)
    if (text.length > MAX) problems.push({ field, message: tooLong(name, MAX) });
  return problems;
}
