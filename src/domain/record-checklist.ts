// What a child's record must show (islington §8, R-ISL-9): for a child at the levels the pack
// names (Islington's categories 1 to 3), each item the procedure lists, whether the record shows
// it yet, and what is still missing. Pure: the service gathers the child's plans, tasks, meetings
// and decided levels.
import type { Pack } from './pack.ts';

export type RecordChecklist = NonNullable<Pack['recordMustShow']>;

export interface RecordFacts {
  /** The levels of concern decided for the child. */
  levels: readonly string[];
  /** The kinds of the child's plans that are agreed, or were agreed before a review or an ending. */
  agreedPlanKinds: ReadonlySet<string>;
  /** The child's tasks by the step that set them: done, or still open. */
  steps: ReadonlyMap<string, 'open' | 'done'>;
  /** How many meetings about the child are closed, their minutes approved. */
  closedMeetings: number;
}

export interface ChecklistItem {
  id: string;
  label: string;
  shown: boolean;
  clause: string;
}

/** The checklist for this child, or null when the procedure asks none of it at the child's level. */
export function recordShows(checklist: RecordChecklist | undefined, facts: RecordFacts): ChecklistItem[] | null {
  if (!checklist || !facts.levels.some((level) => checklist.levels.includes(level))) return null;
  return checklist.items
    .filter((item) => !item.onlyIf || facts.steps.has(item.onlyIf.step))
    .map((item) => ({
      id: item.id,
      label: item.label,
      clause: item.clause,
      shown:
        'plan' in item.shownBy
          ? facts.agreedPlanKinds.has(item.shownBy.plan)
          : 'step' in item.shownBy
            ? facts.steps.get(item.shownBy.step) === 'done'
            : facts.closedMeetings > 0,
    }));
}
