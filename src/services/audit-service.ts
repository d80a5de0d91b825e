// The auditor reads the audit log of their authority (R-X-7); reading it is itself audited.
import { appendAuditEvent, distinctAuditActions, searchAuditEvents, type AuditSearch } from '../repositories/audit.ts';
import { listUsers } from '../repositories/users.ts';
import { type Actor, type Db, auditFor, requireRole, transaction } from './context.ts';

export async function searchAudit(db: Db, actor: Actor, s: Omit<AuditSearch, 'authorityId'>) {
  await requireRole(db, actor, ['auditor'], 'audit.search');
  const [result, actions, people] = await Promise.all([
    searchAuditEvents(db, { ...s, authorityId: actor.user.authorityId }),
    distinctAuditActions(db, actor.user.authorityId),
    listUsers(db, actor.user.authorityId),
  ]);
  await transaction(db, (trx) =>
    appendAuditEvent(
      trx,
      auditFor(actor, {
        action: 'audit.search',
        entityType: 'audit',
        outcome: 'ok',
        details: { userId: s.userId ?? null, action: s.action ?? null, entityId: s.entityId ?? null, page: s.page },
      }),
    ),
  );
  return { ...result, actions, people: people.map((p) => ({ id: p.id, name: p.displayName })) };
}
