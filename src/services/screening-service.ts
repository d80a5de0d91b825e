// Screening an incident for a child who displayed the behaviour, with the pack of the child's
// authority: the answers give a suggestion with its reasons; a named practitioner confirms it or
// chooses another level with a rationale (R-X-9); the decision keeps the pack version (R-X-10)
// and turns into tasks with working-day deadlines (R-X-3). Screening again keeps the history.
import { isoDate, londonToday } from '../domain/age.ts';
import type { Pack, Tool } from '../domain/pack.ts';
import { TRAINING_LABELS } from '../domain/roles.ts';
import { readAcross } from '../domain/scale.ts';
import { type ScreeningInput, decisionProblems, screeningProblems } from '../domain/screening-rules.ts';
import {
  type AgeRules,
  type Facts,
  type NextStep,
  ageRules,
  findTool,
  ifKnown,
  route,
  suggest,
} from '../domain/screening.ts';
import { allPacks, getPack } from '../procedures/index.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as incidents from '../repositories/incidents.ts';
import * as screenings from '../repositories/screenings.ts';
import * as tasks from '../repositories/tasks.ts';
import { type ActionId, may } from '../domain/actions.ts';
import { authorizeChild, authorizeChildRecord, notFound, subjectOf } from './access.ts';
import { loadCalendar } from './calendar-service.ts';
import { createTask, fulfilTasks } from './task-service.ts';
import type { Actor, Db } from './actor.ts';
import { auditRefusal, auditRecordView, auditView, auditedChange } from './audited-change.ts';
import { isUuid } from './context.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';

export function packFor(authorityId: string): Pack {
  const pack = getPack(authorityId);
  if (!pack) throw new Error(`No procedure pack for authority ${authorityId}`);
  return pack;
}

/** The incident and the child who displayed the behaviour, after every access check. */
async function incidentChild(
  db: Db,
  actor: Actor,
  incidentId: string,
  childId: string,
  action: ActionId,
  auditAs: string,
) {
  const inc = isUuid(incidentId) ? await incidents.findIncident(db, incidentId) : undefined;
  if (!inc || inc.authorityId !== actor.user.authorityId || inc.status !== 'submitted')
    return notFound(db, actor, auditAs, 'incident', incidentId);
  const link = inc.children.find((linked) => linked.childId === childId);
  if (!link || link.role !== 'displayed')
    return notFound(db, actor, auditAs, 'incident', incidentId, 'not_a_child_who_displayed');
  await authorizeChild(db, actor, childId, action, { auditAs });
  const child = await children.findChild(db, childId);
  if (!child) return notFound(db, actor, auditAs, 'incident', incidentId);
  return { incident: inc, child };
}

/** The incident and the child who displayed the behaviour, for someone who may screen them. */
function childToScreen(db: Db, actor: Actor, incidentId: string, childId: string, auditAs: string) {
  return incidentChild(db, actor, incidentId, childId, 'screening.suggest', auditAs);
}

export function toolsFor(pack: Pack, actor: Actor) {
  return pack.tools.map((tool) => ({
    tool,
    allowed: !tool.requiresTraining || actor.user.trainings.includes(tool.requiresTraining),
    needs: tool.requiresTraining ? TRAINING_LABELS[tool.requiresTraining] : null,
  }));
}

function childAges(
  pack: Pack,
  child: { dateOfBirth: string; developmentalAge: number | null; sex: string },
  incidentDate: string,
  decisionDate: string,
) {
  return ageRules(
    pack,
    { dateOfBirth: child.dateOfBirth, developmentalAge: child.developmentalAge, sex: child.sex },
    incidentDate,
    decisionDate,
  );
}

/** Everything the screening page shows: the child's pack, tools, age rules and the history. */
export async function screeningPage(db: Db, actor: Actor, incidentId: string, childId: string) {
  // The form to screen: only for those who may screen (a read grant shows the decided screening, not the form).
  const { incident, child } = await childToScreen(db, actor, incidentId, childId, 'screening.view');
  const pack = packFor(child.authorityId);
  const incidentDate = isoDate(incident.occurredAt ?? incident.createdAt);
  const ages = childAges(pack, child, incidentDate, londonToday());
  const history = await screenings.screeningsFor(db, incidentId, childId);
  await auditView(db, actor, {
    action: 'screening.view',
    entityType: 'child',
    entityId: childId,
    details: { incidentId },
  });
  return { incident, child, pack, ages, incidentDate, tools: toolsFor(pack, actor), history };
}

export function factsFromIncident(pack: Pack, incident: incidents.Incident): Facts {
  const facts: Facts = {};
  if (pack.facts.includes('technology_assisted'))
    facts.technology_assisted = incident.text.technology_assisted === 'yes';
  return facts;
}

