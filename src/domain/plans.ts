// Plans on a child's own record (R-X-1): the safety, home safety, setting, diversion, safety and
// intervention and support plans each procedure names (its pack's `plans`), with an owner, a
// status, versions, reviews and who received a copy. Pure: what a plan must address before it is
// agreed (R-KEN-13: every matter, or the reason one is not), when it must next be reviewed (the
// pack's months at most, R-NEL-12), and what is wrong with a review, an ending or a record of
// sharing, all at once in page order.
import { addMonths } from './age.ts';
import { type DateParts, parseDateParts } from './date-parts.ts';
import type { FormProblem } from './form-problem.ts';
import { formatDate } from './london-time.ts';
import { monthsText } from './panel.ts';
import type { Pack } from './pack.ts';
import { doneOn } from './past-dates.ts';
import type { ChildRole } from './recording-form.ts';
import { tooLong } from './text-limits.ts';

export type PlanKind = Pack['plans'][number];

export const PLAN_STATUSES = ['draft', 'agreed', 'under_review', 'ended'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Draft',
  agreed: 'Agreed',
  under_review: 'Under review',
  ended: 'Ended',
};

/** What the plan says about each matter it must address, or why the plan does not address it. */
export interface PlanItem {
  text: string;
  notAddressed: string;
}
export type PlanContents = Record<string, PlanItem>;

/** The longest text each box takes (the forms' character counts show the same). */
export const PLAN_LIMITS = { item: 5000, reason: 2000, note: 5000 } as const;

/** The plans a child's record may hold: those for the part the child has in an incident, and those for either child. */
export function kindsForChild(pack: Pick<Pack, 'plans'>, roles: readonly ChildRole[]): PlanKind[] {
  const harmed = roles.includes('targeted');
  const displayed = roles.includes('displayed');
  return pack.plans.filter(
    (kind) => kind.forChild === 'either' || (kind.forChild === 'displayed' ? displayed : harmed) || roles.length === 0,
  );
}

/** The plan's contents, one entry for each matter of its kind, blank where nothing is written. */
export function contentsOf(kind: PlanKind, saved: Partial<PlanContents> | undefined): PlanContents {
  return Object.fromEntries(
    kind.contents.map((item) => [
      item.id,
      { text: saved?.[item.id]?.text ?? '', notAddressed: saved?.[item.id]?.notAddressed ?? '' },
    ]),
  );
}

/** The matters the plan neither addresses nor says why not, in the kind's order. */
export function unaddressed(kind: PlanKind, contents: PlanContents): PlanKind['contents'] {
  return kind.contents.filter((item) => !contents[item.id]?.text.trim() && !contents[item.id]?.notAddressed.trim());
}

/** What is wrong with the plan's text as typed: only length, since a draft may be unfinished. */
export function contentProblems(kind: PlanKind, contents: PlanContents): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const item of kind.contents) {
    const given = contents[item.id];
    if (!given) continue;
    if (given.text.length > PLAN_LIMITS.item)
      problems.push({ field: `text-${item.id}`, message: tooLong(item.label, PLAN_LIMITS.item) });
    if (given.notAddressed.length > PLAN_LIMITS.reason)
      problems.push({
        field: `why-${item.id}`,
        message: tooLong(`Why the plan does not address ${inSentence(item.label)}`, PLAN_LIMITS.reason),
      });
  }
  return problems;
}

/** The latest day the next review may be: the kind's months after `from` (R-NEL-12: at most 3 months). */
export function latestReview(kind: Pick<PlanKind, 'review'>, from: string): string {
  return addMonths(from, kind.review.months);
}

/** The next review's date: typed, after `from` and no later than the kind allows; that latest day when none is typed. */
export function nextReviewOn(
  kind: Pick<PlanKind, 'review'>,
  parts: DateParts,
  from: string,
): { iso: string } | { error: string } {
  const latest = latestReview(kind, from);
  if (!parts.day && !parts.month && !parts.year) return { iso: latest };
  const parsed = parseDateParts(parts, 'Date of the next review', 'Enter the date of the next review');
  if ('error' in parsed) return parsed;
  if (parsed.iso <= from) return { error: `Date of the next review must be after ${formatDate(from)}` };
  if (parsed.iso > latest)
    return {
      error: `Date of the next review must be within ${monthsText(kind.review.months)} of ${formatDate(from)}, by ${formatDate(latest)}`,
    };
  return parsed;
}

