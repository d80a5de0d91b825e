// Closing and reopening a child's case (team managers): what is still open, the reasons, and the
// same page again with the errors next to the fields when something is missing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as closure from '../../../services/case-closure-service.ts';

import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, str } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';

export default function closureRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function render(request: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown> = {}) {
    const { child, blockers } = await closure.closureView(db, actorOf(request), id);
    const name = `${child.firstName} ${child.lastName}`;
    return reply.page('pages/children/closure.njk', {
      pageTitle: child.status === 'open' ? `Close ${name}’s case` : `Reopen ${name}’s case`,
      child,
      name,
      blockers,
      values: { reason: '' },
      maxReason: closure.MAX_REASON,
      backLink: paths.children.show(id),
      ...extra,
    });
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
      const body = request.body as Body;
      const reason = str(body, 'reason');
      return submitForm(request, reply, {
        act: () => action(db, actorOf(request), id, Number(str(body, 'version')), reason),
        flash,
        redirect: () => paths.children.show(id),
        again: (errorReply, errors) => render(request, errorReply, id, { values: { reason }, errors }),
      });
    });
  }
}
