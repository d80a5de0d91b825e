// Corrections to a submitted incident (issue 15): its author, or a manager working on one of its
// children's cases, corrects a section of the Sexual Behaviour Recording Form by making a new
// version with a reason. The incident as it stood is kept whole (repositories/corrections.ts) and
// stays readable; each child's chronology and the audit log say what was corrected and by whom.
// Who is linked, and each child's part, is corrected by a manager only (domain/incident-corrections.ts).
import { may } from '../domain/actions.ts';
import { correctionReasonProblems } from '../domain/corrections.ts';
import { type RelinkChange, relinkProblems, relinkSummary } from '../domain/incident-corrections.ts';
import {
  type ChildRole,
  type IncidentListField,
  type IncidentTextField,
  type SectionDef,
  SECTIONS,
  submitProblems,
} from '../domain/recording-form.ts';
import * as childrenRepo from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as corrections from '../repositories/corrections.ts';
import * as incidents from '../repositories/incidents.ts';
import * as screenings from '../repositories/screenings.ts';
import * as tasksRepo from '../repositories/tasks.ts';
import { authorizeChild, notFound, requireAction, sightOf, subjectOf } from './access.ts';
import type { Actor, Db } from './actor.ts';
import { auditView, auditedChange } from './audited-change.ts';
import { isUuid } from './context.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';

/** The incident as it stood before a correction: what version n of it was. */
export interface IncidentSnapshot {
  occurredAt: string | null;
  text: Record<IncidentTextField, string>;
  lists: Record<IncidentListField, string[]>;
  children: { childId: string; role: ChildRole; ownWords: string }[];
}

/** The part a correction changed: a section's slug, or `children` for who is linked and their parts. */
export const CHILDREN_PART = 'children';

function snapshotOf(inc: incidents.Incident): IncidentSnapshot {
  return {
    occurredAt: inc.occurredAt ? inc.occurredAt.toISOString() : null,
    text: inc.text,
    lists: inc.lists,
    children: inc.children.map((child) => ({ childId: child.childId, role: child.role, ownWords: child.ownWords })),
  };
}

/** A submitted incident of the actor's authority, or 404 (audited). */
async function submittedIncident(db: Db, actor: Actor, id: string, action: string): Promise<incidents.Incident> {
  const inc = isUuid(id) ? await incidents.findIncident(db, id) : undefined;
  if (!inc || inc.authorityId !== actor.user.authorityId || inc.status !== 'submitted') {
    return notFound(db, actor, action, 'incident', id, inc ? 'not_submitted' : 'not_found');
  }
  return inc;
}

/** The actor's bases over the incident's children, together, and whether they wrote it. */
async function standing(db: Db, actor: Actor, inc: incidents.Incident) {
  const sight = await sightOf(
    db,
    actor,
    inc.children.map((child) => child.childId),
  );
  const relations = inc.createdBy === actor.user.id ? (['author'] as const) : [];
  const subject = subjectOf(actor, [...sight.bases.values()].flat(), relations);
  return { sight, subject };
}

/** The incident, when the actor may correct it with `action`: 404 when they may not see it, 403 when they may only see it. */
async function correctable(db: Db, actor: Actor, id: string, action: 'incident.correct' | 'incident.relink') {
  const inc = await submittedIncident(db, actor, id, action);
  const { sight, subject } = await standing(db, actor, inc);
  await requireAction(db, actor, action, subject, { entityType: 'incident', entityId: id }, undefined, subject);
  return { inc, sight };
}

/** The incident and its section, to correct: the form shows the answers as they are now. */
export async function sectionToCorrect(db: Db, actor: Actor, id: string, section: SectionDef) {
  const { inc } = await correctable(db, actor, id, 'incident.correct');
  await auditView(db, actor, {
    action: 'incident.correct_view',
    entityType: 'incident',
    entityId: id,
    details: { section: section.slug },
  });
  return inc;
}

function sameAnswer(before: unknown, after: unknown): boolean {
  if (before instanceof Date || after instanceof Date) {
    return (before as Date | null)?.getTime() === (after as Date | null)?.getTime();
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const inOrder = (list: readonly unknown[]) => list.map(String).sort().join('\n');
    return inOrder(before as unknown[]) === inOrder(after as unknown[]);
  }
  return (before ?? '') === (after ?? '');
}

function currentAnswer(inc: incidents.Incident, field: string): unknown {
  if (field === 'occurred_at') return inc.occurredAt;
  if (field in inc.lists) return inc.lists[field as IncidentListField];
  return inc.text[field as IncidentTextField];
}

/**
 * Corrects one section of a submitted incident: a new version, the old one kept whole with the
 * reason (issue 15). The corrected incident must still hold what a submission needs. A change
 * nobody can see ("Change at least one answer") is refused; so is one made on a version someone
 * has since corrected (409, with what changed).
 */
