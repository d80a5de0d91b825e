// Possible duplicates when a child is added: similar name and the same or a near date of
// birth. The repository finds candidates with pg_trgm; this ranks and explains them.
import { parseIsoDate } from './age.ts';

export const NAME_SIMILARITY_THRESHOLD = 0.3;
export const DOB_WINDOW_DAYS = 31;

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
