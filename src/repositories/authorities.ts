// The authorities that use the service.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export async function listAuthorities(db: Kysely<Database>) {
  return db.selectFrom('authorities').selectAll().orderBy('name').execute();
}
