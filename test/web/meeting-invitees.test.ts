// Who is invited, changed until the meeting is held (issue 15), through the routes: a Kent strategy
// discussion arranged with the police officer by name and the school nurse typed in. The manager
// who may move it sees "Invited" with Remove and Change; the invited police officer and a read
// grant see the meeting but change nobody. Removing the police officer needs a reason, and the
// meeting leaves their list and closes to them; inviting them again brings it back. A partner's
// details are corrected. Every error at once, nothing typed lost; the history, the chronology
// (naming no one) and the audit log; a stale form (409); nothing changes once the meeting is cancelled.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatDate } from '../../src/domain/london-time.ts';
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
/** The "Invited" section of the meeting page, in words. */
const invitedSection = (html: string) => text(/id="invited"[\s\S]*?Invite more people/.exec(html)?.[0] ?? '');

describe('who is invited to a meeting, changed until it is held (issue 15)', () => {
  let t: TestApp;
  let manager: Client;
  let police: Client;
  let inc: Awaited<ReturnType<typeof screenKentHarmful>>;
  let policeId: string;
  let policeName: string;
  let meetingId: string;
  const when = `10:30am to midday, ${formatDate(daysAhead(7))}`;

  /** The meeting's invitee row for this account, or this partner's name. */
  const inviteeRow = async (who: { userId?: string; name?: string }) => {
    let query = t.database.db
      .selectFrom('meeting_invitees')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('removed_at', 'is', null);
    if (who.userId) query = query.where('user_id', '=', who.userId);
    if (who.name) query = query.where('name', '=', who.name);
    return (await query.executeTakeFirstOrThrow()).id;
  };

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    inc = await screenKentHarmful(db, 'Toby');
    manager = await signedIn(t.app, 'kent', 'team-manager');
    police = await signedIn(t.app, 'kent', 'police');
    const officer = await demoActor(db, 'kent', 'police');
    policeId = officer.user.id;
    policeName = officer.user.displayName;
    await manager.get(paths.meetings.arrange(inc.taskId));
    const made = await manager.post(paths.meetings.arrange(inc.taskId), {
      ...scheduleForm(daysAhead(7)),
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
  });
  after(async () => t.close());

  it('lists those invited by name for the manager, with Remove for each and Change for the partner typed in', async () => {
    const res = await manager.get(paths.meetings.show(meetingId));
    const invited = invitedSection(res.body);
    assert.match(invited, new RegExp(`${policeName} Detective constable, Police \\(has an account\\)`));
    assert.match(invited, /Jo Fenwick School nurse, Riverside Primary school\.nurse@health\.example/);
    assert.match(invited, /Remove Jo Fenwick from the meeting/);
    assert.match(invited, new RegExp(`Remove ${policeName} from the meeting`));
    assert.match(invited, /Change the details of Jo Fenwick/);
    assert.doesNotMatch(invited, new RegExp(`Change the details of ${policeName}`), 'an account’s details are theirs');
    assert.match(res.body, new RegExp(`href="${paths.meetings.invite(meetingId)}"`));
  });

  it('lets the invited police officer and a read grant see the meeting, never change who is invited', async () => {
    const { db } = t.database;
    const page = await police.get(paths.meetings.show(meetingId));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /id="invited"|Invite more people/);
    assert.equal((await police.get(paths.meetings.invite(meetingId))).statusCode, 403);
    const nurse = await inviteeRow({ name: 'Jo Fenwick' });
    assert.equal((await police.get(paths.meetings.removeInvitee(meetingId, nurse))).statusCode, 403);
    const version = versionOf((await manager.get(paths.meetings.invite(meetingId))).body);
    await police.get(paths.meetings.show(meetingId));
    const refused = await police.post(paths.meetings.removeInvitee(meetingId, nurse), {
      version,
      reason: 'Not needed',
    });
    assert.equal(refused.statusCode, 403);
    await childService.grantAccess(db, await demoActor(db, 'kent', 'team-manager'), inc.childId, {
      userId: (await demoActor(db, 'kent', 'youth-justice')).user.id,
      reason: 'Advice on diversion',
      days: 7,
    });
    const reader = await signedIn(t.app, 'kent', 'youth-justice');
    const seen = await reader.get(paths.meetings.show(meetingId));
    assert.equal(seen.statusCode, 200, 'the grant gives sight of the meeting');
    assert.doesNotMatch(seen.body, /Invite more people/);
    assert.equal((await reader.get(paths.meetings.invite(meetingId))).statusCode, 403);
    const added = await reader.post(paths.meetings.invite(meetingId), { version, 'guestName-1': 'Through a grant' });
    assert.equal(added.statusCode, 403);
    const stillThere = await db
      .selectFrom('meeting_invitees')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('removed_at', 'is', null)
      .execute();
    assert.equal(stillThere.length, 4, 'the chair, the police role, the officer and the nurse');
  });

  it('asks for someone to invite, and shows every problem with the partners at once, keeping what was typed', async () => {
    const form = await manager.get(paths.meetings.invite(meetingId));
    assert.equal(form.statusCode, 200);
    assert.doesNotMatch(form.body, new RegExp(`value="${policeId}"`), 'the officer is invited already');
    assert.match(text(form.body), /Invite people by name/);
    const version = versionOf(form.body);
    const nothing = await manager.post(paths.meetings.invite(meetingId), { version });
    assert.equal(nothing.statusCode, 400);
    assert.deepEqual(errorSummary(nothing.body), [
      'Select the people to invite, or enter the name and role of a partner',
    ]);
    const wrong = await manager.post(paths.meetings.invite(meetingId), {
      version,
      'guestName-1': 'Sam Okafor',
      'guestEmail-1': 'sam@',
      'guestRole-2': 'Early help worker',
    });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(errorSummary(wrong.body), [
      'Enter the role or organisation of person 1',
      'Enter an email address in the correct format, like name@example.com',
      'Enter the name of person 2',
    ]);
    assert.match(wrong.body, /value="Sam Okafor"/);
    assert.match(wrong.body, /value="sam@"/);
    assert.match(wrong.body, /value="Early help worker"/);
    assert.match(wrong.body, /id="guestRole-1-error"/, 'the error is next to its field');
  });

  it('removes the police officer with a reason: the meeting leaves their list and closes to them; the history keeps it', async () => {
    const { db } = t.database;
    assert.ok(text((await police.get(paths.meetings.mine())).body).includes(when), 'in their list while invited');
    const officer = await inviteeRow({ userId: policeId });
    const form = await manager.get(paths.meetings.removeInvitee(meetingId, officer));
    assert.equal(form.statusCode, 200);
    assert.match(text(form.body), new RegExp(`Remove ${policeName} from the meeting`));
    const empty = await manager.post(paths.meetings.removeInvitee(meetingId, officer), {
      version: versionOf(form.body),
      reason: ' ',
    });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorSummary(empty.body), ['Enter why they are no longer invited']);
    assert.match(empty.body, /id="reason-error"/);
    const removed = await manager.post(paths.meetings.removeInvitee(meetingId, officer), {
      version: versionOf(form.body),
      reason: 'Another officer from the team is coming instead',
    });
    assert.equal(removed.statusCode, 303, text(removed.body).slice(0, 400));
    const page = await manager.get(paths.meetings.show(meetingId));
    assert.match(text(page.body), new RegExp(`${policeName} no longer invited`), 'the confirmation');
    assert.doesNotMatch(invitedSection(page.body), new RegExp(policeName));
    assert.match(
      text(page.body),
      new RegExp(
        `Changes to who is invited .*No longer invited: ${policeName}, Detective constable, Police Another officer from the team is coming instead`,
      ),
    );
    // Kept, not deleted.
    const row = await db
      .selectFrom('meeting_invitees')
      .select(['removed_at', 'remove_reason'])
      .where('id', '=', officer)
      .executeTakeFirstOrThrow();
    assert.ok(row.removed_at);
    assert.equal(row.remove_reason, 'Another officer from the team is coming instead');
    // Their only basis to see it was the invitation: it leaves their list, home page and closes to them.
    assert.doesNotMatch(text((await police.get(paths.meetings.mine())).body), new RegExp(when));
    assert.doesNotMatch(text((await police.get(paths.homePage())).body), new RegExp(`Meets ${when}`));
    assert.equal((await police.get(paths.meetings.show(meetingId))).statusCode, 404);
    // Each child's chronology says someone was removed, naming no one.
    const chronology = text((await manager.get(paths.children.chronology(inc.childId))).body);
    assert.match(chronology, /Strategy discussion: one person is no longer invited\./);
    assert.doesNotMatch(chronology, new RegExp(`${policeName}|Another officer from the team`));
    const event = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'meeting.invite')
      .where('entity_id', '=', meetingId)
      .where('outcome', '=', 'ok')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.details, { change: 'removed', withAccount: true, userId: policeId });
    // The auditor reads it in words, with no identifier.
    const auditor = await signedIn(t.app, 'kent', 'auditor');
    const log = text((await auditor.get(`${paths.audit()}?action=meeting.invite`)).body);
    assert.match(log, /Changed who is invited to /);
    assert.match(log, new RegExp(`Change: Removed Colleague: ${policeName} Has an account: Yes`));
    assert.doesNotMatch(log, new RegExp(policeId));
  });

  it('invites the police officer again by name, with a partner: the meeting is back in their list', async () => {
    const form = await manager.get(paths.meetings.invite(meetingId));
    assert.match(form.body, new RegExp(`name="inviteUserIds" type="checkbox" value="${policeId}"`));
    const res = await manager.post(paths.meetings.invite(meetingId), {
      version: versionOf(form.body),
      inviteUserIds: [policeId],
      'guestName-1': 'Sam Okafor',
      'guestRole-1': 'Early help worker',
    });
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 400));
    const page = await manager.get(paths.meetings.show(meetingId));
    assert.match(text(page.body), /2 more people invited/);
    const invited = invitedSection(page.body);
    assert.match(invited, new RegExp(`${policeName} Detective constable, Police \\(has an account\\)`));
    assert.match(invited, /Sam Okafor Early help worker/);
    assert.match(text(page.body), new RegExp(`Invited: ${policeName}, Detective constable, Police`));
    assert.match(text(page.body), /Invited: Sam Okafor, Early help worker/);
    assert.ok(text((await police.get(paths.meetings.mine())).body).includes(when), 'back in their list');
    assert.equal((await police.get(paths.meetings.show(meetingId))).statusCode, 200);
    assert.match(
      text((await manager.get(paths.children.chronology(inc.childId))).body),
      /Strategy discussion: 2 more people invited\./,
    );
  });

  it('corrects a partner’s details, every problem at once, and keeps what they were', async () => {
    const nurse = await inviteeRow({ name: 'Jo Fenwick' });
    const form = await manager.get(paths.meetings.editInvitee(meetingId, nurse));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Jo Fenwick"/);
    const version = versionOf(form.body);
    const unchanged = await manager.post(paths.meetings.editInvitee(meetingId, nurse), {
      version,
      name: 'Jo Fenwick',
      role: 'School nurse, Riverside Primary',
      agency: '',
      email: 'school.nurse@health.example',
    });
    assert.equal(unchanged.statusCode, 400);
    assert.deepEqual(errorSummary(unchanged.body), [
      'Change their name, role, agency or email address, to save the change',
    ]);
    const wrong = await manager.post(paths.meetings.editInvitee(meetingId, nurse), {
      version,
      name: '',
      role: '',
      agency: 'Community health',
      email: 'nurse at health',
    });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(errorSummary(wrong.body), [
      'Enter their name',
      'Enter their role or organisation',
      'Enter an email address in the correct format, like name@example.com',
    ]);
    assert.match(wrong.body, /value="Community health"/);
    assert.match(wrong.body, /value="nurse at health"/);
    const saved = await manager.post(paths.meetings.editInvitee(meetingId, nurse), {
      version,
      name: 'Jo Fenwick',
      role: 'School nurse',
      agency: 'Community health',
      email: 'jo.fenwick@health.example',
    });
    assert.equal(saved.statusCode, 303, text(saved.body).slice(0, 400));
    const page = text((await manager.get(paths.meetings.show(meetingId))).body);
    assert.match(page, /Jo Fenwick’s details changed/);
    assert.match(
      page,
      /Details corrected to: Jo Fenwick, School nurse, Community health, jo\.fenwick@health\.example \(they were: Jo Fenwick, School nurse, Riverside Primary, school\.nurse@health\.example\)/,
    );
    // An account's details are not edited here.
    const officer = await inviteeRow({ userId: policeId });
    assert.equal((await manager.get(paths.meetings.editInvitee(meetingId, officer))).statusCode, 404);
  });

  it('refuses a form opened before someone else’s change (409), keeping the reason typed', async () => {
    const sam = await inviteeRow({ name: 'Sam Okafor' });
    const opened = versionOf((await manager.get(paths.meetings.removeInvitee(meetingId, sam))).body);
    const moved = await manager.post(paths.meetings.reschedule(meetingId), {
      ...scheduleForm(daysAhead(8)),
      version: opened,
      reason: 'The room is double-booked',
    });
    assert.equal(moved.statusCode, 303);
    await manager.get(paths.meetings.removeInvitee(meetingId, sam));
    const stale = await manager.post(paths.meetings.removeInvitee(meetingId, sam), {
      version: opened,
      reason: 'Typed in the other tab',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(text(stale.body), /This record was changed after you opened it\. Your changes have not been saved\./);
    assert.match(stale.body, /Typed in the other tab/);
    assert.notEqual(versionOf(stale.body), opened, 'offered again against the current version');
    assert.match(
      invitedSection((await manager.get(paths.meetings.show(meetingId))).body),
      /Sam Okafor/,
      'still invited',
    );
  });

  it('changes no one once the meeting is cancelled', async () => {
    const form = await manager.get(paths.meetings.cancel(meetingId));
    const cancelled = await manager.post(paths.meetings.cancel(meetingId), {
      version: versionOf(form.body),
      reason: 'The family has moved out of the area',
    });
    assert.equal(cancelled.statusCode, 303);
    assert.doesNotMatch((await manager.get(paths.meetings.show(meetingId))).body, /id="invited"|Invite more people/);
    const again = await manager.get(paths.meetings.invite(meetingId));
    assert.equal(again.statusCode, 200);
    const refused = await manager.post(paths.meetings.invite(meetingId), {
      version: versionOf(again.body),
      'guestName-1': 'Late addition',
      'guestRole-1': 'Housing officer',
    });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(errorSummary(refused.body), [
      'The meeting has been cancelled, so who is invited cannot be changed',
    ]);
    assert.match(refused.body, /value="Late addition"/);
  });
});
