// The audit log, searchable by an auditor of the same authority (R-X-7), in words: who did what
// to which record and when; filtered by person, action, outcome, a child's name and dates.
import type { FastifyInstance } from 'fastify';
import { type DateParts, parseDateParts } from '../../../domain/date-parts.ts';
import { pageCount } from '../../../domain/paging.ts';
import { auditFilterOptions, searchAudit } from '../../../services/audit-service.ts';
import { isUuid } from '../../../services/context.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type FormError, errorView, partsFromIso, queryOf } from '../../forms.ts';
import { paths, withQuery } from '../../paths.ts';

const MAX_NAME = 100;

/** A From or To date typed in day, month and year boxes (or an older link's 'YYYY-MM-DD'), checked. */
function dateFilter(
  query: Record<string, string | undefined>,
  name: 'from' | 'to',
  label: 'From' | 'To',
): { parts: DateParts; iso?: string; error?: string } {
  const typed = {
    day: (query[`${name}-day`] ?? '').trim().slice(0, 10),
    month: (query[`${name}-month`] ?? '').trim().slice(0, 10),
    year: (query[`${name}-year`] ?? '').trim().slice(0, 10),
  };
  const legacy = query[name];
  const parts =
    !typed.day && !typed.month && !typed.year && legacy && /^\d{4}-\d{2}-\d{2}$/.test(legacy)
      ? partsFromIso(legacy)
      : typed;
  if (!parts.day && !parts.month && !parts.year) {
    return legacy ? { parts: { day: '', month: '', year: '' }, error: `Enter a real ${label} date` } : { parts };
  }
  const parsed = parseDateParts(parts, `The ${label} date`, `Enter the ${label} date`);
  if ('iso' in parsed) return { parts, iso: parsed.iso };
  return { parts, error: parsed.error.endsWith('must be a real date') ? `Enter a real ${label} date` : parsed.error };
}

export default function auditRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/audit', { config: { action: 'audit.search' } }, async (request, reply) => {
    const query = queryOf(request.query);
    const childName = (query.child ?? '')
      // eslint-disable-next-line no-control-regex -- the control characters are what this replaces
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const from = dateFilter(query, 'from', 'From');
    const to = dateFilter(query, 'to', 'To');
    // In the order the fields come on the page.
    const errors: FormError[] = [];
    if (childName.length > MAX_NAME)
      errors.push({ field: 'child', message: `The child’s name must be ${MAX_NAME} characters or fewer` });
    if (from.error) errors.push({ field: 'from', message: from.error, href: '#from-day' });
    else if (from.iso && to.iso && from.iso > to.iso)
      errors.push({
        field: 'from',
        message: 'The From date must be the same as or before the To date',
        href: '#from-day',
      });
    if (to.error) errors.push({ field: 'to', message: to.error, href: '#to-day' });
    const filter = {
      userId: query.userId && isUuid(query.userId) ? query.userId : undefined,
      action: query.action?.slice(0, 100) || undefined,
      entityId: query.entityId?.trim().slice(0, 100) || undefined,
      childName: childName.slice(0, MAX_NAME) || undefined,
      outcome:
        query.outcome === 'ok' || query.outcome === 'refused' || query.outcome === 'failed' ? query.outcome : undefined,
      from: from.iso,
      to: to.iso,
    };
    const values = { child: childName, from: from.parts, to: to.parts };
    const model = { pageTitle: 'Audit log', filter, values };
    if (errors.length) {
      const options = await auditFilterOptions(db, actorOf(request));
      return reply.code(400).page('pages/audit/view.njk', {
        ...model,
        ...options,
        errors: errorView(errors),
        events: [],
        total: 0,
        invalid: true,
        page: 1,
        pages: 1,
      });
    }
    const page = Math.max(1, Math.min(100_000, Number(query.page) || 1));
    const pageSize = 50;
    const result = await searchAudit(db, actorOf(request), { ...filter, page, pageSize });
    const pages = pageCount(result.total, pageSize);
    const link = (pageNumber: number) =>
      withQuery(paths.audit(), {
        userId: filter.userId,
        action: filter.action,
        entityId: filter.entityId,
        child: filter.childName,
        outcome: filter.outcome,
        'from-day': from.iso ? values.from.day : undefined,
        'from-month': from.iso ? values.from.month : undefined,
        'from-year': from.iso ? values.from.year : undefined,
        'to-day': to.iso ? values.to.day : undefined,
        'to-month': to.iso ? values.to.month : undefined,
        'to-year': to.iso ? values.to.year : undefined,
        page: pageNumber,
      });
    return reply.page('pages/audit/view.njk', {
      ...model,
      ...result,
      page,
      pages,
      pagination: {
        previous: page > 1 ? { href: link(page - 1) } : undefined,
        next: page < pages ? { href: link(page + 1) } : undefined,
      },
    });
  });
}
