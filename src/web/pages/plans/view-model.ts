// How the plan pages read: each plan's status and next review in words, what it says on each
// matter or why it does not address it, what is still to address before it can be agreed, its
// versions, reviews and copies shared. Pure: the service has already checked what the viewer may see and do.
import { formatDate } from '../../../domain/london-time.ts';
import { monthsText } from '../../../domain/panel.ts';
import {
  CONSENT_ANSWERS,
  PLAN_STATUS_LABELS,
  type PlanContents,
  type PlanKind,
  type PlanStatus,
  REVIEW_OUTCOMES,
  latestReview,
} from '../../../domain/plans.ts';
import type * as planService from '../../../services/plan-service.ts';
import { paths } from '../../paths.ts';

const TAG_CLASSES: Record<PlanStatus, string> = {
  draft: 'govuk-tag--grey',
  agreed: 'govuk-tag--green',
  under_review: 'govuk-tag--yellow',
  ended: 'govuk-tag--grey',
};

export function statusTag(status: PlanStatus, overdue = false) {
  return overdue
    ? { text: 'Review overdue', classes: 'govuk-tag--red' }
    : { text: PLAN_STATUS_LABELS[status], classes: TAG_CLASSES[status] };
}

/** Whether an agreed plan's review date has passed. */
export function reviewOverdue(plan: Pick<planService.Plan, 'status' | 'nextReviewOn'>, today: string): boolean {
  return plan.status === 'agreed' && plan.nextReviewOn !== null && plan.nextReviewOn < today;
}

/** A child's plans, as the plans page lists them. */
export function planRows(list: readonly planService.Plan[], today: string) {
  return list.map((plan) => ({
    href: paths.plans.show(plan.id),
    name: plan.kindName,
    owner: plan.ownerName,
    tag: statusTag(plan.status, reviewOverdue(plan, today)),
    started: formatDate(plan.createdAt),
    nextReview:
      plan.status === 'agreed' && plan.nextReviewOn
        ? `${reviewOverdue(plan, today) ? 'Was due by' : 'By'} ${formatDate(plan.nextReviewOn)}`
        : plan.status === 'ended'
          ? `Ended ${formatDate(plan.endedAt)}`
          : 'Set when it is agreed',
  }));
}

/** What the plan says on each matter: the text, or why it does not address it, or that nothing is written yet. */
export function contentRows(kind: PlanKind, contents: PlanContents) {
  return kind.contents.map((item) => {
    const given = contents[item.id] ?? { text: '', notAddressed: '' };
    const text = given.text.trim();
    const why = given.notAddressed.trim();
    return {
      id: item.id,
      label: item.label,
      text,
      notAddressed: why,
      state: text ? 'addressed' : why ? 'not-addressed' : 'missing',
    } as const;
  });
}

/** How the review limit reads: 'at most 3 months after it is agreed or last reviewed'. */
export function reviewRule(kind: PlanKind): string {
  return `at most ${monthsText(kind.review.months)} after it is agreed or last reviewed`;
}

type PlanView = Awaited<ReturnType<typeof planService.viewPlan>>;

/** The plan's page, its print and its download. */
export function planModel(view: PlanView) {
  const { plan, kind, child } = view;
  const overdue = reviewOverdue(plan, view.today);
  const facts: { key: string; value: string }[] = [
    { key: 'Owner', value: plan.ownerName },
    { key: 'Started', value: `${formatDate(plan.createdAt)} by ${plan.createdByName}` },
  ];
  if (plan.agreedAt && plan.agreedByName)
    facts.push({ key: 'Last agreed', value: `${formatDate(plan.agreedAt)} by ${plan.agreedByName}` });
  if (plan.status === 'agreed' && plan.nextReviewOn)
    facts.push({ key: 'Next review', value: `${overdue ? 'Was due by' : 'By'} ${formatDate(plan.nextReviewOn)}` });
  if (plan.status === 'ended' && plan.endedAt)
    facts.push({ key: 'Ended', value: `${formatDate(plan.endedAt)} by ${plan.endedByName ?? ''}: ${plan.endReason}` });
  facts.push({ key: 'Last changed', value: `${formatDate(plan.updatedAt)} by ${plan.updatedByName}` });
  return {
    pageTitle: `${kind.name}: ${child.firstName} ${child.lastName}`,
    plan,
    child,
    kind,
    childName: `${child.firstName} ${child.lastName}`,
    tag: statusTag(plan.status, overdue),
    overdue,
    facts,
    rows: contentRows(kind, view.contents),
    stillToAddress: view.stillToAddress.map((item) => ({
      label: item.label,
      href: `${paths.plans.edit(plan.id)}#text-${item.id}`,
    })),
    reviewRule: reviewRule(kind),
    versions: view.versions
      .map((version) => ({
        title: `Version ${version.number}`,
        text: `Agreed ${formatDate(version.agreedAt)} by ${version.agreedByName}; owner ${version.ownerName}; review by ${formatDate(version.nextReviewOn)}.`,
        note: version.note,
      }))
      .reverse(),
    reviews: view.reviews
      .map((review) => ({
        title: `Review on ${formatDate(review.reviewedOn)}`,
        by: review.recordedByName,
        done: review.done,
        changed: review.changed,
        views: review.views,
        outcome:
          review.outcome === 'continue'
            ? `${REVIEW_OUTCOMES.continue}; next review by ${formatDate(review.nextReviewOn)}`
            : review.outcome === 'end'
              ? `${REVIEW_OUTCOMES.end}: ${review.endReason}`
              : REVIEW_OUTCOMES.revise,
      }))
      .reverse(),
    shares: view.shares
      .map((share) => ({
        title: `${share.sharedWith}, ${formatDate(share.sharedOn)}`,
        version: `Version ${share.versionNumber}`,
        consent: CONSENT_ANSWERS[share.consent],
        views: share.views,
        disagreement: share.disagreement,
        by: share.recordedByName,
      }))
      .reverse(),
    actions: view.actions.map((task) => ({
      href: paths.tasks.show(task.id),
      what: task.title,
      who: task.assignedToName ?? 'Nobody yet',
      due: task.dueOn ? `By ${formatDate(task.dueOn)}` : 'No set date',
      status:
        task.status === 'done'
          ? `Done ${formatDate(task.completedAt)}`
          : task.status === 'superseded'
            ? 'No longer needed'
            : task.dueOn && task.dueOn < view.today
              ? 'Overdue'
              : 'To do',
    })),
    can: view.can,
    today: view.today,
  };
}

/** The latest review date a form may give, in words, for its hint: '1 March 2027'. */
export function latestReviewText(kind: PlanKind, from: string): string {
  return formatDate(latestReview(kind, from));
}

/** A download's file name: the plan's kind and the day it was downloaded. */
export function exportFileName(kind: Pick<PlanKind, 'name'>, today: string): string {
  return `${kind.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${today}.html`;
}
