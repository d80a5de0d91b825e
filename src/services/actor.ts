// Who is asking (the signed-in user, where from, which request) and the database handle every
// service takes. Its own module so that services/audited-change.ts and services/context.ts do not
// import each other (issue 12, item 6).
import type { Kysely, Transaction } from 'kysely';
import type { Viewer } from '../domain/access.ts';
import type { Training } from '../domain/roles.ts';
import type { Database } from '../db/types.ts';

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

export type Db = Kysely<Database>;

export function transaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
