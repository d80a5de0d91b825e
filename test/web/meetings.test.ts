// Meetings through the routes: a Kent strategy discussion for a 9-year-old (the under-10 police
// question, R-KEN-6), the proposed invitees and agenda, the immediate safety plan for both
// children before closing, separate outcomes setting the next tasks with working-day deadlines
// (R-KEN-7), minutes approved by the chair and circulated (R-KEN-13), the Youth Justice
// invite-or-inform rule at the conference (R-KEN-8), and the cross-authority chair rule (R-KEN-6).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { londonToday } from '../../src/domain/age.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import * as screeningService from '../../src/services/screening-service.ts';
import { demoActor, demoIncident, screenKentHarmful } from '../helpers/cases.ts';
import { scheduleForm } from '../helpers/schedule.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

const userId = async (t: TestApp, email: string) =>
  (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const meetingVersion = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

async function arrange(manager: Client, taskId: string, form: Record<string, string | string[]>) {
  const page = await manager.get(paths.meetings.arrange(taskId));
  assert.equal(page.statusCode, 200);
  return manager.post(paths.meetings.arrange(taskId), form);
}

describe('meetings', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('holds a Kent strategy discussion for a child under 10: invitees, police question, safety plans, separate outcomes, approval, circulation (R-KEN-6, R-KEN-7, R-KEN-13)', async () => {
    const { db } = t.database;
    const inc = await screenKentHarmful(t.database.db, 'Toby');
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const task = text((await manager.get(paths.tasks.show(inc.taskId))).body);
    assert.match(task, /Arrange the meeting/);

    const form = text((await manager.get(paths.meetings.arrange(inc.taskId))).body);
    // Kent's twelve roles, by role and by the facts (R-KEN-6).
    for (const role of [
      'Social worker for the child who harmed',
      'Social worker for the child harmed',
      'The social workers’ first line managers',
      'Police',
      'Youth Justice representative',
      'NELFT Complex Pathway Lead',
      'Early Help representative',
      'Education representative',
      'School nurse or other health staff',
      'Fostering or residential care',
      'Area Education Safeguarding Advisor',
      'Other professionals significantly involved',
    ]) {
      assert.ok(form.includes(role), `invitee ${role}`);
    }
    assert.match(form, /Proposed: other children in the setting are at risk/);
    assert.match(form, /Not proposed: it is not recorded that the child is already an open case/);
    assert.match(
      form,
      /under 10, below the age of criminal responsibility: the meeting must decide whether police involvement in the enquiry is needed \(Kent procedure, section 8\)/,
    );
    assert.match(form, /What are the concerns and risks\? Who is at risk\? How imminent is the risk\?/);
    assert.match(form, /The likelihood|Whether criminal proceedings are likely and desirable/);
    const managerId = await userId(t, 'team-manager@kent.example');
    const html = (await manager.get(paths.meetings.arrange(inc.taskId))).body;
    const checkedInvites = [...html.matchAll(/name="invite" type="checkbox" value="([a-z-]+)" checked/g)].map(
      (m) => m[1]!,
    );
    assert.ok(checkedInvites.includes('education') && !checkedInvites.includes('early-help'), 'pre-ticked as proposed');

    const noChair = await manager.post(paths.meetings.arrange(inc.taskId), {
      ...scheduleForm(),
      childIds: [inc.childId, inc.targetedId],
      chairId: '',
      invite: checkedInvites,
      [`responsible-${inc.childId}`]: 'kent',
      [`responsible-${inc.targetedId}`]: 'kent',
    });
    assert.equal(noChair.statusCode, 400);
    assert.match(text(noChair.body), /Select who will chair the meeting/);
    assert.match(noChair.body, /value="education" checked/, 'nothing typed is lost');
    const made = await manager.post(paths.meetings.arrange(inc.taskId), {
      ...scheduleForm(),
      childIds: [inc.childId, inc.targetedId],
      chairId: managerId,
      invite: checkedInvites,
      [`responsible-${inc.childId}`]: 'kent',
      [`responsible-${inc.targetedId}`]: 'kent',
    });
    assert.equal(made.statusCode, 303);
    const meetingId = made.headers.location!.split('/').pop()!;
    const version = async (id: string) =>
      String(
        (await db.selectFrom('meetings').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
      );

    let page = text((await manager.get(paths.meetings.show(meetingId))).body);
    assert.match(page, /The meeting cannot be closed yet/);
    assert.match(
      page,
      /Record whether police involvement in the enquiry is needed \(the child who harmed is under 10\)/,
    );
    assert.match(page, /Record the immediate safety plan for Toby Alderbrook/);
    assert.match(page, /Record the immediate safety plan for Isla Rowanford/);
    assert.equal(
      (await manager.post(paths.meetings.close(meetingId), { version: await version(meetingId) })).statusCode,
      400,
      'cannot close yet',
    );

    // Minutes: the police question must be answered; what was typed is kept.
    const minutesPage = (await manager.get(paths.meetings.minutes(meetingId))).body;
    const invitees = await db
      .selectFrom('meeting_invitees')
      .select(['id', 'invitee_id'])
      .where('meeting_id', '=', meetingId)
      .execute();
    const today = londonToday();
    const [y, m, d] = today.split('-');
    const minutes: Record<string, string> = {
      version: meetingVersion(minutesPage),
      'heldOn-day': String(Number(d)),
      'heldOn-month': String(Number(m)),
      'heldOn-year': y!,
      'note-0': 'Toby is at school with Isla; risk during unstructured times.',
      [`safetyPlan-${inc.childId}`]: 'Toby supervised at lunch and break; no contact with Isla.',
      [`safetyPlan-${inc.targetedId}`]: 'Isla has a named adult at school and a safe space.',
    };
    for (const i of invitees) minutes[`attended-${i.id}`] = i.invitee_id === 'aesa' ? 'no' : 'yes';
    minutes[`name-${invitees.find((i) => i.invitee_id === 'police')!.id}`] = 'DC Example';
    minutes[`agency-${invitees.find((i) => i.invitee_id === 'police')!.id}`] = 'Kent Police';
    const aesa = invitees.find((i) => i.invitee_id === 'aesa')!.id;
    const missing = await manager.post(paths.meetings.minutes(meetingId), {
      ...minutes,
      [`name-${aesa}`]: 'x'.repeat(201),
    });
    assert.equal(missing.statusCode, 400);
    assert.match(text(missing.body), /Name must be 200 characters or fewer/);
    assert.match(missing.body, new RegExp(`href="#name-${aesa}"`));
    assert.match(text(missing.body), /Select whether police involvement in the enquiry is needed/);
    assert.match(missing.body, /no contact with Isla/);
    const saved = await manager.post(paths.meetings.minutes(meetingId), {
      ...minutes,
      policeInvolvement: 'needed',
      policeInvolvementReason: 'The behaviour may stem from exposure to adult material at home.',
    });
    assert.equal(saved.statusCode, 303);

    // Separate outcomes for each child (R-KEN-7).
    const outcomeToby = paths.meetings.outcome(meetingId, inc.childId);
    await manager.get(outcomeToby);
    const badOutcome = await manager.post(outcomeToby, { outcome: 'section-47', rationale: '' });
    assert.equal(badOutcome.statusCode, 400);
    for (const msg of [
      'Select whether the enquiry is single or joint with the police',
      'Enter the reasons for the decision',
      'Select yes if the child who harmed may also have been harmed',
    ])
      assert.match(text(badOutcome.body), new RegExp(msg));
    assert.equal(
      (
        await manager.post(outcomeToby, {
          outcome: 'section-47',
          investigation: 'joint',
          alsoHarmed: 'yes',
          rationale: 'Significant harm to Isla; Toby may himself have been harmed.',
        })
      ).statusCode,
      303,
    );
    await manager.get(paths.meetings.outcome(meetingId, inc.targetedId));
    assert.equal(
      (
        await manager.post(paths.meetings.outcome(meetingId, inc.targetedId), {
          outcome: 'child-protection-conference',
          rationale: 'Isla is likely to suffer significant harm.',
        })
      ).statusCode,
      303,
    );

    const calendar = new WorkingDayCalendar();
    const tobyTasks = await db
      .selectFrom('tasks')
      .select(['title', 'due_on', 'kind', 'arranges'])
      .where('meeting_id', '=', meetingId)
      .where('child_id', '=', inc.childId)
      .execute();
    assert.deepEqual(tobyTasks.map((x) => x.title).sort(), [
      'Carry out the Section 47 enquiry',
      'Consider a child protection conference for the child who harmed',
    ]);
    const islaTasks = await db
      .selectFrom('tasks')
      .select(['id', 'title', 'due_on', 'arranges'])
      .where('meeting_id', '=', meetingId)
      .where('child_id', '=', inc.targetedId)
      .execute();
    assert.equal(islaTasks.length, 1);
    assert.equal(islaTasks[0]!.title, 'Hold an initial child protection conference');
    assert.equal(
      islaTasks[0]!.due_on,
      calendar.addWorkingDays(today, 15),
      '15 working days from the strategy discussion',
    );
    assert.equal(islaTasks[0]!.arranges, 'child-protection-conference');

    // The chair approves, the minutes are circulated, the chair closes.
    page = text((await manager.get(paths.meetings.show(meetingId))).body);
    assert.match(page, /The chair must approve the minutes/);
    const police = invitees.find((i) => i.invitee_id === 'police')!.id;
    assert.equal(
      (await manager.post(paths.meetings.circulate(meetingId), { inviteeIds: [police] })).statusCode,
      400,
      'not before approval',
    );
    const sw = await signedIn(t.app, 'kent', 'social-worker');
    assert.equal(
      (
        await sw.post(
          paths.meetings.approve(meetingId),
          { version: await version(meetingId) },
          { tokenFrom: paths.cases() },
        )
      ).statusCode,
      403,
      'only the chair approves the minutes',
    );
    await manager.get(paths.meetings.show(meetingId));
    assert.equal(
      (await manager.post(paths.meetings.approve(meetingId), { version: await version(meetingId) })).statusCode,
      303,
    );
    await manager.get(paths.meetings.show(meetingId));
    assert.equal((await manager.post(paths.meetings.circulate(meetingId), { inviteeIds: [police] })).statusCode, 303);
    page = text((await manager.get(paths.meetings.show(meetingId))).body);
    assert.match(page, /DC Example, Kent Police Invited Yes \d{1,2} \w+ \d{4} at .* by Kent team manager/);
    assert.equal(
      (await manager.post(paths.meetings.minutes(meetingId), { ...minutes, version: '99' })).statusCode,
      400,
      'approved minutes cannot change',
    );
    const closed = await manager.post(paths.meetings.close(meetingId), { version: await version(meetingId) });
    assert.equal(closed.statusCode, 303);
    const strategyTask = await db
      .selectFrom('tasks')
      .select('status')
      .where('id', '=', inc.taskId)
      .executeTakeFirstOrThrow();
    assert.equal(strategyTask.status, 'done', 'the routing task is done once the meeting is closed');

    // Each child's immediate safety plan from the minutes is now a plan on their own record, for the
    // next steps to complete, agree and review (R-KEN-6, issue 14).
    for (const [childId, said, matter] of [
      [
        inc.childId,
        'Toby supervised at lunch and break; no contact with Isla.',
        'How the child who harmed will be kept safe',
      ],
      [inc.targetedId, 'Isla has a named adult at school and a safe space.', 'How the child harmed will be kept safe'],
    ] as const) {
      const plans = text((await manager.get(paths.children.plans(childId))).body);
      assert.match(plans, /Immediate safety plan .*Draft/);
      const planId = (
        await db.selectFrom('plans').select('id').where('child_id', '=', childId).executeTakeFirstOrThrow()
      ).id;
      const plan = text((await manager.get(paths.plans.show(planId))).body);
      assert.ok(plan.includes(`${matter} ${said}`), plan.slice(0, 2000));
      assert.match(plan, /Before it can be agreed/);
    }
    const started = await db.selectFrom('audit_events').select('details').where('action', '=', 'plan.create').execute();
    assert.ok(started.length >= 2, 'each plan started from the minutes is audited');

    // The record prints and downloads as an accessible document.
    const exported = await manager.get(paths.meetings.export(meetingId));
    assert.match(
      String(exported.headers['content-disposition']),
      /^attachment; filename="strategy-discussion-\d{4}-\d{2}-\d{2}\.html"$/,
    );
    assert.match(exported.body, /<html lang="en-GB">/);
    assert.match(exported.body, /<th scope="col"/);
    assert.match(exported.body, /no contact with Isla/);
    assert.match(
      text((await manager.get(paths.meetings.print(meetingId))).body),
      /Police involvement in the enquiry is needed/,
    );

    // Conference for Isla: Youth Justice informed, not invited, as Toby is under 10 (R-KEN-8).
    const conference = text((await manager.get(paths.meetings.arrange(islaTasks[0]!.id))).body);
    assert.match(conference, /Youth Justice representative \(to be informed, not invited\)/);
    assert.match(conference, /Informed, not invited: the child who harmed is aged under 10/);
    assert.match(conference, /Not proposed: it is not recorded that an AIM assessment has been requested/);

    const chronologyPage = (await manager.get(paths.children.chronology(inc.targetedId))).body;
    const chronology = text(chronologyPage);
    assert.match(chronology, /Strategy discussion: outcome for this child, Initial child protection conference/);
    // Issue 11 defect 10: meeting and referral entries link to the meeting and referral themselves.
    assert.match(
      chronologyPage,
      new RegExp(`<a class="govuk-link" href="${paths.meetings.show(meetingId)}">View the meeting`),
    );
    const toby = (await manager.get(paths.children.chronology(inc.childId))).body;
    for (const m of toby.matchAll(
      /<h3 class="moj-timeline__title">(Meeting|Referral)<\/h3>[\s\S]*?<div class="moj-timeline__description">([\s\S]*?)<\/div>/g,
    )) {
      assert.doesNotMatch(m[2]!, /View the incident/, `a ${m[1]} entry links to its own record`);
      assert.match(
        m[2]!,
        m[1] === 'Meeting'
          ? /href="\/meetings\/[0-9a-f-]{36}">View the meeting/
          : /href="\/referrals\/[0-9a-f-]{36}">View the referral/,
      );
    }
    assert.match(toby, /View the meeting/);
    const actions = (
      await db.selectFrom('audit_events').select('action').where('entity_id', '=', meetingId).execute()
    ).map((a) => a.action);
    for (const a of [
      'meeting.arrange',
      'meeting.view',
      'meeting.record',
      'meeting.outcome',
      'meeting.approve',
      'meeting.circulate',
      'meeting.close',
      'meeting.export',
      'meeting.print',
    ])
      assert.ok(actions.includes(a), a);
  });

  it('has the child harmed’s authority chair when the children belong to different authorities; each sees only its own child’s record (R-KEN-6)', async () => {
    const { db } = t.database;
    const inc = await screenKentHarmful(t.database.db, 'Ellis');
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const kentManager = await userId(t, 'team-manager@kent.example');
    const islingtonManager = await userId(t, 'team-manager@islington.example');
    const base = {
      ...scheduleForm(),
      childIds: [inc.childId, inc.targetedId],
      invite: ['police'],
      [`responsible-${inc.childId}`]: 'kent',
      [`responsible-${inc.targetedId}`]: 'islington',
    };
    const wrong = await arrange(manager, inc.taskId, { ...base, chairId: kentManager });
    assert.equal(wrong.statusCode, 400);
    assert.match(
      text(wrong.body),
      /Select a chair from Islington Council: the authority where the child harmed lives chairs \(Kent procedure, section 8\)/,
    );
    const made = await manager.post(paths.meetings.arrange(inc.taskId), { ...base, chairId: islingtonManager });
    assert.equal(made.statusCode, 303);
    const meetingId = made.headers.location!.split('/').pop()!;
    const page = text((await manager.get(paths.meetings.show(meetingId))).body);
    assert.match(page, /each must be represented, and Islington Council, where the child harmed lives, chairs/);
    assert.match(page, /Representative of Islington Council/);
    assert.match(page, /Record that the representative of Islington Council attended/);

    // Islington's chair and coordinator see the shared meeting, not Kent's children's records.
    const chair = await signedIn(t.app, 'islington', 'team-manager');
    assert.equal((await chair.get(paths.meetings.show(meetingId))).statusCode, 200);
    assert.equal((await chair.get(paths.children.show(inc.targetedId))).statusCode, 404);
    const coordinator = await signedIn(t.app, 'islington', 'cse-coordinator');
    assert.match(text((await coordinator.get(paths.meetings.mine())).body), /Strategy discussion/);
    const shown = (await coordinator.get(paths.meetings.show(meetingId))).body;
    assert.doesNotMatch(shown, new RegExp(`href="/children/${inc.targetedId}"`), 'no link to a record it cannot open');
    const islingtonDsl = await signedIn(t.app, 'islington', 'dsl');
    assert.match(
      text((await islingtonDsl.get(paths.meetings.mine())).body),
      /You have no meetings/,
      'only managers and coordinators represent their authority',
    );
    assert.equal((await islingtonDsl.get(paths.meetings.show(meetingId))).statusCode, 404);
    // Another authority not involved sees nothing.
    const other = await signedIn(t.app, 'thurrock', 'team-manager');
    assert.equal((await other.get(paths.meetings.show(meetingId))).statusCode, 404);
    const refused = await db
      .selectFrom('audit_events')
      .select('outcome')
      .where('action', '=', 'meeting.view')
      .where('entity_id', '=', meetingId)
      .where('outcome', '=', 'refused')
      .execute();
    assert.equal(refused.length, 2);
  });

  it('holds separate meetings for each child when chosen, and offers no child twice (R-KEN-6)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'islington', 'Toby');
    const dsl = await demoActor(db, 'islington', 'dsl');
    const sid = await screeningService.recordAnswers(db, dsl, inc.incidentId, inc.childId, {
      toolId: 'islington-categories',
      answers: { items: ['c2-coercion'] },
      facts: { significant_harm: true, immediate_risk: false, complex: true, open_case: false, cse_linked: false },
    });
    await screeningService.decide(db, dsl, sid, { levelId: 'category-2', rationale: 'Coercion.' });
    const task = await db
      .selectFrom('tasks')
      .select(['id', 'due_on'])
      .where('incident_id', '=', inc.incidentId)
      .where('arranges', '=', 'hsb-strategy-meeting')
      .executeTakeFirstOrThrow();
    assert.equal(
      task.due_on,
      new WorkingDayCalendar().addWorkingDays(londonToday(), 5),
      'at most 5 working days when complex (R-ISL-5)',
    );
    const manager = await signedIn(t.app, 'islington', 'team-manager');
    const chair = await userId(t, 'cse-coordinator@islington.example');
    const first = await arrange(manager, task.id, {
      ...scheduleForm(),
      childIds: [inc.childId],
      chairId: chair,
      invite: ['police'],
    });
    assert.equal(first.statusCode, 303);
    const taskPage = text((await manager.get(paths.tasks.show(task.id))).body);
    assert.match(taskPage, /See the hsb strategy meeting arranged for this task/);
    assert.match(taskPage, /Arrange a separate meeting for the other children/);
    const form = text((await manager.get(paths.meetings.arrange(task.id))).body);
    assert.doesNotMatch(form, /Toby Alderbrook \(child who harmed\)/);
    const second = await manager.post(paths.meetings.arrange(task.id), {
      ...scheduleForm(),
      childIds: [inc.targetedId],
      chairId: chair,
      invite: ['police'],
    });
    assert.equal(second.statusCode, 303);
    assert.doesNotMatch(text((await manager.get(paths.tasks.show(task.id))).body), /Arrange a separate meeting/);
    await manager.get(paths.tasks.show(task.id));
    const third = await manager.post(
      paths.meetings.arrange(task.id),
      { ...scheduleForm(), childIds: [inc.childId], chairId: chair, invite: [] },
      { tokenFrom: paths.tasks.show(task.id) },
    );
    assert.equal(third.statusCode, 400);
    assert.match(text(third.body), /Every child already has a meeting arranged for this task/);
  });

  it('records police, prosecution and triage decisions with the Youth Justice recommendation (R-KEN-9, R-NEL-7)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'north-east-lincolnshire', 'Ellis');
    const yj = await signedIn(t.app, 'north-east-lincolnshire', 'team-manager');
    await yj.get(paths.children.newExternalDecision(inc.childId));
    const bad = await yj.post(paths.children.externalDecisions(inc.childId), {
      decision: 'police:charge',
      'decidedOn-day': '31',
      'decidedOn-month': '2',
      'decidedOn-year': '2026',
      youthJusticeRecommendation: 'Diversion with AIM-informed work',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(
      text(bad.body),
      /Select the decision, under the agency that made it/,
      'the police do not charge here: no such decision',
    );
    assert.match(text(bad.body), /Date of the decision must be a real date/);
    assert.match(bad.body, /Diversion with AIM-informed work/);
    const ok = await yj.post(paths.children.externalDecisions(inc.childId), {
      decision: 'out_of_court_triage:diversion',
      'decidedOn-day': '2',
      'decidedOn-month': '11',
      'decidedOn-year': '2026',
      youthJusticeRecommendation: 'Diversion with AIM-informed work',
    });
    assert.equal(ok.statusCode, 303);
    const list = text((await yj.get(paths.children.meetings(inc.childId))).body);
    assert.match(
      list,
      /2 November 2026 Out of Court Triage Diversion \(Youth Justice Service\) Diversion with AIM-informed work/,
    );
    assert.match(
      text((await yj.get(paths.children.chronology(inc.childId))).body),
      /Out of Court Triage decision on 2 November 2026: Diversion \(Youth Justice Service\)/,
    );
  });
});
