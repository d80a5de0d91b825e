// Need-to-know access to a child's record (R-X-7). Pure: the repository gathers the facts,
// this decides. The list queries apply the same rule in SQL (repositories/access.ts visibleTo); a
// test checks the two agree.
import { type Role, hasTeamAccess, worksWithCases } from './roles.ts';

export interface Viewer {
  id: string;
  authorityId: string;
  roles: readonly Role[];
}

export interface ChildAccessFacts {
  childAuthorityId: string;
  allocatedWorkerId: string | null;
  /** A Youth Justice worker allocated alongside (R-KEN-4). */
  youthJusticeWorkerId?: string | null;
  /** The viewer is a member of the child's allocated team. */
  viewerInAllocatedTeam: boolean;
  /** The viewer manages a team that the allocated worker belongs to, or the allocated team. */
  viewerManagesAllocation: boolean;
  /** The viewer submitted an incident that links the child, or has a draft linking a child they recorded in it. */
  viewerRecordedIncident: boolean;
  /** The viewer is in a team that received a referral about the child (the front door). */
  viewerInReferralTeam?: boolean;
  /** The viewer holds an unexpired, unrevoked grant for the child. */
  viewerHasGrant: boolean;
  /** The viewer is the lead or co-assessor of an AIM assessment of the child in progress (R-NYO-9). */
  viewerIsAssessor?: boolean;
  /**
   * The viewer chairs the AIM Pathway Panel and the child has been referred to it (any status: the panel
   * oversees and closes), or is allocated to the child's open panel case (R-NEL-10..12).
   */
  viewerOnPanelCase?: boolean;
  /** The viewer is in the service an open task on the child is owed to (roles.ts SERVICE_TEAMS), holding its role. */
  viewerInOwingService?: boolean;
}

/** Every basis of access, in the order the record page names the first that applies. */
export const ACCESS_BASES = [
  'allocated',
  'recorded',
  'grant',
  'assessor',
  'panel',
  'team',
  'manager',
  'referral',
  'service',
] as const;
export type AccessBasis = (typeof ACCESS_BASES)[number];

export type AccessDecision =
  | { allowed: true; basis: AccessBasis }
  | { allowed: false; reason: 'other_authority' | 'no_case_role' | 'no_need_to_know' };

/**
 * Every basis on which the viewer may see the child's record; none across an authority boundary
 * or for someone without a case role. What they may then do is the action model's question
 * (domain/actions.ts): a read grant gives sight, never write.
 */
export function childAccessBases(viewer: Viewer, facts: ChildAccessFacts): AccessBasis[] {
  if (viewer.authorityId !== facts.childAuthorityId || !worksWithCases(viewer.roles)) return [];
  const bases: AccessBasis[] = [];
  if (facts.allocatedWorkerId === viewer.id || (facts.youthJusticeWorkerId ?? null) === viewer.id)
    bases.push('allocated');
  if (facts.viewerRecordedIncident) bases.push('recorded');
  if (facts.viewerHasGrant) bases.push('grant');
  if (facts.viewerIsAssessor) bases.push('assessor');
  if (facts.viewerOnPanelCase) bases.push('panel');
  if (hasTeamAccess(viewer.roles)) {
    if (facts.viewerInAllocatedTeam) bases.push('team');
    if (facts.viewerManagesAllocation) bases.push('manager');
    if (facts.viewerInReferralTeam) bases.push('referral');
    if (facts.viewerInOwingService) bases.push('service');
  }
  return bases;
}

export function decideChildAccess(viewer: Viewer, facts: ChildAccessFacts): AccessDecision {
  // Authority boundaries are hard: nothing crosses them.
  if (viewer.authorityId !== facts.childAuthorityId) return { allowed: false, reason: 'other_authority' };
  // Administrators manage users and auditors read the log; neither reads case content.
  if (!worksWithCases(viewer.roles)) return { allowed: false, reason: 'no_case_role' };
  const [first] = childAccessBases(viewer, facts);
  return first ? { allowed: true, basis: first } : { allowed: false, reason: 'no_need_to_know' };
}

export const ACCESS_BASIS_LABELS: Record<AccessBasis, string> = {
  allocated: 'You are the allocated worker',
  team: 'You are in the allocated team',
  manager: 'You manage the allocated worker or team',
  recorded: 'You recorded an incident about this child',
  grant: 'You hold a time-limited access grant',
  referral: 'Your team received a referral about this child',
  assessor: 'You are assessing this child (an AIM assessment in progress)',
  panel: 'You chair the AIM Pathway Panel this child was referred to, or are allocated to the child’s panel case',
  service: 'Your service has an open task for this child',
};
