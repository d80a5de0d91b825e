// Giving a task to a named colleague (R-X-3): a team manager chooses from the people who hold the
// role that owes the task and can already see the child's record (assigning gives no access,
// R-X-7); errors next to the field; the chronology and the audit log keep who gave it to whom.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { screenKentHarmful } from '../helpers/cases.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ');
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

describe('giving a task to a colleague', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('offers only those with the role who can see the child, and records who gave it to whom (R-X-3, R-X-7)', async () => {
    const { db } = t.database;
    // Toby is 9: a social worker owes the referral to NELFT for the under-12 assessment (kent §13).
    const inc = await screenKentHarmful(db, 'Toby');
    const task = await db.selectFrom('tasks').select(['id', 'title']).where('child_id', '=', inc.childId).where('step_id', '=', 'nelft-under-12').executeTakeFirstOrThrow();
    const user = async (role: string) => (await db.selectFrom('users').select(['id', 'display_name']).where('email', '=', `${role}@kent.example`).executeTakeFirstOrThrow());
    const worker = await user('social-worker');
    const otherWorker = await user('social-worker-b');
    const manager = await signedIn(t.app, 'kent', 'team-manager');

    // Offered: the social worker in Toby's team. Not offered: a social worker in another team.
    const page = await manager.get(paths.tasks.show(task.id));
    assert.match(page.body, new RegExp(`<option value="${worker.id}">${worker.display_name}</option>`));
    assert.doesNotMatch(page.body, new RegExp(otherWorker.id));
    assert.match(text(page.body), /People with the role ‘Social worker’ who work on Toby Alderbrook’s case/);

    const empty = await manager.post(paths.tasks.assignTo(task.id), { version: version(page.body), assignee: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(text(empty.body), /There is a problem .*Select who to give the task to/);
    assert.match(empty.body, /href="#assignee"/);
    const outsider = await manager.post(paths.tasks.assignTo(task.id), { version: version(page.body), assignee: otherWorker.id });
    assert.equal(outsider.statusCode, 400);
    assert.match(text(outsider.body), /Select someone from the list: they must hold the role and work on the child’s case/);
    assert.equal((await db.selectFrom('tasks').select('assigned_to').where('id', '=', task.id).executeTakeFirstOrThrow()).assigned_to, null, 'nothing saved');

    const ok = await manager.post(paths.tasks.assignTo(task.id), { version: version(page.body), assignee: worker.id });
    assert.equal(ok.statusCode, 303);
    assert.match(text((await manager.get(paths.tasks.show(task.id))).body), new RegExp(`Task assigned .*Who Social worker: ${worker.display_name}`));
    // A second manager who had the page open is told, rather than assigning it twice.
    const twice = await manager.post(paths.tasks.assignTo(task.id), { version: version(page.body), assignee: worker.id });
    assert.equal(twice.statusCode, 400);
    assert.match(text(twice.body), new RegExp(`The task is already assigned to ${worker.display_name}`));

    // The worker finds it in My tasks; the chronology and the audit log say who gave it to whom.
    const social = await signedIn(t.app, 'kent', 'social-worker');
    assert.match(text((await social.get(paths.tasks.mine())).body), new RegExp(task.title));
    assert.match(text((await social.get(paths.children.chronology(inc.childId))).body), new RegExp(`Task assigned to ${worker.display_name} by Kent team manager: ${task.title}`));
    const audit = await db.selectFrom('audit_events').select(['details', 'user_id']).where('action', '=', 'task.assign_to').where('entity_id', '=', task.id).where('outcome', '=', 'ok').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.details['assignedTo'], worker.id);
    assert.equal(audit[0]!.details['previously'], null);

    // The worker cannot give tasks to others: no form, and a posted one is refused and audited.
    const own = await social.get(paths.tasks.show(task.id));
    assert.doesNotMatch(own.body, /Give the task to a colleague/);
    assert.equal((await social.post(paths.tasks.assignTo(task.id), { version: version(own.body), assignee: worker.id })).statusCode, 403);
    const refused = await db.selectFrom('audit_events').select('details').where('action', '=', 'task.assign_to').where('entity_id', '=', task.id).where('outcome', '=', 'refused').execute();
    assert.equal(refused[0]?.details['reason'], 'missing_role');
  });

  it('says who to allocate first when nobody with the role can see the child (R-KEN-4)', async () => {
    const { db } = t.database;
    // Ellis may have harmed another: the Youth Justice team discusses the case (kent §5).
    const inc = await screenKentHarmful(db, 'Ellis', { youth_justice: true });
    const task = await db.selectFrom('tasks').select('id').where('child_id', '=', inc.childId).where('owner_role', '=', 'youth_justice').where('status', '=', 'open').executeTakeFirstOrThrow();
    const yj = await db.selectFrom('users').select(['id', 'display_name']).where('email', '=', 'youth-justice@kent.example').executeTakeFirstOrThrow();
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    let page = await manager.get(paths.tasks.show(task.id));
    assert.match(text(page.body), /Give the task to a colleague Nobody else who could do this task works on Ellis Hawthorn’s case yet\. Allocate the child first: a read grant lets a colleague see the record, not do its tasks\./);
    assert.doesNotMatch(page.body, /name="assignee"/);
    assert.equal((await manager.post(paths.tasks.assignTo(task.id), { version: version(page.body), assignee: yj.id })).statusCode, 400, 'no access, no assignment');

    // A Youth Justice worker allocated alongside (R-KEN-4) sees the record, so can be given the task.
    const child = await manager.get(paths.children.show(inc.childId));
    const now = await db.selectFrom('children').select(['allocated_worker_id', 'allocated_team_id']).where('id', '=', inc.childId).executeTakeFirstOrThrow();
    const form = { version: version(child.body), workerId: now.allocated_worker_id ?? '', teamId: now.allocated_team_id ?? '', youthJusticeWorkerId: yj.id };
    assert.equal((await manager.post(paths.children.allocation(inc.childId), form)).statusCode, 303);
    page = await manager.get(paths.tasks.show(task.id));
    assert.match(page.body, new RegExp(`<option value="${yj.id}">${yj.display_name}</option>`));
  });
});
