// Prepared statements for Kysely on node-postgres (ADR 0017). node-postgres parses a query once
// per connection and keeps it on the server when the query has a `name`; every later run of the
// same name sends only Bind and Execute, and PostgreSQL may reuse the plan. Kysely gives the
// driver SQL text and parameters, never a name, so this wraps the pool: each client hands its
// queries on with a name made from a hash of the SQL text. The same text always gets the same
// name and different texts different names, so node-postgres's "a name used for a different
// statement" error cannot happen (queries with more or fewer parameters differ in their text).
//
// Which statements are named: those with parameters, which node-postgres sends with the extended
// protocol anyway, and single data statements (select, insert, update, delete, with) without.
// Everything else keeps the simple protocol as before: begin and commit, and the migrations' DDL,
// whose raw strings may hold several statements, which a prepared statement cannot.
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** A connection keeps at most this many statements; beyond it, queries run unnamed as before. */
export const STATEMENTS_PER_CONNECTION = 1000;
const NAMES_CACHED = 5000;

const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

export function shouldName(text: string, parameterCount: number): boolean {
  if (parameterCount > 0) return true;
  return DATA_STATEMENT.test(text) && !text.includes(';');
}

const names = new Map<string, string>();

/** 's' and 32 hex digits of the SQL text's SHA-256: under PostgreSQL's 63-byte identifier limit. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `s${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    if (names.size >= NAMES_CACHED) names.clear();
    names.set(text, name);
  }
  return name;
}

type Query = (textOrCursor: unknown, values?: unknown) => unknown;

function namingClient(client: pg.PoolClient): PostgresPoolClient {
  const named = new Set<string>();
  const query: Query = (textOrCursor, values) => {
    const parameters = Array.isArray(values) ? values : [];
    if (typeof textOrCursor === 'string' && shouldName(textOrCursor, parameters.length)) {
      const name = statementName(textOrCursor);
      if (named.has(name) || named.size < STATEMENTS_PER_CONNECTION) {
        named.add(name);
        return client.query({ name, text: textOrCursor, values: parameters });
      }
    }
    return (client.query as Query)(textOrCursor, values);
  };
  return { query, release: () => client.release() } as PostgresPoolClient;
}

/**
 * The pool Kysely's PostgresDialect is given: the same connections, each wrapped once (the
 * wrapper lives as long as its connection, so Kysely's own per-connection state is kept too).
 */
export function namedStatementPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (!wrapper) {
        wrapper = namingClient(client);
        wrapped.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
