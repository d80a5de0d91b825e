// Writing a record on a child's case with what it says in the child's chronology (R-X-9), in the
// caller's transaction or as one audited change (R-X-7).
import { type ChronologyKind, type ChronologyRecord, addChronologyEntry } from '../repositories/chronology.ts';
import { type Actor, ConflictError, type Db } from './context.ts';
import { auditedChange } from './audited-change.ts';
import { fulfilTasks } from './task-service.ts';

/**
 * A new record that does the work of routing steps (the pack's completedBy): the open tasks it
 * fulfils, each with its own entry, then the child's entry for the record. The ids of the tasks done.
 */
export async function fulfilAndRecord(
  trx: Db,
  actor: Actor,
  fulfils: Parameters<typeof fulfilTasks>[2],
  entry: { kind: ChronologyKind; summary: string; record: ChronologyRecord; incidentId?: string | null },
): Promise<string[]> {
  const done = await fulfilTasks(trx, actor, fulfils);
  await addChronologyEntry(trx, {
    childId: fulfils.childId,
    occurredAt: new Date(),
    recordedBy: actor.user.id,
    ...entry,
  });
  return done;
}

/** The record a change is to: its audit entity and the child whose chronology says so. */
export interface ChildRecord {
  entityType: string;
  id: string;
  childId: string;
  kind: ChronologyKind;
}

/**
 * One change to a record on a child's case, with the child's chronology entry and its audit event
 * (the child's id among the details) in one transaction; a stale version writes nothing (409).
 */
export async function childRecordChange(
  db: Db,
  actor: Actor,
  record: ChildRecord,
  change: { action: string; summary: string; details?: Record<string, unknown> },
  write: (trx: Db) => Promise<boolean>,
): Promise<void> {
  const event = {
    action: change.action,
    entityType: record.entityType,
    entityId: record.id,
    details: { childId: record.childId, ...change.details },
  };
  await auditedChange(db, actor, event, async (trx) => {
    if (!(await write(trx))) throw new ConflictError(null, null, []);
    await addChronologyEntry(trx, {
      childId: record.childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: record.kind,
      summary: change.summary,
    });
  });
}
