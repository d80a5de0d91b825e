// The child's record names the other children in its incidents only where the viewer may see
// them (R-X-1): the record's own access and theirs are decided together, in the same request
// (ADR 0017), and a grant on the other child shows its name on the next page load.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as childService from '../../src/services/child-service.ts';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('other children on a child’s record', () => {
  let t: TestApp;
  let kent: Awaited<ReturnType<typeof demoIncident>>;
  before(async () => {
    t = await startTestApp();
    kent = await demoIncident(t.database.db, 'kent', 'Ellis');
  });
  after(async () => t.close());

  it('says "Another child" for a child the viewer may not see, and names them once they may', async () => {
    const { db } = t.database;
    const police = await signedIn(t.app, 'kent', 'police');
    const manager = await demoActor(db, 'kent', 'team-manager');
    const officer = await demoActor(db, 'kent', 'police');
    const targeted = await db
      .selectFrom('children')
      .select(['first_name', 'last_name'])
      .where('id', '=', kent.targetedId)
      .executeTakeFirstOrThrow();
    const name = `${targeted.first_name} ${targeted.last_name}`;

    await childService.grantAccess(db, manager, kent.childId, {
      userId: officer.user.id,
      reason: 'Joint work',
      days: 7,
    });
    const before = await police.get(paths.children.show(kent.childId));
    assert.equal(before.statusCode, 200);
    assert.match(text(before.body), /Another child: was targeted by the behaviour/i);
    assert.doesNotMatch(before.body, new RegExp(name));

    // The other child's own worker gives the officer access too (as a grant row, however given).
    await db
      .insertInto('access_grants')
      .values({
        user_id: officer.user.id,
        child_id: kent.targetedId,
        reason: 'Joint work',
        granted_by: manager.user.id,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .execute();
    const after = await police.get(paths.children.show(kent.childId));
    assert.equal(after.statusCode, 200);
    assert.match(text(after.body), new RegExp(`${name} ?: was targeted by the behaviour`, 'i'));
    assert.doesNotMatch(text(after.body), /Another child/);
  });
});
