// An authority administrator manages users, teams, roles and trainings (R-X-5), never case
// content. Separation of duties: an administrator cannot change their own roles, reset their own
// password or unlock themselves; an administrator or auditor account holds no case role; and a
// role change that gives or takes the administrator role, or touches an administrator's account,
// waits for a second administrator. Every change is audited, role changes with before and after.
import { randomBytes } from 'node:crypto';
import { type ActionId, type Relation, may } from '../domain/actions.ts';
import {
  accountChangeProblems,
  needsSecondAdministrator,
  roleApprovalProblems,
  sameRoles,
  teamProblems,
  userProblems,
} from '../domain/admin-rules.ts';
import type { Role } from '../domain/roles.ts';
import * as roleChanges from '../repositories/role-changes.ts';
import { deleteSessionsForUser } from '../repositories/sessions.ts';
import * as teams from '../repositories/teams.ts';
import * as users from '../repositories/users.ts';
import { requireAction } from './access.ts';
import { hashPassword } from './auth-service.ts';
import type { Actor, Db } from './actor.ts';
import { auditRefusal, auditedChange } from './audited-change.ts';
import { isUuid, requireRole } from './context.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';

async function requireAdmin(db: Db, actor: Actor, action: string) {
  await requireRole(db, actor, ['administrator'], action);
}

/** How an administrator stands to an account: their own, or an oversight account (administrator or auditor). */
function accountRelations(actor: Actor, target: { id: string; roles: readonly Role[] }): Relation[] {
  return [
    ...(target.id === actor.user.id ? (['self'] as const) : []),
    ...(target.roles.some((role) => role === 'administrator' || role === 'auditor')
      ? (['oversight_account'] as const)
      : []),
  ];
}

/** The model's decision for this administrator and this account: 404 outside their authority, 403 when separation of duties forbids it. */
async function requireOnUser(
  db: Db,
  actor: Actor,
  action: ActionId,
  target: { id: string; roles: readonly Role[] },
  extra: Relation[] = [],
) {
  const relations: Relation[] = ['signed_in', ...extra, ...accountRelations(actor, target)];
  await requireAction(
    db,
    actor,
    action,
    { roles: actor.user.roles, bases: [], relations },
    { entityType: 'user', entityId: target.id },
  );
}

export async function listUsers(db: Db, actor: Actor) {
  await requireAdmin(db, actor, 'admin.users.view');
  const list = await users.listUsers(db, actor.user.authorityId);
  const pending = new Set(
    (await roleChanges.pendingRoleChanges(db, actor.user.authorityId)).map((change) => change.userId),
  );
  return list.map((user) => ({ ...user, roleChangePending: pending.has(user.id) }));
}

export async function getUser(db: Db, actor: Actor, id: string) {
  await requireAdmin(db, actor, 'admin.user.view');
  const user = isUuid(id) ? await users.findUserById(db, id) : undefined;
  if (!user || user.authorityId !== actor.user.authorityId) {
    await auditRefusal(db, actor, 'admin.user.view', 'user', id.slice(0, 64), 'not_found');
    throw new NotFoundError();
  }
  return user;
}

/** A user's page: the account, any role change waiting, and what this administrator may do to it. */
export async function userPage(db: Db, actor: Actor, id: string) {
  const user = await getUser(db, actor, id);
  const [pending] = await roleChanges.pendingRoleChanges(db, actor.user.authorityId, id);
  const self: Relation[] = accountRelations(actor, user);
  const subject = (extra: Relation[] = []) => ({
    roles: actor.user.roles,
    bases: [],
    relations: ['signed_in' as const, ...self, ...extra],
  });
  return {
    user,
    pending: pending ?? null,
    can: {
      changeRoles: may('admin.user.roles', subject()).allowed,
      decide: pending
        ? may('admin.user.approve_roles', subject(pending.proposedBy === actor.user.id ? ['proposer'] : [])).allowed
        : false,
      unlock: may('admin.user.unlock', subject()).allowed,
      reset: may('admin.user.reset_password', subject()).allowed,
    },
  };
}

