// The audit log against someone with the database in their hands (R-X-7, issue 10, defect 10):
// the application's role can only read and add to it; a superuser who switches the triggers off
// and edits an event, or edits and computes the chain again, or deletes the newest events, is
// found by the keyed chain and the signed checkpoints kept outside the database; and
// `npm run audit:verify` says so and fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { auditKey, eventHash } from '../../src/domain/audit-chain.ts';
import { migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/types.ts';
import { appendAuditEvent } from '../../src/repositories/audit.ts';
import { checkpointFile, verifyAudit, writeCheckpoint } from '../../src/services/audit-integrity.ts';
import { transaction } from '../../src/services/context.ts';
import { TEST_AUDIT_KEY, databaseKinds, type TestDatabase } from '../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function append(db: Kysely<Database>, n: number, action = 'child.view') {
  for (let i = 0; i < n; i += 1) {
    await transaction(db, (trx) =>
      appendAuditEvent(trx, {
        authorityId: 'kent',
        userId: null,
        action,
        entityType: 'child',
        entityId: `c${i}`,
        outcome: 'ok',
        details: { i },
      }),
    );
  }
}

/** As a superuser would: the triggers off, the change, the triggers on. */
async function tamper(t: TestDatabase, change: (db: Kysely<Database>) => Promise<void>) {
  const su = await t.superuser();
  try {
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(su.db);
    await change(su.db);
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(su.db);
  } finally {
    await su.close();
  }
}

const maxSeq = async (db: Kysely<Database>) =>
  Number(
    (
      await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.max('seq').as('m'))
        .executeTakeFirstOrThrow()
    ).m,
  );

