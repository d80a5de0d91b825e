// Roles a user may hold (several at once) and the trainings recorded per user (R-X-5).
import { vocabulary } from './vocabulary.ts';

/**
 * How a role reaches children's records (R-X-7): through the team's children and its own work
 * ('team'); only the children it recorded about or was granted, as a partner-agency professional
 * ('own'); or not at all, as administrators and auditors ('none').
 */
type CaseAccess = 'team' | 'own' | 'none';

/** Every role, in the order the administration pages list them: the one list the others derive from. */
const ROLE_TABLE = {
  dsl: { label: 'Designated safeguarding lead (school or setting)', cases: 'team' },
  front_door: { label: 'Front door practitioner', cases: 'team' },
  social_worker: { label: 'Social worker', cases: 'team' },
  team_manager: { label: 'Team manager', cases: 'team' },
  youth_justice: { label: 'Youth justice worker', cases: 'team' },
  aim_practitioner: { label: 'AIM practitioner', cases: 'team' },
  panel_chair: { label: 'Panel chair', cases: 'team' },
  cse_coordinator: { label: 'CSE and MASE coordinator', cases: 'team' },
  partner: { label: 'Partner-agency professional (police, health)', cases: 'own' },
  administrator: { label: 'Authority administrator', cases: 'none' },
  auditor: { label: 'Auditor', cases: 'none' },
} as const satisfies Record<string, { label: string; cases: CaseAccess }>;

export type Role = keyof typeof ROLE_TABLE;
export const ROLES = Object.keys(ROLE_TABLE) as [Role, ...Role[]];

export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.fromEntries(
  ROLES.map((role) => [role, ROLE_TABLE[role].label]),
) as Record<Role, string>;

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLE_TABLE, value);
}

/** Roles that work with children's records. Administrators and auditors do not (R-X-7). */
export const CASE_ROLES: readonly Role[] = ROLES.filter((role) => ROLE_TABLE[role].cases !== 'none');

/**
 * Case roles whose team membership gives sight of the team's children. A partner-agency
 * professional has limited access: only children they recorded about or were granted.
 */
export const TEAM_ACCESS_ROLES: readonly Role[] = ROLES.filter((role) => ROLE_TABLE[role].cases === 'team');

/**
 * Roles that work as a service across the authority, reached through their team rather than an
 * allocation: a task owed to one of them goes to the members of a team of this kind who hold the
 * role, who see the child's record while the task is open (the Youth Justice Service, the AIM
 * practitioners of the specialist service, Islington's CSE, Missing and Trafficking Coordinator).
 */
export const SERVICE_TEAMS: Partial<Record<Role, string>> = {
  youth_justice: 'youth_justice',
  aim_practitioner: 'specialist',
  cse_coordinator: 'specialist',
};

/** The trainings recorded per user, each with the name people read. */
export const {
  values: TRAININGS,
  labels: TRAINING_LABELS,
  is: isTraining,
} = vocabulary({
  aim_under_12: 'AIM under-12s',
  aim2: 'AIM2',
  aim3: 'AIM3',
  brook_traffic_light: 'Brook Traffic Light tool',
});
export type Training = (typeof TRAININGS)[number];

export function worksWithCases(roles: readonly Role[]): boolean {
  return roles.some((role) => CASE_ROLES.includes(role));
}

export function hasTeamAccess(roles: readonly Role[]): boolean {
  return roles.some((role) => TEAM_ACCESS_ROLES.includes(role));
}
