// Police, prosecution and Out of Court Triage decisions, recorded on the child's record with Youth
// Justice's recommendation (R-KEN-9, R-NEL-7). In the chronology; every view and change audited.
import { formatDate } from '../domain/london-time.ts';
import { londonToday } from '../domain/age.ts';
import { type DateParts, parseDateParts } from '../domain/date-parts.ts';
import { tooLong } from '../domain/text-limits.ts';
import { EXTERNAL_AGENCIES, EXTERNAL_DECISIONS, isExternalAgency } from '../domain/external-decisions.ts';
import { may } from '../domain/actions.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as meetings from '../repositories/meetings.ts';
import { authorizeChild, subjectOf } from './access.ts';
import { type Actor, type Db, NotFoundError, ValidationError } from './context.ts';
import { auditView, auditedChange } from './audited-change.ts';

/** A child's police, prosecution and triage decisions; `form` is the page to record one, for those who may. */
export async function externalDecisions(db: Db, actor: Actor, childId: string, page: 'list' | 'form' = 'list') {
  const { bases } = await authorizeChild(
    db,
    actor,
    childId,
    page === 'form' ? 'external_decision.record' : 'external_decision.view',
    { auditAs: 'external_decision.view' },
  );
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const list = await meetings.externalDecisionsForChild(db, childId);
  const childMeetings = page === 'list' ? await meetings.meetingsForChild(db, childId) : [];
  await auditView(db, actor, { action: 'external_decision.view', entityType: 'child', entityId: childId });
  return {
    child,
    decisions: list,
    meetings: childMeetings,
    canRecord: may('external_decision.record', subjectOf(actor, bases)).allowed,
  };
}

/** The longest text each box takes (the form's character counts show the same). */
export const EXTERNAL_LIMITS = { youthJusticeRecommendation: 5000, note: 5000 } as const;

export interface ExternalDecisionInput {
  agency: string;
  decision: string;
  decidedOn: DateParts;
  youthJusticeRecommendation: string;
  note: string;
}

export async function recordExternalDecision(db: Db, actor: Actor, childId: string, input: ExternalDecisionInput) {
  await authorizeChild(db, actor, childId, 'external_decision.record');
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const errors: { field: string; message: string }[] = [];
  // One question: each decision is listed under the agency that makes it (issue 11, defect 12).
  const agency = isExternalAgency(input.agency) ? input.agency : null;
  const label =
    agency && Object.hasOwn(EXTERNAL_DECISIONS[agency], input.decision)
      ? EXTERNAL_DECISIONS[agency][input.decision]
      : undefined;
  if (!agency || !label)
    errors.push({ field: 'decision', message: 'Select the decision, under the agency that made it' });
  const date = parseDateParts(input.decidedOn, 'Date of the decision', 'Enter the date of the decision', {
    past: true,
    today: londonToday(),
  });
  if ('error' in date) errors.push({ field: 'decidedOn', message: date.error });
  const decidedOn = 'iso' in date ? date.iso : null;
  if (input.youthJusticeRecommendation.length > EXTERNAL_LIMITS.youthJusticeRecommendation)
    errors.push({
      field: 'youthJusticeRecommendation',
      message: tooLong('Youth Justice recommendation', EXTERNAL_LIMITS.youthJusticeRecommendation),
    });
  if (input.note.length > EXTERNAL_LIMITS.note)
    errors.push({ field: 'note', message: tooLong('Notes', EXTERNAL_LIMITS.note) });
  if (errors.length || !agency || !label || !decidedOn) throw new ValidationError(errors);
  await auditedChange(
    db,
    actor,
    (id: string) => ({
      action: 'external_decision.record',
      entityType: 'external_decision',
      entityId: id,
      details: { childId, agency, decision: input.decision },
    }),
    async (trx) => {
      const id = await meetings.insertExternalDecision(trx, {
        authorityId: child.authorityId,
        childId,
        agency,
        decision: input.decision,
        decisionLabel: label,
        decidedOn,
        youthJusticeRecommendation: input.youthJusticeRecommendation.trim(),
        note: input.note.trim(),
        recordedBy: actor.user.id,
      });
      await addChronologyEntry(trx, {
        childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'external_decision',
        summary: `${EXTERNAL_AGENCIES[agency]} decision on ${formatDate(decidedOn)}: ${label}.${input.youthJusticeRecommendation.trim() ? ' Youth Justice recommendation recorded.' : ''}`,
        incidentId: null,
        record: { type: 'external_decision', id },
      });
      await children.touchChildren(trx, [childId]);
      return id;
    },
  );
}
