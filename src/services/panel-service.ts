// The AIM Pathway Panel (north-east-lincolnshire; R-NEL-10..12, R-X-6): Children's Services or the
// Youth Justice Service refer a child with an assessment, eligibility and consent; the panel chair
// records the decision with reasons and, on acceptance, the route, a lead AIM practitioner and a
// co-worker; reviews at least every 3 months; closure with the further work recommended. Each
// change is permission-checked, written with a chronology entry and audited in one transaction.
import { formatDate } from '../domain/london-time.ts';
import { ageRules } from '../domain/screening.ts';
import { londonToday } from '../domain/age.ts';
import {
  ALREADY_BEFORE_PANEL,
  type DecisionInput,
  type PanelReferralInput,
  ROUTES,
  type ReferralBarrierFacts,
  type ReviewInput,
  decisionProblems,
  informationGatheringOnly,
  leadProfessional,
  nextReviewDue,
  panelClosureProblems,
  referralBarrier,
  referralKind,
  referringProblems,
  reviewDates,
  reviewProblems,
  routesFor,
} from '../domain/panel.ts';
import { type ActionId, may } from '../domain/actions.ts';
import { getPack } from '../procedures/index.ts';
import { plansForChild } from '../repositories/plans.ts';
import { inSentence } from '../domain/plans.ts';
import * as children from '../repositories/children.ts';
import * as panel from '../repositories/panel-referrals.ts';
import * as users from '../repositories/users.ts';
import { authorizeChild, authorizeChildRecord, subjectOf } from './access.ts';
import { type Actor, ConflictError, type Db, NotFoundError, ValidationError, requireRole } from './context.ts';
import { auditRecordView, auditView, auditedChange } from './audited-change.ts';
import { type ChildRecord, childRecordChange, fulfilAndRecord } from './record-change.ts';

export async function referOptions(db: Db, actor: Actor, childId: string, page = false) {
  await authorizeChild(db, actor, childId, 'panel.refer');
  if (page) await auditView(db, actor, { action: 'panel.refer_view', entityType: 'child', entityId: childId });
  const child = await children.findChild(db, childId);
  const pack = child ? getPack(child.authorityId) : undefined;
  if (!child || !pack) throw new NotFoundError();
  const today = londonToday();
  const ages = ageRules(pack, child, today, today);
  const rules = pack.aimPanel;
  const kind = rules ? referralKind(ages.ageAtIncident, rules) : null;
  const facts: ReferralBarrierFacts = {
    rules,
    displayedBehaviour: await children.displayedBehaviour(db, childId),
    kind,
    open: (await panel.panelReferralsForChild(db, childId)).some(
      (referral) => referral.status === 'awaiting' || referral.status === 'accepted',
    ),
  };
  return { child, pack, ages, kind, cannot: referralBarrier(facts), facts };
}

export async function refer(db: Db, actor: Actor, childId: string, input: PanelReferralInput): Promise<string> {
  const options = await referOptions(db, actor, childId);
  const rules = options.pack.aimPanel;
  const problems = referringProblems(input, options.facts);
  if (problems.length || !options.kind || !rules) throw new ValidationError(problems);
  const kind = options.kind;
  const event = ({ id, done }: { id: string; done: string[] }) => ({
    action: 'panel.refer',
    entityType: 'panel_referral',
    entityId: id,
    details: { childId, kind, tasksDone: done },
  });
  const { id } = await auditedChange(db, actor, event, async (trx) => {
    const id = await panel
      .insertPanelReferral(trx, {
        authorityId: options.child.authorityId,
        childId,
        kind,
        referringService: input.referringService as 'childrens_services' | 'youth_justice',
        assessmentType: input.assessmentType.trim(),
        assessmentSummary: input.assessmentSummary.trim(),
        harm: input.harm as 'displayed' | 'likely',
        childConsent: input.childConsent === 'yes',
        parentConsent: input.parentConsent === 'yes',
        consentExploration: input.consentExploration.trim(),
        policeInvestigation: input.policeInvestigation === 'yes',
        chargeLikely: input.policeInvestigation === 'yes' ? input.chargeLikely === 'yes' : null,
        denies: input.policeInvestigation === 'yes' ? input.denies === 'yes' : null,
        leadProfessional: leadProfessional(input, rules),
        informationGatheringOnly: informationGatheringOnly(input, rules),
        approaching18: options.ages.approaching18,
        referredBy: actor.user.id,
      })
      .catch((err: unknown) => {
        // Someone else referred the child a moment ago (the unique index on a child's open referral).
        if ((err as { code?: string }).code === '23505')
          throw new ValidationError([{ field: 'cannot', message: ALREADY_BEFORE_PANEL }]);
        throw err;
      });
    // The routing step that asked for the referral (or consultation) is done by it (the pack's completedBy).
    const done = await fulfilAndRecord(
      trx,
      actor,
      {
        authorityId: options.child.authorityId,
        childId,
        record: 'panel-referral',
        recordId: id,
        note: `Referred to the ${rules.name}.`,
      },
      {
        kind: 'referral',
        summary:
          `Referred to the ${rules.name} for ` +
          `${kind === 'consultation' ? 'consultation' : 'specialist assessment and intervention'}. ` +
          `Consent: child ${input.childConsent}, parent or carer ${input.parentConsent}.`,
        record: { type: 'panel_referral', id },
      },
    );
    return { id, done };
  });
  return id;
}

