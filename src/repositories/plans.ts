// Plans on a child's record, their agreed versions, reviews and copies shared (issue 14).
import type { Kysely, Updateable } from 'kysely';
import type { Database, PlansTable } from '../db/types.ts';
import type { PlanContents, PlanStatus, ReviewOutcome, ConsentAnswer } from '../domain/plans.ts';
import { changedOne, type RowOf } from './shared-columns.ts';

export interface Plan {
  id: string;
  authorityId: string;
  childId: string;
  packId: string;
  kind: string;
  kindName: string;
  status: PlanStatus;
  ownerId: string;
  ownerName: string;
  contents: PlanContents;
  nextReviewOn: string | null;
  agreedByName: string | null;
  agreedAt: Date | null;
  endedByName: string | null;
  endedAt: Date | null;
  endReason: string;
  createdByName: string;
  createdAt: Date;
  updatedByName: string;
  updatedAt: Date;
  version: number;
}

function planQuery(db: Kysely<Database>) {
  return db
    .selectFrom('plans as p')
    .innerJoin('users as o', 'o.id', 'p.owner_id')
    .innerJoin('users as cb', 'cb.id', 'p.created_by')
    .innerJoin('users as ub', 'ub.id', 'p.updated_by')
    .leftJoin('users as ab', 'ab.id', 'p.agreed_by')
    .leftJoin('users as eb', 'eb.id', 'p.ended_by')
    .selectAll('p')
    .select([
      'o.display_name as owner_name',
      'cb.display_name as created_by_name',
      'ub.display_name as updated_by_name',
      'ab.display_name as agreed_by_name',
      'eb.display_name as ended_by_name',
    ]);
}

