// AIM assessments of the child who harmed: planned from the child's record with the model the
// procedure names for their age or developmental stage (R-X-2, R-KEN-11, R-THU-5, R-NYO-7,
// R-NEL-10), two assessors checked against the rules the pack gives (R-X-5, R-NYO-9, R-NYO-12), the
// mode (full, or Stage One paperwork only, R-NYO-10, where the pack gives the denial rule), then the stages, the outcome sheet (R-NYO-13),
// the report shared with the young person and parents (R-NYO-14) and completion. Each change is
// permission-checked, written with a chronology entry and audited in one transaction.
import {
  ALREADY_IN_PROGRESS,
  ASSESSMENT_MODELS,
  DOMAINS,
  INTERVENTION_AREAS,
  type OutcomeSheet,
  type PlanBarrierFacts,
  type PlanInput,
  REPORT_SECTIONS,
  type Report,
  STAGES,
  SUPERVISION_LEVELS,
  assessmentMode,
  choosesVictimsWorker,
  completeProblems,
  completionProblems,
  nextStage,
  outcomeProblems,
  planBarrier,
  planningProblems,
  reportProblems,
  reportSections,
  sharedOnDate,
  sharingProblems,
  stageDoneOn,
  stageProblems,
} from '../domain/assessments.ts';
import { londonToday } from '../domain/age.ts';
import type { DateParts } from '../domain/date-parts.ts';
import { CASE_ROLES } from '../domain/roles.ts';
import { ASSESSING_ROLES, type ActionId, may } from '../domain/actions.ts';
import { ageRules } from '../domain/screening.ts';
import { citeText, getPack } from '../procedures/index.ts';
import * as assessments from '../repositories/assessments.ts';
import * as children from '../repositories/children.ts';
import { panelReferralsForChild } from '../repositories/panel-referrals.ts';
import { incidentsForChild } from '../repositories/incidents.ts';
import { inSentence } from '../domain/plans.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as authorities from '../repositories/authorities.ts';
import * as users from '../repositories/users.ts';
import { authorizeChild, authorizeChildRecord, notFound, requireAction, subjectOf } from './access.ts';
import { createTask, fulfilTasks } from './task-service.ts';
import {
  type Actor,
  ConflictError,
  type Db,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  auditRefusal,
  isUuid,
  requireRole,
} from './context.ts';
import { auditRecordView, auditView, auditedChange } from './audited-change.ts';
import { type ChildRecord, childRecordChange } from './record-change.ts';

/** What the plan page needs: the model the procedure names, the possible assessors, and why planning may not be possible. */
export async function planOptions(db: Db, actor: Actor, childId: string, page = false) {
  await authorizeChild(db, actor, childId, 'assessment.plan');
  if (page) await auditView(db, actor, { action: 'assessment.plan_view', entityType: 'child', entityId: childId });
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const pack = getPack(child.authorityId);
  if (!pack) throw new NotFoundError();
  const today = londonToday();
  const ages = ageRules(pack, child, today, today);
  const existing = await assessments.assessmentsForChild(db, childId);
  // Naming someone an assessor lets them see the child's record while the assessment is in progress (R-X-7).
  const candidates = await users.listCaseWorkers(db, child.authorityId, ASSESSING_ROLES);
  const victimWorkers = new Map(
    (await children.otherSideWorkers(db, childId))
      .filter((worker) => worker.thisRole === 'displayed' && worker.otherWorkerId)
      .map((worker) => [worker.otherWorkerId!, worker.otherWorkerName ?? '']),
  );
  const model = ages.assessmentModel?.model ? ages.assessmentModel : null;
  const barrier: PlanBarrierFacts = {
    displayedBehaviour: await children.displayedBehaviour(db, childId),
    named: ages.assessmentModel && {
      name: ages.assessmentModel.name,
      model: ages.assessmentModel.model,
      citation: citeText(ages.assessmentModel.clause),
    },
    inProgress: existing.some((assessment) => assessment.status === 'in_progress'),
  };
  return {
    child,
    pack,
    ages,
    model,
    modelId: model?.model ?? null,
    assessors: candidates.map((candidate) => ({
      id: candidate.id,
      name: candidate.name,
      trainings: candidate.trainings,
    })),
    victimWorkers,
    barrier,
    cannot: planBarrier(barrier),
  };
}

