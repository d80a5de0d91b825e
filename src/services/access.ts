// The one place services ask who may see and do what (R-X-7). The repository gathers the facts of
// access to children's records, the domain decides the bases (domain/access.ts) and the action
// (domain/actions.ts); a refusal is audited in its own transaction and answers 404 when the person
// may not see the record at all, 403 when they may see it but not do this to it.
import { type AccessBasis, type ChildAccessFacts, childAccessBases, decideChildAccess } from '../domain/access.ts';
import { type ActionId, type Relation, type Subject, may, maySee } from '../domain/actions.ts';
import type { Role } from '../domain/roles.ts';
import * as access from '../repositories/access.ts';
import type { Actor, Db } from './actor.ts';
import { auditRefusal } from './audited-change.ts';
import { isUuid } from './context.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';

export function subjectOf(actor: Actor, bases: readonly AccessBasis[], relations: readonly Relation[] = []): Subject {
  return { roles: actor.user.roles, bases, relations: ['signed_in', ...relations] };
}

/** The actor's bases of access to each of these children, in one query. Unknown children get none. */
export async function basesFor(db: Db, actor: Actor, childIds: readonly string[]): Promise<Map<string, AccessBasis[]>> {
  const ids = [...new Set(childIds.filter(isUuid))];
  const facts =
    (await access.accessFacts(db, [actor.user.id], ids)).get(actor.user.id) ?? new Map<string, ChildAccessFacts>();
  return new Map(childIds.map((id) => [id, facts.has(id) ? childAccessBases(actor.user, facts.get(id)!) : []]));
}

/** What the actor may see of these children, from one query: their bases on each, and those whose record they may open. */
export interface Sight {
  bases: Map<string, AccessBasis[]>;
  /** The children the actor may see (child.view): named, linked, counted in (R-X-1). */
  visible: Set<string>;
}

/** Which of these children the actor may see, and on what bases, in one query (R-X-1, R-X-7). */
export async function sightOf(db: Db, actor: Actor, childIds: readonly string[]): Promise<Sight> {
  return sightFrom(actor, await basesFor(db, actor, childIds));
}

/** What the actor may see of these children, from bases already decided in this request. */
export function sightFrom(actor: Actor, bases: Map<string, AccessBasis[]>): Sight {
  const visible = new Set(
    [...bases].filter(([, held]) => may('child.view', subjectOf(actor, held)).allowed).map(([id]) => id),
  );
  return { bases, visible };
}

export interface Target {
  entityType: string;
  entityId: string;
  /** The audit event's action, when it names the page rather than the action (chronology.view). */
  auditAs?: string;
}

/**
 * The actor may do `action` to this record, or the request ends: "not found" (404) when they may
 * not see the record at all, "forbidden" (403) when they may see it but not do this. Both audited.
 */
export async function requireAction(
  db: Db,
  actor: Actor,
  action: ActionId,
  subject: Subject,
  target: Target,
  refusal?: string,
  seeing: Subject = subject,
): Promise<void> {
  const decision = may(action, subject);
  if (decision.allowed) return;
  const audited = target.auditAs ?? action;
  if (!maySee(action, seeing)) {
    await auditRefusal(db, actor, audited, target.entityType, target.entityId.slice(0, 64), refusal ?? decision.reason);
    throw new NotFoundError();
  }
  await auditRefusal(db, actor, audited, target.entityType, target.entityId.slice(0, 64), decision.reason);
  throw new ForbiddenError();
}

/** Answers 404 (audited) for an id that is not a record of the actor's authority. */
export async function notFound(
  db: Db,
  actor: Actor,
  action: string,
  entityType: string,
  id: string,
  reason = 'not_found',
): Promise<never> {
  await auditRefusal(db, actor, action, entityType, id.slice(0, 64), reason);
  throw new NotFoundError();
}

