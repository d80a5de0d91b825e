// A pack clause as practitioners read it: "Kent procedure, section 8", linked to that section of
// the procedure page (R-X-10). Requirement IDs never reach the page.
import nunjucks from 'nunjucks';
import { citationText } from '../domain/citation.ts';
import { citeClause, citeText } from '../procedures/index.ts';

export { citeText };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The citation as HTML: a link to the section of the procedure page, then any national guidance. */
export function citeHtml(clause: string | null | undefined, options: { plain?: boolean } = {}): string {
  if (!clause) return '';
  const c = citeClause(clause);
  if (options.plain || !c.href) return escapeHtml(citationText(c));
  return [
    `<a class="govuk-link" href="${escapeHtml(c.href)}">${escapeHtml(c.text)}</a>`,
    ...c.also.map(escapeHtml),
  ].join('; ');
}

export function citeFilter(
  this: { ctx?: Record<string, unknown> },
  clause: string | null | undefined,
): nunjucks.runtime.SafeString {
  return new nunjucks.runtime.SafeString(citeHtml(clause, { plain: Boolean(this.ctx?.['documentForDownload']) }));
}
