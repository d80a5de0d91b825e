// Giving a task to a named colleague (R-X-3): a team manager chooses from the people who hold the
// role that owes the task and can already see the child's record (assigning gives no access,
// R-X-7); errors next to the field; the chronology and the audit log keep who gave it to whom.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { screenKentHarmful } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');
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
    const task = await db
      .selectFrom('tasks')
      .select(['id', 'title'])
      .where('child_id', '=', inc.childId)
      .where('step_id', '=', 'nelft-under-12')
      .executeTakeFirstOrThrow();
    const user = async (role: string) =>
      await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('email', '=', `${role}@kent.example`)
        .executeTakeFirstOrThrow();
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
    const outsider = await manager.post(paths.tasks.assignTo(task.id), {
      version: version(page.body),
      assignee: otherWorker.id,
    });
    assert.equal(outsider.statusCode, 400);
    assert.match(
      text(outsider.body),
      /Select someone from the list: they must hold the role and work on the child’s case/,
    );
    assert.equal(
      (await db.selectFrom('tasks').select('assigned_to').where('id', '=', task.id).executeTakeFirstOrThrow())
        .assigned_to,
      null,
      'nothing saved',
    );

    const ok = await manager.post(paths.tasks.assignTo(task.id), { version: version(page.body), assignee: worker.id });
    assert.equal(ok.statusCode, 303);
    assert.match(
      text((await manager.get(paths.tasks.show(task.id))).body),
      new RegExp(`Task assigned .*Who Social worker: ${worker.display_name}`),
    );
    // A second manager who had the page open is told, rather than assigning it twice.
    const twice = await manager.post(paths.tasks.assignTo(task.id), {
      version: version(page.body),
      assignee: worker.id,
    });
    assert.equal(twice.statusCode, 400);
    assert.match(text(twice.body), new RegExp(`The task is already assigned to ${worker.display_name}`));

    // The worker finds it in My tasks; the chronology and the audit log say who gave it to whom.
    const social = await signedIn(t.app, 'kent', 'social-worker');
    assert.match(text((await social.get(paths.tasks.mine())).body), new RegExp(task.title));
    assert.match(
      text((await social.get(paths.children.chronology(inc.childId))).body),
      new RegExp(`Task assigned to ${worker.display_name} by Kent team manager: ${task.title}`),
    );
    const audit = await db
      .selectFrom('audit_events')
      .select(['details', 'user_id'])
      .where('action', '=', 'task.assign_to')
      .where('entity_id', '=', task.id)
      .where('outcome', '=', 'ok')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.details['assignedTo'], worker.id);
    assert.equal(audit[0]!.details['previously'], null);

    // The worker cannot give tasks to others: no form, and a posted one is refused and audited.
    const own = await social.get(paths.tasks.show(task.id));
    assert.doesNotMatch(own.body, /Give the task to a colleague/);
    assert.equal(
      (await social.post(paths.tasks.assignTo(task.id), { version: version(own.body), assignee: worker.id }))
        .statusCode,
      403,
    );
    const refused = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'task.assign_to')
      .where('entity_id', '=', task.id)
      .where('outcome', '=', 'refused')
      .execute();
    assert.equal(refused[0]?.details['reason'], 'missing_role');
  });

  it('sends a task for Youth Justice to the Youth Justice Service, whose workers see the child while it is open (R-KEN-4)', async () => {
    const { db } = t.database;
    // Ellis may have harmed another: the Youth Justice team discusses the case (kent §5).
    const inc = await screenKentHarmful(db, 'Ellis', { youth_justice: true });
    const task = await db
      .selectFrom('tasks')
      .select('id')
      .where('child_id', '=', inc.childId)
      .where('owner_role', '=', 'youth_justice')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const yj = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('email', '=', 'youth-justice@kent.example')
      .executeTakeFirstOrThrow();
    // The service finds it in My tasks, and may open the child's record: its task is open.
    const service = await signedIn(t.app, 'kent', 'youth-justice');
    assert.match(
      text((await service.get(paths.tasks.mine())).body),
      /Allocate a Youth Justice worker and hold a case discussion/,
    );
    const record = await service.get(paths.children.show(inc.childId));
    assert.equal(record.statusCode, 200);
    assert.match(text(record.body), /Your service has an open task for this child/);
    // The manager may give it to a named worker of the service.
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const page = await manager.get(paths.tasks.show(task.id));
    assert.match(page.body, new RegExp(`<option value="${yj.id}">${yj.display_name}</option>`));
    // Once done, the service's sight of the record ends with it (unless allocated alongside).
    const own = await service.get(paths.tasks.show(task.id));
    assert.equal(
      (await service.post(paths.tasks.complete(task.id), { version: version(own.body), note: 'Case discussion held.' }))
        .statusCode,
      303,
    );
    assert.equal((await service.get(paths.children.show(inc.childId))).statusCode, 404);
  });

  it('says who to allocate first when nobody who owes a task works on the case', async () => {
    const { db } = t.database;
    const inc = await screenKentHarmful(db, 'Toby');
    // A task for a social worker on a child nobody is allocated to yet.
    await db.updateTable('children').set({ allocated_worker_id: null }).where('id', '=', inc.childId).execute();
    const task = await db
      .selectFrom('tasks')
      .select('id')
      .where('child_id', '=', inc.childId)
      .where('owner_role', '=', 'social_worker')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    // Allocated to the Front Door, which the manager manages and where no social worker works.
    const frontDoor = await db
      .selectFrom('teams')
      .select('id')
      .where('authority_id', '=', 'kent')
      .where('name', '=', 'Front Door')
      .executeTakeFirstOrThrow();
    await db.updateTable('children').set({ allocated_team_id: frontDoor.id }).where('id', '=', inc.childId).execute();
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const page = await manager.get(paths.tasks.show(task.id));
    assert.match(
      text(page.body),
      /Nobody else who could do this task works on Toby Alderbrook’s case yet\. Allocate the child first: a read grant lets a colleague see the record, not do its tasks\./,
    );
    assert.doesNotMatch(page.body, /name="assignee"/);
  });
});
