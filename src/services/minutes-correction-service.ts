// Corrections to approved minutes (issue 15): once the chair has approved a meeting's minutes
// (R-KEN-13), the chair or the manager of a child's case corrects the notes against the agenda,
// or an immediate safety plan they may write, by making a new version with a reason. The minutes
// as approved stay readable, each child's part only to those who may see it (R-X-1); each child's
// chronology and the audit log say the minutes were corrected, by whom and why.
import { correctionReasonProblems } from '../domain/corrections.ts';
import { MINUTES_LIMITS } from '../domain/meeting-rules.ts';
import { tooLong } from '../domain/text-limits.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as corrections from '../repositories/corrections.ts';
import * as meetings from '../repositories/meetings.ts';
import type { Actor, Db } from './actor.ts';
import { auditRefusal, auditView, auditedChange } from './audited-change.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { authorizeMeeting } from './meeting-service.ts';

/** The minutes as they stood before a correction: the notes against each agenda item, and each child's plan. */
export interface MinutesSnapshot {
  notes: string[];
  safetyPlans: Record<string, string>;
}

export interface MinutesCorrectionInput {
  notes: Record<number, string>;
  safetyPlans: Record<string, string>;
  reason: string;
}

function snapshotOf(meeting: meetings.Meeting): MinutesSnapshot {
  return {
    notes: meeting.agenda.map((item) => item.notes),
    safetyPlans: Object.fromEntries(meeting.children.map((child) => [child.childId, child.safetyPlan])),
  };
}

/** The meeting, when its minutes are approved and the actor may correct them: 404 when they may not see it, 403 else. */
async function correctable(db: Db, actor: Actor, id: string) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.correct_minutes');
  if (!access.meeting.minutesApprovedAt) {
    await auditRefusal(db, actor, 'meeting.correct_minutes', 'meeting', id, 'minutes_not_approved');
    throw new ForbiddenError('Minutes are corrected once approved; until then they are recorded');
  }
  return access;
}

/** The approved minutes to correct: the agenda's notes, the plans the actor may write, the version now. */
export async function minutesToCorrect(db: Db, actor: Actor, id: string) {
  const access = await correctable(db, actor, id);
  await auditView(db, actor, {
    action: 'meeting.correct_minutes_view',
    entityType: 'meeting',
    entityId: id,
    details: { shown: [...access.visibleChildIds] },
  });
  const made = await corrections.correctionsOf(db, 'minutes', id);
  return {
    meeting: access.meeting,
    typeLabel: access.type.label,
    planChildren: access.meeting.children.filter((child) => access.planChildIds.has(child.childId)),
    versionNow: made.length + 1,
  };
}

/**
 * Corrects approved minutes: the notes against the agenda and the safety plans the actor may
 * write, as a new version with the reason; answers on a child whose plan they may not write are
 * ignored (R-X-7). A correction that changes nothing, or made on a meeting changed since, is refused.
 */
export async function correctMinutes(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: MinutesCorrectionInput,
): Promise<number> {
  const access = await correctable(db, actor, id);
  const { meeting } = access;
  const problems: { field: string; message: string }[] = [];
  const agenda = meeting.agenda.map((item, index) => {
    const typed = input.notes[index];
    if (typed === undefined) return item;
    if (typed.length > MINUTES_LIMITS.note)
      problems.push({ field: `note-${index}`, message: tooLong('Notes', MINUTES_LIMITS.note) });
    return { ...item, notes: typed.trim() };
  });
  const plans = new Map<string, string>();
  for (const child of meeting.children) {
    const typed = input.safetyPlans[child.childId];
    if (typed === undefined || !access.planChildIds.has(child.childId)) continue;
    if (typed.length > MINUTES_LIMITS.safetyPlan)
      problems.push({
        field: `safetyPlan-${child.childId}`,
        message: tooLong('Immediate safety plan', MINUTES_LIMITS.safetyPlan),
      });
    else if (!typed.trim() && child.safetyPlan)
      problems.push({
        field: `safetyPlan-${child.childId}`,
        message: `Enter the immediate safety plan for ${child.firstName}`,
      });
    if (typed.trim() !== child.safetyPlan) plans.set(child.childId, typed.trim());
  }
  const changedNotes = agenda.flatMap((item, index) =>
    item.notes !== meeting.agenda[index]!.notes ? [`note-${index}`] : [],
  );
  const changed = [...changedNotes, ...[...plans.keys()].map((childId) => `safetyPlan-${childId}`)];
  if (!changed.length && !problems.length)
    problems.push({
      field: meeting.agenda.length ? 'note-0' : 'reason',
      message: 'Change at least one answer, or go back to the meeting',
    });
  problems.push(...correctionReasonProblems(input.reason));
  if (problems.length) throw new ValidationError(problems);
  const reason = input.reason.trim();
  return auditedChange(
    db,
    actor,
    (number: number) => ({
      action: 'meeting.correct_minutes',
      entityType: 'meeting',
      entityId: id,
      details: { fields: changed, reason, version: number + 1 },
    }),
    async (trx) => {
      if (!(await meetings.correctMinutesNotes(trx, id, version, agenda))) throw new ConflictError(null, null, []);
      for (const [childId, plan] of plans) await meetings.setSafetyPlan(trx, id, childId, plan);
      const number = await corrections.insertCorrection(trx, {
        authorityId: meeting.authorityId,
        recordType: 'minutes',
        recordId: id,
        part: 'minutes',
        changedFields: changed,
        before: snapshotOf(meeting),
        reason,
        correctedBy: actor.user.id,
      });
      for (const child of meeting.children) {
        // Only the children of the convening authority have their chronology here.
        if (child.childAuthorityId !== meeting.authorityId) continue;
        await addChronologyEntry(trx, {
          childId: child.childId,
          occurredAt: new Date(),
          recordedBy: actor.user.id,
          kind: 'meeting',
          summary: plans.has(child.childId)
            ? `Minutes corrected, this child’s immediate safety plan among them (version ${number + 1}).`
            : `Minutes corrected (version ${number + 1}).`,
          incidentId: meeting.incidentId,
          record: { type: 'meeting', id },
        });
      }
      return number;
    },
  );
}

/** The minutes' corrections, oldest first, for the meeting page (the viewer has already been shown it). */
export function minutesCorrections(db: Db, id: string) {
  return corrections.correctionEntries(db, 'minutes', id);
}

/** The minutes as they stood before correction n, each child's plan only where the viewer may see that child's part. */
export async function minutesVersion(db: Db, actor: Actor, id: string, number: number) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.view', 'meeting.minutes_version_view');
  const row = (await corrections.correctionsOf<MinutesSnapshot>(db, 'minutes', id)).find(
    (candidate) => candidate.number === number,
  );
  if (!row) throw new NotFoundError();
  const { meeting } = access;
  await auditView(db, actor, {
    action: 'meeting.minutes_version_view',
    entityType: 'meeting',
    entityId: id,
    details: { version: number, shown: [...access.visibleChildIds] },
  });
  return {
    meeting,
    typeLabel: access.type.label,
    version: number,
    replacedAt: row.correctedAt,
    replacedByName: row.correctedByName,
    reason: row.reason,
    agenda: meeting.agenda.map((item, index) => ({ ...item, notes: row.before.notes[index] ?? '' })),
    plans: meeting.children.map((child) =>
      access.visibleChildIds.has(child.childId)
        ? {
            visible: true as const,
            name: child.name,
            role: child.role,
            plan: row.before.safetyPlans[child.childId] ?? '',
          }
        : { visible: false as const, role: child.role },
    ),
  };
}
