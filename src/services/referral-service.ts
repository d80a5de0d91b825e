// Referral to the front door from a decided screening (R-KEN-2, R-NEL-6, R-THU-8): one for the
// child who harmed and, when the behaviour is harmful, a separate one for each child harmed
// (R-NYO-4). Each is due for a manager's screening decision, with the pack's outcomes, within the
// pack's timescale (R-NYO-8). The receiving team sees the child's record while it works on it.
import { formatDate } from '../domain/london-time.ts';
import { londonToday } from '../domain/age.ts';
import { TEXT_LIMITS, tooLong } from '../domain/text-limits.ts';
import { appendAuditEvent } from '../repositories/audit.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as incidents from '../repositories/incidents.ts';
import * as referrals from '../repositories/referrals.ts';
import * as screenings from '../repositories/screenings.ts';
import * as tasks from '../repositories/tasks.ts';
import { loadCalendar } from './calendar-service.ts';
import { type ActionId, may } from '../domain/actions.ts';
import { authorizeChildRecord, subjectOf } from './access.ts';
import {
  type Actor,
  ConflictError,
  type Db,
  NotFoundError,
  ValidationError,
  auditFor,
  requireRole,
  transaction,
} from './context.ts';
import { packFor } from './screening-service.ts';
import { fulfilTasks } from './task-service.ts';

/** Who would be referred from this decided screening, and to whom. */
export function referralPlan(s: screenings.Screening, incident: incidents.Incident) {
  const pack = packFor(s.authorityId);
  const normal = pack.levels.find((l) => l.covers.includes('normal'))!;
  const separate = s.decidedLevel !== null && pack.referral.separateForEachChild.includes(s.decidedLevel);
  return {
    pack,
    receiver: pack.referral.receiver,
    possible: s.status === 'decided' && s.decidedLevel !== normal.id,
    separate,
    childIds: [
      s.childId,
      ...(separate ? incident.children.filter((c) => c.role === 'targeted').map((c) => c.childId) : []),
    ],
  };
}

/** For the decided screening page: who would be referred, and the referrals already made. */
export async function referralsForScreeningPage(db: Db, s: screenings.Screening, incident: incidents.Incident) {
  const plan = referralPlan(s, incident);
  const made = await referrals.referralsForIncident(db, s.incidentId);
  const pending = plan.childIds.filter((id) => !made.some((m) => m.childId === id));
  return {
    receiver: plan.receiver,
    possible: plan.possible && pending.length > 0,
    separate: plan.separate,
    count: pending.length,
    made: made.length,
  };
}

export async function makeReferrals(db: Db, actor: Actor, screeningId: string): Promise<{ created: number }> {
  const { record: s } = await authorizeChildRecord(db, actor, screeningId, 'referral.create', 'screening', (x) =>
    screenings.findScreening(db, x),
  );
  const incident = await incidents.findIncident(db, s.incidentId);
  if (!incident) throw new NotFoundError();
  const plan = referralPlan(s, incident);
  if (!plan.possible)
    throw new ValidationError([
      { field: 'referral', message: 'Decide a level of concern above the lowest before making a referral' },
    ]);
  const calendar = await loadCalendar(db, s.authorityId);
  const today = londonToday();
  const dueOn = calendar.addWorkingDays(today, plan.pack.referral.decisionWorkingDays);
  const team = await referrals.frontDoorTeam(db, s.authorityId);
  return transaction(db, async (trx) => {
    let created = 0;
    for (const childId of plan.childIds) {
      const id = await referrals.insertReferral(trx, {
        authorityId: s.authorityId,
        incidentId: s.incidentId,
        childId,
        screeningId,
        receivingTeamId: team,
        dueOn,
        createdBy: actor.user.id,
      });
      if (!id) continue; // already referred for this incident
      created += 1;
      const done = await fulfilTasks(trx, actor, {
        authorityId: s.authorityId,
        childId,
        incidentId: s.incidentId,
        record: 'referral',
        recordId: id,
        note: `Referral made to ${plan.receiver}.`,
      });
      await addChronologyEntry(trx, {
        childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'referral',
        summary: `Referred to ${plan.receiver}${childId === s.childId ? '' : ' (a separate referral for this child)'}. Screening decision due by ${formatDate(dueOn)}.`,
        incidentId: s.incidentId,
        record: { type: 'referral', id },
      });
      await appendAuditEvent(
        trx,
        auditFor(actor, {
          action: 'referral.create',
          entityType: 'referral',
          entityId: id,
          outcome: 'ok',
          details: { childId, screeningId, separate: plan.separate, tasksDone: done },
        }),
      );
    }
    await children.touchChildren(trx, plan.childIds);
    return { created };
  });
}

export async function listForMyTeams(db: Db, actor: Actor) {
  await requireRole(db, actor, ['front_door', 'team_manager'], 'referrals.list');
  const list = await referrals.referralsForTeams(
    db,
    actor.user.teams.map((t) => t.teamId),
  );
  await transaction(db, (trx) =>
    appendAuditEvent(
      trx,
      auditFor(actor, {
        action: 'referrals.list',
        entityType: 'user',
        entityId: actor.user.id,
        outcome: 'ok',
        details: { count: list.length },
      }),
    ),
  );
  return { referrals: list, today: londonToday() };
}

