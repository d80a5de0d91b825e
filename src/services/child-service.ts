// Children's records: every read is permission-checked and audited; every change is checked,
// made, added to the chronology and audited in one transaction.
import { type ActionId, may } from '../domain/actions.ts';
import { allocationProblems, newChildTeamProblems, sameWorkerProblem } from '../domain/allocation.ts';
import { grantProblems } from '../domain/grants.ts';
import { dayMonthSwapped, matchReason } from '../domain/child-match.ts';
import { compactIdentifier } from '../domain/identifiers.ts';
import { nameVariants, nameWords } from '../domain/nicknames.ts';
import { CASE_ROLES, worksWithCases } from '../domain/roles.ts';
import * as children from '../repositories/children.ts';
import * as caseList from '../repositories/case-list.ts';
import * as childSearch from '../repositories/child-search.ts';
import { addChronologyEntry, listChronology, type ChronologyKind } from '../repositories/chronology.ts';
import * as meetings from '../repositories/meetings.ts';
import * as plans from '../repositories/plans.ts';
import { recordShows } from '../domain/record-checklist.ts';
import { getPack } from '../procedures/index.ts';
import * as grants from '../repositories/grants.ts';
import * as incidents from '../repositories/incidents.ts';
import * as teams from '../repositories/teams.ts';
import * as users from '../repositories/users.ts';
import { caseSummaries } from '../repositories/work.ts';
import { authorizeChild, sightFrom, subjectOf } from './access.ts';
import { fulfilTasks } from './task-service.ts';
import type { Actor, Db } from './actor.ts';
import { auditRefusal, auditView, auditedChange } from './audited-change.ts';
import { isUuid, requireRole } from './context.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';

export const CHILD_FIELD_LABELS: Record<keyof children.ChildFields, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  otherNames: 'Other names',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  ethnicity: 'Ethnicity',
  send: 'Special educational needs or learning disability',
  sendDetails: 'Details of needs',
  developmentalAge: 'Developmental age',
  lookedAfter: 'Looked after',
  schoolOrSetting: 'School or setting',
  homeArea: 'Home area or ward',
  personId: 'Person ID',
  nhsNumber: 'NHS number',
};

async function requireCaseRole(db: Db, actor: Actor, action: string) {
  await requireRole(db, actor, CASE_ROLES, action);
}

/** The changes the record page offers this person, from the action model. */
const RECORD_ACTIONS = [
  'child.update',
  'child.allocate',
  'child.grant',
  'child.close',
  'child.reopen',
  'external_decision.record',
  'assessment.plan',
  'panel.refer',
] as const satisfies readonly ActionId[];
export type RecordActions = Record<(typeof RECORD_ACTIONS)[number], boolean>;

export function recordActions(actor: Actor, bases: Parameters<typeof subjectOf>[1]): RecordActions {
  const subject = subjectOf(actor, bases);
  return Object.fromEntries(RECORD_ACTIONS.map((action) => [action, may(action, subject).allowed])) as RecordActions;
}

export async function viewChild(db: Db, actor: Actor, childId: string, page: 'record' | 'edit' = 'record') {
  const { basis, bases, linkedBases } = await authorizeChild(
    db,
    actor,
    childId,
    page === 'edit' ? 'child.update' : 'child.view',
    { auditAs: 'child.view', linked: true },
  );
  const event = { action: 'child.view', entityType: 'child', entityId: childId, details: { basis, page } };
  return auditedChange(db, actor, event, async (trx) => {
    // The record in one statement (issue 13), inside the view's transaction as before.
    const record = await children.findChildRecord(trx, childId, actor.user.authorityId);
    if (!record) throw new NotFoundError();
    const { child, decisions, tasks: taskList } = record;
    // Other children in those incidents: named only where the viewer may see them too (R-X-1),
    // decided with the record's own access; one linked since then has no basis yet. The statement
    // read every other child's name; only the visible ones leave this function.
    const otherIds = [...new Set(record.incidents.flatMap((i) => i.others.map((other) => other.childId)))];
    const { visible } = sightFrom(actor, new Map(otherIds.map((id) => [id, linkedBases.get(id) ?? []])));
    const named = record.otherChildNames;
    const others = new Map(
      otherIds.map((id) => [id, visible.has(id) && named.has(id) ? { name: named.get(id)! } : null]),
    );
    return {
      recordShows: await recordChecklist(trx, child.authorityId, childId, decisions, taskList),
      child,
      basis: basis!,
      can: recordActions(actor, bases),
      incidents: record.incidents.map((i) => ({
        ...i,
        others: i.others.map((other) => ({ ...other, visible: others.get(other.childId) ?? null })),
      })),
      grants: record.grants,
      decisions,
      openTasks: taskList.filter((task) => task.status === 'open'),
      /** The viewer's authority's working-day settings, for the inactivity cutoff without a statement of its own. */
      workingDays: record.workingDays,
    };
  });
}

