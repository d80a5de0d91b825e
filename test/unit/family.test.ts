// The family and network's rules (issue 15): what each kind of person is asked, every problem at
// once, and which kinds are the household a child harmed's record seals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type NetworkInput,
  NETWORK_LIMITS,
  alertProblems,
  emptyNetworkInput,
  endProblems,
  isHouseholdKind,
  networkProblems,
} from '../../src/domain/family.ts';

const person = (fields: Partial<NetworkInput>): NetworkInput => ({ ...emptyNetworkInput(), ...fields });
const fields = (input: NetworkInput) => networkProblems(input).map((problem) => problem.field);

describe('a person in the family and network', () => {
  it('asks a parent or carer for their relationship, parental responsibility and whether they live with the child', () => {
    assert.deepEqual(fields(person({ kind: 'parent_carer', name: 'A' })), [
      'relationship',
      'parentalResponsibility',
      'livesWithChild',
    ]);
    assert.deepEqual(
      fields(
        person({
          kind: 'parent_carer',
          name: 'A',
          relationship: 'Father',
          parentalResponsibility: 'no',
          livesWithChild: 'no',
        }),
      ),
      [],
    );
  });

  it('asks a brother or sister only whether they live with the child, and a GP only for the practice’s name', () => {
    assert.deepEqual(fields(person({ kind: 'sibling', name: 'B' })), ['livesWithChild']);
    assert.deepEqual(fields(person({ kind: 'gp', name: 'Practice' })), []);
    assert.deepEqual(
      networkProblems(person({ kind: 'gp' })).map((problem) => problem.message),
      ['Enter the name of the GP or practice'],
    );
    assert.deepEqual(
      networkProblems(person({ kind: 'school' })).map((problem) => problem.message),
      ['Enter the name of the school, college or setting'],
    );
  });

  it('checks a telephone number and an email address only when given, and every length', () => {
    assert.deepEqual(
      fields(person({ kind: 'professional', name: 'C', phone: '01632 960 001', email: 'c@agency.example' })),
      [],
    );
    assert.deepEqual(fields(person({ kind: 'professional', name: 'C', phone: 'twelve', email: 'c at agency' })), [
      'phone',
      'email',
    ]);
    assert.deepEqual(
      fields(
        person({
          kind: 'professional',
          name: 'x'.repeat(NETWORK_LIMITS.name + 1),
          address: 'y'.repeat(NETWORK_LIMITS.address + 1),
        }),
      ),
      ['name', 'address'],
    );
  });

  it('refuses an unknown kind with the question’s own words', () => {
    assert.deepEqual(
      networkProblems(person({ kind: 'neighbour', name: 'D' })).map((problem) => problem.message),
      ['Select who this person is to the child'],
    );
  });

  it('seals parents, carers, brothers, sisters and others in the household, never the professionals (R-X-1)', () => {
    assert.deepEqual(
      (['parent_carer', 'sibling', 'household', 'school', 'gp', 'professional'] as const).filter(isHouseholdKind),
      ['parent_carer', 'sibling', 'household'],
    );
  });
});

describe('alerts and endings', () => {
  it('needs the alert’s words and a reason, each within its limit', () => {
    assert.deepEqual(alertProblems('  '), [{ field: 'words', message: 'Enter the alert' }]);
    assert.equal(
      alertProblems('x'.repeat(NETWORK_LIMITS.alert + 1))[0]?.message,
      'The alert must be 500 characters or fewer',
    );
    assert.deepEqual(alertProblems('Risk to younger children in the home'), []);
    assert.deepEqual(endProblems(''), [{ field: 'reason', message: 'Enter the reason' }]);
    assert.deepEqual(endProblems('Moved away'), []);
  });
});
