// Referral to the front door from a decided screening (R-KEN-2, R-NEL-6, R-THU-8): one for the
// child who harmed and, when the behaviour is harmful, a separate one for each child harmed
// (R-NYO-4). Each is due for a manager's screening decision, with the pack's outcomes, within the
// pack's timescale (R-NYO-8). The receiving team sees the child's record while it works on it.
import { formatDate } from '../domain/london-time.ts';
import { londonToday } from '../domain/age.ts';
import {
  type ReferralDetails,
  type ReferralFormInput,
  type ReferredChild,
  makeReferralProblems,
  readReferralForm,
  referralDecisionProblems,
  referralDetailsSummary,
} from '../domain/referrals.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as incidents from '../repositories/incidents.ts';
import * as referrals from '../repositories/referrals.ts';
import * as screenings from '../repositories/screenings.ts';
import * as tasks from '../repositories/tasks.ts';
import { loadCalendar } from './calendar-service.ts';
import { type ActionId, may } from '../domain/actions.ts';
import { authorizeChildRecord, sightOf, subjectOf } from './access.ts';
import { type Actor, ConflictError, type Db, NotFoundError, ValidationError, requireRole } from './context.ts';
import { packFor } from './screening-service.ts';
import { createTask, fulfilTasks } from './task-service.ts';
import { auditRecordView, auditView, auditedChange } from './audited-change.ts';
import { fulfilAndRecord } from './record-change.ts';

/** Who would be referred from this decided screening, and to whom. */
export function referralPlan(screening: screenings.Screening, incident: incidents.Incident) {
  const pack = packFor(screening.authorityId);
  const normal = pack.levels.find((level) => level.covers.includes('normal'))!;
  const separate =
    screening.decidedLevel !== null && pack.referral.separateForEachChild.includes(screening.decidedLevel);
  return {
    pack,
    receiver: pack.referral.receiver,
    possible: screening.status === 'decided' && screening.decidedLevel !== normal.id,
    separate,
    childIds: [
      screening.childId,
      ...(separate
        ? incident.children.filter((linked) => linked.role === 'targeted').map((linked) => linked.childId)
        : []),
    ],
  };
}

/** For the decided screening page: who would be referred, and the referrals already made. */
export async function referralsForScreeningPage(db: Db, screening: screenings.Screening, incident: incidents.Incident) {
  const plan = referralPlan(screening, incident);
  const made = await referrals.referralsForIncident(db, screening.incidentId);
  const pending = plan.childIds.filter((id) => !made.some((referral) => referral.childId === id));
  return {
    receiver: plan.receiver,
    possible: plan.possible && pending.length > 0,
    separate: plan.separate,
    count: pending.length,
    made: made.length,
  };
}

/**
 * The referral form as it first shows: the referrer's details from the signed-in account, where it
 * holds them, and no child's family answered yet.
 */
export function referrerFromAccount(actor: Actor): ReferralFormInput {
  const { user } = actor;
  return {
    referrerName: user.displayName,
    referrerRole: [user.jobTitle, user.agency].filter((part) => part.trim() !== '').join(', '),
    referrerPhone: '',
    referrerEmail: user.email,
    parentsTold: {},
    parentsNotToldReason: {},
    parentsConsent: {},
    consentReason: {},
    safetySteps: {},
    request: {},
  };
}

/** The referrals still to make from a decided screening; none when it cannot be referred (a stale form). */
async function pendingReferrals(db: Db, screening: screenings.Screening) {
  const incident = await incidents.findIncident(db, screening.incidentId);
  if (!incident) throw new NotFoundError();
  const plan = referralPlan(screening, incident);
  const made = await referrals.referralsForIncident(db, screening.incidentId);
  const childIds = plan.childIds.filter((id) => !made.some((referral) => referral.childId === id));
  return { plan, incident, childIds, possible: makeReferralProblems(plan).length === 0 && childIds.length > 0 };
}

/**
 * The children still to refer, each with their own section of the form: the child who harmed
 * first, then each child harmed, by role, and by first name where the referrer may see their
 * record ("the child harmed" where not: R-X-1).
 */
async function referredChildren(
  db: Db,
  actor: Actor,
  incident: incidents.Incident,
  childIds: readonly string[],
): Promise<ReferredChild[]> {
  const { visible } = await sightOf(db, actor, childIds);
  return childIds.flatMap((childId) => {
    const linked = incident.children.find((one) => one.childId === childId);
    if (!linked || linked.role === 'witness') return [];
    return [{ childId, role: linked.role, firstName: visible.has(childId) ? linked.firstName : null }];
  });
}

