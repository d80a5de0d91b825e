// Tasks: the next steps routing produced, each with its owner, deadline and clause (R-X-3).
import { type Kysely, type Updateable, sql } from 'kysely';
import type { Database, TasksTable } from '../db/types.ts';
import type { Viewer } from '../domain/access.ts';
import type { CompletingRecord } from '../domain/pack.ts';
import { visibleTo } from './access.ts';
import { aboutChild, changedOne, childName, type JsonRow, type RowOf, timestamp } from './shared-columns.ts';

export interface Task {
  id: string;
  authorityId: string;
  childId: string;
  childName: string;
  incidentId: string | null;
  screeningId: string | null;
  stepId: string;
  title: string;
  detail: string;
  kind: 'do' | 'consider';
  ownerRole: string;
  assignedTo: string | null;
  assignedToName: string | null;
  dueOn: string | null;
  dueRule: string;
  clause: string;
  requirementId: string;
  status: 'open' | 'done' | 'superseded';
  createdAt: Date;
  completedAt: Date | null;
  completedByName: string | null;
  completionNote: string;
  /** The meeting whose outcome set this task. */
  meetingId: string | null;
  /** The meeting type this task is to hold (R-KEN-5, R-ISL-5). */
  arranges: string | null;
  /** The record that did this task's work and completed it. */
  fulfilledBy: { type: CompletingRecord; id: string } | null;
  version: number;
}

export interface NewTask extends Pick<
  Task,
  | 'authorityId'
  | 'childId'
  | 'screeningId'
  | 'stepId'
  | 'title'
  | 'detail'
  | 'kind'
  | 'ownerRole'
  | 'assignedTo'
  | 'dueOn'
  | 'dueRule'
  | 'clause'
  | 'requirementId'
> {
  incidentId: string | null;
  meetingId?: string | null;
  arranges?: string | null;
  /** The plan a task is to review (issue 14): the plan's review does it. */
  planId?: string | null;
}

export async function insertTask(db: Kysely<Database>, task: NewTask): Promise<string> {
  const row = await db
    .insertInto('tasks')
    .values({
      authority_id: task.authorityId,
      child_id: task.childId,
      incident_id: task.incidentId,
      screening_id: task.screeningId,
      step_id: task.stepId,
      title: task.title,
      detail: task.detail,
      kind: task.kind,
      owner_role: task.ownerRole,
      assigned_to: task.assignedTo,
      due_on: task.dueOn,
      due_rule: task.dueRule,
      clause: task.clause,
      requirement_id: task.requirementId,
      meeting_id: task.meetingId ?? null,
      arranges: task.arranges ?? null,
      plan_id: task.planId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('children as c', 'c.id', 't.child_id')
    .leftJoin('users as a', 'a.id', 't.assigned_to')
    .leftJoin('users as d', 'd.id', 't.completed_by')
    .selectAll('t')
    .select([childName.as('child_name'), 'a.display_name as assigned_to_name', 'd.display_name as completed_by_name']);
}

type TaskRow = RowOf<typeof baseQuery>;

/** The one mapping of a task, read directly or through JSON (the child's record reads its tasks so). */
export function toTask(row: TaskRow | JsonRow<TaskRow>): Task {
  return {
    id: row.id,
    authorityId: row.authority_id,
    ...aboutChild(row),
    incidentId: row.incident_id,
    screeningId: row.screening_id,
    stepId: row.step_id,
    title: row.title,
    detail: row.detail,
    kind: row.kind as Task['kind'],
    ownerRole: row.owner_role,
    assignedTo: row.assigned_to,
    assignedToName: row.assigned_to_name,
    dueOn: row.due_on,
    dueRule: row.due_rule,
    clause: row.clause,
    requirementId: row.requirement_id,
    status: row.status as Task['status'],
    createdAt: timestamp(row.created_at),
    completedAt: timestamp(row.completed_at),
    completedByName: row.completed_by_name,
    completionNote: row.completion_note,
    meetingId: row.meeting_id,
    arranges: row.arranges,
    fulfilledBy:
      row.fulfilled_by_type && row.fulfilled_by_id
        ? { type: row.fulfilled_by_type as CompletingRecord, id: row.fulfilled_by_id }
        : null,
    version: row.version,
  };
}

export async function findTask(db: Kysely<Database>, id: string): Promise<Task | undefined> {
  const row = await baseQuery(db).where('t.id', '=', id).executeTakeFirst();
  return row ? toTask(row) : undefined;
}

/** A child's tasks in the order `tasksForChild` gives them: the query, for it and the child's record. */
export function tasksForChildQuery(db: Kysely<Database>, childId: string) {
  return baseQuery(db)
    .where('t.child_id', '=', childId)
    .orderBy(sql`case t.status when 'open' then 0 when 'done' then 1 else 2 end`)
    .orderBy(sql`t.due_on asc nulls last`)
    .orderBy('t.created_at', 'asc');
}

/** Open tasks first, overdue first, then by due date; done and superseded after. */
export async function tasksForChild(db: Kysely<Database>, childId: string): Promise<Task[]> {
  const rows = await tasksForChildQuery(db, childId).execute();
  return rows.map(toTask);
}

export async function tasksForIncidentChild(
  db: Kysely<Database>,
  incidentId: string,
  childId: string,
): Promise<Task[]> {
  const rows = await baseQuery(db).where('t.incident_id', '=', incidentId).where('t.child_id', '=', childId).execute();
  return rows.map(toTask);
}

/**
 * "My tasks": open tasks assigned to the viewer, and unassigned ones whose owner role the viewer
 * holds on children the viewer may see. Overdue first, then by due date (R-X-3): ordering by the
 * due date alone does both, since every overdue date is before every other, and lets the
 * partial index on open tasks' due dates stop at the limit (measured: 1.9 s to 9 ms per page at
 * 300,000 tasks).
 */
export async function tasksForUser(db: Kysely<Database>, viewer: Viewer, limit = 100): Promise<Task[]> {
  const rows = await baseQuery(db)
    .where('t.status', '=', 'open')
    .where('t.authority_id', '=', viewer.authorityId)
    .where(visibleTo(viewer))
    .where((eb) =>
      eb.or([
        eb('t.assigned_to', '=', viewer.id),
        eb.and([
          eb('t.assigned_to', 'is', null),
          eb('t.owner_role', 'in', viewer.roles.length ? [...viewer.roles] : ['-']),
        ]),
      ]),
    )
    .orderBy(sql`t.due_on asc nulls last`)
    .orderBy('t.created_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map(toTask);
}

export async function supersedeTasks(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('tasks')
    .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1) }))
    .where('id', 'in', ids)
    .where('status', '=', 'open')
    .execute();
}

