// Plans on a child's own record (issue 14, R-X-1): started by someone working on the case with
// an owner, written by the owner and the allocated worker, agreed by a manager (every matter the
// procedure lists addressed or the reason not, R-KEN-13; a version kept; the next review within
// the procedure's months, R-NEL-12), reviewed, shared (with consent, R-X-6) and ended with the
// reason. The review is a task that reaches the owner, in My tasks and on the case list like any
// deadline (R-X-3), and the review that does its work completes it. Each change is audited and in
// the child's chronology, in one transaction with it.
import { type ActionId, type Relation, may } from '../domain/actions.ts';
import { londonToday } from '../domain/age.ts';
import { monthsText } from '../domain/panel.ts';
import { formatDate } from '../domain/london-time.ts';
import {
  type ActionInput,
  type AgreeInput,
  actionDueOn,
  actionProblems,
  type ConsentAnswer,
  type PlanContents,
  type PlanKind,
  type ReviewInput,
  type ReviewOutcome,
  type ShareInput,
  agreeProblems,
  inSentence,
  contentProblems,
  contentsOf,
  endProblems,
  kindsForChild,
  nextReviewOn,
  reviewDates,
  reviewProblems,
  shareProblems,
  unaddressed,
} from '../domain/plans.ts';
import { CASE_ROLES, type Role } from '../domain/roles.ts';
import { getPack } from '../procedures/index.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as incidents from '../repositories/incidents.ts';
import * as plans from '../repositories/plans.ts';
import * as tasks from '../repositories/tasks.ts';
import * as users from '../repositories/users.ts';
import { authorizeChild, authorizeChildRecord, subjectOf, whoMay } from './access.ts';
import { auditRecordView, auditView, auditedChange } from './audited-change.ts';
import type { Actor, Db } from './actor.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { createTask, fulfilTasks } from './task-service.ts';
import { loadCalendar } from './calendar-service.ts';
import { parseDateParts } from '../domain/date-parts.ts';

export type Plan = plans.Plan;

/** The step of the task to review a plan, and of the actions a plan gives named colleagues. */
const REVIEW_STEP = 'plan-review';
const ACTION_STEP = 'plan-action';
/** Any plan not yet ended: it may be ended, and may give actions. */
const ENDABLE: readonly Plan['status'][] = ['draft', 'agreed', 'under_review'];
export type { PlanKind };

/** The kind of a plan, from the procedure it was made under. */
function kindOf(plan: Pick<Plan, 'packId' | 'kind'>): PlanKind {
  const kind = getPack(plan.packId)?.plans.find((candidate) => candidate.id === plan.kind);
  if (!kind) throw new Error(`No plan kind ${plan.kind} in pack ${plan.packId}`);
  return kind;
}

const relationsTo =
  (actor: Actor) =>
  (plan: Pick<Plan, 'ownerId'>): Relation[] =>
    plan.ownerId === actor.user.id ? ['plan_owner'] : [];

function authorizedPlan(db: Db, actor: Actor, id: string, action: ActionId) {
  return authorizeChildRecord<Plan>(db, actor, id, action, 'plan', (planId) => plans.findPlan(db, planId), {
    relations: relationsTo(actor),
    auditAs: action,
  });
}

/** The roles a person holds that the action model lets write a plan: who may own one. */
const WRITING_ROLES: readonly Role[] = CASE_ROLES.filter((role) => role !== 'partner');

/** Those who may own a plan on this child: they could write it as its owner (never on a read grant alone). */
async function possibleOwners(db: Db, authorityId: string, childId: string) {
  const people = await users.listCaseWorkers(db, authorityId, WRITING_ROLES);
  return whoMay(db, authorityId, childId, people, 'plan.edit', () => ['plan_owner']);
}

/** A child's plans, and the kinds of plan their record may hold (R-X-1). */
export async function childPlans(db: Db, actor: Actor, childId: string) {
  const { bases } = await authorizeChild(db, actor, childId, 'plan.view');
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const list = await plans.plansForChild(db, childId);
  await auditView(db, actor, { action: 'plan.view', entityType: 'child', entityId: childId });
  return {
    child,
    plans: list,
    canCreate: may('plan.create', subjectOf(actor, bases)).allowed,
    today: londonToday(),
  };
}

