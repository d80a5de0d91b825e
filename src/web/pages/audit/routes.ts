// The audit log, searchable by an auditor of the same authority (R-X-7), in words: who did what
// to which record and when; filtered by person, action, outcome, a child's name and dates. The
// search is read in schema.ts, the page's model built in view-model.ts.
import type { FastifyInstance } from 'fastify';
import { auditFilterOptions, searchAudit } from '../../../services/audit-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { auditQuery, readAuditSearch } from './schema.ts';
import { AUDIT_PAGE_SIZE, auditErrorModel, auditModel } from './view-model.ts';

export default function auditRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/audit', { config: { action: 'audit.search' } }, async (request, reply) => {
    const search = readAuditSearch(auditQuery.read(request.query));
    if (search.errors.length) {
      const options = await auditFilterOptions(db, actorOf(request));
      return reply.code(400).page('pages/audit/view.njk', auditErrorModel(search, options));
    }
    const result = await searchAudit(db, actorOf(request), {
      ...search.filter,
      page: search.page,
      pageSize: AUDIT_PAGE_SIZE,
    });
    return reply.page('pages/audit/view.njk', auditModel(search, result));
  });
}