export interface AgreeInput {
  nextReviewOn: DateParts;
  note: string;
}

/**
 * Agreeing a plan (a draft, or a plan under review): every matter addressed or the reason it is
 * not (R-KEN-13), the next review within the kind's months of today (R-NEL-12). One problem for
 * each matter left open, linking to its box on the plan's form.
 */
export function agreeProblems(
  kind: PlanKind,
  contents: PlanContents,
  input: AgreeInput,
  facts: { today: string },
): FormProblem[] {
  const problems: FormProblem[] = unaddressed(kind, contents).map((item) => ({
    field: `text-${item.id}`,
    message: `Say how the plan addresses ${inSentence(item.label)}, or why it does not`,
  }));
  const next = nextReviewOn(kind, input.nextReviewOn, facts.today);
  if ('error' in next) problems.push({ field: 'nextReviewOn', message: next.error });
  if (input.note.length > PLAN_LIMITS.note)
    problems.push({ field: 'note', message: tooLong('Notes', PLAN_LIMITS.note) });
  return problems;
}

export const REVIEW_OUTCOMES = {
  continue: 'Continue the plan as agreed',
  revise: 'Revise the plan',
  end: 'End the plan',
} as const;
export type ReviewOutcome = keyof typeof REVIEW_OUTCOMES;

export interface ReviewInput {
  reviewedOn: DateParts;
  done: string;
  changed: string;
  views: string;
  outcome: string;
  nextReviewOn: DateParts;
  endReason: string;
}

/**
 * A review of an agreed plan: when, what was done, what changed, the child's and family's views,
 * and what follows: the plan continues to its next review (within the kind's months of this
 * one), is revised (and agreed again), or ends with the reason.
 */
export function reviewDates(
  kind: Pick<PlanKind, 'review'>,
  input: Pick<ReviewInput, 'reviewedOn' | 'nextReviewOn'>,
  facts: { today: string; agreedOn: string | null; lastReviewOn: string | null },
): { reviewedOn: { iso: string } | { error: string }; next: { iso: string } | { error: string } | null } {
  const reviewedOn = doneOn(
    input.reviewedOn,
    { label: 'Date of the review', missing: 'Enter the date of the review', subject: 'The date of the review' },
    facts.today,
    [
      { iso: facts.agreedOn, what: 'the date the plan was agreed' },
      { iso: facts.lastReviewOn, what: 'the date of the last review' },
    ],
  );
  if ('error' in reviewedOn) return { reviewedOn, next: null };
  return { reviewedOn, next: nextReviewOn(kind, input.nextReviewOn, reviewedOn.iso) };
}

export function reviewProblems(
  kind: Pick<PlanKind, 'review'>,
  input: ReviewInput,
  facts: { today: string; agreedOn: string | null; lastReviewOn: string | null },
): FormProblem[] {
  const problems: FormProblem[] = [];
  const dates = reviewDates(kind, input, facts);
  if ('error' in dates.reviewedOn) problems.push({ field: 'reviewedOn', message: dates.reviewedOn.error });
  for (const [field, name, missing] of [
    ['done', 'What was done', 'Enter what was done since the plan was agreed or last reviewed'],
    ['changed', 'What has changed', 'Enter what has changed, or that nothing has'],
    ['views', 'The child’s and family’s views', ''],
  ] as const) {
    const text = input[field];
    if (missing && !text.trim()) problems.push({ field, message: missing });
    else if (text.length > PLAN_LIMITS.note) problems.push({ field, message: tooLong(name, PLAN_LIMITS.note) });
  }
  if (!Object.hasOwn(REVIEW_OUTCOMES, input.outcome))
    problems.push({ field: 'outcome', message: 'Select what happens to the plan after this review' });
  if (input.outcome === 'continue' && dates.next && 'error' in dates.next)
    problems.push({ field: 'nextReviewOn', message: dates.next.error });
  if (input.outcome === 'end') problems.push(...endProblems(input.endReason, 'endReason'));
  return problems;
}

export interface ActionInput {
  what: string;
  assigneeId: string;
  dueOn: DateParts;
  /** Or: within this many working days of today (R-X-3). */
  workingDays: string;
}

