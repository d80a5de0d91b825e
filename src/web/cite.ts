// A pack clause as practitioners read it: "Kent procedure, section 8", linked to that section of
// the procedure page (R-X-10). Requirement IDs never reach the page.
import nunjucks from 'nunjucks';
import { citationText } from '../domain/citation.ts';
import { citeClause, citeText } from '../procedures/index.ts';

export { citeText };

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

/** The citation as HTML: a link to the section of the procedure page, then any national guidance. */
export function citeHtml(clause: string | null | undefined, options: { plain?: boolean } = {}): string {
  if (!clause) return '';
  const citation = citeClause(clause);
  if (options.plain || !citation.href) return escapeHtml(citationText(citation));
  return [
    `<a class="govuk-link" href="${escapeHtml(citation.href)}">${escapeHtml(citation.text)}</a>`,
    ...citation.also.map(escapeHtml),
  ].join('; ');
}

export function citeFilter(
  this: { ctx?: Record<string, unknown> },
  clause: string | null | undefined,
): nunjucks.runtime.SafeString {
  return new nunjucks.runtime.SafeString(citeHtml(clause, { plain: Boolean(this.ctx?.['documentForDownload']) }));
}
