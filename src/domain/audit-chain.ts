// The audit log's hash chain (R-X-7): each event carries the hash of the one before, so a
// change to any stored event, or a removed one, is detectable by re-walking the chain.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: string;
  at: Date;
  authorityId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  outcome: string;
  ip: string;
  requestId: string;
  details: unknown;
}

/** JSON with object keys sorted, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson([
    e.seq,
    e.at.toISOString(),
    e.authorityId,
    e.userId,
    e.action,
    e.entityType,
    e.entityId,
    e.outcome,
    e.ip,
    e.requestId,
    e.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface StoredEvent extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type ChainProblem = { seq: string; problem: 'gap' | 'prev_hash_mismatch' | 'hash_mismatch' };

/** Checks a run of consecutive events; `before` is the hash preceding the first (genesis if none). */
export function verifyChain(events: readonly StoredEvent[], before: string, expectedFirstSeq: bigint): {
  problems: ChainProblem[];
  lastHash: string;
  nextSeq: bigint;
} {
  const problems: ChainProblem[] = [];
  let prev = before;
  let expected = expectedFirstSeq;
  for (const e of events) {
    if (BigInt(e.seq) !== expected) problems.push({ seq: e.seq, problem: 'gap' });
    if (e.prevHash !== prev) problems.push({ seq: e.seq, problem: 'prev_hash_mismatch' });
    if (eventHash(e.prevHash, e) !== e.hash) problems.push({ seq: e.seq, problem: 'hash_mismatch' });
    prev = e.hash;
    expected = BigInt(e.seq) + 1n;
  }
  return { problems, lastHash: prev, nextSeq: expected };
}
