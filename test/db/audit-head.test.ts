// The audit log's head row (migration 0020, issue 13): an append locks it and chains on it in two
// statements, and many appends at once over several connections (and pools, as several processes
// would) still make one chain, numbered without gaps in the order they committed. The migration
// starts the head at the newest event already written; an insert that does not go through
// appendAuditEvent (the bench's seed) moves the head too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Kysely, Migrator, sql } from 'kysely';
import { GENESIS_HASH, chainLabel, eventHash } from '../../src/domain/audit-chain.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import { migrationProvider } from '../../src/db/migrations/index.ts';
import type { Database } from '../../src/db/types.ts';
import { appendAuditEvent, verifyAuditChain } from '../../src/repositories/audit.ts';
import { transaction } from '../../src/services/context.ts';
import { APP_ROLE, TEST_AUDIT_KEY, databaseKinds, type TestDatabase } from '../helpers/db.ts';

const event = (index: number) => ({
  authorityId: 'kent',
  userId: null,
  action: 'child.view',
  entityType: 'child',
  entityId: `c${index}`,
  outcome: 'ok' as const,
  details: { index },
});

const headOf = async (db: Kysely<Database>) =>
  (await sql<{ seq: string; hash: string }>`select seq, hash from audit_head`.execute(db)).rows;

/** The events as stored, oldest first. */
const stored = (db: Kysely<Database>) =>
  db.selectFrom('audit_events').select(['seq', 'hash', 'prev_hash']).orderBy('seq').execute();

/** Rows for audit_events chained like real ones, as a writer other than appendAuditEvent would make them. */
function chainedRows(from: { seq: bigint; hash: string }, count: number) {
  const rows = [];
  let prev = from.hash;
  for (let index = 1; index <= count; index += 1) {
    const fields = {
      ...event(index),
      seq: (from.seq + BigInt(index)).toString(),
      at: new Date(),
      ip: '',
      requestId: '',
    };
    const hash = eventHash(prev, fields, TEST_AUDIT_KEY);
    rows.push({
      seq: fields.seq,
      at: fields.at,
      authority_id: fields.authorityId,
      user_id: null,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      outcome: fields.outcome,
      ip: '',
      request_id: '',
      details: JSON.stringify(fields.details),
      prev_hash: prev,
      hash,
      chain: chainLabel(TEST_AUDIT_KEY),
    });
    prev = hash;
  }
  return rows;
}

describe('the audit head migration', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await openDatabase({ dataDir: 'memory://' });
  });
  after(() => handle.close());

  it('starts the head at the newest event already written, and appends go on from it', async () => {
    const { error } = await new Migrator({ db: handle.db, provider: migrationProvider }).migrateTo('0019_plans');
    assert.equal(error, undefined);
    const rows = chainedRows({ seq: 0n, hash: GENESIS_HASH }, 3);
    await handle.db.insertInto('audit_events').values(rows).execute();
    await migrateToLatest(handle.db);
    assert.deepEqual(await headOf(handle.db), [{ seq: '3', hash: rows[2]!.hash }]);
    assert.equal(await transaction(handle.db, (trx) => appendAuditEvent(trx, event(4))), '4');
    const chain = await verifyAuditChain(handle.db, [TEST_AUDIT_KEY]);
    assert.deepEqual([chain.ok, chain.checked, chain.headProblem], [true, 4, null]);
  });

  it('starts an empty log at the genesis hash', async () => {
    const empty = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateToLatest(empty.db);
      assert.deepEqual(await headOf(empty.db), [{ seq: '0', hash: GENESIS_HASH }]);
      const chain = await verifyAuditChain(empty.db, [TEST_AUDIT_KEY]);
      assert.deepEqual([chain.ok, chain.checked, chain.newest, chain.headProblem], [true, 0, null, null]);
    } finally {
      await empty.close();
    }
  });
});

