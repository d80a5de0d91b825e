// The audit log's chain (R-X-7): each event carries the hash of the one before, so a change to any
// stored event, or a removed one, is detectable by re-walking the chain. The chain is keyed: each
// hash is an HMAC with a key the database does not hold, so someone who can write to the database
// cannot edit an event and compute the hashes again. Signed checkpoints of the newest event, kept
// outside the database, show when the newest events were deleted. Events written before the key
// (labelled 'sha256') verify as they were written, and only before the first keyed event.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
export const UNKEYED = 'sha256';

export interface AuditKey {
  /** Names the key without revealing it: the start of its SHA-256. */
  id: string;
  secret: Buffer;
}

export function auditKey(secret: string): AuditKey {
  return { id: createHash('sha256').update(secret).digest('hex').slice(0, 12), secret: Buffer.from(secret, 'utf8') };
}

export function chainLabel(key: AuditKey): string {
  return `hmac-sha256:${key.id}`;
}

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
  /** How the hash was made: 'sha256' (before the key), or 'hmac-sha256:<key id>'. */
  chain?: string;
}

/** JSON with object keys sorted, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, fieldValue]) => fieldValue !== undefined)
    .sort(([leftKey], [rightKey]) => (leftKey < rightKey ? -1 : leftKey > rightKey ? 1 : 0));
  return `{${entries.map(([fieldName, fieldValue]) => `${JSON.stringify(fieldName)}:${canonicalJson(fieldValue)}`).join(',')}}`;
}

function fieldsOf(event: ChainedFields): unknown[] {
  return [
    event.seq,
    event.at.toISOString(),
    event.authorityId,
    event.userId,
    event.action,
    event.entityType,
    event.entityId,
    event.outcome,
    event.ip,
    event.requestId,
    event.details,
  ];
}

/** The event's hash: keyed when a key is given (the label is then part of what is hashed). */
export function eventHash(prevHash: string, event: ChainedFields, key?: AuditKey): string {
  if (!key)
    return createHash('sha256')
      .update(prevHash)
      .update('\n')
      .update(canonicalJson(fieldsOf(event)))
      .digest('hex');
  return createHmac('sha256', key.secret)
    .update(prevHash)
    .update('\n')
    .update(canonicalJson([...fieldsOf(event), chainLabel(key)]))
    .digest('hex');
}

export interface StoredEvent extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type ChainProblem = {
  seq: string;
  problem:
    'gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'unknown_key' | 'unkeyed_after_keyed' | 'older_key_after_newer';
};

/** What a walk has seen so far: whether a keyed event, and the newest key used (an index into the keys, newest first). */
export interface ChainState {
  keyed: boolean;
  newestKey: number;
}

function sameHex(left: string, right: string): boolean {
  return left.length === right.length && timingSafeEqual(Buffer.from(left), Buffer.from(right));
}

/**
 * Checks a run of consecutive events; `before` is the hash preceding the first (genesis if none).
 * `keys` are those the events may be keyed with, newest first (the current one, then those before
 * it). Once a keyed event has been seen, an unkeyed one after it is itself a sign of tampering; so is
 * an event made with an older key after one made with a newer (a retired key forging new events).
 */
export function verifyChain(
  events: readonly StoredEvent[],
  before: string,
  expectedFirstSeq: bigint,
  keys: readonly AuditKey[] = [],
  state: ChainState = { keyed: false, newestKey: Number.POSITIVE_INFINITY },
): { problems: ChainProblem[]; lastHash: string; nextSeq: bigint; state: ChainState } {
  const problems: ChainProblem[] = [];
  let prev = before;
  let expected = expectedFirstSeq;
  let keyed = state.keyed;
  let newestKey = state.newestKey;
  for (const event of events) {
    if (BigInt(event.seq) !== expected) problems.push({ seq: event.seq, problem: 'gap' });
    if (event.prevHash !== prev) problems.push({ seq: event.seq, problem: 'prev_hash_mismatch' });
    const label = event.chain ?? UNKEYED;
    if (label === UNKEYED) {
      if (keyed) problems.push({ seq: event.seq, problem: 'unkeyed_after_keyed' });
      else if (!sameHex(eventHash(event.prevHash, event), event.hash))
        problems.push({ seq: event.seq, problem: 'hash_mismatch' });
    } else {
      keyed = true;
      const index = keys.findIndex((candidate) => chainLabel(candidate) === label);
      const key = keys[index];
      if (!key) problems.push({ seq: event.seq, problem: 'unknown_key' });
      else if (!sameHex(eventHash(event.prevHash, event, key), event.hash))
        problems.push({ seq: event.seq, problem: 'hash_mismatch' });
      else if (index > newestKey) problems.push({ seq: event.seq, problem: 'older_key_after_newer' });
      else newestKey = index;
    }
    prev = event.hash;
    expected = BigInt(event.seq) + 1n;
  }
  return { problems, lastHash: prev, nextSeq: expected, state: { keyed, newestKey } };
}

/** A signed note of the newest event, kept outside the database: deleting events after it shows. */
export interface Checkpoint {
  seq: string;
  hash: string;
  /** The hash of the chain's first event: which database the checkpoint belongs to. */
  first: string;
  at: string;
  key: string;
  mac: string;
}

function checkpointBody(checkpoint: Omit<Checkpoint, 'key' | 'mac'>): string {
  return `checkpoint\n${checkpoint.seq}\n${checkpoint.hash}\n${checkpoint.first}\n${checkpoint.at}`;
}

export function signCheckpoint(key: AuditKey, checkpoint: Omit<Checkpoint, 'key' | 'mac'>): Checkpoint {
  return {
    ...checkpoint,
    key: key.id,
    mac: createHmac('sha256', key.secret).update(checkpointBody(checkpoint)).digest('hex'),
  };
}

export function checkpointSigned(keys: readonly AuditKey[], checkpoint: Checkpoint): boolean {
  const key = keys.find((candidate) => candidate.id === checkpoint.key);
  if (!key || typeof checkpoint.mac !== 'string') return false;
  return sameHex(createHmac('sha256', key.secret).update(checkpointBody(checkpoint)).digest('hex'), checkpoint.mac);
}
