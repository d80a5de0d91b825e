// The audit log's integrity outside the database (R-X-7): the key the chain is made with (never in
// the database), signed checkpoints of the newest event written to a file at intervals (and to the
// log, for a log service to keep), and the verification `npm run audit:verify` runs: the keyed
// chain, the log's head row against its newest event, then every checkpoint against the events it
// names, so that an edited event, a chain computed again, and deleted newest events are all found.
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { type AuditKey, type Checkpoint, auditKey, checkpointSigned, signCheckpoint } from '../domain/audit-chain.ts';
import { chainEnds, hashesAt, verifyAuditChain } from '../repositories/audit.ts';
import type { Db } from './actor.ts';

export interface AuditKeys {
  key: AuditKey;
  /** The current key and those before it, for verification. */
  all: AuditKey[];
  /** Where the key came from, for the start-up message (never the key itself). */
  source: string;
}

/**
 * The chain's key: AUDIT_KEY, or the file AUDIT_KEY_FILE names. In development only, a key made
 * once and kept in AUDIT_DIR/key (readable by its owner only); production refuses to start without one.
 */
export function loadAuditKeys(
  config: Pick<Config, 'auditKey' | 'auditKeyFile' | 'auditPreviousKeys' | 'auditDir' | 'production'>,
): AuditKeys {
  const previous = config.auditPreviousKeys.map(auditKey);
  const result = (secret: string, source: string) => {
    if (secret.length < 32) throw new Error(`The audit key from ${source} must be at least 32 characters`);
    const key = auditKey(secret);
    return { key, all: [key, ...previous.filter((oldKey) => oldKey.id !== key.id)], source };
  };
  if (config.auditKey) return result(config.auditKey, 'AUDIT_KEY');
  if (config.auditKeyFile)
    return result(readFileSync(config.auditKeyFile, 'utf8').trim(), `AUDIT_KEY_FILE (${config.auditKeyFile})`);
  if (config.production)
    throw new Error(
      'Set AUDIT_KEY (or AUDIT_KEY_FILE): in production the audit chain needs a key kept outside the database',
    );
  const file = path.join(config.auditDir, 'key');
  if (!existsSync(file)) {
    mkdirSync(config.auditDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return result(readFileSync(file, 'utf8').trim(), `a development key in ${file}`);
}

export function checkpointFile(dir: string): string {
  return path.join(dir, 'checkpoints.jsonl');
}

function lastLine(file: string): string | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  return lines.at(-1) || null;
}

/** Appends a signed checkpoint of the newest event, unless it is the one already written. Returns it, or null. */
export async function writeCheckpoint(
  db: Db,
  key: AuditKey,
  file: string,
  now = new Date(),
): Promise<Checkpoint | null> {
  const ends = await chainEnds(db);
  if (!ends) return null;
  const previous = lastLine(file);
  if (previous) {
    try {
      const written = JSON.parse(previous) as Checkpoint;
      if (written.seq === ends.seq && written.hash === ends.hash && written.first === ends.first) return null;
    } catch {
      // An unreadable last line is reported by the verifier; a new checkpoint follows it.
    }
  }
  const checkpoint = signCheckpoint(key, { seq: ends.seq, hash: ends.hash, first: ends.first, at: now.toISOString() });
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  return checkpoint;
}

/** Writes checkpoints every `intervalMs`, and a last one on stop. Each is also logged, for a log service to keep. */
export function startCheckpoints(
  db: Db,
  key: AuditKey,
  file: string,
  intervalMs: number,
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
) {
  const tick = async () => {
    try {
      const checkpoint = await writeCheckpoint(db, key, file);
      if (checkpoint) log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
    } catch (err) {
      log.error({ err }, 'audit checkpoint failed');
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await tick();
    },
  };
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  checkpoints: number;
  /** Each problem in a sentence, oldest first. */
  problems: string[];
  newest: { seq: string; hash: string } | null;
}

const CHAIN_PROBLEMS = {
  gap: 'an event is missing before it',
  prev_hash_mismatch: 'it does not follow the event before it',
  hash_mismatch: 'its content does not match its hash: it was changed, or its hash was computed again without the key',
  unknown_key: 'it was made with a key not given to the verifier (set AUDIT_PREVIOUS_KEYS after changing the key)',
  unkeyed_after_keyed: 'it has an unkeyed hash after keyed ones: the chain was computed again from here',
  older_key_after_newer: 'it was made with an older key than an event before it: a retired key was used to write it',
} as const;

/** What is wrong with the log's head, the row each append locks and chains on, in a sentence; or null. */
function headSentence(chain: Awaited<ReturnType<typeof verifyAuditChain>>): string | null {
  const { head, headProblem } = chain;
  const newest = chain.newest?.seq ?? '0';
  switch (headProblem) {
    case null:
      return null;
    case 'missing':
      return "The log's head (audit_head) is missing: it was deleted, and no event can be added until it is put back.";
    case 'past_end':
      return `The log's head names event ${head?.seq}, but the log ends at event ${newest}: the newest events were deleted, or the head was changed.`;
    case 'behind':
      return `The log's head names event ${head?.seq}, but the log goes on to event ${newest}: the head was changed.`;
    case 'hash_mismatch':
      return `The log's head does not match event ${head?.seq}: the event or the head was changed.`;
  }
}

/**
 * The whole check: the keyed chain, then the log's head against the newest event, then each
 * checkpoint against the events it names. With `requireCheckpoint` (production), a log with no
 * checkpoint of its own is itself a problem: without one, a chain computed again from its first
 * event could not be told from the real one.
 */
export async function verifyAudit(
  db: Db,
  keys: readonly AuditKey[],
  file: string | null,
  options: { requireCheckpoint?: boolean } = {},
): Promise<AuditVerification> {
  const chain = await verifyAuditChain(db, keys);
  const problems = chain.problems.map(
    (chainProblem) => `Event ${chainProblem.seq}: ${CHAIN_PROBLEMS[chainProblem.problem]}.`,
  );
  const headProblem = headSentence(chain);
  if (headProblem) problems.push(headProblem);
  let checkpoints = 0;
  if (file && existsSync(file)) {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    const parsed: Checkpoint[] = [];
    lines.forEach((line, i) => {
      try {
        const checkpoint = JSON.parse(line) as Checkpoint;
        if (checkpointSigned(keys, checkpoint)) parsed.push(checkpoint);
        else
          problems.push(
            `Checkpoint ${i + 1} in ${file}: its signature does not verify: it was altered, or made with another key.`,
          );
      } catch {
        problems.push(`Checkpoint ${i + 1} in ${file}: it cannot be read.`);
      }
    });
    const mine = parsed.filter((checkpoint) => checkpoint.first === chain.first);
    if (parsed.length && !mine.length)
      problems.push(
        `No checkpoint in ${file} is of this database: its first event has changed, or the file belongs to another database.`,
      );
    const stored = await hashesAt(
      db,
      mine.map((checkpoint) => checkpoint.seq),
    );
    const newestSeq = chain.newest ? BigInt(chain.newest.seq) : 0n;
    for (const checkpoint of mine) {
      checkpoints += 1;
      const at = stored.get(checkpoint.seq);
      if (BigInt(checkpoint.seq) > newestSeq)
        problems.push(
          `Checkpoint of ${checkpoint.at}: the log reached event ${checkpoint.seq}, but now ends at event ${newestSeq}: the newest events were deleted.`,
        );
      else if (at === undefined) problems.push(`Checkpoint of ${checkpoint.at}: event ${checkpoint.seq} is missing.`);
      else if (at !== checkpoint.hash)
        problems.push(
          `Checkpoint of ${checkpoint.at}: event ${checkpoint.seq} is not the one written then: the chain was changed.`,
        );
    }
  }
  if (options.requireCheckpoint && chain.checked && !checkpoints)
    problems.push(
      `No checkpoint of this log in ${file ?? 'AUDIT_DIR'}: in production one must be kept (npm ` +
        `start writes them); without it a rewritten log cannot be told from the real one.`,
    );
  return { ok: problems.length === 0, checked: chain.checked, checkpoints, problems, newest: chain.newest };
}
