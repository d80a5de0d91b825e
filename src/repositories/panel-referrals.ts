// Referrals to the AIM Pathway Panel: the referral, the panel's decision, reviews and closure, each
// a versioned change (a stale save changes nothing).
import { type Kysely, sql } from 'kysely';
import type { Route } from '../domain/panel.ts';
import type { Database, PanelReview } from '../db/types.ts';
import { aboutChild, changedOne, childName, type RowOf } from './shared-columns.ts';

export interface PanelReferral {
  id: string;
  authorityId: string;
  childId: string;
  childName: string;
  kind: 'assessment' | 'consultation';
  referringService: 'childrens_services' | 'youth_justice';
  assessmentType: string;
  assessmentSummary: string;
  harm: 'displayed' | 'likely';
  childConsent: boolean;
  parentConsent: boolean;
  consentExploration: string;
  policeInvestigation: boolean;
  chargeLikely: boolean | null;
  denies: boolean | null;
  leadProfessional: 'referrer' | 'youth_justice';
  informationGatheringOnly: boolean;
  approaching18: boolean;
  status: 'awaiting' | 'accepted' | 'declined' | 'closed';
  decisionReasons: string;
  route: Route | null;
  leadPractitionerId: string | null;
  leadPractitionerName: string | null;
  coWorkerId: string | null;
  coWorkerName: string | null;
  exceptionalReason: string;
  decidedByName: string | null;
  decidedOn: string | null;
  nextReviewOn: string | null;
  reviews: PanelReview[];
  closedOn: string | null;
  closedByName: string | null;
  closureSummary: string;
  furtherWork: string;
  referredByName: string;
  createdAt: Date;
  version: number;
}

export type NewPanelReferral = Pick<
  PanelReferral,
  | 'authorityId'
  | 'childId'
  | 'kind'
  | 'referringService'
  | 'assessmentType'
  | 'assessmentSummary'
  | 'harm'
  | 'childConsent'
  | 'parentConsent'
  | 'consentExploration'
  | 'policeInvestigation'
  | 'chargeLikely'
  | 'denies'
  | 'leadProfessional'
  | 'informationGatheringOnly'
  | 'approaching18'
> & { referredBy: string };

