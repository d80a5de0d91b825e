import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocationProblems, newChildTeamProblems, sameWorkerProblem } from '../../src/domain/allocation.ts';
import { grantProblems } from '../../src/domain/grants.ts';

describe('the team a new child’s record belongs to', () => {
  const facts = { myTeamIds: ['mine'] };

  it('is one of the recorder’s teams, or left to the incident’s recorder', () => {
    assert.deepEqual(newChildTeamProblems({ teamId: 'mine' }, facts), []);
    assert.deepEqual(newChildTeamProblems({ teamId: null, incidentId: 'inc' }, facts), []);
  });

  it('refuses another team, and no team outside an incident', () => {
    assert.deepEqual(newChildTeamProblems({ teamId: 'theirs', incidentId: 'inc' }, facts), [
      { field: 'teamId', message: 'Select one of your teams' },
    ]);
    assert.deepEqual(newChildTeamProblems({ teamId: null }, facts), [
      { field: 'teamId', message: 'Select the team responsible for this child' },
    ]);
  });
});

describe('allocating a child', () => {
  const otherSide = [
    { otherWorkerId: 'w2', otherWorkerName: 'Sam Jones', thisRole: 'displayed' as const, occurredAt: null },
  ];
  const facts = { workerIds: ['w1', 'w2'], teamIds: ['t1'], youthJusticeWorkerIds: ['y1'], otherSide };

  it('takes choices from the lists, none of them required', () => {
    assert.deepEqual(allocationProblems({ workerId: 'w1', teamId: 't1', youthJusticeWorkerId: 'y1' }, facts), []);
    assert.deepEqual(allocationProblems({ workerId: null, teamId: null }, facts), []);
  });

  it('gives every problem at once, in the page’s order, the other child’s worker last (R-KEN-6)', () => {
    assert.deepEqual(allocationProblems({ workerId: 'nobody', teamId: 'gone', youthJusticeWorkerId: 'x' }, facts), [
      { field: 'workerId', message: 'Select a worker from the list' },
      { field: 'teamId', message: 'Select a team from the list' },
      { field: 'youthJusticeWorkerId', message: 'Select a Youth Justice worker from the list' },
    ]);
    assert.deepEqual(allocationProblems({ workerId: 'w2', teamId: 'gone' }, facts), [
      { field: 'teamId', message: 'Select a team from the list' },
      { field: 'workerId', message: sameWorkerProblem('w2', otherSide)! },
    ]);
  });
});

describe('a read grant (R-X-7)', () => {
  const colleague = { authorityId: 'kent', active: true };

  it('takes an active colleague of the authority, a reason and 1 to 90 days', () => {
    assert.deepEqual(
      grantProblems({ reason: ' Covering leave ', days: 90 }, { grantee: colleague, authorityId: 'kent' }),
      [],
    );
  });

  it('gives every problem at once, in the page’s order', () => {
    assert.deepEqual(grantProblems({ reason: '  ', days: 0 }, { grantee: undefined, authorityId: 'kent' }), [
      { field: 'userId', message: 'Select who should have access' },
      { field: 'reason', message: 'Enter why they need access' },
      { field: 'days', message: 'Number of days must be between 1 and 90' },
    ]);
    assert.deepEqual(
      grantProblems(
        { reason: 'x'.repeat(2001), days: 1.5 },
        { grantee: { ...colleague, active: false }, authorityId: 'kent' },
      ),
      [
        { field: 'userId', message: 'Select who should have access' },
        { field: 'reason', message: 'Why they need access must be 2,000 characters or fewer' },
        { field: 'days', message: 'Number of days must be between 1 and 90' },
      ],
    );
    assert.deepEqual(grantProblems({ reason: 'Cover', days: 91 }, { grantee: colleague, authorityId: 'thurrock' }), [
      { field: 'userId', message: 'Select who should have access' },
      { field: 'days', message: 'Number of days must be between 1 and 90' },
    ]);
  });
});
