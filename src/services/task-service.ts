// Tasks from routing: a child's task list, "My tasks" across cases (overdue first), marking a
// task done with a note, taking on a task, and a manager giving it to a named colleague (R-X-3).
// Each change is in the child's chronology; completion resets the inactivity clock (R-THU-7).
import { londonToday } from '../domain/age.ts';
import { assigneeProblems, taskNoteProblems } from '../domain/task-rules.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as tasks from '../repositories/tasks.ts';
import * as users from '../repositories/users.ts';
import { type ActionId, type Relation, SCREENERS, may } from '../domain/actions.ts';
import { authorizeChild, authorizeChildRecord, subjectOf, whoMay } from './access.ts';
import { auditRecordView, auditView, auditedChange } from './audited-change.ts';
import type { Actor, Db } from './actor.ts';
import { requireRole } from './context.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { CASE_ROLES, type Role } from '../domain/roles.ts';
import type { CompletingRecord } from '../domain/pack.ts';
import { getPack } from '../procedures/index.ts';

export const DONE_BY: Record<CompletingRecord, string> = {
  referral: 'the referral',
  'referral-decision': 'the screening decision on the referral',
  assessment: 'the AIM assessment planned',
  'panel-referral': 'the referral to the AIM Pathway Panel',
  allocation: 'the allocation of a worker',
  plan: 'agreeing the plan',
  'plan-review': 'the review of the plan',
};

/**
 * The stages are bound: a task whose work a record does is done when that record is made, in the
 * same transaction, linked to it, with a chronology entry (the pack's `completedBy`). Only the
 * child's open tasks of those steps, for this incident when one is given.
 */
export async function fulfilTasks(
  trx: Db,
  actor: Actor,
  completion: {
    authorityId: string;
    childId: string;
    incidentId?: string | null;
    record: CompletingRecord;
    recordId: string;
    note: string;
    /** For a plan agreed: its kind, for the steps only a plan of that kind does. */
    planKind?: string;
  },
): Promise<string[]> {
  const steps = new Set(
    (getPack(completion.authorityId)?.steps ?? [])
      .filter(
        (step) => step.completedBy === completion.record && (!step.planKind || step.planKind === completion.planKind),
      )
      .map((step) => step.id),
  );
  if (!steps.size) return [];
  const due = (await tasks.tasksForChild(trx, completion.childId)).filter(
    (task) =>
      task.status === 'open' &&
      steps.has(task.stepId) &&
      (!completion.incidentId || task.incidentId === completion.incidentId),
  );
  const done: string[] = [];
  for (const task of due) {
    if (
      !(await tasks.fulfilTask(trx, task.id, actor.user.id, completion.note, {
        type: completion.record,
        id: completion.recordId,
      }))
    )
      continue;
    await addChronologyEntry(trx, {
      childId: task.childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'task',
      summary: `Task done: ${task.title}. ${completion.note}`,
      incidentId: task.incidentId,
      record: { type: 'task', id: task.id },
    });
    done.push(task.id);
  }
  return done;
}

/** A new task for one child: what routing, a referral's outcome or a meeting's outcome sets. */
/** A task as the pages show it. */
export type Task = tasks.Task;

export type TaskToCreate = Omit<tasks.NewTask, 'assignedTo'>;

/**
 * How a new task reaches someone who can do it (R-X-3, ADR 0008):
 * - `owners`: given to nobody in particular. It is in the My tasks of everyone who holds its
 *   role and works on the child's record; a task owed to a service (Youth Justice, the AIM
 *   practitioners, the CSE coordinator) gives that service's team the `service` basis on the child
 *   while it is open, so they find it too.
 * - `screening`: given to the person who screened when they owe it (a screener's own follow-up
 *   always is theirs) and may then do it, else to the child's allocated worker when they hold the
 *   role and may do it; otherwise it waits for its owners, as above.
 */
export type TaskReach =
  | { giveTo: 'owners' }
  /** Given to this person by name: the caller has checked they may do it (a plan's owner, a plan's action). */
  | { giveTo: 'person'; userId: string }
  | { giveTo: 'screening'; child: { id: string; authorityId: string; allocatedWorkerId: string | null } };

/**
 * The one way a service creates a task: in the caller's transaction, given to whoever `reach`
 * names. Returns the new task's id.
 */
