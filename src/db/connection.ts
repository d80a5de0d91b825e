// One code path for both databases: Kysely on a node-postgres Pool, pointed either at
// PostgreSQL (DATABASE_URL) or at embedded PGlite through its node-postgres adapter (ADR 0001).
// Statements are prepared once per connection, named by their SQL text (ADR 0017).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import { namedStatementPool } from './named-statements.ts';
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
}

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
  if (!dataDir.startsWith('memory://')) mkdirSync(path.resolve(dataDir), { recursive: true });
  const lite = await PGlite.create({
    dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir),
    extensions: { pg_trgm },
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

function logOption(options: OpenOptions) {
  return options.log ? { log: options.log } : {};
}

/**
 * `schema`: where Kysely keeps its migration tables, when the database is shared with other
 * schemas (the PostgreSQL tests, one schema per test file). Kysely looks for its tables in every
 * schema, so without it two test files migrating at once can each see the other's lock table.
 */
export async function migrateToLatest(db: Kysely<Database>, options: { schema?: string } = {}): Promise<string[]> {
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
