// The audit log as an auditor reads it (issue 11, defect 19): who (a name and a role, never an
// identifier), what (a sentence), which record (a child's name, a record's title), when (London
// time, in words); details as "label: value", never JSON; a child found by name with every event
// about them (their record, incidents, screenings, meetings...); From and To dates checked with
// GOV.UK messages; and still only the auditor's own authority, with the search itself audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { arrange } from '../../src/services/meeting-service.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident, screenKentHarmful } from '../helpers/cases.ts';
import { arrangeExtras } from '../helpers/schedule.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** What the page says: its text, with entities read as the characters they stand for. */
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&rsquo;/g, '’')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The text of each event card on the page. */
const cards = (html: string) => html.split('<div class="govuk-summary-card">').slice(1).map(text);

describe('the audit log in words (issue 11)', () => {
  let t: TestApp;
  let auditor: Client;
  let meetingId: string;

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    // Kent: Toby's incident screened and decided, a strategy discussion arranged for Toby and Isla.
    const inc = await screenKentHarmful(db, 'Toby');
    const manager = await demoActor(db, 'kent', 'team-manager');
    meetingId = await arrange(db, manager, inc.taskId, {
      childIds: [inc.childId, inc.targetedId],
      chairId: manager.user.id,
      invite: [],
      responsible: {},
      ...arrangeExtras(),
    });
    // The team manager opens Toby's record, the incident and the meeting, and Ellis's record.
    const tm = await signedIn(t.app, 'kent', 'team-manager');
    assert.equal((await tm.get(paths.children.show(inc.childId))).statusCode, 200);
    assert.equal((await tm.get(`/incidents/${inc.incidentId}`)).statusCode, 200);
    assert.equal((await tm.get(`/meetings/${meetingId}`)).statusCode, 200);
    const ellis = await demoIncident(db, 'kent', 'Ellis');
    assert.equal((await tm.get(paths.children.show(ellis.childId))).statusCode, 200);
    auditor = await signedIn(t.app, 'kent', 'auditor');
  });
  after(async () => t.close());

  it('reads as names and sentences: no identifiers, no JSON, who with their role, when in words', async () => {
    const res = await auditor.get(paths.audit());
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    assert.doesNotMatch(page, UUID, 'no identifier an auditor cannot read');
    assert.ok(!page.includes('{"'), 'no JSON');
    assert.doesNotMatch(page, /\d{4}-\d{2}-\d{2}T/, 'no ISO timestamps');
    const view = cards(res.body).find((c) => c.includes('Viewed the child record of Toby Alderbrook'));
    assert.ok(view, 'a sentence naming the child');
    assert.match(view, /Who Kent team manager Team manager/, 'the actor’s name and role');
    assert.match(view, /When \d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}(am|pm)/, 'when, in words');
    assert.match(view, /Record Toby Alderbrook/);
    assert.match(
      view,
      /Access basis: You (manage the allocated worker or team|are in the allocated team)/,
      'details as label: value in words',
    );
    assert.match(view, /Page: Record/);
    assert.match(view, /Technical details/);
    const arranged = cards(res.body).find((c) =>
      c.includes('Arranged a strategy discussion about Toby Alderbrook and Isla Rowanford'),
    );
    assert.ok(arranged, 'the meeting by its type and date, with its children');
    assert.match(arranged, /Across authorities: No/, 'booleans as Yes or No');
    assert.match(page, /Recorded a screening of Toby Alderbrook/);
    assert.match(
      page,
      /Decided the level of concern in the screening of Toby Alderbrook for the incident of \d{1,2} [A-Z][a-z]+ \d{4}/,
    );
    assert.match(page, /Viewed the incident of \d{1,2} [A-Z][a-z]+ \d{4} about Toby Alderbrook and Isla Rowanford/);
    assert.match(page, /Searched the audit log|Signed in/);
    // The choices of action are words too.
    assert.match(res.body, /<option value="child.view">View a child’s record<\/option>/);
  });

  it('finds a child by name, with the events about their incidents, screenings and meetings, and no one else’s', async () => {
    const res = await auditor.get(`${paths.audit()}?child=${encodeURIComponent('toby alderbrook')}`);
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    assert.match(page, /Events about Toby Alderbrook \(born \d{1,2} [A-Z][a-z]+ \d{4}\)/);
    assert.match(page, /Viewed the child record of Toby Alderbrook/);
    assert.match(
      page,
      /Submitted the incident of \d{1,2} [A-Z][a-z]+ \d{4} about Toby Alderbrook and Isla Rowanford/,
      'the child’s incident',
    );
    assert.match(page, /Viewed the incident of/, 'the incident viewed');
    assert.match(page, /Arranged a strategy discussion about Toby Alderbrook/, 'the child’s meeting');
    assert.match(
      page,
      /Viewed the strategy discussion arranged on \d{1,2} [A-Z][a-z]+ \d{4} about Toby Alderbrook and Isla Rowanford/,
      'the meeting viewed',
    );
    assert.match(page, /Recorded a screening of Toby Alderbrook/);
    assert.match(page, /Added the child record of Toby Alderbrook/);
    assert.doesNotMatch(page, /Ellis Hawthorn/, 'nothing about another child');
    assert.doesNotMatch(page, /Searched the audit log/, 'nothing that is not about the child');
    assert.doesNotMatch(page, UUID);

    const surname = text((await auditor.get(`${paths.audit()}?child=Alderbrook&action=meeting.arrange`)).body);
    assert.match(surname, /1 event/);
    assert.match(surname, /Arranged a strategy discussion/);
    const nobody = text((await auditor.get(`${paths.audit()}?child=${encodeURIComponent('Nobody Called This')}`)).body);
    assert.match(nobody, /No child in your authority is called “Nobody Called This”/);
    assert.match(nobody, /0 events/);
    // Wildcards are taken literally.
    assert.match(text((await auditor.get(`${paths.audit()}?child=%25`)).body), /0 events/);
  });

  it('checks the From and To dates: every error at once, next to its field, with what was typed kept (400)', async () => {
    const res = await auditor.get(
      `${paths.audit()}?child=Toby&from-day=5&from-month=12&from-year=2026&to-day=1&to-month=12&to-year=2026`,
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="govuk-error-summary"/);
    assert.match(res.body, /<a href="#from-day">The From date must be the same as or before the To date<\/a>/);
    assert.match(
      res.body,
      /<p id="from-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span> The From date must be the same as or before the To date/,
    );
    assert.match(res.body, /name="from-day"[^>]*value="5"/);
    assert.match(res.body, /name="to-day"[^>]*value="1"/);
    assert.match(res.body, /name="to-year"[^>]*value="2026"/);
    assert.match(res.body, /name="child"[^>]*value="Toby"/);
    assert.equal(cards(res.body).length, 0, 'no events for a search that cannot be right');

    const both = await auditor.get(
      `${paths.audit()}?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=&to-year=2026`,
    );
    assert.equal(both.statusCode, 400);
    const summary = text(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(both.body)![0]);
    assert.match(summary, /Enter a real From date .*The To date must include a month/, 'both, in page order');
    assert.match(
      both.body,
      /<p id="to-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span> The To date must include a month/,
    );
    assert.match(both.body, /name="from-day"[^>]*value="31"/);

    const words = await auditor.get(`${paths.audit()}?from-day=first&from-month=May&from-year=twenty`);
    assert.equal(words.statusCode, 400);
    assert.match(text(words.body), /Enter a real From date/);

    // Never a 500: odd characters, a long name, an older link's impossible date.
    assert.equal((await auditor.get(`${paths.audit()}?child=%00%5C%25_%ED%A0%80`)).statusCode, 200);
    const long = await auditor.get(`${paths.audit()}?child=${'a'.repeat(150)}`);
    assert.equal(long.statusCode, 400);
    assert.match(text(long.body), /The child’s name must be 100 characters or fewer/);
    const legacy = await auditor.get(`${paths.audit()}?from=2026-02-31&to=2026-03-01`);
    assert.equal(legacy.statusCode, 400);
    assert.match(text(legacy.body), /Enter a real From date/);
    assert.equal(
      (await auditor.get(`${paths.audit()}?from=2026-03-01&to=2026-03-02`)).statusCode,
      200,
      'an older link’s dates still work',
    );

    // The same day for both, and days in the right order, are fine.
    assert.equal(
      (await auditor.get(`${paths.audit()}?from-day=1&from-month=1&from-year=2020&to-day=1&to-month=1&to-year=2020`))
        .statusCode,
      200,
    );
    const today = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
    }).formatToParts(new Date());
    const part = (type: string) => today.find((p) => p.type === type)!.value;
    const ok = await auditor.get(
      `${paths.audit()}?child=Toby&from-day=1&from-month=1&from-year=2020&to-day=${part('day')}&to-month=${part('month')}&to-year=${part('year')}`,
    );
    assert.equal(ok.statusCode, 200);
    assert.match(text(ok.body), /Viewed the child record of Toby Alderbrook/);
  });

  it('shows an auditor only their own authority’s events, and records each search', async () => {
    // Thurrock has a Toby Alderbrook of its own: his events, never Kent's meeting.
    const thurrock = await signedIn(t.app, 'thurrock', 'auditor');
    const page = text((await thurrock.get(`${paths.audit()}?child=${encodeURIComponent('Toby Alderbrook')}`)).body);
    assert.match(page, /Added the child record of Toby Alderbrook/);
    assert.doesNotMatch(page, /strategy discussion/i);
    assert.doesNotMatch(page, /Kent team manager/);
    const events = await t.database.db
      .selectFrom('audit_events as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.details', 'u.email'])
      .where('a.action', '=', 'audit.search')
      .where('u.email', '=', 'auditor@thurrock.example')
      .execute();
    assert.ok(
      events.some((e) => e.details['childName'] === 'Toby Alderbrook'),
      'the search, with the name searched for, is in the log',
    );
    const admin = await signedIn(t.app, 'kent', 'admin');
    assert.equal((await admin.get(`${paths.audit()}?child=Toby`)).statusCode, 403);
    assert.equal(
      (await admin.get(`${paths.audit()}?from-day=5&from-month=12&from-year=2026&to-day=1&to-month=12&to-year=2026`))
        .statusCode,
      403,
      'not even the form, for someone who is not an auditor',
    );
  });
});