/** The form to start a plan: the kinds this child's record may hold, and who may own it. */
export async function newPlanForm(db: Db, actor: Actor, childId: string) {
  const form = await planChoices(db, actor, childId);
  await auditView(db, actor, { action: 'plan.view', entityType: 'child', entityId: childId });
  return form;
}

async function planChoices(db: Db, actor: Actor, childId: string) {
  await authorizeChild(db, actor, childId, 'plan.create', { auditAs: 'plan.view' });
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const pack = getPack(child.authorityId);
  if (!pack) throw new NotFoundError();
  const roles = (await incidents.incidentsForChild(db, childId)).map((incident) => incident.role);
  const owners = await possibleOwners(db, child.authorityId, childId);
  return { child, pack, kinds: kindsForChild(pack, roles), owners };
}

export interface NewPlanInput {
  kind: string;
  ownerId: string;
}

export async function createPlan(db: Db, actor: Actor, childId: string, input: NewPlanInput): Promise<string> {
  const { child, pack, kinds, owners } = await planChoices(db, actor, childId);
  const kind = kinds.find((candidate) => candidate.id === input.kind);
  const owner = owners.find((person) => person.id === input.ownerId);
  const problems = [];
  if (!kind) problems.push({ field: 'kind', message: 'Select the plan to start' });
  if (!owner) problems.push({ field: 'ownerId', message: 'Select who owns the plan' });
  if (!kind || !owner) throw new ValidationError(problems);
  return auditedChange(
    db,
    actor,
    (id: string) => ({
      action: 'plan.create',
      entityType: 'plan',
      entityId: id,
      details: { childId, kind: kind.id, ownerId: owner.id },
    }),
    async (trx) => {
      const id = await plans.insertPlan(trx, {
        authorityId: child.authorityId,
        childId,
        packId: pack.id,
        kind: kind.id,
        kindName: kind.name,
        ownerId: owner.id,
        createdBy: actor.user.id,
      });
      await chronicle(trx, actor, childId, id, `${kind.name} started, owned by ${owner.name}.`);
      return id;
    },
  );
}

/**
 * A child's immediate safety plan from the minutes of a closed meeting becomes a plan on their
 * record (R-KEN-6, issue 14): a draft of the pack's kind, the minutes' text in its matter, owned by
 * the child's allocated worker when they may own it, else by whoever closed the meeting; for the
 * next steps to see, complete, agree and review. In the closing's transaction. Not when the child
 * already has a plan of that kind in force.
 */
export async function planFromMinutes(
  trx: Db,
  actor: Actor,
  item: { childId: string; kindId: string; itemId: string; text: string; meetingLabel: string },
): Promise<string | null> {
  const child = await children.findChild(trx, item.childId);
  const kind = child ? getPack(child.authorityId)?.plans.find((candidate) => candidate.id === item.kindId) : undefined;
  if (!child || !kind || !item.text.trim()) return null;
  if ((await plans.plansForChild(trx, item.childId)).some((plan) => plan.kind === kind.id && plan.status !== 'ended'))
    return null;
  const owners = await possibleOwners(trx, child.authorityId, item.childId);
  const owner =
    owners.find((person) => person.id === child.allocatedWorkerId) ??
    owners.find((person) => person.id === actor.user.id) ??
    null;
  if (!owner) return null;
  const id = await plans.insertPlan(trx, {
    authorityId: child.authorityId,
    childId: item.childId,
    packId: child.authorityId,
    kind: kind.id,
    kindName: kind.name,
    ownerId: owner.id,
    createdBy: actor.user.id,
  });
  await plans.updatePlan(trx, id, 1, actor.user.id, {
    contents: contentsOf(kind, { [item.itemId]: { text: item.text.trim(), notAddressed: '' } }),
  });
  await chronicle(
    trx,
    actor,
    item.childId,
    id,
    `${kind.name} started from the ${inSentence(item.meetingLabel)}'s minutes, owned by ${owner.name}.`,
  );
  return id;
}

async function chronicle(trx: Db, actor: Actor, childId: string, planId: string, summary: string) {
  await addChronologyEntry(trx, {
    childId,
    occurredAt: new Date(),
    recordedBy: actor.user.id,
    kind: 'plan',
    summary,
    incidentId: null,
    record: { type: 'plan', id: planId },
  });
  await children.touchChildren(trx, [childId]);
}

