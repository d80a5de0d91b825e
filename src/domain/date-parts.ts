// Dates typed in day, month and year boxes, checked with GOV.UK's messages.
import { parseIsoDate } from './age.ts';

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
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: `${label} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!parseIsoDate(iso)) return { error: `${label} must be a real date` };
  if (Number(year) < 1900) return { error: `${label} must be a real date` };
  if (opts.past && opts.today && iso > opts.today) return { error: `${label} must be today or in the past` };
  return { iso };
}