it('appends an event in two statements: the head locked and read, then the insert', async () => {
  const sent: string[] = [];
  const handle = await openDatabase({ dataDir: 'memory://', log: (logged) => sent.push(logged.query.sql) });
  try {
    await migrateToLatest(handle.db);
    sent.length = 0;
    await transaction(handle.db, async (trx) => {
      await appendAuditEvent(trx, event(1));
      await appendAuditEvent(trx, event(2));
    });
    const statements = sent.filter((text) => !/^(begin|commit)\b/i.test(text.trim()));
    assert.equal(statements.length, 4, statements.join('\n'));
    assert.match(statements[0]!, /^select seq, hash from audit_head where id = 1 for update$/);
    assert.match(statements[1]!, /^insert into "audit_events"/);
    assert.deepEqual(await headOf(handle.db), [{ seq: '2', hash: (await stored(handle.db))[1]!.hash }]);
  } finally {
    await handle.close();
  }
});

for (const kind of databaseKinds()) {
  describe(`appends at once on ${kind.label}`, () => {
    let t: TestDatabase;
    /** A second pool on the same schema, as a second process would have (PostgreSQL). */
    let other: DatabaseHandle | null = null;
    before(async () => {
      t = await kind.open();
      if (kind.label === 'PostgreSQL') {
        const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db)).rows[0]!;
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.username = APP_ROLE;
        url.password = '';
        other = await openDatabase({
          databaseUrl: url.toString(),
          searchPath: `${schema.schema},public`,
          poolSize: 5,
        });
      }
    });
    after(async () => {
      await other?.close();
      await t.close();
    });

    it('makes one chain of 50 transactions appending in parallel, numbered in commit order without gaps', async () => {
      const pools = other ? [t.db, other.db] : [t.db];
      const startSeq = BigInt((await headOf(t.db))[0]!.seq);
      let inFlight = 0;
      let mostAtOnce = 0;
      const rolledBack = new Set([7, 19, 33]);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, index) =>
          transaction(pools[index % pools.length]!, async (trx) => {
            inFlight += 1;
            mostAtOnce = Math.max(mostAtOnce, inFlight);
            try {
              const seq = await appendAuditEvent(trx, event(index));
              // The database's clock once the head is held: the next appender can hold it only after this commits.
              const held = await sql<{
                at: string;
              }>`select to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.US') as at`.execute(trx);
              // Hold the head a moment, so the others queue behind it.
              await new Promise((resolve) => setTimeout(resolve, index % 3));
              if (rolledBack.has(index)) throw new Error('rolled back on purpose');
              return { seq, at: held.rows[0]!.at };
            } finally {
              inFlight -= 1;
            }
          }),
        ),
      );
      const committed = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      const refused = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [(outcome.reason as Error).message] : [],
      );
      assert.deepEqual(refused, ['rolled back on purpose', 'rolled back on purpose', 'rolled back on purpose']);
      if (kind.label === 'PostgreSQL') assert.ok(mostAtOnce > 2, `only ${mostAtOnce} transactions at once`);
      // Numbered 1..47 after the start, without gaps: a rolled-back append gives its number back.
      const bySeq = committed.toSorted((first, second) => Number(BigInt(first.seq) - BigInt(second.seq)));
      assert.deepEqual(
        bySeq.map((done) => done.seq),
        Array.from({ length: 47 }, (_, index) => (startSeq + BigInt(index) + 1n).toString()),
      );
      // In the order they held the head, and so committed.
      for (let index = 1; index < bySeq.length; index += 1)
        assert.ok(bySeq[index - 1]!.at < bySeq[index]!.at, `event ${bySeq[index]!.seq} held the head first`);
      const events = await stored(t.db);
      for (let index = 1; index < events.length; index += 1)
        assert.equal(events[index]!.prev_hash, events[index - 1]!.hash);
      const chain = await verifyAuditChain(t.db, [TEST_AUDIT_KEY]);
      assert.deepEqual([chain.ok, chain.problems, chain.headProblem], [true, [], null]);
      assert.deepEqual(await headOf(t.db), [{ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash }]);
    });

    it('moves the head on an insert that does not go through appendAuditEvent, as the bench seeds', async () => {
      const [head] = await headOf(t.db);
      const rows = chainedRows({ seq: BigInt(head!.seq), hash: head!.hash }, 5);
      await t.db.insertInto('audit_events').values(rows).execute();
      assert.deepEqual(await headOf(t.db), [{ seq: rows[4]!.seq, hash: rows[4]!.hash }]);
      await transaction(t.db, (trx) => appendAuditEvent(trx, event(99)));
      assert.equal((await verifyAuditChain(t.db, [TEST_AUDIT_KEY])).ok, true);
    });
  });
}
