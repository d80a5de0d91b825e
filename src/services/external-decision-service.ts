// Police, prosecution and Out of Court Triage decisions, recorded on the child's record with Youth
// Justice's recommendation (R-KEN-9, R-NEL-7). In the chronology; every view and change audited.
import { formatDate } from '../domain/london-time.ts';
import { londonToday } from '../domain/age.ts';
import {
  EXTERNAL_AGENCIES,
  type ExternalDecisionInput,
  chosenDecision,
  decidedOn,
  externalDecisionProblems,
} from '../domain/external-decisions.ts';
import { may } from '../domain/actions.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as decisionsRepository from '../repositories/external-decisions.ts';
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
  const list = await decisionsRepository.externalDecisionsForChild(db, childId);
  const childMeetings = page === 'list' ? await meetings.meetingsForChild(db, childId) : [];
  await auditView(db, actor, { action: 'external_decision.view', entityType: 'child', entityId: childId });
  return {
    child,
    decisions: list,
    meetings: childMeetings,
    canRecord: may('external_decision.record', subjectOf(actor, bases)).allowed,
  };
}

export { EXTERNAL_LIMITS, type ExternalDecisionInput } from '../domain/external-decisions.ts';

export async function recordExternalDecision(db: Db, actor: Actor, childId: string, input: ExternalDecisionInput) {
  await authorizeChild(db, actor, childId, 'external_decision.record');
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const today = londonToday();
  const problems = externalDecisionProblems(input, { today });
  const chosen = chosenDecision(input);
  const date = decidedOn(input, today);
  if (problems.length || !chosen || !('iso' in date)) throw new ValidationError(problems);
  const { agency, label } = chosen;
  const decided = date.iso;
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
      const id = await decisionsRepository.insertExternalDecision(trx, {
        authorityId: child.authorityId,
        childId,
        agency,
        decision: input.decision,
        decisionLabel: label,
        decidedOn: decided,
        youthJusticeRecommendation: input.youthJusticeRecommendation.trim(),
        note: input.note.trim(),
        recordedBy: actor.user.id,
      });
      await addChronologyEntry(trx, {
        childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'external_decision',
        summary:
          `${EXTERNAL_AGENCIES[agency]} decision on ${formatDate(decided)}: ` +
          `${label}.${input.youthJusticeRecommendation.trim() ? ' Youth Justice recommendation recorded.' : ''}`,
        incidentId: null,
        record: { type: 'external_decision', id },
      });
      await children.touchChildren(trx, [childId]);
      return id;
    },
  );
}
