// Correcting who a submitted incident links (issue 15): a manager adds a child, changes a child's
// part, or takes off a child linked in error, with a reason. Pure: what stops the change, and the
// chronology lines it writes (which never name a person).
import type { FormProblem } from './form-problem.ts';
import { CHILD_ROLES, type ChildRole, OWN_WORDS_MAX } from './recording-form.ts';
import { tooLong } from './text-limits.ts';

/** One change to who is linked: the child, their new part or `remove`, and why. */
export interface RelinkChange {
  childId: string;
  role: ChildRole | 'remove';
  /** The child's own words, for a child added (those already linked keep theirs). */
  ownWords: string;
  reason: string;
}

export const RELINK_CHOICES = [...CHILD_ROLES, 'remove'] as const;

/** Reads a posted part: one of the parts, or `remove`; anything else is no choice. */
export function relinkRole(value: string): RelinkChange['role'] | null {
  return (RELINK_CHOICES as readonly string[]).includes(value) ? (value as RelinkChange['role']) : null;
}

/**
 * What stops the change, in the form's order: a part chosen that differs from the child's now;
 * a child screened for this incident keeps the part their screening stands on, and one in a meeting
 * still arranged for it the part the meeting was arranged for; the incident keeps a child who
 * displayed the behaviour; the child's own words not too long; the reason's own problems.
 */
export function relinkProblems(input: {
  children: readonly { childId: string; role: ChildRole }[];
  change: { childId: string; role: RelinkChange['role'] | null };
  screened: boolean;
  /** How many meetings still arranged for the incident include the child. */
  meetings?: number;
  /** For a child added: their own words, as typed. */
  ownWords?: string;
  reasonProblems: readonly FormProblem[];
}): FormProblem[] {
  const { children, change, screened } = input;

  const problems: FormProblem[] = [];
  const existing = children.find((child) => child.childId === change.childId);
  if (!change.role) problems.push({ field: 'role', message: 'Select the child’s part in the incident' });
  else if (existing && existing.role === change.role)
    problems.push({ field: 'role', message: 'Select a different part, or go back to the incident' });
  else if (existing && screened)
    problems.push({
      field: 'role',
      message:
        'This child has been screened for this incident, so their part cannot be changed here. Ask the screener to screen again.',
    });
  else if (existing && input.meetings)
    problems.push({
      field: 'role',
      message:
        'A meeting is arranged for this incident with this child in it, so their part cannot be changed here. ' +
        'Cancel the meeting, or record its minutes, first.',
    });
  else if (
    change.role !== 'displayed' &&
    existing?.role === 'displayed' &&
    !children.some((child) => child.childId !== change.childId && child.role === 'displayed')
  )
    problems.push({
      field: 'role',
      message: 'The incident must still have a child who displayed the behaviour: add them first',
    });
  if (!existing && (input.ownWords ?? '').length > OWN_WORDS_MAX)
    problems.push({ field: 'ownWords', message: tooLong('What the child said', OWN_WORDS_MAX) });
  problems.push(...input.reasonProblems);
  return problems;
}

/** A child's part as the chronology says it: "recorded as a witness". */
const PART_PHRASES: Record<ChildRole, string> = {
  displayed: 'having displayed the behaviour',
  targeted: 'targeted by the behaviour',
  witness: 'a witness',
};

/** The chronology lines: for the child changed, and for every other child in the incident. */
export function relinkSummary(
  from: ChildRole | null,
  to: RelinkChange['role'],
  version: number,
): { thisChild: string; otherChild: string } {
  const corrected = `Incident record corrected (version ${version})`;
  if (to === 'remove')
    return {
      thisChild: `${corrected}: this child was taken off the incident, linked in error.`,
      otherChild: `${corrected}: a child linked in error was taken off the incident.`,
    };
  if (!from)
    return {
      thisChild: `${corrected}: this child was added to the incident, recorded as ${PART_PHRASES[to]}.`,
      otherChild: `${corrected}: another child was added to the incident, recorded as ${PART_PHRASES[to]}.`,
    };
  return {
    thisChild: `${corrected}: this child is now recorded as ${PART_PHRASES[to]}, not ${PART_PHRASES[from]}.`,
    otherChild: `${corrected}: another child is now recorded as ${PART_PHRASES[to]}.`,
  };
}
