// The screening pages' forms (issue 12, item 2): what the form posts, typed, then read as the
// answers for the tool used and the pack's facts; the decision's level and rationale as typed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPack } from '../../src/procedures/index.ts';
import { decisionForm, errorHref, readScreeningForm, screeningForm } from '../../src/web/pages/screening/schema.ts';

const kent = getPack('kent')!;
const islington = getPack('islington')!;
const carson = kent.tools[0]!;
const categories = islington.tools[0]!;

describe('the screening form', () => {
  it('types the tool, the ratings and facts by their prefix, the ticked items and "none"', () => {
    assert.deepEqual(
      screeningForm.read({
        _csrf: 't',
        tool: 'carson',
        'rating-type': 'harmful',
        'rating-power': ['healthy', 'problematic'],
        items: ['c0-single', 'c0-single'],
        'fact-open_case': 'yes',
      }),
      {
        tool: 'carson',
        rating: { type: 'harmful', power: 'problematic' },
        items: ['c0-single'],
        none: '',
        fact: { open_case: 'yes' },
      },
    );
  });

  it('reads a matrix’s ratings given, and each fact as yes, no, not known or not given', () => {
    const values = readScreeningForm(
      screeningForm.read({
        'rating-type': 'harmful',
        'rating-context': '',
        'rating-nonsense': 'healthy',
        items: 'c0-single',
        'fact-significant_harm': 'yes',
        'fact-youth_justice': 'no',
        'fact-open_case': 'not-known',
        'fact-other_children_at_risk': 'maybe',
      }),
      kent,
      carson,
    );
    assert.deepEqual(values, {
      toolId: 'carson',
      answers: { ratings: { type: 'harmful' } },
      facts: { significant_harm: true, youth_justice: false, open_case: null, other_children_at_risk: undefined },
    });
  });

  it('reads a checklist’s ticked items and "none of these"', () => {
    const values = readScreeningForm(
      screeningForm.read({ items: ['c0-single', 'c0-peer-acceptable'], none: 'yes' }),
      islington,
      categories,
    );
    assert.deepEqual(values.answers, { items: ['c0-single', 'c0-peer-acceptable'], none: true });
    assert.deepEqual(readScreeningForm(screeningForm.read(undefined), islington, categories).answers, { items: [] });
    assert.equal(errorHref('items', categories), '#items-category-0');
    assert.equal(errorHref('items', carson), '#items');
  });

  it('types the decision’s level and rationale as typed', () => {
    assert.deepEqual(decisionForm.read({ level: ['healthy', 'harmful'], rationale: ' Because ' }), {
      level: 'harmful',
      rationale: ' Because ',
    });
  });
});
