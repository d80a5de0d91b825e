// What the record of a child at Islington's categories 1 to 3 must show (islington §8, R-ISL-9),
// on the child's record with what is still missing; and the diversion plan's step done by agreeing
// a diversion plan, and by no other plan (islington §5.2, R-ISL-4).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { recordShows } from '../../src/domain/record-checklist.ts';
import { getPack } from '../../src/procedures/index.ts';
import { insertTask } from '../../src/repositories/tasks.ts';
import * as planService from '../../src/services/plan-service.ts';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const islington = getPack('islington')!;

describe('what the record must show, in words (R-ISL-9)', () => {
  const facts = { levels: ['category-2'], agreedPlanKinds: new Set<string>(), steps: new Map(), closedMeetings: 0 };
  it('asks nothing below category 1, and of other procedures', () => {
    assert.equal(recordShows(islington.recordMustShow, { ...facts, levels: ['category-0'] }), null);
    assert.equal(recordShows(getPack('kent')!.recordMustShow, facts), null);
  });
  it('lists each item the procedure names, the MASE only when the case went there, each shown by its record', () => {
    const none = recordShows(islington.recordMustShow, facts)!;
    assert.deepEqual(
      none.map((item) => [item.id, item.shown]),
      [
        ['safety-plans', false],
        ['consultation', false],
        ['meetings', false],
        ['diversion-plans', false],
        ['intervention-plans', false],
      ],
    );
    const all = recordShows(islington.recordMustShow, {
      levels: ['category-3'],
      agreedPlanKinds: new Set(['safety', 'diversion', 'intervention']),
      steps: new Map([
        ['consultation', 'done'],
        ['mase-referral', 'open'],
      ]),
      closedMeetings: 1,
    })!;
    assert.deepEqual(
      all.map((item) => [item.id, item.shown]),
      [
        ['safety-plans', true],
        ['consultation', true],
        ['meetings', true],
        ['diversion-plans', true],
        ['intervention-plans', true],
        ['mase', false],
      ],
    );
  });
});

describe('the record of an Islington child at categories 1 to 3 (R-ISL-9, R-ISL-4)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemoScreenings(t.database.db);
  });
  after(async () => t.close());

  async function agreed(childId: string, kind: string) {
    const { db } = t.database;
    const worker = await demoActor(db, 'islington', 'social-worker');
    const manager = await demoActor(db, 'islington', 'team-manager');
    const id = await planService.createPlan(db, worker, childId, { kind, ownerId: worker.user.id });
    const { plan, kind: planKind } = await planService.planToEdit(db, worker, id);
    await planService.savePlan(
      db,
      worker,
      id,
      plan.version,
      Object.fromEntries(
        planKind.contents.map((item) => [item.id, { text: 'Agreed with the family.', notAddressed: '' }]),
      ),
    );
    await planService.agreePlan(db, manager, id, plan.version + 1, {
      nextReviewOn: { day: '', month: '', year: '' },
      note: '',
    });
    return id;
  }

  it('shows on the child’s record what it must show and what is missing, and counts an agreed safety plan', async () => {
    const inc = await demoIncident(t.database.db, 'islington', 'Ellis');
    const worker = await signedIn(t.app, 'islington', 'social-worker');
    let page = text((await worker.get(paths.children.show(inc.childId))).body);
    assert.match(page, /What the record must show/);
    assert.match(page, /Islington procedure, section 8/);
    assert.match(page, /\d are still missing\./);
    assert.match(page, /Missing A safety plan made with the child and their parent or carer/);
    await agreed(inc.childId, 'safety');
    page = text((await worker.get(paths.children.show(inc.childId))).body);
    assert.match(page, /Shown A safety plan made with the child and their parent or carer/);
    assert.match(page, /Missing A diversion plan/);
  });

  it('marks the diversion plan’s task done when a diversion plan is agreed, and not for another plan (R-ISL-4)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'islington', 'Ellis');
    const step = islington.steps.find((one) => one.id === 'diversion-plan')!;
    const taskId = await insertTask(db, {
      authorityId: 'islington',
      childId: inc.childId,
      incidentId: inc.incidentId,
      screeningId: null,
      stepId: step.id,
      title: step.title,
      detail: step.detail,
      kind: 'do',
      ownerRole: 'social_worker',
      assignedTo: null,
      dueOn: null,
      dueRule: 'None',
      clause: step.clause,
      requirementId: step.requirement,
    });
    const status = async () =>
      await db
        .selectFrom('tasks')
        .select(['status', 'fulfilled_by_type', 'fulfilled_by_id'])
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow();
    await agreed(inc.childId, 'intervention');
    assert.equal((await status()).status, 'open', 'an intervention plan is not the diversion plan');
    const diversion = await agreed(inc.childId, 'diversion');
    assert.deepEqual(await status(), { status: 'done', fulfilled_by_type: 'plan', fulfilled_by_id: diversion });
    const worker = await signedIn(t.app, 'islington', 'social-worker');
    assert.match(text((await worker.get(paths.tasks.show(taskId))).body), /Done by agreeing the plan/);
  });
});
