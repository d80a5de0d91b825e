// The audit log: append-only (the database refuses updates and deletes, and the application's
// role may only insert and read) and chained with a key the database does not hold.
import { type Kysely, type Transaction, sql } from 'kysely';
import { type AuditKey, type ChainProblem, type ChainState, type StoredEvent, GENESIS_HASH, chainLabel, eventHash, verifyChain } from '../domain/audit-chain.ts';
import type { Database } from '../db/types.ts';

let chainKey: AuditKey | null = null;

/** The key new events are chained with: set once when the process starts (cli/main.ts, the tests). */
export function configureAuditKey(key: AuditKey): void {
  chainKey = key;
}

export function currentAuditKey(): AuditKey {
  if (!chainKey) throw new Error('The audit key is not configured: set AUDIT_KEY (see the README)');
  return chainKey;
}

/** Key for the transaction-scoped advisory lock that serialises appends to the chain. */
const AUDIT_LOCK_KEY = 4_731_001;

export interface NewAuditEvent {
  authorityId: string | null;
  userId: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  outcome: 'ok' | 'refused' | 'failed';
  ip?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

/**
 * Appends one event. Must run inside the transaction of the change it records, so the event
 * and the change commit or roll back together. The advisory lock is held until that commit,
 * which keeps the chain in commit order.
 */
export async function appendAuditEvent(trx: Transaction<Database>, e: NewAuditEvent): Promise<string> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (last ? BigInt(last.seq) + 1n : 1n).toString();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const fields = {
    seq,
    at,
    authorityId: e.authorityId,
    userId: e.userId,
    action: e.action,
    entityType: e.entityType ?? '',
    entityId: e.entityId ?? '',
    outcome: e.outcome,
    ip: e.ip ?? '',
    requestId: e.requestId ?? '',
    details: e.details ?? {},
  };
  const key = currentAuditKey();
  const hash = eventHash(prevHash, fields, key);
  await trx
    .insertInto('audit_events')
    .values({
      seq,
      at,
      authority_id: fields.authorityId,
      user_id: fields.userId,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      outcome: fields.outcome,
      ip: fields.ip,
      request_id: fields.requestId,
      details: JSON.stringify(fields.details),
      prev_hash: prevHash,
      hash,
      chain: chainLabel(key),
    })
    .execute();
  return seq;
}

export interface AuditSearch {
  authorityId: string;
  userId?: string | undefined;
  action?: string | undefined;
  entityId?: string | undefined;
  outcome?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export interface AuditRow {
  seq: string;
  at: Date;
  userId: string | null;
  userName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  outcome: string;
  ip: string;
  requestId: string;
  details: Record<string, unknown>;
}

export async function searchAuditEvents(db: Kysely<Database>, s: AuditSearch): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .where('a.authority_id', '=', s.authorityId);
  if (s.userId) q = q.where('a.user_id', '=', s.userId);
  if (s.action) q = q.where('a.action', '=', s.action);
  if (s.entityId) q = q.where('a.entity_id', '=', s.entityId);
  if (s.outcome) q = q.where('a.outcome', '=', s.outcome);
  if (s.from) q = q.where('a.at', '>=', new Date(`${s.from}T00:00:00Z`));
  if (s.to) q = q.where('a.at', '<', sql<Date>`${s.to}::date + interval '1 day'`);
  const totalRow = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'a.seq',
      'a.at',
      'a.user_id',
      'u.display_name',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.outcome',
      'a.ip',
      'a.request_id',
      'a.details',
    ])
    .orderBy('a.seq', 'desc')
    .limit(s.pageSize)
    .offset((s.page - 1) * s.pageSize)
    .execute();
  return {
    total: Number(totalRow.n),
    rows: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      userName: r.display_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      outcome: r.outcome,
      ip: r.ip,
      requestId: r.request_id,
      details: r.details,
    })),
  };
}

export async function distinctAuditActions(db: Kysely<Database>, authorityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('action')
    .distinct()
    .where('authority_id', '=', authorityId)
    .orderBy('action')
    .execute();
  return rows.map((r) => r.action);
}

/**
 * Walks the whole chain in batches with the keys given (the current one and any earlier); returns
 * the problems found (none when intact), the newest event, and the first event's hash.
 */
export async function verifyAuditChain(db: Kysely<Database>, keys: readonly AuditKey[] = chainKey ? [chainKey] : [], batchSize = 5000) {
  let before = GENESIS_HASH;
  let nextSeq = 1n;
  let checked = 0;
  let state: ChainState = { keyed: false, newestKey: Number.POSITIVE_INFINITY };
  let first: string | null = null;
  const problems: ChainProblem[] = [];
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', nextSeq.toString())
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    first ??= rows[0]!.hash;
    const events: StoredEvent[] = rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      authorityId: r.authority_id,
      userId: r.user_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      outcome: r.outcome,
      ip: r.ip,
      requestId: r.request_id,
      details: r.details,
      prevHash: r.prev_hash,
      hash: r.hash,
      chain: r.chain,
    }));
    const result = verifyChain(events, before, nextSeq, keys, state);
    problems.push(...result.problems);
    before = result.lastHash;
    nextSeq = result.nextSeq;
    state = result.state;
    checked += rows.length;
  }
  return { checked, problems, ok: problems.length === 0, newest: checked ? { seq: (nextSeq - 1n).toString(), hash: before } : null, first };
}

/** The newest event and the chain's first: what a checkpoint records. */
export async function chainEnds(db: Kysely<Database>): Promise<{ seq: string; hash: string; first: string } | null> {
  const newest = await db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const first = await db.selectFrom('audit_events').select('hash').orderBy('seq', 'asc').limit(1).executeTakeFirst();
  return newest && first ? { seq: newest.seq, hash: newest.hash, first: first.hash } : null;
}

/** The stored hash of each of these events (absent when the event is not there). */
export async function hashesAt(db: Kysely<Database>, seqs: readonly string[]): Promise<Map<string, string>> {
  if (!seqs.length) return new Map();
  const rows = await db.selectFrom('audit_events').select(['seq', 'hash']).where('seq', 'in', [...new Set(seqs)]).execute();
  return new Map(rows.map((r) => [r.seq, r.hash]));
}
