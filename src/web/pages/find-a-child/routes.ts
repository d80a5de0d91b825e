// "Find a child" (issue 15): a search of the authority's children by name, date of birth, school
// or identifier, from the main menu. A GET form, so it works without JavaScript and a search can be
// bookmarked; the address is read in schema.ts, the page made in view-model.ts.
import type { FastifyInstance } from 'fastify';
import { authorizeFindChildren, findChildren } from '../../../services/child-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { readFindRequest } from './schema.ts';
import { findModel } from './view-model.ts';

export default function findChildRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/find-a-child', { config: { action: 'child.find' } }, async (request, reply) => {
    await authorizeFindChildren(db, actorOf(request));
    const asked = readFindRequest(request.query);
    if (asked.kind === 'invalid') return reply.code(400).page('pages/find-a-child/view.njk', findModel(asked));
    if (asked.kind === 'blank') return reply.page('pages/find-a-child/view.njk', findModel(asked));
    const found = await findChildren(db, actorOf(request), asked.search);
    return reply.page('pages/find-a-child/view.njk', findModel(asked, found));
  });
}
