// Roles a user may hold (several at once) and the trainings recorded per user (R-X-5).

export const ROLES = [
  'dsl',
  'front_door',
  'social_worker',
  'team_manager',
  'youth_justice',
  'aim_practitioner',
  'panel_chair',
  'cse_coordinator',
  'partner',
  'administrator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  dsl: 'Designated safeguarding lead (school or setting)',
  front_door: 'Front door practitioner',
  social_worker: 'Social worker',
  team_manager: 'Team manager',
  youth_justice: 'Youth justice worker',
  aim_practitioner: 'AIM practitioner',
  panel_chair: 'Panel chair',
  cse_coordinator: 'CSE and MASE coordinator',
  partner: 'Partner-agency professional (police, health)',
  administrator: 'Authority administrator',
  auditor: 'Auditor',
};

/** Roles that work with children's records. Administrators and auditors do not (R-X-7). */
export const CASE_ROLES: readonly Role[] = [
  'dsl',
  'front_door',
  'social_worker',
  'team_manager',
  'youth_justice',
  'aim_practitioner',
  'panel_chair',
  'cse_coordinator',
  'partner',
];

/**
 * Case roles whose team membership gives sight of the team's children. A partner-agency
 * professional has limited access: only children they recorded about or were granted.
 */
export const TEAM_ACCESS_ROLES: readonly Role[] = CASE_ROLES.filter((role) => role !== 'partner');

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

export const TRAININGS = ['aim_under_12', 'aim2', 'aim3', 'brook_traffic_light'] as const;
export type Training = (typeof TRAININGS)[number];

export const TRAINING_LABELS: Record<Training, string> = {
  aim_under_12: 'AIM under-12s',
  aim2: 'AIM2',
  aim3: 'AIM3',
  brook_traffic_light: 'Brook Traffic Light tool',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isTraining(value: string): value is Training {
  return (TRAININGS as readonly string[]).includes(value);
}

export function worksWithCases(roles: readonly Role[]): boolean {
  return roles.some((role) => CASE_ROLES.includes(role));
}

export function hasTeamAccess(roles: readonly Role[]): boolean {
  return roles.some((role) => TEAM_ACCESS_ROLES.includes(role));
}
