// The plan pages' forms: what each posts, typed, every problem with its shape at once (ADR 0012).
// What a plan must say before it is agreed, and the dates' bounds, are the domain's (domain/plans.ts).
import type { PlanContents } from '../../../domain/plans.ts';
import { field, pageSchema } from '../../page-schema.ts';

export const newPlanForm = pageSchema({ kind: field.text(), ownerId: field.text() });

/** Each matter's box (`text-<id>`) and, under it, why the plan does not address it (`why-<id>`). */
export const planTextForm = pageSchema(
  { version: field.version(), text: field.prefixed(), why: field.prefixed() },
  { prefixes: { text: 'text-', why: 'why-' } },
);

/** The plan's contents as posted: each matter's text and reason (the service keeps only its kind's matters). */
export function typedContents(posted: { text: Record<string, string>; why: Record<string, string> }): PlanContents {
  const contents: PlanContents = {};
  for (const id of new Set([...Object.keys(posted.text), ...Object.keys(posted.why)]))
    contents[id] = { text: posted.text[id] ?? '', notAddressed: posted.why[id] ?? '' };
  return contents;
}

export const agreeForm = pageSchema(
  { version: field.version(), nextReviewOn: field.dateParts(), note: field.text() },
  { dates: ['nextReviewOn'] },
);

export const reviewForm = pageSchema(
  {
    version: field.version(),
    reviewedOn: field.dateParts(),
    done: field.text(),
    changed: field.text(),
    views: field.text(),
    outcome: field.text(),
    nextReviewOn: field.dateParts(),
    endReason: field.text(),
  },
  { dates: ['reviewedOn', 'nextReviewOn'] },
);

export const shareForm = pageSchema(
  {
    sharedWith: field.text(),
    sharedOn: field.dateParts(),
    consent: field.text(),
    views: field.text(),
    disagreement: field.text(),
  },
  { dates: ['sharedOn'] },
);

export const actionForm = pageSchema(
  { what: field.text(), assigneeId: field.text(), dueOn: field.dateParts(), workingDays: field.text() },
  { dates: ['dueOn'] },
);

export const endForm = pageSchema({ version: field.version(), reason: field.text() });

export const NO_DATE = { day: '', month: '', year: '' };