/** A plan's page: the plan, what it still needs before it can be agreed, its history, and what the viewer may do. */
export async function viewPlan(db: Db, actor: Actor, id: string) {
  const { record: plan, bases } = await authorizedPlan(db, actor, id, 'plan.view');
  const child = await children.findChild(db, plan.childId);
  if (!child) throw new NotFoundError();
  const kind = kindOf(plan);
  const history = await plans.planHistory(db, id);
  const actions = await tasks.planActions(db, id);
  const subject = subjectOf(actor, bases, relationsTo(actor)(plan));
  const can = (action: ActionId) => may(action, subject).allowed;
  const open = plan.status === 'draft' || plan.status === 'under_review';
  await auditRecordView(db, actor, 'plan.view', { entityType: 'plan', entityId: id, childId: plan.childId });
  return {
    plan,
    child,
    kind,
    contents: contentsOf(kind, plan.contents),
    stillToAddress: unaddressed(kind, contentsOf(kind, plan.contents)),
    ...history,
    actions,
    today: londonToday(),
    can: {
      addAction: plan.status !== 'ended' && can('plan.add_action'),
      edit: open && can('plan.edit'),
      agree: open && can('plan.agree'),
      review: plan.status === 'agreed' && can('plan.review'),
      share: history.versions.length > 0 && can('plan.share'),
      end: plan.status !== 'ended' && can('plan.end'),
    },
  };
}

/** Those who may be given an action on this child's record: they may then do it (R-X-3, R-X-7). */
async function actionPeople(db: Db, plan: Plan) {
  const people = await users.listCaseWorkers(db, plan.authorityId, WRITING_ROLES);
  return whoMay(db, plan.authorityId, plan.childId, people, 'task.complete', () => ['assignee']);
}

/** The form to give a colleague an action from the plan. */
export async function planToAct(db: Db, actor: Actor, id: string) {
  const { plan, kind } = await planFor(db, actor, id, 'plan.add_action', ENDABLE);
  return { ...(await formOf(db, actor, plan, kind)), people: await actionPeople(db, plan) };
}

/** Gives a named colleague an action from the plan: a task linked to it, due on the date given, in their My tasks. */
export async function addAction(db: Db, actor: Actor, id: string, input: ActionInput): Promise<string> {
  const { plan, kind } = await planFor(db, actor, id, 'plan.add_action', ENDABLE);
  const people = await actionPeople(db, plan);
  const today = londonToday();
  const calendar = await loadCalendar(db, plan.authorityId);
  const facts = {
    today,
    people: people.map((person) => person.id),
    addWorkingDays: (from: string, days: number) => calendar.addWorkingDays(from, days),
  };
  const problems = actionProblems(input, facts);
  const due = actionDueOn(input, facts);
  const person = people.find((one) => one.id === input.assigneeId);
  if (problems.length || 'error' in due || !person) throw new ValidationError(problems);
  return auditedChange(
    db,
    actor,
    (taskId: string) => ({
      action: 'plan.add_action',
      entityType: 'plan',
      entityId: id,
      details: { childId: plan.childId, taskId, assignedTo: person.id, dueOn: due.iso },
    }),
    async (trx) => {
      const taskId = await planTask(trx, actor, plan, {
        stepId: ACTION_STEP,
        title: input.what.trim(),
        detail: `An action from the ${inSentence(kind.name)}.`,
        person,
        dueOn: due.iso,
        dueRule: input.workingDays.trim()
          ? `Within ${input.workingDays.trim()} working days of ${formatDate(today)}`
          : 'The date the plan set',
        clause: kind.clause,
        requirementId: kind.requirement,
      });
      await chronicle(
        trx,
        actor,
        plan.childId,
        id,
        `${kind.name}: ${person.name} to ${input.what.trim()} by ${formatDate(due.iso)}.`,
      );
      return taskId;
    },
  );
}

/** The plan for one of its forms, checked: the action allowed, and the plan in a state the form applies to. */
async function planFor(db: Db, actor: Actor, id: string, action: ActionId, states: readonly Plan['status'][]) {
  const { record: plan } = await authorizedPlan(db, actor, id, action);
  if (!states.includes(plan.status)) throw new ConflictError(plan.updatedByName, plan.updatedAt, []);
  return { plan, kind: kindOf(plan) };
}

