// The case lists' view model: what the query asks for, and the page from the service's answer,
// as pure functions (issue 12: a view model per page, unit-tested in test/unit/cases-view-model.test.ts).
import { londonToday } from '../../../domain/age.ts';
import { type PageRequest, pageCount, parsePageRequest } from '../../../domain/paging.ts';
import type { Role } from '../../../domain/roles.ts';
import type { CASE_SORTS, listCases } from '../../../services/child-service.ts';
import type { myDrafts } from '../../../services/incident-service.ts';
import { field, pageSchema } from '../../page-schema.ts';
import { paths, withQuery } from '../../paths.ts';

type CaseSort = (typeof CASE_SORTS)[number];

const SORT_LABELS: Record<CaseSort, string> = {
  name: 'Child',
  dob: 'Date of birth',
  latest: 'Latest incident',
  worker: 'Allocated worker',
  status: 'Status',
};

/** The case list's address: whose cases, what was searched for, open or closed, the sort and the page ('' when not given). */
export const caseListQuery = pageSchema({
  scope: field.choice(['team', 'all']),
  q: field.text(),
  status: field.choice(['open', 'closed']),
  sort: field.text(),
  direction: field.text(),
  page: field.text(),
});

export interface CaseListRequest extends PageRequest<CaseSort> {
  scope: 'mine' | 'team' | 'visible';
  /** What was searched for, at most 100 characters. */
  search: string;
  status: '' | 'open' | 'closed';
}

/** The list asked for by the query string: anything unknown or malformed is the default. */
export function caseListRequest(query: unknown, sorts: readonly CaseSort[]): CaseListRequest {
  const asked = caseListQuery.read(query);
  const scope = asked.scope === 'team' ? 'team' : asked.scope === 'all' ? 'visible' : 'mine';
  return {
    scope,
    search: asked.q.slice(0, 100),
    status: asked.status,
    ...parsePageRequest(asked, sorts, { sort: 'latest', direction: 'desc' }),
  };
}

export interface CaseListFacts {
  result: Awaited<ReturnType<typeof listCases>>;
  drafts: Awaited<ReturnType<typeof myDrafts>>;
  /** Open cases with no activity since this date are shown as inactive (R-THU-7). */
  cutoff: { since: string; days: number };
  roles: readonly Role[];
  teamCount: number;
  /** Today in London, YYYY-MM-DD. */
  today: string;
}

/** The case list page: its title, tabs, sortable headers, rows and pages. */
export function caseListModel(request: CaseListRequest, sorts: readonly CaseSort[], facts: CaseListFacts) {
  const { scope, search, status, sort, direction, page, pageSize } = request;
  const { result, cutoff, today } = facts;
  const scopeParam = scope === 'visible' ? 'all' : scope;
  const pages = pageCount(result.total, pageSize);
  const link = (over: Record<string, string | number | undefined>) =>
    withQuery(paths.cases(), { scope: scopeParam, q: search, status, sort, direction, page, ...over });
  const headers = sorts.map((key) => {
    const active = sort === key;
    const next = active && direction === 'asc' ? 'desc' : 'asc';
    return {
      key,
      text: SORT_LABELS[key],
      href: link({ sort: key, direction: next, page: undefined }),
      ariaSort: active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none',
    };
  });
  return {
    pageTitle: scope === 'mine' ? 'My cases' : scope === 'team' ? 'My teams’ cases' : 'All children I can see',
    scope: scopeParam,
    tabs: [
      { text: 'My cases', href: withQuery(paths.cases(), { scope: 'mine' }), active: scope === 'mine' },
      { text: 'My teams’ cases', href: withQuery(paths.cases(), { scope: 'team' }), active: scope === 'team' },
      { text: 'All children I can see', href: withQuery(paths.cases(), { scope: 'all' }), active: scope === 'visible' },
    ],
    // R-THU-7: open cases with no recorded activity for the set number of working days.
    rows: result.rows.map((row) => ({
      ...row,
      inactive: row.status === 'open' && londonToday(row.lastActivityAt) < cutoff.since,
      // The next task, overdue when its date is before today in London.
      nextOverdue: row.nextDue?.dueOn != null && row.nextDue.dueOn < today,
    })),
    inactivityDays: cutoff.days,
    total: result.total,
    headers,
    search,
    status,
    sort,
    direction,
    drafts: facts.drafts,
    canAddChild: facts.teamCount > 0 && !facts.roles.every((role) => role === 'partner'),
    pagination: {
      previous: page > 1 ? { href: link({ page: page - 1 }) } : undefined,
      next: page < pages ? { href: link({ page: page + 1 }) } : undefined,
      items: Array.from({ length: pages }, (_, i) => i + 1)
        .filter((pageNumber) => pageNumber === 1 || pageNumber === pages || Math.abs(pageNumber - page) <= 2)
        .reduce<({ number: number; href: string; current: boolean } | { ellipsis: true })[]>(
          (acc, pageNumber, i, arr) => {
            if (i > 0 && pageNumber - (arr[i - 1] ?? pageNumber) > 1) acc.push({ ellipsis: true });
            acc.push({ number: pageNumber, href: link({ page: pageNumber }), current: pageNumber === page });
            return acc;
          },
          [],
        ),
    },
    page,
    pages,
  };
}