/** Validates the answers and records the suggestion; returns the screening id. */
export async function recordAnswers(
  db: Db,
  actor: Actor,
  incidentId: string,
  childId: string,
  input: ScreeningInput,
): Promise<string> {
  const { incident, child } = await childToScreen(db, actor, incidentId, childId, 'screening.suggest');
  const pack = packFor(child.authorityId);
  const tools = toolsFor(pack, actor);
  const entry = tools.find((choice) => choice.tool.id === input.toolId);
  // R-NEL-4, R-X-5: the Brook tool only for trained staff; the refusal is audited.
  if (entry && !entry.allowed)
    await auditRefusal(db, actor, 'screening.suggest', 'child', childId, 'training_required');
  const problems = screeningProblems(input, { tools, packFacts: pack.facts });
  if (problems.length || !entry) throw new ValidationError(problems);
  const facts: Record<string, boolean | null> = {};
  for (const fact of pack.facts) {
    const answer = input.facts[fact];
    if (answer !== undefined) facts[fact] = answer;
  }
  const suggestion = suggest(pack, entry.tool, input.answers);
  const incidentDate = isoDate(incident.occurredAt ?? incident.createdAt);
  const ages = childAges(pack, child, incidentDate, londonToday());
  return auditedChange(
    db,
    actor,
    (id: string) => ({
      action: 'screening.suggest',
      entityType: 'screening',
      entityId: id,
      details: {
        childId,
        incidentId,
        tool: entry.tool.id,
        suggested: suggestion.level.id,
        packVersion: pack.version,
      },
    }),
    (trx) =>
      screenings.insertScreening(trx, {
        authorityId: child.authorityId,
        incidentId,
        childId,
        packId: pack.id,
        packVersion: pack.version,
        toolId: entry.tool.id,
        answers: input.answers,
        facts,
        suggestedLevel: suggestion.level.id,
        suggestedScale: suggestion.scale,
        reasons: suggestion.reasons,
        ageRules: ages as unknown as Record<string, unknown>,
        createdBy: actor.user.id,
      }),
  );
}

function authorizedScreening(db: Db, actor: Actor, id: string, action: ActionId) {
  return authorizeChildRecord(db, actor, id, action, 'screening', (screeningId) =>
    screenings.findScreening(db, screeningId),
  );
}

export interface ScreeningView {
  screening: screenings.Screening;
  pack: Pack;
  tool: Tool | undefined;
  child: children.Child;
  incident: incidents.Incident;
  incidentDate: string;
  ages: AgeRules;
  suggestedLevel: Pack['levels'][number];
  readsAs: { authority: string; levels: string[] }[];
  /** What deciding today on each level would lead to: the routing preview. */
  previewFor: (levelId: string) => NextStep[];
  /** For each fact not known: what would change if it turned out to be so. */
  ifKnown: (levelId: string) => ReturnType<typeof ifKnown>;
  tasks: tasks.Task[];
  /** What this person may do here (the action model): decide, refer, screen again. */
  can: { decide: boolean; refer: boolean; screen: boolean; correct: boolean };
}

export async function viewScreening(db: Db, actor: Actor, id: string): Promise<ScreeningView> {
  const { record: screening, bases } = await authorizedScreening(db, actor, id, 'screening.view');
  const subject = subjectOf(actor, bases);
  const pack = packFor(screening.authorityId);
  const child = await children.findChild(db, screening.childId);
  const incident = await incidents.findIncident(db, screening.incidentId);
  if (!child || !incident) throw new NotFoundError();
  const incidentDate = isoDate(incident.occurredAt ?? incident.createdAt);
  const today = londonToday();
  const ages = childAges(pack, child, incidentDate, screening.decisionDate ?? today);
  const calendar = await loadCalendar(db, screening.authorityId);
  const suggestedLevel = pack.levels.find((level) => level.id === screening.suggestedLevel) ?? pack.levels[0]!;
  const taskList = await tasks.tasksForIncidentChild(db, screening.incidentId, screening.childId);
  await auditRecordView(db, actor, 'screening.view', {
    entityType: 'screening',
    entityId: id,
    childId: screening.childId,
  });
  return {
    screening,
    pack,
    tool: findTool(pack, screening.toolId),
    child,
    incident,
    incidentDate,
    ages,
    suggestedLevel,
    readsAs: allPacks()
      .filter((otherPack) => otherPack.id !== pack.id)
      .map((otherPack) => ({
        authority: otherPack.authority,
        levels: readAcross(suggestedLevel, otherPack.levels).map((level) => level.label),
      })),
    previewFor: (levelId) =>
      route(pack, levelId, screening.facts, { ...ages, sex: child.sex }, screening.decisionDate ?? today, calendar),
    ifKnown: (levelId) =>
      ifKnown(pack, levelId, screening.facts, { ...ages, sex: child.sex }, screening.decisionDate ?? today, calendar),
    tasks: taskList,
    can: {
      decide: may('screening.decide', subject).allowed,
      refer: may('referral.create', subject).allowed,
      screen: may('screening.suggest', subject).allowed,
      // The reasons for a decided level, corrected by the person who decided it or a manager (issue 15).
      correct:
        screening.status === 'decided' &&
        may('screening.correct', subjectOf(actor, bases, screening.decidedBy === actor.user.id ? ['decider'] : []))
          .allowed,
    },
  };
}