async function authorized(db: Db, actor: Actor, id: string, action: ActionId, auditAs?: string) {
  return authorizeChildRecord(
    db,
    actor,
    id,
    action,
    'panel_referral',
    (referralId) => panel.findPanelReferral(db, referralId),
    auditAs ? { auditAs } : {},
  );
}

/** The panel's rules from the authority's pack (R-NEL-10..12); a referral always belongs to a pack with a panel. */
function panelRules(authorityId: string) {
  const rules = getPack(authorityId)?.aimPanel;
  if (!rules) throw new NotFoundError();
  return rules;
}

/** Those the panel may allocate: AIM practitioners and Youth Justice workers in the authority, with their trainings. */
async function practitioners(db: Db, authorityId: string) {
  return users.listCaseWorkers(db, authorityId, ['aim_practitioner', 'youth_justice']);
}

export async function viewReferral(db: Db, actor: Actor, id: string) {
  const { record: referral, bases } = await authorized(db, actor, id, 'panel.view');
  await auditRecordView(db, actor, 'panel.view', {
    entityType: 'panel_referral',
    entityId: id,
    childId: referral.childId,
  });
  const chair = may('panel.decide', subjectOf(actor, bases)).allowed;
  // The intervention plan of the accepted route, which the panel reviews (R-NEL-11, R-NEL-12).
  const planRule = getPack(referral.authorityId)?.aimPanel?.plan;
  const reviewed =
    planRule && referral.status !== 'awaiting' && referral.status !== 'declined'
      ? (await plansForChild(db, referral.childId)).filter((plan) => plan.kind === planRule.kind)
      : [];
  return {
    referral,
    chair,
    reviewedPlans: planRule
      ? {
          clause: planRule.clause,
          kindName: inSentence(getPack(referral.authorityId)!.plans.find((kind) => kind.id === planRule.kind)!.name),
          plans: reviewed,
          canStart: may('plan.create', subjectOf(actor, bases)).allowed,
        }
      : null,
    routes: routesFor({
      kind: referral.kind,
      informationGatheringOnly: referral.informationGatheringOnly,
      approaching18: referral.approaching18,
    }),
    practitioners: chair && referral.status === 'awaiting' ? await practitioners(db, referral.authorityId) : [],
    today: londonToday(),
  };
}

async function chairOnly(db: Db, actor: Actor, id: string, action: 'panel.decide' | 'panel.review' | 'panel.close') {
  return (await authorized(db, actor, id, action)).record;
}

/** A panel referral as the record a change is to: the child's chronology calls it a referral. */
const referralRecord = (referral: panel.PanelReferral): ChildRecord => ({
  entityType: 'panel_referral',
  id: referral.id,
  childId: referral.childId,
  kind: 'referral',
});

/**
 * The panel accepts or declines, always with reasons; on acceptance the route, the lead AIM practitioner and
 * co-worker, and the first review (R-NEL-10..12).
 */
