// What every service call knows about who is asking, and the errors services raise.
import type { Kysely, Transaction } from 'kysely';
import type { Viewer } from '../domain/access.ts';
import type { Role, Training } from '../domain/roles.ts';
import type { Database } from '../db/types.ts';
import { auditRefusal } from './audited-change.ts';

export { auditRefusal };

export interface CurrentUser extends Viewer {
  displayName: string;
  jobTitle: string;
  agency: string;
  email: string;
  trainings: Training[];
  teams: { teamId: string; teamName: string; isManager: boolean }[];
  /** A one-off password from an administrator: a new one must be chosen before anything else. */
  mustChangePassword?: boolean;
}

export interface Actor {
  user: CurrentUser;
  ip: string;
  requestId: string;
}

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

export type Db = Kysely<Database>;

export function transaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

export async function requireRole(db: Db, actor: Actor, roles: readonly Role[], action: string): Promise<void> {
  if (actor.user.roles.some((role) => roles.includes(role))) return;
  await auditRefusal(db, actor, action, 'page', action, 'missing_role');
  throw new ForbiddenError();
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
