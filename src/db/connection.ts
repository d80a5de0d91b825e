// One code path for both databases: Kysely on a node-postgres Pool, pointed either at
// PostgreSQL (DATABASE_URL) or at embedded PGlite through its node-postgres adapter (ADR 0001).
// Statements are prepared once per connection, named by their SQL text (ADR 0017).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_MIGRATION_TABLE as MIGRATION_TABLE,
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  type LogEvent,
} from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import { namedStatementPool } from './named-statements.ts';
import { type TemplateOptions, copyTemplateInto, ensureTemplate } from './pglite-template.ts';
import type { Database } from './types.ts';

// DATE columns stay 'YYYY-MM-DD' strings: no time zone can shift a date of birth.
pg.types.setTypeParser(1082, (date: string) => date);
// bigint (audit sequence) as string, counts parsed where needed.

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL only: schemas to search, for example a test's own schema then public. */
  searchPath?: string;
  /** Called after every statement with its duration (the bench counts statements per request). */
  log?: (event: LogEvent) => void;
  /** PGlite: an empty folder starts as a copy of the migrated empty database (true unless making that copy). */
  fromTemplate?: boolean;
}

/** PostgreSQL settings for embedded PGlite, given to initdb and to each start. */
export const PGLITE_SETTINGS: readonly string[] = ['-c', 'shared_buffers=16MB'];

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // Many short queries at once, not a few long ones: parallel workers for one request compete
    // with the other requests for the same cores. With the visibility rule's subqueries the planner
    // chose parallel plans for My tasks (18 ms alone, 48 req/s under load); serial plans take 5 ms
    // (see the README's bench notes). A database setting cannot override a connection option.
    const settings = [
      '-c max_parallel_workers_per_gather=0',
      ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : []),
    ];
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: settings.join(' '),
    });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: namedStatementPool(pool) }),
      ...logOption(options),
    });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const dataDir = options.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(path.resolve(dataDir), { recursive: true });
  if (!inMemory && options.fromTemplate !== false) {
    // An empty folder gets a copy of an empty database made once, instead of PGlite's initdb.
    await copyTemplateInto(path.resolve(dataDir), pgliteTemplateOptions()).catch(() => {
      // No template (build/ not writable, say): PGlite makes the database itself, as it always could.
    });
  }
  const lite = await PGlite.create({
    dataDir: inMemory ? dataDir : path.resolve(dataDir),
    extensions: { pg_trgm },
    ...pgliteSettings(PGlite),
  });
  // createPgConfig returns a config object node-postgres understands (pool size 1: PGlite is
  // a single connection, so transactions are serialised).
  const pool = new pg.Pool(createPgConfig(lite));
  // PGlite's adapter passes node-postgres's protocol messages to PostgreSQL itself, so named
  // statements work there as on a server (ADR 0017).
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: namedStatementPool(pool) }),
    ...logOption(options),
  });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}

type PGliteClass = typeof import('@electric-sql/pglite').PGlite;

function pgliteSettings(PGlite: PGliteClass) {
  return {
    // PostgreSQL zeroes its shared buffers each time it starts, and PGlite's initdb starts it
    // several times: at PostgreSQL's default 128 MB that took about 0.5 s of every start (ADR 0020).
    // PGlite holds one process's development or demo data; reads past the buffers come from the
    // operating system's cache. initdb writes the setting into a new database's postgresql.conf;
    // the start parameter applies it to a database made before.
    initDbStartParams: [...PGLITE_SETTINGS],
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
  };
}

function pgliteTemplateOptions(): TemplateOptions {
  return {
    settings: PGLITE_SETTINGS,
    // The migrations too: every new database runs the same ones on the same empty cluster, and
    // they took about 1.5 s of a first start. The key names the migrations' files, so a release
    // that adds or changes one makes a new copy.
    // Read only when a template is looked for (a new data folder), not on every start.
    get fingerprint() {
      return migrationsFingerprint();
    },
    create: async (dir) => {
      const empty = await openDatabase({ dataDir: dir, fromTemplate: false });
      try {
        await migrateToLatest(empty.db);
      } finally {
        await empty.close();
      }
    },
  };
}

/** The contents of every file the migrations are made of, hashed: what a migrated empty database depends on. */
function migrationsFingerprint(): string {
  const dir = path.join(import.meta.dirname, 'migrations');
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort())
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(path.join(dir, name)));
  return hash.digest('hex');
}

/** The empty PGlite database new data folders are copied from, made if not yet (`npm install` makes it). */
export async function ensurePgliteTemplate(): Promise<string> {
  return ensureTemplate(pgliteTemplateOptions());
}

function logOption(options: OpenOptions) {
  return options.log ? { log: options.log } : {};
}

/**
 * `schema`: where Kysely keeps its migration tables, when the database is shared with other
 * schemas (the PostgreSQL tests, one schema per test file). Kysely looks for its tables in every
 * schema, so without it two test files migrating at once can each see the other's lock table.
 */
export async function migrateToLatest(db: Kysely<Database>, options: { schema?: string } = {}): Promise<string[]> {
  // Every start comes here. When the database already has every migration, two reads say so: the
  // migrator would first look through the catalogue for its tables and take its lock (ADR 0020).
  const applied = await appliedMigrations(db, options.schema);
  const known = Object.keys(await migrationProvider.getMigrations());
  if (applied && applied.size === known.length && known.every((name) => applied.has(name))) return [];
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    if (error instanceof Error) throw error;
    throw new Error(typeof error === 'string' ? error : 'A migration failed', { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** The names of the migrations applied to the database, or null before its first migration. */
export async function appliedMigrations(db: Kysely<Database>, schema?: string): Promise<Set<string> | null> {
  const table = schema ? sql`${sql.id(schema)}.${sql.id(MIGRATION_TABLE)}` : sql.id(MIGRATION_TABLE);
  // In the schema given, else along the search path, where the migrator reads and writes it unqualified.
  const where = schema
    ? sql`format('%I.%I', ${schema}::text, ${MIGRATION_TABLE}::text)`
    : sql`${MIGRATION_TABLE}::text`;
  const found = await sql<{ present: boolean }>`select to_regclass(${where}) is not null as present`.execute(db);
  if (!found.rows[0]?.present) return null;
  const rows = await sql<{ name: string }>`select name from ${table}`.execute(db);
  return new Set(rows.rows.map((row) => row.name));
}
