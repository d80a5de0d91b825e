import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_REASON, closeCaseProblems, reopenCaseProblems } from '../../src/domain/case-closure.ts';

describe('closing and reopening a case', () => {
  it('lists what is still open instead of asking for reasons', () => {
    assert.deepEqual(closeCaseProblems('', { blocked: true }), [
      { field: 'blockers', message: 'Finish the open tasks and close the meetings listed before closing the case' },
    ]);
    assert.deepEqual(closeCaseProblems('Work finished', { blocked: true }).length, 1);
  });

  it('needs the reasons, within the limit', () => {
    assert.deepEqual(closeCaseProblems('  ', { blocked: false }), [
      { field: 'reason', message: 'Enter why the case is being closed' },
    ]);
    assert.deepEqual(closeCaseProblems('x'.repeat(MAX_REASON + 1), { blocked: false }), [
      { field: 'reason', message: 'Reasons must be 2,000 characters or fewer' },
    ]);
    assert.deepEqual(closeCaseProblems(` ${'x'.repeat(MAX_REASON)} `, { blocked: false }), []);
    assert.deepEqual(reopenCaseProblems(''), [{ field: 'reason', message: 'Enter why the case is being reopened' }]);
    assert.deepEqual(reopenCaseProblems('x'.repeat(MAX_REASON + 1)), [
      { field: 'reason', message: 'Reasons must be 2,000 characters or fewer' },
    ]);
    assert.deepEqual(reopenCaseProblems('A new concern'), []);
  });
});
