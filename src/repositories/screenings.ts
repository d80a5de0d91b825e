// Screenings: the answers, the suggestion with its reasons, and the practitioner's decision,
// with the pack version in force (R-X-9, R-X-10). Rows are never overwritten: screening the
// same incident again adds a row, so the history stays.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Reason, ScreeningAnswers } from '../domain/screening.ts';

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

export async function insertScreening(db: Kysely<Database>, s: NewScreening): Promise<string> {
  const row = await db
    .insertInto('screenings')
    .values({
      authority_id: s.authorityId,
      incident_id: s.incidentId,
      child_id: s.childId,
      pack_id: s.packId,
      pack_version: s.packVersion,
      tool_id: s.toolId,
      answers: JSON.stringify(s.answers),
      facts: JSON.stringify(s.facts),
      suggested_level: s.suggestedLevel,
      suggested_scale: s.suggestedScale,
      reasons: JSON.stringify(s.reasons),
      age_rules: JSON.stringify(s.ageRules),
      created_by: s.createdBy,
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

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toScreening(r: Row): Screening {
  return {
    id: r.id,
    authorityId: r.authority_id,
    incidentId: r.incident_id,
    childId: r.child_id,
    packId: r.pack_id,
    packVersion: r.pack_version,
    toolId: r.tool_id,
    answers: r.answers as ScreeningAnswers,
    facts: r.facts,
    suggestedLevel: r.suggested_level,
    suggestedScale: r.suggested_scale,
    reasons: r.reasons as Reason[],
    ageRules: r.age_rules,
    status: r.status as Screening['status'],
    decidedLevel: r.decided_level,
    decidedLevelLabel: r.decided_level_label,
    agreedWithSuggestion: r.agreed_with_suggestion,
    rationale: r.rationale,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionDate: r.decision_date,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

export async function findScreening(db: Kysely<Database>, id: string): Promise<Screening | undefined> {
  const r = await baseQuery(db).where('s.id', '=', id).executeTakeFirst();
  return r ? toScreening(r) : undefined;
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

/** Every decided screening of a child, newest first. */
export async function decisionsForChild(db: Kysely<Database>, childId: string): Promise<Screening[]> {
  const rows = await baseQuery(db)
    .where('s.child_id', '=', childId)
    .where('s.status', '=', 'decided')
    .orderBy('s.decided_at', 'desc')
    .execute();
  return rows.map(toScreening);
}

/** Records the decision once; false when the screening was already decided (a second submit). */
export async function decideScreening(
  db: Kysely<Database>,
  id: string,
  d: { level: string; levelLabel: string; agreed: boolean; rationale: string; decidedBy: string; decisionDate: string },
): Promise<boolean> {
  const r = await db
    .updateTable('screenings')
    .set({
      status: 'decided',
      decided_level: d.level,
      decided_level_label: d.levelLabel,
      agreed_with_suggestion: d.agreed,
      rationale: d.rationale,
      decided_by: d.decidedBy,
      decided_at: new Date(),
      decision_date: d.decisionDate,
    })
    .where('id', '=', id)
    .where('status', '=', 'suggested')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
