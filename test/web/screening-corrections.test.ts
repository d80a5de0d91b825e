// Corrections to a decided screening (issue 15): the person who decided the level of concern, or
// a manager working on the case, corrects the reasons given with a reason; the reasons as first
// given stay readable; the child's chronology and the audit log say so; the level itself is not
// corrected (screening again decides a different one); anyone else who may see it only reads it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { paths } from '../../src/web/paths.ts';
import { pageText } from '../helpers/text.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { screenKentHarmful } from '../helpers/cases.ts';

const text = pageText;

describe('correcting the reasons for a level of concern (issue 15)', () => {
  let t: TestApp;
  let dsl: Client;
  let manager: Client;
  let worker: Client;
  let screeningId: string;
  let childId: string;

  before(async () => {
    t = await startTestApp();
    ({ childId } = await screenKentHarmful(t.database.db, 'Toby'));
    const row = await t.database.db
      .selectFrom('screenings')
      .select('id')
      .where('child_id', '=', childId)
      .where('status', '=', 'decided')
      .executeTakeFirstOrThrow();
    screeningId = row.id;
    dsl = await signedIn(t.app, 'kent', 'dsl');
    manager = await signedIn(t.app, 'kent', 'team-manager');
    worker = await signedIn(t.app, 'kent', 'social-worker');
  });
  after(async () => t.close());

  it('offers the person who decided a Correct link, and refuses someone on the team who did not', async () => {
    const page = await dsl.get(paths.screening.show(screeningId));
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`href="${paths.screening.correct(screeningId)}"`));
    const workerPage = await worker.get(paths.screening.show(screeningId));
    assert.equal(workerPage.statusCode, 200);
    assert.ok(!workerPage.body.includes(paths.screening.correct(screeningId)));
    assert.equal((await worker.get(paths.screening.correct(screeningId))).statusCode, 403);
    const refused = await worker.post(
      paths.screening.correct(screeningId),
      { version: '1', rationale: 'Changed by a reader', reason: 'x' },
      { tokenFrom: paths.screening.show(screeningId) },
    );
    assert.equal(refused.statusCode, 403);
  });

  it('asks for a change and a reason, all at once, keeping what was typed', async () => {
    await dsl.get(paths.screening.correct(screeningId));
    const res = await dsl.post(paths.screening.correct(screeningId), {
      version: '1',
      rationale: 'Coercive, towards a younger child.',
      reason: '',
    });
    assert.equal(res.statusCode, 400);
    const said = text(res.body);
    assert.ok(
      said.indexOf('Change the reasons, or go back to the screening') <
        said.indexOf('Enter why you are correcting the record'),
    );
    const emptied = await dsl.post(paths.screening.correct(screeningId), {
      version: '1',
      rationale: '',
      reason: 'Typed and kept',
    });
    assert.equal(emptied.statusCode, 400);
    assert.match(text(emptied.body), /Enter the reasons for the decision/);
    assert.ok(emptied.body.includes('Typed and kept'));
  });

  it('makes a new version; the first reasons stay readable; chronology and audit say so', async () => {
    await manager.get(paths.screening.correct(screeningId));
    const res = await manager.post(paths.screening.correct(screeningId), {
      version: '1',
      rationale: 'Coercive, towards a child two years younger, in a place out of sight of staff.',
      reason: 'The first reasons left out where it happened',
    });
    assert.equal(res.statusCode, 303);
    const page = text((await manager.get(paths.screening.show(screeningId))).body);
    assert.match(page, /Reasons corrected/);
    assert.match(page, /in a place out of sight of staff/);
    assert.match(page, /Corrections to the reasons/);
    assert.match(page, /“The first reasons left out where it happened”/);
    assert.match(page, /Level of concern Harmful/, 'the level is unchanged');
    const old = text((await worker.get(paths.screening.version(screeningId, 1))).body);
    assert.match(old, /These are the reasons as they were before a correction/);
    assert.match(old, /Coercive, towards a younger child\./);
    assert.ok(!old.includes('out of sight of staff'));
    const line = await t.database.db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('child_id', '=', childId)
      .where('summary', 'like', 'Reasons for the level of concern corrected%')
      .executeTakeFirst();
    assert.equal(line?.summary, 'Reasons for the level of concern corrected (version 2).');
    const event = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'screening.correct')
      .where('outcome', '=', 'ok')
      .executeTakeFirstOrThrow();
    assert.match((event.details as { reason: string }).reason, /left out where it happened/);
  });

  it('answers a correction made on a version since corrected with what to check (409)', async () => {
    await dsl.get(paths.screening.correct(screeningId));
    const res = await dsl.post(paths.screening.correct(screeningId), {
      version: '1',
      rationale: 'A stale correction',
      reason: 'Stale',
    });
    assert.equal(res.statusCode, 409);
    assert.ok(res.body.includes('A stale correction'));
    assert.equal((await dsl.get(paths.screening.version(screeningId, 2))).statusCode, 404);
  });
});
