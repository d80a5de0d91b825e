// Users, their credentials, roles, trainings and team memberships, and the case workers among them.
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { type Role, type Training, isRole, isTraining } from '../domain/roles.ts';
import type { Database, UsersTable } from '../db/types.ts';
import { changedOne } from './shared-columns.ts';

export interface UserSummary {
  id: string;
  authorityId: string;
  email: string;
  displayName: string;
  jobTitle: string;
  agency: string;
  active: boolean;
  roles: Role[];
}

/** The one mapping of a user's row to their summary, with the roles read beside it. */
function toUserSummary(
  row: Pick<
    Selectable<UsersTable>,
    'id' | 'authority_id' | 'email' | 'display_name' | 'job_title' | 'agency' | 'active'
  >,
  roles: Role[],
): UserSummary {
  return {
    id: row.id,
    authorityId: row.authority_id,
    email: row.email,
    displayName: row.display_name,
    jobTitle: row.job_title,
    agency: row.agency,
    active: row.active,
    roles,
  };
}

export interface UserDetail extends UserSummary {
  version: number;
  trainings: { training: Training; completedOn: string }[];
  teams: { teamId: string; teamName: string; isManager: boolean }[];
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  mustChangePassword: boolean;
}

export interface Credentials {
  id: string;
  authorityId: string;
  passwordHash: string;
  active: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  /** When a one-off password from an administrator stops working. */
  oneOffExpiresAt: Date | null;
}

/** Every account with this e-mail address: one per authority at most (a partner may work for two). */
export async function findAccountsByEmail(db: Kysely<Database>, email: string): Promise<Credentials[]> {
  const rows = await db
    .selectFrom('users')
    .select([
      'id',
      'authority_id',
      'password_hash',
      'active',
      'failed_attempts',
      'locked_until',
      'must_change_password',
      'one_off_expires_at',
    ])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .orderBy('authority_id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    authorityId: row.authority_id,
    passwordHash: row.password_hash,
    active: row.active,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    mustChangePassword: row.must_change_password,
    oneOffExpiresAt: row.one_off_expires_at,
  }));
}

/**
 * Reserves one sign-in attempt, atomically: at most `threshold` attempts are checked before the
 * account locks, however many arrive at once. The attempt that reaches the threshold locks the
 * account as it is reserved, so no lock can be left unset; a right password then unlocks it.
 * Null when the account is locked; otherwise the attempts counted, this one included. An expired
 * lock starts the count again.
 */
export async function reserveSignInAttempt(
  db: Kysely<Database>,
  userId: string,
  threshold: number,
  lockoutMs: number,
): Promise<number | null> {
  const expired = sql<boolean>`(locked_until is not null and locked_until <= now())`;
  const count = sql<number>`(case when ${expired} then 1 else failed_attempts + 1 end)`;
  const lockEnds = sql<Date>`now() + make_interval(secs => ${lockoutMs / 1000})`;
  const row = await db
    .updateTable('users')
    .set({
      failed_attempts: count,
      locked_until: sql<Date | null>`case when ${count} >= ${threshold} then ${lockEnds} when ${expired} then null else locked_until end`,
    })
    .where('id', '=', userId)
    .where(sql<boolean>`(locked_until is null or locked_until <= now())`)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row ? row.failed_attempts : null;
}

export async function recordSuccessfulSignIn(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null, last_sign_in_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** The authority whose accounts use this e-mail domain, when exactly one does: where a failed sign-in for an unknown address is audited. */
export async function authorityForEmailDomain(db: Kysely<Database>, email: string): Promise<string | null> {
  const at = email.lastIndexOf('@');
  const domain =
    at === -1
      ? ''
      : email
          .slice(at + 1)
          .trim()
          .toLowerCase();
  if (!domain || domain.length > 253) return null;
  const rows = await db
    .selectFrom('users')
    .select('authority_id')
    .distinct()
    .where(sql<string>`lower(split_part(email, '@', 2))`, '=', domain)
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]!.authority_id : null;
}