export async function createTask(trx: Db, actor: Actor, task: TaskToCreate, reach: TaskReach): Promise<string> {
  const assignedTo =
    reach.giveTo === 'screening'
      ? await screeningAssignee(trx, actor, task.ownerRole as Role | 'screener', reach.child)
      : reach.giveTo === 'person'
        ? reach.userId
        : null;
  return tasks.insertTask(trx, { ...task, assignedTo });
}

/**
 * Who a task set by screening is given to: the screener when they owe it, else the child's
 * allocated worker when they hold the role; only ever someone who may then do it on that child's
 * record (R-X-7). Nobody otherwise: the task waits in My tasks for those who owe it.
 */
async function screeningAssignee(
  db: Db,
  actor: Actor,
  owner: Role | 'screener',
  child: { id: string; authorityId: string; allocatedWorkerId: string | null },
): Promise<string | null> {
  const able = async (userId: string, roles: readonly Role[]) => {
    const who = { id: userId, roles };
    const relations = taskRelations(who, { ownerRole: owner, assignedTo: userId });
    return (await whoMay(db, child.authorityId, child.id, [who], 'task.complete', () => relations)).length > 0;
  };
  if ((owner === 'screener' || actor.user.roles.includes(owner)) && (await able(actor.user.id, actor.user.roles)))
    return actor.user.id;
  if (owner !== 'screener' && child.allocatedWorkerId) {
    const row = await db
      .selectFrom('user_roles')
      .select('user_id')
      .where('user_id', '=', child.allocatedWorkerId)
      .where('role', '=', owner)
      .executeTakeFirst();
    if (row && (await able(row.user_id, [owner]))) return row.user_id;
  }
  return null;
}

export function isOverdue(task: Pick<tasks.Task, 'status' | 'dueOn'>, today = londonToday()): boolean {
  return task.status === 'open' && task.dueOn !== null && task.dueOn < today;
}

export const MY_TASKS_SHOWN = 100;

export async function myTasks(db: Db, actor: Actor) {
  await requireRole(db, actor, CASE_ROLES, 'tasks.mine');
  const today = londonToday();
  // One more than is shown, to say when there are more.
  const fetched = await tasks.tasksForUser(db, actor.user, MY_TASKS_SHOWN + 1);
  const list = fetched.slice(0, MY_TASKS_SHOWN);
  await auditView(db, actor, {
    action: 'tasks.mine',
    entityType: 'user',
    entityId: actor.user.id,
    details: { count: list.length },
  });
  return { today, tasks: list, more: fetched.length > MY_TASKS_SHOWN, shown: MY_TASKS_SHOWN };
}

export async function childTasks(db: Db, actor: Actor, childId: string) {
  await authorizeChild(db, actor, childId, 'task.view', { auditAs: 'tasks.view' });
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const list = await tasks.tasksForChild(db, childId);
  await auditView(db, actor, { action: 'tasks.view', entityType: 'child', entityId: childId });
  return { child, tasks: list, today: londonToday() };
}

/** Who owes a task: the role it names, or for the screener's own follow-ups anyone who screens. */
export function owesTask(roles: readonly Role[], task: Pick<tasks.Task, 'ownerRole'>): boolean {
  return task.ownerRole === 'screener'
    ? roles.some((role) => SCREENERS.includes(role))
    : roles.includes(task.ownerRole as Role);
}

/** How this person stands to the task: given it, and holding the role that owes it. */
export function taskRelations(
  user: { id: string; roles: readonly Role[] },
  task: Pick<tasks.Task, 'ownerRole' | 'assignedTo'>,
): Relation[] {
  const relations: Relation[] = [];
  if (task.assignedTo === user.id) relations.push('assignee');
  if (owesTask(user.roles, task)) relations.push('owes');
  return relations;
}

async function authorizedTask(db: Db, actor: Actor, id: string, action: ActionId) {
  const { record, bases } = await authorizeChildRecord(
    db,
    actor,
    id,
    action,
    'task',
    (taskId) => tasks.findTask(db, taskId),
    {
      relations: (task) => taskRelations(actor.user, task),
    },
  );
  return { task: record, bases };
}

