// Corrections to a submitted incident (issue 15): the author or a manager working on the case
// corrects a section by making a new version with a reason; the old version stays readable; the
// chronology and the audit log say who changed what and why; who is linked, and each child's
// part, is corrected by a manager only; someone who may see only one child never reads the other
// child's name in any version (R-X-1).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sectionBySlug } from '../../src/domain/recording-form.ts';
import * as incidents from '../../src/repositories/incidents.ts';
import * as childService from '../../src/services/child-service.ts';
import * as incidentService from '../../src/services/incident-service.ts';
import * as screeningService from '../../src/services/screening-service.ts';
import { paths } from '../../src/web/paths.ts';
import { pageText } from '../helpers/text.ts';
import { valuesFromIncident } from '../../src/web/pages/incidents/schema.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';
import { childFields } from '../helpers/factories.ts';

const text = pageText;

describe('correcting a submitted incident (issue 15)', () => {
  let t: TestApp;
  let dsl: Client;
  let manager: Client;
  let worker: Client;
  let incidentId: string;
  let ellisId: string;
  let mayaId: string;
  // Toby and Isla are both in the team the demo's team manager manages.
  let tobyIncident: string;
  let tobyId: string;
  let islaId: string;

  /** The section's answers as they stand, as its form posts them, with these changed. */
  async function sectionForm(slug: string, changes: Record<string, string | string[]> = {}) {
    const inc = (await incidents.findIncident(t.database.db, incidentId))!;
    const form: Record<string, string | string[]> = { version: String(inc.version) };
    for (const [name, value] of Object.entries(valuesFromIncident(sectionBySlug(slug)!, inc))) {
      if (typeof value === 'string' || Array.isArray(value)) form[name] = value;
      else {
        form[`${name}-day`] = value.day;
        form[`${name}-month`] = value.month;
        form[`${name}-year`] = value.year;
        form[`${name}-time`] = value.time;
      }
    }
    return { ...form, ...changes };
  }

  const tobyVersion = async () => String((await incidents.findIncident(t.database.db, tobyIncident))!.version);

  before(async () => {
    t = await startTestApp();
    ({ incidentId, childId: ellisId, targetedId: mayaId } = await demoIncident(t.database.db, 'kent', 'Ellis'));
    ({
      incidentId: tobyIncident,
      childId: tobyId,
      targetedId: islaId,
    } = await demoIncident(t.database.db, 'kent', 'Toby'));
    dsl = await signedIn(t.app, 'kent', 'dsl');
    manager = await signedIn(t.app, 'kent', 'team-manager');
    worker = await signedIn(t.app, 'kent', 'social-worker');
  });
  after(async () => t.close());

  it('offers the author a Correct link on each section, and no one who may only read it', async () => {
    const page = await dsl.get(paths.incidents.show(incidentId));
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`href="${paths.incidents.correct(incidentId, 'when-and-where')}"`));
    assert.ok(!page.body.includes(paths.incidents.correctChildren(incidentId)), 'relinking is for a manager');
    const workerPage = await worker.get(paths.incidents.show(incidentId));
    assert.equal(workerPage.statusCode, 200);
    assert.ok(!workerPage.body.includes('/correct/'), 'the allocated worker sees no Correct link');
    const refused = await worker.post(
      paths.incidents.correct(incidentId, 'when-and-where'),
      await sectionForm('when-and-where', { location_details: 'Changed by someone who may only read it', reason: 'x' }),
      { tokenFrom: paths.incidents.show(incidentId) },
    );
    assert.equal(refused.statusCode, 403);
    assert.ok(!text((await dsl.get(paths.incidents.show(incidentId))).body).includes('may only read it'));
  });

  it('asks for a reason and a change, all at once, keeping what was typed', async () => {
    await dsl.get(paths.incidents.correct(incidentId, 'behaviour'));
    const unchanged = await dsl.post(paths.incidents.correct(incidentId, 'behaviour'), {
      ...(await sectionForm('behaviour')),
      reason: '',
    });
    assert.equal(unchanged.statusCode, 400);
    const said = text(unchanged.body);
    assert.match(said, /There is a problem/);
    assert.ok(
      said.indexOf('Change at least one answer, or go back to the incident') <
        said.indexOf('Enter why you are correcting the record'),
      'both errors, in page order',
    );
    const emptied = await dsl.post(paths.incidents.correct(incidentId, 'behaviour'), {
      ...(await sectionForm('behaviour', { behaviour: '', context_details: 'Typed and kept (correction test)' })),
      reason: 'The description was wrong',
    });
    assert.equal(emptied.statusCode, 400);
    assert.match(text(emptied.body), /Enter a description of the behaviour|Describe the behaviour/i);
    assert.ok(emptied.body.includes('Typed and kept (correction test)'), 'what was typed is kept');
    assert.ok(emptied.body.includes('The description was wrong'), 'the reason is kept');
  });

  it('makes a new version with the reason; the old version stays readable; chronology and audit say so', async () => {
    const before = (await incidents.findIncident(t.database.db, incidentId))!;
    await dsl.get(paths.incidents.correct(incidentId, 'when-and-where'));
    const res = await dsl.post(paths.incidents.correct(incidentId, 'when-and-where'), {
      ...(await sectionForm('when-and-where', { location_details: 'By the bike shed behind the sports hall' })),
      reason: 'The place was typed wrongly: it was the bike shed, not the toilets',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, paths.incidents.show(incidentId));
    const page = text((await dsl.get(paths.incidents.show(incidentId))).body);
    assert.match(page, /Incident corrected/);
    assert.match(page, /This is version 2/);
    assert.match(page, /By the bike shed behind the sports hall/);
    assert.match(page, /Versions and corrections/);
    assert.match(page, /This is version 2, corrected \d{1,2} [A-Z][a-z]+ \d{4}: see the versions and corrections/);
    assert.match(page, /When and where it happened corrected \d{1,2} [A-Z][a-z]+ \d{4}/i);
    assert.match(page, /“The place was typed wrongly: it was the bike shed, not the toilets”/);

    const old = await dsl.get(paths.incidents.version(incidentId, 1));
    assert.equal(old.statusCode, 200);
    const oldText = text(old.body);
    assert.match(oldText, /This is an earlier version of the incident/);
    if (before.text.location_details) assert.ok(oldText.includes(before.text.location_details.slice(0, 30)));
    assert.ok(!oldText.includes('By the bike shed behind the sports hall'), 'version 1 is as it was');
    assert.equal(
      (await dsl.get(paths.incidents.version(incidentId, 2))).statusCode,
      404,
      'version 2 is the page itself',
    );

    const lines = await t.database.db
      .selectFrom('chronology_entries')
      .select(['child_id', 'summary'])
      .where('incident_id', '=', incidentId)
      .where('summary', 'like', 'Incident record corrected%')
      .execute();
    assert.deepEqual(
      new Set(lines.map((line) => line.child_id)),
      new Set([ellisId, mayaId]),
      'each child’s chronology',
    );
    assert.ok(
      lines.every((line) => !/Hawthorn|DSL|Ellis|Maya/.test(line.summary)),
      'no one named',
    );
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'incident.correct')
      .where('outcome', '=', 'ok')
      .where('entity_id', '=', incidentId)
      .executeTakeFirstOrThrow();
    const details = event.details as { fields: string[]; reason: string; version: number };
    assert.deepEqual(details.fields, ['location_details']);
    assert.match(details.reason, /bike shed/);
    assert.equal(details.version, 2);
  });

  it('answers a correction made on a version since corrected with what to check (409)', async () => {
    const stale = await sectionForm('when-and-where', { location_details: 'Stale correction', reason: 'Another fix' });
    stale['version'] = String(Number(stale['version']) - 1);
    await dsl.get(paths.incidents.correct(incidentId, 'when-and-where'));
    const res = await dsl.post(paths.incidents.correct(incidentId, 'when-and-where'), stale);
    assert.equal(res.statusCode, 409);
    assert.ok(res.body.includes('Stale correction'), 'what was typed is kept');
  });

  it('lets only a manager correct a child’s part, and keeps the child who harmed on the incident', async () => {
    assert.equal((await dsl.get(paths.incidents.correctChildren(tobyIncident))).statusCode, 403);
    const list = await manager.get(paths.incidents.correctChildren(tobyIncident));
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`href="${paths.incidents.correctChild(tobyIncident, islaId)}"`));
    await manager.get(paths.incidents.correctChild(tobyIncident, tobyId));
    const orphaned = await manager.post(paths.incidents.correctChild(tobyIncident, tobyId), {
      version: await tobyVersion(),
      role: 'remove',
      reason: '',
    });
    assert.equal(orphaned.statusCode, 400);
    const said = text(orphaned.body);
    assert.match(said, /The incident must still have a child who displayed the behaviour/);
    assert.match(said, /Enter why you are correcting the record/);

    await manager.get(paths.incidents.correctChild(tobyIncident, islaId));
    const res = await manager.post(paths.incidents.correctChild(tobyIncident, islaId), {
      version: await tobyVersion(),
      role: 'witness',
      reason: 'She saw it happen; she was not the child it was aimed at',
    });
    assert.equal(res.statusCode, 303);
    const inc = (await incidents.findIncident(t.database.db, tobyIncident))!;
    assert.equal(inc.children.find((child) => child.childId === islaId)?.role, 'witness');
    const ellisLine = await t.database.db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('child_id', '=', tobyId)
      .where('summary', 'like', '%another child is now recorded as a witness%')
      .executeTakeFirst();
    assert.ok(ellisLine, 'the other child’s chronology reads the change without naming her');
    const old = text((await manager.get(paths.incidents.version(tobyIncident, 1))).body);
    assert.match(old, /Was targeted by the behaviour/, 'the version before says what her part was');
  });

  it('lets a manager take off a child linked in error, and add the right child', async () => {
    const db = t.database.db;
    const managerActor = await demoActor(db, 'kent', 'team-manager');
    // The manager records a new incident with a wrongly chosen child as the child harmed.
    const author = managerActor;
    const id = await incidentService.startDraft(db, author);
    const team = await db
      .selectFrom('children')
      .select('allocated_team_id')
      .where('id', '=', tobyId)
      .executeTakeFirstOrThrow();
    const teamId = team.allocated_team_id!;
    const wrong = await childService.createChild(db, author, {
      fields: childFields({ firstName: 'Wrongly', lastName: 'Chosen' }),
      teamId,
    });
    const right = await childService.createChild(db, author, {
      fields: childFields({ firstName: 'Rightly', lastName: 'Named' }),
      teamId,
    });
    await incidentService.linkChild(db, author, id, { childId: tobyId, role: 'displayed', ownWords: '' });
    await incidentService.linkChild(db, author, id, { childId: wrong, role: 'targeted', ownWords: '' });
    const v = async () => (await incidents.findIncident(db, id))!.version;
    await incidentService.saveSection(db, author, id, await v(), sectionBySlug('when-and-where')!, {
      occurred_at: new Date(Date.now() - 86_400_000),
      location_type: 'school',
      technology_assisted: 'no',
    });
    await incidentService.saveSection(db, author, id, await v(), sectionBySlug('completed-by')!, {
      completed_by_relation: 'told',
    });
    await incidentService.saveSection(db, author, id, await v(), sectionBySlug('behaviour')!, {
      behaviour: 'Correction test: behaviour described',
    });
    await incidentService.submit(db, author, id, await v());
    assert.ok(managerActor.user.roles.includes('team_manager'));
    // Toby's level of concern is decided before the correction: his tasks were set for the children as they were.
    const ratings = {
      type: 'harmful',
      context: 'harmful',
      'emotional-response': 'problematic',
      'targeted-response': 'harmful',
      power: 'harmful',
      frequency: 'healthy',
      persistence: 'healthy',
      'parental-response': 'healthy',
    };
    const screening = await screeningService.recordAnswers(db, author, id, tobyId, {
      toolId: 'carson',
      answers: { ratings },
      facts: { significant_harm: true, youth_justice: false, open_case: false, other_children_at_risk: true },
    });
    const suggested = await db
      .selectFrom('screenings')
      .select('suggested_level')
      .where('id', '=', screening)
      .executeTakeFirstOrThrow();
    await screeningService.decide(db, author, screening, { levelId: suggested.suggested_level, rationale: 'Test.' });

    const openBefore = await db
      .selectFrom('tasks')
      .select('id')
      .where('incident_id', '=', id)
      .where('child_id', '=', wrong)
      .where('status', '=', 'open')
      .execute();
    assert.ok(openBefore.length > 0, 'the decision set tasks for the child linked in error');
    await manager.get(paths.incidents.correctChild(id, wrong));
    const removed = await manager.post(paths.incidents.correctChild(id, wrong), {
      version: String(await v()),
      role: 'remove',
      reason: 'The wrong child was chosen from the search',
    });
    assert.equal(removed.statusCode, 303);
    assert.match(
      text((await manager.get(paths.incidents.show(id))).body),
      /A level of concern was decided before this correction: screen the incident again/,
    );
    const stillOpen = await db
      .selectFrom('tasks')
      .select('id')
      .where('incident_id', '=', id)
      .where('child_id', '=', wrong)
      .where('status', '=', 'open')
      .execute();
    assert.deepEqual(stillOpen, [], 'the child linked in error has no open task left on the incident');
    const latest = await db
      .selectFrom('children')
      .select('latest_incident_at')
      .where('id', '=', wrong)
      .executeTakeFirstOrThrow();
    assert.equal(latest.latest_incident_at, null, 'nor an incident date on the case list');
    const search = await manager.get(`${paths.incidents.correctChildren(id)}?q=Rightly`);
    assert.ok(search.body.includes(`href="${paths.incidents.correctChild(id, right)}"`), 'the right child is found');
    await manager.get(paths.incidents.correctChild(id, right));
    const added = await manager.post(paths.incidents.correctChild(id, right), {
      version: String(await v()),
      role: 'targeted',
      ownWords: '',
      reason: 'The child harmed, left out when the wrong child was chosen',
    });
    assert.equal(added.statusCode, 303);
    const inc = (await incidents.findIncident(db, id))!;
    assert.deepEqual(
      inc.children.map((child) => [child.childId, child.role]),
      [
        [tobyId, 'displayed'],
        [right, 'targeted'],
      ],
    );
    const wrongLines = await db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('child_id', '=', wrong)
      .where('incident_id', '=', id)
      .execute();
    assert.ok(wrongLines.some((line) => /taken off the incident, linked in error/.test(line.summary)));
    const page = text((await manager.get(paths.incidents.show(id))).body);
    assert.match(page, /Children involved corrected/);
    assert.ok(!page.includes('Wrongly Chosen'), 'the child linked in error is no longer on the incident');
    const events = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'incident.relink')
      .where('entity_id', '=', id)
      .execute();
    assert.equal(events.length, 2);
  });

  it('gives the author no sight of a child a manager adds, nor the reason, and refuses a part on a read grant', async () => {
    const db = t.database.db;
    const managerActor = await demoActor(db, 'kent', 'team-manager');
    const team = await db
      .selectFrom('children')
      .select('allocated_team_id')
      .where('id', '=', tobyId)
      .executeTakeFirstOrThrow();
    const added = await childService.createChild(db, managerActor, {
      fields: childFields({ firstName: 'Quentin', lastName: 'Added' }),
      teamId: team.allocated_team_id!,
    });
    assert.equal((await dsl.get(paths.children.show(added))).statusCode, 404, 'the DSL may not see him before');
    await manager.get(paths.incidents.correctChild(tobyIncident, added));
    const tooLong = await manager.post(paths.incidents.correctChild(tobyIncident, added), {
      version: await tobyVersion(),
      role: 'witness',
      ownWords: 'x'.repeat(10_001),
      reason: 'Quentin saw it from the corridor',
    });
    assert.equal(tooLong.statusCode, 400);
    assert.match(text(tooLong.body), /What the child said must be 10,000 characters or fewer/);
    const res = await manager.post(paths.incidents.correctChild(tobyIncident, added), {
      version: await tobyVersion(),
      role: 'witness',
      ownWords: '',
      reason: 'Quentin saw it from the corridor',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(
      (await dsl.get(paths.children.show(added))).statusCode,
      404,
      'writing the incident gives no sight of him',
    );
    const dslPage = text((await dsl.get(paths.incidents.show(tobyIncident))).body);
    assert.ok(!dslPage.includes('Quentin'), 'neither his name nor the reason');
    assert.match(dslPage, /the reason is about a child you do not have access to/);

    // On a read grant only, the manager sees a linked child but may not change their part (R-X-7).
    const grantee = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'team-manager@kent.example')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('access_grants')
      .values({
        user_id: grantee.id,
        child_id: mayaId,
        reason: 'Test',
        granted_by: grantee.id,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .execute();
    assert.equal((await manager.get(paths.incidents.correctChild(incidentId, mayaId))).statusCode, 403);
    const removed = await manager.post(
      paths.incidents.correctChild(incidentId, mayaId),
      { version: String((await incidents.findIncident(db, incidentId))!.version), role: 'remove', reason: 'x' },
      { tokenFrom: paths.incidents.show(incidentId) },
    );
    assert.equal(removed.statusCode, 403);
    const inc = (await incidents.findIncident(db, incidentId))!;
    assert.ok(
      inc.children.some((child) => child.childId === mayaId),
      'she is still on the incident',
    );
  });

  it('never names, in any version, a child the reader may not see (R-X-1)', async () => {
    const page = text((await worker.get(paths.incidents.version(incidentId, 1))).body);
    assert.match(page, /Another child/);
    assert.ok(!/Maya|Larchwood/.test(page), 'the child harmed is not named in the earlier version');
    assert.equal((await worker.get(paths.incidents.correctChild(incidentId, mayaId))).statusCode, 403);
  });
});
