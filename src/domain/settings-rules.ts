// An administrator's settings: a one-off bank holiday (R-X-3), the inactivity threshold (R-THU-7)
// and an API token. Every problem with the form at once, in page order. Pure: the service looks up
// what the authority's calendar already calls the date.
import { parseIsoDate } from './age.ts';
import type { FormProblem } from './form-problem.ts';
import { isWeekend } from './working-days.ts';

/** The longest name a holiday or a token takes. */
export const SETTING_NAME_MAX = 100;

/** A whole number from `min` to `max`, as typed (spaces around it allowed). */
function wholeNumberFrom(value: string, min: number, max: number): boolean {
  return /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;
}

/**
 * A one-off bank holiday (R-X-3): a name, and a weekday the calendar does not already keep.
 * `bankHoliday` is the calendar's name for the date, if it has one (looked up for a real date only).
 */
export function holidayProblems(
  holiday: { date: string; name: string },
  facts: { bankHoliday: string | null },
): FormProblem[] {
  const problems: FormProblem[] = [];
  const name = holiday.name.trim();
  if (!name) problems.push({ field: 'name', message: 'Enter the name of the holiday' });
  else if (name.length > SETTING_NAME_MAX)
    problems.push({ field: 'name', message: `Name must be ${SETTING_NAME_MAX} characters or fewer` });
  if (parseIsoDate(holiday.date)) {
    if (isWeekend(holiday.date)) problems.push({ field: 'date', message: 'Date of the holiday must be a weekday' });
    else if (facts.bankHoliday)
      problems.push({
        field: 'date',
        message: `Date of the holiday is already a bank holiday (${facts.bankHoliday})`,
      });
  }
  return problems;
}

/** The inactivity threshold (R-THU-7): empty (the pack's default), or 1 to 60 working days. */
export function inactivityProblems(value: string): FormProblem[] {
  if (!value.trim() || wholeNumberFrom(value, 1, 60)) return [];
  return [{ field: 'inactivityDays', message: 'Working days must be a whole number between 1 and 60' }];
}

/** An API token: what it is for, and 1 to 365 days. */
export function tokenProblems(input: { name: string; days: string }): FormProblem[] {
  const problems: FormProblem[] = [];
  const name = input.name.trim();
  if (!name) problems.push({ field: 'name', message: 'Enter what the token is for' });
  else if (name.length > SETTING_NAME_MAX)
    problems.push({ field: 'name', message: `What the token is for must be ${SETTING_NAME_MAX} characters or fewer` });
  if (!wholeNumberFrom(input.days, 1, 365))
    problems.push({ field: 'days', message: 'Days the token lasts must be a whole number between 1 and 365' });
  return problems;
}