export async function plan(db: Db, actor: Actor, childId: string, input: PlanInput): Promise<string> {
  const options = await planOptions(db, actor, childId);
  const facts = {
    assessors: options.assessors,
    victimWorkers: options.victimWorkers,
    rules: options.pack.assessorRules,
  };
  const problems = planningProblems(input, { barrier: options.barrier, ...facts });
  if (problems.length || !options.model || !options.modelId) {
    if (!options.cannot && choosesVictimsWorker(facts, input))
      await auditRefusal(db, actor, 'assessment.plan', 'child', childId, 'assessor_is_victims_social_worker');
    throw new ValidationError(problems);
  }
  const mode = assessmentMode(input, options.pack.assessorRules);
  const lead = options.assessors.find((assessor) => assessor.id === input.leadId)!;
  const co = options.assessors.find((assessor) => assessor.id === input.coId)!;
  const model = options.model;
  const inProgress = new ValidationError([{ field: 'cannot', message: ALREADY_IN_PROGRESS }]);
  const event = ({ id, done }: { id: string; done: Awaited<ReturnType<typeof fulfilTasks>> }) => ({
    action: 'assessment.plan',
    entityType: 'assessment',
    entityId: id,
    details: { childId, model: options.modelId, mode: mode.mode, tasksDone: done },
  });
  const { id } = await auditedChange(db, actor, event, async (trx) => {
    const id = await assessments
      .insertAssessment(trx, {
        authorityId: options.child.authorityId,
        childId,
        model: options.modelId!,
        modelName: model.name,
        packVersion: options.pack.version,
        clause: model.clause,
        requirementId: model.requirement,
        leadAssessorId: lead.id,
        coAssessorId: co.id,
        mode: mode.mode,
        modeReason: mode.why,
        checks: {
          appropriateAdult: input.appropriateAdult as 'none' | 'lead' | 'co',
          appropriateAdultReason: input.appropriateAdult === 'none' ? '' : input.appropriateAdultReason.trim(),
          prosecutionLikely: input.prosecutionLikely === 'yes',
          denies: input.denies === 'yes',
          legalRepAgreed:
            input.prosecutionLikely === 'yes' && input.denies === 'yes' ? input.legalRepAgreed === 'yes' : null,
          participates: input.participates === 'yes',
        },
        createdBy: actor.user.id,
      })
      .catch((err: unknown) => {
        // Someone else planned one a moment ago (the unique index assessments_one_in_progress).
        if ((err as { code?: string; constraint?: string }).code === '23505') throw inProgress;
        throw err;
      });
    const label = ASSESSMENT_MODELS[options.modelId!].label;
    await addChronologyEntry(trx, {
      childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'assessment',
      summary: `${label} planned: led by ${lead.name} with ${co.name}.${mode.mode === 'stage_one_only' ? ' Stage One paperwork only.' : ''}`,
      record: { type: 'assessment', id },
    });
    // The routing step that asked for the assessment ("Refer to NELFT for an AIM2 assessment") is done by it.
    const done = await fulfilTasks(trx, actor, {
      authorityId: options.child.authorityId,
      childId,
      record: 'assessment',
      recordId: id,
      note: `${ASSESSMENT_MODELS[options.modelId!].label} planned, led by ${lead.name}.`,
    });
    return { id, done };
  });
  return id;
}

/**
 * An assessment and who this person is to it. Its assessors keep sight of the assessment itself
 * after completion (their work), though no longer of the child's whole record (R-X-7).
 */
