// Test databases: PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set, each
// test file in a schema of its own that is dropped afterwards. On PostgreSQL the schema belongs
// to an owner role that runs the migrations, and the application connects as its own role, which
// owns nothing and may only read and add to the audit log: as in production (README).
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { seedDemo } from '../../src/cli/demo-data.ts';
import { auditKey } from '../../src/domain/audit-chain.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import { grantApplicationRole } from '../../src/db/roles.ts';
import { configureAuditKey } from '../../src/repositories/audit.ts';

/** The key every test process chains its audit events with (a test's own, never a real one). */
export const TEST_AUDIT_KEY = auditKey('test-audit-key-not-for-any-real-deployment-0001');
configureAuditKey(TEST_AUDIT_KEY);

export const OWNER_ROLE = process.env.TEST_DB_OWNER_ROLE ?? 'hsb_owner';
export const APP_ROLE = process.env.TEST_DB_APP_ROLE ?? 'hsb_app';

export interface TestDatabase extends DatabaseHandle {
  label: string;
  /** A connection with database superuser rights, as someone tampering with the log would have. */
  superuser(): Promise<DatabaseHandle>;
}

export async function pgliteDatabase(): Promise<TestDatabase> {
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  // PGlite runs as its superuser: the same connection.
  return { ...handle, label: 'PGlite', superuser: () => Promise.resolve({ ...handle, close: async () => {} }) };
}

function as(url: string, role: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = '';
  return u.toString();
}

/** The two roles, made if missing (.ci/run makes them first; two test files may race to). */
export async function ensureRoles(admin: pg.Client): Promise<void> {
  for (const role of [OWNER_ROLE, APP_ROLE]) {
    try {
      await admin.query(
        `do $$ begin if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${role} login; end if; end $$`,
      );
    } catch (err) {
      if ((err as { code?: string }).code !== '23505' && (err as { code?: string }).code !== '42710') throw err;
    }
  }
}

export async function postgresDatabase(url: string): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await ensureRoles(admin);
    // pg_trgm lives in public, shared by every test schema.
    await admin.query('create extension if not exists pg_trgm schema public');
    await admin.query(`create schema ${schema} authorization ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  const searchPath = `${schema},public`;
  const owner = await openDatabase({ databaseUrl: as(url, OWNER_ROLE), searchPath, poolSize: 2 });
  try {
    await migrateToLatest(owner.db, { schema });
    await grantApplicationRole(owner.db as never, APP_ROLE);
  } finally {
    await owner.close();
  }
  const handle = await openDatabase({ databaseUrl: as(url, APP_ROLE), searchPath, poolSize: 5 });
  return {
    ...handle,
    label: 'PostgreSQL',
    superuser: () => openDatabase({ databaseUrl: url, searchPath, poolSize: 1 }),
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
