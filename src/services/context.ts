// What every service call knows about who is asking, and the errors services raise.
import type { Role } from '../domain/roles.ts';
import { type Actor, type Db } from './actor.ts';
import { auditRefusal } from './audited-change.ts';

export type { Actor, CurrentUser, Db } from './actor.ts';
export { transaction } from './actor.ts';
export { auditRefusal };

/** The record does not exist, or the user may not know it exists: both answer 404. */
export class NotFoundError extends Error {
  constructor(message = 'Not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The user is known not to hold the role a page needs. */
export class ForbiddenError extends Error {
  constructor(message = 'Forbidden') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A save based on an old version: someone else saved first. */
export class ConflictError extends Error {
  constructor(
    public readonly changedBy: string | null,
    public readonly changedAt: Date | null,
    public readonly differences: { label: string; saved: string; yours: string }[],
  ) {
    super('Stale save refused');
    this.name = 'ConflictError';
  }
}

/** Input the domain refuses; messages are keyed by field, in GOV.UK wording. */
export class ValidationError extends Error {
  constructor(public readonly errors: { field: string; message: string }[]) {
    super('Invalid input');
    this.name = 'ValidationError';
  }
}

export async function requireRole(db: Db, actor: Actor, roles: readonly Role[], action: string): Promise<void> {
  if (actor.user.roles.some((role) => roles.includes(role))) return;
  await auditRefusal(db, actor, action, 'page', action, 'missing_role');
  throw new ForbiddenError();
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
