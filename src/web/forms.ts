// Form helpers: GOV.UK error summaries from zod issues, dates typed in three boxes, and
// repeated fields (checkboxes) from url-encoded bodies.
import type { z } from 'zod';
import { parseIsoDate } from '../domain/age.ts';

export interface FormError {
  field: string;
  message: string;
  /** Where the error summary links to, when not the field's own id (the day box of a date). */
  href?: string;
}

export interface ErrorView {
  summary: { text: string; href: string }[];
  byField: Record<string, { text: string }>;
}

export function errorView(errors: readonly FormError[]): ErrorView {
  const byField: Record<string, { text: string }> = {};
  const summary: { text: string; href: string }[] = [];
  for (const e of errors) {
    if (byField[e.field]) continue;
    byField[e.field] = { text: e.message };
    summary.push({ text: e.message, href: e.href ?? `#${e.field}` });
  }
  return { summary, byField };
}

export function zodErrors(error: z.ZodError): FormError[] {
  return error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message }));
}

export type Body = Record<string, unknown>;

export function str(body: Body, key: string): string {
  const v = body[key];
  if (Array.isArray(v)) return String(v[v.length - 1] ?? '');
  return typeof v === 'string' ? v : '';
}

export function list(body: Body, key: string): string[] {
  const v = body[key];
  if (Array.isArray(v)) return v.map(String).filter((x) => x !== '');
  if (typeof v === 'string' && v !== '') return [v];
  return [];
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function dateParts(body: Body, name: string): DateParts {
  return { day: str(body, `${name}-day`).trim(), month: str(body, `${name}-month`).trim(), year: str(body, `${name}-year`).trim() };
}

export function partsFromIso(iso: string | null | undefined): DateParts {
  const p = iso ? parseIsoDate(iso.slice(0, 10)) : null;
  return p ? { day: String(p.day), month: String(p.month), year: String(p.year) } : { day: '', month: '', year: '' };
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
