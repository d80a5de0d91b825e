// "My cases" and team lists: sorted, filtered and paged on the server, so they work without
// JavaScript. Each row shows the child, latest incident, allocated worker and status.
import type { FastifyInstance } from 'fastify';
import { pageCount, parsePageRequest } from '../../../domain/paging.ts';
import { CASE_SORTS, listCases } from '../../../services/child-service.ts';
import { myDrafts } from '../../../services/incident-service.ts';
import { worksWithCases } from '../../../domain/roles.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { londonToday } from '../../../domain/age.ts';
import { inactivityCutoff } from '../../../services/calendar-service.ts';
import { paths, withQuery } from '../../paths.ts';

const SORT_LABELS: Record<(typeof CASE_SORTS)[number], string> = {
  name: 'Child',
  dob: 'Date of birth',
  latest: 'Latest incident',
  worker: 'Allocated worker',
  status: 'Status',
};

export default function casesRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/', { config: { action: 'home.view' } }, async (request, reply) => {
    const actor = actorOf(request);
    if (worksWithCases(actor.user.roles)) return reply.redirect(paths.homePage(), 303);
    if (actor.user.roles.includes('administrator')) return reply.redirect(paths.admin.users(), 303);
    return reply.redirect(paths.audit(), 303);
  });

  app.get<{ Querystring: Record<string, unknown> }>(
    '/cases',
    { config: { action: 'cases.view' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { query } = request;
      const scope = query['scope'] === 'team' ? 'team' : query['scope'] === 'all' ? 'visible' : 'mine';
      const scopeParam = scope === 'visible' ? 'all' : scope;
      const pr = parsePageRequest(query, CASE_SORTS, { sort: 'latest', direction: 'desc' });
      const search = typeof query['q'] === 'string' ? query['q'].slice(0, 100) : '';
      const status = query['status'] === 'open' || query['status'] === 'closed' ? query['status'] : '';
      const result = await listCases(db, actor, { scope, search, status, ...pr });
      const drafts = await myDrafts(db, actor);
      const pages = pageCount(result.total, pr.pageSize);
      const cutoff = await inactivityCutoff(db, actor.user.authorityId);
      const today = londonToday();
      const link = (over: Record<string, string | number | undefined>) =>
        withQuery(paths.cases(), {
          scope: scopeParam,
          q: search,
          status,
          sort: pr.sort,
          direction: pr.direction,
          page: pr.page,
          ...over,
        });
      const headers = CASE_SORTS.map((key) => {
        const active = pr.sort === key;
        const next = active && pr.direction === 'asc' ? 'desc' : 'asc';
        return {
          key,
          text: SORT_LABELS[key],
          href: link({ sort: key, direction: next, page: undefined }),
          ariaSort: active ? (pr.direction === 'asc' ? 'ascending' : 'descending') : 'none',
        };
      });
      return reply.page('pages/cases/view.njk', {
        pageTitle: scope === 'mine' ? 'My cases' : scope === 'team' ? 'My teams’ cases' : 'All children I can see',
        scope: scopeParam,
        tabs: [
          { text: 'My cases', href: withQuery(paths.cases(), { scope: 'mine' }), active: scope === 'mine' },
          { text: 'My teams’ cases', href: withQuery(paths.cases(), { scope: 'team' }), active: scope === 'team' },
          {
            text: 'All children I can see',
            href: withQuery(paths.cases(), { scope: 'all' }),
            active: scope === 'visible',
          },
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
        sort: pr.sort,
        direction: pr.direction,
        drafts,
        canAddChild: actor.user.teams.length > 0 && !actor.user.roles.every((role) => role === 'partner'),
        pagination: {
          previous: pr.page > 1 ? { href: link({ page: pr.page - 1 }) } : undefined,
          next: pr.page < pages ? { href: link({ page: pr.page + 1 }) } : undefined,
          items: Array.from({ length: pages }, (_, i) => i + 1)
            .filter((n) => n === 1 || n === pages || Math.abs(n - pr.page) <= 2)
            .reduce<({ number: number; href: string; current: boolean } | { ellipsis: true })[]>((acc, n, i, arr) => {
              if (i > 0 && n - (arr[i - 1] ?? n) > 1) acc.push({ ellipsis: true });
              acc.push({ number: n, href: link({ page: n }), current: n === pr.page });
              return acc;
            }, []),
        },
        page: pr.page,
        pages,
      });
    },
  );
}
