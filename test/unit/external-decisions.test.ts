// Police, prosecution and Out of Court Triage decisions recorded on the child's record (R-KEN-9,
// R-NEL-7): one question, each decision under the agency that makes it, a real date, and the limits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EXTERNAL_LIMITS,
  chosenDecision,
  decidedOn,
  externalDecisionProblems,
} from '../../src/domain/external-decisions.ts';

const ok = {
  agency: 'police',
  decision: 'no-further-action',
  decidedOn: { day: '1', month: '6', year: '2026' },
  youthJusticeRecommendation: '',
  note: '',
};
const today = '2026-06-10';

describe('recording an external decision', () => {
  it('takes a decision the agency makes, on a day in the past', () => {
    assert.deepEqual(externalDecisionProblems(ok, { today }), []);
    assert.deepEqual(chosenDecision(ok), { agency: 'police', label: 'No further action' });
    assert.deepEqual(decidedOn(ok, today), { iso: '2026-06-01' });
  });

  it('reports every problem at once, in page order', () => {
    assert.equal(chosenDecision({ agency: 'cps', decision: 'investigating' }), null);
    assert.equal(chosenDecision({ agency: 'toString', decision: 'x' }), null);
    assert.deepEqual(
      externalDecisionProblems(
        {
          agency: 'cps',
          decision: 'investigating',
          decidedOn: { day: '11', month: '6', year: '2026' },
          youthJusticeRecommendation: 'x'.repeat(EXTERNAL_LIMITS.youthJusticeRecommendation + 1),
          note: 'x'.repeat(EXTERNAL_LIMITS.note + 1),
        },
        { today },
      ),
      [
        { field: 'decision', message: 'Select the decision, under the agency that made it' },
        { field: 'decidedOn', message: 'Date of the decision must be today or in the past' },
        {
          field: 'youthJusticeRecommendation',
          message: 'Youth Justice recommendation must be 5,000 characters or fewer',
        },
        { field: 'note', message: 'Notes must be 5,000 characters or fewer' },
      ],
    );
    assert.deepEqual(externalDecisionProblems({ ...ok, decidedOn: { day: '', month: '', year: '' } }, { today }), [
      { field: 'decidedOn', message: 'Enter the date of the decision' },
    ]);
  });
});
