// The audit log, searchable by an auditor of the same authority (R-X-7).
import type { FastifyInstance } from 'fastify';
import { pageCount } from '../../../domain/paging.ts';
import { searchAudit } from '../../../services/audit-service.ts';
import { isUuid } from '../../../services/context.ts';
import { type AppDeps, actorOf } from '../../app.ts';
import { queryOf } from '../../forms.ts';
import { paths, withQuery } from '../../paths.ts';

export default async function auditRoutes(app: FastifyInstance, { db }: AppDeps) {
  app.get('/audit', { config: { action: 'audit.search' } }, async (request, reply) => {
    const q = queryOf(request.query);
    const date = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
    const filter = {
      userId: q.userId && isUuid(q.userId) ? q.userId : undefined,
      action: q.action?.slice(0, 100) || undefined,
      entityId: q.entityId?.trim().slice(0, 100) || undefined,
      outcome: q.outcome === 'ok' || q.outcome === 'refused' || q.outcome === 'failed' ? q.outcome : undefined,
      from: date(q.from),
      to: date(q.to),
    };
    const page = Math.max(1, Math.min(100_000, Number(q.page) || 1));
    const pageSize = 50;
    const result = await searchAudit(db, actorOf(request), { ...filter, page, pageSize });
    const pages = pageCount(result.total, pageSize);
    const link = (p: number) => withQuery(paths.audit(), { ...filter, page: p });
    return reply.page('pages/audit/view.njk', {
      pageTitle: 'Audit log',
      filter,
      rows: result.rows.map((r) => ({ ...r, detailsText: JSON.stringify(r.details) })),
      total: result.total,
      actions: result.actions,
      people: result.people,
      page,
      pages,
      pagination: {
        previous: page > 1 ? { href: link(page - 1) } : undefined,
        next: page < pages ? { href: link(page + 1) } : undefined,
      },
    });
  });
}
