// What the audit log's search reads from its address: a child's name, who, what, the outcome and
// From and To dates typed in day, month and year boxes (or an older link's 'YYYY-MM-DD'), checked,
// with every error at once in the order the fields come on the page. Pure.
import { type DateParts, parseDateParts } from '../../../domain/date-parts.ts';
import { isUuid } from '../../../services/context.ts';
import { type FormError, partsFromIso } from '../../forms.ts';
import { field, pageSchema } from '../../page-schema.ts';

/** The longest child's name the search takes. */
export const MAX_NAME = 100;
/** The furthest page the search goes to. */
const MAX_PAGE = 100_000;

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

/** The search as read from the query: the filter the service takes, what was typed, any errors and the page. */
export function readAuditSearch(query: Record<string, string | undefined>) {
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
  return {
    filter,
    values: { child: childName, from: from.parts, to: to.parts },
    errors,
    page: Math.max(1, Math.min(MAX_PAGE, Number(query.page) || 1)),
  };
}

/** The search read from the query. */
export type AuditSearch = ReturnType<typeof readAuditSearch>;

/** The audit log's address: each field the search reads, as text ('' when not given). */
export const auditQuery = pageSchema(
  Object.fromEntries(
    [
      'child',
      'from',
      'from-day',
      'from-month',
      'from-year',
      'to',
      'to-day',
      'to-month',
      'to-year',
      'userId',
      'action',
      'entityId',
      'outcome',
      'page',
    ].map((name) => [name, field.text()]),
  ),
);
