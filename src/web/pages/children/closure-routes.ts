// Closing and reopening a child's case (team managers): what is still open, the reasons, and the
// same page again with the errors next to the fields when something is missing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as closure from '../../../services/case-closure-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { closureForm } from './schema.ts';
import { closureModel } from './view-model.ts';

export default function closureRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function render(request: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown> = {}) {
    const view = await closure.closureView(db, actorOf(request), id);
    return reply.page('pages/children/closure.njk', { ...closureModel(id, view), ...extra });
  }

  app.get<{ Params: { id: string } }>('/children/:id/close', { config: { action: 'child.close' } }, (request, reply) =>
    render(request, reply, request.params.id),
  );
  app.get<{ Params: { id: string } }>(
    '/children/:id/reopen',
    { config: { action: 'child.reopen' } },
    (request, reply) => render(request, reply, request.params.id),
  );

  for (const [path, action, flash, id] of [
    ['/children/:id/close', closure.closeCase, 'Case closed', 'child.close'],
    ['/children/:id/reopen', closure.reopenCase, 'Case reopened', 'child.reopen'],
  ] as const) {
    app.post<{ Params: { id: string } }>(path, { config: { action: id } }, async (request, reply) => {
      const { id } = request.params;
      const { version, reason } = closureForm.read(request.body);
      return submitForm(request, reply, {
        act: () => action(db, actorOf(request), id, version, reason),
        flash,
        redirect: () => paths.children.show(id),
        again: (errorReply, errors) => render(request, errorReply, id, { values: { reason }, errors }),
      });
    });
  }
}
