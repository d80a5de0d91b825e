import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChildAccessFacts, type Viewer, decideChildAccess } from '../../src/domain/access.ts';

const none: ChildAccessFacts = {
  childAuthorityId: 'kent',
  allocatedWorkerId: null,
  viewerInAllocatedTeam: false,
  viewerManagesAllocation: false,
  viewerRecordedIncident: false,
  viewerHasGrant: false,
};
const worker: Viewer = { id: 'u1', authorityId: 'kent', roles: ['social_worker'] };

describe('need-to-know access to a child (R-X-7)', () => {
  it('refuses a user with no connection to the child', () => {
    assert.deepEqual(decideChildAccess(worker, none), { allowed: false, reason: 'no_need_to_know' });
  });

  it('allows each connection the procedure names', () => {
    assert.deepEqual(decideChildAccess(worker, { ...none, allocatedWorkerId: 'u1' }), {
      allowed: true,
      basis: 'allocated',
    });
    // R-KEN-4: a Youth Justice worker allocated alongside sees the record as the allocated worker does.
    assert.deepEqual(decideChildAccess(worker, { ...none, allocatedWorkerId: 'u2', youthJusticeWorkerId: 'u1' }), {
      allowed: true,
      basis: 'allocated',
    });
    assert.deepEqual(decideChildAccess(worker, { ...none, viewerInAllocatedTeam: true }), {
      allowed: true,
      basis: 'team',
    });
    assert.deepEqual(decideChildAccess(worker, { ...none, viewerManagesAllocation: true }), {
      allowed: true,
      basis: 'manager',
    });
    assert.deepEqual(decideChildAccess(worker, { ...none, viewerRecordedIncident: true }), {
      allowed: true,
      basis: 'recorded',
    });
    assert.deepEqual(decideChildAccess(worker, { ...none, viewerHasGrant: true }), { allowed: true, basis: 'grant' });
  });

  it('never crosses an authority boundary, whatever else is true', () => {
    const everything: ChildAccessFacts = {
      childAuthorityId: 'islington',
      allocatedWorkerId: 'u1',
      viewerInAllocatedTeam: true,
      viewerManagesAllocation: true,
      viewerRecordedIncident: true,
      viewerHasGrant: true,
    };
    assert.deepEqual(decideChildAccess(worker, everything), { allowed: false, reason: 'other_authority' });
  });

  it('gives administrators and auditors no case content', () => {
    for (const roles of [['administrator'], ['auditor'], ['administrator', 'auditor']] as const) {
      const d = decideChildAccess(
        { id: 'u1', authorityId: 'kent', roles },
        { ...none, allocatedWorkerId: 'u1', viewerInAllocatedTeam: true },
      );
      assert.deepEqual(d, { allowed: false, reason: 'no_case_role' });
    }
  });

  it('limits partner-agency professionals to what they recorded or were granted', () => {
    const police: Viewer = { id: 'p1', authorityId: 'kent', roles: ['partner'] };
    assert.equal(decideChildAccess(police, { ...none, viewerInAllocatedTeam: true }).allowed, false);
    assert.equal(decideChildAccess(police, { ...none, viewerManagesAllocation: true }).allowed, false);
    assert.equal(decideChildAccess(police, { ...none, viewerRecordedIncident: true }).allowed, true);
    assert.equal(decideChildAccess(police, { ...none, viewerHasGrant: true }).allowed, true);
  });
});
