// Form helpers: GOV.UK error summaries (in the order of the page) and a saved date in three boxes.
// What a form or an address sends is read by the page's schema (page-schema.ts).
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
  for (const error of errors) {
    if (byField[error.field]) continue;
    byField[error.field] = { text: error.message };
    summary.push({ text: error.message, href: error.href ?? `#${error.field}` });
  }
  return { summary, byField };
}

function idOnPage(html: string, href: string): number {
  if (!href.startsWith('#') || href.length < 2) return -1;
  const id = href.slice(1).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return html.indexOf(` id="${id}"`);
}

/**
 * The error summary in the order its fields come on the rendered page (GOV.UK: the summary lists
 * errors in page order), whatever order the checks ran in; `lost` are those linking to nothing on
 * the page (a mistake: each error must link to the field it is about).
 */
export function summaryInPageOrder<S extends { href: string }>(
  html: string,
  summary: readonly S[],
): { ordered: S[]; lost: S[] } {
  const placed = summary.map((entry, i) => ({ entry, i, pos: idOnPage(html, entry.href) }));
  const lost = placed.filter((one) => one.pos < 0).map((one) => one.entry);
  const where = (one: { pos: number }) => (one.pos < 0 ? Infinity : one.pos);
  const ordered = [...placed]
    .sort((first, second) => where(first) - where(second) || first.i - second.i)
    .map((one) => one.entry);
  return { ordered, lost };
}

export function partsFromIso(iso: string | null | undefined): DateParts {
  const date = iso ? parseIsoDate(iso.slice(0, 10)) : null;
  return date
    ? { day: String(date.day), month: String(date.month), year: String(date.year) }
    : { day: '', month: '', year: '' };
}

export { type DateParts, parseDateParts } from '../domain/date-parts.ts';