function toPlan(row: RowOf<typeof planQuery>): Plan {
  return {
    id: row.id,
    authorityId: row.authority_id,
    childId: row.child_id,
    packId: row.pack_id,
    kind: row.kind,
    kindName: row.kind_name,
    status: row.status,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    contents: row.contents,
    nextReviewOn: row.next_review_on,
    agreedByName: row.agreed_by_name,
    agreedAt: row.agreed_at,
    endedByName: row.ended_by_name,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedByName: row.updated_by_name,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function findPlan(db: Kysely<Database>, id: string): Promise<Plan | undefined> {
  const row = await planQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row && toPlan(row);
}

/** A child's plans: those still in force first, then the ended, each newest first. */
export async function plansForChild(db: Kysely<Database>, childId: string): Promise<Plan[]> {
  const rows = await planQuery(db)
    .where('p.child_id', '=', childId)
    .orderBy((eb) => eb.case().when('p.status', '=', 'ended').then(1).else(0).end())
    .orderBy('p.created_at', 'desc')
    .execute();
  return rows.map(toPlan);
}

export async function insertPlan(
  db: Kysely<Database>,
  plan: {
    authorityId: string;
    childId: string;
    packId: string;
    kind: string;
    kindName: string;
    ownerId: string;
    createdBy: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('plans')
    .values({
      authority_id: plan.authorityId,
      child_id: plan.childId,
      pack_id: plan.packId,
      kind: plan.kind,
      kind_name: plan.kindName,
      owner_id: plan.ownerId,
      created_by: plan.createdBy,
      updated_by: plan.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** One change to a plan, checked against the version the form was opened at; false when someone changed it first. */
export async function updatePlan(
  db: Kysely<Database>,
  id: string,
  version: number,
  by: string,
  changes: Omit<Updateable<PlansTable>, 'contents'> & { contents?: PlanContents },
): Promise<boolean> {
  const { contents, ...rest } = changes;
  const result = await db
    .updateTable('plans')
    .set((eb) => ({
      ...rest,
      ...(contents ? { contents: JSON.stringify(contents) } : {}),
      updated_by: by,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return changedOne(result);
}

export interface PlanVersion {
  number: number;
  contents: PlanContents;
  ownerName: string;
  agreedByName: string;
  agreedAt: Date;
  nextReviewOn: string;
  note: string;
}

export async function insertVersion(
  db: Kysely<Database>,
  version: {
    planId: string;
    number: number;
    contents: PlanContents;
    ownerId: string;
    agreedBy: string;
    nextReviewOn: string;
    note: string;
  },
): Promise<void> {
  await db
    .insertInto('plan_versions')
    .values({
      plan_id: version.planId,
      number: version.number,
      contents: JSON.stringify(version.contents),
      owner_id: version.ownerId,
      agreed_by: version.agreedBy,
      next_review_on: version.nextReviewOn,
      note: version.note,
    })
    .execute();
}

export interface PlanReview {
  id: string;
  reviewedOn: string;
  done: string;
  changed: string;
  views: string;
  outcome: ReviewOutcome;
  nextReviewOn: string | null;
  endReason: string;
  recordedByName: string;
  recordedAt: Date;
}

export async function insertReview(
  db: Kysely<Database>,
  review: Omit<PlanReview, 'id' | 'recordedByName' | 'recordedAt'> & { planId: string; recordedBy: string },
): Promise<string> {
  const { id } = await db
    .insertInto('plan_reviews')
    .values({
      plan_id: review.planId,
      reviewed_on: review.reviewedOn,
      done: review.done,
      changed: review.changed,
      views: review.views,
      outcome: review.outcome,
      next_review_on: review.nextReviewOn,
      end_reason: review.endReason,
      recorded_by: review.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface PlanShare {
  versionNumber: number;
  sharedWith: string;
  sharedOn: string;
  consent: ConsentAnswer;
  views: string;
  disagreement: string;
  recordedByName: string;
}

export async function insertShare(
  db: Kysely<Database>,
  share: Omit<PlanShare, 'recordedByName'> & { planId: string; recordedBy: string },
): Promise<void> {
  await db
    .insertInto('plan_shares')
    .values({
      plan_id: share.planId,
      version_number: share.versionNumber,
      shared_with: share.sharedWith,
      shared_on: share.sharedOn,
      consent: share.consent,
      views: share.views,
      disagreement: share.disagreement,
      recorded_by: share.recordedBy,
    })
    .execute();
}

/** A plan's history: its agreed versions, reviews and copies shared, each oldest first. */
export async function planHistory(db: Kysely<Database>, planId: string) {
  const [versions, reviews, shares] = await Promise.all([
    db
      .selectFrom('plan_versions as v')
      .innerJoin('users as o', 'o.id', 'v.owner_id')
      .innerJoin('users as a', 'a.id', 'v.agreed_by')
      .select(['v.number', 'v.contents', 'v.agreed_at', 'v.next_review_on', 'v.note'])
      .select(['o.display_name as owner_name', 'a.display_name as agreed_by_name'])
      .where('v.plan_id', '=', planId)
      .orderBy('v.number')
      .execute(),
    db
      .selectFrom('plan_reviews as r')
      .innerJoin('users as u', 'u.id', 'r.recorded_by')
      .selectAll('r')
      .select('u.display_name as recorded_by_name')
      .where('r.plan_id', '=', planId)
      .orderBy('r.reviewed_on')
      .orderBy('r.recorded_at')
      .execute(),
    db
      .selectFrom('plan_shares as s')
      .innerJoin('users as u', 'u.id', 's.recorded_by')
      .selectAll('s')
      .select('u.display_name as recorded_by_name')
      .where('s.plan_id', '=', planId)
      .orderBy('s.shared_on')
      .orderBy('s.recorded_at')
      .execute(),
  ]);
  return {
    versions: versions.map((row): PlanVersion => ({
      number: row.number,
      contents: row.contents,
      ownerName: row.owner_name,
      agreedByName: row.agreed_by_name,
      agreedAt: row.agreed_at,
      nextReviewOn: row.next_review_on,
      note: row.note,
    })),
    reviews: reviews.map((row): PlanReview => ({
      id: row.id,
      reviewedOn: row.reviewed_on,
      done: row.done,
      changed: row.changed,
      views: row.views,
      outcome: row.outcome,
      nextReviewOn: row.next_review_on,
      endReason: row.end_reason,
      recordedByName: row.recorded_by_name,
      recordedAt: row.recorded_at,
    })),
    shares: shares.map((row): PlanShare => ({
      versionNumber: row.version_number,
      sharedWith: row.shared_with,
      sharedOn: row.shared_on,
      consent: row.consent,
      views: row.views,
      disagreement: row.disagreement,
      recordedByName: row.recorded_by_name,
    })),
  };
}