async function authorized(db: Db, actor: Actor, id: string, action: ActionId, auditAs?: string) {
  const audited = auditAs ?? action;
  const assessment = isUuid(id) ? await assessments.findAssessment(db, id) : undefined;
  if (!assessment || assessment.authorityId !== actor.user.authorityId)
    return notFound(db, actor, audited, 'assessment', id);
  const { record, bases } = await authorizeChildRecord(
    db,
    actor,
    id,
    'assessment.view',
    'assessment',
    () => Promise.resolve(assessment),
    {
      relations: (loaded) => assessorOf(actor, loaded),
      auditAs: audited,
    },
  );
  const subject = subjectOf(actor, bases, assessorOf(actor, record));
  if (action !== 'assessment.view')
    await requireAction(db, actor, action, subject, { entityType: 'assessment', entityId: id, auditAs: audited });
  return { assessment: record, subject };
}

function assessorOf(actor: Actor, assessment: assessments.Assessment): ['assessor'] | [] {
  return assessment.leadAssessorId === actor.user.id || assessment.coAssessorId === actor.user.id ? ['assessor'] : [];
}

/** The assessment's page; with `part`, the page of one part, only for those who may change it (locked once complete). */
export async function viewAssessment(db: Db, actor: Actor, id: string, part?: ActionId) {
  const { assessment, subject } = part
    ? await editableWith(db, actor, id, part)
    : await authorized(db, actor, id, 'assessment.view');
  await auditRecordView(db, actor, 'assessment.view', {
    entityType: 'assessment',
    entityId: id,
    childId: assessment.childId,
  });
  return {
    assessment,
    canEdit: assessment.status === 'in_progress' && may('assessment.stage', subject).allowed,
    next: nextStage(assessment.mode, assessment.stages),
    missing: completionProblems({
      mode: assessment.mode,
      stages: assessment.stages,
      hasOutcome: assessment.outcome !== null,
      hasReport: assessment.report !== null,
      sharedOn: assessment.sharedOn,
    }),
    today: londonToday(),
  };
}

/** "Assessments": those the user leads or co-works, whatever the child's allocation. */
export async function myAssessments(db: Db, actor: Actor) {
  await requireRole(db, actor, CASE_ROLES, 'assessments.mine');
  const list = await assessments.assessmentsForAssessor(db, actor.user.id, actor.user.authorityId);
  await auditView(db, actor, {
    action: 'assessments.mine',
    entityType: 'user',
    entityId: actor.user.id,
    details: { count: list.length },
  });
  return list;
}

/** A child's Assessments tab: their AIM assessments and, where the procedure has one, their referrals to the AIM Pathway Panel. */
export async function childAssessments(db: Db, actor: Actor, childId: string) {
  const { bases } = await authorizeChild(db, actor, childId, 'child.view', { auditAs: 'assessments.view' });
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const list = await assessments.assessmentsForChild(db, childId);
  const panelReferrals = getPack(child.authorityId)?.aimPanel ? await panelReferralsForChild(db, childId) : null;
  await auditView(db, actor, { action: 'assessments.view', entityType: 'child', entityId: childId });
  const subject = subjectOf(actor, bases);
  return {
    child,
    assessments: list,
    panelReferrals,
    canPlan: may('assessment.plan', subject).allowed,
    canRefer: may('panel.refer', subject).allowed,
  };
}

async function editableWith(db: Db, actor: Actor, id: string, action: ActionId) {
  const found = await authorized(db, actor, id, action);
  if (found.assessment.status !== 'in_progress') {
    // A completed assessment is locked.
    await auditRefusal(db, actor, action, 'assessment', id, 'completed');
    throw new ForbiddenError('The assessment is complete');
  }
  return found;
}

async function editable(db: Db, actor: Actor, id: string, action: ActionId) {
  return (await editableWith(db, actor, id, action)).assessment;
}

/** An assessment as the record a change is to, in the child's chronology under assessments. */
const assessmentRecord = (assessment: assessments.Assessment): ChildRecord => ({
  entityType: 'assessment',
  id: assessment.id,
  childId: assessment.childId,
  kind: 'assessment',
});

