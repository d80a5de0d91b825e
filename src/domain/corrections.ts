// Corrections to submitted records (issue 15): a new version with a reason, never an edit in
// place. Pure: the reason's checks, shared by every record that is corrected.
import type { FormProblem } from './form-problem.ts';
import { TEXT_LIMITS, tooLong } from './text-limits.ts';

/** The reason for a correction: given, and not too long. */
export function correctionReasonProblems(reason: string): FormProblem[] {
  const text = reason.trim();
  if (!text) return [{ field: 'reason', message: 'Enter why you are correcting the record' }];
  if (text.length > TEXT_LIMITS.correctionReason)
    return [{ field: 'reason', message: tooLong('Why you are correcting the record', TEXT_LIMITS.correctionReason) }];
  return [];
}
