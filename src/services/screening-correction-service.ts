// Corrections to a decided screening (issue 15): the person who decided the level of concern, or a
// manager working on the child's case, corrects the reasons given for it by making a new version
// with a reason. The level itself is never corrected: it set the child's tasks, so a different
// level is a new screening. The reasons as they stood stay readable; the child's chronology and
// the audit log say it was corrected, by whom and why.
import { correctionReasonProblems } from '../domain/corrections.ts';
import { DECISION_RATIONALE_MAX } from '../domain/screening-rules.ts';
import { tooLong } from '../domain/text-limits.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as corrections from '../repositories/corrections.ts';
import * as screenings from '../repositories/screenings.ts';
import { authorizeChildRecord } from './access.ts';
import type { Actor, Db } from './actor.ts';
import { auditRefusal, auditView, auditedChange } from './audited-change.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

/** The screening's decision as it stood before a correction. */
export interface ScreeningSnapshot {
  rationale: string;
}

/** The decided screening, when the actor may correct it: 404 when they may not see it, 403 when they may only see it. */
async function correctable(db: Db, actor: Actor, id: string) {
  const { record } = await authorizeChildRecord(
    db,
    actor,
    id,
    'screening.correct',
    'screening',
    (screeningId) => screenings.findScreening(db, screeningId),
    { relations: (screening) => (screening.decidedBy === actor.user.id ? ['decider'] : []) },
  );
  if (record.status !== 'decided') {
    await auditRefusal(db, actor, 'screening.correct', 'screening', id, 'not_decided');
    throw new ForbiddenError('Only a decided level of concern is corrected');
  }
  return record;
}

/** The screening's corrections so far: its version now is one more. */
async function correctionsOf(db: Db, id: string) {
  return corrections.correctionsOf<ScreeningSnapshot>(db, 'screening', id);
}

/** The decided screening and its version, to correct its reasons. */
export async function screeningToCorrect(db: Db, actor: Actor, id: string) {
  const screening = await correctable(db, actor, id);
  await auditView(db, actor, { action: 'screening.correct_view', entityType: 'screening', entityId: id });
  return { screening, version: (await correctionsOf(db, id)).length + 1 };
}

/**
 * Corrects the reasons for a decided level of concern: a new version, the reasons as they were
 * kept with the reason for the correction. `version` is the one the form was shown at; a
 * correction made since answers 409.
 */
export async function correctReasons(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: { rationale: string; reason: string },
): Promise<number> {
  const screening = await correctable(db, actor, id);
  const rationale = input.rationale.trim();
  const problems = [
    ...(!rationale
      ? [{ field: 'rationale', message: 'Enter the reasons for the decision' }]
      : rationale.length > DECISION_RATIONALE_MAX
        ? [{ field: 'rationale', message: tooLong('Reasons for the decision', DECISION_RATIONALE_MAX) }]
        : rationale === (screening.rationale ?? '').trim()
          ? [{ field: 'rationale', message: 'Change the reasons, or go back to the screening' }]
          : []),
    ...correctionReasonProblems(input.reason),
  ];
  if (problems.length) throw new ValidationError(problems);
  const reason = input.reason.trim();
  return auditedChange(
    db,
    actor,
    (number: number) => ({
      action: 'screening.correct',
      entityType: 'screening',
      entityId: id,
      details: { childId: screening.childId, fields: ['rationale'], reason, version: number + 1 },
    }),
    async (trx) => {
      // A correction racing this one waits here, then finds the version moved on (409, not a duplicate number).
      await screenings.lockScreening(trx, id);
      const made = await corrections.correctionsOf(trx, 'screening', id);
      if (made.length + 1 !== version) {
        const last = made.at(-1);
        throw new ConflictError(last?.correctedByName ?? null, last?.correctedAt ?? null, []);
      }
      const number = await corrections.insertCorrection(trx, {
        authorityId: screening.authorityId,
        recordType: 'screening',
        recordId: id,
        part: 'rationale',
        changedFields: ['rationale'],
        before: { rationale: screening.rationale ?? '' } satisfies ScreeningSnapshot,
        reason,
        correctedBy: actor.user.id,
      });
      if (!(await screenings.correctRationale(trx, id, rationale))) throw new ConflictError(null, null, []);
      await addChronologyEntry(trx, {
        childId: screening.childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'screening',
        summary: `Reasons for the level of concern corrected (version ${number + 1}).`,
        incidentId: screening.incidentId,
        record: { type: 'screening', id },
      });
      return number;
    },
  );
}

/** The screening's corrections, oldest first, for its page (the viewer has already been shown it). */
export function screeningCorrections(db: Db, id: string) {
  return corrections.correctionEntries(db, 'screening', id);
}

/** The reasons for the decision as they stood before correction n, to anyone who may see the screening. */
export async function screeningVersion(db: Db, actor: Actor, id: string, number: number) {
  const { record } = await authorizeChildRecord(
    db,
    actor,
    id,
    'screening.view',
    'screening',
    (screeningId) => screenings.findScreening(db, screeningId),
    { auditAs: 'screening.version_view' },
  );
  const row = (await correctionsOf(db, id)).find((candidate) => candidate.number === number);
  if (!row) throw new NotFoundError();
  await auditView(db, actor, {
    action: 'screening.version_view',
    entityType: 'screening',
    entityId: id,
    details: { version: number, childId: record.childId },
  });
  return {
    screening: record,
    version: number,
    rationale: row.before.rationale,
    replacedAt: row.correctedAt,
    replacedByName: row.correctedByName,
    reason: row.reason,
  };
}