export async function insertPanelReferral(db: Kysely<Database>, referral: NewPanelReferral): Promise<string> {
  const row = await db
    .insertInto('panel_referrals')
    .values({
      authority_id: referral.authorityId,
      child_id: referral.childId,
      kind: referral.kind,
      referring_service: referral.referringService,
      assessment_type: referral.assessmentType,
      assessment_summary: referral.assessmentSummary,
      harm: referral.harm,
      child_consent: referral.childConsent,
      parent_consent: referral.parentConsent,
      consent_exploration: referral.consentExploration,
      police_investigation: referral.policeInvestigation,
      charge_likely: referral.chargeLikely,
      denies: referral.denies,
      lead_professional: referral.leadProfessional,
      information_gathering_only: referral.informationGatheringOnly,
      approaching_18: referral.approaching18,
      referred_by: referral.referredBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('panel_referrals as p')
    .innerJoin('children as c', 'c.id', 'p.child_id')
    .innerJoin('users as rb', 'rb.id', 'p.referred_by')
    .leftJoin('users as l', 'l.id', 'p.lead_practitioner_id')
    .leftJoin('users as cw', 'cw.id', 'p.co_worker_id')
    .leftJoin('users as db', 'db.id', 'p.decided_by')
    .leftJoin('users as cb', 'cb.id', 'p.closed_by')
    .selectAll('p')
    .select([
      childName.as('child_name'),
      'rb.display_name as referred_by_name',
      'l.display_name as lead_name',
      'cw.display_name as co_name',
      'db.display_name as decided_by_name',
      'cb.display_name as closed_by_name',
    ]);
}

function toReferral(row: RowOf<typeof baseQuery>): PanelReferral {
  return {
    id: row.id,
    authorityId: row.authority_id,
    ...aboutChild(row),
    kind: row.kind,
    referringService: row.referring_service,
    assessmentType: row.assessment_type,
    assessmentSummary: row.assessment_summary,
    harm: row.harm,
    childConsent: row.child_consent,
    parentConsent: row.parent_consent,
    consentExploration: row.consent_exploration,
    policeInvestigation: row.police_investigation,
    chargeLikely: row.charge_likely,
    denies: row.denies,
    leadProfessional: row.lead_professional,
    informationGatheringOnly: row.information_gathering_only,
    approaching18: row.approaching_18,
    status: row.status,
    decisionReasons: row.decision_reasons,
    route: row.route as Route | null,
    leadPractitionerId: row.lead_practitioner_id,
    leadPractitionerName: row.lead_name,
    coWorkerId: row.co_worker_id,
    coWorkerName: row.co_name,
    exceptionalReason: row.exceptional_reason,
    decidedByName: row.decided_by_name,
    decidedOn: row.decided_on,
    nextReviewOn: row.next_review_on,
    reviews: row.reviews,
    closedOn: row.closed_on,
    closedByName: row.closed_by_name,
    closureSummary: row.closure_summary,
    furtherWork: row.further_work,
    referredByName: row.referred_by_name,
    createdAt: row.created_at,
    version: row.version,
  };
}

export async function findPanelReferral(db: Kysely<Database>, id: string): Promise<PanelReferral | undefined> {
  const row = await baseQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toReferral(row) : undefined;
}

export async function panelReferralsForChild(db: Kysely<Database>, childId: string): Promise<PanelReferral[]> {
  return (await baseQuery(db).where('p.child_id', '=', childId).orderBy('p.created_at', 'desc').execute()).map(
    toReferral,
  );
}

/** The panel's list: referrals awaiting a decision (oldest first), then open cases by next review. */
export async function openPanelReferrals(db: Kysely<Database>, authorityId: string): Promise<PanelReferral[]> {
  const rows = await baseQuery(db)
    .where('p.authority_id', '=', authorityId)
    .where('p.status', 'in', ['awaiting', 'accepted'])
    .orderBy(sql`p.status = 'awaiting'`, 'desc')
    .orderBy(sql`coalesce(p.next_review_on, p.created_at::date)`, 'asc')
    .limit(200)
    .execute();
  return rows.map(toReferral);
}

async function update(
  db: Kysely<Database>,
  id: string,
  version: number,
  from: PanelReferral['status'],
  changes: Partial<{
    status: PanelReferral['status'];
    decision_reasons: string;
    route: string | null;
    lead_practitioner_id: string | null;
    co_worker_id: string | null;
    exceptional_reason: string;
    decided_by: string;
    decided_on: string;
    next_review_on: string | null;
    reviews: string;
    closed_on: string;
    closed_by: string;
    closure_summary: string;
    further_work: string;
  }>,
): Promise<boolean> {
  const result = await db
    .updateTable('panel_referrals')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', from)
    .executeTakeFirst();
  return changedOne(result);
}

export function recordDecision(
  db: Kysely<Database>,
  id: string,
  version: number,
  decision: {
    accepted: boolean;
    reasons: string;
    route: Route | null;
    leadId: string | null;
    coWorkerId: string | null;
    exceptionalReason: string;
    by: string;
    on: string;
    nextReviewOn: string | null;
  },
) {
  return update(db, id, version, 'awaiting', {
    status: decision.accepted ? 'accepted' : 'declined',
    decision_reasons: decision.reasons,
    route: decision.route,
    lead_practitioner_id: decision.leadId,
    co_worker_id: decision.coWorkerId,
    exceptional_reason: decision.exceptionalReason,
    decided_by: decision.by,
    decided_on: decision.on,
    next_review_on: decision.nextReviewOn,
  });
}

export function recordReview(
  db: Kysely<Database>,
  id: string,
  version: number,
  reviews: PanelReview[],
  nextReviewOn: string,
) {
  return update(db, id, version, 'accepted', { reviews: JSON.stringify(reviews), next_review_on: nextReviewOn });
}

export function closeReferral(
  db: Kysely<Database>,
  id: string,
  version: number,
  closure: { by: string; on: string; summary: string; furtherWork: string },
) {
  return update(db, id, version, 'accepted', {
    status: 'closed',
    closed_by: closure.by,
    closed_on: closure.on,
    closure_summary: closure.summary,
    further_work: closure.furtherWork,
    next_review_on: null,
  });
}
