// Kent's AIM review meeting (kent §15, R-KEN-13): convened once the AIM assessment is completed;
// the parents or carers and the child invited, and left out only in exceptional circumstances
// with the reasons minuted; the Independent Reviewing Officer for a looked-after child; the
// meeting shares the draft safety and intervention plan and cannot close until its final version
// is agreed, every one of the fifteen matters addressed or the reason given.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertAssessment } from '../../src/repositories/assessments.ts';
import * as assessmentService from '../../src/services/assessment-service.ts';
import { paths } from '../../src/web/paths.ts';
import { getPack } from '../../src/procedures/index.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';
import { scheduleForm } from '../helpers/schedule.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');
const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

describe('the AIM review meeting (kent §15, R-KEN-13)', () => {
  let t: TestApp;
  let worker: Client;
  let manager: Client;
  let childId: string;
  let taskId: string;
  let meetingId: string;
  const safety = getPack('kent')!.plans.find((kind) => kind.id === 'safety-intervention')!;

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    const inc = await demoIncident(db, 'kent', 'Ellis');
    childId = inc.childId;
    worker = await signedIn(t.app, 'kent', 'social-worker');
    manager = await signedIn(t.app, 'kent', 'team-manager');
    // Ellis is looked after, so the IRO attends; his AIM assessment is ready to complete.
    await db.updateTable('children').set({ looked_after: true }).where('id', '=', childId).execute();
    const sw = await demoActor(db, 'kent', 'social-worker');
    const aim = await demoActor(db, 'kent', 'aim-practitioner');
    const id = await insertAssessment(db, {
      authorityId: 'kent',
      childId,
      model: 'aim2',
      modelName: 'AIM2',
      packVersion: 'test',
      clause: 'kent §13',
      requirementId: 'R-KEN-11',
      leadAssessorId: aim.user.id,
      coAssessorId: sw.user.id,
      mode: 'stage_one_only',
      modeReason: 'Test',
      checks: {
        appropriateAdult: 'none',
        appropriateAdultReason: '',
        prosecutionLikely: false,
        denies: false,
        legalRepAgreed: null,
        participates: true,
      },
      createdBy: sw.user.id,
    });
    await db
      .updateTable('assessments')
      .set({
        stages: JSON.stringify({ '1': '2026-11-02', '3': '2026-11-10', '4': '2026-11-20' }),
        outcome: JSON.stringify({ supervision: 'medium' }),
        report: JSON.stringify({ purpose: 'Test' }),
        shared_on: '2026-11-20',
      })
      .where('id', '=', id)
      .execute();
    const current = await db.selectFrom('assessments').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    await assessmentService.complete(db, aim, id, current.version);
  });
  after(async () => t.close());

  it('is set as the social worker’s task once the AIM assessment is completed', async () => {
    const task = await t.database.db
      .selectFrom('tasks')
      .selectAll()
      .where('child_id', '=', childId)
      .where('arranges', '=', 'aim-review')
      .executeTakeFirstOrThrow();
    taskId = task.id;
    assert.equal(task.status, 'open');
    assert.equal(task.clause, 'kent §15');
    assert.match(text((await worker.get(paths.tasks.mine())).body), /Arrange the AIM review meeting/);
  });

  it('invites the parents or carers and the child, leaving them out only with the exceptional circumstances; proposes the IRO for a looked-after child', async () => {
    const form = await worker.get(paths.meetings.arrange(taskId));
    assert.equal(form.statusCode, 200);
    const page = text(form.body);
    assert.match(page, /Independent Reviewing Officer .*Proposed: /);
    assert.match(page, /Parents or carers: if not invited, the exceptional circumstances/);
    const kentChairs = form.body.slice(form.body.indexOf('<optgroup label="Kent County Council">'));
    const chair = /<option value="([0-9a-f-]{36})"/.exec(kentChairs)![1]!;
    const base = {
      ...scheduleForm(),
      childIds: childId,
      chairId: chair,
      invite: ['assessors', 'nelft', 'social-worker', 'iro'],
    };
    const refused = await worker.post(paths.meetings.arrange(taskId), base);
    assert.equal(refused.statusCode, 400);
    const problems = text(refused.body);
    assert.match(
      problems,
      /Invite the parents or carers, or enter the exceptional circumstances in which they are not invited \(Kent procedure, section 15\)/,
    );
    assert.match(problems, /Invite the child, or enter the exceptional circumstances/);
    const arranged = await worker.post(paths.meetings.arrange(taskId), {
      ...base,
      invite: [...base.invite, 'parents'],
      'exclude-child': 'Ellis asked not to attend; he will meet the assessor after the meeting.',
    });
    assert.equal(arranged.statusCode, 303, text(arranged.body).slice(0, 600));
    meetingId = /\/meetings\/([0-9a-f-]{36})/.exec(String(arranged.headers.location))![1]!;
    const meeting = text((await worker.get(paths.meetings.show(meetingId))).body);
    assert.match(meeting, /Not invited, in exceptional circumstances The child Ellis asked not to attend/);
    assert.match(meeting, /The plan this meeting agrees/);
    assert.match(meeting, /no safety and intervention plan yet/);
  });

  it('cannot close until the safety and intervention plan addresses each of the fifteen matters and is agreed', async () => {
    const { db } = t.database;
    // The minutes and the outcome, approved: only the plan is missing.
    await db.updateTable('meetings').set({ held_on: '2026-11-30' }).where('id', '=', meetingId).execute();
    await worker.get(paths.meetings.outcome(meetingId, childId));
    const outcome = await worker.post(paths.meetings.outcome(meetingId, childId), {
      outcome: 'intervention-plan',
      rationale: 'The plan was agreed with Ellis’s mother.',
    });
    assert.equal(outcome.statusCode, 303, text(outcome.body).slice(0, 600));
    await db.updateTable('meetings').set({ minutes_approved_at: new Date() }).where('id', '=', meetingId).execute();

    const chairClient = manager;
    let page = text((await chairClient.get(paths.meetings.show(meetingId))).body);
    assert.match(
      page,
      /Agree the final version of the plan for Ellis Hawthorn: each matter it must address addressed, or the reason it is not/,
    );

    // The plan, started from the meeting, written and agreed.
    await worker.get(paths.children.newPlan(childId));
    const ownerId = /<option value="([0-9a-f-]{36})" selected>/.exec(worker.lastHtml)![1]!;
    const started = await worker.post(paths.children.newPlan(childId), { kind: 'safety-intervention', ownerId });
    const planId = /\/plans\/([0-9a-f-]{36})/.exec(String(started.headers.location))![1]!;
    page = text((await worker.get(paths.meetings.show(meetingId))).body);
    assert.match(page, new RegExp(`Safety and intervention plan , ${safety.contents.length} matters still to address`));
    await worker.get(paths.plans.edit(planId));
    const contents: Record<string, string> = { version: versionIn(worker.lastHtml) };
    for (const item of safety.contents) contents[`text-${item.id}`] = `Agreed: ${item.label}.`;
    contents['text-barred-list'] = '';
    contents['why-barred-list'] = 'No conviction: not applicable.';
    assert.equal((await worker.post(paths.plans.edit(planId), contents)).statusCode, 303);
    await manager.get(paths.plans.agree(planId));
    assert.equal(
      (await manager.post(paths.plans.agree(planId), { version: versionIn(manager.lastHtml) })).statusCode,
      303,
    );

    page = text((await chairClient.get(paths.meetings.show(meetingId))).body);
    assert.match(page, /Safety and intervention plan , agreed/);
    assert.doesNotMatch(page, /Agree the final version of the plan for Ellis/);
  });
});
