// One internal scale behind the four vocabularies (design: "The shared scale behind the
// continua"). It is Hackett's (2010) continuum (thurrock §6, R-THU-2); every pack level and every
// screening-tool band says where it sits on it, so a level recorded in one authority's words
// reads in another's (a child who moves authority, a case across a border).

import { vocabulary } from './vocabulary.ts';

/** The scale's points, lowest first, each with the word people read. */
export const { values: SCALE, labels: SCALE_LABELS } = vocabulary({
  normal: 'Normal',
  inappropriate: 'Inappropriate',
  problematic: 'Problematic',
  abusive: 'Abusive',
  violent: 'Violent',
});
export type ScaleLevel = (typeof SCALE)[number];

export function scaleRank(level: ScaleLevel): number {
  return SCALE.indexOf(level);
}

export function maxScale(levels: readonly ScaleLevel[]): ScaleLevel | null {
  let best: ScaleLevel | null = null;
  for (const level of levels) if (best === null || scaleRank(level) > scaleRank(best)) best = level;
  return best;
}

/** A level in some vocabulary, with the part of the shared scale it covers. */
export interface VocabularyLevel {
  id: string;
  label: string;
  covers: readonly ScaleLevel[];
}

/** The level of a vocabulary that covers a point on the shared scale. */
export function levelCovering<L extends VocabularyLevel>(levels: readonly L[], point: ScaleLevel): L | undefined {
  return levels.find((level) => level.covers.includes(point));
}

/**
 * How a level in one vocabulary reads in another: every target level that overlaps the part of
 * the scale the source covers (Brook amber reads as Islington category 0 or 1).
 */
export function readAcross<L extends VocabularyLevel>(source: VocabularyLevel, target: readonly L[]): L[] {
  return target.filter((level) => level.covers.some((scaleLevel) => source.covers.includes(scaleLevel)));
}
