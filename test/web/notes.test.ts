// Case notes (issue 15): written on one child's record (R-X-1), every problem at once, a
// management oversight note only by a manager and signed by them, in the chronology, every view
// and note audited; never seen by someone who may see only the other child.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { londonToday } from '../../src/domain/age.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import { seedDemoNotes } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');
const noteIdFrom = (html: string) => /\/notes\/([0-9a-f-]{36})"/.exec(html)?.[1] ?? '';
const boxes = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { 'happenedOn-day': String(Number(day)), 'happenedOn-month': String(Number(month)), 'happenedOn-year': year! };
};

describe('case notes (issue 15)', () => {
  let t: TestApp;
  let worker: Client;
  let manager: Client;
  let childId: string;
  let harmedId: string;
  const today = londonToday();

  before(async () => {
    t = await startTestApp();
    worker = await signedIn(t.app, 'kent', 'social-worker');
    manager = await signedIn(t.app, 'kent', 'team-manager');
    ({ childId, targetedId: harmedId } = await demoIncident(t.database.db, 'kent', 'Ellis'));
  });
  after(async () => t.close());

  it('is reached from the child’s record, and lists every problem at once in the order of the form', async () => {
    const record = await worker.get(paths.children.show(childId));
    assert.ok(record.body.includes(`href="${paths.children.notes(childId)}"`), 'the record links to its notes');
    const list = await worker.get(paths.children.notes(childId));
    assert.equal(list.statusCode, 200);
    assert.match(text(list.body), /No notes written/);
    const form = await worker.get(paths.children.newNote(childId));
    assert.ok(!text(form.body).includes('Management oversight'), 'a worker is not offered the manager’s note');
    const refused = await worker.post(paths.children.newNote(childId), {
      kind: '',
      ...boxes(new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10)),
      present: 'x'.repeat(1001),
      words: '  ',
    });
    assert.equal(refused.statusCode, 400);
    const errorSummary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(refused.body)?.[1] ?? '';
    const summary = [...errorSummary.matchAll(/href="(#[^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(summary, ['#kind', '#happenedOn-day', '#present', '#words']);
    const page = text(refused.body);
    assert.match(page, /Select what kind of note this is/);
    assert.match(page, /Date must be today or in the past/);
    assert.match(page, /Who was there or spoken to must be 1,000 characters or fewer/);
    assert.match(page, /Enter the note/);
    assert.ok(refused.body.includes('x'.repeat(1001)), 'what was typed is kept');
    const oversight = await worker.post(paths.children.newNote(childId), {
      kind: 'oversight',
      ...boxes(today),
      words: 'Case discussed.',
    });
    assert.equal(oversight.statusCode, 400);
    assert.match(text(oversight.body), /Only a manager can write a management oversight note/);
  });

  it('saves a visit on the child’s own record, in the chronology without its words, audited', async () => {
    const saved = await worker.post(paths.children.newNote(childId), {
      kind: 'visit',
      ...boxes(today),
      present: 'Ellis and his mother',
      words: 'Home visit. Ellis said he understood the safety plan.',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, paths.children.notes(childId));
    const list = await worker.get(paths.children.notes(childId));
    const page = text(list.body);
    assert.match(page, /Note saved/);
    assert.ok(page.includes(`Visit, ${formatDate(today)}`));
    assert.match(page, /With Ellis and his mother/);
    assert.match(page, /Ellis said he understood the safety plan/);
    const id = noteIdFrom(list.body);
    const one = await worker.get(paths.notes.show(id));
    assert.equal(one.statusCode, 200);
    assert.match(text(one.body), /Written by/);
    const chronology = text((await worker.get(`${paths.children.chronology(childId)}?kind=note`)).body);
    assert.ok(chronology.includes(`Visit on ${formatDate(today)}. With Ellis and his mother.`));
    assert.ok(
      !chronology.includes('understood the safety plan'),
      'the chronology gives the note’s kind, not its words',
    );
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['note.write', 'note.view'])
      .execute();
    assert.ok(events.some((event) => event.action === 'note.write' && event.entity_id === id));
    assert.ok(events.some((event) => event.action === 'note.view' && event.entity_id === id));
    assert.ok(events.some((event) => event.action === 'note.view' && event.entity_id === childId));
  });

  it('lets a manager write a management oversight note, signed with their name and role', async () => {
    const form = await manager.get(paths.children.newNote(childId));
    assert.match(text(form.body), /Management oversight/);
    const saved = await manager.post(paths.children.newNote(childId), {
      kind: 'oversight',
      ...boxes(today),
      words: 'Supervision: plan is proportionate; review in 4 weeks.',
    });
    assert.equal(saved.statusCode, 303);
    const page = text((await worker.get(paths.children.notes(childId))).body);
    assert.match(page, /Management oversight/);
    assert.match(page, /Signed by [^,]+, Team manager, /);
  });

  it('records where on the body the child was touched or injured, in words and on the outlines (issue 15)', async () => {
    const form = await worker.get(paths.children.newNote(childId));
    assert.match(text(form.body), /Where on the body was the child touched or injured\? \(optional\)/);
    assert.match(form.body, /<svg class="app-body-map__svg"[^>]*role="img"/);
    const forged = await worker.post(paths.children.newNote(childId), {
      kind: 'visit',
      ...boxes(today),
      words: 'Bruise seen on his hand.',
      bodyRegions: ['front-right-hand', 'elbow'],
    });
    assert.equal(forged.statusCode, 400);
    assert.match(text(forged.body), /Select where on the body from the list/);
    assert.match(forged.body, /value="front-right-hand" checked/, 'what was ticked is kept');
    const saved = await worker.post(paths.children.newNote(childId), {
      kind: 'visit',
      ...boxes(today),
      words: 'Bruise seen on the back of his right hand (body map).',
      bodyRegions: ['front-right-hand', 'back-upper'],
    });
    assert.equal(saved.statusCode, 303);
    const list = await worker.get(paths.children.notes(childId));
    const id = [...list.body.matchAll(/\/notes\/([0-9a-f-]{36})"/g)].map((match) => match[1]).find(Boolean)!;
    const page = await worker.get(paths.notes.show(id));
    const words = text(page.body);
    assert.match(words, /Body map/);
    assert.match(words, /Right hand Upper back/);
    assert.match(page.body, /<title id="note-body-map-front-title">Front of the body, marked: Right hand<\/title>/);
    assert.match(page.body, /class="app-body-map__region app-body-map__region--marked" data-region="front-right-hand"/);
    assert.match(
      page.body,
      /class="app-body-map__region" data-region="front-left-hand"/,
      'what was not ticked is not marked',
    );
  });

  it('keeps a note on the child harmed’s record out of sight of those who see only the child who harmed (R-X-1)', async () => {
    const workerB = await signedIn(t.app, 'kent', 'social-worker-b');
    const saved = await workerB.post(
      paths.children.newNote(harmedId),
      { kind: 'direct_work', ...boxes(today), words: 'Direct work with the child harmed.' },
      { tokenFrom: paths.children.newNote(harmedId) },
    );
    assert.equal(saved.statusCode, 303);
    const id = noteIdFrom((await workerB.get(paths.children.notes(harmedId))).body);
    assert.ok(id);
    assert.equal((await worker.get(paths.notes.show(id))).statusCode, 404);
    assert.equal((await worker.get(paths.children.notes(harmedId))).statusCode, 404);
    const refused = await worker.post(
      paths.children.newNote(harmedId),
      { kind: 'note', ...boxes(today), words: 'Should not be saved.' },
      { tokenFrom: paths.children.notes(childId) },
    );
    assert.equal(refused.statusCode, 404);
    const theirs = text((await worker.get(paths.children.notes(childId))).body);
    assert.ok(!theirs.includes('Direct work with the child harmed'));
  });
});

describe('the demo data’s case notes (issue 15)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemoNotes(t.database.db);
  });
  after(async () => t.close());

  for (const authority of ['kent', 'thurrock', 'north-yorkshire', 'north-east-lincolnshire', 'islington'])
    it(`gives ${authority}’s first case notes on each child’s own record, the manager’s signed`, async () => {
      const worker = await signedIn(t.app, authority, 'social-worker');
      const { childId } = await demoIncident(t.database.db, authority, 'Ellis');
      const page = text((await worker.get(paths.children.notes(childId))).body);
      assert.match(page, /Visit, /);
      assert.match(page, /Phone call, /);
      assert.match(page, /Signed by [^,]+, Team manager, /);
      assert.ok(!page.includes('Direct work session (demo data)'), 'Maya’s note is on her own record');
    });
});
