import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordChangeProblems } from '../../src/domain/passwords.ts';

describe('changing one’s own password', () => {
  const good = {
    current: 'the old one, long enough',
    next: 'a new one, long enough',
    confirm: 'a new one, long enough',
  };

  it('takes the right current password and a new one typed twice', () => {
    assert.deepEqual(passwordChangeProblems(good, { currentMatches: true }), []);
  });

  it('gives every problem at once, in the page’s order', () => {
    assert.deepEqual(passwordChangeProblems({ current: '', next: '', confirm: '' }, { currentMatches: false }), [
      { field: 'current', message: 'Enter your current password' },
      { field: 'next', message: 'Enter a new password' },
    ]);
    assert.deepEqual(
      passwordChangeProblems({ current: 'wrong', next: 'short', confirm: 'other' }, { currentMatches: false }),
      [
        { field: 'current', message: 'Your current password is not correct' },
        { field: 'next', message: 'New password must be 12 characters or more' },
        { field: 'confirm', message: 'Enter the same new password in both boxes' },
      ],
    );
  });

  it('refuses a current password too long to be anyone’s, a new one too long, and the same one again', () => {
    assert.deepEqual(passwordChangeProblems({ ...good, current: 'x'.repeat(1001) }, { currentMatches: true })[0], {
      field: 'current',
      message: 'Your current password is not correct',
    });
    const long = 'y'.repeat(1001);
    assert.deepEqual(passwordChangeProblems({ ...good, next: long, confirm: long }, { currentMatches: true }), [
      { field: 'next', message: 'New password must be 1000 characters or fewer' },
    ]);
    assert.deepEqual(
      passwordChangeProblems({ ...good, next: good.current, confirm: good.current }, { currentMatches: true }),
      [{ field: 'next', message: 'New password must be different from your current one' }],
    );
  });
});
