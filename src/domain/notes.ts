// Case notes (issue 15): what a practitioner records of their work with a child and the people
// around them. Every problem with a note at once, in the order of the form. Pure.
import { type DateParts, parseDateParts } from './date-parts.ts';
import { bodyRegionProblems } from './body-map.ts';
import type { FormProblem } from './form-problem.ts';
import { tooLong } from './text-limits.ts';

/** The kinds of note, in the order the form offers them, with how a person reads each. */
export const NOTE_KINDS = {
  visit: 'Visit',
  phone_call: 'Phone call',
  direct_work: 'Direct work session with the child',
  consultation: 'Consultation with another professional',
  oversight: 'Management oversight',
  note: 'Case note',
} as const;
export type NoteKind = keyof typeof NOTE_KINDS;
export const NOTE_KIND_IDS = Object.keys(NOTE_KINDS) as [NoteKind, ...NoteKind[]];

/** The longest note the form takes, and the longest list of who was there (their character counts show the same). */
export const NOTE_LIMITS = { words: 20_000, present: 1_000 } as const;

export interface NoteInput {
  kind: string;
  happenedOn: DateParts;
  present: string;
  words: string;
  /** Body map regions ticked (issue 15): where the child was touched or injured. */
  bodyRegions?: string[];
}

/** The day the note's work happened: not in the future, nor before the child was born. */
export function noteDate(
  parts: DateParts,
  facts: { today: string; bornOn: string },
): { iso: string } | { error: string } {
  const parsed = parseDateParts(parts, 'Date', 'Enter the date it happened', { past: true, today: facts.today });
  if ('error' in parsed) return parsed;
  if (parsed.iso < facts.bornOn) return { error: 'Date must be on or after the child’s date of birth' };
  return parsed;
}

/**
 * A note's problems, every one at once: a kind (management oversight only by a manager), the day,
 * who was there (optional) and the words.
 */
export function noteProblems(
  input: NoteInput,
  facts: { today: string; bornOn: string; mayOversee: boolean },
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!(NOTE_KIND_IDS as readonly string[]).includes(input.kind))
    problems.push({ field: 'kind', message: 'Select what kind of note this is' });
  else if (input.kind === 'oversight' && !facts.mayOversee)
    problems.push({ field: 'kind', message: 'Only a manager can write a management oversight note' });
  const date = noteDate(input.happenedOn, facts);
  if ('error' in date) problems.push({ field: 'happenedOn', message: date.error });
  if (input.present.trim().length > NOTE_LIMITS.present)
    problems.push({ field: 'present', message: tooLong('Who was there or spoken to', NOTE_LIMITS.present) });
  if (!input.words.trim()) problems.push({ field: 'words', message: 'Enter the note' });
  else if (input.words.trim().length > NOTE_LIMITS.words)
    problems.push({ field: 'words', message: tooLong('The note', NOTE_LIMITS.words) });
  problems.push(...bodyRegionProblems('bodyRegions', input.bodyRegions ?? []));
  return problems;
}

/** The chronology's line for a note: its kind and day, and who was there, never its words. */
export function noteSummary(kind: NoteKind, happenedOnText: string, present: string): string {
  const who = present.trim() ? ` With ${present.trim().replace(/\s+/g, ' ').slice(0, 120)}.` : '';
  return `${NOTE_KINDS[kind]} on ${happenedOnText}.${who}`;
}