function authorizedReferral(db: Db, actor: Actor, id: string, action: ActionId) {
  return authorizeChildRecord(db, actor, id, action, 'referral', (x) => referrals.findReferral(db, x));
}

export async function viewReferral(db: Db, actor: Actor, id: string) {
  const { record: r, bases } = await authorizedReferral(db, actor, id, 'referral.view');
  const s = await screenings.findScreening(db, r.screeningId);
  await transaction(db, (trx) =>
    appendAuditEvent(
      trx,
      auditFor(actor, {
        action: 'referral.view',
        entityType: 'referral',
        entityId: id,
        outcome: 'ok',
        details: { childId: r.childId },
      }),
    ),
  );
  return {
    referral: r,
    screening: s,
    pack: packFor(r.authorityId),
    today: londonToday(),
    canDecide: r.status === 'received' && may('referral.decide', subjectOf(actor, bases)).allowed,
  };
}

/** The longest reasons the form takes (its character count shows the same). */
export const REFERRAL_RATIONALE_MAX = TEXT_LIMITS.referralRationale;

/** The manager's screening decision, with one of the pack's outcomes and a rationale (R-NYO-8, R-X-9). */
export async function decide(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  d: { outcome: string; rationale: string },
) {
  const { record: r } = await authorizedReferral(db, actor, id, 'referral.decide');
  // Decided since the form was shown: the page no longer asks, so the form was out of date.
  if (r.status !== 'received') throw new ConflictError(r.decidedByName, r.decidedAt, []);
  const pack = packFor(r.authorityId);
  const outcome = pack.referral.outcomes.find((o) => o.id === d.outcome);
  const errors: { field: string; message: string }[] = [];
  if (!outcome) errors.push({ field: 'outcome', message: 'Select the outcome of the screening' });
  const rationale = d.rationale.trim();
  if (!rationale) errors.push({ field: 'rationale', message: 'Enter the reasons for the decision' });
  else if (rationale.length > REFERRAL_RATIONALE_MAX)
    errors.push({ field: 'rationale', message: tooLong('Reasons for the decision', REFERRAL_RATIONALE_MAX) });
  if (errors.length || !outcome) throw new ValidationError(errors);
  await transaction(db, async (trx) => {
    if (
      !(await referrals.decideReferral(trx, id, version, {
        outcome: outcome.id,
        outcomeLabel: outcome.label,
        rationale,
        decidedBy: actor.user.id,
      }))
    ) {
      throw new ConflictError(r.decidedByName, r.decidedAt, []);
    }
    // The outcome sets the next task, on the same task list as routing (R-NYO-8, R-KEN-5, R-ISL-5).
    let next = '';
    const open = await tasks.tasksForIncidentChild(trx, r.incidentId, r.childId);
    const already =
      outcome.then?.meeting && open.some((t) => t.status === 'open' && t.arranges === outcome.then!.meeting);
    if (outcome.then && !already) {
      const calendar = await loadCalendar(trx, r.authorityId);
      const today = londonToday();
      const t = outcome.then;
      await tasks.insertTask(trx, {
        authorityId: r.authorityId,
        childId: r.childId,
        incidentId: r.incidentId,
        screeningId: r.screeningId,
        stepId: `referral-${outcome.id}`,
        title: t.title,
        detail: t.detail,
        kind: 'do',
        ownerRole: t.owner,
        assignedTo: null,
        dueOn: t.due ? calendar.addWorkingDays(today, t.due.workingDays) : null,
        dueRule: t.due
          ? `Within ${t.due.workingDays} working day${t.due.workingDays === 1 ? '' : 's'} of the screening decision`
          : 'No set timescale',
        clause: t.clause,
        requirementId: t.requirement,
        arranges: t.meeting ?? null,
      });
      next = ` Next: ${t.title.charAt(0).toLowerCase()}${t.title.slice(1)}.`;
    }
    await addChronologyEntry(trx, {
      childId: r.childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'referral',
      summary: `Referral screened by ${actor.user.displayName}: ${outcome.label}.${next}`,
      incidentId: r.incidentId,
      record: { type: 'referral', id: r.id },
    });
    // The front door's deciding is this decision (the stages are bound).
    const done = await fulfilTasks(trx, actor, {
      authorityId: r.authorityId,
      childId: r.childId,
      incidentId: r.incidentId,
      record: 'referral-decision',
      recordId: r.id,
      note: `Referral screened: ${outcome.label}.`,
    });
    await children.touchChildren(trx, [r.childId]);
    await appendAuditEvent(
      trx,
      auditFor(actor, {
        action: 'referral.decide',
        entityType: 'referral',
        entityId: id,
        outcome: 'ok',
        details: { childId: r.childId, outcome: outcome.id, tasksDone: done },
      }),
    );
  });
}
