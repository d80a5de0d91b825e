// Family and network, and alerts (issue 15): people and alerts on one child's record (R-X-1),
// every problem at once, the child harmed's household and addresses sealed from anyone who sees
// her only through the incident, a read grant never changes them, alerts at the top of every page
// of the record, every view and change audited, and the chronology without names.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { emptyNetworkInput } from '../../src/domain/family.ts';
import { seedDemoFamily } from '../../src/cli/demo-data.ts';
import * as childService from '../../src/services/child-service.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const summaryOf = (html: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/href="(#[^"]+)"/g)].map(
    (match) => match[1],
  );
const blank: Record<string, string> = { ...emptyNetworkInput() };

describe('family and network (issue 15)', () => {
  let t: TestApp;
  let worker: Client;
  let workerB: Client;
  let dsl: Client;
  let childId: string;
  let harmedId: string;

  before(async () => {
    t = await startTestApp();
    worker = await signedIn(t.app, 'kent', 'social-worker');
    workerB = await signedIn(t.app, 'kent', 'social-worker-b');
    dsl = await signedIn(t.app, 'kent', 'dsl');
    ({ childId, targetedId: harmedId } = await demoIncident(t.database.db, 'kent', 'Ellis'));
  });
  after(async () => t.close());

  it('is reached from the child’s record, and lists every problem at once in the order of the form, keeping what was typed', async () => {
    const record = await worker.get(paths.children.show(childId));
    assert.ok(
      record.body.includes(`href="${paths.children.family(childId)}"`),
      'the record links to the family and network',
    );
    const page = text((await worker.get(paths.children.family(childId))).body);
    assert.match(page, /No family or household members recorded/);
    assert.match(page, /No alerts/);
    const refused = await worker.post(paths.children.newFamilyMember(childId), {
      ...blank,
      kind: 'parent_carer',
      phone: 'call me',
      email: 'not-an-address',
      address: 'x'.repeat(501),
    });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryOf(refused.body), [
      '#name',
      '#relationship',
      '#parentalResponsibility',
      '#livesWithChild',
      '#phone',
      '#email',
      '#address',
    ]);
    const words = text(refused.body);
    assert.match(words, /Enter their name/);
    assert.match(words, /Enter their relationship to the child, for example mother or foster carer/);
    assert.match(words, /Enter a telephone number, like 01632 960 001 or 07700 900 982/);
    assert.match(words, /Enter an email address in the correct format, like name@example.com/);
    assert.match(words, /Address must be 500 characters or fewer/);
    assert.match(words, /Select yes if they have parental responsibility for the child/);
    assert.match(words, /Select yes if they live with the child/);
    assert.ok(refused.body.includes('not-an-address') && refused.body.includes('call me'), 'what was typed is kept');
    const nothing = await worker.post(paths.children.newFamilyMember(childId), blank);
    assert.deepEqual(summaryOf(nothing.body), ['#kind', '#name']);
    assert.match(text(nothing.body), /Select who this person is to the child/);
  });

  it('adds a parent with parental responsibility and a school, audited, in the chronology without their names', async () => {
    const mother = await worker.post(paths.children.newFamilyMember(childId), {
      ...blank,
      kind: 'parent_carer',
      name: 'Test Parent',
      relationship: 'Mother',
      phone: '07700 900 001',
      address: '1 Test Street',
      parentalResponsibility: 'yes',
      livesWithChild: 'yes',
    });
    assert.equal(mother.statusCode, 303);
    assert.equal(mother.headers.location, paths.children.family(childId));
    await worker.post(paths.children.newFamilyMember(childId), {
      ...blank,
      kind: 'school',
      name: 'Test Academy',
      relationship: 'Designated safeguarding lead',
      email: 'dsl@school.example',
    });
    const page = text((await worker.get(paths.children.family(childId))).body);
    assert.match(page, /Person added to the family and network/);
    assert.match(page, /Test Parent, Mother/);
    assert.match(page, /Parental responsibility Yes/);
    assert.match(page, /Lives with the child Yes/);
    assert.match(page, /07700 900 001/);
    assert.match(page, /1 Test Street/);
    assert.match(page, /Test Academy, Designated safeguarding lead/);
    const chronology = text((await worker.get(`${paths.children.chronology(childId)}?kind=family`)).body);
    assert.match(chronology, /Parent or carer added to the family and network/);
    assert.ok(!chronology.includes('Test Parent') && !chronology.includes('07700'), 'the chronology names no one');
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('action', 'in', ['family.change', 'family.view'])
      .execute();
    assert.equal(events.filter((event) => event.action === 'family.change').length, 2);
    assert.ok(events.some((event) => event.action === 'family.view'));
  });

  it('records that a person is no longer involved, with the reason, keeping them on the page', async () => {
    const page = (await worker.get(paths.children.family(childId))).body;
    const end = /href="(\/children\/[^"]+\/family\/[0-9a-f-]{36}\/end)"/.exec(page)?.[1];
    assert.ok(end, 'each person has a way to record they are no longer involved');
    const refused = await worker.post(end, { reason: ' ' });
    assert.equal(refused.statusCode, 400);
    assert.match(text(refused.body), /Enter the reason/);
    assert.equal((await worker.post(end, { reason: 'Moved out of the area' })).statusCode, 303);
    const after = text((await worker.get(paths.children.family(childId))).body);
    assert.match(after, /No longer involved/);
    assert.match(after, /Moved out of the area/);
    assert.equal((await worker.post(end, { reason: 'Again' })).statusCode, 409, 'ending twice is refused');
  });

  it('shows an alert at the top of every page of the record until it is ended with a reason', async () => {
    const empty = await worker.post(paths.children.newAlert(childId), { words: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(text(empty.body), /Enter the alert/);
    const added = await worker.post(paths.children.newAlert(childId), {
      words: 'Do not contact the father without the social worker',
    });
    assert.equal(added.statusCode, 303);
    for (const page of [
      paths.children.show(childId),
      paths.children.notes(childId),
      paths.children.plans(childId),
      paths.children.chronology(childId),
      paths.children.family(childId),
    ]) {
      const body = (await worker.get(page)).body;
      const banner = /<div class="app-alerts"[\s\S]*?<\/div>/.exec(body)?.[0] ?? '';
      assert.match(text(banner), /Alert on this record Do not contact the father without the social worker/, page);
    }
    const familyPage = (await worker.get(paths.children.family(childId))).body;
    const end = /href="(\/children\/[^"]+\/alerts\/[0-9a-f-]{36}\/end)"/.exec(familyPage)?.[1];
    assert.ok(end);
    assert.equal((await worker.post(end, { reason: 'Father now works with the team' })).statusCode, 303);
    assert.ok(
      !(await worker.get(paths.children.show(childId))).body.includes('class="app-alerts"'),
      'an ended alert leaves the record’s pages',
    );
    const chronology = text((await worker.get(`${paths.children.chronology(childId)}?kind=alert`)).body);
    assert.match(
      chronology,
      /Alert ended: Do not contact the father without the social worker\. Reason: Father now works with the team/,
    );
  });

  it('seals the child harmed’s household and addresses from someone who sees her only through the incident (R-X-1)', async () => {
    assert.equal(
      (
        await workerB.post(
          paths.children.newFamilyMember(harmedId),
          {
            ...blank,
            kind: 'parent_carer',
            name: 'Sealed Parent',
            relationship: 'Mother',
            address: '9 Hidden Lane',
            parentalResponsibility: 'yes',
            livesWithChild: 'yes',
          },
          { tokenFrom: paths.children.family(harmedId) },
        )
      ).statusCode,
      303,
    );
    assert.equal(
      (
        await workerB.post(
          paths.children.newFamilyMember(harmedId),
          {
            ...blank,
            kind: 'gp',
            name: 'Test Surgery',
            address: '2 Surgery Road',
          },
          { tokenFrom: paths.children.family(harmedId) },
        )
      ).statusCode,
      303,
    );
    const own = text((await workerB.get(paths.children.family(harmedId))).body);
    assert.ok(
      own.includes('Sealed Parent') && own.includes('9 Hidden Lane') && own.includes('2 Surgery Road'),
      'her own worker sees it all',
    );
    // The school's DSL recorded the incident: they see the child harmed's record, never her household.
    const seen = await dsl.get(paths.children.family(harmedId));
    assert.equal(seen.statusCode, 200);
    const page = text(seen.body);
    assert.match(page, /Maya’s family, household and addresses are shown only to those working on Maya’s own case/);
    assert.match(page, /Test Surgery/);
    assert.ok(!page.includes('Sealed Parent') && !page.includes('9 Hidden Lane') && !page.includes('2 Surgery Road'));
    const form = text((await dsl.get(paths.children.newFamilyMember(harmedId))).body);
    assert.ok(!form.includes('Parent or carer'), 'the household is not offered to them');
    const refused = await dsl.post(
      paths.children.newFamilyMember(harmedId),
      { ...blank, kind: 'household', name: 'Someone' },
      { tokenFrom: paths.children.family(harmedId) },
    );
    assert.equal(refused.statusCode, 400);
    assert.match(text(refused.body), /Only those working on this child’s own case can add to their household/);
    const sealedId = await t.database.db
      .selectFrom('child_network')
      .select('id')
      .where('name', '=', 'Sealed Parent')
      .executeTakeFirstOrThrow();
    assert.equal((await dsl.get(paths.children.endFamilyMember(harmedId, sealedId.id))).statusCode, 404);
    // Ellis's worker may not see Maya's record at all.
    assert.equal((await worker.get(paths.children.family(harmedId))).statusCode, 404);
  });

  it('never lets a read grant add to or end anything on the record: sight is not write', async () => {
    const { db } = t.database;
    await childService.grantAccess(db, await demoActor(db, 'kent', 'team-manager'), childId, {
      userId: (await demoActor(db, 'kent', 'police')).user.id,
      reason: 'Joint investigation',
      days: 7,
    });
    const police = await signedIn(t.app, 'kent', 'police');
    const page = await police.get(paths.children.family(childId));
    assert.equal(page.statusCode, 200, 'the grant gives sight');
    assert.ok(!page.body.includes(paths.children.newFamilyMember(childId)), 'no way to add a person');
    assert.ok(!page.body.includes(paths.children.newAlert(childId)), 'no way to add an alert');
    assert.ok(!/\/end"/.test(page.body), 'no way to end anything');
    assert.equal((await police.get(paths.children.newFamilyMember(childId))).statusCode, 403);
    const before = await db.selectFrom('child_alerts').select('id').execute();
    const refused = await police.post(
      paths.children.newAlert(childId),
      { words: 'Written through a read grant' },
      {
        tokenFrom: paths.children.family(childId),
      },
    );
    assert.equal(refused.statusCode, 403);
    assert.equal((await db.selectFrom('child_alerts').select('id').execute()).length, before.length);
  });
});

describe('the demo data’s family and network (issue 15)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemoFamily(t.database.db);
  });
  after(async () => t.close());

  for (const authority of ['kent', 'thurrock', 'north-yorkshire', 'north-east-lincolnshire', 'islington'])
    it(`gives ${authority}’s first children their family, professionals and an alert`, async () => {
      const worker = await signedIn(t.app, authority, 'social-worker');
      const { childId, targetedId } = await demoIncident(t.database.db, authority, 'Ellis');
      const page = text((await worker.get(paths.children.family(childId))).body);
      assert.match(page, /Mother/);
      assert.match(page, /Parental responsibility Yes/);
      assert.match(page, /Meadowbank Academy, Designated safeguarding lead/);
      assert.match(page, /Risk to younger children in the home/);
      const dsl = await signedIn(t.app, authority, 'dsl');
      const hers = await dsl.get(paths.children.family(targetedId));
      if (hers.statusCode === 200)
        assert.ok(!text(hers.body).includes('Willow Close'), 'her address is sealed from the DSL');
    });
});