const EDITABLE: readonly Plan['status'][] = ['draft', 'under_review'];

/** A form page shows the plan: its view is audited like the plan's own page (R-X-7). */
async function formOf(db: Db, actor: Actor, plan: Plan, kind: PlanKind) {
  const child = await children.findChild(db, plan.childId);
  if (!child) throw new NotFoundError();
  await auditRecordView(db, actor, 'plan.view', { entityType: 'plan', entityId: plan.id, childId: plan.childId });
  return { plan, kind, child, contents: contentsOf(kind, plan.contents), today: londonToday() };
}

/** The plan to write, or to agree (`plan.agree`): a draft, or a plan under review. */
export async function planToEdit(db: Db, actor: Actor, id: string, action: ActionId = 'plan.edit') {
  const { plan, kind } = await planFor(db, actor, id, action, EDITABLE);
  return formOf(db, actor, plan, kind);
}

/** Saves what the plan says; refused (409, with what changed) when someone saved it since the form was opened. */
export async function savePlan(db: Db, actor: Actor, id: string, version: number, typed: PlanContents) {
  const { plan, kind } = await planFor(db, actor, id, 'plan.edit', EDITABLE);
  const contents = contentsOf(kind, typed);
  const problems = contentProblems(kind, contents);
  if (problems.length) throw new ValidationError(problems);
  await auditedChange(
    db,
    actor,
    { action: 'plan.edit', entityType: 'plan', entityId: id, details: { childId: plan.childId } },
    async (trx) => {
      if (await plans.updatePlan(trx, id, version, actor.user.id, { contents })) return;
      const now = await plans.findPlan(trx, id);
      const saved = contentsOf(kind, now?.contents);
      const differences = kind.contents
        .filter((item) => saved[item.id]!.text !== contents[item.id]!.text)
        .map((item) => ({
          label: item.label,
          saved: saved[item.id]!.text || 'Nothing written',
          yours: contents[item.id]!.text || 'Nothing written',
        }));
      throw new ConflictError(now?.updatedByName ?? null, now?.updatedAt ?? null, differences);
    },
  );
}

/** A task a plan sets (its review, an action), linked to it and given to a named person when there is one. */
function planTask(
  trx: Db,
  actor: Actor,
  plan: Plan,
  task: {
    stepId: string;
    title: string;
    detail: string;
    person: { id: string; roles: readonly Role[] } | undefined;
    dueOn: string;
    dueRule: string;
    clause: string;
    requirementId: string;
  },
): Promise<string> {
  const { person, ...rest } = task;
  return createTask(
    trx,
    actor,
    {
      ...rest,
      authorityId: plan.authorityId,
      childId: plan.childId,
      incidentId: null,
      screeningId: null,
      planId: plan.id,
      kind: 'do',
      ownerRole: person?.roles.find((role) => WRITING_ROLES.includes(role)) ?? 'social_worker',
    },
    person ? { giveTo: 'person', userId: person.id } : { giveTo: 'owners' },
  );
}

/** The review task a plan sets: to its owner, due on the review date, done by the review (R-X-3, R-NEL-12). */
async function setReviewTask(trx: Db, actor: Actor, plan: Plan, kind: PlanKind, dueOn: string) {
  await tasks.supersedeTasks(trx, await tasks.openPlanTasks(trx, plan.id, REVIEW_STEP));
  // The owner may write the plan, so they may review it: the task reaches them by name.
  const owner = await users.findCaseWorker(trx, plan.ownerId, WRITING_ROLES);
  await planTask(trx, actor, plan, {
    stepId: REVIEW_STEP,
    title: `Review the ${inSentence(kind.name)}`,
    detail:
      `Record what was done, what has changed and the child’s and family’s views, and agree ` +
      `what follows. The plan set its review for ${formatDate(dueOn)}.`,
    person: owner,
    dueOn,
    dueRule: `By the review date the plan set, at most ${monthsText(kind.review.months)} after it was agreed or last reviewed`,
    clause: kind.review.clause,
    requirementId: kind.review.requirement,
  });
}

