// Tasks from routing: a child's task list, "My tasks" across cases (overdue first), marking a
// task done with a note, taking on a task, and a manager giving it to a named colleague (R-X-3).
// Each change is in the child's chronology; completion resets the inactivity clock (R-THU-7).
import { londonToday } from '../domain/age.ts';
import { appendAuditEvent } from '../repositories/audit.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as tasks from '../repositories/tasks.ts';
import * as users from '../repositories/users.ts';
import { authorizeChild, authorizeChildRecord, whoCanSee } from './child-service.ts';
import { type Actor, ConflictError, type Db, ForbiddenError, NotFoundError, ValidationError, auditFor, auditRefusal, requireRole, transaction } from './context.ts';
import { CASE_ROLES, type Role } from '../domain/roles.ts';

export function isOverdue(t: Pick<tasks.Task, 'status' | 'dueOn'>, today = londonToday()): boolean {
  return t.status === 'open' && t.dueOn !== null && t.dueOn < today;
}

export const MY_TASKS_SHOWN = 100;

export async function myTasks(db: Db, actor: Actor) {
  await requireRole(db, actor, CASE_ROLES, 'tasks.mine');
  const today = londonToday();
  // One more than is shown, to say when there are more.
  const fetched = await tasks.tasksForUser(db, actor.user, MY_TASKS_SHOWN + 1);
  const list = fetched.slice(0, MY_TASKS_SHOWN);
  await transaction(db, (trx) =>
    appendAuditEvent(trx, auditFor(actor, { action: 'tasks.mine', entityType: 'user', entityId: actor.user.id, outcome: 'ok', details: { count: list.length } })),
  );
  return { today, tasks: list, more: fetched.length > MY_TASKS_SHOWN, shown: MY_TASKS_SHOWN };
}

export async function childTasks(db: Db, actor: Actor, childId: string) {
  await authorizeChild(db, actor, childId, 'tasks.view');
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const list = await tasks.tasksForChild(db, childId);
  await transaction(db, (trx) => appendAuditEvent(trx, auditFor(actor, { action: 'tasks.view', entityType: 'child', entityId: childId, outcome: 'ok' })));
  return { child, tasks: list, today: londonToday() };
}

function authorizedTask(db: Db, actor: Actor, id: string, action: string) {
  return authorizeChildRecord(db, actor, id, action, 'task', (x) => tasks.findTask(db, x));
}

export async function viewTask(db: Db, actor: Actor, id: string) {
  const t = await authorizedTask(db, actor, id, 'task.view');
  await transaction(db, (trx) => appendAuditEvent(trx, auditFor(actor, { action: 'task.view', entityType: 'task', entityId: id, outcome: 'ok' })));
  return { task: t, today: londonToday() };
}

export async function completeTask(db: Db, actor: Actor, id: string, version: number, note: string) {
  const t = await authorizedTask(db, actor, id, 'task.complete');
  const text = note.trim();
  if (text.length > 2000) throw new ValidationError([{ field: 'note', message: 'What was done must be 2000 characters or fewer' }]);
  if (t.kind === 'consider' && !text) throw new ValidationError([{ field: 'note', message: 'Enter what was decided and why' }]);
  await transaction(db, async (trx) => {
    if (!(await tasks.completeTask(trx, id, version, actor.user.id, text))) throw new ConflictError(null, null, []);
    await addChronologyEntry(trx, {
      childId: t.childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'task',
      summary: `Task done: ${t.title}.${text ? ` ${text}` : ''}`,
      incidentId: t.incidentId,
    });
    await children.touchChildren(trx, [t.childId]);
    await appendAuditEvent(trx, auditFor(actor, { action: 'task.complete', entityType: 'task', entityId: id, outcome: 'ok', details: { childId: t.childId, step: t.stepId } }));
  });
}

export async function assignToMe(db: Db, actor: Actor, id: string, version: number) {
  const t = await authorizedTask(db, actor, id, 'task.assign');
  if (t.ownerRole !== 'screener' && !actor.user.roles.includes(t.ownerRole as never)) {
    await auditRefusal(db, actor, 'task.assign', 'task', id, 'missing_owner_role');
    throw new ForbiddenError();
  }
  await saveAssignment(db, actor, t, version, actor.user.id, actor.user.displayName);
}

/** Those who allocate work (R-KEN-6 allocation) also give tasks to named colleagues. */
const ASSIGNING_ROLES: readonly Role[] = ['team_manager', 'front_door'];

export function canAssignOthers(actor: Actor): boolean {
  return actor.user.roles.some((r) => ASSIGNING_ROLES.includes(r));
}

/**
 * Colleagues a task may be given to: active, in the child's authority, holding the role that owes
 * the task (any case role for the screener's tasks), and already able to see the child's record.
 * Assigning gives no access (R-X-7): allocate the child or grant access first.
 */
export async function assigneeOptions(db: Db, t: Pick<tasks.Task, 'authorityId' | 'childId' | 'ownerRole'>): Promise<{ id: string; name: string }[]> {
  const candidates = await users.listCaseWorkers(db, t.authorityId, t.ownerRole === 'screener' ? CASE_ROLES : [t.ownerRole]);
  return (await whoCanSee(db, t.authorityId, t.childId, candidates)).map((c) => ({ id: c.id, name: c.name }));
}

export async function assignTo(db: Db, actor: Actor, id: string, version: number, userId: string) {
  const t = await authorizedTask(db, actor, id, 'task.assign_to');
  if (!canAssignOthers(actor)) {
    await auditRefusal(db, actor, 'task.assign_to', 'task', id, 'missing_role');
    throw new ForbiddenError();
  }
  const who = (await assigneeOptions(db, t)).find((o) => o.id === userId);
  if (!userId) throw new ValidationError([{ field: 'assignee', message: 'Select who to give the task to' }]);
  if (!who) throw new ValidationError([{ field: 'assignee', message: 'Select someone from the list: they must hold the role and be able to see the child’s record' }]);
  if (t.assignedTo === who.id) throw new ValidationError([{ field: 'assignee', message: `The task is already assigned to ${who.name}` }]);
  await saveAssignment(db, actor, t, version, who.id, who.name);
}

async function saveAssignment(db: Db, actor: Actor, t: tasks.Task, version: number, userId: string, name: string) {
  await transaction(db, async (trx) => {
    if (!(await tasks.assignTask(trx, t.id, version, userId))) throw new ConflictError(null, null, []);
    const by = userId === actor.user.id ? '' : ` by ${actor.user.displayName}`;
    const before = t.assignedToName ? ` (was ${t.assignedToName})` : '';
    await addChronologyEntry(trx, { childId: t.childId, occurredAt: new Date(), recordedBy: actor.user.id, kind: 'task', summary: `Task assigned to ${name}${by}${before}: ${t.title}.`, incidentId: t.incidentId });
    await appendAuditEvent(
      trx,
      auditFor(actor, { action: userId === actor.user.id ? 'task.assign' : 'task.assign_to', entityType: 'task', entityId: t.id, outcome: 'ok', details: { childId: t.childId, assignedTo: userId, previously: t.assignedTo } }),
    );
  });
}