/**
 * What the child's record must show, and what it does not yet (islington §8, R-ISL-9): only for a
 * procedure that lists it, so other authorities' records cost no more statements.
 */
async function recordChecklist(
  db: Db,
  authorityId: string,
  childId: string,
  decisions: readonly { decidedLevel: string | null }[],
  taskList: readonly { stepId: string; status: string }[],
) {
  const checklist = getPack(authorityId)?.recordMustShow;
  const levels = decisions.flatMap((decision) => (decision.decidedLevel ? [decision.decidedLevel] : []));
  if (!checklist || !levels.some((level) => checklist.levels.includes(level))) return null;
  const [childPlans, childMeetings] = await Promise.all([
    plans.plansForChild(db, childId),
    meetings.meetingsForChild(db, childId),
  ]);
  const steps = new Map<string, 'open' | 'done'>();
  for (const task of taskList)
    if (task.status === 'done') steps.set(task.stepId, 'done');
    else if (task.status === 'open' && !steps.has(task.stepId)) steps.set(task.stepId, 'open');
  return recordShows(checklist, {
    levels,
    agreedPlanKinds: new Set(childPlans.filter((plan) => plan.agreedAt !== null).map((plan) => plan.kind)),
    steps,
    closedMeetings: childMeetings.filter((meeting) => meeting.status === 'closed').length,
  });
}