export async function agreePlan(db: Db, actor: Actor, id: string, version: number, input: AgreeInput) {
  const { plan, kind } = await planFor(db, actor, id, 'plan.agree', EDITABLE);
  if (plan.version !== version) throw new ConflictError(plan.updatedByName, plan.updatedAt, []);
  const today = londonToday();
  const contents = contentsOf(kind, plan.contents);
  const problems = agreeProblems(kind, contents, input, { today });
  const next = nextReviewOn(kind, input.nextReviewOn, today);
  if (problems.length || 'error' in next) throw new ValidationError(problems);
  const { versions } = await plans.planHistory(db, id);
  const number = versions.length + 1;
  await auditedChange(
    db,
    actor,
    {
      action: 'plan.agree',
      entityType: 'plan',
      entityId: id,
      details: { childId: plan.childId, version: number, nextReviewOn: next.iso },
    },
    async (trx) => {
      const changed = await plans.updatePlan(trx, id, version, actor.user.id, {
        status: 'agreed',
        agreed_by: actor.user.id,
        agreed_at: new Date(),
        next_review_on: next.iso,
      });
      if (!changed) throw new ConflictError(null, null, []);
      await plans.insertVersion(trx, {
        planId: id,
        number,
        contents,
        ownerId: plan.ownerId,
        agreedBy: actor.user.id,
        nextReviewOn: next.iso,
        note: input.note.trim(),
      });
      await setReviewTask(trx, actor, plan, kind, next.iso);
      await fulfilTasks(trx, actor, {
        authorityId: plan.authorityId,
        childId: plan.childId,
        record: 'plan',
        recordId: id,
        planKind: kind.id,
        note: `${kind.name} agreed.`,
      });
      await chronicle(
        trx,
        actor,
        plan.childId,
        id,
        `${kind.name} agreed (version ${number}); next review by ${formatDate(next.iso)}.`,
      );
    },
  );
}

/** The review form's dates: the last review or the agreement, for the bounds the form explains. */
async function reviewFacts(db: Db, actor: Actor, id: string) {
  const { plan, kind } = await planFor(db, actor, id, 'plan.review', ['agreed']);
  const { reviews } = await plans.planHistory(db, id);
  return { plan, kind, lastReviewOn: reviews.at(-1)?.reviewedOn ?? null, today: londonToday() };
}

/** The review form: an agreed plan, and the last review or the agreement, for the bounds the form explains. */
export async function planToReview(db: Db, actor: Actor, id: string) {
  const facts = await reviewFacts(db, actor, id);
  return { ...(await formOf(db, actor, facts.plan, facts.kind)), lastReviewOn: facts.lastReviewOn };
}

export async function reviewPlan(db: Db, actor: Actor, id: string, version: number, input: ReviewInput) {
  const { plan, kind, lastReviewOn, today } = await reviewFacts(db, actor, id);
  if (plan.version !== version) throw new ConflictError(plan.updatedByName, plan.updatedAt, []);
  const facts = { today, agreedOn: plan.agreedAt ? londonToday(plan.agreedAt) : null, lastReviewOn };
  const problems = reviewProblems(kind, input, facts);
  const dates = reviewDates(kind, input, facts);
  if (problems.length || 'error' in dates.reviewedOn) throw new ValidationError(problems);
  const outcome = input.outcome as ReviewOutcome;
  const next = outcome === 'continue' && dates.next && 'iso' in dates.next ? dates.next.iso : null;
  const reviewedOn = dates.reviewedOn.iso;
  await auditedChange(
    db,
    actor,
    (reviewId: string) => ({
      action: 'plan.review',
      entityType: 'plan',
      entityId: id,
      details: { childId: plan.childId, reviewId, outcome },
    }),
    async (trx) => {
      const reviewId = await plans.insertReview(trx, {
        planId: id,
        reviewedOn,
        done: input.done.trim(),
        changed: input.changed.trim(),
        views: input.views.trim(),
        outcome,
        nextReviewOn: next,
        endReason: outcome === 'end' ? input.endReason.trim() : '',
        recordedBy: actor.user.id,
      });
      const changes =
        outcome === 'continue'
          ? { next_review_on: next }
          : outcome === 'revise'
            ? { status: 'under_review' as const, next_review_on: null }
            : {
                status: 'ended' as const,
                next_review_on: null,
                ended_by: actor.user.id,
                ended_at: new Date(),
                end_reason: input.endReason.trim(),
              };
      if (!(await plans.updatePlan(trx, id, version, actor.user.id, changes))) throw new ConflictError(null, null, []);
      // The review does the work of the task to review the plan (the stages are bound).
      for (const taskId of await tasks.openPlanTasks(trx, id, REVIEW_STEP))
        await tasks.fulfilTask(trx, taskId, actor.user.id, `Reviewed on ${formatDate(reviewedOn)}.`, {
          type: 'plan-review',
          id,
        });
      if (next) await setReviewTask(trx, actor, plan, kind, next);
      const follows =
        outcome === 'continue'
          ? `continues; next review by ${formatDate(next)}`
          : outcome === 'revise'
            ? 'to be revised and agreed again'
            : `ended: ${input.endReason.trim()}`;
      await chronicle(trx, actor, plan.childId, id, `${kind.name} reviewed on ${formatDate(reviewedOn)}: ${follows}.`);
      return reviewId;
    },
  );
}

