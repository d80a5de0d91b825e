// Meetings people can attend (issue 15), through the routes: a Kent strategy discussion arranged
// with a day, times and a place, the police officer invited by name and the school nurse typed in;
// every error at once; the invited police officer sees the meeting in their list and on their
// home page, and opens it, but not the children's records; the pack's default chair preselected;
// moving and cancelling with a reason, by the arranger, the chair or a manager, never through a
// read grant or an invitation; the history, the chronology and the audit log; a stale form (409).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatDate } from '../../src/domain/london-time.ts';
import { insertTask } from '../../src/repositories/tasks.ts';
import * as childService from '../../src/services/child-service.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, screenKentHarmful } from '../helpers/cases.ts';
import { daysAhead, scheduleForm } from '../helpers/schedule.ts';
import { pageText } from '../helpers/text.ts';

const text = pageText;
const errorSummary = (html: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<a[^>]*>([\s\S]*?)<\/a>/g)].map(
    (match) => text(match[1]!).trim(),
  );
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

describe('meetings people can attend (issue 15)', () => {
  let t: TestApp;
  let manager: Client;
  let inc: Awaited<ReturnType<typeof screenKentHarmful>>;
  let policeId: string;
  let meetingId: string;
  const weekAhead = daysAhead(7);

  before(async () => {
    t = await startTestApp();
    inc = await screenKentHarmful(t.database.db, 'Toby');
    manager = await signedIn(t.app, 'kent', 'team-manager');
    policeId = (await demoActor(t.database.db, 'kent', 'police')).user.id;
  });
  after(async () => t.close());

  it('asks when and where, offers the authority’s people by name and partners without an account, and preselects the pack’s chair', async () => {
    const res = await manager.get(paths.meetings.arrange(inc.taskId));
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    for (const words of [
      'When and where',
      'Date of the meeting',
      'Start time',
      'End time',
      'Place',
      'Video link',
      'Invite people by name',
      'Invite partners without an account',
      'Name of person 1',
      'Role or organisation of person 1',
    ])
      assert.ok(page.includes(words), words);
    assert.match(res.body, new RegExp(`name="inviteUserIds" type="checkbox" value="${policeId}"`));
    assert.match(page, /Detective constable, Police/, 'the police officer by their job and agency');
    // Kent's strategy discussion is chaired by a team manager: the manager is preselected.
    const managerId = (await demoActor(t.database.db, 'kent', 'team-manager')).user.id;
    assert.match(res.body, new RegExp(`<option value="${managerId}" selected>`));
  });

  it('shows every error at once, in the order of the page, keeping what was typed', async () => {
    await manager.get(paths.meetings.arrange(inc.taskId));
    const res = await manager.post(paths.meetings.arrange(inc.taskId), {
      childIds: [],
      chairId: '',
      invite: ['police'],
      startTime: 'soon',
      endTime: '',
      place: '',
      videoLink: 'http://video.example/abc',
      'guestRole-1': 'School nurse',
      'guestEmail-2': 'nurse@',
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body), [
      'Select the children this meeting is about',
      'Select who will chair the meeting',
      'Enter the date of the meeting',
      'Enter the start time as a time, like 10:30am or 2pm',
      'Enter the end time',
      'The video link must start with https://',
      'Enter the name of person 1',
      'Enter the name of person 2',
      'Enter the role or organisation of person 2',
      'Enter an email address in the correct format, like name@example.com',
    ]);
    assert.match(res.body, /value="soon"/);
    assert.match(res.body, /value="School nurse"/);
    assert.match(res.body, /value="http:\/\/video.example\/abc"/);
    assert.match(res.body, /href="#meetsOn-day"/, 'the date’s error links to its day box');
  });

  it('refuses a day in the past', async () => {
    await manager.get(paths.meetings.arrange(inc.taskId));
    const res = await manager.post(paths.meetings.arrange(inc.taskId), {
      ...scheduleForm(daysAhead(-1)),
      childIds: [inc.childId, inc.targetedId],
      chairId: (await demoActor(t.database.db, 'kent', 'team-manager')).user.id,
      invite: ['police'],
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body), ['The meeting date must be today or in the future']);
  });

  it('arranges it with the police officer by name and the school nurse typed in, and shows when and where', async () => {
    const { db } = t.database;
    await manager.get(paths.meetings.arrange(inc.taskId));
    const made = await manager.post(paths.meetings.arrange(inc.taskId), {
      ...scheduleForm(weekAhead),
      videoLink: 'https://video.example/strategy',
      childIds: [inc.childId, inc.targetedId],
      chairId: (await demoActor(db, 'kent', 'team-manager')).user.id,
      invite: ['police'],
      inviteUserIds: [policeId],
      'guestName-1': 'Jo Fenwick',
      'guestRole-1': 'School nurse, Riverside Primary',
      'guestEmail-1': 'school.nurse@health.example',
    });
    assert.equal(made.statusCode, 303, text(made.body).slice(0, 400));
    meetingId = made.headers.location!.split('/').pop()!;
    const when = `10:30am to midday, ${formatDate(weekAhead)}`;
    const page = text((await manager.get(paths.meetings.show(meetingId))).body);
    assert.ok(page.includes(when), when);
    assert.match(page, /Room 2, Civic Centre, or by video/);
    assert.match(page, /Join by video/);
    assert.match(page, /Detective constable Kent police, Police \(has an account\)/);
    assert.match(page, /School nurse, Riverside Primary .*Jo Fenwick school\.nurse@health\.example/);
    assert.match(page, /Move the meeting/);
    assert.match(page, /Cancel the meeting/);
    // The list, the child's meetings and the chronology say when too.
    assert.ok(text((await manager.get(paths.meetings.mine())).body).includes(when));
    assert.ok(text((await manager.get(paths.children.meetings(inc.childId))).body).includes(when));
    assert.match(
      text((await manager.get(paths.children.chronology(inc.childId))).body),
      new RegExp(`arranged for ${when}, at Room 2, Civic Centre, or by video, chaired by`),
    );
    const event = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'meeting.arrange')
      .where('entity_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([event.details['meetsOn'], event.details['named'], event.details['partners']], [weekAhead, 1, 1]);
  });

  it('shows the invited police officer the meeting in their list and on their home page; they open it, not the children’s records', async () => {
    const police = await signedIn(t.app, 'kent', 'police');
    const when = `10:30am to midday, ${formatDate(weekAhead)}`;
    const list = text((await police.get(paths.meetings.mine())).body);
    assert.ok(list.includes(when), 'in their meetings');
    const home = text((await police.get(paths.homePage())).body);
    assert.ok(home.includes(`Meets ${when}`), 'on their home page');
    const page = await police.get(paths.meetings.show(meetingId));
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /Another child \(the child who harmed\)/, 'the children by their part only');
    assert.doesNotMatch(text(page.body), /Toby Alderbrook/);
    assert.doesNotMatch(page.body, new RegExp(paths.children.show(inc.childId)), 'no link to the record');
    assert.doesNotMatch(text(page.body), /Move the meeting|Cancel the meeting/);
    assert.equal((await police.get(paths.children.show(inc.childId))).statusCode, 404, 'the record stays closed');
    assert.equal(
      (await police.get(paths.meetings.reschedule(meetingId))).statusCode,
      403,
      'an invitee does not move it',
    );
    await police.get(paths.meetings.show(meetingId));
    const refused = await police.post(paths.meetings.cancel(meetingId), { version: '99', reason: 'Not going' });
    assert.equal(refused.statusCode, 403);
  });

  it('never lets a read grant move or cancel the meeting', async () => {
    const { db } = t.database;
    const yjs = await demoActor(db, 'kent', 'youth-justice');
    await childService.grantAccess(db, await demoActor(db, 'kent', 'team-manager'), inc.childId, {
      userId: yjs.user.id,
      reason: 'Advice on diversion',
      days: 7,
    });
    const reader = await signedIn(t.app, 'kent', 'youth-justice');
    const page = await reader.get(paths.meetings.show(meetingId));
    assert.equal(page.statusCode, 200, 'the grant gives sight of the meeting');
    assert.doesNotMatch(text(page.body), /Move the meeting|Cancel the meeting/);
    assert.equal((await reader.get(paths.meetings.reschedule(meetingId))).statusCode, 403);
    const version = versionOf((await manager.get(paths.meetings.reschedule(meetingId))).body);
    await reader.get(paths.meetings.show(meetingId));
    const moved = await reader.post(paths.meetings.reschedule(meetingId), {
      ...scheduleForm(daysAhead(8)),
      version,
      reason: 'Through a grant',
    });
    assert.equal(moved.statusCode, 403);
    const cancelled = await reader.post(paths.meetings.cancel(meetingId), { version, reason: 'Through a grant' });
    assert.equal(cancelled.statusCode, 403);
    const refusals = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', meetingId)
      .where('outcome', '=', 'refused')
      .execute();
    assert.ok(
      refusals.some((event) => event.action === 'meeting.cancel'),
      'the refusal is audited',
    );
  });

  it('moves it with a reason: the history, the chronology and the audit log say from what to what and why', async () => {
    const { db } = t.database;
    const form = await manager.get(paths.meetings.reschedule(meetingId));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="10:30am"/, 'the form starts from the current schedule');
    const empty = await manager.post(paths.meetings.reschedule(meetingId), {
      ...scheduleForm(weekAhead),
      videoLink: 'https://video.example/strategy',
      version: versionOf(form.body),
      reason: '',
    });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorSummary(empty.body), [
      'Change the date, the times or where the meeting is, to move it',
      'Enter why the meeting is being moved',
    ]);
    const newDay = daysAhead(9);
    const moved = await manager.post(paths.meetings.reschedule(meetingId), {
      ...scheduleForm(newDay, 'Room 5, Civic Centre'),
      startTime: '2pm',
      endTime: '3:30pm',
      version: versionOf(form.body),
      reason: 'The police officer is in court that day',
    });
    assert.equal(moved.statusCode, 303, text(moved.body).slice(0, 400));
    const when = `2pm to 3:30pm, ${formatDate(newDay)}`;
    const page = text((await manager.get(paths.meetings.show(meetingId))).body);
    assert.ok(page.includes(`${when}, Room 5, Civic Centre`));
    assert.match(page, /Changes to when and where/);
    assert.match(page, new RegExp(`Moved to ${when}, Room 5, Civic Centre The police officer is in court that day`));
    assert.match(
      text((await manager.get(paths.children.chronology(inc.childId))).body),
      new RegExp(
        `moved to ${when}, at Room 5, Civic Centre \\(it was 10:30am to midday, ${formatDate(weekAhead)}, at Room 2, Civic Centre, or by video\\)\\. Reason: The police officer is in court that day`,
      ),
    );
    const event = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'meeting.reschedule')
      .where('entity_id', '=', meetingId)
      .where('outcome', '=', 'ok')
      .executeTakeFirstOrThrow();
    assert.equal(event.details['meetsOn'], newDay);
    assert.equal(event.details['previous'], `10:30am to midday, ${formatDate(weekAhead)}`);
  });

  it('refuses a form opened before someone else’s change (409), keeping what was typed', async () => {
    const opened = versionOf((await manager.get(paths.meetings.reschedule(meetingId))).body);
    const first = await manager.post(paths.meetings.reschedule(meetingId), {
      ...scheduleForm(daysAhead(10)),
      version: opened,
      reason: 'The room is double-booked',
    });
    assert.equal(first.statusCode, 303);
    await manager.get(paths.meetings.reschedule(meetingId));
    const second = await manager.post(paths.meetings.reschedule(meetingId), {
      ...scheduleForm(daysAhead(11)),
      version: opened,
      reason: 'Typed in the other tab',
    });
    assert.equal(second.statusCode, 409);
    const page = text(second.body);
    assert.match(page, /This record was changed after you opened it\. Your changes have not been saved\./);
    assert.match(second.body, /Typed in the other tab/);
    assert.notEqual(versionOf(second.body), opened, 'offered again against the current version');
    await manager.get(paths.meetings.cancel(meetingId));
    const staleCancel = await manager.post(paths.meetings.cancel(meetingId), { version: opened, reason: 'Stale' });
    assert.equal(staleCancel.statusCode, 409);
    assert.match(text(staleCancel.body), /This record was changed after you opened it/);
  });

  it('cancels it with a reason: the tasks tied to it are no longer needed, the task it was for stays open', async () => {
    const { db } = t.database;
    const tied = await insertTask(db, {
      authorityId: 'kent',
      childId: inc.childId,
      incidentId: inc.incidentId,
      screeningId: null,
      meetingId,
      stepId: 'matrix-tied',
      title: 'Share the meeting’s papers',
      detail: '',
      kind: 'do',
      ownerRole: 'social_worker',
      assignedTo: null,
      dueOn: null,
      dueRule: 'No set timescale',
      clause: 'kent §8',
      requirementId: 'R-KEN-6',
    });
    const form = await manager.get(paths.meetings.cancel(meetingId));
    assert.equal(form.statusCode, 200);
    const noReason = await manager.post(paths.meetings.cancel(meetingId), {
      version: versionOf(form.body),
      reason: '',
    });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(errorSummary(noReason.body), ['Enter why the meeting is being cancelled']);
    const cancelled = await manager.post(paths.meetings.cancel(meetingId), {
      version: versionOf(form.body),
      reason: 'The family has moved out of the area',
    });
    assert.equal(cancelled.statusCode, 303);
    const page = text((await manager.get(paths.meetings.show(meetingId))).body);
    assert.match(page, /Cancelled/);
    assert.match(page, /The family has moved out of the area/);
    assert.doesNotMatch(page, /Move the meeting|Record the minutes/);
    const task = await db.selectFrom('tasks').select('status').where('id', '=', tied).executeTakeFirstOrThrow();
    assert.equal(task.status, 'superseded');
    const arrangedFor = await db
      .selectFrom('tasks')
      .select('status')
      .where('id', '=', inc.taskId)
      .executeTakeFirstOrThrow();
    assert.equal(arrangedFor.status, 'open');
    const taskPage = text((await manager.get(paths.tasks.show(inc.taskId))).body);
    assert.match(taskPage, /\(cancelled\)/);
    assert.match(taskPage, /Arrange the meeting/, 'another meeting can be arranged');
    assert.match(
      text((await manager.get(paths.children.chronology(inc.childId))).body),
      /cancelled\. Reason: The family has moved out of the area/,
    );
    const event = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'meeting.cancel')
      .where('entity_id', '=', meetingId)
      .where('outcome', '=', 'ok')
      .executeTakeFirstOrThrow();
    assert.equal(event.details['superseded'], 1);
    // Not moved once cancelled, and not on the police officer's home page any more.
    const again = await manager.get(paths.meetings.reschedule(meetingId));
    assert.equal(again.statusCode, 200);
    const refused = await manager.post(paths.meetings.reschedule(meetingId), {
      ...scheduleForm(daysAhead(12)),
      version: versionOf(again.body),
      reason: 'After all',
    });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(errorSummary(refused.body), ['The meeting has been cancelled, so it cannot be moved']);
    const police = await signedIn(t.app, 'kent', 'police');
    assert.doesNotMatch(text((await police.get(paths.homePage())).body), /Meets 10:30am|Meets 2pm/);
    assert.match(text((await police.get(paths.meetings.mine())).body), /Cancelled/);
  });
});
