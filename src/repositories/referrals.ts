// Referrals to the front door and the manager's screening decision (R-NYO-8, R-KEN-2, R-NEL-6).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/types.ts';
import type { ParentsConsent, ReferralDetails } from '../domain/referrals.ts';
import { aboutChild, changedOne, childName, type RowOf } from './shared-columns.ts';

export interface Referral {
  id: string;
  authorityId: string;
  incidentId: string;
  childId: string;
  childName: string;
  screeningId: string;
  receivingTeamId: string | null;
  receivingTeamName: string | null;
  receivedAt: Date;
  dueOn: string;
  status: 'received' | 'screened';
  outcome: string | null;
  outcomeLabel: string | null;
  rationale: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  createdByName: string;
  version: number;
  /** What the referral carries for the receiving team; null on a referral made before the form asked. */
  details: ReferralDetails | null;
}

function detailsOf(row: RowOf<typeof baseQuery>): ReferralDetails | null {
  if (row.referrer_name === null || row.parents_told === null || row.parents_consent === null) return null;
  return {
    referrerName: row.referrer_name,
    referrerRole: row.referrer_role ?? '',
    referrerPhone: row.referrer_phone,
    referrerEmail: row.referrer_email,
    parentsTold: row.parents_told,
    parentsNotToldReason: row.parents_not_told_reason,
    parentsConsent: row.parents_consent as ParentsConsent,
    consentReason: row.consent_reason,
    safetySteps: row.safety_steps ?? '',
    request: row.request ?? '',
  };
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('children as c', 'c.id', 'r.child_id')
    .innerJoin('users as cu', 'cu.id', 'r.created_by')
    .leftJoin('users as du', 'du.id', 'r.decided_by')
    .leftJoin('teams as tm', 'tm.id', 'r.receiving_team_id')
    .selectAll('r')
    .select([
      childName.as('child_name'),
      'cu.display_name as created_by_name',
      'du.display_name as decided_by_name',
      'tm.name as team_name',
    ]);
}

function toReferral(row: RowOf<typeof baseQuery>): Referral {
  return {
    id: row.id,
    authorityId: row.authority_id,
    incidentId: row.incident_id,
    ...aboutChild(row),
    screeningId: row.screening_id,
    receivingTeamId: row.receiving_team_id,
    receivingTeamName: row.team_name,
    receivedAt: row.received_at,
    dueOn: row.due_on,
    status: row.status as Referral['status'],
    outcome: row.outcome,
    outcomeLabel: row.outcome_label,
    rationale: row.rationale,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    createdByName: row.created_by_name,
    version: row.version,
    details: detailsOf(row),
  };
}

export async function insertReferral(
  db: Kysely<Database>,
  referral: {
    authorityId: string;
    incidentId: string;
    childId: string;
    screeningId: string;
    receivingTeamId: string | null;
    dueOn: string;
    createdBy: string;
    details?: ReferralDetails;
  },
): Promise<string | null> {
  const details = referral.details;
  const row = await db
    .insertInto('referrals')
    .values({
      authority_id: referral.authorityId,
      incident_id: referral.incidentId,
      child_id: referral.childId,
      screening_id: referral.screeningId,
      receiving_team_id: referral.receivingTeamId,
      due_on: referral.dueOn,
      created_by: referral.createdBy,
      ...(details
        ? {
            referrer_name: details.referrerName,
            referrer_role: details.referrerRole,
            referrer_phone: details.referrerPhone,
            referrer_email: details.referrerEmail,
            parents_told: details.parentsTold,
            parents_not_told_reason: details.parentsNotToldReason,
            parents_consent: details.parentsConsent,
            consent_reason: details.consentReason,
            safety_steps: details.safetySteps,
            request: details.request,
          }
        : {}),
    })
    .onConflict((oc) => oc.columns(['incident_id', 'child_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findReferral(db: Kysely<Database>, id: string): Promise<Referral | undefined> {
  const row = await baseQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toReferral(row) : undefined;
}

export async function referralsForIncident(db: Kysely<Database>, incidentId: string): Promise<Referral[]> {
  return (await baseQuery(db).where('r.incident_id', '=', incidentId).orderBy('r.received_at').execute()).map(
    toReferral,
  );
}

/** Referrals received by the viewer's teams: waiting ones first, by due date. */
export async function referralsForTeams(db: Kysely<Database>, teamIds: string[], limit = 200): Promise<Referral[]> {
  if (!teamIds.length) return [];
  const rows = await baseQuery(db)
    .where('r.receiving_team_id', 'in', teamIds)
    .orderBy(sql`case r.status when 'received' then 0 else 1 end`)
    .orderBy('r.due_on', 'asc')
    .orderBy('r.received_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map(toReferral);
}

export async function frontDoorTeam(db: Kysely<Database>, authorityId: string): Promise<string | null> {
  const team = await db
    .selectFrom('teams')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('kind', '=', 'front_door')
    .orderBy('created_at')
    .executeTakeFirst();
  return team?.id ?? null;
}

export async function decideReferral(
  db: Kysely<Database>,
  id: string,
  version: number,
  decision: { outcome: string; outcomeLabel: string; rationale: string; decidedBy: string },
): Promise<boolean> {
  const result = await db
    .updateTable('referrals')
    .set((eb) => ({
      status: 'screened',
      outcome: decision.outcome,
      outcome_label: decision.outcomeLabel,
      rationale: decision.rationale,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'received')
    .executeTakeFirst();
  return changedOne(result);
}
