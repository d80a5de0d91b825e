// Screenings: the answers, the suggestion with its reasons, and the practitioner's decision,
// with the pack version in force (R-X-9, R-X-10). Rows are never overwritten: screening the
// same incident again adds a row, so the history stays.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Reason, ScreeningAnswers } from '../domain/screening.ts';
import { changedOne, type JsonRow, type RowOf, timestamp } from './shared-columns.ts';

export interface Screening {
  id: string;
  authorityId: string;
  incidentId: string;
  childId: string;
  packId: string;
  packVersion: string;
  toolId: string;
  answers: ScreeningAnswers;
  /** null: not known when screened. */
  facts: Record<string, boolean | null>;
  suggestedLevel: string;
  suggestedScale: string;
  reasons: Reason[];
  ageRules: Record<string, unknown>;
  status: 'suggested' | 'decided';
  decidedLevel: string | null;
  decidedLevelLabel: string | null;
  agreedWithSuggestion: boolean | null;
  rationale: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionDate: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

export type NewScreening = Pick<
  Screening,
  | 'authorityId'
  | 'incidentId'
  | 'childId'
  | 'packId'
  | 'packVersion'
  | 'toolId'
  | 'answers'
  | 'facts'
  | 'suggestedLevel'
  | 'suggestedScale'
  | 'reasons'
  | 'ageRules'
  | 'createdBy'
>;

export async function insertScreening(db: Kysely<Database>, screening: NewScreening): Promise<string> {
  const row = await db
    .insertInto('screenings')
    .values({
      authority_id: screening.authorityId,
      incident_id: screening.incidentId,
      child_id: screening.childId,
      pack_id: screening.packId,
      pack_version: screening.packVersion,
      tool_id: screening.toolId,
      answers: JSON.stringify(screening.answers),
      facts: JSON.stringify(screening.facts),
      suggested_level: screening.suggestedLevel,
      suggested_scale: screening.suggestedScale,
      reasons: JSON.stringify(screening.reasons),
      age_rules: JSON.stringify(screening.ageRules),
      created_by: screening.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('screenings as s')
    .innerJoin('users as cu', 'cu.id', 's.created_by')
    .leftJoin('users as du', 'du.id', 's.decided_by')
    .selectAll('s')
    .select(['cu.display_name as created_by_name', 'du.display_name as decided_by_name']);
}

type ScreeningRow = RowOf<typeof baseQuery>;

/** The one mapping of a screening, read directly or through JSON (the child's record reads its decisions so). */
export function toScreening(row: ScreeningRow | JsonRow<ScreeningRow>): Screening {
  return {
    id: row.id,
    authorityId: row.authority_id,
    incidentId: row.incident_id,
    childId: row.child_id,
    packId: row.pack_id,
    packVersion: row.pack_version,
    toolId: row.tool_id,
    answers: row.answers,
    facts: row.facts,
    suggestedLevel: row.suggested_level,
    suggestedScale: row.suggested_scale,
    reasons: row.reasons as Reason[],
    ageRules: row.age_rules,
    status: row.status as Screening['status'],
    decidedLevel: row.decided_level,
    decidedLevelLabel: row.decided_level_label,
    agreedWithSuggestion: row.agreed_with_suggestion,
    rationale: row.rationale,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: timestamp(row.decided_at),
    decisionDate: row.decision_date,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: timestamp(row.created_at),
  };
}

export async function findScreening(db: Kysely<Database>, id: string): Promise<Screening | undefined> {
  const row = await baseQuery(db).where('s.id', '=', id).executeTakeFirst();
  return row ? toScreening(row) : undefined;
}

/** Screenings of one child in one incident, newest first: the history (R-X-9). */
export async function screeningsFor(db: Kysely<Database>, incidentId: string, childId: string): Promise<Screening[]> {
  const rows = await baseQuery(db)
    .where('s.incident_id', '=', incidentId)
    .where('s.child_id', '=', childId)
    .orderBy('s.created_at', 'desc')
    .execute();
  return rows.map(toScreening);
}

/** Every decided screening of a child, newest first: the query, for `decisionsForChild` and the child's record. */
export function decisionsForChildQuery(db: Kysely<Database>, childId: string) {
  return baseQuery(db)
    .where('s.child_id', '=', childId)
    .where('s.status', '=', 'decided')
    .orderBy('s.decided_at', 'desc');
}

/** Every decided screening of a child, newest first. */
export async function decisionsForChild(db: Kysely<Database>, childId: string): Promise<Screening[]> {
  const rows = await decisionsForChildQuery(db, childId).execute();
  return rows.map(toScreening);
}

/** Records the decision once; false when the screening was already decided (a second submit). */
export async function decideScreening(
  db: Kysely<Database>,
  id: string,
  decision: {
    level: string;
    levelLabel: string;
    agreed: boolean;
    rationale: string;
    decidedBy: string;
    decisionDate: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('screenings')
    .set({
      status: 'decided',
      decided_level: decision.level,
      decided_level_label: decision.levelLabel,
      agreed_with_suggestion: decision.agreed,
      rationale: decision.rationale,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
      decision_date: decision.decisionDate,
    })
    .where('id', '=', id)
    .where('status', '=', 'suggested')
    .executeTakeFirst();
  return changedOne(result);
}

/** Corrects a decided screening's reasons (issue 15): the reasons as they were are kept by the correction. */
export async function correctRationale(db: Kysely<Database>, id: string, rationale: string): Promise<boolean> {
  const result = await db
    .updateTable('screenings')
    .set({ rationale })
    .where('id', '=', id)
    .where('status', '=', 'decided')
    .executeTakeFirst();
  return changedOne(result);
}

/** Holds a screening's row until the transaction ends, so that two corrections of it cannot both count the same version. */
export async function lockScreening(db: Kysely<Database>, id: string): Promise<void> {
  await db.selectFrom('screenings').select('id').where('id', '=', id).forUpdate().execute();
}