/**
 * The referral form (issue 15): who would be referred, to whom, and the referrer's details from
 * their account. Seeing it is a view of the screening, audited; `possible` false when there is
 * nothing left to refer (the page goes back to the screening).
 */
export async function referralForm(db: Db, actor: Actor, screeningId: string) {
  const { record: screening } = await authorizeChildRecord(
    db,
    actor,
    screeningId,
    'referral.create',
    'screening',
    (screeningId) => screenings.findScreening(db, screeningId),
  );
  const { plan, incident, childIds, possible } = await pendingReferrals(db, screening);
  const child = await children.findChild(db, screening.childId);
  if (!child) throw new NotFoundError();
  await auditRecordView(db, actor, 'screening.view', {
    entityType: 'screening',
    entityId: screeningId,
    childId: screening.childId,
  });
  return {
    screening,
    child,
    receiver: plan.receiver,
    clause: plan.pack.referral.clause,
    separate: plan.separate,
    count: childIds.length,
    children: await referredChildren(db, actor, incident, childIds),
    possible,
    prefill: referrerFromAccount(actor),
  };
}

/**
 * Makes the referrals from a decided screening with what the receiving team needs (issue 15):
 * refused first, then stale (nothing left to refer: 409), then every problem with the form at once.
 * Each child's referral carries the referrer's details and that child's own family answers only.
 */
export async function makeReferrals(
  db: Db,
  actor: Actor,
  screeningId: string,
  input: ReferralFormInput,
): Promise<{ created: number }> {
  const { record: screening } = await authorizeChildRecord(
    db,
    actor,
    screeningId,
    'referral.create',
    'screening',
    (screeningId) => screenings.findScreening(db, screeningId),
  );
  const { plan, incident, childIds, possible } = await pendingReferrals(db, screening);
  // Decided, referred or screened again since the form was shown: the page no longer offers it.
  if (!possible) throw new ConflictError(null, null, []);
  const { problems, referrals: toMake } = readReferralForm(
    input,
    await referredChildren(db, actor, incident, childIds),
  );
  if (!toMake) throw new ValidationError(problems);
  const calendar = await loadCalendar(db, screening.authorityId);
  const today = londonToday();
  const dueOn = calendar.addWorkingDays(today, plan.pack.referral.decisionWorkingDays);
  const team = await referrals.frontDoorTeam(db, screening.authorityId);
  const made = await auditedChange(
    db,
    actor,
    (referred: { id: string; childId: string; done: string[]; details: ReferralDetails }[]) =>
      referred.map(({ id, childId, done, details }) => ({
        action: 'referral.create',
        entityType: 'referral',
        entityId: id,
        details: {
          childId,
          screeningId,
          separate: plan.separate,
          tasksDone: done,
          // The referrer and this child's answers; the safety steps and the request stay on the referral.
          referrerName: details.referrerName,
          referrerRole: details.referrerRole,
          referrerPhone: details.referrerPhone,
          referrerEmail: details.referrerEmail,
          parentsTold: details.parentsTold,
          parentsConsent: details.parentsConsent,
        },
      })),
    async (trx) => {
      const referred: { id: string; childId: string; done: string[]; details: ReferralDetails }[] = [];
      for (const { childId, details } of toMake) {
        const id = await referrals.insertReferral(trx, {
          authorityId: screening.authorityId,
          incidentId: screening.incidentId,
          childId,
          screeningId,
          receivingTeamId: team,
          dueOn,
          createdBy: actor.user.id,
          details,
        });
        if (!id) continue; // already referred for this incident
        const done = await fulfilAndRecord(
          trx,
          actor,
          {
            authorityId: screening.authorityId,
            childId,
            incidentId: screening.incidentId,
            record: 'referral',
            recordId: id,
            note: `Referral made to ${plan.receiver}.`,
          },
          {
            kind: 'referral',
            summary:
              `Referred to ` +
              `${plan.receiver}${childId === screening.childId ? '' : ' (a separate referral for this child)'}. ` +
              `Screening decision due by ${formatDate(dueOn)}. ${referralDetailsSummary(details)}`,
            incidentId: screening.incidentId,
            record: { type: 'referral', id },
          },
        );
        referred.push({ id, childId, done, details });
      }
      await children.touchChildren(
        trx,
        referred.map((one) => one.childId),
      );
      return referred;
    },
  );
  return { created: made.length };
}

export async function listForMyTeams(db: Db, actor: Actor) {
  await requireRole(db, actor, ['front_door', 'team_manager'], 'referrals.list');
  const list = await referrals.referralsForTeams(
    db,
    actor.user.teams.map((team) => team.teamId),
  );
  await auditView(db, actor, {
    action: 'referrals.list',
    entityType: 'user',
    entityId: actor.user.id,
    details: { count: list.length },
  });
  return { referrals: list, today: londonToday() };
}

