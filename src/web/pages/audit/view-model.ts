// How the audit log reads: the search as typed, any errors with no events, or the events found
// with how many there are, whose they are when a child's name was searched (born on a date in
// words), and links to the pages before and after that keep the search. Pure: the service has
// already checked the viewer is an auditor and put each event in words.
import { formatDate } from '../../../domain/london-time.ts';
import { pageCount } from '../../../domain/paging.ts';
import type { auditFilterOptions, searchAudit } from '../../../services/audit-service.ts';
import { errorView } from '../../forms.ts';
import { paths, withQuery } from '../../paths.ts';
import type { AuditSearch } from './schema.ts';

/** The people and actions the filter offers. */
export type AuditOptions = Awaited<ReturnType<typeof auditFilterOptions>>;
/** The events found, in words, with the children a name found and the filter's options. */
export type AuditResult = Awaited<ReturnType<typeof searchAudit>>;

/** How many events a page shows. */
export const AUDIT_PAGE_SIZE = 50;

const base = (search: AuditSearch) => ({ pageTitle: 'Audit log', filter: search.filter, values: search.values });

/** The search could not be run: the filter as typed with its errors, and no events. */
export function auditErrorModel(search: AuditSearch, options: AuditOptions) {
  return {
    ...base(search),
    ...options,
    errors: errorView(search.errors),
    events: [],
    total: 0,
    invalid: true,
    page: 1,
    pages: 1,
  };
}

/** Whose events these are, when a child's name was searched: each child with their date of birth in words. */
function namedText(result: AuditResult, childName: string | undefined): string | null {
  if (!result.children) return null;
  if (!result.children.length) return `No child in your authority is called “${childName ?? ''}”.`;
  const named = result.children
    .map((child) => `${child.firstName} ${child.lastName} (born ${formatDate(child.dateOfBirth)})`)
    .join(', ');
  return `Events about ${named}${result.moreChildren ? ' and other children with this name' : ''}.`;
}

/** The events found on one page of the search, with links to the pages before and after. */
export function auditModel(search: AuditSearch, result: AuditResult) {
  const { filter, values, page } = search;
  const pages = pageCount(result.total, AUDIT_PAGE_SIZE);
  const link = (pageNumber: number) =>
    withQuery(paths.audit(), {
      userId: filter.userId,
      action: filter.action,
      entityId: filter.entityId,
      child: filter.childName,
      outcome: filter.outcome,
      'from-day': filter.from ? values.from.day : undefined,
      'from-month': filter.from ? values.from.month : undefined,
      'from-year': filter.from ? values.from.year : undefined,
      'to-day': filter.to ? values.to.day : undefined,
      'to-month': filter.to ? values.to.month : undefined,
      'to-year': filter.to ? values.to.year : undefined,
      page: pageNumber,
    });
  return {
    ...base(search),
    ...result,
    // Each record and child named links to the child's record where the viewer may open it.
    events: result.events.map((event) => ({
      ...event,
      recordHref: event.record?.childId ? paths.children.show(event.record.childId) : null,
      about: event.about.map((child) => ({
        ...child,
        href: child.childId ? paths.children.show(child.childId) : null,
      })),
    })),
    namedText: namedText(result, filter.childName),
    countText: `${result.total} ${result.total === 1 ? 'event' : 'events'}${pages > 1 ? `, page ${page} of ${pages}` : ''}`,
    page,
    pages,
    pagination: {
      previous: page > 1 ? { href: link(page - 1) } : undefined,
      next: page < pages ? { href: link(page + 1) } : undefined,
    },
  };
}
