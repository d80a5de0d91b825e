// Screening, decisions, tasks, working-day settings and API tokens through the services, on
// PGlite and (when TEST_DATABASE_URL is set) on PostgreSQL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { seedDemo } from '../../src/cli/demo-data.ts';
import { londonToday } from '../../src/domain/age.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import * as screeningService from '../../src/services/screening-service.ts';
import * as settingsService from '../../src/services/settings-service.ts';
import * as taskService from '../../src/services/task-service.ts';
import { loadCalendar, inactivityCutoff } from '../../src/services/calendar-service.ts';
import { NotFoundError, ValidationError } from '../../src/services/context.ts';
import { useApiToken } from '../../src/repositories/settings.ts';
import { describeOnEachDatabase } from '../helpers/db.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';

const ISL_FACTS = {
  significant_harm: true,
  immediate_risk: false,
  complex: false,
  open_case: false,
  cse_linked: false,
};

describeOnEachDatabase('screening and tasks', (database) => {
  it('keeps the suggestion and the decision, with who, when and the pack version; tasks get working-day deadlines (R-X-9, R-X-10, R-ISL-5)', async () => {
    const { db } = database();
    const dsl = await demoActor(db, 'islington', 'dsl');
    const inc = await demoIncident(db, 'islington', 'Ellis');
    const id = await screeningService.recordAnswers(db, dsl, inc.incidentId, inc.childId, {
      toolId: 'islington-categories',
      answers: { items: ['c2-coercion', 'c2-intrusive'] },
      facts: ISL_FACTS,
    });
    await assert.rejects(
      screeningService.decide(db, dsl, id, { levelId: 'category-3', rationale: ' ' }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(e.errors, [
          { field: 'rationale', message: 'Enter why you chose a different level from the one suggested' },
        ]);
        return true;
      },
    );
    const result = await screeningService.decide(db, dsl, id, {
      levelId: 'category-2',
      rationale: 'Coercion of a younger pupil.',
    });
    assert.equal(result.created, 3);
    const row = await db.selectFrom('screenings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.suggested_level, 'category-2');
    assert.equal(row.decided_level, 'category-2');
    assert.equal(row.agreed_with_suggestion, true);
    assert.equal(row.decided_by, dsl.user.id);
    assert.equal(row.pack_version, '1.5.13, revised October 2016');
    assert.equal(row.decision_date, londonToday());
    const meeting = await db
      .selectFrom('tasks')
      .selectAll()
      .where('screening_id', '=', id)
      .where('step_id', '=', 'hsb-strategy-meeting')
      .executeTakeFirstOrThrow();
    assert.equal(meeting.due_on, new WorkingDayCalendar().addWorkingDays(londonToday(), 3));
    assert.equal(meeting.owner_role, 'cse_coordinator');
    assert.equal(meeting.requirement_id, 'R-ISL-5');
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['screening.suggest', 'screening.decide'],
    );
    assert.equal(audit[1]!.details['packVersion'], '1.5.13, revised October 2016');
    const chron = await db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('child_id', '=', inc.childId)
      .where('kind', '=', 'screening')
      .execute();
    assert.match(chron[0]!.summary, /Level of concern decided: Category 2: abusive/);
    // A second decision on the same screening is refused: decisions are never overwritten.
    await assert.rejects(screeningService.decide(db, dsl, id, { levelId: 'category-1', rationale: 'x' }), {
      name: 'ConflictError',
    });
  });

  it('screening again keeps the history and supersedes tasks the new level no longer needs', async () => {
    const { db } = database();
    const dsl = await demoActor(db, 'islington', 'dsl');
    const inc = await demoIncident(db, 'islington', 'Ellis');
    const id = await screeningService.recordAnswers(db, dsl, inc.incidentId, inc.childId, {
      toolId: 'islington-categories',
      answers: { items: ['c1-unusual'] },
      facts: { ...ISL_FACTS, significant_harm: false },
    });
    const r = await screeningService.decide(db, dsl, id, {
      levelId: 'category-1',
      rationale: 'New information: no coercion.',
    });
    assert.equal(r.superseded, 1, 'the HSB strategy meeting is no longer needed');
    const history = await db.selectFrom('screenings').select('id').where('child_id', '=', inc.childId).execute();
    assert.equal(history.length, 2);
    const open = await db
      .selectFrom('tasks')
      .select(['step_id', 'status'])
      .where('child_id', '=', inc.childId)
      .orderBy('step_id')
      .execute();
    assert.deepEqual(
      open.map((x) => `${x.step_id}:${x.status}`),
      [
        'consultation:open',
        'diversion-plan:open',
        'family-group-conference:open',
        'hsb-strategy-meeting:superseded',
        'recording:open',
        'risk-discussion:open',
      ],
    );
  });

  it('puts tasks for the child harmed on that child’s own record (R-X-1, R-NYO-4)', async () => {
    const { db } = database();
    const dsl = await demoActor(db, 'north-yorkshire', 'dsl');
    const inc = await demoIncident(db, 'north-yorkshire', 'Toby');
    const id = await screeningService.recordAnswers(db, dsl, inc.incidentId, inc.childId, {
      toolId: 'brook',
      answers: { items: ['red-planning', 'red-power'] },
      facts: { significant_harm: true, police_involved: false, mental_disorder: false, other_children_at_risk: false },
    });
    await screeningService.decide(db, dsl, id, { levelId: 'red', rationale: 'Planned, with a younger child.' });
    const harmed = await db
      .selectFrom('tasks')
      .select('step_id')
      .where('child_id', '=', inc.targetedId)
      .orderBy('step_id')
      .execute();
    assert.deepEqual(
      harmed.map((x) => x.step_id),
      ['cfs-referral-targeted', 'parents-contact-targeted'],
    );
    const passedOn = await db
      .selectFrom('tasks')
      .select(['due_on', 'owner_role', 'assigned_to'])
      .where('child_id', '=', inc.childId)
      .where('step_id', '=', 'referral-passed-on')
      .executeTakeFirstOrThrow();
    assert.equal(passedOn.due_on, new WorkingDayCalendar().addWorkingDays(londonToday(), 1));
    assert.equal(passedOn.owner_role, 'front_door');
  });

  it('refuses the Brook tool to staff without the training where the pack says so (R-NEL-4)', async () => {
    const { db } = database();
    const manager = await demoActor(db, 'north-east-lincolnshire', 'team_manager');
    const inc = await demoIncident(db, 'north-east-lincolnshire', 'Ellis');
    await assert.rejects(
      screeningService.recordAnswers(db, manager, inc.incidentId, inc.childId, {
        toolId: 'brook',
        answers: { items: ['red-power'] },
        facts: {},
      }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.errors[0]!.message ===
          'Only staff with Brook Traffic Light tool training can use the Brook Traffic Light characteristics',
    );
    const refused = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'screening.suggest')
      .where('outcome', '=', 'refused')
      .where('user_id', '=', manager.user.id)
      .execute();
    assert.equal(refused[0]?.details['reason'], 'training_required');
  });

  it('answers 404 to someone with no need to know, and audits it (R-X-7)', async () => {
    const { db } = database();
    const other = await demoActor(db, 'islington', 'social-worker-b');
    const inc = await demoIncident(db, 'islington', 'Toby');
    await assert.rejects(screeningService.screeningPage(db, other, inc.incidentId, inc.childId), NotFoundError);
    const kentDsl = await demoActor(db, 'kent', 'dsl');
    await assert.rejects(screeningService.screeningPage(db, kentDsl, inc.incidentId, inc.childId), NotFoundError);
    const n = await db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'screening.view')
      .where('outcome', '=', 'refused')
      .execute();
    assert.ok(n.length >= 2);
  });

  it('lists my tasks overdue first, and marking one done goes in the chronology (R-X-3)', async () => {
    const { db } = database();
    // Ellis's allocated social worker holds the social-work tasks from the decisions above.
    const dsl = await demoActor(db, 'islington', 'social-worker');
    const inc = await demoIncident(db, 'islington', 'Ellis');
    const mine = await taskService.myTasks(db, dsl);
    assert.ok(mine.tasks.length >= 3);
    const last = mine.tasks.at(-1)!;
    await db.updateTable('tasks').set({ due_on: '2020-01-06' }).where('id', '=', last.id).execute();
    const again = await taskService.myTasks(db, dsl);
    assert.equal(again.tasks[0]!.id, last.id);
    assert.equal(again.tasks[0]!.dueOn, '2020-01-06');
    assert.equal(taskService.isOverdue(again.tasks[0]!, again.today), true, JSON.stringify(again.tasks[0]));
    const consider = again.tasks.find((x) => x.kind === 'consider')!;
    await assert.rejects(taskService.completeTask(db, dsl, consider.id, consider.version, ''), ValidationError);
    await taskService.completeTask(db, dsl, consider.id, consider.version, 'Family agreed to a conference.');
    const chron = await db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('child_id', '=', inc.childId)
      .where('kind', '=', 'task')
      .execute();
    assert.ok(chron.some((c) => /Task done: Consider a family group conference\. Family agreed/.test(c.summary)));
    await assert.rejects(taskService.completeTask(db, dsl, consider.id, consider.version, 'again'), {
      name: 'ConflictError',
    });
  });

  it('one-off holidays move deadlines; weekends and existing bank holidays are refused', async () => {
    const { db } = database();
    const admin = await demoActor(db, 'kent', 'administrator');
    await assert.rejects(
      settingsService.addOneOffHoliday(db, admin, { date: '2027-06-05', name: 'Saturday' }),
      ValidationError,
    );
    await assert.rejects(
      settingsService.addOneOffHoliday(db, admin, { date: '2027-05-31', name: 'Again' }),
      (e: unknown) =>
        e instanceof ValidationError && /already a bank holiday \(Spring bank holiday\)/.test(e.errors[0]!.message),
    );
    await settingsService.addOneOffHoliday(db, admin, { date: '2027-06-07', name: 'State occasion' });
    const cal = await loadCalendar(db, 'kent');
    assert.equal(cal.addWorkingDays('2027-06-04', 1), '2027-06-08');
    await settingsService.removeOneOffHoliday(db, admin, '2027-06-07');
    assert.equal((await loadCalendar(db, 'kent')).addWorkingDays('2027-06-04', 1), '2027-06-07');
  });

  it('keeps each authority’s one-off holidays its own: another administrator can neither see nor remove them (R-X-3)', async () => {
    const { db } = database();
    const kent = await demoActor(db, 'kent', 'administrator');
    const islington = await demoActor(db, 'islington', 'administrator');
    await settingsService.addOneOffHoliday(db, islington, { date: '2027-06-14', name: 'Borough day' });
    assert.equal((await loadCalendar(db, 'islington')).isWorkingDay('2027-06-14'), false);
    assert.equal((await loadCalendar(db, 'kent')).isWorkingDay('2027-06-14'), true, 'Kent’s deadlines do not move');
    assert.ok(!(await settingsService.workingDaysPage(db, kent)).oneOffs.some((h) => h.date === '2027-06-14'));
    await assert.rejects(settingsService.removeOneOffHoliday(db, kent, '2027-06-14'), { name: 'NotFoundError' });
    assert.equal((await loadCalendar(db, 'islington')).isWorkingDay('2027-06-14'), false, 'still Islington’s holiday');
    // The same date may be a holiday in two authorities.
    await settingsService.addOneOffHoliday(db, kent, { date: '2027-06-14', name: 'County day' });
    await settingsService.removeOneOffHoliday(db, kent, '2027-06-14');
    assert.equal((await loadCalendar(db, 'islington')).isWorkingDay('2027-06-14'), false);
  });

  it('the inactivity threshold is the pack’s unless an administrator sets one (R-THU-7)', async () => {
    const { db } = database();
    const admin = await demoActor(db, 'thurrock', 'administrator');
    assert.equal((await inactivityCutoff(db, 'thurrock')).days, 10);
    await assert.rejects(settingsService.setInactivity(db, admin, '0'), ValidationError);
    await settingsService.setInactivity(db, admin, '20');
    assert.equal((await inactivityCutoff(db, 'thurrock')).days, 20);
    await settingsService.setInactivity(db, admin, '');
    assert.equal((await inactivityCutoff(db, 'thurrock')).days, 10);
  });

  it('API tokens: only the hash is stored; revoked and expired tokens stop working', async () => {
    const { db } = database();
    const admin = await demoActor(db, 'kent', 'administrator');
    const { token, id } = await settingsService.issueToken(db, admin, { name: 'Case system', days: '30' });
    const stored = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token);
    assert.equal(stored.token_hash.length, 64);
    assert.equal((await useApiToken(db, settingsService.hashToken(token)))?.authorityId, 'kent');
    await settingsService.revokeToken(db, admin, id);
    assert.equal(await useApiToken(db, settingsService.hashToken(token)), undefined);
    const second = await settingsService.issueToken(db, admin, { name: 'Expired', days: '1' });
    await sql`update api_tokens set expires_at = now() - interval '1 minute' where id = ${second.id}`.execute(db);
    assert.equal(await useApiToken(db, settingsService.hashToken(second.token)), undefined);
  });
});

