// Referral to the front door from a decided screening (R-KEN-2, R-NEL-6, R-THU-8) and the
// manager's screening decision on it, with one of the pack's outcomes and a rationale (R-NYO-8,
// R-X-9). Pure: the referral service gathers the screening and the pack's outcomes, checks these
// and writes.
import { TEXT_LIMITS, tooLong } from './text-limits.ts';

export interface FormProblem {
  field: string;
  message: string;
}

/** The longest reasons the decision form takes (its character count shows the same). */
export const REFERRAL_RATIONALE_MAX = TEXT_LIMITS.referralRationale;

/** A referral follows a decided level of concern above the lowest. */
export function makeReferralProblems(facts: { possible: boolean }): FormProblem[] {
  return facts.possible
    ? []
    : [{ field: 'referral', message: 'Decide a level of concern above the lowest before making a referral' }];
}

/** The screening decision needs one of the pack's outcomes and the reasons, at once, in page order. */
export function referralDecisionProblems(
  decision: { outcome: string; rationale: string },
  facts: { outcomeIds: readonly string[] },
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!facts.outcomeIds.includes(decision.outcome))
    problems.push({ field: 'outcome', message: 'Select the outcome of the screening' });
  const rationale = decision.rationale.trim();
  if (!rationale) problems.push({ field: 'rationale', message: 'Enter the reasons for the decision' });
  else if (rationale.length > REFERRAL_RATIONALE_MAX)
    problems.push({ field: 'rationale', message: tooLong('Reasons for the decision', REFERRAL_RATIONALE_MAX) });
  return problems;
}

/** The longest answers the referral form takes (its character counts show the same). */
export const REFERRAL_DETAIL_LIMITS = {
  referrerName: 200,
  referrerRole: 200,
  referrerPhone: 40,
  referrerEmail: 254,
  reason: TEXT_LIMITS.referralReason,
  details: TEXT_LIMITS.referralDetails,
} as const;

export const PARENTS_CONSENT = ['yes', 'no', 'not_asked'] as const;
export type ParentsConsent = (typeof PARENTS_CONSENT)[number];

/** Who refers and how to reach them: asked once, the same on each child's referral. */
export interface ReferrerInput {
  referrerName: string;
  referrerRole: string;
  referrerPhone: string;
  referrerEmail: string;
}

/**
 * The answers about one child's own family, asked in that child's section of the form: the child
 * who harmed's parents and the child harmed's parents are different people, and each receiving
 * team reads only its own child's (issue 15).
 */
export const FAMILY_FIELDS = [
  'parentsTold',
  'parentsNotToldReason',
  'parentsConsent',
  'consentReason',
  'safetySteps',
  'request',
] as const;
export type FamilyField = (typeof FAMILY_FIELDS)[number];
export type FamilyAnswersInput = Record<FamilyField, string>;

/** The referral form as typed: the referrer once, and each family answer by the child's id. */
export type ReferralFormInput = ReferrerInput & Record<FamilyField, Record<string, string>>;

/** A child being referred, as the form names them: the first name, or null when the referrer may not see their record. */
export interface ReferredChild {
  childId: string;
  role: 'displayed' | 'targeted';
  firstName: string | null;
}

/** The id and name of a family answer in a child's section: `parentsTold-<child's id>`. */
export function familyFieldId(field: FamilyField, childId: string): string {
  return `${field}-${childId}`;
}

/** One child's family answers as typed ('' where not given). */
export function familyAnswersOf(input: ReferralFormInput, childId: string): FamilyAnswersInput {
  return Object.fromEntries(FAMILY_FIELDS.map((field) => [field, input[field][childId] ?? ''])) as FamilyAnswersInput;
}

/** "Toby’s", or "the child harmed’s" for a child whose record the referrer may not see. */
function whose(child: ReferredChild): string {
  return `${child.firstName ?? (child.role === 'displayed' ? 'the child who harmed' : 'the child harmed')}’s`;
}

/** What a referral carries for the receiving team, checked and trimmed. */
export interface ReferralDetails {
  referrerName: string;
  referrerRole: string;
  referrerPhone: string | null;
  referrerEmail: string | null;
  parentsTold: boolean;
  parentsNotToldReason: string | null;
  parentsConsent: ParentsConsent;
  consentReason: string | null;
  safetySteps: string;
  request: string;
}

