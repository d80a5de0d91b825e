// Role changes that wait for a second administrator (or the service's operator) to approve or reject them.
import type { Kysely } from 'kysely';
import { type Role, isRole } from '../domain/roles.ts';
import type { Database } from '../db/types.ts';
import { changedOne } from './shared-columns.ts';

export interface RoleChangeRequest {
  id: string;
  userId: string;
  rolesBefore: Role[];
  rolesAfter: Role[];
  proposedBy: string;
  proposedByName: string;
  proposedAt: Date;
}

export async function insertRoleChangeRequest(
  db: Kysely<Database>,
  request: {
    authorityId: string;
    userId: string;
    rolesBefore: readonly Role[];
    rolesAfter: readonly Role[];
    proposedBy: string;
  },
): Promise<string> {
  // A newer proposal replaces one still waiting.
  await db
    .updateTable('role_change_requests')
    .set({ status: 'rejected', decided_by: request.proposedBy, decided_at: new Date() })
    .where('user_id', '=', request.userId)
    .where('status', '=', 'pending')
    .execute();
  const row = await db
    .insertInto('role_change_requests')
    .values({
      authority_id: request.authorityId,
      user_id: request.userId,
      roles_before: [...request.rolesBefore],
      roles_after: [...request.rolesAfter],
      proposed_by: request.proposedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function pendingRoleChanges(
  db: Kysely<Database>,
  authorityId: string,
  userId?: string,
): Promise<RoleChangeRequest[]> {
  let query = db
    .selectFrom('role_change_requests as r')
    .innerJoin('users as p', 'p.id', 'r.proposed_by')
    .select([
      'r.id',
      'r.user_id',
      'r.roles_before',
      'r.roles_after',
      'r.proposed_by',
      'p.display_name',
      'r.proposed_at',
    ])
    .where('r.authority_id', '=', authorityId)
    .where('r.status', '=', 'pending');
  if (userId) query = query.where('r.user_id', '=', userId);
  const rows = await query.orderBy('r.proposed_at').execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    rolesBefore: row.roles_before.filter(isRole),
    rolesAfter: row.roles_after.filter(isRole),
    proposedBy: row.proposed_by,
    proposedByName: row.display_name,
    proposedAt: row.proposed_at,
  }));
}

/** Decides a pending request; false when it was no longer pending (someone decided first). */
/** `by` is null when the service's operator decided (npm run operator). */
export async function decideRoleChange(
  db: Kysely<Database>,
  id: string,
  status: 'approved' | 'rejected',
  by: string | null,
): Promise<boolean> {
  const res = await db
    .updateTable('role_change_requests')
    .set({ status, decided_by: by, decided_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return changedOne(res);
}
