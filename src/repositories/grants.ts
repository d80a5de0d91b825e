// Explicit, time-limited access grants to a child's record (R-X-7).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { changedOne, type JsonRow, type RowOf, timestamp } from './shared-columns.ts';

export async function insertGrant(
  db: Kysely<Database>,
  grant: { userId: string; childId: string; reason: string; grantedBy: string; expiresAt: Date },
): Promise<string> {
  const { id } = await db
    .insertInto('access_grants')
    .values({
      user_id: grant.userId,
      child_id: grant.childId,
      reason: grant.reason,
      granted_by: grant.grantedBy,
      expires_at: grant.expiresAt,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function revokeGrant(db: Kysely<Database>, id: string, childId: string): Promise<boolean> {
  const res = await db
    .updateTable('access_grants')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('child_id', '=', childId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return changedOne(res);
}

/** A child's active grants, soonest to end first: the query, for `grantsForChild` and the child's record in one statement. */
export function grantsForChildQuery(db: Kysely<Database>, childId: string) {
  return db
    .selectFrom('access_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('users as by', 'by.id', 'g.granted_by')
    .select([
      'g.id',
      'u.display_name as user_name',
      'by.display_name as granted_by_name',
      'g.reason',
      'g.granted_at',
      'g.expires_at',
    ])
    .where('g.child_id', '=', childId)
    .where('g.revoked_at', 'is', null)
    .where('g.expires_at', '>', new Date())
    .orderBy('g.expires_at');
}

type GrantRow = RowOf<typeof grantsForChildQuery>;

/** One grant, read directly or through JSON. */
export function toGrant(row: GrantRow | JsonRow<GrantRow>) {
  return {
    id: row.id,
    userName: row.user_name,
    grantedByName: row.granted_by_name,
    reason: row.reason,
    grantedAt: timestamp(row.granted_at),
    expiresAt: timestamp(row.expires_at),
  };
}

export async function grantsForChild(db: Kysely<Database>, childId: string) {
  const rows = await grantsForChildQuery(db, childId).execute();
  return rows.map(toGrant);
}