export async function viewChronology(
  db: Db,
  actor: Actor,
  childId: string,
  query: {
    kinds: ChronologyKind[];
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  await authorizeChild(db, actor, childId, 'child.view', { auditAs: 'chronology.view' });
  const event = { action: 'chronology.view', entityType: 'child', entityId: childId, details: { page: query.page } };
  return auditedChange(db, actor, event, async (trx) => {
    const child = await children.findChild(trx, childId);
    if (!child) throw new NotFoundError();
    const result = await listChronology(trx, { childId, ...query });
    return { child, ...result };
  });
}

export interface MatchView {
  id: string;
  name: string;
  dateOfBirth: string;
  schoolOrSetting: string;
  reason: string;
}

/** Possible existing records for the child being added; records the user cannot see are counted, not shown. */
export async function possibleMatches(
  db: Db,
  actor: Actor,
  newChild: { firstName: string; lastName: string; dateOfBirth: string },
) {
  await requireCaseRole(db, actor, 'child.match');
  const rows = await childSearch.findPossibleMatches(db, actor.user, newChild);
  const visible: MatchView[] = [];
  let hidden = 0;
  for (const match of rows) {
    const reason = matchReason(newChild.dateOfBirth, {
      dateOfBirth: match.dateOfBirth,
      nameSimilarity: match.similarity,
    });
    if (!reason) continue;
    if (match.visible)
      visible.push({
        id: match.id,
        name: `${match.firstName} ${match.lastName}`,
        dateOfBirth: match.dateOfBirth,
        schoolOrSetting: match.schoolOrSetting,
        reason,
      });
    else hidden += 1;
  }
  if (visible.length || hidden) {
    await auditView(db, actor, {
      action: 'child.match',
      entityType: 'child',
      details: { shown: visible.map((match) => match.id), hidden },
    });
  }
  return { visible, hidden };
}

export async function createChild(
  db: Db,
  actor: Actor,
  input: {
    fields: children.ChildFields;
    teamId: string | null;
    incidentId?: string | undefined;
    role?: 'displayed' | 'targeted' | 'witness' | undefined;
  },
): Promise<string> {
  await requireCaseRole(db, actor, 'child.create');
  const myTeamIds = actor.user.teams.map((membership) => membership.teamId);
  const problems = newChildTeamProblems(input, { myTeamIds });
  if (problems.length) throw new ValidationError(problems);
  // A child first recorded in an incident belongs to the recorder's team until allocated.
  const teamId = input.teamId ?? actor.user.teams[0]?.teamId ?? null;
  const event = (id: string) => ({
    action: 'child.create',
    entityType: 'child',
    entityId: id,
    details: { incidentId: input.incidentId ?? null },
  });
  return auditedChange(db, actor, event, async (trx) => {
    if (input.incidentId) {
      const inc = await incidents.findIncident(trx, input.incidentId);
      if (!inc || inc.createdBy !== actor.user.id || inc.status !== 'draft') throw new NotFoundError();
    }
    const id = await children.insertChild(trx, {
      authorityId: actor.user.authorityId,
      createdBy: actor.user.id,
      fields: input.fields,
      allocatedTeamId: teamId,
      allocatedWorkerId: null,
    });
    await addChronologyEntry(trx, {
      childId: id,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'record_created',
      summary: 'Record created',
    });
    if (input.incidentId) {
      await incidents.upsertIncidentChild(trx, {
        incidentId: input.incidentId,
        childId: id,
        role: input.role ?? 'displayed',
        ownWords: '',
      });
    }
    return id;
  });
}

function display(value: children.ChildFields[keyof children.ChildFields] | undefined): string {
  if (value === null || value === undefined || value === '') return 'Not recorded';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

export async function updateChild(
  db: Db,
  actor: Actor,
  childId: string,
  version: number,
  fields: children.ChildFields,
) {
  await authorizeChild(db, actor, childId, 'child.update');
  const event = (changed: (keyof children.ChildFields)[]) => ({
    action: 'child.update',
    entityType: 'child',
    entityId: childId,
    details: { changed },
  });
  await auditedChange(db, actor, event, async (trx) => {
    const before = await children.findChild(trx, childId);
    if (!before) throw new NotFoundError();
    const saved = await children.updateChild(trx, childId, version, actor.user.id, fields);
    if (!saved) {
      const differences = (Object.keys(CHILD_FIELD_LABELS) as (keyof children.ChildFields)[])
        .filter((field) => display(before[field]) !== display(fields[field]))
        .map((field) => ({
          label: CHILD_FIELD_LABELS[field],
          saved: display(before[field]),
          yours: display(fields[field]),
        }));
      throw new ConflictError(before.updatedByName, before.updatedAt, differences);
    }
    const changed = (Object.keys(CHILD_FIELD_LABELS) as (keyof children.ChildFields)[]).filter(
      (field) => display(before[field]) !== display(fields[field]),
    );
    if (changed.length) {
      await addChronologyEntry(trx, {
        childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'record_updated',
        summary: `Changed: ${changed.map((field) => CHILD_FIELD_LABELS[field].toLowerCase()).join(', ')}`,
      });
    }
    return changed;
  });
}

export async function allocationOptions(db: Db, actor: Actor) {
  return {
    workers: await users.listCaseWorkers(db, actor.user.authorityId),
    teams: (await teams.listTeams(db, actor.user.authorityId)).map((team) => ({ id: team.id, name: team.name })),
    youthJusticeWorkers: await users.listCaseWorkers(db, actor.user.authorityId, ['youth_justice']),
  };
}

export async function allocate(
  db: Db,
  actor: Actor,
  childId: string,
  version: number,
  allocation: { workerId: string | null; teamId: string | null; youthJusticeWorkerId?: string | null },
) {
  await authorizeChild(db, actor, childId, 'child.allocate');
  const options = await allocationOptions(db, actor);
  const ids = (list: readonly { id: string }[]) => list.map((option) => option.id);
  const otherSide = await children.otherSideWorkers(db, childId);
  const problems = allocationProblems(allocation, {
    workerIds: ids(options.workers),
    teamIds: ids(options.teams),
    youthJusticeWorkerIds: ids(options.youthJusticeWorkers),
    otherSide,
  });
  if (problems.length) {
    // R-KEN-6, R-X-1: refusing the other child's worker is audited.
    if (sameWorkerProblem(allocation.workerId, otherSide))
      await auditRefusal(db, actor, 'child.allocate', 'child', childId, 'same_worker_as_other_child');
    throw new ValidationError(problems);
  }
  const event = (done: Awaited<ReturnType<typeof fulfilTasks>>) => ({
    action: 'child.allocate',
    entityType: 'child',
    entityId: childId,
    details: { ...allocation, tasksDone: done },
  });
  await auditedChange(db, actor, event, async (trx) => {
    const before = await children.findChild(trx, childId);
    if (!before) throw new NotFoundError();
    if (!(await children.setAllocation(trx, childId, version, actor.user.id, allocation))) {
      throw new ConflictError(before.updatedByName, before.updatedAt, [
        {
          label: 'Allocated worker',
          saved: before.allocatedWorkerName ?? 'Not allocated',
          yours: options.workers.find((option) => option.id === allocation.workerId)?.name ?? 'Not allocated',
        },
        {
          label: 'Allocated team',
          saved: before.allocatedTeamName ?? 'Not allocated',
          yours: options.teams.find((option) => option.id === allocation.teamId)?.name ?? 'Not allocated',
        },
      ]);
    }
    const worker = options.workers.find((option) => option.id === allocation.workerId)?.name ?? 'no worker';
    const team = options.teams.find((option) => option.id === allocation.teamId)?.name ?? 'no team';
    // R-KEN-4: a Youth Justice worker alongside; the chronology keeps every reallocation.
    const yj =
      allocation.youthJusticeWorkerId === undefined || allocation.youthJusticeWorkerId === before.youthJusticeWorkerId
        ? ''
        : allocation.youthJusticeWorkerId
          ? ` Youth Justice worker: ${options.youthJusticeWorkers.find((option) => option.id === allocation.youthJusticeWorkerId)?.name}.`
          : ' No Youth Justice worker.';
    await addChronologyEntry(trx, {
      childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'allocation',
      summary: `Allocated to ${worker} (${team}).${yj}`,
    });
    // "Allocate the child harmed their own social worker" is done by allocating one (never the other child's, R-KEN-6).
    return allocation.workerId
      ? await fulfilTasks(trx, actor, {
          authorityId: before.authorityId,
          childId,
          record: 'allocation',
          recordId: childId,
          note: `Allocated to ${worker}.`,
        })
      : [];
  });
}

/** Colleagues a manager may give a read grant to: active accounts of the authority, other than their own. */
export async function grantCandidates(db: Db, actor: Actor) {
  return (await users.listUsers(db, actor.user.authorityId)).filter(
    (user) => user.active && user.id !== actor.user.id && worksWithCases(user.roles),
  );
}

/** A manager gives a named colleague time-limited access to one child's record (R-X-7). */
export async function grantAccess(
  db: Db,
  actor: Actor,
  childId: string,
  grant: { userId: string; reason: string; days: number },
) {
  await authorizeChild(db, actor, childId, 'child.grant');
  const target = isUuid(grant.userId) ? await users.findUserById(db, grant.userId) : undefined;
  const problems = grantProblems(grant, { grantee: target, authorityId: actor.user.authorityId });
  if (problems.length || !target) throw new ValidationError(problems);
  const event = (id: string) => ({
    action: 'child.grant',
    entityType: 'child',
    entityId: childId,
    details: { grantId: id, userId: target.id, days: grant.days },
  });
  await auditedChange(db, actor, event, async (trx) => {
    const expiresAt = new Date(Date.now() + grant.days * 86_400_000);
    const id = await grants.insertGrant(trx, {
      userId: target.id,
      childId,
      reason: grant.reason.trim(),
      grantedBy: actor.user.id,
      expiresAt,
    });
    await addChronologyEntry(trx, {
      childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'access_grant',
      summary: `${target.displayName} given access for ${grant.days} days: ${grant.reason.trim()}`,
    });
    return id;
  });
}

/** The sorts the case list offers, for its page's headings. */
export { CASE_SORTS } from '../repositories/case-list.ts';

export async function listCases(db: Db, actor: Actor, query: Omit<caseList.CaseListQuery, 'teamIds'>) {
  await requireCaseRole(db, actor, 'cases.view');
  const teamIds = actor.user.teams.map((membership) => membership.teamId);
  const result = await caseList.listCases(db, actor.user, { ...query, teamIds });
  // Each row's level of concern and next task, for the whole page at once.
  const summaries = await caseSummaries(
    db,
    result.rows.map((row) => row.id),
  );
  await auditView(db, actor, {
    action: 'cases.view',
    entityType: 'list',
    entityId: query.scope,
    details: { page: query.page, shown: result.rows.length },
  });
  return { total: result.total, rows: result.rows.map((row) => ({ ...row, ...summaries.get(row.id)! })) };
}

export async function searchChildrenToLink(db: Db, actor: Actor, term: string) {
  await requireCaseRole(db, actor, 'child.search');
  const rows = await childSearch.searchVisibleChildren(db, actor.user, term);
  await auditView(db, actor, {
    action: 'child.search',
    entityType: 'list',
    details: { shown: rows.map((row) => row.id) },
  });
  return rows;
}

/** What "Find a child" was asked for: each part as typed (trimmed); the date of birth YYYY-MM-DD. */
export interface FindChildSearch {
  name: string;
  dateOfBirth: string | null;
  school: string;
  identifier: string;
}

/** The most children "Find a child" lists at once, closest first. */
export const FIND_CHILD_LIMIT = 50;

/**
 * "Find a child" (issue 15, R-X-7): the children of the authority matching every part of the
 * search that the person may see, closest first, and how many others match that they may not, as
 * a number only. The name matches with typing errors and familiar forms (nicknames.ts), the date of
 * birth exactly or with its day and month swapped, the school with typing errors, the identifier
 * as an NHS number or person ID with or without its spaces. Every search is audited, with what
 * was searched for, who was shown and how many were not.
 */
/** The actor may use "Find a child": checked before the page shows even its empty form (refusals audited). */
export async function authorizeFindChildren(db: Db, actor: Actor): Promise<void> {
  await requireCaseRole(db, actor, 'child.find');
}

export async function findChildren(db: Db, actor: Actor, search: FindChildSearch) {
  await requireCaseRole(db, actor, 'child.find');
  const criteria = {
    nameWords: nameWords(search.name).map(nameVariants),
    dateOfBirth: search.dateOfBirth
      ? { exact: search.dateOfBirth, swapped: dayMonthSwapped(search.dateOfBirth) }
      : null,
    school: search.school.trim().toLowerCase(),
    identifier: compactIdentifier(search.identifier),
  };
  const result = await childSearch.findChildren(db, actor.user, criteria, FIND_CHILD_LIMIT);
  await auditView(db, actor, {
    action: 'child.find',
    entityType: 'list',
    details: {
      ...(search.name ? { name: search.name } : {}),
      ...(search.dateOfBirth ? { dateOfBirth: search.dateOfBirth } : {}),
      ...(search.school ? { school: search.school } : {}),
      ...(search.identifier ? { identifier: search.identifier } : {}),
      shown: result.shown.map((child) => child.id),
      hidden: result.hidden,
    },
  });
  return result;
}

export async function revokeAccess(db: Db, actor: Actor, childId: string, grantId: string) {
  await authorizeChild(db, actor, childId, 'child.revoke_grant');
  if (!isUuid(grantId)) throw new NotFoundError();
  await auditedChange(
    db,
    actor,
    {
      action: 'child.revoke_grant',
      entityType: 'child',
      entityId: childId,
      details: { grantId },
    },
    async (trx) => {
      if (!(await grants.revokeGrant(trx, grantId, childId))) throw new NotFoundError();
      await addChronologyEntry(trx, {
        childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'access_grant',
        summary: 'An access grant was ended early',
      });
    },
  );
}

// What the children's and cases pages need from the repositories, so that no page imports one (issue 12, item 5).
export type { ChildFields } from '../repositories/children.ts';
export { CHRONOLOGY_KINDS, type ChronologyKind } from '../repositories/chronology.ts';

/** The actor may change the child's details: checked before the form is read, so a refused user learns nothing from it. */
export async function authorizeChildUpdate(db: Db, actor: Actor, childId: string): Promise<void> {
  await authorizeChild(db, actor, childId, 'child.update');
}
