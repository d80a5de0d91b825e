// How the administration pages read: the users with their roles in words, a user's form (as saved
// or as typed, with the teams and any role change waiting), the teams, the working days and the
// API tokens. Pure: the services have already checked the viewer is an administrator.
import { ROLE_LABELS, ROLES, type Role, TRAINING_LABELS, TRAININGS } from '../../../domain/roles.ts';
import type * as admin from '../../../services/admin-service.ts';
import type * as settings from '../../../services/settings-service.ts';
import { paths } from '../../paths.ts';
import { TEAM_KINDS, type UserFormValues } from './schema.ts';

/** The users of the authority, as the service lists them. */
export type UserList = Awaited<ReturnType<typeof admin.listUsers>>;
/** A user's page: the account, any role change waiting, and what the administrator may do. */
export type UserPage = Awaited<ReturnType<typeof admin.userPage>>;
/** The authority's teams. */
export type TeamList = Awaited<ReturnType<typeof admin.listTeams>>;
/** The working days page: the bank holidays, the one-off ones and the inactivity threshold. */
export type WorkingDaysPage = Awaited<ReturnType<typeof settings.workingDaysPage>>;
/** The authority's API tokens. */
export type TokenList = Awaited<ReturnType<typeof settings.listTokens>>;

const roleText = (roles: readonly Role[], none: string) => roles.map((role) => ROLE_LABELS[role]).join(', ') || none;

/** The users, each with their roles in words. */
export function usersModel(users: UserList) {
  return {
    pageTitle: 'Users',
    users: users.map((user) => ({ ...user, roleText: roleText(user.roles, 'No role yet') })),
  };
}

/** A new user's form: nothing typed yet, active. */
export function newUserValues(): UserFormValues {
  return {
    email: '',
    displayName: '',
    jobTitle: '',
    agency: '',
    active: 'yes',
    roles: [],
    trainings: {},
    teams: [],
    managerOf: [],
  };
}

/** A user's page: the account as saved (each training held with its date), or as typed; any role change waiting in words. */
export function userModel(page: UserPage, values?: UserFormValues) {
  const user = page.user;
  const trainings: UserFormValues['trainings'] = {};
  for (const training of user.trainings) {
    const [year, month, day] = training.completedOn.split('-');
    trainings[training.training] = {
      held: true,
      day: String(Number(day)),
      month: String(Number(month)),
      year: year ?? '',
    };
  }
  return {
    pageTitle: user.displayName,
    user,
    version: user.version,
    action: paths.admin.user(user.id),
    can: page.can,
    pending: page.pending && {
      ...page.pending,
      beforeText: roleText(page.pending.rolesBefore, 'no role'),
      afterText: roleText(page.pending.rolesAfter, 'no role'),
    },
    values: values ?? {
      email: user.email,
      displayName: user.displayName,
      jobTitle: user.jobTitle,
      agency: user.agency,
      active: user.active ? 'yes' : 'no',
      roles: user.roles,
      trainings,
      teams: user.teams.map((membership) => membership.teamId),
      managerOf: user.teams.filter((membership) => membership.isManager).map((membership) => membership.teamId),
    },
  };
}

/** The user form around a page's model: the roles ticked and in words, the trainings, and each team as member or manager. */
export function userFormModel<M extends { values: UserFormValues }>(model: M, teams: TeamList) {
  const { values } = model;
  return {
    ...model,
    roleItems: ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: values.roles.includes(role) })),
    roleText: values.roles.map((role) => ROLE_LABELS[role as Role] ?? role).join(', ') || 'No role',
    trainingDefs: TRAININGS.map((training) => ({ key: training, label: TRAINING_LABELS[training] })),
    teams: teams.map((team) => ({
      ...team,
      member: values.teams.includes(team.id),
      manager: values.managerOf.includes(team.id),
    })),
    backLink: paths.admin.users(),
  };
}

/** The teams, with the form to add one (as typed). */
export function teamsModel(teams: TeamList, values: Readonly<Record<string, unknown>> = {}) {
  return {
    pageTitle: 'Teams',
    teams,
    values,
    kindItems: [{ value: '', text: 'Select' }, ...TEAM_KINDS],
  };
}

/** The working days: this year's and next year's bank holidays, the one-off ones, and the inactivity threshold, with empty forms. */
export function workingDaysModel(page: WorkingDaysPage) {
  return {
    pageTitle: 'Working days',
    ...page,
    holidayValues: { name: '', date: { day: '', month: '', year: '' } },
    inactivityValue: page.inactivity === null ? '' : String(page.inactivity),
  };
}

/** The API tokens, each active, expired or revoked, with the form to issue one. */
export function tokensModel(tokens: TokenList, now: Date, today: string) {
  return {
    pageTitle: 'API tokens',
    tokens: tokens.map((token) => ({
      ...token,
      state: token.revokedAt ? 'Revoked' : token.expiresAt < now ? 'Expired' : 'Active',
    })),
    values: { name: '', days: '90' },
    today,
  };
}
