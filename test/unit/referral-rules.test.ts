// Referral to the front door and the manager's screening decision (R-KEN-2, R-NYO-8, R-X-9).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REFERRAL_RATIONALE_MAX, makeReferralProblems, referralDecisionProblems } from '../../src/domain/referrals.ts';

describe('referrals', () => {
  it('follow a decided level of concern above the lowest', () => {
    assert.deepEqual(makeReferralProblems({ possible: true }), []);
    assert.deepEqual(makeReferralProblems({ possible: false }), [
      { field: 'referral', message: 'Decide a level of concern above the lowest before making a referral' },
    ]);
  });

  it('are decided with one of the pack’s outcomes and the reasons', () => {
    const facts = { outcomeIds: ['strategy', 'nfa'] };
    assert.deepEqual(referralDecisionProblems({ outcome: 'nfa', rationale: 'Because' }, facts), []);
    assert.deepEqual(referralDecisionProblems({ outcome: 'other', rationale: ' ' }, facts), [
      { field: 'outcome', message: 'Select the outcome of the screening' },
      { field: 'rationale', message: 'Enter the reasons for the decision' },
    ]);
    assert.deepEqual(
      referralDecisionProblems({ outcome: 'nfa', rationale: 'x'.repeat(REFERRAL_RATIONALE_MAX + 1) }, facts),
      [{ field: 'rationale', message: 'Reasons for the decision must be 5,000 characters or fewer' }],
    );
  });
});
