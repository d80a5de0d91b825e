// Corrections to approved minutes (issue 15): once the chair has approved them (R-KEN-13), the
// chair or a manager of a child's case corrects the notes or a safety plan they may write, with a
// reason, as a new version; the minutes as approved stay readable, each child's plan only to those
// who may see that child's part (R-X-1); the chronology and the audit log say so.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { setSafetyPlan } from '../../src/repositories/meetings.ts';
import { paths } from '../../src/web/paths.ts';
import { pageText } from '../helpers/text.ts';
import { Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = pageText;

describe('correcting approved minutes (issue 15)', () => {
  let t: TestApp;
  let chair: Client;
  let worker: Client;
  let meetingId: string;
  let ellisId: string;
  let mayaId: string;

  const version = async () =>
    String(
      (
        await t.database.db
          .selectFrom('meetings')
          .select('version')
          .where('id', '=', meetingId)
          .executeTakeFirstOrThrow()
      ).version,
    );
  const notes = async () =>
    (await t.database.db.selectFrom('meetings').select('agenda').where('id', '=', meetingId).executeTakeFirstOrThrow())
      .agenda;

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    await seedDemoScreenings(db);
    ({ childId: ellisId, targetedId: mayaId } = await demoIncident(db, 'kent', 'Ellis'));
    const meeting = await db
      .selectFrom('meeting_children as mc')
      .innerJoin('meetings as m', 'm.id', 'mc.meeting_id')
      .innerJoin('users as u', 'u.id', 'm.chair_id')
      .select(['m.id', 'u.email', 'm.agenda'])
      .where('mc.child_id', '=', ellisId)
      .executeTakeFirstOrThrow();
    meetingId = meeting.id;
    chair = new Client(t.app);
    await chair.signIn(meeting.email);
    worker = await signedIn(t.app, 'kent', 'social-worker');
    await setSafetyPlan(db, meetingId, ellisId, 'Ellis is supervised at break times (minutes test).');
    await setSafetyPlan(db, meetingId, mayaId, 'Maya sits with a trusted adult (minutes test).');
  });
  after(async () => t.close());

  it('refuses a correction until the chair has approved the minutes', async () => {
    assert.equal((await chair.get(paths.meetings.correctMinutes(meetingId))).statusCode, 403);
    const page = await chair.get(paths.meetings.show(meetingId));
    assert.ok(!page.body.includes(paths.meetings.correctMinutes(meetingId)));
  });

  it('offers the chair a correction once approved, and refuses someone who may only read them', async () => {
    const agenda = (await notes()).map((item, index) => ({
      ...item,
      notes: index === 0 ? 'Concerns as approved.' : '',
    }));
    await t.database.db
      .updateTable('meetings')
      .set({ held_on: '2026-11-30', agenda: JSON.stringify(agenda), minutes_approved_at: new Date() })
      .where('id', '=', meetingId)
      .execute();
    const page = await chair.get(paths.meetings.show(meetingId));
    assert.ok(page.body.includes(`href="${paths.meetings.correctMinutes(meetingId)}"`));
    const workerPage = await worker.get(paths.meetings.show(meetingId));
    assert.equal(workerPage.statusCode, 200);
    assert.ok(!workerPage.body.includes(paths.meetings.correctMinutes(meetingId)));
    const refused = await worker.post(
      paths.meetings.correctMinutes(meetingId),
      { version: await version(), 'note-0': 'Changed by a reader', reason: 'x' },
      { tokenFrom: paths.meetings.show(meetingId) },
    );
    assert.equal(refused.statusCode, 403);
    assert.equal((await notes())[0]!.notes, 'Concerns as approved.');
  });

  it('asks for a change and a reason, all at once', async () => {
    await chair.get(paths.meetings.correctMinutes(meetingId));
    const res = await chair.post(paths.meetings.correctMinutes(meetingId), {
      version: await version(),
      'note-0': 'Concerns as approved.',
      reason: '',
    });
    assert.equal(res.statusCode, 400);
    const said = text(res.body);
    assert.ok(
      said.indexOf('Change at least one answer, or go back to the meeting') <
        said.indexOf('Enter why you are correcting the record'),
    );
  });

  it('makes a new version; the approved minutes stay readable; chronology and audit say so', async () => {
    await chair.get(paths.meetings.correctMinutes(meetingId));
    const res = await chair.post(paths.meetings.correctMinutes(meetingId), {
      version: await version(),
      'note-0': 'Concerns as corrected: the school had raised them twice before.',
      [`safetyPlan-${ellisId}`]: 'Ellis is supervised at break and lunch times.',
      reason: 'The notes left out the earlier concerns; the plan covers lunch too',
    });
    assert.equal(res.statusCode, 303);
    const page = text((await chair.get(paths.meetings.show(meetingId))).body);
    assert.match(page, /Minutes corrected/);
    assert.match(page, /the school had raised them twice before/);
    assert.match(page, /Corrections to the minutes/);
    assert.match(page, /“The notes left out the earlier concerns; the plan covers lunch too”/);

    const old = text((await chair.get(paths.meetings.minutesVersion(meetingId, 1))).body);
    assert.match(old, /These are the minutes as they were before a correction/);
    assert.match(old, /Concerns as approved\./);
    assert.match(old, /Ellis is supervised at break times \(minutes test\)\./);
    assert.ok(!old.includes('twice before'));

    const lines = await t.database.db
      .selectFrom('chronology_entries')
      .select(['child_id', 'summary'])
      .where('summary', 'like', 'Minutes corrected%')
      .execute();
    assert.ok(
      lines.some((line) => line.child_id === ellisId && /safety plan among them \(version 2\)/.test(line.summary)),
    );
    assert.ok(lines.some((line) => line.child_id === mayaId && line.summary === 'Minutes corrected (version 2).'));
    const event = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'meeting.correct_minutes')
      .where('outcome', '=', 'ok')
      .executeTakeFirstOrThrow();
    assert.deepEqual((event.details as { fields: string[] }).fields, ['note-0', `safetyPlan-${ellisId}`]);
  });

  it('shows, in the minutes as they were, only the plans of the children the reader may see (R-X-1)', async () => {
    const old = text((await worker.get(paths.meetings.minutesVersion(meetingId, 1))).body);
    assert.match(old, /Ellis is supervised at break times/);
    assert.match(old, /Another child/);
    assert.ok(!old.includes('trusted adult') && !old.includes('Maya'), 'the child harmed’s plan and name are left out');
  });

  it('answers a correction made on a version since changed with what to check (409)', async () => {
    await chair.get(paths.meetings.correctMinutes(meetingId));
    const res = await chair.post(paths.meetings.correctMinutes(meetingId), {
      version: String(Number(await version()) - 1),
      'note-0': 'A stale correction',
      reason: 'Stale',
    });
    assert.equal(res.statusCode, 409);
    assert.ok(res.body.includes('A stale correction'));
  });
});
