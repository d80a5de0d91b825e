// The home page of a person who works with cases (issue 11): their work due, the referrals
// waiting, meetings coming up, their unfinished recording forms and recent changes on their cases.
// "/" and signing in land here; administrators and auditors keep their own first pages.
import type { FastifyInstance } from 'fastify';
import * as homeService from '../../../services/home-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { homeView } from './view-model.ts';

export default function homeRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/home', { config: { action: 'home.work' } }, async (request, reply) => {
    const data = await homeService.myWork(db, actorOf(request));
    return reply.page('pages/home/view.njk', { pageTitle: 'Your work', ...homeView(data) });
  });
}
