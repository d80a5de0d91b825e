// Referrals to the AIM Pathway Panel: the referral, the panel's decision, reviews and closure, each
// a versioned change (a stale save changes nothing).
import { type Kysely, sql } from 'kysely';
import type { Route } from '../domain/panel.ts';
import type { Database, PanelReview } from '../db/types.ts';

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

export async function insertPanelReferral(db: Kysely<Database>, r: NewPanelReferral): Promise<string> {
  const row = await db
    .insertInto('panel_referrals')
    .values({
      authority_id: r.authorityId,
      child_id: r.childId,
      kind: r.kind,
      referring_service: r.referringService,
      assessment_type: r.assessmentType,
      assessment_summary: r.assessmentSummary,
      harm: r.harm,
      child_consent: r.childConsent,
      parent_consent: r.parentConsent,
      consent_exploration: r.consentExploration,
      police_investigation: r.policeInvestigation,
      charge_likely: r.chargeLikely,
      denies: r.denies,
      lead_professional: r.leadProfessional,
      information_gathering_only: r.informationGatheringOnly,
      approaching_18: r.approaching18,
      referred_by: r.referredBy,
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
      sql<string>`c.first_name || ' ' || c.last_name`.as('child_name'),
      'rb.display_name as referred_by_name',
      'l.display_name as lead_name',
      'cw.display_name as co_name',
      'db.display_name as decided_by_name',
      'cb.display_name as closed_by_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toReferral(r: Row): PanelReferral {
  return {
    id: r.id,
    authorityId: r.authority_id,
    childId: r.child_id,
    childName: r.child_name,
    kind: r.kind,
    referringService: r.referring_service,
    assessmentType: r.assessment_type,
    assessmentSummary: r.assessment_summary,
    harm: r.harm,
    childConsent: r.child_consent,
    parentConsent: r.parent_consent,
    consentExploration: r.consent_exploration,
    policeInvestigation: r.police_investigation,
    chargeLikely: r.charge_likely,
    denies: r.denies,
    leadProfessional: r.lead_professional,
    informationGatheringOnly: r.information_gathering_only,
    approaching18: r.approaching_18,
    status: r.status,
    decisionReasons: r.decision_reasons,
    route: r.route as Route | null,
    leadPractitionerId: r.lead_practitioner_id,
    leadPractitionerName: r.lead_name,
    coWorkerId: r.co_worker_id,
    coWorkerName: r.co_name,
    exceptionalReason: r.exceptional_reason,
    decidedByName: r.decided_by_name,
    decidedOn: r.decided_on,
    nextReviewOn: r.next_review_on,
    reviews: r.reviews,
    closedOn: r.closed_on,
    closedByName: r.closed_by_name,
    closureSummary: r.closure_summary,
    furtherWork: r.further_work,
    referredByName: r.referred_by_name,
    createdAt: r.created_at,
    version: r.version,
  };
}

export async function findPanelReferral(db: Kysely<Database>, id: string): Promise<PanelReferral | undefined> {
  const r = await baseQuery(db).where('p.id', '=', id).executeTakeFirst();
  return r ? toReferral(r) : undefined;
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
  const r = await db
    .updateTable('panel_referrals')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function recordDecision(
  db: Kysely<Database>,
  id: string,
  version: number,
  d: {
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
    status: d.accepted ? 'accepted' : 'declined',
    decision_reasons: d.reasons,
    route: d.route,
    lead_practitioner_id: d.leadId,
    co_worker_id: d.coWorkerId,
    exceptional_reason: d.exceptionalReason,
    decided_by: d.by,
    decided_on: d.on,
    next_review_on: d.nextReviewOn,
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
  c: { by: string; on: string; summary: string; furtherWork: string },
) {
  return update(db, id, version, 'accepted', {
    status: 'closed',
    closed_by: c.by,
    closed_on: c.on,
    closure_summary: c.summary,
    further_work: c.furtherWork,
    next_review_on: null,
  });
}
