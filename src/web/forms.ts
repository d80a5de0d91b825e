// Form helpers: GOV.UK error summaries from zod issues, dates typed in three boxes, and
// repeated fields (checkboxes) from url-encoded bodies.
import type { z } from 'zod';
import { parseIsoDate } from '../domain/age.ts';
import type { DateParts } from '../domain/date-parts.ts';

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

export function str(body: Body | undefined, key: string): string {
  const v = body?.[key];
  if (Array.isArray(v)) return String(v[v.length - 1] ?? '');
  return typeof v === 'string' ? v : '';
}

/** A repeated field (checkboxes): each value once, in the order sent. */
export function list(body: Body | undefined, key: string): string[] {
  const v = body?.[key];
  if (Array.isArray(v)) return [...new Set(v.map(String).filter((x) => x !== ''))];
  if (typeof v === 'string' && v !== '') return [v];
  return [];
}

/** A query string as single values: a repeated key counts once (its last value), anything not text is absent. */
export function queryOf(query: unknown): Record<string, string | undefined> {
  if (!query || typeof query !== 'object') return {};
  return Object.fromEntries(Object.entries(query as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? (typeof v.at(-1) === 'string' ? (v.at(-1) as string) : undefined) : typeof v === 'string' ? v : undefined]));
}

export function dateParts(body: Body, name: string): DateParts {
  return { day: str(body, `${name}-day`).trim(), month: str(body, `${name}-month`).trim(), year: str(body, `${name}-year`).trim() };
}

export function partsFromIso(iso: string | null | undefined): DateParts {
  const p = iso ? parseIsoDate(iso.slice(0, 10)) : null;
  return p ? { day: String(p.day), month: String(p.month), year: String(p.year) } : { day: '', month: '', year: '' };
}

export { type DateParts, parseDateParts } from '../domain/date-parts.ts';