export async function listTeams(db: Db, actor: Actor) {
  await requireAdmin(db, actor, 'admin.teams.view');
  return teams.listTeams(db, actor.user.authorityId);
}

/** A user's details as the form gives them: the account as written, in the administrator's own authority. */
export type UserInput = Omit<users.UserWrite, 'authorityId'>;

/**
 * Two administrators proposing a change at the same moment: the second is told, nothing is
 * written. Only the database can answer this, at the moment of the write (a unique violation).
 */
function proposedMeanwhile(err: unknown): never {
  if ((err as { code?: string }).code === '23505')
    throw new ValidationError([
      {
        field: 'roles',
        message: 'Another administrator has just proposed a change to these roles: reload the page to see it',
      },
    ]);
  throw err;
}

/** The account's details against the authority's rules (domain/admin-rules.ts), with what they need looked up. */
async function validate(db: Db, actor: Actor, input: UserInput, exceptId?: string) {
  // Only this authority's accounts are checked: an administrator learns nothing of another authority's.
  const emailTaken = await users.emailExists(db, actor.user.authorityId, input.email, exceptId);
  const teamIds = (await teams.listTeams(db, actor.user.authorityId)).map((team) => team.id);
  const problems = userProblems(input, { emailTaken, teamIds });
  if (problems.length) throw new ValidationError(problems);
}

/** A one-off password for an administrator to pass on, and its hash. */
async function oneOffPassword(): Promise<{ temporaryPassword: string; hash: string }> {
  const temporaryPassword = randomBytes(12).toString('base64url');
  return { temporaryPassword, hash: await hashPassword(temporaryPassword) };
}

/** An account given a one-off password: to be changed at the next sign-in, unlocked, signed out everywhere. */
async function resetTo(trx: Db, id: string, hash: string): Promise<void> {
  await users.setPasswordHash(trx, id, hash, true);
  await users.unlockUser(trx, id);
  await deleteSessionsForUser(trx, id);
}

/**
 * Creates a user with a one-off password the administrator passes on, to be changed at first
 * sign-in. An administrator account starts without the administrator role, which waits for a
 * second administrator's approval.
 */
export async function createUser(
  db: Db,
  actor: Actor,
  input: UserInput,
): Promise<{ id: string; temporaryPassword: string; pending: boolean }> {
  await requireAdmin(db, actor, 'admin.user.create');
  await validate(db, actor, input);
  const { temporaryPassword, hash } = await oneOffPassword();
  const pending = needsSecondAdministrator([], input.roles);
  const now = pending ? input.roles.filter((role) => role !== 'administrator') : input.roles;
  const id = await auditedChange(
    db,
    actor,
    (newId: string) => ({
      action: 'admin.user.create',
      entityType: 'user',
      entityId: newId,
      details: {
        roles: now,
        rolesProposed: pending ? input.roles : null,
        trainings: input.trainings.map((entry) => entry.training),
      },
    }),
    async (trx) => {
      const newId = await users.insertUser(
        trx,
        { ...input, roles: now, authorityId: actor.user.authorityId },
        hash,
        true,
      );
      if (pending)
        await roleChanges
          .insertRoleChangeRequest(trx, {
            authorityId: actor.user.authorityId,
            userId: newId,
            rolesBefore: now,
            rolesAfter: input.roles,
            proposedBy: actor.user.id,
          })
          .catch(proposedMeanwhile);
      return newId;
    },
  );
  return { id, temporaryPassword, pending };
}

