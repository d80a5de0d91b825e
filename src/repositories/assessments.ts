// AIM assessments: stored as planned, then each stage, the outcome sheet, the sharing of the
// report and completion, each a versioned change (a stale save changes nothing).
import { type Kysely, sql } from 'kysely';
import type { AssessmentModelId, AssessmentMode, OutcomeSheet, Report, StageNumber } from '../domain/assessments.ts';
import type { AssessmentChecks, Database } from '../db/types.ts';
import { aboutChild, changedOne, childName, type RowOf } from './shared-columns.ts';

export interface Assessment {
  id: string;
  authorityId: string;
  childId: string;
  childName: string;
  model: AssessmentModelId;
  modelName: string;
  packVersion: string;
  clause: string;
  requirementId: string;
  leadAssessorId: string;
  leadAssessorName: string;
  coAssessorId: string;
  coAssessorName: string;
  mode: AssessmentMode;
  modeReason: string;
  checks: AssessmentChecks;
  stages: Partial<Record<StageNumber, string>>;
  outcome: OutcomeSheet | null;
  report: Report | null;
  sharedOn: string | null;
  disagreements: string;
  status: 'in_progress' | 'completed';
  completedAt: Date | null;
  completedByName: string | null;
  createdAt: Date;
  createdByName: string;
  version: number;
}

export type NewAssessment = Pick<
  Assessment,
  | 'authorityId'
  | 'childId'
  | 'model'
  | 'modelName'
  | 'packVersion'
  | 'clause'
  | 'requirementId'
  | 'leadAssessorId'
  | 'coAssessorId'
  | 'mode'
  | 'modeReason'
  | 'checks'
> & { createdBy: string };

export async function insertAssessment(db: Kysely<Database>, assessment: NewAssessment): Promise<string> {
  const row = await db
    .insertInto('assessments')
    .values({
      authority_id: assessment.authorityId,
      child_id: assessment.childId,
      model: assessment.model,
      model_name: assessment.modelName,
      pack_version: assessment.packVersion,
      clause: assessment.clause,
      requirement_id: assessment.requirementId,
      lead_assessor_id: assessment.leadAssessorId,
      co_assessor_id: assessment.coAssessorId,
      mode: assessment.mode,
      mode_reason: assessment.modeReason,
      checks: JSON.stringify(assessment.checks),
      created_by: assessment.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('children as c', 'c.id', 'a.child_id')
    .innerJoin('users as l', 'l.id', 'a.lead_assessor_id')
    .innerJoin('users as co', 'co.id', 'a.co_assessor_id')
    .innerJoin('users as cr', 'cr.id', 'a.created_by')
    .leftJoin('users as cb', 'cb.id', 'a.completed_by')
    .selectAll('a')
    .select([
      childName.as('child_name'),
      'l.display_name as lead_name',
      'co.display_name as co_name',
      'cr.display_name as created_by_name',
      'cb.display_name as completed_by_name',
    ]);
}

function toAssessment(row: RowOf<typeof baseQuery>): Assessment {
  return {
    id: row.id,
    authorityId: row.authority_id,
    ...aboutChild(row),
    model: row.model,
    modelName: row.model_name,
    packVersion: row.pack_version,
    clause: row.clause,
    requirementId: row.requirement_id,
    leadAssessorId: row.lead_assessor_id,
    leadAssessorName: row.lead_name,
    coAssessorId: row.co_assessor_id,
    coAssessorName: row.co_name,
    mode: row.mode,
    modeReason: row.mode_reason,
    checks: row.checks,
    stages: row.stages,
    outcome: row.outcome as OutcomeSheet | null,
    report: row.report as Report | null,
    sharedOn: row.shared_on,
    disagreements: row.disagreements,
    status: row.status,
    completedAt: row.completed_at,
    completedByName: row.completed_by_name,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    version: row.version,
  };
}

export async function findAssessment(db: Kysely<Database>, id: string): Promise<Assessment | undefined> {
  const row = await baseQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row ? toAssessment(row) : undefined;
}

export async function assessmentsForChild(db: Kysely<Database>, childId: string): Promise<Assessment[]> {
  return (await baseQuery(db).where('a.child_id', '=', childId).orderBy('a.created_at', 'desc').execute()).map(
    toAssessment,
  );
}

/** The assessments a user leads or co-works in their authority, in progress first, newest first (at most `limit`). */
export async function assessmentsForAssessor(
  db: Kysely<Database>,
  userId: string,
  authorityId: string,
  limit = 100,
): Promise<Assessment[]> {
  const rows = await baseQuery(db)
    .where('a.authority_id', '=', authorityId)
    .where((eb) => eb.or([eb('a.lead_assessor_id', '=', userId), eb('a.co_assessor_id', '=', userId)]))
    .orderBy(sql`a.status = 'in_progress'`, 'desc')
    .orderBy('a.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toAssessment);
}

/** One versioned change to an assessment still in progress; false when stale or completed. */
async function update(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: {
    stages?: string;
    outcome?: string;
    report?: string;
    shared_on?: string;
    disagreements?: string;
    status?: 'completed';
    completed_at?: Date;
    completed_by?: string;
  },
): Promise<boolean> {
  const row = await db
    .updateTable('assessments')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return changedOne(row);
}

export function recordStages(
  db: Kysely<Database>,
  id: string,
  version: number,
  stages: Partial<Record<StageNumber, string>>,
) {
  return update(db, id, version, { stages: JSON.stringify(stages) });
}

export function saveOutcome(db: Kysely<Database>, id: string, version: number, outcome: OutcomeSheet) {
  return update(db, id, version, { outcome: JSON.stringify(outcome) });
}

export function saveReport(db: Kysely<Database>, id: string, version: number, report: Report) {
  return update(db, id, version, { report: JSON.stringify(report) });
}

export function recordSharing(
  db: Kysely<Database>,
  id: string,
  version: number,
  sharedOn: string,
  disagreements: string,
) {
  return update(db, id, version, { shared_on: sharedOn, disagreements });
}

export function completeAssessment(db: Kysely<Database>, id: string, version: number, by: string) {
  return update(db, id, version, { status: 'completed', completed_at: new Date(), completed_by: by });
}
