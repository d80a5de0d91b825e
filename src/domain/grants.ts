// A manager's time-limited read grant to one child's record (R-X-7): a named, active colleague of
// the same authority, a reason, and 1 to 90 days. Every problem at once, in page order. Pure: the
// service finds the colleague.
import type { FormProblem } from './form-problem.ts';
import { TEXT_LIMITS, tooLong } from './text-limits.ts';

/** The longest a grant lasts. */
export const GRANT_MAX_DAYS = 90;

/** `grantee`: the account chosen, if there is one; `authorityId`: the manager's authority. */
export function grantProblems(
  grant: { reason: string; days: number },
  facts: { grantee: { authorityId: string; active: boolean } | undefined; authorityId: string },
): FormProblem[] {
  const problems: FormProblem[] = [];
  const { grantee } = facts;
  if (!grantee || grantee.authorityId !== facts.authorityId || !grantee.active)
    problems.push({ field: 'userId', message: 'Select who should have access' });
  const reason = grant.reason.trim();
  if (!reason) problems.push({ field: 'reason', message: 'Enter why they need access' });
  else if (reason.length > TEXT_LIMITS.grantReason)
    problems.push({ field: 'reason', message: tooLong('Why they need access', TEXT_LIMITS.grantReason) });
  if (!Number.isInteger(grant.days) || grant.days < 1 || grant.days > GRANT_MAX_DAYS)
    problems.push({ field: 'days', message: `Number of days must be between 1 and ${GRANT_MAX_DAYS}` });
  return problems;
}