/** The longest reasons for a decision the form takes (its character count shows the same). */
export { DECISION_RATIONALE_MAX } from '../domain/screening-rules.ts';

type Screening = screenings.Screening;
type Level = Pack['levels'][number];

/** The decision's own checks: a level of the pack, and reasons (why another level, when it differs). */
function checkedDecision(pack: Pack, screening: Screening, decision: { levelId: string; rationale: string }) {
  const level = pack.levels.find((candidate) => candidate.id === decision.levelId);
  const problems = decisionProblems(decision, {
    levelIds: pack.levels.map((candidate) => candidate.id),
    suggestedLevel: screening.suggestedLevel,
  });
  if (problems.length || !level) throw new ValidationError(problems);
  return { level, rationale: decision.rationale.trim() };
}

/** Where the decided level leads today: the pack's next steps for the child, with their deadlines. */
async function routeDecision(db: Db, pack: Pack, screening: Screening, levelId: string) {
  const child = await children.findChild(db, screening.childId);
  const incident = await incidents.findIncident(db, screening.incidentId);
  if (!child || !incident) throw new NotFoundError();
  const today = londonToday();
  const incidentDate = isoDate(incident.occurredAt ?? incident.createdAt);
  const ages = childAges(pack, child, incidentDate, today);
  const calendar = await loadCalendar(db, screening.authorityId);
  const steps = route(pack, levelId, screening.facts, { ...ages, sex: child.sex }, today, calendar);
  return { child, incident, today, steps };
}

/**
 * Each step's task on the record of the child it concerns: a step already open or done for that
 * child on this incident is kept, the others are created. Gives what was created and kept, the
 * children given new tasks, and the tasks the incident had before.
 */
async function setTasks(
  trx: Db,
  actor: Actor,
  screening: Screening,
  steps: NextStep[],
  concerned: { displayed: children.Child; targeted: children.Child[] },
) {
  const earlier = new Map<string, tasks.Task[]>();
  for (const concernedChild of [concerned.displayed, ...concerned.targeted])
    earlier.set(concernedChild.id, await tasks.tasksForIncidentChild(trx, screening.incidentId, concernedChild.id));
  const created: string[] = [];
  const kept = new Set<string>();
  const withNewTasks = new Set<string>();
  for (const step of steps) {
    for (const recipient of step.forChild === 'displayed' ? [concerned.displayed] : concerned.targeted) {
      const existing = earlier
        .get(recipient.id)
        ?.find((task) => task.stepId === step.stepId && task.status !== 'superseded');
      if (existing) {
        kept.add(existing.id);
        continue;
      }
      const taskId = await createTask(
        trx,
        actor,
        {
          authorityId: screening.authorityId,
          childId: recipient.id,
          incidentId: screening.incidentId,
          screeningId: screening.id,
          stepId: step.stepId,
          title: step.title,
          detail: step.detail,
          kind: step.kind,
          ownerRole: step.owner,
          dueOn: step.dueDate,
          dueRule: step.dueRule,
          clause: step.clause,
          requirementId: step.requirement,
          arranges: step.meeting,
        },
        { giveTo: 'screening', child: recipient },
      );
      created.push(taskId);
      kept.add(taskId);
      withNewTasks.add(recipient.id);
    }
  }
  return { earlier, created, kept, withNewTasks };
}

/**
 * What new tasks mean for the children given them: a step whose work is already done (the child
 * harmed already has a worker of their own) is done at once, and a closed case reopens (a closed
 * case has nothing left to do, R-X-3).
 */
async function followNewTasks(
  trx: Db,
  actor: Actor,
  screening: Screening,
  concerned: children.Child[],
  withNewTasks: Set<string>,
) {
  for (const concernedChild of concerned) {
    if (concernedChild.allocatedWorkerId && withNewTasks.has(concernedChild.id))
      await fulfilTasks(trx, actor, {
        authorityId: screening.authorityId,
        childId: concernedChild.id,
        incidentId: screening.incidentId,
        record: 'allocation',
        recordId: concernedChild.id,
        note: `Already allocated to ${concernedChild.allocatedWorkerName ?? 'a worker'}.`,
      });
  }
  for (const reopened of await children.reopenClosed(trx, [...withNewTasks], actor.user.id)) {
    await addChronologyEntry(trx, {
      childId: reopened,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'case_status',
      summary: 'Case reopened: the incident was screened again and new tasks set.',
      incidentId: screening.incidentId,
    });
  }
}

