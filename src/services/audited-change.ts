// The one way services write the audit log (ADR 0003): a change and its event in one
// transaction (auditedChange); a view, list or search (auditView); a refusal (auditRefusal); an
// attempt that changes no record, such as signing in or out (auditAttempt). Services never call
// appendAuditEvent themselves.
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { type NewAuditEvent, appendAuditEvent } from '../repositories/audit.ts';
import type { Actor, Db } from './actor.ts';

/** What an event says happened: the action, to what, and the details the log keeps. */
export interface AuditedEvent {
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

/**
 * Whom an event is attributed to: the signed-in person, or, with no session (a sign-in, the
 * service's operator), the authority and account it concerns.
 */
export type AuditedBy = Actor | Pick<NewAuditEvent, 'authorityId' | 'userId' | 'ip' | 'requestId'>;

function attribution(by: AuditedBy): Pick<NewAuditEvent, 'authorityId' | 'userId' | 'ip' | 'requestId'> {
  if (!('user' in by)) return by;
  return { authorityId: by.user.authorityId, userId: by.user.id, ip: by.ip, requestId: by.requestId };
}

/** The event as the log stores it: attributed, with its outcome. */
export function auditEventOf(by: AuditedBy, event: AuditedEvent, outcome: NewAuditEvent['outcome']): NewAuditEvent {
  return { ...event, outcome, ...attribution(by) };
}

function isList(said: AuditedEvent | readonly AuditedEvent[]): said is readonly AuditedEvent[] {
  return Array.isArray(said);
}

async function appendOwn(db: Db, event: NewAuditEvent): Promise<void> {
  await db.transaction().execute((trx) => appendAuditEvent(trx, event));
}

/**
 * A change and its audit event in one transaction: `write` makes the change; once it has, the
 * event is appended (outcome ok), and both commit or neither does. When what the event says
 * depends on what was written (a new record's id, how many tasks were set), `event` is a
 * function of `write`'s result; it may give several events (one for each record made), appended
 * in order.
 */
export async function auditedChange<T>(
  db: Db,
  by: AuditedBy,
  event: AuditedEvent | ((result: T) => AuditedEvent | readonly AuditedEvent[]),
  write: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await write(trx);
    const said = typeof event === 'function' ? event(result) : event;
    for (const one of isList(said) ? said : [said]) await appendAuditEvent(trx, auditEventOf(by, one, 'ok'));
    return result;
  });
}

/** A view of a record, a list or a search: its event in its own transaction (ADR 0003). */
export async function auditView(db: Db, actor: Actor, event: AuditedEvent): Promise<void> {
  await appendOwn(db, auditEventOf(actor, event, 'ok'));
}

/**
 * Audits a view of a record kept on a child's case (a screening, referral, task...): the child
 * is named in the details, so the child's own access log lists every view of the case's records.
 */
export function auditRecordView(
  db: Db,
  actor: Actor,
  action: string,
  record: { entityType: string; entityId: string; childId: string },
): Promise<void> {
  const { entityType, entityId, childId } = record;
  return auditView(db, actor, { action, entityType, entityId, details: { childId } });
}

/** Records a refusal in its own transaction (it must persist although the request fails). */
export async function auditRefusal(
  db: Db,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  reason: string,
): Promise<void> {
  await appendOwn(db, auditEventOf(actor, { action, entityType, entityId, details: { reason } }, 'refused'));
}

/**
 * An attempt that changes no record (signing in or out, a session timing out, a password that did
 * not match, a call to the API, allowed or refused): its event in its own transaction, so that it
 * persists whatever follows.
 */
export async function auditAttempt(
  db: Db,
  by: AuditedBy,
  event: AuditedEvent,
  outcome: NewAuditEvent['outcome'],
): Promise<void> {
  await appendOwn(db, auditEventOf(by, event, outcome));
}
