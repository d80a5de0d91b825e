// Write authority on the demo cases (R-X-7, issue 10): seeing a record never implies changing it.
// Each test is a defect a probe found, in the words of what a practitioner would notice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import * as childService from '../../src/services/child-service.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('what each person may change, not only what they may see (issue 10)', () => {
  let t: TestApp;
  let kent: Awaited<ReturnType<typeof demoIncident>>;
  let meetingId = '';
  const clients = new Map<string, Client>();
  const as = async (role: string) => {
    if (!clients.has(role)) clients.set(role, await signedIn(t.app, 'kent', role));
    return clients.get(role)!;
  };
  const openTasks = async (childId: string) =>
    (
      await t.database.db
        .selectFrom('tasks')
        .select(['id', 'title'])
        .where('child_id', '=', childId)
        .where('status', '=', 'open')
        .orderBy('title')
        .execute()
    ).map((x) => x.title);
  const refusals = async (action: string) =>
    t.database.db
      .selectFrom('audit_events')
      .select(['details', 'user_id'])
      .where('action', '=', action)
      .where('outcome', '=', 'refused')
      .execute();

  before(async () => {
    t = await startTestApp();
    await seedDemoScreenings(t.database.db);
    kent = await demoIncident(t.database.db, 'kent', 'Ellis');
    meetingId = (
      await t.database.db
        .selectFrom('meetings')
        .select('id')
        .where('incident_id', '=', kent.incidentId)
        .executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => t.close());

  it('lets a police officer with a read grant see the screening, never record or decide one: the open tasks stay (defect 2)', async () => {
    const { db } = t.database;
    await childService.grantAccess(db, await demoActor(db, 'kent', 'team-manager'), kent.childId, {
      userId: (await demoActor(db, 'kent', 'police')).user.id,
      reason: 'Joint investigation',
      days: 7,
    });
    const police = await as('police');
    const tasksBefore = await openTasks(kent.childId);
    assert.ok(tasksBefore.includes('Convene a strategy discussion'));
    assert.equal((await police.get(paths.children.show(kent.childId))).statusCode, 200, 'the grant gives sight');
    const screening = await db
      .selectFrom('screenings')
      .select('id')
      .where('child_id', '=', kent.childId)
      .where('status', '=', 'decided')
      .executeTakeFirstOrThrow();
    const page = await police.get(paths.screening.show(screening.id));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Confirm decision/);
    assert.equal(
      (await police.get(paths.screening.start(kent.incidentId, kent.childId))).statusCode,
      403,
      'no screening form',
    );
    const answers = {
      tool: 'carson',
      ...Object.fromEntries(
        [
          'type',
          'context',
          'emotional-response',
          'targeted-response',
          'power',
          'frequency',
          'persistence',
          'parental-response',
        ].map((d) => [`rating-${d}`, 'healthy']),
      ),
    };
    const facts = {
      'fact-significant_harm': 'no',
      'fact-youth_justice': 'no',
      'fact-open_case': 'no',
      'fact-other_children_at_risk': 'no',
    };
    assert.equal(
      (
        await police.post(
          paths.screening.start(kent.incidentId, kent.childId),
          { ...answers, ...facts },
          { tokenFrom: paths.children.show(kent.childId) },
        )
      ).statusCode,
      403,
    );
    // Even a screening waiting for a decision: a level of "normal" would have superseded the tasks.
    const pending = await db
      .insertInto('screenings')
      .values({
        authority_id: 'kent',
        incident_id: kent.incidentId,
        child_id: kent.childId,
        pack_id: 'kent',
        pack_version: 'x',
        tool_id: 'carson',
        answers: '{}',
        facts: '{}',
        suggested_level: 'healthy',
        suggested_scale: 'normal',
        reasons: '[]',
        age_rules: '{}',
        created_by: (await demoActor(db, 'kent', 'dsl')).user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const decided = await police.post(
      paths.screening.decide(pending.id),
      { level: 'healthy', rationale: 'Nothing to see.' },
      { tokenFrom: paths.children.show(kent.childId) },
    );
    assert.equal(decided.statusCode, 403);
    assert.deepEqual(await openTasks(kent.childId), tasksBefore, 'no task superseded');
    assert.equal((await refusals('screening.decide')).at(-1)?.details['reason'], 'missing_role');
  });

  it('locks the children of a submitted incident: its author cannot add, remove or re-role them (defect 4)', async () => {
    const dsl = await as('dsl');
    await dsl.get(paths.children.show(kent.childId));
    const removed = await dsl.post(paths.incidents.removeChild(kent.incidentId, kent.targetedId), {});
    assert.equal(removed.statusCode, 403);
    assert.match(text(removed.body), /You do not have permission|cannot/i);
    assert.equal(
      (
        await dsl.post(
          paths.incidents.child(kent.incidentId, kent.targetedId),
          { role: 'witness', ownWords: '' },
          { tokenFrom: paths.children.show(kent.childId) },
        )
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await dsl.post(
          paths.incidents.children(kent.incidentId),
          { childId: kent.childId, role: 'targeted' },
          { tokenFrom: paths.children.show(kent.childId) },
        )
      ).statusCode,
      403,
    );
    const links = await t.database.db
      .selectFrom('incident_children')
      .select(['child_id', 'role'])
      .where('incident_id', '=', kent.incidentId)
      .orderBy('role')
      .execute();
    assert.deepEqual(
      links.map((l) => [l.child_id, l.role]),
      [
        [kent.childId, 'displayed'],
        [kent.targetedId, 'targeted'],
      ],
      'the child harmed is still on the incident, with her part',
    );
    assert.equal((await refusals('incident.edit')).at(-1)?.details['reason'], 'submitted_incident_locked');
    // Issue 11 defect 1: the submitted incident offers no Change or Remove on its children, and its
    // children page leads back to the incident.
    const html = (await dsl.get(paths.incidents.show(kent.incidentId))).body;
    // No link or button to remove a child (the images guidance names the "Report Remove" tool).
    assert.doesNotMatch(html, /<(a|button)\b[^>]*>\s*Remove\b/);
    assert.doesNotMatch(text(html), /Change part|Change children/);
    const childrenPage = await dsl.get(paths.incidents.children(kent.incidentId));
    assert.equal(childrenPage.statusCode, 303);
    assert.equal(childrenPage.headers.location, paths.incidents.show(kent.incidentId));
  });

  it('keeps a meeting from a same-authority coordinator or manager who may not see its children (defect 5)', async () => {
    const coordinator = await as('cse-coordinator');
    assert.equal((await coordinator.get(paths.children.show(kent.childId))).statusCode, 404);
    for (const url of [
      paths.meetings.show(meetingId),
      paths.meetings.print(meetingId),
      paths.meetings.export(meetingId),
      paths.meetings.minutes(meetingId),
    ]) {
      assert.equal((await coordinator.get(url)).statusCode, 404, url);
    }
    await coordinator.get(paths.meetings.mine());
    assert.equal(
      (
        await coordinator.post(paths.meetings.minutes(meetingId), {
          version: '1',
          'heldOn-day': '1',
          'heldOn-month': '12',
          'heldOn-year': '2026',
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (
        await coordinator.post(paths.meetings.attendees(meetingId), {
          roleLabel: 'Observer',
          name: 'A Person',
          agency: 'Somewhere',
        })
      ).statusCode,
      404,
    );
    const invitees = await t.database.db
      .selectFrom('meeting_invitees')
      .select('name')
      .where('meeting_id', '=', meetingId)
      .execute();
    assert.ok(!invitees.some((i) => i.name === 'A Person'), 'no one added');
  });

  it('lets only those who owe a task, or are given it, mark it done (defect 6)', async () => {
    const { db } = t.database;
    const task = await db
      .selectFrom('tasks')
      .select(['id', 'version'])
      .where('child_id', '=', kent.childId)
      .where('title', '=', 'Convene a strategy discussion')
      .executeTakeFirstOrThrow();
    const dsl = await as('dsl');
    const page = await dsl.get(paths.tasks.show(task.id));
    assert.equal(page.statusCode, 200, 'the DSL who recorded the incident sees the task');
    assert.match(text(page.body), /This task is for a team manager: you can see it, not mark it as done\./);
    assert.equal(
      (await dsl.post(paths.tasks.complete(task.id), { version: String(task.version), note: 'Done.' })).statusCode,
      403,
    );
    assert.ok((await openTasks(kent.childId)).includes('Convene a strategy discussion'));
    const manager = await as('team-manager');
    const own = await manager.get(paths.tasks.show(task.id));
    assert.match(own.body, /Mark as done/);
  });

  it('shows those who may see only the child who harmed nothing of the child harmed in a meeting, its print or its download (defect 7)', async () => {
    const worker = await as('social-worker');
    assert.equal(
      (await worker.get(paths.children.show(kent.targetedId))).statusCode,
      404,
      'Maya’s record is not theirs to see',
    );
    for (const url of [
      paths.meetings.show(meetingId),
      paths.meetings.print(meetingId),
      paths.meetings.export(meetingId),
    ]) {
      const res = await worker.get(url);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, /Maya|Larchwood/, url);
      assert.match(text(res.body), /Another child \(a child harmed\)/, url);
      assert.match(text(res.body), /Ellis Hawthorn/, url);
    }
    const chair = await as('team-manager');
    assert.match(
      (await chair.get(paths.meetings.show(meetingId))).body,
      /Maya Larchwood/,
      'the chair sees both children',
    );
  });

  it('writes a view event for each page of a child’s data that wrote none (defect 12)', async () => {
    const { db } = t.database;
    const worker = await as('social-worker');
    const dsl = await as('dsl');
    const draft = String(
      (await dsl.post(paths.incidents.start(), {}, { tokenFrom: paths.incidents.start() })).headers.location,
    ).split('/')[2]!;
    const task = await db
      .selectFrom('tasks')
      .select('id')
      .where('child_id', '=', kent.childId)
      .where('arranges', 'is not', null)
      .executeTakeFirstOrThrow();
    const manager = await as('team-manager');
    const visits: [Client, string][] = [
      [worker, paths.children.planAssessment(kent.childId)],
      [worker, paths.children.referToPanel(kent.childId)],
      [dsl, paths.incidents.children(draft)],
      [dsl, paths.incidents.section(draft, 'behaviour')],
      [dsl, paths.incidents.check(draft)],
      [manager, paths.meetings.arrange(task.id)],
    ];
    for (const [client, url] of visits) {
      const res = await client.get(url);
      assert.equal(res.statusCode, 200, url);
      const events = await db
        .selectFrom('audit_events')
        .select(['action', 'outcome'])
        .where('request_id', '=', String(res.headers['x-request-id']))
        .execute();
      assert.ok(
        events.some((e) => e.outcome === 'ok'),
        `${url} wrote no view event`,
      );
    }
  });

  it('never lets a read grant write a child’s immediate safety plan, and shows no box for it', async () => {
    const { db } = t.database;
    // Maya's social worker, with a read grant for Ellis: may record the minutes for Maya, not Ellis's plan.
    await childService.grantAccess(db, await demoActor(db, 'kent', 'team-manager'), kent.childId, {
      userId: (await demoActor(db, 'kent', 'social-worker-b')).user.id,
      reason: 'Joint working',
      days: 7,
    });
    const worker = await signedIn(t.app, 'kent', 'social-worker-b');
    const form = await worker.get(paths.meetings.minutes(meetingId));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`name="safetyPlan-${kent.targetedId}"`));
    assert.doesNotMatch(form.body, new RegExp(`name="safetyPlan-${kent.childId}"`));
    assert.match(
      text(form.body),
      /the immediate safety plan is recorded by the chair or by someone working on this child’s case/,
    );
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const [y, m, d] = new Date().toISOString().slice(0, 10).split('-');
    const res = await worker.post(paths.meetings.minutes(meetingId), {
      version,
      'heldOn-day': String(Number(d)),
      'heldOn-month': String(Number(m)),
      'heldOn-year': y!,
      [`safetyPlan-${kent.childId}`]: 'Written through a read grant',
      [`safetyPlan-${kent.targetedId}`]: 'A named adult at school.',
    });
    assert.equal(res.statusCode, 303);
    const plans = await db
      .selectFrom('meeting_children')
      .select(['child_id', 'safety_plan'])
      .where('meeting_id', '=', meetingId)
      .execute();
    assert.equal(plans.find((p) => p.child_id === kent.childId)!.safety_plan, '', 'Ellis’s plan untouched');
    assert.equal(plans.find((p) => p.child_id === kent.targetedId)!.safety_plan, 'A named adult at school.');
  });
});
