// Dates typed in day, month and year boxes, checked with GOV.UK's messages.
import { parseIsoDate } from './age.ts';
import { formatDate } from './london-time.ts';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/**
 * Validates a date typed in day, month and year boxes, with GOV.UK's messages.
 * `label` starts the message, as in 'Date of birth must be a real date'.
 */
export function parseDateParts(
  parts: DateParts,
  label: string,
  missingMessage: string,
  opts: { past?: boolean; today?: string } = {},
): { iso: string } | { error: string } {
  const { day, month, year } = parts;
  if (!day && !month && !year) return { error: missingMessage };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[];
  if (missing.length === 1) return { error: `${label} must include a ${missing[0]}` };
  if (missing.length === 2) return { error: `${label} must include a ${missing[0]} and ${missing[1]}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { error: `${label} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!parseIsoDate(iso)) return { error: `${label} must be a real date` };
  if (Number(year) < 1900) return { error: `${label} must be a real date` };
  if (opts.past && opts.today && iso > opts.today) return { error: `${label} must be today or in the past` };
  return { iso };
}

/**
 * A date no earlier than the latest of some other dates, with GOV.UK's message naming that date in
 * words: 'The date the meeting was held must be on or after 1 December 2026, the date of the
 * incident'. `subject` starts the message; each bound says what its date is. Null when it is not earlier.
 */
export function notBefore(
  iso: string,
  subject: string,
  bounds: readonly { iso: string | null | undefined; what: string }[],
): string | null {
  let latest: { iso: string; what: string } | null = null;
  for (const bound of bounds)
    if (bound.iso && (!latest || bound.iso > latest.iso)) latest = { iso: bound.iso, what: bound.what };
  return latest && iso < latest.iso ? `${subject} must be on or after ${formatDate(latest.iso)}, ${latest.what}` : null;
}
