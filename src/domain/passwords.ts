// A person changing their own password: every problem with the form at once, in page order. Pure:
// the service says whether the current password typed is the account's.
import type { FormProblem } from './form-problem.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** The longest password the form takes (and the longest the service will try against the hash). */
export const MAX_PASSWORD_LENGTH = 1000;

/** `currentMatches`: the current password typed is the account's (never tried when too long). */
export function passwordChangeProblems(
  input: { current: string; next: string; confirm: string },
  facts: { currentMatches: boolean },
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!input.current) problems.push({ field: 'current', message: 'Enter your current password' });
  else if (input.current.length > MAX_PASSWORD_LENGTH || !facts.currentMatches)
    problems.push({ field: 'current', message: 'Your current password is not correct' });
  if (!input.next) problems.push({ field: 'next', message: 'Enter a new password' });
  else if (input.next.length < MIN_PASSWORD_LENGTH)
    problems.push({ field: 'next', message: `New password must be ${MIN_PASSWORD_LENGTH} characters or more` });
  else if (input.next.length > MAX_PASSWORD_LENGTH)
    problems.push({ field: 'next', message: `New password must be ${MAX_PASSWORD_LENGTH} characters or fewer` });
  else if (input.next === input.current)
    problems.push({ field: 'next', message: 'New password must be different from your current one' });
  if (input.next && input.confirm !== input.next)
    problems.push({ field: 'confirm', message: 'Enter the same new password in both boxes' });
  return problems;
}
