// Test databases: PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set, each
// test file in a schema of its own that is dropped afterwards.
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { seedDemo } from '../../src/cli/demo-data.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/db/connection.ts';

export interface TestDatabase extends DatabaseHandle {
  label: string;
}

export async function pgliteDatabase(): Promise<TestDatabase> {
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  return { ...handle, label: 'PGlite' };
}

export async function postgresDatabase(url: string): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // pg_trgm lives in public, shared by every test schema.
    await admin.query('create extension if not exists pg_trgm schema public');
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ databaseUrl: url, searchPath: `${schema},public`, poolSize: 5 });
  await migrateToLatest(handle.db, { schema });
  return {
    ...handle,
    label: 'PostgreSQL',
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop schema ${schema} cascade`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The databases every repository test runs against. */
export function databaseKinds(): { label: string; open: () => Promise<TestDatabase> }[] {
  const kinds = [{ label: 'PGlite', open: pgliteDatabase }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) kinds.push({ label: 'PostgreSQL', open: () => postgresDatabase(url) });
  return kinds;
}

/**
 * A describe block run once on each database, with the demo data seeded before its tests and the
 * database closed after them. `database()` gives the one in use.
 */
export function describeOnEachDatabase(title: string, body: (database: () => TestDatabase) => void): void {
  for (const kind of databaseKinds()) {
    describe(`${title} on ${kind.label}`, () => {
      let t: TestDatabase | undefined;
      before(async () => {
        t = await kind.open();
        await seedDemo(t.db);
      });
      after(async () => {
        await t?.close();
      });
      body(() => t!);
    });
  }
}
