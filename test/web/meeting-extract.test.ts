// Per-child extracts of a meeting's record, for sharing with each family (issue 15; R-X-1): the
// extract for the child who harmed carries his safety plan and outcome and who attended by role,
// never the child harmed's name or plan, nor anyone's contact details; someone who may not see a
// child's part gets no extract of it; every extract is audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { setSafetyPlan } from '../../src/repositories/meetings.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('a meeting’s extract for one child’s family (issue 15)', () => {
  let t: TestApp;
  let worker: Client;
  let meetingId: string;
  let childId: string;
  let harmedId: string;

  before(async () => {
    t = await startTestApp();
    await seedDemoScreenings(t.database.db);
    worker = await signedIn(t.app, 'kent', 'social-worker');
    const { db } = t.database;
    ({ childId, targetedId: harmedId } = await demoIncident(db, 'kent', 'Ellis'));
    const meeting = await db
      .selectFrom('meeting_children as mc')
      .innerJoin('meeting_children as other', 'other.meeting_id', 'mc.meeting_id')
      .select('mc.meeting_id')
      .where('mc.child_id', '=', childId)
      .where('other.child_id', '=', harmedId)
      .executeTakeFirstOrThrow();
    meetingId = meeting.meeting_id;
    await setSafetyPlan(db, meetingId, childId, 'Ellis is supervised at break times (extract test).');
    await setSafetyPlan(db, meetingId, harmedId, 'Maya sits with a trusted adult (extract test).');
  });
  after(async () => t.close());

  it('offers, from the meeting, an extract only for the children the person may see', async () => {
    const page = await worker.get(paths.meetings.show(meetingId));
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`href="${paths.meetings.extract(meetingId, childId)}"`));
    assert.ok(
      !page.body.includes(paths.meetings.extract(meetingId, harmedId)),
      'no extract offered for the child harmed',
    );
  });

  it('gives the child’s own part and who attended by role, and nothing of the other child (R-X-1)', async () => {
    const res = await worker.get(paths.meetings.extract(meetingId, childId));
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    assert.match(page, /Ellis Hawthorn/);
    assert.match(page, /Ellis is supervised at break times \(extract test\)\./);
    assert.match(page, /Read it before you share it with Ellis’s family/);
    assert.match(page, /Who attended/);
    assert.ok(!page.includes('Maya') && !page.includes('Larchwood'), 'the child harmed is not named');
    assert.ok(!page.includes('trusted adult'), 'the child harmed’s plan is left out');
    assert.ok(!/@[a-z-]+\.example/.test(page), 'no one’s email address');
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'meeting.extract')
      .execute();
    assert.ok(events.some((event) => event.entity_id === meetingId));
  });

  it('refuses an extract of a child’s part the person may not see, and a child not at the meeting', async () => {
    // Seeing the meeting, they are told they may not, as for the child harmed's outcome; nothing of hers is shown.
    assert.equal((await worker.get(paths.meetings.extract(meetingId, harmedId))).statusCode, 403);
    assert.equal(
      (await worker.get(paths.meetings.extract(meetingId, '00000000-0000-4000-8000-000000000000'))).statusCode,
      404,
    );
    assert.equal((await worker.get(paths.meetings.extract(meetingId, 'not-a-child'))).statusCode, 404);
    const workerB = await signedIn(t.app, 'kent', 'social-worker-b');
    const hers = text((await workerB.get(paths.meetings.extract(meetingId, harmedId))).body);
    assert.match(hers, /Maya sits with a trusted adult/);
    assert.ok(!hers.includes('Ellis'), 'her family’s extract does not name the child who harmed');
  });
});