function authorizedReferral(db: Db, actor: Actor, id: string, action: ActionId) {
  return authorizeChildRecord(db, actor, id, action, 'referral', (referralId) =>
    referrals.findReferral(db, referralId),
  );
}

export async function viewReferral(db: Db, actor: Actor, id: string) {
  const { record: referral, bases } = await authorizedReferral(db, actor, id, 'referral.view');
  const screening = await screenings.findScreening(db, referral.screeningId);
  await auditRecordView(db, actor, 'referral.view', {
    entityType: 'referral',
    entityId: id,
    childId: referral.childId,
  });
  return {
    referral,
    screening,
    pack: packFor(referral.authorityId),
    today: londonToday(),
    canDecide: referral.status === 'received' && may('referral.decide', subjectOf(actor, bases)).allowed,
  };
}

/** The longest reasons the form takes (its character count shows the same). */
export { REFERRAL_RATIONALE_MAX } from '../domain/referrals.ts';

/** The manager's screening decision, with one of the pack's outcomes and a rationale (R-NYO-8, R-X-9). */
export async function decide(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  decision: { outcome: string; rationale: string },
) {
  const { record: referral } = await authorizedReferral(db, actor, id, 'referral.decide');
  // Decided since the form was shown: the page no longer asks, so the form was out of date.
  if (referral.status !== 'received') throw new ConflictError(referral.decidedByName, referral.decidedAt, []);
  const pack = packFor(referral.authorityId);
  const outcome = pack.referral.outcomes.find((option) => option.id === decision.outcome);
  const problems = referralDecisionProblems(decision, {
    outcomeIds: pack.referral.outcomes.map((option) => option.id),
  });
  if (problems.length || !outcome) throw new ValidationError(problems);
  const rationale = decision.rationale.trim();
  await auditedChange(
    db,
    actor,
    (done: string[]) => ({
      action: 'referral.decide',
      entityType: 'referral',
      entityId: id,
      details: { childId: referral.childId, outcome: outcome.id, tasksDone: done },
    }),
    async (trx) => {
      if (
        !(await referrals.decideReferral(trx, id, version, {
          outcome: outcome.id,
          outcomeLabel: outcome.label,
          rationale,
          decidedBy: actor.user.id,
        }))
      ) {
        throw new ConflictError(referral.decidedByName, referral.decidedAt, []);
      }
      // The outcome sets the next task, on the same task list as routing (R-NYO-8, R-KEN-5, R-ISL-5).
      let next = '';
      const open = await tasks.tasksForIncidentChild(trx, referral.incidentId, referral.childId);
      const already =
        outcome.then?.meeting && open.some((task) => task.status === 'open' && task.arranges === outcome.then!.meeting);
      if (outcome.then && !already) {
        const calendar = await loadCalendar(trx, referral.authorityId);
        const today = londonToday();
        const nextTask = outcome.then;
        await createTask(
          trx,
          actor,
          {
            authorityId: referral.authorityId,
            childId: referral.childId,
            incidentId: referral.incidentId,
            screeningId: referral.screeningId,
            stepId: `referral-${outcome.id}`,
            title: nextTask.title,
            detail: nextTask.detail,
            kind: 'do',
            ownerRole: nextTask.owner,
            dueOn: nextTask.due ? calendar.addWorkingDays(today, nextTask.due.workingDays) : null,
            dueRule: nextTask.due
              ? `Within ${nextTask.due.workingDays} working day${nextTask.due.workingDays === 1 ? '' : 's'} of the screening decision`
              : 'No set timescale',
            clause: nextTask.clause,
            requirementId: nextTask.requirement,
            arranges: nextTask.meeting ?? null,
          },
          { giveTo: 'owners' },
        );
        next = ` Next: ${nextTask.title.charAt(0).toLowerCase()}${nextTask.title.slice(1)}.`;
      }
      await addChronologyEntry(trx, {
        childId: referral.childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'referral',
        summary: `Referral screened by ${actor.user.displayName}: ${outcome.label}.${next}`,
        incidentId: referral.incidentId,
        record: { type: 'referral', id: referral.id },
      });
      // The front door's deciding is this decision (the stages are bound).
      const done = await fulfilTasks(trx, actor, {
        authorityId: referral.authorityId,
        childId: referral.childId,
        incidentId: referral.incidentId,
        record: 'referral-decision',
        recordId: referral.id,
        note: `Referral screened: ${outcome.label}.`,
      });
      await children.touchChildren(trx, [referral.childId]);
      return done;
    },
  );
}
