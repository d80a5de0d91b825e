// Allocation: the child who harmed and the child harmed never share a worker, even in the same
// household (R-KEN-6, R-X-1); the refusal is next to the field and audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('allocation', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('refuses the same worker for the child who harmed and the child harmed (R-KEN-6)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'kent', 'Toby');
    const worker = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'social-worker@kent.example')
      .executeTakeFirstOrThrow();
    const other = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'aim-practitioner@kent.example')
      .executeTakeFirstOrThrow();
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const version = async (id: string) =>
      /name="version" value="(\d+)"/.exec((await manager.get(paths.children.show(id))).body)![1]!;

    const first = await manager.post(paths.children.allocation(inc.childId), {
      version: await version(inc.childId),
      workerId: worker.id,
      teamId: '',
    });
    assert.equal(first.statusCode, 303);
    const refused = await manager.post(paths.children.allocation(inc.targetedId), {
      version: await version(inc.targetedId),
      workerId: worker.id,
      teamId: '',
    });
    assert.equal(refused.statusCode, 400);
    const page = text(refused.body);
    assert.match(page, /There is a problem/);
    assert.match(
      page,
      /Select a different worker: Kent social worker is allocated to the child who harmed in the incident on .* Each child needs their own worker, even in the same household/,
    );
    assert.match(refused.body, /href="#workerId"/);
    const child = await db
      .selectFrom('children')
      .select('allocated_worker_id')
      .where('id', '=', inc.targetedId)
      .executeTakeFirstOrThrow();
    assert.equal(child.allocated_worker_id, null, 'nothing saved');
    const audit = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'child.allocate')
      .where('outcome', '=', 'refused')
      .where('entity_id', '=', inc.targetedId)
      .execute();
    assert.equal(audit[0]?.details['reason'], 'same_worker_as_other_child');

    const ok = await manager.post(paths.children.allocation(inc.targetedId), {
      version: await version(inc.targetedId),
      workerId: other.id,
      teamId: '',
    });
    assert.equal(ok.statusCode, 303);
  });
});

describe('a Youth Justice worker alongside (R-KEN-4)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('is allocated with the social worker, sees the record, and the chronology keeps the change', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'kent', 'Ellis');
    const yj = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'youth-justice@kent.example')
      .executeTakeFirstOrThrow();
    const youthJustice = await signedIn(t.app, 'kent', 'youth-justice');
    assert.equal((await youthJustice.get(paths.children.show(inc.childId))).statusCode, 404);

    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const page = await manager.get(paths.children.show(inc.childId));
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const workerId = /<option value="([0-9a-f-]{36})" selected>/.exec(page.body)![1]!;
    const teamId = [...page.body.matchAll(/<option value="([0-9a-f-]{36})" selected>/g)][1]![1]!;
    const bad = await manager.post(paths.children.allocation(inc.childId), {
      version,
      workerId,
      teamId,
      youthJusticeWorkerId: workerId,
    });
    assert.equal(bad.statusCode, 400);
    assert.match(text(bad.body), /Select a Youth Justice worker from the list/);
    const ok = await manager.post(paths.children.allocation(inc.childId), {
      version,
      workerId,
      teamId,
      youthJusticeWorkerId: yj.id,
    });
    assert.equal(ok.statusCode, 303);

    const seen = await youthJustice.get(paths.children.show(inc.childId));
    assert.equal(seen.statusCode, 200);
    assert.match(text(seen.body), /Youth Justice worker: Kent youth justice/);
    assert.match(text(seen.body), /You are the allocated worker/);
    // The list query applies the same rule in SQL.
    assert.match(text((await youthJustice.get('/cases?scope=all')).body), /Ellis Hawthorn/);
    const chronology = text((await manager.get(paths.children.chronology(inc.childId))).body);
    assert.match(chronology, /Youth Justice worker: Kent youth justice\./);
    const row = await db
      .selectFrom('children')
      .select(['allocated_worker_id', 'youth_justice_worker_id'])
      .where('id', '=', inc.childId)
      .executeTakeFirstOrThrow();
    assert.equal(row.allocated_worker_id, workerId, 'the social worker stays');
    assert.equal(row.youth_justice_worker_id, yj.id);
  });
});
