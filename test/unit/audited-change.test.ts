// Whom an audit event is attributed to, and its outcome (services/audited-change.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditEventOf } from '../../src/services/audited-change.ts';
import type { Actor } from '../../src/services/context.ts';

const actor: Actor = {
  user: {
    id: 'user-1',
    authorityId: 'kent',
    roles: ['social_worker'],
    displayName: 'Sam Social',
    jobTitle: 'Social worker',
    agency: 'Children’s Services',
    email: 'sam@kent.example',
    trainings: [],
    teams: [],
  },
  ip: '10.0.0.1',
  requestId: 'req-1',
};

describe('auditEventOf', () => {
  it('attributes an event to the signed-in person, their authority, address and request', () => {
    assert.deepEqual(
      auditEventOf(
        actor,
        { action: 'task.complete', entityType: 'task', entityId: 't1', details: { step: 's' } },
        'ok',
      ),
      {
        action: 'task.complete',
        entityType: 'task',
        entityId: 't1',
        details: { step: 's' },
        outcome: 'ok',
        authorityId: 'kent',
        userId: 'user-1',
        ip: '10.0.0.1',
        requestId: 'req-1',
      },
    );
  });

  it('attributes an event with no session (the operator, a failed sign-in) as it is given', () => {
    assert.deepEqual(
      auditEventOf({ authorityId: 'kent', userId: null }, { action: 'operator.reset_password', entityId: 'u2' }, 'ok'),
      { action: 'operator.reset_password', entityId: 'u2', outcome: 'ok', authorityId: 'kent', userId: null },
    );
    assert.equal(auditEventOf(actor, { action: 'sign_in' }, 'failed').outcome, 'failed');
  });

  it('lets no event claim another person or authority', () => {
    const claimed = { action: 'x', userId: 'someone-else', authorityId: 'islington' } as never;
    const event = auditEventOf(actor, claimed, 'ok');
    assert.equal(event.userId, 'user-1');
    assert.equal(event.authorityId, 'kent');
  });
});