for (const kind of databaseKinds()) {
  describe(`the audit log against tampering on ${kind.label}`, () => {
    let t: TestDatabase;
    let dir = '';
    before(async () => {
      t = await kind.open();
      await t.db
        .insertInto('authorities')
        .values({ id: 'kent', name: 'Kent County Council', short_name: 'Kent' })
        .execute();
      dir = mkdtempSync(path.join(os.tmpdir(), 'hsb-audit-'));
    });
    after(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    if (kind.label === 'PostgreSQL') {
      it('connects the application as a role that owns nothing and may only read and add to the audit log', async () => {
        const owner = await sql<{
          owner: string;
          me: string;
        }>`select tableowner as owner, current_user as me from pg_tables where schemaname = current_schema() and tablename = 'audit_events'`.execute(
          t.db,
        );
        assert.notEqual(owner.rows[0]!.owner, owner.rows[0]!.me);
        await append(t.db, 1);
        for (const statement of [
          sql`update audit_events set action = 'x'`,
          sql`delete from audit_events`,
          sql`truncate audit_events`,
          sql`alter table audit_events disable trigger audit_events_no_update`,
          sql`drop trigger audit_events_no_update on audit_events`,
        ]) {
          await assert.rejects(statement.execute(t.db), /permission denied|must be owner/);
        }
        // The log's head, which each append locks and moves on: updated, never added to or emptied.
        for (const statement of [
          sql`insert into audit_head (id, seq, hash) values (1, 0, '')`,
          sql`delete from audit_head`,
          sql`truncate audit_head`,
          sql`drop trigger audit_events_move_head on audit_events`,
        ]) {
          await assert.rejects(statement.execute(t.db), /permission denied|must be owner/);
        }
      });
    }

    it("finds the log's head moved by the application's own role, and the event chained on it", async () => {
      const file = path.join(dir, 'head-moved.jsonl');
      const fresh = await kind.open();
      try {
        const { db } = fresh;
        await db
          .insertInto('authorities')
          .values({ id: 'kent', name: 'Kent County Council', short_name: 'Kent' })
          .execute();
        await append(db, 3);
        assert.deepEqual((await verifyAudit(db, [TEST_AUDIT_KEY], file)).problems, []);
        const [head] = (await sql<{ hash: string }>`select hash from audit_head`.execute(db)).rows;
        await sql`update audit_head set hash = ${'f'.repeat(64)}`.execute(db);
        assert.deepEqual((await verifyAudit(db, [TEST_AUDIT_KEY], file)).problems, [
          "The log's head does not match event 3: the event or the head was changed.",
        ]);
        await sql`update audit_head set seq = 6, hash = ${head!.hash}`.execute(db);
        assert.deepEqual((await verifyAudit(db, [TEST_AUDIT_KEY], file)).problems, [
          "The log's head names event 6, but the log ends at event 3: the newest events were deleted, or the head was changed.",
        ]);
        await sql`update audit_head set seq = 2`.execute(db);
        assert.deepEqual((await verifyAudit(db, [TEST_AUDIT_KEY], file)).problems, [
          "The log's head names event 2, but the log goes on to event 3: the head was changed.",
        ]);
        // An event chained on a head moved by hand does not follow the one before it.
        await sql`update audit_head set seq = 3, hash = ${'f'.repeat(64)}`.execute(db);
        await append(db, 1);
        assert.deepEqual((await verifyAudit(db, [TEST_AUDIT_KEY], file)).problems, [
          'Event 4: it does not follow the event before it.',
        ]);
      } finally {
        await fresh.close();
      }
    });

    it('finds an event edited with the triggers switched off', async () => {
      const file = path.join(dir, 'edited.jsonl');
      await append(t.db, 5);
      assert.deepEqual((await verifyAudit(t.db, [TEST_AUDIT_KEY], file)).problems, []);
      const original = (
        await t.db.selectFrom('audit_events').select('details').where('seq', '=', '2').executeTakeFirstOrThrow()
      ).details;
      await tamper(
        t,
        async (db) => void (await sql`update audit_events set details = '{"i":99}' where seq = 2`.execute(db)),
      );
      const result = await verifyAudit(t.db, [TEST_AUDIT_KEY], file);
      assert.equal(result.ok, false);
      assert.deepEqual(result.problems, [
        'Event 2: its content does not match its hash: it was changed, or its hash was computed again without the key.',
      ]);
      await tamper(
        t,
        async (db) =>
          void (await sql`update audit_events set details = ${JSON.stringify(original)}::jsonb where seq = 2`.execute(
            db,
          )),
      );
      assert.ok((await verifyAudit(t.db, [TEST_AUDIT_KEY], file)).ok, 'put back as it was, it verifies again');
    });

    it('finds events edited and their chain computed again by the same algorithm, without the key', async () => {
      const file = path.join(dir, 'rehashed.jsonl');
      assert.ok((await verifyAudit(t.db, [TEST_AUDIT_KEY], file)).ok);
      const rehash = async (label: 'keyed with a guessed key' | 'unkeyed') => {
        await tamper(t, async (db) => {
          const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>=', '3').orderBy('seq').execute();
          let prev = (
            await db.selectFrom('audit_events').select('hash').where('seq', '=', '2').executeTakeFirstOrThrow()
          ).hash;
          const guessed = auditKey('a-key-the-tamperer-made-up-of-the-same-length-0000');
          for (const r of rows) {
            const e = {
              seq: r.seq,
              at: r.at,
              authorityId: r.authority_id,
              userId: r.user_id,
              action: r.seq === '3' ? 'child.update' : r.action,
              entityType: r.entity_type,
              entityId: r.entity_id,
              outcome: r.outcome,
              ip: r.ip,
              requestId: r.request_id,
              details: r.details,
            };
            const hash = label === 'unkeyed' ? eventHash(prev, e) : eventHash(prev, { ...e, chain: r.chain }, guessed);
            await sql`update audit_events set action = ${e.action}, prev_hash = ${prev}, hash = ${hash}, chain = ${label === 'unkeyed' ? 'sha256' : r.chain} where seq = ${r.seq}`.execute(
              db,
            );
            prev = hash;
          }
        });
        return verifyAudit(t.db, [TEST_AUDIT_KEY], file);
      };
      const guessed = await rehash('keyed with a guessed key');
      assert.equal(guessed.ok, false);
      assert.match(guessed.problems[0]!, /^Event 3: its content does not match its hash/);
      const unkeyed = await rehash('unkeyed');
      assert.equal(unkeyed.ok, false);
      assert.match(
        unkeyed.problems[0]!,
        /^Event 3: it has an unkeyed hash after keyed ones: the chain was computed again from here\.$/,
      );
    });

    it('finds the newest events deleted, by a checkpoint written outside the database', async () => {
      const fresh = await kind.open();
      try {
        await fresh.db
          .insertInto('authorities')
          .values({ id: 'kent', name: 'Kent County Council', short_name: 'Kent' })
          .execute();
        const file = checkpointFile(path.join(dir, 'fresh'));
        await append(fresh.db, 4);
        assert.ok(await writeCheckpoint(fresh.db, TEST_AUDIT_KEY, file));
        assert.equal(await writeCheckpoint(fresh.db, TEST_AUDIT_KEY, file), null, 'nothing new: no second line');
        await append(fresh.db, 3);
        await writeCheckpoint(fresh.db, TEST_AUDIT_KEY, file);
        const intact = await verifyAudit(fresh.db, [TEST_AUDIT_KEY], file, { requireCheckpoint: true });
        assert.deepEqual(intact.problems, []);
        assert.equal(intact.checkpoints, 2);
        assert.match(
          (await verifyAudit(fresh.db, [TEST_AUDIT_KEY], path.join(dir, 'none.jsonl'), { requireCheckpoint: true }))
            .problems[0]!,
          /^No checkpoint of this log/,
        );
        const newest = await maxSeq(fresh.db);
        await tamper(
          fresh,
          async (db) => void (await sql`delete from audit_events where seq > ${newest - 2}`.execute(db)),
        );
        const result = await verifyAudit(fresh.db, [TEST_AUDIT_KEY], file);
        assert.equal(result.ok, false);
        assert.match(
          result.problems.join(' '),
          new RegExp(
            `the log reached event ${newest}, but now ends at event ${newest - 2}: the newest events were deleted`,
          ),
        );
        // The log's head still names the newest event: that shows without any checkpoint.
        assert.deepEqual((await verifyAudit(fresh.db, [TEST_AUDIT_KEY], path.join(dir, 'none.jsonl'))).problems, [
          `The log's head names event ${newest}, but the log ends at event ${newest - 2}: the newest events were deleted, or the head was changed.`,
        ]);
        // The whole chain computed again from its first event, without the key: no checkpoint is of it.
        await tamper(fresh, async (db) => {
          let prev = '0'.repeat(64);
          for (const r of await db.selectFrom('audit_events').selectAll().orderBy('seq').execute()) {
            const hash = eventHash(prev, {
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
            });
            await sql`update audit_events set prev_hash = ${prev}, hash = ${hash}, chain = 'sha256' where seq = ${r.seq}`.execute(
              db,
            );
            prev = hash;
          }
        });
        assert.match(
          (await verifyAudit(fresh.db, [TEST_AUDIT_KEY], file)).problems.join(' '),
          /No checkpoint in .* is of this database/,
        );
        // A checkpoint altered to hide it is itself found.
        const lines = readFileSync(file, 'utf8').trim().split('\n');
        const last = JSON.parse(lines.at(-1)!) as { seq: string };
        writeFileSync(
          file,
          `${[...lines.slice(0, -1), JSON.stringify({ ...last, seq: String(newest - 2) })].join('\n')}\n`,
        );
        assert.match(
          (await verifyAudit(fresh.db, [TEST_AUDIT_KEY], file)).problems.join(' '),
          /its signature does not verify/,
        );
      } finally {
        await fresh.close();
      }
    });

    it('verifies events made with an earlier key once it is given, and says which events need it', async () => {
      const file = path.join(dir, 'rotated.jsonl');
      const fresh = await kind.open();
      try {
        await fresh.db
          .insertInto('authorities')
          .values({ id: 'kent', name: 'Kent County Council', short_name: 'Kent' })
          .execute();
        await append(fresh.db, 2);
        const { configureAuditKey } = await import('../../src/repositories/audit.ts');
        const next = auditKey('the-next-key-after-a-rotation-of-the-same-length-00');
        configureAuditKey(next);
        try {
          await append(fresh.db, 2);
        } finally {
          configureAuditKey(TEST_AUDIT_KEY);
        }
        assert.deepEqual((await verifyAudit(fresh.db, [next, TEST_AUDIT_KEY], file)).problems, []);
        assert.match(
          (await verifyAudit(fresh.db, [next], file)).problems[0]!,
          /^Event 1: it was made with a key not given to the verifier/,
        );
        // The retired key writing after the new one: whoever holds an old key cannot add to the log.
        await append(fresh.db, 1);
        assert.deepEqual((await verifyAudit(fresh.db, [next, TEST_AUDIT_KEY], file)).problems, [
          'Event 5: it was made with an older key than an event before it: a retired key was used to write it.',
        ]);
      } finally {
        await fresh.close();
      }
    });
  });
}

describe('npm run audit:verify', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hsb-verify-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = () =>
    spawnSync(process.execPath, [path.join(ROOT, 'src', 'cli', 'verify-audit.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: path.join(dir, 'data'),
        AUDIT_DIR: path.join(dir, 'audit'),
        AUDIT_KEY: TEST_AUDIT_KEY.secret.toString('utf8'),
        LOG_LEVEL: 'silent',
      },
    });

  it('reports an intact log, then the deleted newest events, with exit code 1', async () => {
    let handle = await openDatabase({ dataDir: path.join(dir, 'data') });
    await migrateToLatest(handle.db);
    await handle.db
      .insertInto('authorities')
      .values({ id: 'kent', name: 'Kent County Council', short_name: 'Kent' })
      .execute();
    await append(handle.db, 6);
    await writeCheckpoint(handle.db, TEST_AUDIT_KEY, checkpointFile(path.join(dir, 'audit')));
    await handle.close();
    const intact = run();
    assert.equal(intact.status, 0, intact.stderr);
    assert.match(
      intact.stdout,
      /Audit log intact: 6 events checked with 1 key; 1 checkpoint in .* agree; the newest event is 6\./,
    );

    handle = await openDatabase({ dataDir: path.join(dir, 'data') });
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(handle.db);
    await sql`delete from audit_events where seq > 4`.execute(handle.db);
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(handle.db);
    // A careful tamperer moves the log's head back too: only the checkpoint tells.
    await sql`update audit_head set seq = 4, hash = (select hash from audit_events where seq = 4)`.execute(handle.db);
    await handle.close();
    const broken = run();
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /Audit log BROKEN: 1 problem in 4 events\./);
    assert.match(broken.stderr, /the log reached event 6, but now ends at event 4: the newest events were deleted/);
  });
});