/** The longest action a plan gives. */
export const ACTION_LIMIT = 500;

/**
 * An action a plan gives a named colleague (who does what by when, R-X-3): what to do, someone who
 * may then do it on the child's record, and a real date today or later.
 */
export function actionProblems(
  input: ActionInput,
  facts: { today: string; people: readonly string[]; addWorkingDays: (from: string, days: number) => string },
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!input.what.trim()) problems.push({ field: 'what', message: 'Enter what is to be done' });
  else if (input.what.length > ACTION_LIMIT)
    problems.push({ field: 'what', message: tooLong('What is to be done', ACTION_LIMIT) });
  if (!facts.people.includes(input.assigneeId))
    problems.push({ field: 'assigneeId', message: 'Select who will do it' });
  const due = actionDueOn(input, facts);
  if ('error' in due) problems.push({ field: due.field, message: due.error });
  return problems;
}

/** When the action is due: the date typed (today or later), or that many working days from today; one of them, not both. */
export function actionDueOn(
  input: Pick<ActionInput, 'dueOn' | 'workingDays'>,
  facts: { today: string; addWorkingDays: (from: string, days: number) => string },
): { iso: string } | { error: string; field: 'dueOn' | 'workingDays' } {
  const days = input.workingDays.trim();
  const dated = Boolean(input.dueOn.day || input.dueOn.month || input.dueOn.year);
  if (days && dated) return { field: 'dueOn', error: 'Enter a date it is due or a number of working days, not both' };
  if (days) {
    if (!/^\d{1,2}$/.test(days) || Number(days) < 1 || Number(days) > 60)
      return { field: 'workingDays', error: 'Number of working days must be a whole number from 1 to 60' };
    return { iso: facts.addWorkingDays(facts.today, Number(days)) };
  }
  const parsed = parseDateParts(input.dueOn, 'Date it is due', 'Enter the date it is due, or a number of working days');
  if ('error' in parsed) return { field: 'dueOn', error: parsed.error };
  if (parsed.iso < facts.today) return { field: 'dueOn', error: 'Date it is due must be today or in the future' };
  return parsed;
}

/** Ending a plan records why (a draft no longer needed, or the work done). */
export function endProblems(reason: string, field = 'reason'): FormProblem[] {
  if (!reason.trim()) return [{ field, message: 'Enter why the plan is ending' }];
  if (reason.length > PLAN_LIMITS.reason)
    return [{ field, message: tooLong('Why the plan is ending', PLAN_LIMITS.reason) }];
  return [];
}

export const CONSENT_ANSWERS = {
  given: 'Yes, consent was given',
  refused: 'No, consent was refused',
  not_needed: 'Not needed: the copy shares nothing beyond what they already know',
} as const;
export type ConsentAnswer = keyof typeof CONSENT_ANSWERS;

export interface ShareInput {
  sharedWith: string;
  sharedOn: DateParts;
  consent: string;
  views: string;
  disagreement: string;
}

/** Who received a copy and when; consent where the copy shares information (R-X-6); their views and any disagreement. */
export function shareProblems(input: ShareInput, facts: { today: string; agreedOn: string | null }): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!input.sharedWith.trim())
    problems.push({ field: 'sharedWith', message: 'Enter who received a copy of the plan' });
  else if (input.sharedWith.length > 500)
    problems.push({ field: 'sharedWith', message: tooLong('Who received a copy', 500) });
  const on = doneOn(
    input.sharedOn,
    { label: 'Date it was shared', missing: 'Enter the date the plan was shared', subject: 'The date it was shared' },
    facts.today,
    [{ iso: facts.agreedOn, what: 'the date the plan was agreed' }],
  );
  if ('error' in on) problems.push({ field: 'sharedOn', message: on.error });
  if (!Object.hasOwn(CONSENT_ANSWERS, input.consent))
    problems.push({ field: 'consent', message: 'Select whether consent was given to share the plan' });
  for (const [field, name] of [
    ['views', 'Their views'],
    ['disagreement', 'Any disagreement'],
  ] as const)
    if (input[field].length > PLAN_LIMITS.note) problems.push({ field, message: tooLong(name, PLAN_LIMITS.note) });
  return problems;
}

/** A name or label inside a sentence: 'Home safety plan' reads 'home safety plan', 'AIM intervention plan' stays. */
export function inSentence(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
