// The stages are bound (issue 11, defect 3): a task whose work is recorded elsewhere in the
// application is done by that record, with a link to it, and no longer stands in the way of
// closing the case: the front door's decision by the manager's screening of the referral, the
// referral to NELFT by the AIM assessment planned, the child harmed's own worker by the allocation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import { type TestApp, signedIn, startTestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('tasks done by the records that do their work (issue 11)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemoScreenings(t.database.db);
  });
  after(async () => t.close());

  const task = async (authority: string, title: string) =>
    t.database.db
      .selectFrom('tasks')
      .selectAll()
      .where('authority_id', '=', authority)
      .where('title', '=', title)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();

  it('marks the front door’s decision done when the manager screens the referral, linking to it (Kent, North Yorkshire, Thurrock, North East Lincolnshire)', async () => {
    for (const [authority, title] of [
      ['kent', 'Front Door decides the response'],
      ['north-yorkshire', 'Manager screens the referral'],
      ['thurrock', 'Children’s Social Care decides the response'],
      ['north-east-lincolnshire', 'Integrated Front Door decides the response'],
    ] as const) {
      const row = await task(authority, title);
      assert.equal(row.status, 'done', `${authority}: ${title}`);
      assert.equal(row.fulfilled_by_type, 'referral-decision');
      const referral = await t.database.db
        .selectFrom('referrals')
        .select(['id', 'status'])
        .where('id', '=', row.fulfilled_by_id!)
        .executeTakeFirstOrThrow();
      assert.equal(referral.status, 'screened');
    }
    const frontDoor = await signedIn(t.app, 'kent', 'front-door');
    const row = await task('kent', 'Front Door decides the response');
    const page = await frontDoor.get(paths.tasks.show(row.id));
    assert.match(
      page.body,
      new RegExp(
        `href="${paths.referrals.show(row.fulfilled_by_id!)}">Done by the screening decision on the referral<`,
      ),
    );
    assert.doesNotMatch(page.body, /Mark as done/);
  });

  it('marks the referral to NELFT done when the AIM assessment is planned, linking to the assessment', async () => {
    const row = await task('kent', 'Refer to NELFT for an AIM2 assessment');
    assert.equal(row.status, 'done');
    assert.equal(row.fulfilled_by_type, 'assessment');
    const worker = await signedIn(t.app, 'kent', 'social-worker');
    assert.match(
      (await worker.get(paths.tasks.show(row.id))).body,
      new RegExp(`href="${paths.assessments.show(row.fulfilled_by_id!)}">Done by the AIM assessment planned<`),
    );
  });

  it('marks "Allocate the child harmed their own social worker" done by the allocation, or at once when she already has one', async () => {
    const { db } = t.database;
    const kent = await demoIncident(db, 'kent', 'Ellis');
    const row = await task('kent', 'Allocate the child harmed their own social worker');
    assert.equal(row.child_id, kent.targetedId);
    assert.equal(row.status, 'done', 'Maya already had her own social worker when the incident was screened');
    assert.match(row.completion_note, /^Already allocated to /);
    // Unallocated, then allocated: the task is done by the allocation.
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    await db
      .updateTable('tasks')
      .set({ status: 'open', fulfilled_by_type: null, fulfilled_by_id: null })
      .where('id', '=', row.id)
      .execute();
    await db.updateTable('children').set({ allocated_worker_id: null }).where('id', '=', kent.targetedId).execute();
    const child = await manager.get(paths.children.show(kent.targetedId));
    const v = /name="version" value="(\d+)"/.exec(child.body)![1]!;
    const other = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'social-worker-b@kent.example')
      .executeTakeFirstOrThrow();
    const teams = await db
      .selectFrom('children')
      .select('allocated_team_id')
      .where('id', '=', kent.targetedId)
      .executeTakeFirstOrThrow();
    assert.equal(
      (
        await manager.post(paths.children.allocation(kent.targetedId), {
          version: v,
          workerId: other.id,
          teamId: teams.allocated_team_id ?? '',
        })
      ).statusCode,
      303,
    );
    const after = await db
      .selectFrom('tasks')
      .select(['status', 'fulfilled_by_type'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after, { status: 'done', fulfilled_by_type: 'allocation' });
    assert.match(
      text((await manager.get(paths.children.chronology(kent.targetedId))).body),
      /Task done: Allocate the child harmed their own social worker\. Allocated to Kent social worker B\./,
    );
  });
});