/** One change to an open task, checked against `version` when one is given; false when stale or no longer open. */
async function updateOpen(
  db: Kysely<Database>,
  id: string,
  version: number | undefined,
  changes: Updateable<TasksTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('tasks')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .$if(version !== undefined, (query) => query.where('version', '=', version!))
    .where('status', '=', 'open')
    .executeTakeFirst();
  return changedOne(result);
}

/** What marks a task done: who did it, when, and their note. */
function done(by: string, note: string) {
  return { status: 'done' as const, completed_at: new Date(), completed_by: by, completion_note: note };
}

/** Done by the record that did its work, in that record's own transaction: no version to check, only that it is still open. */
export function fulfilTask(
  db: Kysely<Database>,
  id: string,
  by: string,
  note: string,
  record: { type: CompletingRecord; id: string },
): Promise<boolean> {
  return updateOpen(db, id, undefined, {
    ...done(by, note),
    fulfilled_by_type: record.type,
    fulfilled_by_id: record.id,
  });
}

export function completeTask(
  db: Kysely<Database>,
  id: string,
  version: number,
  by: string,
  note: string,
): Promise<boolean> {
  return updateOpen(db, id, version, done(by, note));
}

export function assignTask(db: Kysely<Database>, id: string, version: number, userId: string): Promise<boolean> {
  return updateOpen(db, id, version, { assigned_to: userId });
}

/** A plan's open tasks: of one step (the review, one at a time), or all of them (its review and its actions). */
export async function openPlanTasks(db: Kysely<Database>, planId: string, stepId?: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('plan_id', '=', planId)
    .where('status', '=', 'open')
    .$if(stepId !== undefined, (query) => query.where('step_id', '=', stepId!))
    .execute();
  return rows.map((row) => row.id);
}

/** A plan's actions: the tasks it gave named colleagues, in the order they are due. */
export async function planActions(db: Kysely<Database>, planId: string): Promise<Task[]> {
  const rows = await baseQuery(db)
    .where('t.plan_id', '=', planId)
    .where('t.step_id', '=', 'plan-action')
    .orderBy('t.due_on')
    .orderBy('t.created_at')
    .execute();
  return rows.map(toTask);
}