/**
 * The actor may do `action` to the child's record (R-X-7): 404 when they may not see it, 403 when
 * they may see it but not do this. Returns the basis the record page names and every basis held.
 * With `linked`, the same query also brings the actor's bases on every child sharing an incident
 * with this one (`linkedBases`), so a page naming them decides that without asking again.
 */
export async function authorizeChild(
  db: Db,
  actor: Actor,
  childId: string,
  action: ActionId,
  options: { relations?: readonly Relation[]; auditAs?: string; linked?: boolean } = {},
): Promise<{ basis: AccessBasis | null; bases: AccessBasis[]; linkedBases: Map<string, AccessBasis[]> }> {
  const audited = options.auditAs ?? action;
  if (!isUuid(childId)) return notFound(db, actor, audited, 'child', childId);
  const all = options.linked
    ? await access.childAndLinkedAccessFacts(db, actor.user.id, childId)
    : new Map<string, ChildAccessFacts>();
  const facts = options.linked ? all.get(childId) : await access.childAccessFacts(db, actor.user.id, childId);
  if (!facts) return notFound(db, actor, audited, 'child', childId);
  const bases = childAccessBases(actor.user, facts);
  const decision = decideChildAccess(actor.user, facts);
  await requireAction(
    db,
    actor,
    action,
    subjectOf(actor, bases, options.relations),
    { entityType: 'child', entityId: childId, auditAs: audited },
    decision.allowed ? undefined : decision.reason,
  );
  const linkedBases = new Map(
    [...all].filter(([id]) => id !== childId).map(([id, held]) => [id, childAccessBases(actor.user, held)] as const),
  );
  return { basis: bases[0] ?? null, bases, linkedBases };
}

/**
 * Loads a record that belongs to one child (a screening, a task, a referral) and checks the actor
 * may do `action` to it: 404 and an audited refusal when it is not theirs to see, 403 when they
 * may see it but not do this (R-X-7).
 */
export async function authorizeChildRecord<T extends { authorityId: string; childId: string }>(
  db: Db,
  actor: Actor,
  id: string,
  action: ActionId,
  entityType: string,
  find: (id: string) => Promise<T | undefined>,
  options: { relations?: (record: T) => Relation[]; auditAs?: string } = {},
): Promise<{ record: T; bases: AccessBasis[] }> {
  const audited = options.auditAs ?? action;
  const record = isUuid(id) ? await find(id) : undefined;
  if (!record || record.authorityId !== actor.user.authorityId) return notFound(db, actor, audited, entityType, id);
  const relations = options.relations?.(record) ?? [];
  const bases = (await basesFor(db, actor, [record.childId])).get(record.childId) ?? [];
  await requireAction(db, actor, action, subjectOf(actor, bases, relations), {
    entityType,
    entityId: id,
    auditAs: audited,
  });
  return { record, bases };
}

/** Those of these people who may already see the child's record (R-X-7): giving someone a task gives them no access. */
export async function whoCanSee<T extends { id: string; roles: readonly Role[] }>(
  db: Db,
  authorityId: string,
  childId: string,
  people: readonly T[],
): Promise<T[]> {
  return whoMay(db, authorityId, childId, people, 'child.view');
}

/** Those of these people who may do `action` to the child's record, with the relations given. */
export async function whoMay<T extends { id: string; roles: readonly Role[] }>(
  db: Db,
  authorityId: string,
  childId: string,
  people: readonly T[],
  action: ActionId,
  relations: (person: T) => Relation[] = () => [],
): Promise<T[]> {
  const facts = await access.childAccessFactsFor(
    db,
    people.map((person) => person.id),
    childId,
  );
  return people.filter((person) => {
    const personFacts = facts.get(person.id);
    if (!personFacts) return false;
    const bases = childAccessBases({ id: person.id, authorityId, roles: person.roles }, personFacts);
    return may(action, { roles: person.roles, bases, relations: ['signed_in', ...relations(person)] }).allowed;
  });
}