/** Open tasks from an earlier decision on this incident that the new one no longer routes to: superseded. */
async function supersedeStale(trx: Db, earlier: Map<string, tasks.Task[]>, kept: Set<string>): Promise<string[]> {
  const stale = [...earlier.values()]
    .flat()
    .filter((task) => task.status === 'open' && !kept.has(task.id))
    .map((task) => task.id);
  await tasks.supersedeTasks(trx, stale);
  return stale;
}

/** The decision in the chronology of the child who harmed, and a line for each child harmed given tasks. */
async function chronicleDecision(
  trx: Db,
  actor: Actor,
  decided: { pack: Pack; screening: Screening; level: Level; childId: string; created: number },
  targeted: { childId: string }[],
  touched: Set<string>,
) {
  const { pack, screening, level } = decided;
  const changed =
    level.id === screening.suggestedLevel
      ? 'confirmed the suggested level'
      : `chose a different level from the one suggested ` +
        `(${pack.levels.find((candidate) => candidate.id === screening.suggestedLevel)?.label ?? screening.suggestedLevel})`;
  await addChronologyEntry(trx, {
    childId: decided.childId,
    occurredAt: new Date(),
    recordedBy: actor.user.id,
    kind: 'screening',
    summary:
      `Level of concern decided: ${level.label}. ${actor.user.displayName} ${changed}. ` +
      `${decided.created} new task${decided.created === 1 ? '' : 's'}. Procedure: ` +
      `${pack.shortName}, ${pack.version}.`,
    incidentId: screening.incidentId,
    record: { type: 'screening', id: screening.id },
  });
  for (const linked of targeted) {
    if (!touched.has(linked.childId)) continue;
    await addChronologyEntry(trx, {
      childId: linked.childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'task',
      summary: 'Tasks added for this child after the incident was screened.',
      incidentId: screening.incidentId,
    });
  }
}

/**
 * The decision: the confirmed level or another with a rationale (R-X-9). Creates the tasks the
 * pack routes to, on the record of the child each concerns (R-X-1); open tasks from an earlier
 * decision that no longer apply are marked superseded, and steps already open or done are kept.
 */
export async function decide(db: Db, actor: Actor, id: string, decision: { levelId: string; rationale: string }) {
  const { record: screening } = await authorizedScreening(db, actor, id, 'screening.decide');
  // Decided since the form was shown: the page no longer asks, so the form was out of date.
  if (screening.status === 'decided') throw new ConflictError(screening.decidedByName, screening.decidedAt, []);
  const pack = packFor(screening.authorityId);
  const { level, rationale } = checkedDecision(pack, screening, decision);
  const { child, incident, today, steps } = await routeDecision(db, pack, screening, level.id);
  const targeted = incident.children.filter((linked) => linked.role === 'targeted');
  const agreed = level.id === screening.suggestedLevel;

  return auditedChange(
    db,
    actor,
    (result: { created: number; superseded: number }) => ({
      action: 'screening.decide',
      entityType: 'screening',
      entityId: id,
      details: {
        childId: child.id,
        level: level.id,
        suggested: screening.suggestedLevel,
        agreed,
        packVersion: pack.version,
        tasksCreated: result.created,
        tasksSuperseded: result.superseded,
      },
    }),
    async (trx) => {
      const ok = await screenings.decideScreening(trx, id, {
        level: level.id,
        levelLabel: level.label,
        agreed,
        rationale,
        decidedBy: actor.user.id,
        decisionDate: today,
      });
      if (!ok) throw new ConflictError(null, null, []);
      const targetedChildren = (
        await Promise.all(targeted.map((linked) => children.findChild(trx, linked.childId)))
      ).filter((found) => found !== undefined);
      const set = await setTasks(trx, actor, screening, steps, { displayed: child, targeted: targetedChildren });
      await followNewTasks(trx, actor, screening, [child, ...targetedChildren], set.withNewTasks);
      const stale = await supersedeStale(trx, set.earlier, set.kept);
      const touched = new Set<string>([child.id, ...set.withNewTasks]);
      await chronicleDecision(
        trx,
        actor,
        { pack, screening, level, childId: child.id, created: set.created.length },
        targeted,
        touched,
      );
      await children.touchChildren(trx, [...touched]);
      return { created: set.created.length, superseded: stale.length };
    },
  );
}

/** Decided levels of concern for a child, newest first, for the child's record. */
export async function decisionsForChild(db: Db, childId: string) {
  return screenings.decisionsForChild(db, childId);
}
