// "Find a child" (issue 15, R-X-7): by name with typing errors and familiar forms, by date of birth
// (or with the day and month swapped), by school and by identifier; only the children the person
// may see are listed, the others counted and nothing more; every search audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoNhsNumber } from '../../src/cli/demo-data.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import { paths, withQuery } from '../../src/web/paths.ts';
import { type Client, demoEmail, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';

const find = (query: Record<string, string>) => withQuery(paths.findChild(), query);
/** The address the form sends with nothing typed: every field, empty. */
const EMPTY_FORM = `${paths.findChild()}?name=&dateOfBirth-day=&dateOfBirth-month=&dateOfBirth-year=&school=&identifier=`;

function resultNames(html: string): string[] {
  return [...html.matchAll(/<a class="govuk-link" href="\/children\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map(
    (match) => match[1]!,
  );
}

describe('Find a child', () => {
  let t: TestApp;
  let worker: Client;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    for (const child of await db
      .selectFrom('children')
      .select(['id', 'first_name'])
      .where('authority_id', '=', 'kent')
      .execute())
      ids[child.first_name] = child.id;
    // A child of Team A known by her full name, born on 4 March 2014, with another name recorded.
    const teamA = await db
      .selectFrom('teams')
      .select('id')
      .where('authority_id', '=', 'kent')
      .where('name', '=', 'Children’s Social Work Team A')
      .executeTakeFirstOrThrow();
    const manager = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('kent', 'team-manager'))
      .executeTakeFirstOrThrow();
    const inserted = await db
      .insertInto('children')
      .values({
        authority_id: 'kent',
        first_name: 'Elizabeth',
        last_name: 'Marlowe',
        other_names: 'Betsy Quince',
        date_of_birth: '2014-03-04',
        sex: 'female',
        school_or_setting: 'Saltmarsh Primary School',
        person_id: 'KEN-900 001',
        allocated_team_id: teamA.id,
        created_by: manager.id,
        updated_by: manager.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids['Elizabeth'] = inserted.id;
    worker = await signedIn(t.app, 'kent', 'social-worker');
  });
  after(async () => t.close());

  it('is in the main menu for people who work with cases, and not for administrators', async () => {
    const page = await worker.get(paths.homePage());
    assert.match(page.body, /<a class="govuk-service-navigation__link" href="\/find-a-child"[^>]*>\s*Find a child/);
    const blank = await worker.get(paths.findChild());
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, /<h1 class="govuk-heading-l">Find a child<\/h1>/);
    assert.doesNotMatch(blank.body, /Results/);
    const admin = await signedIn(t.app, 'kent', 'admin');
    assert.doesNotMatch((await admin.get(paths.admin.users())).body, /Find a child/);
    assert.equal((await admin.get(find({ name: 'Ellis' }))).statusCode, 403);
  });

  it('finds a name typed with a mistake: "Elis" finds Ellis', async () => {
    const res = await worker.get(find({ name: 'Elis' }));
    assert.equal(res.statusCode, 200);
    // Ellis first; Elizabeth is close enough to be listed, after him.
    assert.deepEqual(resultNames(res.body), ['Ellis Hawthorn', 'Elizabeth Marlowe']);
    assert.match(res.body, /2 children match your search\./);
    assert.match(res.body, new RegExp(`href="${paths.children.show(ids['Ellis']!)}"`));
    // Each result: the date of birth in words and the school.
    const born = await t.database.db
      .selectFrom('children')
      .select('date_of_birth')
      .where('id', '=', ids['Ellis']!)
      .executeTakeFirstOrThrow();
    const words = formatDate(born.date_of_birth);
    assert.match(words, /^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    assert.match(res.body, new RegExp(`>${words}<`));
    assert.match(res.body, /Meadowbank Academy/);
    // A misspelt surname too, and the start of one.
    assert.deepEqual(resultNames((await worker.get(find({ name: 'Ellis Hawtorn' }))).body), ['Ellis Hawthorn']);
    assert.deepEqual(resultNames((await worker.get(find({ name: 'haw' }))).body), ['Ellis Hawthorn']);
  });

  it('finds familiar forms either way: "Liz" finds Elizabeth, "Tobias" finds Toby', async () => {
    assert.deepEqual(resultNames((await worker.get(find({ name: 'Liz Marlowe' }))).body), ['Elizabeth Marlowe']);
    assert.deepEqual(resultNames((await worker.get(find({ name: 'Beth' }))).body), ['Elizabeth Marlowe']);
    assert.deepEqual(resultNames((await worker.get(find({ name: 'Tobias' }))).body), ['Toby Alderbrook']);
    // Other names are searched too, and shown.
    const other = await worker.get(find({ name: 'Quince' }));
    assert.deepEqual(resultNames(other.body), ['Elizabeth Marlowe']);
    assert.match(other.body, /Also known as Betsy Quince/);
  });

  it('finds a date of birth exactly, or with the day and month swapped', async () => {
    const exact = await worker.get(
      find({ 'dateOfBirth-day': '4', 'dateOfBirth-month': '3', 'dateOfBirth-year': '2014' }),
    );
    assert.deepEqual(resultNames(exact.body), ['Elizabeth Marlowe']);
    assert.match(exact.body, />4 March 2014</);
    assert.doesNotMatch(exact.body, /other way round/);
    const swapped = await worker.get(
      find({ 'dateOfBirth-day': '3', 'dateOfBirth-month': '4', 'dateOfBirth-year': '2014' }),
    );
    assert.deepEqual(resultNames(swapped.body), ['Elizabeth Marlowe']);
    assert.match(swapped.body, /The day and month are the other way round from the date you entered/);
    // With a name as well, both must match.
    const both = await worker.get(
      find({ name: 'Ellis', 'dateOfBirth-day': '4', 'dateOfBirth-month': '3', 'dateOfBirth-year': '2014' }),
    );
    assert.deepEqual(resultNames(both.body), []);
    assert.match(both.body, /No children you can see match your search\./);
  });

  it('finds an NHS number with or without its spaces, and a person ID', async () => {
    const nhs = demoNhsNumber('kent', 0);
    for (const typed of [nhs, nhs.replace(/ /g, ''), nhs.replace(/ /g, '-'), ` ${nhs.replace(/ /g, '  ')} `])
      assert.deepEqual(resultNames((await worker.get(find({ identifier: typed }))).body), ['Ellis Hawthorn'], typed);
    assert.deepEqual(resultNames((await worker.get(find({ identifier: 'ken900001' }))).body), ['Elizabeth Marlowe']);
    assert.deepEqual(resultNames((await worker.get(find({ identifier: '999 999 9999' }))).body), []);
  });

  it('finds a school or setting with a mistake', async () => {
    const res = await worker.get(find({ school: 'Saltmarch' }));
    assert.deepEqual(resultNames(res.body), ['Elizabeth Marlowe']);
  });

  it('lists only the children the person may see, and counts the others without a word about them', async () => {
    // Team A's social worker sees Ellis; Maya (Team B), Kai and Sienna (the front door) are not theirs.
    const res = await worker.get(find({ school: 'Meadowbank' }));
    assert.equal(res.statusCode, 200);
    assert.deepEqual(resultNames(res.body), ['Ellis Hawthorn']);
    assert.match(
      res.body,
      /3 other children match that you do not have access to\. Ask a manager if you need to see their records\./,
    );
    for (const hidden of ['Maya', 'Kai', 'Sienna']) {
      assert.doesNotMatch(res.body, new RegExp(hidden));
      assert.ok(!res.body.includes(ids[hidden]!), `${hidden}'s record is not linked`);
    }
    const one = await worker.get(find({ name: 'Maya Larchwod' }));
    assert.deepEqual(resultNames(one.body), []);
    assert.match(one.body, /No children you can see match your search\./);
    assert.match(one.body, /1 other child matches that you do not have access to\. Ask a manager/);
    assert.doesNotMatch(one.body, /Larchwood/);
    // Another authority's children are neither shown nor counted (Thurrock has an Ellis Hawthorn too).
    const ellis = await worker.get(find({ name: 'Ellis Hawthorn' }));
    assert.deepEqual(resultNames(ellis.body), ['Ellis Hawthorn']);
    assert.doesNotMatch(ellis.body, /other child/);
  });

  it('asks for something to search for, next to the field, keeping what was typed', async () => {
    const res = await worker.get(EMPTY_FORM);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Error: Find a child/);
    assert.match(res.body, /There is a problem/);
    assert.match(res.body, /<a href="#name">Enter a name, date of birth, school or identifier<\/a>/);
    assert.match(res.body, /id="name-error"[\s\S]*Enter a name, date of birth, school or identifier/);
    assert.doesNotMatch(res.body, /Results/);
    // Every error at once, in the order of the fields; what was typed kept.
    const bad = await worker.get(
      find({ name: 'x'.repeat(101), 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2014' }),
    );
    assert.equal(bad.statusCode, 400);
    const summary = [...bad.body.matchAll(/<li>\s*<a href="(#[^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(summary, [
      '#name Name must be 100 characters or fewer',
      '#dateOfBirth-day Date of birth must be a real date',
    ]);
    assert.match(bad.body, /name="dateOfBirth-day" type="text" value="31"|value="31"[^>]*name="dateOfBirth-day"/);
    const partial = await worker.get(find({ 'dateOfBirth-day': '4', 'dateOfBirth-year': '2014' }));
    assert.match(partial.body, /<a href="#dateOfBirth-month">Date of birth must include a month<\/a>/);
  });

  it('audits every search: what was looked for, who was shown and how many were not', async () => {
    const { db } = t.database;
    const me = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('kent', 'social-worker'))
      .executeTakeFirstOrThrow();
    const res = await worker.get(find({ school: 'Meadowbank', name: 'Ellis' }));
    const event = await db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'entity_type', 'details', 'user_id'])
      .where('request_id', '=', String(res.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    assert.equal(event.action, 'child.find');
    assert.equal(event.outcome, 'ok');
    assert.equal(event.user_id, me.id);
    assert.deepEqual(event.details, { name: 'Ellis', school: 'Meadowbank', shown: [ids['Ellis']], hidden: 0 });
    // A search that finds no one the person may see is audited too, with the count.
    const none = await worker.get(find({ name: 'Maya' }));
    const hidden = await db
      .selectFrom('audit_events')
      .select('details')
      .where('request_id', '=', String(none.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    assert.deepEqual(hidden.details, { name: 'Maya', shown: [], hidden: 1 });
    // The auditor reads it as a sentence.
    const auditor = await signedIn(t.app, 'kent', 'auditor');
    const log = await auditor.get(withQuery(paths.audit(), { action: 'child.find' }));
    assert.match(log.body, /Searched for a child by name, date of birth, school or identifier/);
    assert.match(log.body, /Records not shown \(no access\): 1/);
  });

  it('lets someone with only a read grant find only the child they were granted', async () => {
    const police = await signedIn(t.app, 'kent', 'police');
    const before = await police.get(find({ school: 'Meadowbank' }));
    assert.equal(before.statusCode, 200);
    assert.deepEqual(resultNames(before.body), []);
    assert.match(before.body, /4 other children match that you do not have access to/);
    const { db } = t.database;
    const policeUser = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('kent', 'police'))
      .executeTakeFirstOrThrow();
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    await manager.get(paths.children.show(ids['Ellis']!));
    const granted = await manager.post(paths.children.grants(ids['Ellis']!), {
      userId: policeUser.id,
      reason: 'Joint visit with the social worker',
      days: '7',
    });
    assert.equal(granted.statusCode, 303);
    const after = await police.get(find({ school: 'Meadowbank' }));
    assert.deepEqual(resultNames(after.body), ['Ellis Hawthorn']);
    assert.match(after.body, /3 other children match that you do not have access to/);
    assert.doesNotMatch(after.body, /Maya|Kai|Sienna/);
    assert.equal((await police.get(paths.children.show(ids['Ellis']!))).statusCode, 200);
  });
});