export async function correctSection(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  section: SectionDef,
  changes: incidents.IncidentChanges,
  reason: string,
): Promise<number> {
  const { inc } = await correctable(db, actor, id, 'incident.correct');
  const changed = Object.keys(changes).filter(
    (field) => !sameAnswer(currentAnswer(inc, field), changes[field as keyof incidents.IncidentChanges]),
  );
  const corrected = {
    occurredAt: 'occurred_at' in changes ? (changes.occurred_at ?? null) : inc.occurredAt,
    values: { ...inc.text, ...Object.fromEntries(Object.entries(changes).filter(([field]) => field in inc.text)) },
    children: inc.children,
  };
  const missing = submitProblems(corrected)
    .filter((problem) => problem.section === section.slug)
    .map((problem) => ({ field: problem.field, message: problem.message }));
  const problems = [
    ...missing,
    ...(changed.length || missing.length
      ? []
      : [{ field: section.fields[0]!.name, message: 'Change at least one answer, or go back to the incident' }]),
    ...correctionReasonProblems(reason),
  ];
  if (problems.length) throw new ValidationError(problems);
  const kept = Object.fromEntries(changed.map((field) => [field, changes[field as keyof incidents.IncidentChanges]]));
  return auditedChange(
    db,
    actor,
    (number: number) => ({
      action: 'incident.correct',
      entityType: 'incident',
      entityId: id,
      details: { section: section.slug, fields: changed, reason: reason.trim(), version: number + 1 },
    }),
    async (trx) => {
      if (!(await incidents.updateIncident(trx, id, version, actor.user.id, kept))) {
        const current = await incidents.findIncident(trx, id);
        throw new ConflictError(current?.updatedByName ?? null, current?.updatedAt ?? null, []);
      }
      const number = await corrections.insertCorrection(trx, {
        authorityId: inc.authorityId,
        recordType: 'incident',
        recordId: id,
        part: section.slug,
        changedFields: changed,
        before: snapshotOf(inc),
        reason: reason.trim(),
        correctedBy: actor.user.id,
      });
      for (const child of inc.children) {
        await addChronologyEntry(trx, {
          childId: child.childId,
          occurredAt: new Date(),
          recordedBy: actor.user.id,
          kind: 'incident',
          summary: `Incident record corrected (version ${number + 1}): ${section.title.toLowerCase()}.`,
          incidentId: id,
        });
      }
      return number;
    },
  );
}

/** The children of an incident a manager may relink: each named where they may see the child, with the part they play. */
export async function childrenToCorrect(db: Db, actor: Actor, id: string) {
  const { inc, sight } = await correctable(db, actor, id, 'incident.relink');
  await auditView(db, actor, {
    action: 'incident.relink_view',
    entityType: 'incident',
    entityId: id,
    details: { shown: inc.children.filter((child) => sight.visible.has(child.childId)).map((child) => child.childId) },
  });
  return { inc, visible: sight.visible };
}

/** One child, linked or to be added, whose part a manager is correcting: 404 for a child they may not see. */
export async function childToCorrect(db: Db, actor: Actor, id: string, childId: string) {
  const { inc, sight } = await correctable(db, actor, id, 'incident.relink');
  const existing = inc.children.find((child) => child.childId === childId);
  if (existing && !sight.visible.has(childId)) return notFound(db, actor, 'incident.relink', 'child', childId);
  // Seeing a linked child is not enough to change their part: a read grant only reads (R-X-7).
  await authorizeChild(db, actor, childId, 'incident.relink_child');
  const found = existing ?? (await childrenRepo.findChild(db, childId));
  if (!found || found.authorityId !== inc.authorityId) return notFound(db, actor, 'incident.relink', 'child', childId);
  await auditView(db, actor, {
    action: 'incident.relink_view',
    entityType: 'incident',
    entityId: id,
    details: { shown: [childId] },
  });
  return {
    inc,
    child: { childId, firstName: found.firstName, lastName: found.lastName },
    currentRole: existing?.role ?? null,
  };
}

/**
 * A manager corrects who an incident links, or a child's part in it, with a reason (issue 15):
 * adds a child, changes a child's part, or takes off a child linked in error. The incident must
 * still have a child who displayed the behaviour, and a child screened for it keeps their part
 * (their screening and its tasks stand on it); the child's other open tasks on the incident are no
 * longer needed. Each child affected gets a chronology line. Says
 * whether a level was decided before: its tasks were set for the children as they were.
 */
