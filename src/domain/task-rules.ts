// What a person writes or chooses on a task: the note that marks it done, and the colleague it is
// given to. Pure: the service looks up who may be given the task.
import type { FormProblem } from './form-problem.ts';
import { tooLong } from './text-limits.ts';

/** The longest note the form takes (its character count shows the same). */
export const TASK_NOTE_MAX = 2000;

/**
 * Marking a task as done: the note is optional, except on a task that asks for a decision ("Consider
 * ...": what was decided and why is the record of it).
 */
export function taskNoteProblems(task: { kind: string }, note: string): FormProblem[] {
  const text = note.trim();
  if (text.length > TASK_NOTE_MAX)
    return [{ field: 'note', message: tooLong('What was done or decided', TASK_NOTE_MAX) }];
  if (task.kind === 'consider' && !text) return [{ field: 'note', message: 'Enter what was decided and why' }];
  return [];
}

/**
 * Giving a task to a colleague: someone chosen, from those who may be given it (`options`), and not
 * the person who already has it.
 */
export function assigneeProblems(
  userId: string,
  facts: { options: readonly { id: string; name: string }[]; assignedTo: string | null },
): FormProblem[] {
  if (!userId) return [{ field: 'assignee', message: 'Select who to give the task to' }];
  const chosen = facts.options.find((option) => option.id === userId);
  if (!chosen)
    return [
      {
        field: 'assignee',
        message: 'Select someone from the list: they must hold the role and work on the child’s case',
      },
    ];
  if (facts.assignedTo === chosen.id)
    return [{ field: 'assignee', message: `The task is already assigned to ${chosen.name}` }];
  return [];
}
