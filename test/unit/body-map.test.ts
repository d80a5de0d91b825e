// The body map (issue 15): the regions of front and back outlines, each once, read in words, and
// a region not on the outline refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BODY_REGIONS,
  bodyMapPicture,
  bodyRegionProblems,
  bodyRegionWords,
  normaliseBodyRegions,
} from '../../src/domain/body-map.ts';

describe('the body map', () => {
  it('has each region once, on the front or the back, inside the 120 by 250 picture', () => {
    assert.equal(new Set(BODY_REGIONS.map((region) => region.id)).size, BODY_REGIONS.length);
    assert.equal(
      new Set(BODY_REGIONS.map((region) => region.text)).size,
      BODY_REGIONS.length,
      'no two regions read the same',
    );
    for (const { id, side, shape } of BODY_REGIONS) {
      assert.ok(id.startsWith(`${side}-`), id);
      const [left, top, right, bottom] =
        shape.kind === 'rect'
          ? [shape.x, shape.y, shape.x + shape.width, shape.y + shape.height]
          : shape.kind === 'circle'
            ? [shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r]
            : [shape.cx - shape.rx, shape.cy - shape.ry, shape.cx + shape.rx, shape.cy + shape.ry];
      assert.ok(left >= 0 && top >= 0 && right <= 120 && bottom <= 250, id);
    }
  });

  it('puts the child’s right on the viewer’s left from the front, and on the right from behind', () => {
    const at = (id: string) => BODY_REGIONS.find((region) => region.id === id)!.shape;
    const x = (id: string) => {
      const shape = at(id);
      return shape.kind === 'rect' ? shape.x : shape.cx;
    };
    assert.ok(x('front-right-arm') < x('front-left-arm'));
    assert.ok(x('back-right-arm') > x('back-left-arm'));
  });

  it('reads the marked regions in the outline’s order, each once, and says so in the picture’s words', () => {
    assert.deepEqual(normaliseBodyRegions(['back-bottom', 'front-head', 'back-bottom']), ['front-head', 'back-bottom']);
    assert.deepEqual(bodyRegionWords(['back-bottom', 'front-head']), ['Head or face', 'Bottom']);
    const [front, back] = bodyMapPicture(['front-head']);
    assert.equal(front!.description, 'Front of the body, marked: Head or face');
    assert.equal(back!.description, 'Back of the body, nothing marked');
    assert.ok(front!.regions.find((region) => region.id === 'front-head')!.marked);
  });

  it('refuses a region that is not on the outline', () => {
    assert.deepEqual(bodyRegionProblems('bodyRegions', ['front-head']), []);
    assert.deepEqual(bodyRegionProblems('bodyRegions', ['front-head', 'elbow']), [
      { field: 'bodyRegions', message: 'Select where on the body from the list' },
    ]);
  });
});