/** Saves a user's details. A role change of one's own account is refused; one that needs a second administrator waits. */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: UserInput,
): Promise<{ pending: boolean }> {
  const before = await getUser(db, actor, id);
  await requireOnUser(db, actor, 'admin.user.update', before);
  const rolesChange = !sameRoles(before.roles, input.roles);
  const rolesRefused =
    rolesChange &&
    !may('admin.user.roles', {
      roles: actor.user.roles,
      bases: [],
      relations: ['signed_in', ...accountRelations(actor, before)],
    }).allowed;
  if (rolesRefused) await auditRefusal(db, actor, 'admin.user.roles', 'user', id, 'separation_of_duties');
  const refused = accountChangeProblems(input, { rolesRefused, ownAccount: id === actor.user.id });
  if (refused.length) throw new ValidationError(refused);
  await validate(db, actor, input, id);
  const pending = rolesChange && needsSecondAdministrator(before.roles, input.roles);
  await auditedChange(
    db,
    actor,
    {
      action: 'admin.user.update',
      entityType: 'user',
      entityId: id,
      details: {
        rolesBefore: before.roles,
        rolesAfter: rolesChange && !pending ? input.roles : before.roles,
        ...(pending ? { rolesProposed: input.roles } : {}),
        trainings: input.trainings.map((entry) => entry.training),
        active: input.active,
      },
    },
    async (trx) => {
      if (
        !(await users.updateUser(
          trx,
          id,
          version,
          { ...input, authorityId: actor.user.authorityId },
          !rolesChange || pending,
        ))
      ) {
        const current = await users.findUserById(trx, id);
        throw new ConflictError(
          null,
          null,
          [
            { label: 'Roles', saved: (current?.roles ?? []).join(', '), yours: input.roles.join(', ') },
            { label: 'Email address', saved: current?.email ?? '', yours: input.email },
          ].filter((difference) => difference.saved !== difference.yours),
        );
      }
      if (pending)
        await roleChanges
          .insertRoleChangeRequest(trx, {
            authorityId: actor.user.authorityId,
            userId: id,
            rolesBefore: before.roles,
            rolesAfter: input.roles,
            proposedBy: actor.user.id,
          })
          .catch(proposedMeanwhile);
      // A deactivated user is signed out everywhere at once; so is one whose roles changed.
      if ((before.active && !input.active) || (rolesChange && !pending)) await deleteSessionsForUser(trx, id);
    },
  );
  return { pending };
}

/** A second administrator approves or rejects a role change; never the one who proposed it, nor the account holder. */
export async function decideRoleChange(
  db: Db,
  actor: Actor,
  userId: string,
  requestId: string,
  decision: 'approve' | 'reject',
) {
  const target = await getUser(db, actor, userId);
  const request = (await roleChanges.pendingRoleChanges(db, actor.user.authorityId, userId)).find(
    (change) => change.id === requestId,
  );
  if (!request) {
    await auditRefusal(db, actor, 'admin.user.approve_roles', 'user', userId, 'no_pending_change');
    throw new NotFoundError();
  }
  await requireOnUser(
    db,
    actor,
    'admin.user.approve_roles',
    target,
    request.proposedBy === actor.user.id ? ['proposer'] : [],
  );
  const problems = roleApprovalProblems(decision, { roles: target.roles, rolesBefore: request.rolesBefore });
  if (problems.length) throw new ValidationError(problems);
  await auditedChange(
    db,
    actor,
    {
      action: decision === 'approve' ? 'admin.user.roles_approved' : 'admin.user.roles_rejected',
      entityType: 'user',
      entityId: userId,
      details: {
        rolesBefore: request.rolesBefore,
        rolesAfter: decision === 'approve' ? request.rolesAfter : request.rolesBefore,
        proposed: request.rolesAfter,
        proposedBy: request.proposedBy,
      },
    },
    async (trx) => {
      if (
        !(await roleChanges.decideRoleChange(
          trx,
          requestId,
          decision === 'approve' ? 'approved' : 'rejected',
          actor.user.id,
        ))
      )
        throw new ConflictError(null, null, []);
      if (decision === 'approve') {
        await users.setRoles(trx, userId, request.rolesAfter);
        await deleteSessionsForUser(trx, userId);
      }
    },
  );
}

export async function unlockUser(db: Db, actor: Actor, id: string) {
  const user = await getUser(db, actor, id);
  await requireOnUser(db, actor, 'admin.user.unlock', user);
  await auditedChange(db, actor, { action: 'admin.user.unlock', entityType: 'user', entityId: id }, async (trx) => {
    await users.unlockUser(trx, id);
  });
}

