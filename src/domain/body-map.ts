// The body map (issue 15): where a child was touched or injured, marked on front and back outlines
// of a body. Each region is a checkbox (the record is the list of regions, so it works without
// JavaScript and reads aloud as words); the picture draws the same list. Left and right are the
// child's own: on the front view the child's right is on the viewer's left. Pure.
import type { FormProblem } from './form-problem.ts';

export type BodySide = 'front' | 'back';

/** A region: its id (stored), its words, and its shape on the side's outline (a 120 by 250 picture). */
export interface BodyRegion {
  id: string;
  side: BodySide;
  text: string;
  shape:
    | { kind: 'circle'; cx: number; cy: number; r: number }
    | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
    | { kind: 'rect'; x: number; y: number; width: number; height: number; rx: number };
}

const circle = (cx: number, cy: number, radius: number) => ({ kind: 'circle' as const, cx, cy, r: radius });
const ellipse = (cx: number, cy: number, rx: number, ry: number) => ({ kind: 'ellipse' as const, cx, cy, rx, ry });
const rect = (left: number, top: number, width: number, height: number, rx = 6) => ({
  kind: 'rect' as const,
  x: left,
  y: top,
  width,
  height,
  rx,
});

/** Viewer's left and right columns of the outline. */
const LEFT_ARM = rect(18, 50, 17, 60, 8);
const RIGHT_ARM = rect(85, 50, 17, 60, 8);
const LEFT_LEG = rect(41, 132, 18, 90, 8);
const RIGHT_LEG = rect(61, 132, 18, 90, 8);

export const BODY_REGIONS: readonly BodyRegion[] = [
  { id: 'front-head', side: 'front', text: 'Head or face', shape: circle(60, 22, 16) },
  { id: 'front-neck', side: 'front', text: 'Neck or throat', shape: rect(53, 38, 14, 10, 2) },
  { id: 'front-chest', side: 'front', text: 'Chest or breasts', shape: rect(37, 48, 46, 34) },
  { id: 'front-stomach', side: 'front', text: 'Stomach', shape: rect(39, 82, 42, 30, 4) },
  { id: 'front-genitals', side: 'front', text: 'Genital area', shape: rect(41, 112, 38, 20, 8) },
  { id: 'front-right-arm', side: 'front', text: 'Right arm', shape: LEFT_ARM },
  { id: 'front-left-arm', side: 'front', text: 'Left arm', shape: RIGHT_ARM },
  { id: 'front-right-hand', side: 'front', text: 'Right hand', shape: circle(26.5, 119, 8) },
  { id: 'front-left-hand', side: 'front', text: 'Left hand', shape: circle(93.5, 119, 8) },
  { id: 'front-right-leg', side: 'front', text: 'Right leg, front', shape: LEFT_LEG },
  { id: 'front-left-leg', side: 'front', text: 'Left leg, front', shape: RIGHT_LEG },
  { id: 'front-right-foot', side: 'front', text: 'Right foot', shape: ellipse(48, 230, 10, 7) },
  { id: 'front-left-foot', side: 'front', text: 'Left foot', shape: ellipse(72, 230, 10, 7) },
  { id: 'back-head', side: 'back', text: 'Back of the head', shape: circle(60, 22, 16) },
  { id: 'back-neck', side: 'back', text: 'Back of the neck', shape: rect(53, 38, 14, 10, 2) },
  { id: 'back-upper', side: 'back', text: 'Upper back', shape: rect(37, 48, 46, 34) },
  { id: 'back-lower', side: 'back', text: 'Lower back', shape: rect(39, 82, 42, 26, 4) },
  { id: 'back-bottom', side: 'back', text: 'Bottom', shape: rect(41, 108, 38, 24, 8) },
  // From behind, the child's left is on the viewer's left.
  { id: 'back-left-arm', side: 'back', text: 'Back of the left arm', shape: LEFT_ARM },
  { id: 'back-right-arm', side: 'back', text: 'Back of the right arm', shape: RIGHT_ARM },
  { id: 'back-left-leg', side: 'back', text: 'Back of the left leg', shape: LEFT_LEG },
  { id: 'back-right-leg', side: 'back', text: 'Back of the right leg', shape: RIGHT_LEG },
];

export const BODY_SIDES: readonly { side: BodySide; text: string }[] = [
  { side: 'front', text: 'Front of the body' },
  { side: 'back', text: 'Back of the body' },
];

const BY_ID = new Map(BODY_REGIONS.map((region) => [region.id, region]));

/** The marked regions as a person reads them, in the order of the outline. */
export function bodyRegionWords(ids: readonly string[]): string[] {
  return BODY_REGIONS.filter((region) => ids.includes(region.id)).map((region) => region.text);
}

/** The regions as posted: only known regions, each once, in the outline's order. */
export function normaliseBodyRegions(ids: readonly string[]): string[] {
  return BODY_REGIONS.filter((region) => ids.includes(region.id)).map((region) => region.id);
}

/** A region that is not on the outline (a forged or stale form) is refused, not dropped silently. */
export function bodyRegionProblems(field: string, ids: readonly string[]): FormProblem[] {
  return ids.every((id) => BY_ID.has(id)) ? [] : [{ field, message: 'Select where on the body from the list' }];
}

/** The outline's regions for one side, each marked or not, for the picture. */
export function bodyMapPicture(ids: readonly string[]) {
  return BODY_SIDES.map(({ side, text }) => {
    const regions = BODY_REGIONS.filter((region) => region.side === side).map((region) => ({
      ...region,
      marked: ids.includes(region.id),
    }));
    const marked = regions.filter((region) => region.marked).map((region) => region.text);
    return {
      side,
      text,
      regions,
      /** The picture's words: what a screen reader hears, and what the page says when it cannot be seen. */
      description: marked.length ? `${text}, marked: ${marked.join(', ')}` : `${text}, nothing marked`,
    };
  });
}
