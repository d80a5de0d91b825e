// The auditor reads the audit log of their authority (R-X-7); reading it is itself audited.
// Each event comes back in words (domain/audit-words.ts): who, what, which record, when.
import { type AuditRefs, actionChoices, emptyRefs, eventInWords, referencesOf } from '../domain/audit-words.ts';
import { CASE_ROLES } from '../domain/roles.ts';
import {
  auditNames,
  childrenNamed,
  distinctAuditActions,
  searchAuditEvents,
  type AuditSearch,
} from '../repositories/audit.ts';
import { listUsers } from '../repositories/users.ts';
import { sightOf } from './access.ts';
import type { Actor, Db } from './actor.ts';
import { requireRole } from './context.ts';
import { auditView } from './audited-change.ts';

/** How many of the children a name finds are listed above the events. */
const NAMED_SHOWN = 20;

/** What the filter offers: the people of the authority and the actions its log holds, in words. */
export async function auditFilterOptions(db: Db, actor: Actor) {
  await requireRole(db, actor, ['auditor'], 'audit.search');
  const [actions, people] = await Promise.all([
    distinctAuditActions(db, actor.user.authorityId),
    listUsers(db, actor.user.authorityId),
  ]);
  return {
    actions: actionChoices(actions),
    people: people.map((person) => ({ id: person.id, name: person.displayName })),
  };
}

export async function searchAudit(db: Db, actor: Actor, search: Omit<AuditSearch, 'authorityId'>) {
  const options = await auditFilterOptions(db, actor);
  const authorityId = actor.user.authorityId;
  const [result, children] = await Promise.all([
    searchAuditEvents(db, { ...search, authorityId }),
    search.childName?.trim()
      ? childrenNamed(db, authorityId, search.childName, NAMED_SHOWN + 1)
      : Promise.resolve(null),
  ]);
  const refs: AuditRefs = referencesOf(result.rows, emptyRefs());
  const names = await auditNames(db, authorityId, refs);
  // A child's name links to their record only for someone who may open it (an auditor holds no case role).
  const linkable = new Set<string>();
  if (actor.user.roles.some((role) => CASE_ROLES.includes(role))) {
    const own = [...names.children].filter(([, child]) => child.ownAuthority).map(([id]) => id);
    for (const id of (await sightOf(db, actor, own)).visible) linkable.add(id);
  }
  await auditView(db, actor, {
    action: 'audit.search',
    entityType: 'audit',
    details: {
      userId: search.userId ?? null,
      action: search.action ?? null,
      entityId: search.entityId ?? null,
      childName: search.childName?.trim() || null,
      outcome: search.outcome ?? null,
      from: search.from ?? null,
      to: search.to ?? null,
      page: search.page,
    },
  });
  return {
    total: result.total,
    events: result.rows.map((row) => eventInWords(row, names, linkable)),
    // The children the name found, to say whose events these are (the search covers them all).
    children: children?.slice(0, NAMED_SHOWN) ?? null,
    moreChildren: (children?.length ?? 0) > NAMED_SHOWN,
    ...options,
  };
}
