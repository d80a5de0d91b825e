// An authority administrator manages users, teams, roles and trainings (R-X-5), never case
// content. Every change is audited.
import { randomBytes } from 'node:crypto';
import type { Role, Training } from '../domain/roles.ts';
import { appendAuditEvent } from '../repositories/audit.ts';
import { deleteSessionsForUser } from '../repositories/sessions.ts';
import * as users from '../repositories/users.ts';
import { hashPassword } from './auth-service.ts';
import { type Actor, ConflictError, type Db, NotFoundError, ValidationError, auditFor, isUuid, requireRole, transaction } from './context.ts';

async function requireAdmin(db: Db, actor: Actor, action: string) {
  await requireRole(db, actor, ['administrator'], action);
}

export async function listUsers(db: Db, actor: Actor) {
  await requireAdmin(db, actor, 'admin.users.view');
  return users.listUsers(db, actor.user.authorityId);
}

export async function getUser(db: Db, actor: Actor, id: string) {
  await requireAdmin(db, actor, 'admin.user.view');
  const u = isUuid(id) ? await users.findUserById(db, id) : undefined;
  if (!u || u.authorityId !== actor.user.authorityId) throw new NotFoundError();
  return u;
}

export async function listTeams(db: Db, actor: Actor) {
  await requireAdmin(db, actor, 'admin.teams.view');
  return users.listTeams(db, actor.user.authorityId);
}

export interface UserInput {
  email: string;
  displayName: string;
  jobTitle: string;
  agency: string;
  active: boolean;
  roles: Role[];
  trainings: { training: Training; completedOn: string }[];
  teams: { teamId: string; isManager: boolean }[];
}

async function validate(db: Db, actor: Actor, u: UserInput, exceptId?: string) {
  const errors: { field: string; message: string }[] = [];
  if (await users.emailExists(db, u.email, exceptId)) errors.push({ field: 'email', message: 'A user with this email address already exists' });
  const teams = await users.listTeams(db, actor.user.authorityId);
  if (u.teams.some((t) => !teams.some((x) => x.id === t.teamId))) errors.push({ field: 'teams', message: 'Select teams from the list' });
  if (errors.length) throw new ValidationError(errors);
}

/** Creates a user with a one-off password the administrator passes on; returns both. */
export async function createUser(db: Db, actor: Actor, u: UserInput): Promise<{ id: string; temporaryPassword: string }> {
  await requireAdmin(db, actor, 'admin.user.create');
  await validate(db, actor, u);
  const temporaryPassword = randomBytes(12).toString('base64url');
  const hash = await hashPassword(temporaryPassword);
  const id = await transaction(db, async (trx) => {
    const newId = await users.insertUser(trx, { ...u, authorityId: actor.user.authorityId }, hash);
    await appendAuditEvent(
      trx,
      auditFor(actor, { action: 'admin.user.create', entityType: 'user', entityId: newId, outcome: 'ok', details: { roles: u.roles, trainings: u.trainings.map((t) => t.training) } }),
    );
    return newId;
  });
  return { id, temporaryPassword };
}

export async function updateUser(db: Db, actor: Actor, id: string, version: number, u: UserInput) {
  const before = await getUser(db, actor, id);
  await validate(db, actor, u, id);
  await transaction(db, async (trx) => {
    if (!(await users.updateUser(trx, id, version, { ...u, authorityId: actor.user.authorityId }))) {
      const current = await users.findUserById(trx, id);
      throw new ConflictError(null, null, [
        { label: 'Roles', saved: (current?.roles ?? []).join(', '), yours: u.roles.join(', ') },
        { label: 'Email address', saved: current?.email ?? '', yours: u.email },
      ].filter((d) => d.saved !== d.yours));
    }
    // A deactivated user is signed out everywhere at once.
    if (before.active && !u.active) await deleteSessionsForUser(trx, id);
    await appendAuditEvent(
      trx,
      auditFor(actor, {
        action: 'admin.user.update',
        entityType: 'user',
        entityId: id,
        outcome: 'ok',
        details: { roles: u.roles, trainings: u.trainings.map((t) => t.training), active: u.active },
      }),
    );
  });
}

export async function unlockUser(db: Db, actor: Actor, id: string) {
  await getUser(db, actor, id);
  await transaction(db, async (trx) => {
    await users.unlockUser(trx, id);
    await appendAuditEvent(trx, auditFor(actor, { action: 'admin.user.unlock', entityType: 'user', entityId: id, outcome: 'ok' }));
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string): Promise<string> {
  await getUser(db, actor, id);
  const temporaryPassword = randomBytes(12).toString('base64url');
  const hash = await hashPassword(temporaryPassword);
  await transaction(db, async (trx) => {
    await users.setPasswordHash(trx, id, hash);
    await users.unlockUser(trx, id);
    await deleteSessionsForUser(trx, id);
    await appendAuditEvent(trx, auditFor(actor, { action: 'admin.user.reset_password', entityType: 'user', entityId: id, outcome: 'ok' }));
  });
  return temporaryPassword;
}

export async function createTeam(db: Db, actor: Actor, t: { name: string; kind: string; parentTeamId: string | null }) {
  await requireAdmin(db, actor, 'admin.team.create');
  if (await users.teamNameExists(db, actor.user.authorityId, t.name)) {
    throw new ValidationError([{ field: 'name', message: 'A team with this name already exists' }]);
  }
  return transaction(db, async (trx) => {
    const id = await users.insertTeam(trx, { ...t, authorityId: actor.user.authorityId });
    await appendAuditEvent(trx, auditFor(actor, { action: 'admin.team.create', entityType: 'team', entityId: id, outcome: 'ok', details: { name: t.name } }));
    return id;
  });
}
