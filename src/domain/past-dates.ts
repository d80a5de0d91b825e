// A date something was done, typed in day, month and year boxes: real, today or in the past, and
// not before the dates it follows (issue 11, defects 6 and 7), with GOV.UK's messages.
import { type DateParts, notBefore, parseDateParts } from './date-parts.ts';

export interface DoneOnWords {
  /** Starts the messages about the date itself: 'Date the stage was done must be a real date'. */
  label: string;
  /** The message when nothing is typed. */
  missing: string;
  /** Starts the message when it is too early: 'The date the stage was done must be on or after …'. */
  subject: string;
}

/**
 * The date, or the one problem with it: missing or not real first, then in the future, then before
 * the latest of `after` (each bound says what its date is).
 */
export function doneOn(
  parts: DateParts,
  words: DoneOnWords,
  today: string,
  after: readonly { iso: string | null | undefined; what: string }[],
): { iso: string } | { error: string } {
  const parsed = parseDateParts(parts, words.label, words.missing, { past: true, today });
  if ('error' in parsed) return parsed;
  const early = notBefore(parsed.iso, words.subject, after);
  return early ? { error: early } : parsed;
}