describe('demo screenings', () => {
  it('give every authority a decided level of concern and tasks on first start', async () => {
    const { pgliteDatabase } = await import('../helpers/db.ts');
    const { seedDemoScreenings } = await import('../../src/cli/demo-data.ts');
    const t = await pgliteDatabase();
    try {
      await seedDemo(t.db);
      await seedDemoScreenings(t.db);
      const rows = await t.db
        .selectFrom('screenings')
        .select(['authority_id', 'decided_level'])
        .orderBy('authority_id')
        .execute();
      assert.deepEqual(
        rows.map((r) => `${r.authority_id}:${r.decided_level}`),
        [
          'islington:category-2',
          'kent:harmful',
          'north-east-lincolnshire:abusive',
          'north-yorkshire:red',
          'thurrock:abusive',
        ],
      );
      const tasks = await t.db.selectFrom('tasks').select(['authority_id']).execute();
      for (const a of ['kent', 'thurrock', 'north-yorkshire', 'north-east-lincolnshire', 'islington'])
        assert.ok(
          tasks.some((x) => x.authority_id === a),
          a,
        );
      // An AIM assessment of Ellis wherever the procedure names one (not Islington), and Toby before North East Lincolnshire's panel.
      const assessed = await t.db
        .selectFrom('assessments')
        .select(['authority_id', 'model', 'status'])
        .orderBy('authority_id')
        .execute();
      assert.deepEqual(
        assessed.map((r) => `${r.authority_id}:${r.model}:${r.status}`),
        [
          'kent:aim2:in_progress',
          'north-east-lincolnshire:aim3:in_progress',
          'north-yorkshire:aim2:in_progress',
          'thurrock:aim3:in_progress',
        ],
      );
      const panel = await t.db.selectFrom('panel_referrals').select(['authority_id', 'kind', 'status']).execute();
      assert.deepEqual(panel, [{ authority_id: 'north-east-lincolnshire', kind: 'consultation', status: 'awaiting' }]);
    } finally {
      await t.close();
    }
  });
});
