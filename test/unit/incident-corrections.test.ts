// Correcting who a submitted incident links (issue 15): what stops a manager's change, and the
// chronology lines it writes, which never name a person.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctionReasonProblems } from '../../src/domain/corrections.ts';
import { relinkProblems, relinkRole, relinkSummary } from '../../src/domain/incident-corrections.ts';

const children = [
  { childId: 'h', role: 'displayed' as const },
  { childId: 'v', role: 'targeted' as const },
];
const fine = { children, screened: false, reasonProblems: [] };

describe('correcting who an incident links (issue 15)', () => {
  it('reads only the parts and taking a child off', () => {
    assert.equal(relinkRole('witness'), 'witness');
    assert.equal(relinkRole('remove'), 'remove');
    assert.equal(relinkRole('victim'), null);
  });

  it('asks for a part, and for a different one', () => {
    assert.deepEqual(relinkProblems({ ...fine, change: { childId: 'v', role: null } }), [
      { field: 'role', message: 'Select the child’s part in the incident' },
    ]);
    assert.match(relinkProblems({ ...fine, change: { childId: 'v', role: 'targeted' } })[0]!.message, /different part/);
  });

  it('keeps a screened child’s part, and a child who displayed the behaviour on the incident', () => {
    const screened = relinkProblems({ ...fine, screened: true, change: { childId: 'v', role: 'witness' } });
    assert.match(screened[0]!.message, /has been screened for this incident/);
    const orphaned = relinkProblems({ ...fine, change: { childId: 'h', role: 'remove' } });
    assert.match(orphaned[0]!.message, /must still have a child who displayed the behaviour/);
    const second = [...children, { childId: 'h2', role: 'displayed' as const }];
    assert.deepEqual(relinkProblems({ ...fine, children: second, change: { childId: 'h', role: 'remove' } }), []);
    assert.deepEqual(relinkProblems({ ...fine, change: { childId: 'new', role: 'witness' } }), [], 'a child added');
  });

  it('gives every problem at once, the reason’s last', () => {
    const problems = relinkProblems({
      ...fine,
      change: { childId: 'v', role: null },
      reasonProblems: correctionReasonProblems(' '),
    });
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['role', 'reason'],
    );
    assert.equal(
      correctionReasonProblems('x'.repeat(2001))[0]!.message,
      'Why you are correcting the record must be 2,000 characters or fewer',
    );
  });

  it('says in the chronology what changed without naming anyone', () => {
    assert.deepEqual(relinkSummary('targeted', 'witness', 3), {
      thisChild:
        'Incident record corrected (version 3): this child is now recorded as a witness, not targeted by the behaviour.',
      otherChild: 'Incident record corrected (version 3): another child is now recorded as a witness.',
    });
    assert.match(relinkSummary('targeted', 'remove', 2).thisChild, /taken off the incident, linked in error/);
    assert.match(relinkSummary(null, 'targeted', 2).otherChild, /another child was added to the incident/);
  });
});
