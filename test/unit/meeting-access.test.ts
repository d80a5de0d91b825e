import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Viewer } from '../../src/domain/access.ts';
import { may } from '../../src/domain/actions.ts';
import {
  type MeetingAccessFacts,
  type MeetingChildFacts,
  anotherChild,
  decideMeetingAccess,
  shownPart,
} from '../../src/domain/meeting-access.ts';

const harmed: MeetingChildFacts = {
  childId: 'c-harmed',
  role: 'targeted',
  childAuthorityId: 'kent',
  responsibleAuthorityId: 'kent',
  bases: [],
};
const harming: MeetingChildFacts = {
  childId: 'c-harming',
  role: 'displayed',
  childAuthorityId: 'kent',
  responsibleAuthorityId: 'kent',
  bases: [],
};
const meeting: MeetingAccessFacts = {
  authorityId: 'kent',
  chairId: 'chair',
  chairAuthorityId: 'kent',
  inviteeUserIds: [null, 'invitee'],
  children: [harming, harmed],
};
const kentWorker: Viewer = { id: 'worker', authorityId: 'kent', roles: ['social_worker'] };
const ids = (set: Set<string>) => [...set].sort();

describe('who sees what of a meeting (R-KEN-6, R-X-1, R-X-7)', () => {
  it('the chair sees every child’s part and may record each plan and outcome, but opens only records they may see', () => {
    const access = decideMeetingAccess({ ...kentWorker, id: 'chair' }, meeting);
    assert.equal(access.isChair, true);
    assert.ok(may('meeting.view', access.subject).allowed);
    assert.ok(may('meeting.approve', access.subject).allowed);
    assert.deepEqual(ids(access.visibleChildIds), ['c-harmed', 'c-harming']);
    assert.deepEqual(ids(access.planChildIds), ['c-harmed', 'c-harming']);
    assert.deepEqual(ids(access.outcomeChildIds), ['c-harmed', 'c-harming']);
    assert.deepEqual(ids(access.recordChildIds), []);
  });

  it('an invitee with an account sees the meeting but no child’s part without sight of that child', () => {
    const access = decideMeetingAccess({ ...kentWorker, id: 'invitee' }, meeting);
    assert.equal(access.isChair, false);
    assert.deepEqual(access.subject.relations, ['signed_in', 'invitee']);
    assert.ok(may('meeting.view', access.subject).allowed);
    assert.equal(may('meeting.approve', access.subject).allowed, false);
    assert.deepEqual(ids(access.visibleChildIds), []);
    assert.deepEqual(ids(access.planChildIds), []);
  });

  it('sight of one child’s record shows that child’s part only; case work lets them record it', () => {
    const access = decideMeetingAccess(kentWorker, {
      ...meeting,
      children: [{ ...harming, bases: ['allocated'] }, harmed],
    });
    assert.deepEqual(access.subject.bases, ['allocated']);
    assert.ok(may('meeting.view', access.subject).allowed);
    assert.deepEqual(ids(access.visibleChildIds), ['c-harming']);
    assert.deepEqual(ids(access.recordChildIds), ['c-harming']);
    assert.deepEqual(ids(access.planChildIds), ['c-harming']);
    assert.deepEqual(ids(access.outcomeChildIds), ['c-harming']);
    assert.deepEqual(access.subjectFor('c-harmed').bases, []);
    assert.deepEqual(access.subjectFor('unknown').bases, []);
  });

  it('a read grant shows a child’s part but records nothing (R-X-7)', () => {
    const access = decideMeetingAccess(kentWorker, {
      ...meeting,
      children: [harming, { ...harmed, bases: ['grant'] }],
    });
    assert.deepEqual(ids(access.visibleChildIds), ['c-harmed']);
    assert.deepEqual(ids(access.recordChildIds), ['c-harmed']);
    assert.deepEqual(ids(access.planChildIds), []);
    assert.deepEqual(ids(access.outcomeChildIds), []);
  });

  it('the bases on the meeting as a whole are every child’s, once each', () => {
    const access = decideMeetingAccess(kentWorker, {
      ...meeting,
      children: [
        { ...harming, bases: ['team', 'manager'] },
        { ...harmed, bases: ['manager', 'grant'] },
      ],
    });
    assert.deepEqual(access.subject.bases, ['team', 'manager', 'grant']);
  });

  it('a manager of another authority responsible for one child represents it: that child’s part only', () => {
    const islingtonManager: Viewer = { id: 'isl', authorityId: 'islington', roles: ['team_manager'] };
    const access = decideMeetingAccess(islingtonManager, {
      ...meeting,
      children: [harming, { ...harmed, responsibleAuthorityId: 'islington' }],
    });
    assert.ok(access.subject.relations.includes('representing'));
    assert.ok(may('meeting.view', access.subject).allowed);
    assert.deepEqual(ids(access.visibleChildIds), ['c-harmed']);
    assert.deepEqual(ids(access.planChildIds), ['c-harmed']);
    assert.equal(access.subjectFor('c-harming').relations.includes('representing'), false);
    // A child living in their authority counts as theirs too.
    const living = decideMeetingAccess(islingtonManager, {
      ...meeting,
      children: [{ ...harming, childAuthorityId: 'islington' }, harmed],
    });
    assert.deepEqual(ids(living.visibleChildIds), ['c-harming']);
  });

  it('the chairing authority’s manager represents it without any child’s part', () => {
    const access = decideMeetingAccess(
      { id: 'isl', authorityId: 'islington', roles: ['team_manager'] },
      { ...meeting, chairAuthorityId: 'islington' },
    );
    assert.ok(may('meeting.view', access.subject).allowed);
    assert.deepEqual(ids(access.visibleChildIds), []);
  });

  it('within the meeting’s own authority nobody represents: sight comes from each child’s record', () => {
    const access = decideMeetingAccess(
      { id: 'other', authorityId: 'kent', roles: ['team_manager'] },
      { ...meeting, children: [{ ...harming, responsibleAuthorityId: 'kent' }, harmed] },
    );
    assert.equal(access.subject.relations.includes('representing'), false);
    assert.equal(may('meeting.view', access.subject).allowed, false);
    assert.deepEqual(ids(access.visibleChildIds), []);
  });

  it('a social worker of another authority does not represent it (representing is for managers and coordinators)', () => {
    const access = decideMeetingAccess(
      { id: 'isl', authorityId: 'islington', roles: ['social_worker'] },
      { ...meeting, children: [harming, { ...harmed, responsibleAuthorityId: 'islington' }] },
    );
    assert.equal(may('meeting.view', access.subject).allowed, false);
    assert.deepEqual(ids(access.visibleChildIds), []);
  });

  it('a child whose part is not shown is named by their part only, with no plan or outcome (R-X-1)', () => {
    assert.equal(anotherChild('targeted'), 'Another child (a child harmed)');
    assert.equal(anotherChild('displayed'), 'Another child (the child who harmed)');
    const part = {
      childId: 'c-harmed',
      role: 'targeted' as const,
      name: 'Amy Example',
      firstName: 'Amy',
      safetyPlan: 'Separate classes',
      outcome: { id: 'nfa' },
    };
    assert.equal(shownPart(part, new Set(['c-harmed'])), part);
    assert.deepEqual(shownPart(part, new Set()), {
      childId: 'c-harmed',
      role: 'targeted',
      name: 'Another child (a child harmed)',
      firstName: 'Another child',
      safetyPlan: '',
      outcome: null,
      masked: true,
    });
  });
});
