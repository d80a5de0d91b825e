// Possible duplicates when a child is added: similar name and the same or a near date of
// birth. The repository finds candidates with pg_trgm; this ranks and explains them.
import { parseIsoDate } from './age.ts';

export const NAME_SIMILARITY_THRESHOLD = 0.3;
export const DOB_WINDOW_DAYS = 31;
/**
 * "Find a child": how like one of a child's names (or their school) a typed word must be, as
 * pg_trgm's word similarity. At 0.5 "Elis" finds "Ellis", "Hawtorn" "Hawthorn", "Medowbank"
 * "Meadowbank Academy", and the start of a name finds it ("Haw").
 */
export const WORD_SIMILARITY_THRESHOLD = 0.5;

export function daysBetween(first: string, second: string): number {
  const pa = parseIsoDate(first);
  const pb = parseIsoDate(second);
  if (!pa || !pb) return Number.POSITIVE_INFINITY;
  const ta = Date.UTC(pa.year, pa.month - 1, pa.day);
  const tb = Date.UTC(pb.year, pb.month - 1, pb.day);
  return Math.abs(ta - tb) / 86_400_000;
}

/** Day and month swapped (03/04 for 04/03) is a common typing slip. */
export function isDayMonthSwap(first: string, second: string): boolean {
  const pa = parseIsoDate(first);
  const pb = parseIsoDate(second);
  return !!pa && !!pb && pa.year === pb.year && pa.day === pb.month && pa.month === pb.day && pa.day !== pa.month;
}

/**
 * The date with its day and month swapped (2014-04-03 for 2014-03-04), when that is another real
 * date; null when the day is over 12 or the same as the month.
 */
export function dayMonthSwapped(iso: string): string | null {
  const date = parseIsoDate(iso);
  if (!date || date.day > 12 || date.day === date.month) return null;
  const swapped = `${String(date.year).padStart(4, '0')}-${String(date.day).padStart(2, '0')}-${String(date.month).padStart(2, '0')}`;
  return parseIsoDate(swapped) ? swapped : null;
}

export interface MatchCandidate {
  dateOfBirth: string;
  nameSimilarity: number;
}

export function matchReason(typedDob: string, candidate: MatchCandidate): string | null {
  const sameDob = candidate.dateOfBirth === typedDob;
  const nearDob =
    daysBetween(candidate.dateOfBirth, typedDob) <= DOB_WINDOW_DAYS || isDayMonthSwap(candidate.dateOfBirth, typedDob);
  if (candidate.nameSimilarity < NAME_SIMILARITY_THRESHOLD) return null;
  if (sameDob) return 'Similar name and the same date of birth';
  if (nearDob) return 'Similar name and a date of birth close to the one entered';
  return null;
}