/** What the dates an assessor records follow: the day it was planned and the stages so far. */
const datesOf = (assessment: assessments.Assessment) => ({
  today: londonToday(),
  plannedOn: londonToday(assessment.createdAt),
  stages: assessment.stages,
});

/** Records the next stage as done on a date, in order, never before the stage before it (R-NYO-9). */
export async function recordStage(db: Db, actor: Actor, id: string, version: number, stage: number, date: DateParts) {
  const assessment = await editable(db, actor, id, 'assessment.stage');
  const next = nextStage(assessment.mode, assessment.stages);
  // Every stage recorded since the form was shown: the page no longer asks, so the form was out of date.
  if (next === null) throw new ConflictError(null, null, []);
  const facts = { ...datesOf(assessment), next };
  const problems = stageProblems({ stage, date }, facts);
  const on = stageDoneOn(date, facts);
  if (problems.length || !('iso' in on)) throw new ValidationError(problems);
  const stages = { ...assessment.stages, [next]: on.iso };
  await childRecordChange(
    db,
    actor,
    assessmentRecord(assessment),
    {
      action: 'assessment.stage',
      summary: `${ASSESSMENT_MODELS[assessment.model].label}: ${STAGES.find((step) => step.n === next)!.label.toLowerCase()}.`,
      details: { stage: next },
    },
    (trx) => assessments.recordStages(trx, id, version, stages),
  );
}

export async function saveOutcome(db: Db, actor: Actor, id: string, version: number, sheet: OutcomeSheet) {
  const assessment = await editable(db, actor, id, 'assessment.outcome');
  const problems = outcomeProblems(sheet);
  if (problems.length) throw new ValidationError(problems);
  const supervision = SUPERVISION_LEVELS.find((level) => level.id === sheet.supervision)!.label.toLowerCase();
  const most = DOMAINS.filter((domain) => sheet.mostConcern.includes(domain.id))
    .map((domain) => domain.label.toLowerCase())
    .join(', ');
  const clean: OutcomeSheet = {
    profile: sheet.profile,
    mostConcern: DOMAINS.filter((domain) => sheet.mostConcern.includes(domain.id)).map((domain) => domain.id),
    supervision: sheet.supervision,
    intervention: Object.fromEntries(
      INTERVENTION_AREAS.map((area) => [area.id, sheet.intervention[area.id].trim()]),
    ) as OutcomeSheet['intervention'],
  };
  await childRecordChange(
    db,
    actor,
    assessmentRecord(assessment),
    {
      action: 'assessment.outcome',
      summary:
        `${ASSESSMENT_MODELS[assessment.model].label}: outcome sheet recorded. Level of ` +
        `supervision: ${supervision}. Most concern: ` +
        `${most}.${assessment.mode === 'stage_one_only' ? ' Stage One paperwork only: a limited outcome.' : ''}`,
    },
    (trx) => assessments.saveOutcome(trx, id, version, clean),
  );
}

/** The report's sections in the assessors' words (R-NYO-14). */
export async function saveReport(db: Db, actor: Actor, id: string, version: number, input: Report) {
  const assessment = await editable(db, actor, id, 'assessment.report');
  const problems = reportProblems(assessment.mode, input);
  if (problems.length) throw new ValidationError(problems);
  const report = Object.fromEntries(
    REPORT_SECTIONS.map((section) => [
      section.id,
      reportSections(assessment.mode).some((candidate) => candidate.id === section.id) ? input[section.id].trim() : '',
    ]),
  ) as Report;
  await childRecordChange(
    db,
    actor,
    assessmentRecord(assessment),
    {
      action: 'assessment.report',
      summary: `${ASSESSMENT_MODELS[assessment.model].label}: report ${assessment.report ? 'updated' : 'written'}.`,
    },
    (trx) => assessments.saveReport(trx, id, version, report),
  );
}

