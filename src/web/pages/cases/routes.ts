// "My cases" and team lists: sorted, filtered and paged on the server, so they work without
// JavaScript. Each row shows the child, latest incident, allocated worker and status. The route
// reads the query, asks the services and renders; view-model.ts makes the page.
import type { FastifyInstance } from 'fastify';
import { CASE_SORTS, listCases } from '../../../services/child-service.ts';
import { myDrafts } from '../../../services/incident-service.ts';
import { worksWithCases } from '../../../domain/roles.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { londonToday } from '../../../domain/age.ts';
import { inactivityCutoff } from '../../../services/calendar-service.ts';
import { paths } from '../../paths.ts';
import { caseListModel, caseListRequest } from './view-model.ts';

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
      const asked = caseListRequest(request.query, CASE_SORTS);
      const { scope, search, status, sort, direction, page, pageSize } = asked;
      const result = await listCases(db, actor, { scope, search, status, sort, direction, page, pageSize });
      const facts = {
        result,
        drafts: await myDrafts(db, actor),
        cutoff: await inactivityCutoff(db, actor.user.authorityId),
        roles: actor.user.roles,
        teamCount: actor.user.teams.length,
        today: londonToday(),
      };
      return reply.page('pages/cases/view.njk', caseListModel(asked, CASE_SORTS, facts));
    },
  );
}
