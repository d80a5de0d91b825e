// What every service call knows about who is asking: the role check and the id check. Who is
// asking lives in actor.ts and the errors in errors.ts; both are re-exported here so that callers
// importing them from this module keep working.
import type { Role } from '../domain/roles.ts';
import type { Actor, Db } from './actor.ts';
import { auditRefusal } from './audited-change.ts';
import { ForbiddenError } from './errors.ts';

export type { Actor, CurrentUser, Db } from './actor.ts';
export { transaction } from './actor.ts';
export { auditRefusal };
export { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

export async function requireRole(db: Db, actor: Actor, roles: readonly Role[], action: string): Promise<void> {
  if (actor.user.roles.some((role) => roles.includes(role))) return;
  await auditRefusal(db, actor, action, 'page', action, 'missing_role');
  throw new ForbiddenError();
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
