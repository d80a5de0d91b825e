// Plans and reviews (issue 14): a plan on the child's own record (R-X-1), written by its owner and
// the allocated worker, agreed by a manager once every matter the procedure lists is addressed
// or the reason not given (R-KEN-13), reviewed within the procedure's months (R-NEL-12) through a
// task that reaches the owner (R-X-3), shared with consent (R-X-6), ended with the reason.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { paths } from '../../src/web/paths.ts';
import { addMonths, londonToday } from '../../src/domain/age.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import { getPack } from '../../src/procedures/index.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';
import { seedDemoPlans, seedDemoScreenings } from '../../src/cli/demo-data.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');
const planIdFrom = (location: unknown) => /\/plans\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';
const dateBoxes = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};

describe('plans and reviews (issue 14)', () => {
  let t: TestApp;
  let worker: Client;
  let manager: Client;
  let childId: string;
  let harmedId: string;
  const kent = getPack('kent')!;
  const safety = kent.plans.find((kind) => kind.id === 'safety-intervention')!;

  before(async () => {
    t = await startTestApp();
    const inc = await demoIncident(t.database.db, 'kent', 'Ellis');
    childId = inc.childId;
    harmedId = inc.targetedId;
    worker = await signedIn(t.app, 'kent', 'social-worker');
    manager = await signedIn(t.app, 'kent', 'team-manager');
  });
  after(async () => t.close());

  async function startPlan(client: Client, kind: string, child = childId): Promise<string> {
    await client.get(paths.children.newPlan(child));
    const form = text(client.lastHtml);
    assert.match(form, /Which plan\?/);
    const ownerId = /<option value="([0-9a-f-]{36})" selected>/.exec(client.lastHtml)?.[1];
    assert.ok(ownerId, 'the person starting the plan is offered as its owner');
    const res = await client.post(paths.children.newPlan(child), { kind, ownerId });
    assert.equal(res.statusCode, 303, res.body);
    return planIdFrom(res.headers.location);
  }

  it('starts a plan of a kind the procedure names, with every problem at once when nothing is chosen (R-X-1)', async () => {
    const list = await worker.get(paths.children.plans(childId));
    assert.equal(list.statusCode, 200);
    assert.match(text(list.body), /No plans recorded/);
    await worker.get(paths.children.newPlan(childId));
    const page = text(worker.lastHtml);
    for (const kind of kent.plans.filter((k) => k.forChild !== 'harmed'))
      assert.ok(page.includes(kind.name), kind.name);
    assert.ok(
      !page.includes('Support plan for the child harmed'),
      'the child harmed’s plan is not offered on the child who harmed’s record',
    );
    const refused = await worker.post(paths.children.newPlan(childId), { kind: '', ownerId: '' });
    assert.equal(refused.statusCode, 400);
    const errors = text(refused.body);
    assert.ok(errors.indexOf('Select the plan to start') < errors.indexOf('Select who owns the plan'));
  });

  it('will not be agreed until each of Kent’s fifteen matters is addressed or the reason it is not is given (R-KEN-13, R-KEN-12)', async () => {
    const id = await startPlan(worker, safety.id);
    const edit = await worker.get(paths.plans.edit(id));
    assert.equal(edit.statusCode, 200);
    for (const item of safety.contents) assert.ok(edit.body.includes(`id="text-${item.id}"`), item.id);
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    const saved = await worker.post(paths.plans.edit(id), {
      version,
      'text-child-protection': 'Child protection plan continues; core group monthly.',
      'why-barred-list': 'Not for this plan: the police have made no referral.',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const show = text((await worker.get(paths.plans.show(id))).body);
    assert.match(show, /Draft/);
    assert.match(show, /Before it can be agreed/);
    assert.match(show, /Not addressed in this plan: Not for this plan: the police have made no referral\./);
    assert.ok(!/Agree the plan/.test(show), 'the worker writes the plan; a manager agrees it');

    // The worker may not agree it; the manager may not agree it while matters are open.
    assert.equal((await worker.get(paths.plans.agree(id))).statusCode, 403);
    await manager.get(paths.plans.agree(id));
    const refused = await manager.post(paths.plans.agree(id), { version: String(Number(version) + 1) });
    assert.equal(refused.statusCode, 400);
    const problems = text(refused.body);
    const open = safety.contents.filter((item) => !['child-protection', 'barred-list'].includes(item.id));
    assert.equal(open.length, 14);
    for (const item of open)
      assert.ok(
        problems.includes(
          `Say how the plan addresses ${item.label.charAt(0).toLowerCase()}${item.label.slice(1)}, or why it does not`,
        ),
        item.id,
      );
    assert.ok(refused.body.includes(`href="#text-${open[0]!.id}"`), 'each problem links to its matter');
  });

  it('is agreed by a manager with a review at most the months the procedure allows, which becomes the owner’s task (R-X-3)', async () => {
    const id = await startPlan(worker, 'home-safety');
    const home = kent.plans.find((kind) => kind.id === 'home-safety')!;
    await worker.get(paths.plans.edit(id));
    const version = /name="version" value="(\d+)"/.exec(worker.lastHtml)![1]!;
    const form: Record<string, string> = { version };
    for (const item of home.contents) form[`text-${item.id}`] = `Agreed: ${item.label}.`;
    assert.equal((await worker.post(paths.plans.edit(id), form)).statusCode, 303);

    await manager.get(paths.plans.agree(id));
    const current = /name="version" value="(\d+)"/.exec(manager.lastHtml)![1]!;
    const today = londonToday();
    const tooLate = addMonths(today, home.review.months + 1);
    const late = await manager.post(paths.plans.agree(id), { version: current, ...dateBoxes('nextReviewOn', tooLate) });
    assert.equal(late.statusCode, 400);
    assert.match(
      text(late.body),
      new RegExp(
        `Date of the next review must be within 3 months of ${formatDate(today)}, by ${formatDate(addMonths(today, 3))}`,
      ),
    );
    const agreed = await manager.post(paths.plans.agree(id), { version: current, note: 'Agreed at the core group.' });
    assert.equal(agreed.statusCode, 303, agreed.body);
    const show = text((await worker.get(paths.plans.show(id))).body);
    assert.match(show, /Agreed/);
    assert.match(show, new RegExp(`Next review By ${formatDate(addMonths(today, 3))}`));
    assert.match(show, /Version 1\. Agreed/);

    // The review reaches the plan's owner by name, in their tasks and the child's.
    const mine = text((await worker.get(paths.tasks.mine())).body);
    assert.match(mine, /Review the home safety plan/);
    const chronology = text((await worker.get(paths.children.chronology(childId))).body);
    assert.match(chronology, /Home safety plan agreed \(version 1\); next review by/);
  });

  it('is reviewed: the review completes its task and sets the next; a revision is agreed again as version 2; a copy is recorded with consent (R-X-6); it ends with the reason', async () => {
    const id = await startPlan(worker, 'home-safety');
    const home = kent.plans.find((kind) => kind.id === 'home-safety')!;
    await worker.get(paths.plans.edit(id));
    const form: Record<string, string> = { version: /name="version" value="(\d+)"/.exec(worker.lastHtml)![1]! };
    for (const item of home.contents) form[`text-${item.id}`] = `Planned: ${item.label}.`;
    await worker.post(paths.plans.edit(id), form);
    await manager.get(paths.plans.agree(id));
    await manager.post(paths.plans.agree(id), { version: /name="version" value="(\d+)"/.exec(manager.lastHtml)![1]! });
    const taskBefore = await t.database.db.selectFrom('tasks').selectAll().where('plan_id', '=', id).execute();
    assert.equal(taskBefore.filter((task) => task.status === 'open').length, 1);

    // Every problem with a review at once.
    await worker.get(paths.plans.review(id));
    const v = () => /name="version" value="(\d+)"/.exec(worker.lastHtml)![1]!;
    const empty = await worker.post(paths.plans.review(id), { version: v() });
    assert.equal(empty.statusCode, 400);
    const said = text(empty.body);
    for (const message of [
      'Enter the date of the review',
      'Enter what was done since the plan was agreed or last reviewed',
      'Enter what has changed, or that nothing has',
      'Select what happens to the plan after this review',
    ])
      assert.ok(said.includes(message), message);

    const today = londonToday();
    const reviewed = await worker.post(paths.plans.review(id), {
      version: v(),
      ...dateBoxes('reviewedOn', today),
      done: 'Weekly sessions with the family.',
      changed: 'The rules at home are kept.',
      views: 'Ellis says the rules are fair.',
      outcome: 'revise',
    });
    assert.equal(reviewed.statusCode, 303, reviewed.body);
    const tasks = await t.database.db.selectFrom('tasks').selectAll().where('plan_id', '=', id).execute();
    const done = tasks.find((task) => task.id === taskBefore[0]!.id)!;
    assert.equal(done.status, 'done');
    assert.equal(done.fulfilled_by_type, 'plan-review');
    let show = text((await worker.get(paths.plans.show(id))).body);
    assert.match(show, /Under review/);
    assert.match(show, /Ellis says the rules are fair\./);

    // Revised and agreed again: version 2, a new review task.
    await worker.get(paths.plans.edit(id));
    await worker.post(paths.plans.edit(id), { ...form, version: v(), 'text-rules': 'New rules after the review.' });
    await manager.get(paths.plans.agree(id));
    assert.equal(
      (
        await manager.post(paths.plans.agree(id), {
          version: /name="version" value="(\d+)"/.exec(manager.lastHtml)![1]!,
        })
      ).statusCode,
      303,
    );
    show = text((await worker.get(paths.plans.show(id))).body);
    assert.match(show, /Version 2\. Agreed/);
    assert.match(show, /New rules after the review\./);

    // A copy shared, with consent and a disagreement.
    await worker.get(paths.plans.share(id));
    const noConsent = await worker.post(paths.plans.share(id), {
      sharedWith: 'Ellis and his mother',
      ...dateBoxes('sharedOn', today),
    });
    assert.equal(noConsent.statusCode, 400);
    assert.match(text(noConsent.body), /Select whether consent was given to share the plan/);
    assert.match(noConsent.body, /value="Ellis and his mother"|>Ellis and his mother</, 'what was typed is kept');
    const shared = await worker.post(paths.plans.share(id), {
      sharedWith: 'Ellis and his mother',
      ...dateBoxes('sharedOn', today),
      consent: 'given',
      disagreement: 'His mother disagrees with the curfew.',
    });
    assert.equal(shared.statusCode, 303, shared.body);
    show = text((await worker.get(paths.plans.show(id))).body);
    assert.match(show, /Ellis and his mother/);
    assert.match(show, /His mother disagrees with the curfew\./);
    assert.match(show, /Yes, consent was given/);

    // Ended by the manager, with the reason; its review task no longer open.
    assert.equal((await worker.get(paths.plans.end(id))).statusCode, 403);
    await manager.get(paths.plans.end(id));
    const ev = /name="version" value="(\d+)"/.exec(manager.lastHtml)![1]!;
    assert.equal((await manager.post(paths.plans.end(id), { version: ev, reason: '' })).statusCode, 400);
    assert.equal(
      (await manager.post(paths.plans.end(id), { version: ev, reason: 'The work is done.' })).statusCode,
      303,
    );
    show = text((await worker.get(paths.plans.show(id))).body);
    assert.match(show, /Ended/);
    assert.match(show, /The work is done\./);
    const open = await t.database.db
      .selectFrom('tasks')
      .select('id')
      .where('plan_id', '=', id)
      .where('status', '=', 'open')
      .execute();
    assert.equal(open.length, 0);
    const printed = await worker.get(paths.plans.print(id));
    assert.equal(printed.statusCode, 200);
    assert.match(text(printed.body), /Confidential: child protection record/);
    const download = await worker.get(paths.plans.export(id));
    assert.match(String(download.headers['content-disposition']), /attachment; filename="home-safety-plan-/);
    assert.match(text(download.body), /Kent procedure/);
  });

  it('gives a named colleague an action from the plan, due by a date, in their My tasks, and no longer asked of them once the plan ends (R-X-3)', async () => {
    const id = await startPlan(worker, 'home-safety');
    await manager.get(paths.plans.actions(id));
    assert.match(text(manager.lastHtml), /Who will do it\?/);
    const refused = await manager.post(paths.plans.actions(id), {
      what: '',
      assigneeId: 'nobody',
      'dueOn-day': '31',
      'dueOn-month': '2',
      'dueOn-year': '2027',
    });
    assert.equal(refused.statusCode, 400);
    const said = text(refused.body);
    for (const message of ['Enter what is to be done', 'Select who will do it', 'Date it is due must be a real date'])
      assert.ok(said.includes(message), message);
    const workerId = /<option value="([0-9a-f-]{36})">Kent social worker</.exec(manager.lastHtml)![1]!;
    const due = addMonths(londonToday(), 1);
    const given = await manager.post(paths.plans.actions(id), {
      what: 'Talk to the school about lunchtime supervision',
      assigneeId: workerId,
      ...dateBoxes('dueOn', due),
    });
    assert.equal(given.statusCode, 303, text(given.body).slice(0, 500));
    assert.match(text((await worker.get(paths.tasks.mine())).body), /Talk to the school about lunchtime supervision/);
    const plan = text((await worker.get(paths.plans.show(id))).body);
    assert.match(
      plan,
      new RegExp(`Talk to the school about lunchtime supervision Kent social worker By ${formatDate(due)} To do`),
    );
    // Ending the plan: its action no longer asks anything of anyone.
    await manager.get(paths.plans.end(id));
    await manager.post(paths.plans.end(id), {
      version: /name="version" value="(\d+)"/.exec(manager.lastHtml)![1]!,
      reason: 'Replaced.',
    });
    assert.match(text((await worker.get(paths.plans.show(id))).body), /No longer needed/);
  });

  it('refuses a stale save, showing what changed and keeping what was typed', async () => {
    const id = await startPlan(worker, 'immediate-safety');
    await worker.get(paths.plans.edit(id));
    const opened = /name="version" value="(\d+)"/.exec(worker.lastHtml)![1]!;
    const other = await signedIn(t.app, 'kent', 'team-manager');
    void other;
    assert.equal(
      (await worker.post(paths.plans.edit(id), { version: opened, 'text-actions': 'First save.' })).statusCode,
      303,
    );
    const stale = await worker.post(paths.plans.edit(id), { version: opened, 'text-actions': 'Typed in the old tab.' });
    assert.equal(stale.statusCode, 409);
    const page = text(stale.body);
    assert.match(page, /Your changes have not been saved/);
    assert.match(page, /First save\./);
    assert.ok(stale.body.includes('Typed in the old tab.'));
  });

  it('keeps the child harmed’s plan on their own record, out of sight of those who see only the child who harmed (R-X-1)', async () => {
    const workerB = await signedIn(t.app, 'kent', 'social-worker-b');
    const id = await startPlan(workerB, 'support-harmed', harmedId);
    assert.ok(id);
    assert.equal((await workerB.get(paths.plans.show(id))).statusCode, 200);
    assert.equal((await worker.get(paths.plans.show(id))).statusCode, 404);
    const theirs = text((await worker.get(paths.children.plans(childId))).body);
    assert.ok(!theirs.includes('Support plan for the child harmed'));
  });
});

describe('the demo data’s plans in review (issue 14)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemoScreenings(t.database.db);
    await seedDemoPlans(t.database.db);
  });
  after(async () => t.close());

  for (const authority of ['kent', 'thurrock', 'north-yorkshire', 'north-east-lincolnshire', 'islington'])
    it(`gives ${authority}’s first case a plan agreed and reviewed for each child, the child harmed’s under review`, async () => {
      const inc = await demoIncident(t.database.db, authority, 'Ellis');
      const worker = await signedIn(t.app, authority, 'social-worker');
      const page = text((await worker.get(paths.children.plans(inc.childId))).body);
      assert.match(page, /Agreed/);
      assert.match(page, new RegExp(`By ${formatDate(addMonths(londonToday(), 3))}`));
      assert.match(text((await worker.get(paths.tasks.mine())).body), /Review the /);
      const workerB = await signedIn(t.app, authority, 'social-worker-b');
      const hers = text((await workerB.get(paths.children.plans(inc.targetedId))).body);
      assert.match(hers, /Support plan for the child harmed/);
      assert.match(hers, /Under review/);
    });
});