export async function relink(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  change: Omit<RelinkChange, 'role'> & { role: RelinkChange['role'] | null },
) {
  const { inc, sight } = await correctable(db, actor, id, 'incident.relink');
  const existing = inc.children.find((child) => child.childId === change.childId);
  // Only a child the manager may see (and, to add one, may link on a basis other than a read grant) is touched.
  if (existing && !sight.visible.has(change.childId))
    return notFound(db, actor, 'incident.relink', 'child', change.childId, 'no_need_to_know');
  if (!existing && change.role === 'remove') return notFound(db, actor, 'incident.relink', 'child', change.childId);
  // Seeing a linked child is not enough to change their part: a read grant only reads (R-X-7).
  await authorizeChild(db, actor, change.childId, 'incident.relink_child');
  const screened = existing ? (await screenings.screeningsFor(db, id, change.childId)).length > 0 : false;
  const pending = existing ? await incidents.openWorkFor(db, id, change.childId) : { taskIds: [], meetings: 0 };
  const problems = relinkProblems({
    children: inc.children,
    change,
    screened,
    meetings: pending.meetings,
    ownWords: change.ownWords,
    reasonProblems: correctionReasonProblems(change.reason),
  });
  if (problems.length || !change.role) throw new ValidationError(problems);
  const role = change.role;
  const child = existing ?? (await childrenRepo.findChild(db, change.childId));
  if (!child || child.authorityId !== inc.authorityId) throw new NotFoundError();
  const reason = change.reason.trim();
  // A level decided before the change set tasks for the children as they were: screening again sets them afresh.
  const decided = (
    await Promise.all(
      inc.children
        .filter((linked) => linked.role === 'displayed')
        .map((linked) => screenings.screeningsFor(db, id, linked.childId)),
    )
  )
    .flat()
    .some((screening) => screening.status === 'decided');
  const number = await auditedChange(
    db,
    actor,
    (number: number) => ({
      action: 'incident.relink',
      entityType: 'incident',
      entityId: id,
      details: {
        childId: change.childId,
        from: existing?.role ?? null,
        to: role === 'remove' ? null : role,
        reason,
        version: number + 1,
      },
    }),
    async (trx) => {
      if (!(await incidents.bumpIncidentVersion(trx, id, version, actor.user.id))) {
        const current = await incidents.findIncident(trx, id);
        throw new ConflictError(current?.updatedByName ?? null, current?.updatedAt ?? null, []);
      }
      if (role === 'remove') {
        await incidents.removeIncidentChild(trx, id, change.childId);
        await childrenRepo.recountLatestIncident(trx, change.childId);
      } else
        await incidents.upsertIncidentChild(trx, {
          incidentId: id,
          childId: change.childId,
          role: role,
          ownWords: existing?.ownWords ?? change.ownWords.trim(),
          ...(existing ? {} : { linkedBy: actor.user.id }),
        });
      const number = await corrections.insertCorrection(trx, {
        authorityId: inc.authorityId,
        recordType: 'incident',
        recordId: id,
        part: CHILDREN_PART,
        changedFields: [change.childId],
        before: snapshotOf(inc),
        reason,
        correctedBy: actor.user.id,
      });
      const summary = relinkSummary(existing?.role ?? null, role, number + 1);
      // The child's open tasks on the incident were set for the part they no longer have.
      if (pending.taskIds.length) {
        await tasksRepo.supersedeTasks(trx, pending.taskIds);
        await addChronologyEntry(trx, {
          childId: change.childId,
          occurredAt: new Date(),
          recordedBy: actor.user.id,
          kind: 'task',
          summary: `${tasksNoLongerNeeded(pending.taskIds.length)}: this child’s part in the incident was corrected.`,
          incidentId: id,
        });
      }
      const others = inc.children.filter((other) => other.childId !== change.childId);
      // The child changed, and every other child in it: their chronology reads the incident as it now is.
      await addChronologyEntry(trx, {
        childId: change.childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'incident',
        summary: summary.thisChild,
        incidentId: id,
      });
      for (const other of others) {
        await addChronologyEntry(trx, {
          childId: other.childId,
          occurredAt: new Date(),
          recordedBy: actor.user.id,
          kind: 'incident',
          summary: summary.otherChild,
          incidentId: id,
        });
      }
      if (role !== 'remove' && !existing) {
        await childrenRepo.recordIncidentOnChildren(trx, [change.childId], inc.occurredAt ?? new Date());
        // As on submitting: a child added to an incident has something to respond to again.
        for (const reopened of await childrenRepo.reopenClosed(trx, [change.childId], actor.user.id)) {
          await addChronologyEntry(trx, {
            childId: reopened,
            occurredAt: new Date(),
            recordedBy: actor.user.id,
            kind: 'case_status',
            summary: 'Case reopened: the child was added to an incident.',
            incidentId: id,
          });
        }
      }
      return number;
    },
  );
  return { number, rescreen: decided };
}

/** "1 open task is no longer needed", "2 open tasks are no longer needed". */
function tasksNoLongerNeeded(count: number): string {
  return `${count} open task${count === 1 ? ' is' : 's are'} no longer needed`;
}