/** Everything the report shows: the child's details, the commissioning authority, and the assessment. */
export async function reportView(db: Db, actor: Actor, id: string, action: 'assessment.print' | 'assessment.export') {
  const { assessment } = await authorized(db, actor, id, 'assessment.view', action);
  const child = await children.findChild(db, assessment.childId);
  const authority = (await authorities.listAuthorities(db)).find(
    (candidate) => candidate.id === assessment.authorityId,
  );
  if (!child || !authority) throw new NotFoundError();
  await auditView(db, actor, { action, entityType: 'assessment', entityId: id });
  return { assessment, child, authorityName: authority.name, today: londonToday() };
}

/** The report is shared with the young person and parents, and disagreements noted, before other professionals see it (R-NYO-14). */
export async function recordSharing(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  date: DateParts,
  disagreementsInput: string,
) {
  const assessment = await editable(db, actor, id, 'assessment.share');
  const facts = {
    ...datesOf(assessment),
    hasOutcome: assessment.outcome !== null,
    hasReport: assessment.report !== null,
  };
  const problems = sharingProblems({ date, disagreements: disagreementsInput }, facts);
  const on = sharedOnDate(date, facts);
  if (problems.length || !('iso' in on)) throw new ValidationError(problems);
  const disagreements = disagreementsInput.trim();
  await childRecordChange(
    db,
    actor,
    assessmentRecord(assessment),
    {
      action: 'assessment.share',
      summary:
        `${ASSESSMENT_MODELS[assessment.model].label}: report shared with the young person and ` +
        `their parents or ` +
        `carers.${disagreements ? ' Disagreements noted.' : ' No disagreements noted.'}`,
    },
    (trx) => assessments.recordSharing(trx, id, version, on.iso, disagreements),
  );
}

export async function complete(db: Db, actor: Actor, id: string, version: number) {
  const assessment = await editable(db, actor, id, 'assessment.complete');
  const problems = completeProblems({
    mode: assessment.mode,
    stages: assessment.stages,
    hasOutcome: assessment.outcome !== null,
    hasReport: assessment.report !== null,
    sharedOn: assessment.sharedOn,
  });
  if (problems.length) throw new ValidationError(problems);
  await childRecordChange(
    db,
    actor,
    assessmentRecord(assessment),
    {
      action: 'assessment.complete',
      summary:
        `${ASSESSMENT_MODELS[assessment.model].label} ` +
        `completed.${assessment.mode === 'stage_one_only' ? ' Stage One paperwork only: a limited outcome.' : ''}`,
    },
    async (trx) => {
      if (!(await assessments.completeAssessment(trx, id, version, actor.user.id))) return false;
      await setMeetingsAfterAssessment(trx, actor, assessment);
      return true;
    },
  );
}

/**
 * The meetings the procedure convenes once the AIM assessment is complete (kent §15: the AIM
 * review meeting, R-KEN-13): a task to arrange each, for the child's social workers, about the
 * latest incident in which the child displayed the behaviour.
 */
async function setMeetingsAfterAssessment(trx: Db, actor: Actor, assessment: assessments.Assessment) {
  const types = (getPack(assessment.authorityId)?.meetings ?? []).filter(
    (type) => type.convenedAfter?.record === 'assessment',
  );
  if (!types.length) return;
  const incident = (await incidentsForChild(trx, assessment.childId)).find((one) => one.role === 'displayed');
  if (!incident) return;
  for (const type of types)
    await createTask(
      trx,
      actor,
      {
        authorityId: assessment.authorityId,
        childId: assessment.childId,
        incidentId: incident.incidentId,
        screeningId: null,
        stepId: `after-assessment-${type.id}`,
        title: `Arrange the ${inSentence(type.label)}`,
        detail: type.purpose,
        kind: 'do',
        ownerRole: 'social_worker',
        dueOn: null,
        dueRule: 'After the assessment: the procedure sets no timescale',
        clause: type.convenedAfter!.clause,
        requirementId: type.convenedAfter!.requirement,
        arranges: type.id,
      },
      { giveTo: 'owners' },
    );
}