export async function viewTask(db: Db, actor: Actor, id: string) {
  const { task, bases } = await authorizedTask(db, actor, id, 'task.view');
  await auditRecordView(db, actor, 'task.view', { entityType: 'task', entityId: id, childId: task.childId });
  const subject = subjectOf(actor, bases, taskRelations(actor.user, task));
  const open = task.status === 'open';
  return {
    task,
    today: londonToday(),
    /** The record whose making does this task's work, when the procedure names one. */
    doneBy: getPack(task.authorityId)?.steps.find((step) => step.id === task.stepId)?.completedBy ?? null,
    can: {
      complete: open && may('task.complete', subject).allowed,
      take: open && task.assignedTo !== actor.user.id && may('task.assign', subject).allowed,
      give: open && may('task.assign_to', subject).allowed,
      arrange: open && may('meeting.arrange', subject).allowed,
    },
  };
}

export async function completeTask(db: Db, actor: Actor, id: string, version: number, note: string) {
  const { task } = await authorizedTask(db, actor, id, 'task.complete');
  // Done since the form was shown: the page no longer asks, so the form was out of date.
  if (task.status !== 'open') throw new ConflictError(task.completedByName, task.completedAt, []);
  const problems = taskNoteProblems(task, note);
  if (problems.length) throw new ValidationError(problems);
  const text = note.trim();
  await auditedChange(
    db,
    actor,
    {
      action: 'task.complete',
      entityType: 'task',
      entityId: id,
      details: { childId: task.childId, step: task.stepId },
    },
    async (trx) => {
      if (!(await tasks.completeTask(trx, id, version, actor.user.id, text))) throw new ConflictError(null, null, []);
      await addChronologyEntry(trx, {
        childId: task.childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'task',
        summary: `Task done: ${task.title}.${text ? ` ${text}` : ''}`,
        incidentId: task.incidentId,
        record: { type: 'task', id },
      });
      await children.touchChildren(trx, [task.childId]);
    },
  );
}

export async function assignToMe(db: Db, actor: Actor, id: string, version: number) {
  const { task } = await authorizedTask(db, actor, id, 'task.assign');
  await saveAssignment(db, actor, task, version, actor.user.id, actor.user.displayName);
}

/**
 * Colleagues a task may be given to: active, in the child's authority, owing the task and able to
 * do it, which needs more than a read grant (R-X-7). Assigning gives no access: allocate the child
 * first.
 */
export async function assigneeOptions(
  db: Db,
  task: Pick<tasks.Task, 'authorityId' | 'childId' | 'ownerRole'>,
): Promise<{ id: string; name: string }[]> {
  const candidates = await users.listCaseWorkers(
    db,
    task.authorityId,
    task.ownerRole === 'screener' ? SCREENERS : [task.ownerRole],
  );
  const able = await whoMay(db, task.authorityId, task.childId, candidates, 'task.assign', (candidate) =>
    owesTask(candidate.roles, task) ? ['owes'] : [],
  );
  return able.map((colleague) => ({ id: colleague.id, name: colleague.name }));
}

export async function assignTo(db: Db, actor: Actor, id: string, version: number, userId: string) {
  const { task } = await authorizedTask(db, actor, id, 'task.assign_to');
  if (task.status !== 'open') throw new ConflictError(task.completedByName, task.completedAt, []);
  const options = await assigneeOptions(db, task);
  const problems = assigneeProblems(userId, { options, assignedTo: task.assignedTo });
  const who = options.find((option) => option.id === userId);
  if (problems.length || !who) throw new ValidationError(problems);
  await saveAssignment(db, actor, task, version, who.id, who.name);
}

async function saveAssignment(db: Db, actor: Actor, task: tasks.Task, version: number, userId: string, name: string) {
  const event = {
    action: userId === actor.user.id ? 'task.assign' : 'task.assign_to',
    entityType: 'task',
    entityId: task.id,
    details: { childId: task.childId, assignedTo: userId, previously: task.assignedTo },
  };
  await auditedChange(db, actor, event, async (trx) => {
    if (!(await tasks.assignTask(trx, task.id, version, userId))) throw new ConflictError(null, null, []);
    const by = userId === actor.user.id ? '' : ` by ${actor.user.displayName}`;
    const before = task.assignedToName ? ` (was ${task.assignedToName})` : '';
    await addChronologyEntry(trx, {
      childId: task.childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'task',
      summary: `Task assigned to ${name}${by}${before}: ${task.title}.`,
      incidentId: task.incidentId,
      record: { type: 'task', id: task.id },
    });
  });
}
