// The screening pages' forms: the tool's answers (ratings or ticked items) and a yes or no for
// each fact the pack asks about, then the decision on the level with its rationale. Missing
// answers are reported all at once by the service.
import type { FactId, Pack, Tool } from '../../../domain/pack.ts';
import type { ScreeningAnswers } from '../../../domain/screening.ts';
import { type PageData, field, pageSchema } from '../../page-schema.ts';

/**
 * What the screening form posts: the tool used, a matrix's ratings (`rating-<dimension>`), a
 * checklist's ticked items and "none of these", and each fact's answer (`fact-<fact>`), as typed.
 */
export const screeningForm = pageSchema(
  { tool: field.text(), rating: field.prefixed(), items: field.list(), none: field.text(), fact: field.prefixed() },
  { prefixes: { rating: 'rating-', fact: 'fact-' } },
);
export type ScreeningPost = PageData<typeof screeningForm>;

/** Deciding the level of concern: the level chosen and the rationale, as typed (the service checks them). */
export const decisionForm = pageSchema({ level: field.text(), rationale: field.text() });

/** Correcting the reasons for a decided level of concern (issue 15): the version shown, the reasons, why. */
export const correctReasonsForm = pageSchema({
  version: field.version(),
  rationale: field.text(),
  reason: field.text(),
});

export interface ScreeningFormValues {
  toolId: string;
  answers: ScreeningAnswers;
  /** null: the person screening does not know. */
  facts: Partial<Record<FactId, boolean | null | undefined>>;
}

/** The answers for the tool used, and each of the pack's facts as yes (true), no (false), not known (null) or not given. */
export function readScreeningForm(form: ScreeningPost, pack: Pack, tool: Tool): ScreeningFormValues {
  const answers: ScreeningAnswers = {};
  if (tool.kind === 'matrix') {
    answers.ratings = {};
    for (const dimension of tool.dimensions) {
      const rating = form.rating[dimension.id];
      if (rating) answers.ratings[dimension.id] = rating;
    }
  } else {
    answers.items = form.items;
    if (form.none === 'yes') answers.none = true;
  }
  const facts: Partial<Record<FactId, boolean | null | undefined>> = {};
  for (const fact of pack.facts) {
    const answer = form.fact[fact];
    facts[fact] = answer === 'yes' ? true : answer === 'no' ? false : answer === 'not-known' ? null : undefined;
  }
  return { toolId: tool.id, answers, facts };
}

/** The error summary link for a field: checklists link to their first box. */
export function errorHref(field: string, tool: Tool): string {
  if (field === 'items' && tool.kind === 'checklist') return `#items-${tool.groups[0]!.id}`;
  return `#${field}`;
}

/** The screening pages' address: the tool asked for, and (without JavaScript) the level whose next steps are previewed. */
export const screeningQuery = pageSchema({ tool: field.text(), preview: field.text() });