async function rolesFor(db: Kysely<Database>, userIds: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).execute();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const list = map.get(row.user_id) ?? [];
    list.push(row.role);
    map.set(row.user_id, list);
  }
  return map;
}

/** One account with its roles, trainings and teams, in one statement (it is loaded on every page). */
export async function findUserById(db: Kysely<Database>, id: string): Promise<UserDetail | undefined> {
  const row = await db
    .selectFrom('users as u')
    .selectAll('u')
    .select([
      sql<string[]>`array(select r.role from user_roles r where r.user_id = u.id)`.as('roles'),
      sql<{ training: string; completed_on: string }[]>`coalesce((
        select json_agg(json_build_object('training', t.training, 'completed_on', t.completed_on) order by t.training)
          from user_trainings t where t.user_id = u.id), '[]'::json)`.as('trainings'),
      sql<{ id: string; name: string; is_manager: boolean }[]>`coalesce((
        select json_agg(json_build_object('id', t.id, 'name', t.name, 'is_manager', m.is_manager) order by t.name)
          from team_members m join teams t on t.id = m.team_id where m.user_id = u.id), '[]'::json)`.as('teams'),
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toUserSummary(row, row.roles.filter(isRole)),
    version: row.version,
    trainings: row.trainings
      .filter((entry) => isTraining(entry.training))
      .map((entry) => ({ training: entry.training as Training, completedOn: entry.completed_on })),
    teams: row.teams.map((team) => ({ teamId: team.id, teamName: team.name, isManager: team.is_manager })),
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
    mustChangePassword: row.must_change_password,
  };
}

export async function listUsers(db: Kysely<Database>, authorityId: string): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'authority_id', 'email', 'display_name', 'job_title', 'agency', 'active'])
    .where('authority_id', '=', authorityId)
    .orderBy('display_name')
    .execute();
  const roles = await rolesFor(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toUserSummary(row, roles.get(row.id) ?? []));
}

/** Whether the address has an account in this authority (never says anything of other authorities). */
export async function emailExists(
  db: Kysely<Database>,
  authorityId: string,
  email: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('users')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** A user as an administrator saves them: their summary less the id, with their trainings and teams. */
export interface UserWrite extends Omit<UserSummary, 'id'> {
  trainings: { training: Training; completedOn: string }[];
  teams: { teamId: string; isManager: boolean }[];
}

export async function insertUser(
  db: Kysely<Database>,
  user: UserWrite,
  passwordHash: string,
  mustChangePassword = true,
): Promise<string> {
  const { id } = await db
    .insertInto('users')
    .values({
      authority_id: user.authorityId,
      email: user.email.trim(),
      display_name: user.displayName,
      job_title: user.jobTitle,
      agency: user.agency,
      active: user.active,
      password_hash: passwordHash,
      must_change_password: mustChangePassword,
      one_off_expires_at: mustChangePassword ? new Date(Date.now() + ONE_OFF_PASSWORD_MS) : null,
      locked_until: null,
      last_sign_in_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceUserLinks(db, id, user);
  return id;
}

/** Updates a user if the version still matches; returns false when someone saved first. `keepRoles` leaves the roles as they are. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  version: number,
  user: UserWrite,
  keepRoles = false,
): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set((eb) => ({
      email: user.email.trim(),
      display_name: user.displayName,
      job_title: user.jobTitle,
      agency: user.agency,
      active: user.active,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!changedOne(res)) return false;
  await replaceUserLinks(db, id, user, keepRoles);
  return true;
}

export async function unlockUser(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
}

/** How long a one-off password from an administrator works before the person must ask again. */
export const ONE_OFF_PASSWORD_MS = 72 * 60 * 60_000;

/** Sets the password; `mustChange` when it is a one-off an administrator passes on, which then lasts a few days. */
export async function setPasswordHash(
  db: Kysely<Database>,
  id: string,
  hash: string,
  mustChange: boolean,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: hash,
      must_change_password: mustChange,
      one_off_expires_at: mustChange ? new Date(Date.now() + ONE_OFF_PASSWORD_MS) : null,
    })
    .where('id', '=', id)
    .execute();
}

export async function passwordHashOf(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst())?.password_hash;
}