/**
 * One correction as the incident page lists it, with the section (or the children) it corrected in
 * words. The reason for relinking a child is about that child: it is null for a reader who may not see them.
 */
export type CorrectionEntry = Omit<corrections.CorrectionEntry, 'reason'> & { partText: string; reason: string | null };

/** The children each relinking was about that the actor may see: their reasons are theirs to read (R-X-1). */
async function relinkedVisible(db: Db, actor: Actor, rows: readonly { part: string; changedFields: string[] }[]) {
  const ids = rows.filter((row) => row.part === CHILDREN_PART).flatMap((row) => row.changedFields);
  return ids.length ? (await sightOf(db, actor, ids)).visible : new Set<string>();
}

/** The reason, unless it is about a child the reader may not see. */
function readableReason(row: { part: string; changedFields: string[]; reason: string }, visible: ReadonlySet<string>) {
  return row.part !== CHILDREN_PART || row.changedFields.every((childId) => visible.has(childId)) ? row.reason : null;
}

function partText(part: string): string {
  if (part === CHILDREN_PART) return 'Children involved';
  return SECTIONS.find((section) => section.slug === part)?.title ?? part;
}

/** The version the incident is at now: 1 as submitted, one more for each correction. */
export async function versionNow(db: Db, id: string): Promise<number> {
  return (await corrections.correctionsOf(db, 'incident', id)).length + 1;
}

/** The incident's corrections, oldest first, for its page (the viewer has already been shown the incident). */
export async function correctionsFor(db: Db, actor: Actor, id: string): Promise<CorrectionEntry[]> {
  const rows = await corrections.correctionEntries(db, 'incident', id);
  const visible = await relinkedVisible(db, actor, rows);
  return rows.map((row) => ({ ...row, partText: partText(row.part), reason: readableReason(row, visible) }));
}

/** What the actor may do to correct the incident: the buttons the page offers. */
export async function correctionRights(db: Db, actor: Actor, inc: incidents.Incident) {
  const { subject } = await standing(db, actor, inc);
  return {
    correct: may('incident.correct', subject).allowed,
    relink: may('incident.relink', subject).allowed,
  };
}

/**
 * An earlier version of a submitted incident, as it stood before correction n, to anyone who may
 * see the incident now; children the viewer may not see are shown by their part only (R-X-1).
 */
export async function incidentVersion(db: Db, actor: Actor, id: string, number: number) {
  const inc = await submittedIncident(db, actor, id, 'incident.version_view');
  const { sight, subject } = await standing(db, actor, inc);
  await requireAction(db, actor, 'incident.view', subject, {
    entityType: 'incident',
    entityId: id,
    auditAs: 'incident.version_view',
  });
  const rows = await corrections.correctionsOf<IncidentSnapshot>(db, 'incident', id);
  const row = rows.find((candidate) => candidate.number === number);
  if (!row) throw new NotFoundError();
  const before = row.before;
  const ids = before.children.map((child) => child.childId);
  // A child since taken off the incident is seen as the viewer sees them now.
  const extra = ids.filter((childId) => !sight.bases.has(childId));
  const extraSight = extra.length ? await sightOf(db, actor, extra) : { visible: new Set<string>() };
  const visible = new Set([...sight.visible, ...extraSight.visible]);
  const named = new Map(inc.children.map((child) => [child.childId, child] as const));
  for (const childId of extra) {
    if (!visible.has(childId)) continue;
    const found = await childrenRepo.findChild(db, childId);
    if (found)
      named.set(childId, {
        childId,
        role: 'witness',
        ownWords: '',
        firstName: found.firstName,
        lastName: found.lastName,
        dateOfBirth: found.dateOfBirth,
        authorityId: found.authorityId,
      });
  }
  await auditView(db, actor, {
    action: 'incident.version_view',
    entityType: 'incident',
    entityId: id,
    details: { version: number, shown: ids.filter((childId) => visible.has(childId)) },
  });
  const asItWas: incidents.Incident = {
    ...inc,
    occurredAt: before.occurredAt ? new Date(before.occurredAt) : null,
    text: before.text,
    lists: before.lists,
    children: before.children.flatMap((child) => {
      const person = named.get(child.childId);
      return person ? [{ ...person, role: child.role, ownWords: child.ownWords }] : [];
    }),
  };
  return {
    incident: asItWas,
    version: number,
    replacedAt: row.correctedAt,
    replacedByName: row.correctedByName,
    reason: readableReason(row, await relinkedVisible(db, actor, [row])),
    partText: partText(row.part),
    children: before.children.map((child) =>
      visible.has(child.childId) && named.has(child.childId)
        ? {
            ...named.get(child.childId)!,
            role: child.role,
            ownWords: child.ownWords,
            visible: true as const,
            screening: null,
          }
        : { childId: child.childId, role: child.role, visible: false as const, screening: null },
    ),
  };
}