/** A one-off password for another user, to be changed when they next sign in; their sessions end. */
export async function resetPassword(db: Db, actor: Actor, id: string): Promise<string> {
  const user = await getUser(db, actor, id);
  await requireOnUser(db, actor, 'admin.user.reset_password', user);
  const { temporaryPassword, hash } = await oneOffPassword();
  const event = {
    action: 'admin.user.reset_password',
    entityType: 'user',
    entityId: id,
    details: { mustChangePassword: true },
  };
  await auditedChange(db, actor, event, (trx) => resetTo(trx, id, hash));
  return temporaryPassword;
}

/**
 * The service's operator (whoever runs it, at the server, `npm run operator`): a one-off password
 * for any account (an administrator's or auditor's included, which no administrator may reset),
 * and approval of a waiting role change where there is no second administrator. Audited as the
 * operator, with the name they run it under.
 */
export interface OperatorCommand {
  email: string;
  authorityId: string;
  operator: string;
}

/** The account an operator's command names, in the authority it names. */
async function operatorAccount(db: Db, command: OperatorCommand) {
  const account = (await users.findAccountsByEmail(db, command.email)).find(
    (candidate) => candidate.authorityId === command.authorityId,
  );
  if (!account) throw new NotFoundError(`No account ${command.email} in ${command.authorityId}`);
  return account;
}

/** An operator's change to an account and its event, attributed to the authority with no user, naming the operator. */
function operatorChange(
  db: Db,
  command: OperatorCommand,
  event: { action: string; userId: string; details: Record<string, unknown> },
  write: (trx: Db) => Promise<void>,
): Promise<void> {
  const details = { operator: command.operator.slice(0, 100), ...event.details };
  const said = { action: event.action, entityType: 'user', entityId: event.userId, details };
  return auditedChange(db, { authorityId: command.authorityId, userId: null }, said, write);
}

export async function operatorResetPassword(db: Db, command: OperatorCommand): Promise<string> {
  const account = await operatorAccount(db, command);
  const { temporaryPassword, hash } = await oneOffPassword();
  const event = { action: 'operator.reset_password', userId: account.id, details: { mustChangePassword: true } };
  await operatorChange(db, command, event, (trx) => resetTo(trx, account.id, hash));
  return temporaryPassword;
}

export async function operatorApproveRoles(
  db: Db,
  command: OperatorCommand,
): Promise<{ before: Role[]; after: Role[] }> {
  const account = await operatorAccount(db, command);
  const [request] = await roleChanges.pendingRoleChanges(db, command.authorityId, account.id);
  if (!request) throw new NotFoundError(`No role change waits for ${command.email}`);
  const { rolesBefore, rolesAfter, proposedBy } = request;
  const event = {
    action: 'operator.roles_approved',
    userId: account.id,
    details: { rolesBefore, rolesAfter, proposedBy },
  };
  await operatorChange(db, command, event, async (trx) => {
    if (!(await roleChanges.decideRoleChange(trx, request.id, 'approved', null)))
      throw new ConflictError(null, null, []);
    await users.setRoles(trx, account.id, rolesAfter);
    await deleteSessionsForUser(trx, account.id);
  });
  return { before: rolesBefore, after: rolesAfter };
}

export async function createTeam(
  db: Db,
  actor: Actor,
  team: { name: string; kind: string; parentTeamId: string | null },
) {
  await requireAdmin(db, actor, 'admin.team.create');
  const nameTaken = await teams.teamNameExists(db, actor.user.authorityId, team.name);
  const teamIds = (await teams.listTeams(db, actor.user.authorityId)).map((existing) => existing.id);
  const problems = teamProblems(team, { nameTaken, teamIds });
  if (problems.length) throw new ValidationError(problems);
  const event = (id: string) => ({
    action: 'admin.team.create',
    entityType: 'team',
    entityId: id,
    details: { name: team.name },
  });
  return auditedChange(db, actor, event, (trx) =>
    teams.insertTeam(trx, { ...team, authorityId: actor.user.authorityId }),
  );
}