export async function decide(db: Db, actor: Actor, id: string, version: number, input: DecisionInput) {
  const referral = await chairOnly(db, actor, id, 'panel.decide');
  // Decided since the form was shown: the page no longer asks, so the form was out of date.
  if (referral.status !== 'awaiting') throw new ConflictError(referral.decidedByName, null, []);
  // Changed since the form was shown: nothing the form says can be decided on (the write checks again).
  if (referral.version !== version) throw new ConflictError(null, null, []);
  const list = await practitioners(db, referral.authorityId);
  const rules = panelRules(referral.authorityId);
  const problems = decisionProblems(
    {
      kind: referral.kind,
      informationGatheringOnly: referral.informationGatheringOnly,
      approaching18: referral.approaching18,
      practitioners: list,
      leadTraining: rules.lead.training,
    },
    input,
  );
  if (problems.length) throw new ValidationError(problems);
  const accepted = input.decision === 'accept';
  const today = londonToday();
  const allocates = accepted && referral.kind === 'assessment';
  const next = accepted ? nextReviewDue(today, rules) : null;
  const names = (uid: string) => list.find((practitioner) => practitioner.id === uid)?.name ?? '';
  const allocated = allocates
    ? ` Lead AIM practitioner ${names(input.leadId)}, co-worker ${names(input.coWorkerId)}.`
    : '';
  const summary = accepted
    ? `${rules.name} accepted the referral: ${ROUTES[input.route as keyof typeof ROUTES]}.${allocated} ` +
      `First review by ${formatDate(next)}.`
    : `${rules.name} did not accept the referral: ${input.reasons.trim()}`;
  await childRecordChange(
    db,
    actor,
    referralRecord(referral),
    { action: 'panel.decide', summary, details: { decision: input.decision } },
    (trx) =>
      panel.recordDecision(trx, id, version, {
        accepted,
        reasons: input.reasons.trim(),
        route: accepted ? (input.route as keyof typeof ROUTES) : null,
        leadId: allocates ? input.leadId : null,
        coWorkerId: allocates ? input.coWorkerId : null,
        exceptionalReason:
          accepted && referral.informationGatheringOnly && input.route !== 'information_gathering'
            ? input.exceptionalReason.trim()
            : '',
        by: actor.user.id,
        on: today,
        nextReviewOn: next,
      }),
  );
}

/** A review, at most the pack's months (R-NEL-12: 3) after the last; the next is due within as many months of it. */
export async function recordReview(db: Db, actor: Actor, id: string, version: number, input: ReviewInput) {
  const referral = await chairOnly(db, actor, id, 'panel.review');
  // Closed or not accepted: the page shows no review form, so the form was out of date.
  if (referral.status !== 'accepted') throw new ConflictError(null, null, []);
  const facts = {
    today: londonToday(),
    acceptedOn: referral.decidedOn,
    lastReviewOn: referral.reviews.at(-1)?.heldOn,
    rules: getPack(referral.authorityId)?.aimPanel,
  };
  const { heldOn, next } = reviewDates(input, facts);
  // The next review is dated by the pack's panel rules, asked once this review's date is right.
  if ('iso' in heldOn && !facts.rules) throw new NotFoundError();
  const problems = reviewProblems(input, facts);
  if (problems.length || !('iso' in heldOn) || !next || !('iso' in next)) throw new ValidationError(problems);
  const notes = input.notes.trim();
  const reviews = [
    ...referral.reviews,
    { heldOn: heldOn.iso, notes, nextReviewOn: next.iso, recordedBy: actor.user.displayName },
  ];
  await childRecordChange(
    db,
    actor,
    referralRecord(referral),
    {
      action: 'panel.review',
      summary: `AIM Pathway Panel review on ${formatDate(heldOn.iso)}. Next review by ${formatDate(next.iso)}.`,
    },
    (trx) => panel.recordReview(trx, id, version, reviews, next.iso),
  );
}

/** The panel records completion and closure, and the further work it recommends or that is outstanding (R-NEL-12). */
export async function close(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: { summary: string; furtherWork: string },
) {
  const referral = await chairOnly(db, actor, id, 'panel.close');
  if (referral.status !== 'accepted') throw new ConflictError(null, null, []);
  const problems = panelClosureProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const further = input.furtherWork.trim();
  await childRecordChange(
    db,
    actor,
    referralRecord(referral),
    {
      action: 'panel.close',
      summary: `AIM Pathway Panel closed its involvement. ${further ? `Further work recommended or outstanding: ${further}` : 'No further work recommended.'}`,
    },
    (trx) =>
      panel.closeReferral(trx, id, version, {
        by: actor.user.id,
        on: londonToday(),
        summary: input.summary.trim(),
        furtherWork: further,
      }),
  );
}

/** The closure letter to the lead professional and the agencies involved (R-NEL-12): only once closed. */
export async function closureLetter(db: Db, actor: Actor, id: string) {
  const { record: referral } = await authorized(db, actor, id, 'panel.view', 'panel.letter');
  if (referral.status !== 'closed') throw new NotFoundError();
  const child = await children.findChild(db, referral.childId);
  if (!child) throw new NotFoundError();
  await auditView(db, actor, { action: 'panel.letter', entityType: 'panel_referral', entityId: id });
  return { referral, child };
}

/** The panel chair's list: referrals awaiting a decision, and accepted cases by next review. */
export async function panelList(db: Db, actor: Actor) {
  await requireRole(db, actor, ['panel_chair'], 'panel.list');
  const list = await panel.openPanelReferrals(db, actor.user.authorityId);
  await auditView(db, actor, {
    action: 'panel.list',
    entityType: 'user',
    entityId: actor.user.id,
    details: { count: list.length },
  });
  return { referrals: list, today: londonToday() };
}
