// An authority administrator's rules for accounts and teams (R-X-5): every problem with the form at
// once, in page order, from what was typed and what the service looked up. Pure: the service finds
// the facts (is the address taken, which teams exist, may this administrator change these roles).
import type { FormProblem } from './form-problem.ts';
import { CASE_ROLES, type Role } from './roles.ts';

export function sameRoles(before: readonly Role[], after: readonly Role[]): boolean {
  return before.length === after.length && before.every((role) => after.includes(role));
}

/** Administrators manage accounts and auditors read the log; neither may also hold a case role (R-X-7). */
export function roleProblem(roles: readonly Role[]): string | null {
  const oversight = roles.filter((role) => role === 'administrator' || role === 'auditor');
  if (oversight.length && roles.some((role) => CASE_ROLES.includes(role))) {
    return 'An administrator or auditor account cannot also have a case role: they see no case content. Use a separate account for case work';
  }
  return null;
}

/** Giving or taking the administrator role, or changing an administrator's roles, needs a second administrator. */
export function needsSecondAdministrator(before: readonly Role[], after: readonly Role[]): boolean {
  return before.includes('administrator') || after.includes('administrator');
}

/** A user's details as the form gives them: the address, the roles and the teams. */
export interface UserRulesInput {
  roles: readonly Role[];
  teams: readonly { teamId: string }[];
}

/** What the service looked up in the administrator's own authority. */
export interface UserFacts {
  /** Another account of this authority has the address (another authority's are never asked about). */
  emailTaken: boolean;
  /** The authority's teams. */
  teamIds: readonly string[];
}

/** A new or changed account: the address free, no case role beside an oversight one, teams from the list. */
export function userProblems(input: UserRulesInput, facts: UserFacts): FormProblem[] {
  const problems: FormProblem[] = [];
  if (facts.emailTaken) problems.push({ field: 'email', message: 'A user with this email address already exists' });
  const problem = roleProblem(input.roles);
  if (problem) problems.push({ field: 'roles', message: problem });
  if (input.teams.some((membership) => !facts.teamIds.includes(membership.teamId)))
    problems.push({ field: 'teams', message: 'Select teams from the list' });
  return problems;
}

/** What separation of duties says about this change of this account. */
export interface AccountChangeFacts {
  /** The roles change and the action model refuses this administrator that change (their own account). */
  rolesRefused: boolean;
  /** The account is the administrator's own. */
  ownAccount: boolean;
}

/** Separation of duties: never one's own roles, never deactivating oneself. */
export function accountChangeProblems(input: { active: boolean }, facts: AccountChangeFacts): FormProblem[] {
  const problems: FormProblem[] = [];
  if (facts.rolesRefused)
    problems.push({ field: 'roles', message: 'You cannot change your own roles: another administrator must' });
  if (facts.ownAccount && !input.active)
    problems.push({ field: 'active', message: 'You cannot deactivate your own account' });
  return problems;
}

/** Approving a proposed role change: only while the account still has the roles it was proposed from. */
export function roleApprovalProblems(
  decision: 'approve' | 'reject',
  facts: { roles: readonly Role[]; rolesBefore: readonly Role[] },
): FormProblem[] {
  if (decision === 'approve' && !sameRoles(facts.roles, facts.rolesBefore))
    return [{ field: 'roles', message: 'The roles have changed since this was proposed: propose the change again' }];
  return [];
}

/** A new team: its name not already one of the authority's, and the team it sits under (if any) one of them. */
export function teamProblems(
  team: { parentTeamId: string | null },
  facts: { nameTaken: boolean; teamIds: readonly string[] },
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (facts.nameTaken) problems.push({ field: 'name', message: 'A team with this name already exists' });
  if (team.parentTeamId !== null && !facts.teamIds.includes(team.parentTeamId))
    problems.push({ field: 'parentTeamId', message: 'Select a team from the list' });
  return problems;
}
