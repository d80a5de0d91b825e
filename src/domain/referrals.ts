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

/** The referral form as typed: who refers and how to reach them, the parents, the safety steps and the ask. */
export interface ReferralDetailsInput {
  referrerName: string;
  referrerRole: string;
  referrerPhone: string;
  referrerEmail: string;
  parentsTold: string;
  parentsNotToldReason: string;
  parentsConsent: string;
  consentReason: string;
  safetySteps: string;
  request: string;
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

/**
 * Every problem with the referral form at once (ADR 0012): the referrer's name, role and a way to
 * reach them; whether the parents or carers were told, and why not (R-NYO-16); whether they
 * consent, and why not or why they were not asked (R-X-6, R-NYO-16: consent is not sought where
 * seeking it would put a child at risk); the immediate safety steps (R-NYO-2); and what is asked.
 * With no problem, the details as stored.
 */
export function readReferralDetails(
  input: ReferralDetailsInput,
): { problems: FormProblem[]; details: null } | { problems: []; details: ReferralDetails } {
  const problems: FormProblem[] = [];
  const words = (field: keyof ReferralDetailsInput, name: string, max: number, missing: string | null) => {
    const value = input[field].trim();
    if (!value) {
      if (missing) problems.push({ field, message: missing });
    } else if (value.length > max) problems.push({ field, message: tooLong(name, max) });
    return value;
  };
  const limits = REFERRAL_DETAIL_LIMITS;
  const referrerName = words('referrerName', 'Your name', limits.referrerName, 'Enter your name');
  const referrerRole = words(
    'referrerRole',
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
  const told = input.parentsTold;
  if (told !== 'yes' && told !== 'no')
    problems.push({
      field: 'parentsTold',
      message: 'Select yes if the parents or carers were told about the referral',
    });
  const notToldReason = words(
    'parentsNotToldReason',
    'Why the parents or carers were not told',
    limits.reason,
    told === 'no' ? 'Enter why the parents or carers were not told' : null,
  );
  const consent = (PARENTS_CONSENT as readonly string[]).includes(input.parentsConsent)
    ? (input.parentsConsent as ParentsConsent)
    : null;
  if (!consent)
    problems.push({
      field: 'parentsConsent',
      message: 'Select whether the parents or carers consent to the referral',
    });
  const consentReason = words(
    'consentReason',
    'Why there is no consent',
    limits.reason,
    consent === 'no'
      ? 'Enter why the parents or carers do not consent, and why you are referring without it'
      : consent === 'not_asked'
        ? 'Enter why the parents or carers were not asked for consent'
        : null,
  );
  const safetySteps = words(
    'safetySteps',
    'The immediate safety steps',
    limits.details,
    'Enter the immediate steps taken to keep the children safe',
  );
  const request = words(
    'request',
    'What you are asking for',
    limits.details,
    'Enter what you are asking the receiving team to do',
  );
  if (problems.length || !consent) return { problems, details: null };
  return {
    problems: [],
    details: {
      referrerName,
      referrerRole,
      referrerPhone: referrerPhone || null,
      referrerEmail: referrerEmail || null,
      parentsTold: told === 'yes',
      parentsNotToldReason: told === 'no' ? notToldReason : null,
      parentsConsent: consent,
      consentReason: consent === 'yes' ? null : consentReason,
      safetySteps,
      request,
    },
  };
}

export const PARENTS_CONSENT_TEXT: Record<ParentsConsent, string> = {
  yes: 'Yes, they consent',
  no: 'No, they do not consent',
  not_asked: 'They were not asked',
};

/** The referral's line in the child's chronology: the answers, never the referrer's phone or email. */
export function referralDetailsSummary(details: ReferralDetails): string {
  const ask = details.request.length > 160 ? `${details.request.slice(0, 159).trimEnd()}…` : details.request;
  return (
    `Referred by ${details.referrerName}, ${details.referrerRole}. ` +
    `Parents or carers told: ${details.parentsTold ? 'yes' : 'no'}. ` +
    `Consent: ${PARENTS_CONSENT_TEXT[details.parentsConsent].toLowerCase()}. Asked for: ${ask}`
  );
}
