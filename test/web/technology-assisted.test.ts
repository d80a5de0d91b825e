// The technology-assisted case (issue 15): when the recording form says the behaviour was online or
// technology-assisted (recorded as such, R-THU-6), the form, the check-answers page and the incident
// record show what the national guidance for education settings expects where images or videos were
// shared (UKCIS, labelled as national guidance, not a procedure clause): do not view or forward the
// image, record what is known, when to involve the police, the Report Remove tool. Nothing takes an
// image. A read grant sees the guidance on the record but cannot change the form.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

const GUIDANCE =
  /Do not look at, copy, print, save or forward an image or video, and do not ask a child to send or show it to you/;
const WHEN = {
  'occurred_at-day': '2',
  'occurred_at-month': '11',
  'occurred_at-year': '2026',
  'occurred_at-time': '10:15',
  location_type: 'school',
};

describe('the technology-assisted case: what to do about images (issue 15, R-THU-6, national guidance)', () => {
  let t: TestApp;
  let dsl: Client;
  let incidentId = '';
  let tobyId = '';

  before(async () => {
    t = await startTestApp();
    await seedDemoScreenings(t.database.db);
    tobyId = (await demoIncident(t.database.db, 'kent', 'Toby')).childId;
    dsl = await signedIn(t.app, 'kent', 'dsl');
    const start = await dsl.post('/incidents', {}, { tokenFrom: '/incidents' });
    incidentId = String(start.headers.location).split('/')[2]!;
    await dsl.get(paths.incidents.children(incidentId));
    const linked = await dsl.post(paths.incidents.children(incidentId), { childId: tobyId, role: 'displayed' });
    assert.equal(linked.statusCode, 303, linked.body.slice(0, 300));
  });
  after(async () => t.close());

  async function save(slug: string, form: Record<string, string>) {
    const page = await dsl.get(paths.incidents.section(incidentId, slug));
    const res = await dsl.post(paths.incidents.section(incidentId, slug), { version: version(page.body), ...form });
    assert.equal(res.statusCode, 303, `${slug}: ${text(res.body).slice(0, 300)}`);
  }

  it('puts the guidance under the question on the form: shown while “Yes” is chosen, and always there without JavaScript', async () => {
    const page = await dsl.get(paths.incidents.section(incidentId, 'when-and-where'));
    assert.equal(page.statusCode, 200);
    const shown = /<div class="govuk-inset-text" data-app-shown-when="technology_assisted=yes">([\s\S]*?)<\/ul>/.exec(
      page.body,
    );
    assert.ok(shown, 'the guidance is marked as shown for “Yes” (app.js hides it for the other answers)');
    assert.ok(
      page.body.indexOf('name="technology_assisted"') < shown.index,
      'it comes after the question, next in reading order',
    );
    assert.match(text(shown[1]!), GUIDANCE);
    assert.match(
      text(shown[1]!),
      /Record what is known, not the image: who made or shared it, who it was sent to or seen by/,
    );
    assert.match(text(page.body), /never copy an image here/);
    assert.doesNotMatch(page.body, /type="file"|multipart\/form-data/, 'the form takes no image');
  });

  it('does not show it when the behaviour was not online or technology-assisted', async () => {
    await save('when-and-where', { ...WHEN, technology_assisted: 'no' });
    const check = await dsl.get(paths.incidents.check(incidentId));
    assert.doesNotMatch(text(check.body), GUIDANCE);
  });

  it('shows it on the check-answers page once “Yes” is saved, labelled as national guidance, with when to call the police', async () => {
    await save('when-and-where', {
      ...WHEN,
      technology_assisted: 'yes',
      technology_details: 'A photo was shared in a group chat on Tuesday evening; who else received it is not known.',
    });
    const form = await dsl.get(paths.incidents.section(incidentId, 'when-and-where'));
    assert.match(form.body, /name="technology_assisted" type="radio" value="yes" checked/);
    const check = text((await dsl.get(paths.incidents.check(incidentId))).body);
    assert.match(check, GUIDANCE);
    assert.match(
      check,
      /Involve the police and children’s social care at once if an adult is involved; there is coercion, blackmail or grooming/,
    );
    assert.match(check, /a child in the images is under 13/);
    assert.match(check, /Report Remove tool from Childline and the Internet Watch Foundation/);
    assert.match(
      check,
      /National guidance for education settings: UK Council for Internet Safety, “Sharing nudes and semi-nudes: advice for education settings working with children and young people”\. It is not part of your authority’s procedure\./,
    );
    assert.doesNotMatch(check, /R-THU-6|R-[A-Z]+-\d+/, 'practitioners never see requirement IDs');
  });

  it('shows it on the submitted incident, also to a read grant, which cannot change the form', async () => {
    await save('completed-by', { completed_by_name: 'Kent DSL', completed_by_relation: 'told' });
    await save('behaviour', { behaviour: 'Sent a photo of himself to a classmate and asked for one back.' });
    const check = await dsl.get(paths.incidents.check(incidentId));
    const submitted = await dsl.post(paths.incidents.submit(incidentId), { version: version(check.body) });
    assert.equal(submitted.statusCode, 303, text(submitted.body).slice(0, 300));
    assert.match(text((await dsl.get(paths.incidents.show(incidentId))).body), GUIDANCE);

    const { db } = t.database;
    const workerB = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'social-worker-b@kent.example')
      .executeTakeFirstOrThrow();
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    await manager.get(paths.children.show(tobyId));
    const granted = await manager.post(`/children/${tobyId}/grants`, {
      userId: workerB.id,
      reason: 'Reading the case before a consultation',
      days: '7',
    });
    assert.equal(granted.statusCode, 303);
    const reader = await signedIn(t.app, 'kent', 'social-worker-b');
    const seen = await reader.get(paths.incidents.show(incidentId));
    assert.equal(seen.statusCode, 200);
    assert.match(text(seen.body), GUIDANCE);
    const before = await db
      .selectFrom('incidents')
      .select(['version', 'technology_details'])
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow();
    const refused = await reader.post(
      paths.incidents.section(incidentId, 'when-and-where'),
      { version: '1', ...WHEN, technology_assisted: 'no' },
      { tokenFrom: paths.incidents.show(incidentId) },
    );
    assert.ok([403, 404].includes(refused.statusCode), `refused, not ${refused.statusCode}`);
    const afterwards = await db
      .selectFrom('incidents')
      .select(['version', 'technology_details'])
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(afterwards, before, 'nothing changed');
  });
});