const PHONE = /^\+?[\d\s()-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Words = (field: string, value: string, name: string, max: number, missing: string | null) => string;

function wordsInto(problems: FormProblem[]): Words {
  return (field, typed, name, max, missing) => {
    const value = typed.trim();
    if (!value) {
      if (missing) problems.push({ field, message: missing });
    } else if (value.length > max) problems.push({ field, message: tooLong(name, max) });
    return value;
  };
}

/** The referrer's name, role and a way to reach them, the problems added to `problems`. */
function readReferrer(input: ReferrerInput, problems: FormProblem[]) {
  const words = wordsInto(problems);
  const limits = REFERRAL_DETAIL_LIMITS;
  const referrerName = words('referrerName', input.referrerName, 'Your name', limits.referrerName, 'Enter your name');
  const referrerRole = words(
    'referrerRole',
    input.referrerRole,
    'Your role and organisation',
    limits.referrerRole,
    'Enter your role and organisation',
  );
  const referrerPhone = input.referrerPhone.trim();
  const referrerEmail = input.referrerEmail.trim();
  if (!referrerPhone && !referrerEmail)
    problems.push({
      field: 'referrerPhone',
      message: 'Enter a phone number or an email address, so the receiving team can contact you',
    });
  if (referrerPhone) {
    const digits = referrerPhone.replace(/\D/g, '').length;
    if (referrerPhone.length > limits.referrerPhone || !PHONE.test(referrerPhone) || digits < 10 || digits > 15)
      problems.push({ field: 'referrerPhone', message: 'Enter a phone number in the correct format' });
  }
  if (referrerEmail && (referrerEmail.length > limits.referrerEmail || !EMAIL.test(referrerEmail)))
    problems.push({
      field: 'referrerEmail',
      message: 'Enter an email address in the correct format, like name@example.com',
    });
  return {
    referrerName,
    referrerRole,
    referrerPhone: referrerPhone || null,
    referrerEmail: referrerEmail || null,
  };
}

/** One child's family answers, the problems (naming the child, linking to their section's fields) added to `problems`. */
function readFamily(input: FamilyAnswersInput, child: ReferredChild, problems: FormProblem[]) {
  const words = wordsInto(problems);
  const id = (field: FamilyField) => familyFieldId(field, child.childId);
  const limits = REFERRAL_DETAIL_LIMITS;
  const their = whose(child);
  const told = input.parentsTold;
  if (told !== 'yes' && told !== 'no')
    problems.push({
      field: id('parentsTold'),
      message: `Select yes if ${their} parents or carers were told about the referral`,
    });
  const notToldReason = words(
    id('parentsNotToldReason'),
    input.parentsNotToldReason,
    `Why ${their} parents or carers were not told`,
    limits.reason,
    told === 'no' ? `Enter why ${their} parents or carers were not told` : null,
  );
  const consent = (PARENTS_CONSENT as readonly string[]).includes(input.parentsConsent)
    ? (input.parentsConsent as ParentsConsent)
    : null;
  if (!consent)
    problems.push({
      field: id('parentsConsent'),
      message: `Select whether ${their} parents or carers consent to the referral`,
    });
  const consentReason = words(
    id('consentReason'),
    input.consentReason,
    `Why there is no consent from ${their} parents or carers`,
    limits.reason,
    consent === 'no'
      ? `Enter why ${their} parents or carers do not consent, and why you are referring without it`
      : consent === 'not_asked'
        ? `Enter why ${their} parents or carers were not asked for consent`
        : null,
  );
  const safetySteps = words(
    id('safetySteps'),
    input.safetySteps,
    `The immediate safety steps in ${their} referral`,
    limits.details,
    `Enter the immediate steps taken to keep the children safe, in ${their} referral`,
  );
  const request = words(
    id('request'),
    input.request,
    `What you are asking in ${their} referral`,
    limits.details,
    `Enter what you are asking the receiving team to do, in ${their} referral`,
  );
  if (told !== 'yes' && told !== 'no') return null;
  if (!consent) return null;
  return {
    parentsTold: told === 'yes',
    parentsNotToldReason: told === 'no' ? notToldReason : null,
    parentsConsent: consent,
    consentReason: consent === 'yes' ? null : consentReason,
    safetySteps,
    request,
  };
}

/**
 * Every problem with the referral form at once, in the order of the page (ADR 0012): the
 * referrer's name, role and a way to reach them, asked once; then, for each child in the order of
 * their sections, whether their own parents or carers were told, and why not (R-NYO-16); whether
 * they consent, and why not or why they were not asked (R-X-6, R-NYO-16: consent is not sought
 * where seeking it would put a child at risk); the immediate safety steps (R-NYO-2); and what is
 * asked. With no problem, each child's referral as stored: the referrer's details and that child's
 * own answers, never another child's.
 */
export function readReferralForm(
  input: ReferralFormInput,
  children: readonly ReferredChild[],
):
  | { problems: FormProblem[]; referrals: null }
  | { problems: []; referrals: { childId: string; details: ReferralDetails }[] } {
  const problems: FormProblem[] = [];
  const referrer = readReferrer(input, problems);
  const families = children.map((child) => ({
    childId: child.childId,
    family: readFamily(familyAnswersOf(input, child.childId), child, problems),
  }));
  if (problems.length) return { problems, referrals: null };
  const referrals: { childId: string; details: ReferralDetails }[] = [];
  for (const { childId, family } of families)
    if (family) referrals.push({ childId, details: { ...referrer, ...family } });
  return { problems: [], referrals };
}

export const PARENTS_CONSENT_TEXT: Record<ParentsConsent, string> = {
  yes: 'Yes, they consent',
  no: 'No, they do not consent',
  not_asked: 'They were not asked',
};

/**
 * The referral's line in the child's chronology: this child's answers, and the referrer by their
 * role, never by name (a chronology line names no one), nor their phone or email.
 */
export function referralDetailsSummary(details: ReferralDetails): string {
  const ask = details.request.length > 160 ? `${details.request.slice(0, 159).trimEnd()}…` : details.request;
  return (
    `Referrer’s role: ${details.referrerRole}. ` +
    `Parents or carers told: ${details.parentsTold ? 'yes' : 'no'}. ` +
    `Consent: ${PARENTS_CONSENT_TEXT[details.parentsConsent].toLowerCase()}. Asked for: ${ask}`
  );
}
