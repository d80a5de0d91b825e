// Time-limited access grants: a manager opens one child's record to a named colleague, with a
// reason, and can end it early; both are audited and in the chronology (R-X-7).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';

describe('access grants', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('lets a manager give and end access, with errors next to the fields', async () => {
    const { db } = t.database;
    const ellis = (
      await db
        .selectFrom('children')
        .select('id')
        .where('authority_id', '=', 'islington')
        .where('first_name', '=', 'Ellis')
        .executeTakeFirstOrThrow()
    ).id;
    const yj = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'youth-justice@islington.example')
      .executeTakeFirstOrThrow();
    const youthJustice = await signedIn(t.app, 'islington', 'youth-justice');
    assert.equal((await youthJustice.get(`/children/${ellis}`)).statusCode, 404);

    const manager = await signedIn(t.app, 'islington', 'team-manager');
    await manager.get(`/children/${ellis}`);
    const bad = await manager.post(`/children/${ellis}/grants`, { userId: yj.id, reason: '', days: '365' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter why they need access/);
    assert.match(bad.body, /Number of days must be between 1 and 90/);
    const ok = await manager.post(`/children/${ellis}/grants`, {
      userId: yj.id,
      reason: 'Out-of-court triage panel on Friday',
      days: '7',
    });
    assert.equal(ok.statusCode, 303);

    const seen = await youthJustice.get(`/children/${ellis}`);
    assert.equal(seen.statusCode, 200);
    assert.match(seen.body, /You hold a time-limited access grant/);

    const page = await manager.get(`/children/${ellis}`);
    const grantId = /\/grants\/([0-9a-f-]{36})\/revoke/.exec(page.body)![1]!;
    assert.equal((await manager.post(`/children/${ellis}/grants/${grantId}/revoke`, {})).statusCode, 303);
    assert.equal((await youthJustice.get(`/children/${ellis}`)).statusCode, 404);

    const chron = await manager.get(`/children/${ellis}/chronology?kind=access_grant`);
    assert.match(chron.body, /given access for 7 days: Out-of-court triage panel on Friday/);
    assert.match(chron.body, /An access grant was ended early/);
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', ellis)
      .where('action', 'in', ['child.grant', 'child.revoke_grant'])
      .execute();
    assert.equal(events.length, 2);
  });
});
