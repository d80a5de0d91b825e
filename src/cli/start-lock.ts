// Several application processes may start at once on one PostgreSQL database (a council's platform
// runs them behind a load balancer): the migrations and the first start's demo data are done by one
// of them while the others wait, then find the work done. PGlite is one process's own database.
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection.ts';

/** The session-level advisory lock's key: "HSB start" (any number no other lock in the schema uses). */
export const START_LOCK_KEY = 0x48534253;

/** Runs `fn` while holding the start lock on PostgreSQL (waiting for another process to finish first). */
export async function whileStartLocked<T>(handle: DatabaseHandle, fn: () => Promise<T>): Promise<T> {
  if (handle.kind !== 'postgres') return fn();
  // The lock belongs to one connection, held for the whole start; the work itself uses the pool.
  return handle.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${START_LOCK_KEY})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${START_LOCK_KEY})`.execute(conn);
    }
  });
}
