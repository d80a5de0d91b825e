// Each procedure pack in plain English: levels, tools, routing and timescales, each with the
// section of the procedure it comes from (R-X-10), so a manager can check the software against the
// written procedure. The sections cited are listed with what each gives, and the requirement IDs
// engineers use are in a detail section; values the procedure does not give are local settings.
// The pages' models are built in view-model.ts.
import type { FastifyInstance } from 'fastify';
import { londonToday } from '../../../domain/age.ts';
import { allPacks, getPack } from '../../../procedures/index.ts';
import { NotFoundError } from '../../../services/context.ts';
import type { AppDeps } from '../../request-context.ts';
import { procedureListModel, procedureModel } from './view-model.ts';

export default function procedureRoutes(app: FastifyInstance, _deps: AppDeps): void {
  app.get('/procedures', { config: { action: 'procedures.view' } }, async (request, reply) =>
    reply.page(
      'pages/procedures/list.njk',
      procedureListModel(allPacks(), londonToday(), request.actor?.user.authorityId),
    ),
  );

  app.get<{ Params: { id: string } }>(
    '/procedures/:id',
    { config: { action: 'procedures.view' } },
    async (request, reply) => {
      const pack = getPack(request.params.id);
      if (!pack) throw new NotFoundError();
      const others = allPacks().filter((candidate) => candidate.id !== pack.id);
      return reply.page('pages/procedures/show.njk', procedureModel(pack, others, londonToday()));
    },
  );
}
