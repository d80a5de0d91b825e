// Closing and reopening a child's case: a team manager closes it with the reasons once no task is
// open and no meeting is arranged (R-X-3, R-X-9); others are refused and audited; a manager
// reopens it with the reasons, and a new incident, or new tasks from screening again, reopen it by itself.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sectionBySlug } from '../../src/domain/recording-form.ts';
import * as incidentService from '../../src/services/incident-service.ts';
import * as taskService from '../../src/services/task-service.ts';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, screenKentHarmful } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

describe('closing and reopening a case', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('closes only when nothing is left open, with the reasons, and reopens on a new incident', async () => {
    const { db } = t.database;
    const inc = await screenKentHarmful(db, 'Toby');
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const status = async () =>
      (
        await db
          .selectFrom('children')
          .select(['status', 'closure_reason'])
          .where('id', '=', inc.childId)
          .executeTakeFirstOrThrow()
      ).status;

    // Open tasks stand in the way: listed with links, and a posted form is refused.
    const record = await manager.get(paths.children.show(inc.childId));
    assert.match(record.body, new RegExp(`href="${paths.children.close(inc.childId)}">Close the case<`));
    let page = await manager.get(paths.children.close(inc.childId));
    assert.equal(page.statusCode, 200);
    const open = await db
      .selectFrom('tasks')
      .select(['id', 'title'])
      .where('child_id', '=', inc.childId)
      .where('status', '=', 'open')
      .execute();
    assert.ok(open.length >= 2);
    for (const task of open) assert.match(text(page.body), new RegExp(`Task: ${task.title}`));
    assert.doesNotMatch(page.body, /name="reason"/);
    const blocked = await manager.post(paths.children.close(inc.childId), {
      version: version(record.body),
      reason: 'Support in place.',
    });
    assert.equal(blocked.statusCode, 400);
    assert.match(
      text(blocked.body),
      /There is a problem .*Finish the open tasks and close the meetings listed before closing the case/,
    );
    assert.match(blocked.body, /href="#blockers"/);
    assert.equal(await status(), 'open');

    // Every task done: the form appears; the reasons are required.
    const actor = await demoActor(db, 'kent', 'team-manager');
    for (const task of open) {
      const v = (await db.selectFrom('tasks').select('version').where('id', '=', task.id).executeTakeFirstOrThrow())
        .version;
      await taskService.completeTask(db, actor, task.id, v, 'Done and recorded.');
    }
    page = await manager.get(paths.children.close(inc.childId));
    assert.match(page.body, /name="reason"/);
    const noReason = await manager.post(paths.children.close(inc.childId), {
      version: version(page.body),
      reason: '  ',
    });
    assert.equal(noReason.statusCode, 400);
    assert.match(text(noReason.body), /Enter why the case is being closed/);
    assert.match(noReason.body, /href="#reason"/);

    // Others may not close it: refused and audited, nothing changed.
    const worker = await signedIn(t.app, 'kent', 'social-worker');
    assert.equal((await worker.get(paths.children.close(inc.childId))).statusCode, 403);
    assert.equal(
      (await worker.post(paths.children.close(inc.childId), { version: version(page.body), reason: 'Closing.' }))
        .statusCode,
      403,
    );
    const refused = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'child.close')
      .where('outcome', '=', 'refused')
      .where('entity_id', '=', inc.childId)
      .execute();
    assert.equal(refused[0]?.details['reason'], 'missing_role');
    assert.equal(await status(), 'open');

    const closed = await manager.post(paths.children.close(inc.childId), {
      version: version(page.body),
      reason: 'Assessment complete; the school’s safety plan is working.',
    });
    assert.equal(closed.statusCode, 303);
    assert.equal(await status(), 'closed');
    const after = text((await manager.get(paths.children.show(inc.childId))).body);
    assert.match(
      after,
      /Case closed .*Closed Closed on .* by Kent team manager: Assessment complete; the school’s safety plan is working\. Reopen the case/,
    );
    assert.match(text((await manager.get(`${paths.cases()}?scope=all&status=closed`)).body), /Toby Alderbrook/);
    assert.doesNotMatch(text((await manager.get(`${paths.cases()}?scope=all&status=open`)).body), /Toby Alderbrook/);
    assert.match(
      text((await manager.get(paths.children.chronology(inc.childId))).body),
      /Case closed by Kent team manager: Assessment complete/,
    );
    assert.equal(
      (
        await db
          .selectFrom('audit_events')
          .select('action')
          .where('action', '=', 'child.close')
          .where('outcome', '=', 'ok')
          .where('entity_id', '=', inc.childId)
          .execute()
      ).length,
      1,
    );

    // Reopening needs the reasons too.
    const reopenPage = await manager.get(paths.children.reopen(inc.childId));
    const noWhy = await manager.post(paths.children.reopen(inc.childId), {
      version: version(reopenPage.body),
      reason: '',
    });
    assert.equal(noWhy.statusCode, 400);
    assert.match(text(noWhy.body), /Enter why the case is being reopened/);

    // Screening the incident again with new facts sets new tasks, which reopens the case.
    await screenKentHarmful(db, 'Toby', { youth_justice: true });
    assert.equal(await status(), 'open');
    assert.match(
      text((await manager.get(paths.children.chronology(inc.childId))).body),
      /Case reopened: the incident was screened again and new tasks set\./,
    );
    for (const task of await db
      .selectFrom('tasks')
      .select(['id', 'version'])
      .where('child_id', '=', inc.childId)
      .where('status', '=', 'open')
      .execute()) {
      await taskService.completeTask(db, actor, task.id, task.version, 'Discussed with Youth Justice.');
    }
    const again = await manager.get(paths.children.close(inc.childId));
    assert.equal(
      (
        await manager.post(paths.children.close(inc.childId), {
          version: version(again.body),
          reason: 'Youth Justice discussion held; no further concerns.',
        })
      ).statusCode,
      303,
    );
    assert.equal(await status(), 'closed');

    // A new incident about Toby reopens the case by itself.
    const dsl = await demoActor(db, 'kent', 'dsl');
    const incidentId = await incidentService.startDraft(db, dsl);
    const v = async () =>
      (await db.selectFrom('incidents').select('version').where('id', '=', incidentId).executeTakeFirstOrThrow())
        .version;
    await incidentService.saveSection(db, dsl, incidentId, await v(), sectionBySlug('when-and-where')!, {
      occurred_at: new Date(Date.now() - 3_600_000),
      location_type: 'school',
      technology_assisted: 'no',
    });
    await incidentService.saveSection(db, dsl, incidentId, await v(), sectionBySlug('completed-by')!, {
      completed_by_relation: 'told',
    });
    await incidentService.saveSection(db, dsl, incidentId, await v(), sectionBySlug('behaviour')!, {
      behaviour: 'Exposed himself to a classmate in the toilets.',
    });
    await incidentService.linkChild(db, dsl, incidentId, { childId: inc.childId, role: 'displayed', ownWords: '' });
    await incidentService.submit(db, dsl, incidentId, await v());
    assert.equal(await status(), 'open');
    assert.match(
      text((await manager.get(paths.children.chronology(inc.childId))).body),
      /Case reopened: a new incident was recorded\./,
    );
  });
});
