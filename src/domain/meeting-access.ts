// Who sees and records what of a multi-agency meeting (R-KEN-6, R-X-1, R-X-7). Pure, as child
// access is (domain/access.ts): the service gathers the facts (the meeting, the viewer's bases on
// each of its children's records), this decides; what each relation then allows is the action
// model's (domain/actions.ts).
import type { AccessBasis, Viewer } from './access.ts';
import { type Relation, type Subject, may } from './actions.ts';

export type MeetingChildRole = 'displayed' | 'targeted';

export interface MeetingChildFacts {
  childId: string;
  role: MeetingChildRole;
  childAuthorityId: string;
  responsibleAuthorityId: string;
  /** The viewer's bases of access to this child's record (domain/access.ts). */
  bases: readonly AccessBasis[];
}

export interface MeetingAccessFacts {
  /** The authority convening the meeting. */
  authorityId: string;
  chairId: string;
  chairAuthorityId: string;
  /** Who arranged it (issue 15: the arranger may move or cancel it). */
  createdBy?: string;
  /** The accounts of the invitees who have one. */
  inviteeUserIds: readonly (string | null)[];
  children: readonly MeetingChildFacts[];
}

export interface MeetingAccess {
  isChair: boolean;
  /** Who this person is to the meeting as a whole: their bases on any of its children, and relations. */
  subject: Subject;
  /** Who they are to one child's part of it (that child's name, safety plan and outcome). */
  subjectFor: (childId: string) => Subject;
  /** The children whose part of the meeting this person may see (R-X-1). */
  visibleChildIds: Set<string>;
  /** The children whose records this person may open. */
  recordChildIds: Set<string>;
  /** The children whose immediate safety plan this person may write: seeing a child's part is not enough, a read grant least of all (R-X-7). */
  planChildIds: Set<string>;
  /** The children whose outcome this person may record (while the meeting is arranged). */
  outcomeChildIds: Set<string>;
}

function subjectWith(viewer: Viewer, bases: readonly AccessBasis[], relations: readonly Relation[]): Subject {
  return { roles: viewer.roles, bases, relations: ['signed_in', ...relations] };
}

/**
 * Sees the meeting: through any of its children's records, as chair or invitee with an account, or
 * representing another authority responsible for a child (R-KEN-6). Within it, each child's part
 * (name, safety plan, outcome) only to those who may see that child, the chair, or the
 * representative of that child's authority (R-X-1).
 */
export function decideMeetingAccess(viewer: Viewer, facts: MeetingAccessFacts): MeetingAccess {
  const isChair = facts.chairId === viewer.id;
  const invited = facts.inviteeUserIds.some((userId) => userId === viewer.id);
  const own = viewer.authorityId;
  const outsider = own !== facts.authorityId;
  // Representing is for another authority's managers and coordinators: within the meeting's own
  // authority, sight comes from each child's record (R-KEN-6, R-X-7).
  const represents = (child: MeetingChildFacts) =>
    outsider && (child.responsibleAuthorityId === own || child.childAuthorityId === own);
  const representing = outsider && (facts.chairAuthorityId === own || facts.children.some(represents));
  const base: Relation[] = [
    ...(isChair ? (['chair'] as const) : []),
    ...(facts.createdBy === viewer.id ? (['arranger'] as const) : []),
    ...(invited ? (['invitee'] as const) : []),
  ];
  const subject = subjectWith(
    viewer,
    [...new Set(facts.children.flatMap((child) => child.bases))],
    [...base, ...(representing ? (['representing'] as const) : [])],
  );
  const subjectFor = (childId: string) => {
    const child = facts.children.find((candidate) => candidate.childId === childId);
    return subjectWith(viewer, child?.bases ?? [], [
      ...base,
      ...(child && represents(child) ? (['representing'] as const) : []),
    ]);
  };
  const idsWhere = (test: (child: MeetingChildFacts) => boolean) =>
    new Set(facts.children.filter(test).map((child) => child.childId));
  const visibleChildIds = idsWhere((child) => may('meeting.view_child', subjectFor(child.childId)).allowed);
  return {
    isChair,
    subject,
    subjectFor,
    visibleChildIds,
    recordChildIds: idsWhere((child) => may('child.view', subjectWith(viewer, child.bases, [])).allowed),
    planChildIds: idsWhere(
      (child) => visibleChildIds.has(child.childId) && may('meeting.record', subjectFor(child.childId)).allowed,
    ),
    outcomeChildIds: idsWhere(
      (child) => visibleChildIds.has(child.childId) && may('meeting.outcome', subjectFor(child.childId)).allowed,
    ),
  };
}

/** How a child whose part the viewer may not see is named: by their part only (R-X-1). */
export function anotherChild(role: MeetingChildRole): string {
  return role === 'targeted' ? 'Another child (a child harmed)' : 'Another child (the child who harmed)';
}

export interface MaskableChildPart {
  childId: string;
  role: MeetingChildRole;
  name: string;
  firstName: string;
  safetyPlan: string;
  outcome: unknown;
  masked?: boolean;
}

/** The child's part of a meeting as this viewer may see it: a child they may not see by part only, with no plan or outcome (R-X-1). */
export function shownPart<T extends MaskableChildPart>(child: T, visibleChildIds: ReadonlySet<string>): T {
  if (visibleChildIds.has(child.childId)) return child;
  return {
    ...child,
    name: anotherChild(child.role),
    firstName: 'Another child',
    safetyPlan: '',
    outcome: null,
    masked: true,
  };
}
