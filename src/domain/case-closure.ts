// What closing or reopening a child's case needs (R-X-3, R-X-9): nothing left to do before it
// closes (no open task, no meeting still arranged), and the reasons either way. Pure: the case
// closure service gathers what is still open, checks these and writes.
import { tooLong } from './text-limits.ts';

export interface FormProblem {
  field: string;
  message: string;
}

/** The longest reasons the form takes (its character count shows the same). */
export const MAX_REASON = 2000;

function reasonProblems(reasonInput: string, missing: string): FormProblem[] {
  const reason = reasonInput.trim();
  if (!reason) return [{ field: 'reason', message: missing }];
  if (reason.length > MAX_REASON) return [{ field: 'reason', message: tooLong('Reasons', MAX_REASON) }];
  return [];
}

/**
 * Closing: while a task is open or a meeting still arranged the page lists them instead of asking
 * for reasons, so that is the one problem; otherwise the reasons are needed.
 */
export function closeCaseProblems(reason: string, facts: { blocked: boolean }): FormProblem[] {
  if (facts.blocked)
    return [
      { field: 'blockers', message: 'Finish the open tasks and close the meetings listed before closing the case' },
    ];
  return reasonProblems(reason, 'Enter why the case is being closed');
}

/** Reopening needs the reasons. */
export function reopenCaseProblems(reason: string): FormProblem[] {
  return reasonProblems(reason, 'Enter why the case is being reopened');
}