/** Replaces only a user's roles (an approved role change). */
export async function setRoles(db: Kysely<Database>, id: string, roles: readonly Role[]): Promise<void> {
  await replaceLinks(
    db,
    'user_roles',
    id,
    roles.map((role) => ({ user_id: id, role })),
  );
  await db
    .updateTable('users')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Replaces the rows of one of the tables that link a user to roles, trainings or teams. */
async function replaceLinks<Table extends 'user_roles' | 'user_trainings' | 'team_members'>(
  db: Kysely<Database>,
  table: Table,
  userId: string,
  rows: Insertable<Database[Table]>[],
): Promise<void> {
  // Each of these tables keys its rows by user_id (Kysely cannot type a filter on a table chosen by a parameter).
  await sql`delete from ${sql.table(table)} where ${sql.ref('user_id')} = ${userId}`.execute(db);
  if (rows.length) await db.insertInto(table).values(rows).execute();
}

async function replaceUserLinks(db: Kysely<Database>, id: string, user: UserWrite, keepRoles = false): Promise<void> {
  if (!keepRoles)
    await replaceLinks(
      db,
      'user_roles',
      id,
      user.roles.map((role) => ({ user_id: id, role })),
    );
  await replaceLinks(
    db,
    'user_trainings',
    id,
    user.trainings.map((entry) => ({ user_id: id, training: entry.training, completed_on: entry.completedOn })),
  );
  await replaceLinks(
    db,
    'team_members',
    id,
    user.teams.map((membership) => ({ user_id: id, team_id: membership.teamId, is_manager: membership.isManager })),
  );
}

const CASE_WORKER_ROLES = ['social_worker', 'front_door', 'youth_justice', 'team_manager', 'aim_practitioner', 'dsl'];

/** Active accounts holding one of these roles, with their roles and trainings. */
function caseWorkers(db: Kysely<Database>, roles: readonly string[]) {
  return db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.authority_id',
      'u.display_name',
      'u.job_title',
      'u.agency',
      sql<Role[]>`array(select r.role from user_roles r where r.user_id = u.id order by r.role)`.as('roles'),
      sql<Training[]>`array(select t.training from user_trainings t where t.user_id = u.id order by t.training)`.as(
        'trainings',
      ),
    ])
    .where('u.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', 'in', [...roles]),
      ),
    );
}

export interface CaseWorker {
  id: string;
  name: string;
  roles: Role[];
  trainings: Training[];
  jobTitle: string;
  agency: string;
}

/** The one mapping of a case worker's row (from `caseWorkers`) to what the services see. */
function toCaseWorker(row: {
  id: string;
  display_name: string;
  roles: Role[];
  trainings: Training[];
  job_title: string;
  agency: string;
}): CaseWorker {
  return {
    id: row.id,
    name: row.display_name,
    roles: row.roles,
    trainings: row.trainings,
    jobTitle: row.job_title,
    agency: row.agency,
  };
}

export async function listCaseWorkers(
  db: Kysely<Database>,
  authorityId: string,
  roles: readonly string[] = CASE_WORKER_ROLES,
): Promise<CaseWorker[]> {
  const rows = await caseWorkers(db, roles)
    .where('u.authority_id', '=', authorityId)
    .orderBy('u.display_name')
    .execute();
  return rows.map(toCaseWorker);
}

/** One active account holding one of these roles, in whichever authority (a meeting's chair). */
export async function findCaseWorker(
  db: Kysely<Database>,
  id: string,
  roles: readonly string[] = CASE_WORKER_ROLES,
): Promise<(CaseWorker & { authorityId: string }) | undefined> {
  const row = await caseWorkers(db, roles).where('u.id', '=', id).executeTakeFirst();
  return row ? { ...toCaseWorker(row), authorityId: row.authority_id } : undefined;
}
