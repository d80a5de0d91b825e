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
