// Closing and reopening a child's case. A team manager closes it, with the reasons, once nothing
// is left to do: no open task and no meeting still arranged (R-X-3, R-X-9). A manager reopens it
// with the reasons; a new incident about the child, or new tasks from screening again, reopen it.
// Each change is in the chronology and the audit log; a closed case drops out of the inactivity
// flag (R-THU-7).
import type { ActionId } from '../domain/actions.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import { meetingsForChild } from '../repositories/meetings.ts';
import { tasksForChild } from '../repositories/tasks.ts';
import { closeCaseProblems, reopenCaseProblems } from '../domain/case-closure.ts';
import { authorizeChild } from './access.ts';
import { type Actor, ConflictError, type Db, NotFoundError, ValidationError } from './context.ts';
import { auditView, auditedChange } from './audited-change.ts';

/** The longest reasons the form takes (its character count shows the same). */
export { MAX_REASON } from '../domain/case-closure.ts';

/** What must be finished before the case can close: open tasks and meetings still arranged. */
async function blockers(db: Db, childId: string) {
  const tasks = (await tasksForChild(db, childId))
    .filter((task) => task.status === 'open')
    .map((task) => ({ id: task.id, title: task.title, dueOn: task.dueOn }));
  const meetings = (await meetingsForChild(db, childId))
    // A cancelled meeting stops nothing (issue 15).
    .filter((meeting) => meeting.status === 'arranged')
    .map((meeting) => ({ id: meeting.id, typeLabel: meeting.typeLabel, dueOn: meeting.dueOn }));
  return { tasks, meetings, any: tasks.length + meetings.length > 0 };
}

async function authorizeClosing(db: Db, actor: Actor, childId: string, action: ActionId, auditAs?: string) {
  await authorizeChild(db, actor, childId, action, auditAs ? { auditAs } : {});
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  return child;
}

/** The close (or reopen) page: the child, and what still stands in the way of closing. */
export async function closureView(db: Db, actor: Actor, childId: string) {
  const child = await authorizeClosing(db, actor, childId, 'child.close', 'child.closure_view');
  const open = child.status === 'open' ? await blockers(db, childId) : { tasks: [], meetings: [], any: false };
  await auditView(db, actor, { action: 'child.closure_view', entityType: 'child', entityId: childId });
  return { child, blockers: open };
}

/**
 * Closes or reopens the case in one transaction with its chronology entry and audit event; a stale
 * version changes nothing (409).
 */
async function changeStatus(
  db: Db,
  actor: Actor,
  child: { id: string; updatedByName: string | null; updatedAt: Date },
  action: 'child.close' | 'child.reopen',
  summary: string,
  write: (trx: Db) => Promise<boolean>,
) {
  await auditedChange(db, actor, { action, entityType: 'child', entityId: child.id }, async (trx) => {
    if (!(await write(trx))) throw new ConflictError(child.updatedByName, child.updatedAt, []);
    await addChronologyEntry(trx, {
      childId: child.id,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'case_status',
      summary,
    });
  });
}

export async function closeCase(db: Db, actor: Actor, childId: string, version: number, reasonInput: string) {
  const child = await authorizeClosing(db, actor, childId, 'child.close');
  const reason = reasonInput.trim();
  // Closed since the form was shown: the page now offers reopening, not this form.
  if (child.status === 'closed') throw new ConflictError(child.updatedByName, child.updatedAt, []);
  const problems = closeCaseProblems(reason, { blocked: (await blockers(db, childId)).any });
  if (problems.length) throw new ValidationError(problems);
  await changeStatus(db, actor, child, 'child.close', `Case closed by ${actor.user.displayName}: ${reason}`, (trx) =>
    children.closeCase(trx, childId, version, actor.user.id, reason),
  );
}

export async function reopenCase(db: Db, actor: Actor, childId: string, version: number, reasonInput: string) {
  const child = await authorizeClosing(db, actor, childId, 'child.reopen');
  const reason = reasonInput.trim();
  // Reopened since the form was shown: the page now offers closing, not this form.
  if (child.status === 'open') throw new ConflictError(child.updatedByName, child.updatedAt, []);
  const problems = reopenCaseProblems(reason);
  if (problems.length) throw new ValidationError(problems);
  await changeStatus(db, actor, child, 'child.reopen', `Case reopened by ${actor.user.displayName}: ${reason}`, (trx) =>
    children.reopenCase(trx, childId, version, actor.user.id),
  );
}