async function shareFacts(db: Db, actor: Actor, id: string) {
  const { record: plan } = await authorizedPlan(db, actor, id, 'plan.share');
  const { versions } = await plans.planHistory(db, id);
  if (!versions.length) throw new ConflictError(plan.updatedByName, plan.updatedAt, []);
  return { plan, kind: kindOf(plan), version: versions.at(-1)!, today: londonToday() };
}

/** The form to record a copy shared: of the version last agreed. */
export async function planToShare(db: Db, actor: Actor, id: string) {
  const facts = await shareFacts(db, actor, id);
  return { ...(await formOf(db, actor, facts.plan, facts.kind)), version: facts.version };
}

export async function sharePlan(db: Db, actor: Actor, id: string, input: ShareInput) {
  const { plan, kind, version, today } = await shareFacts(db, actor, id);
  const agreedOn = londonToday(version.agreedAt);
  const problems = shareProblems(input, { today, agreedOn });
  const on = parseDateParts(input.sharedOn, 'Date it was shared', '');
  if (problems.length || 'error' in on) throw new ValidationError(problems);
  await auditedChange(
    db,
    actor,
    {
      action: 'plan.share',
      entityType: 'plan',
      entityId: id,
      details: { childId: plan.childId, version: version.number, consent: input.consent },
    },
    async (trx) => {
      await plans.insertShare(trx, {
        planId: id,
        versionNumber: version.number,
        sharedWith: input.sharedWith.trim(),
        sharedOn: on.iso,
        consent: input.consent as ConsentAnswer,
        views: input.views.trim(),
        disagreement: input.disagreement.trim(),
        recordedBy: actor.user.id,
      });
      await chronicle(
        trx,
        actor,
        plan.childId,
        id,
        `${kind.name} (version ${version.number}) shared with ${input.sharedWith.trim()} on ` +
          `${formatDate(on.iso)}.${input.disagreement.trim() ? ' Disagreement recorded.' : ''}`,
      );
    },
  );
}

/** The form to end a plan: any plan not yet ended. */
export async function planToEnd(db: Db, actor: Actor, id: string) {
  const { plan, kind } = await planFor(db, actor, id, 'plan.end', ENDABLE);
  return formOf(db, actor, plan, kind);
}

export async function endPlan(db: Db, actor: Actor, id: string, version: number, reason: string) {
  const { plan, kind } = await planFor(db, actor, id, 'plan.end', ENDABLE);
  if (plan.version !== version) throw new ConflictError(plan.updatedByName, plan.updatedAt, []);
  const problems = endProblems(reason);
  if (problems.length) throw new ValidationError(problems);
  await auditedChange(
    db,
    actor,
    { action: 'plan.end', entityType: 'plan', entityId: id, details: { childId: plan.childId } },
    async (trx) => {
      const ok = await plans.updatePlan(trx, id, version, actor.user.id, {
        status: 'ended',
        next_review_on: null,
        ended_by: actor.user.id,
        ended_at: new Date(),
        end_reason: reason.trim(),
      });
      if (!ok) throw new ConflictError(null, null, []);
      // An ended plan is not reviewed: its review task no longer asks anything of anyone.
      await tasks.supersedeTasks(trx, await tasks.openPlanTasks(trx, id));
      await chronicle(trx, actor, plan.childId, id, `${kind.name} ended: ${reason.trim()}`);
    },
  );
}
