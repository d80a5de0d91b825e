// A new PGlite data folder starts as a copy of an empty database made once (ADR 0020): the copy is
// made for one PGlite version, one set of settings and one set of migrations (applied to it), and
// never reused for others; a half-made one is never used, a folder that already holds something is
// left alone, and a database that started as a copy keeps what was written to it across a restart.
// The migrations' check on every start reads what is applied and still lets the migrator refuse a
// database it does not know.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { appliedMigrations, migrateToLatest, openDatabase, PGLITE_SETTINGS } from '../../src/db/connection.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { copyTemplateInto, ensureTemplate, templateKey } from '../../src/db/pglite-template.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hsb-template-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for PGlite's initdb: a folder with a PG_VERSION and a file, counting how often it ran. */
function fakeCreate(calls: string[], fail = false) {
  return (target: string): Promise<void> => {
    calls.push(target);
    mkdirSync(path.join(target, 'base'), { recursive: true });
    writeFileSync(path.join(target, 'base', '1'), 'catalogue');
    if (fail) return Promise.reject(new Error('initdb failed'));
    writeFileSync(path.join(target, 'PG_VERSION'), '18\n');
    return Promise.resolve();
  };
}

describe('the empty database new data folders are copied from', () => {
  it('is named by the settings it was made with and what was done to it (the migrations)', () => {
    assert.equal(templateKey(['-c', 'shared_buffers=16MB']), templateKey(['-c', 'shared_buffers=16MB']));
    assert.notEqual(templateKey(['-c', 'shared_buffers=16MB']), templateKey(['-c', 'shared_buffers=32MB']));
    assert.notEqual(templateKey(['a'], 'migrations 1'), templateKey(['a'], 'migrations 2'));
  });

  it('is made again when the migrations change', async () => {
    const root = path.join(dir, 'migrated');
    const calls: string[] = [];
    const first = await ensureTemplate({ settings: ['a'], fingerprint: 'one', create: fakeCreate(calls), root });
    const next = await ensureTemplate({ settings: ['a'], fingerprint: 'two', create: fakeCreate(calls), root });
    assert.notEqual(next, first);
    assert.equal(calls.length, 2);
    assert.deepEqual(readdirSync(root), [path.basename(next)]);
  });

  it('is made once, and another setting makes a new one in place of the old', async () => {
    const root = path.join(dir, 'once');
    const calls: string[] = [];
    const first = await ensureTemplate({ settings: ['a'], create: fakeCreate(calls), root });
    const again = await ensureTemplate({ settings: ['a'], create: fakeCreate(calls), root });
    assert.equal(again, first);
    assert.equal(calls.length, 1);
    assert.equal(readFileSync(path.join(first, 'PG_VERSION'), 'utf8'), '18\n');
    const other = await ensureTemplate({ settings: ['b'], create: fakeCreate(calls), root });
    assert.notEqual(other, first);
    assert.equal(calls.length, 2);
    assert.deepEqual(readdirSync(root), [path.basename(other)]);
  });

  it('is not kept when making it failed part way, and is made on the next attempt', async () => {
    const root = path.join(dir, 'failed');
    const calls: string[] = [];
    await assert.rejects(ensureTemplate({ settings: ['a'], create: fakeCreate(calls, true), root }), /initdb failed/);
    assert.deepEqual(readdirSync(root), []);
    const made = await ensureTemplate({ settings: ['a'], create: fakeCreate(calls), root });
    assert.ok(existsSync(path.join(made, 'PG_VERSION')));
  });

  it('is copied into an empty or missing folder, never into one that holds something', async () => {
    const root = path.join(dir, 'copies');
    const calls: string[] = [];
    const options = { settings: ['a'], create: fakeCreate(calls), root };
    const missing = path.join(dir, 'new-data');
    assert.equal(await copyTemplateInto(missing, options), true);
    assert.equal(readFileSync(path.join(missing, 'PG_VERSION'), 'utf8'), '18\n');
    assert.equal(readFileSync(path.join(missing, 'base', '1'), 'utf8'), 'catalogue');
    const empty = path.join(dir, 'empty-data');
    mkdirSync(empty);
    assert.equal(await copyTemplateInto(empty, options), true);
    assert.ok(existsSync(path.join(empty, 'PG_VERSION')));
    const used = path.join(dir, 'used-data');
    mkdirSync(used);
    writeFileSync(path.join(used, 'notes.txt'), 'mine');
    assert.equal(await copyTemplateInto(used, options), false);
    assert.deepEqual(readdirSync(used), ['notes.txt']);
    assert.equal(calls.length, 1);
  });
});

describe('a PGlite data folder started from the copy', () => {
  it('migrates, and keeps what was written across a restart with the same settings', async () => {
    const dataDir = path.join(dir, 'pglite-data');
    const first = await openDatabase({ dataDir });
    try {
      // The copy was migrated when it was made: nothing is left to apply.
      assert.deepEqual([...(await appliedMigrations(first.db))!].sort(), Object.keys(migrations));
      assert.deepEqual(await migrateToLatest(first.db), []);
      await sql`insert into authorities (id, name, short_name) values ('kent', 'Kent County Council', 'Kent')`.execute(
        first.db,
      );
      const shown = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(first.db);
      assert.equal(`-c shared_buffers=${shown.rows[0]!.shared_buffers}`, PGLITE_SETTINGS.join(' '));
    } finally {
      await first.close();
    }
    const restarted = await openDatabase({ dataDir });
    try {
      assert.deepEqual(await migrateToLatest(restarted.db), []);
      const rows = await restarted.db.selectFrom('authorities').select('id').execute();
      assert.deepEqual(rows, [{ id: 'kent' }]);
      assert.deepEqual([...(await appliedMigrations(restarted.db))!].sort(), Object.keys(migrations));
      // A migration this code does not know: the migrator is asked, and refuses, as before.
      await sql`insert into kysely_migration (name, timestamp) values ('9999_from_a_newer_release', now()::text)`.execute(
        restarted.db,
      );
      await assert.rejects(migrateToLatest(restarted.db), /corrupted migrations/);
    } finally {
      await restarted.close();
    }
  });
});
