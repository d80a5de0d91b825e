// Reading the screening form: the tool's answers (ratings or ticked items) and a yes or no for
// each fact the pack asks about. Missing answers are reported all at once by the service.
import type { FactId, Pack, Tool } from '../../../domain/pack.ts';
import type { ScreeningAnswers } from '../../../domain/screening.ts';
import { type Body, list, str } from '../../forms.ts';

export interface ScreeningFormValues {
  toolId: string;
  answers: ScreeningAnswers;
  /** null: the person screening does not know. */
  facts: Partial<Record<FactId, boolean | null | undefined>>;
}

export function readScreeningForm(body: Body, pack: Pack, tool: Tool): ScreeningFormValues {
  const answers: ScreeningAnswers = {};
  if (tool.kind === 'matrix') {
    answers.ratings = {};
    for (const dimension of tool.dimensions) {
      const rating = str(body, `rating-${dimension.id}`);
      if (rating) answers.ratings[dimension.id] = rating;
    }
  } else {
    answers.items = list(body, 'items');
    if (str(body, 'none') === 'yes') answers.none = true;
  }
  const facts: Partial<Record<FactId, boolean | null | undefined>> = {};
  for (const fact of pack.facts) {
    const answer = str(body, `fact-${fact}`);
    facts[fact] = answer === 'yes' ? true : answer === 'no' ? false : answer === 'not-known' ? null : undefined;
  }
  return { toolId: tool.id, answers, facts };
}

/** The error summary link for a field: checklists link to their first box. */
export function errorHref(field: string, tool: Tool): string {
  if (field === 'items' && tool.kind === 'checklist') return `#items-${tool.groups[0]!.id}`;
  return `#${field}`;
}
