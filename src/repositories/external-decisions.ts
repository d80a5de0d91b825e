// External decisions: what the police, the Crown Prosecution Service and Out of Court Triage
// decided about a child, recorded on the child's record (R-KEN-9, R-NEL-7).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export interface ExternalDecision {
  id: string;
  childId: string;
  agency: 'police' | 'cps' | 'out_of_court_triage';
  decision: string;
  decisionLabel: string;
  decidedOn: string;
  youthJusticeRecommendation: string;
  note: string;
  recordedByName: string;
  recordedAt: Date;
}

export async function insertExternalDecision(
  db: Kysely<Database>,
  externalDecision: {
    authorityId: string;
    childId: string;
    agency: ExternalDecision['agency'];
    decision: string;
    decisionLabel: string;
    decidedOn: string;
    youthJusticeRecommendation: string;
    note: string;
    recordedBy: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('external_decisions')
    .values({
      authority_id: externalDecision.authorityId,
      child_id: externalDecision.childId,
      decided_by_agency: externalDecision.agency,
      decision: externalDecision.decision,
      decision_label: externalDecision.decisionLabel,
      decided_on: externalDecision.decidedOn,
      youth_justice_recommendation: externalDecision.youthJusticeRecommendation,
      note: externalDecision.note,
      recorded_by: externalDecision.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function externalDecisionsForChild(db: Kysely<Database>, childId: string): Promise<ExternalDecision[]> {
  const rows = await db
    .selectFrom('external_decisions as e')
    .innerJoin('users as u', 'u.id', 'e.recorded_by')
    .selectAll('e')
    .select('u.display_name as recorded_by_name')
    .where('e.child_id', '=', childId)
    .orderBy('e.decided_on', 'desc')
    .orderBy('e.recorded_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    childId: row.child_id,
    agency: row.decided_by_agency,
    decision: row.decision,
    decisionLabel: row.decision_label,
    decidedOn: row.decided_on,
    youthJusticeRecommendation: row.youth_justice_recommendation,
    note: row.note,
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at,
  }));
}
