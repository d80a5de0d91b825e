// What screening an incident must say before the screening service writes, as pure functions over
// the child's pack: a tool of the pack this person may use (R-NEL-4, R-X-5: the Brook tool only
// for trained staff), the tool's answers and each fact the pack asks about; and the decision, a
// level of the pack with the reasons, saying why when it differs from the suggestion (R-X-9).
import type { FormProblem } from './form-problem.ts';
import { FACTS, type FactId, type Tool } from './pack.ts';
import { type ScreeningAnswers, answerProblems } from './screening.ts';
import { TEXT_LIMITS, tooLong } from './text-limits.ts';

export type { FormProblem };

/** A tool of the pack, whether this person may use it and, if not, the training it needs. */
export interface ToolChoice {
  tool: Tool;
  allowed: boolean;
  needs: string | null;
}

export interface ScreeningInput {
  toolId: string;
  answers: ScreeningAnswers;
  facts: Partial<Record<FactId, boolean | null | undefined>>;
}

/**
 * The answers: a tool of the pack (the one problem when it is not), one this person is trained
 * for (R-NEL-4, R-X-5; the one problem), then what the tool needs and every fact the pack asks.
 */
export function screeningProblems(
  input: ScreeningInput,
  facts: { tools: readonly ToolChoice[]; packFacts: readonly FactId[] },
): FormProblem[] {
  const entry = facts.tools.find((choice) => choice.tool.id === input.toolId);
  if (!entry) return [{ field: 'tool', message: 'Select a screening tool' }];
  if (!entry.allowed)
    return [{ field: 'tool', message: `Only staff with ${entry.needs} training can use the ${entry.tool.name}` }];
  const problems: FormProblem[] = answerProblems(entry.tool, input.answers);
  for (const fact of facts.packFacts) {
    if (input.facts[fact] === undefined)
      problems.push({ field: `fact-${fact}`, message: `Select yes if ${FACTS[fact].ifTrue}, no if not, or not known` });
  }
  return problems;
}

/** The longest reasons for a decision the form takes (its character count shows the same). */
export const DECISION_RATIONALE_MAX = TEXT_LIMITS.screeningRationale;

/**
 * The decision (R-X-9): one of the pack's levels and the reasons; when the level chosen differs
 * from the one suggested, the reasons say why.
 */
export function decisionProblems(
  decision: { levelId: string; rationale: string },
  facts: { levelIds: readonly string[]; suggestedLevel: string },
): FormProblem[] {
  const problems: FormProblem[] = [];
  const known = facts.levelIds.includes(decision.levelId);
  if (!known) problems.push({ field: 'level', message: 'Select the level of concern' });
  const rationale = decision.rationale.trim();
  if (!rationale)
    problems.push({
      field: 'rationale',
      message:
        known && decision.levelId !== facts.suggestedLevel
          ? 'Enter why you chose a different level from the one suggested'
          : 'Enter the reasons for your decision',
    });
  else if (rationale.length > DECISION_RATIONALE_MAX)
    problems.push({ field: 'rationale', message: tooLong('Reasons for your decision', DECISION_RATIONALE_MAX) });
  return problems;
}
