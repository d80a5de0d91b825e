// Error summaries and messages as the user sees them (issue 11, defects 6, 7, 11 and 12): every
// error links to a field on the page, in the page's order, next to its field in GOV.UK wording;
// dates before the incident, the arrangement or the planning are refused in words; a date and a
// time are checked together; long boxes count their characters; the external decision form lists
// each decision under its agency. Each refusal is a 400 that keeps what was typed and writes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { londonToday } from '../../src/domain/age.ts';
import { DOMAINS, INTERVENTION_AREAS, PROFILE_CELLS, REPORT_SECTIONS } from '../../src/domain/assessments.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

/** The error summary's links, in the order listed. */
function summary(html: string): { href: string; text: string }[] {
  const box =
    /<div class="govuk-error-summary"[\s\S]*?<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(
      html,
    );
  assert.ok(box, 'an error summary');
  return [...box[1]!.matchAll(/<a href="(#[^"]+)">([\s\S]*?)<\/a>/g)].map((m) => ({
    href: m[1]!,
    text: text(m[2]!).trim(),
  }));
}

/** Every link in the summary goes to an element on the page, and they come in the page's order. */
function assertLinksInPageOrder(html: string) {
  const links = summary(html);
  const at = links.map((l) => ({ ...l, pos: html.indexOf(` id="${l.href.slice(1)}"`) }));
  for (const l of at) assert.ok(l.pos >= 0, `“${l.text}” links to ${l.href}, which is not on the page`);
  assert.deepEqual(
    at.map((l) => l.href),
    [...at].sort((a, b) => a.pos - b.pos).map((l) => l.href),
    'the summary lists errors in the order of the page',
  );
  return links;
}

/** The GOV.UK error message shown with the field whose id is given. */
function messageNextTo(html: string, id: string): string {
  const m = new RegExp(`<p id="${id}-error" class="govuk-error-message">([\\s\\S]*?)</p>`).exec(html);
  assert.ok(m, `an error message next to ${id}`);
  return text(m[1]!)
    .replace(/^ ?Error: /, '')
    .trim();
}

/** The day n days from today in England, as ISO and as the three boxes. */
function day(n: number) {
  const iso = londonToday(new Date(Date.now() + n * 86_400_000));
  const [y, m, d] = iso.split('-');
  return { iso, day: String(Number(d)), month: String(Number(m)), year: y! };
}

describe('error summaries and messages (issue 11)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemoScreenings(t.database.db);
  });
  after(async () => t.close());

  async function kentMeeting() {
    const { db } = t.database;
    const inc = await demoIncident(db, 'kent', 'Ellis');
    const m = await db
      .selectFrom('meetings')
      .select(['id', 'version'])
      .where('incident_id', '=', inc.incidentId)
      .executeTakeFirstOrThrow();
    return { ...inc, meetingId: m.id };
  }

  it('refuses a held-on date before the incident or the arrangement in words next to the date, and asks the police question only where the page shows it (defect 6)', async () => {
    const { db } = t.database;
    const { meetingId, incidentId, childId } = await kentMeeting();
    // Ellis turned 10 fifteen days ago: on any earlier day the under-10 police question applies (R-KEN-6).
    const birthday = day(-15).iso;
    await db
      .updateTable('children')
      .set({ date_of_birth: `${Number(birthday.slice(0, 4)) - 10}${birthday.slice(4)}` })
      .where('id', '=', childId)
      .execute();
    const incidentOn = day(-30);
    await db
      .updateTable('incidents')
      .set({ occurred_at: new Date(`${incidentOn.iso}T10:00:00Z`) })
      .where('id', '=', incidentId)
      .execute();
    const setArranged = (iso: string) =>
      db
        .updateTable('meetings')
        .set({ created_at: new Date(`${iso}T12:00:00Z`) })
        .where('id', '=', meetingId)
        .execute();
    const stored = () =>
      db
        .selectFrom('meetings')
        .select(['held_on', 'version', 'police_involvement'])
        .where('id', '=', meetingId)
        .executeTakeFirstOrThrow();
    const before = await stored();
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const page = await manager.get(paths.meetings.minutes(meetingId));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /name="policeInvolvement"/, 'Ellis is 10 today: the page does not ask');
    const post = (d: { day: string; month: string; year: string }, extra: Record<string, string> = {}) =>
      manager.post(paths.meetings.minutes(meetingId), {
        version: version(page.body),
        'heldOn-day': d.day,
        'heldOn-month': d.month,
        'heldOn-year': d.year,
        'note-0': 'Kept as typed',
        ...extra,
      });

    // Before the incident (the meeting arranged that day): its own message, and no police question.
    await setArranged(incidentOn.iso);
    const early = await post(day(-40));
    assert.equal(early.statusCode, 400);
    assert.equal(
      messageNextTo(early.body, 'heldOn'),
      `The date the meeting was held must be on or after ${formatDate(incidentOn.iso)}, the date of the incident`,
    );
    assert.deepEqual(
      assertLinksInPageOrder(early.body).map((l) => l.href),
      ['#heldOn-day'],
    );
    assert.doesNotMatch(text(early.body), /Select whether police involvement/);
    assert.match(
      early.body,
      new RegExp(`name="heldOn-day" type="text" value="${day(-40).day}"`),
      'the date typed is kept',
    );
    assert.match(early.body, />Kept as typed<\/textarea>/);

    // After the incident but before the meeting was arranged.
    const arranged = day(-25);
    await setArranged(arranged.iso);
    const beforeArranged = await post(day(-27));
    assert.equal(beforeArranged.statusCode, 400);
    assert.equal(
      messageNextTo(beforeArranged.body, 'heldOn'),
      `The date the meeting was held must be on or after ${formatDate(arranged.iso)}, the date the meeting was arranged`,
    );
    assertLinksInPageOrder(beforeArranged.body);

    // A day Ellis was 9: the police question is needed, and the page now shows it with its error.
    const under10 = await post(day(-20));
    assert.equal(under10.statusCode, 400);
    const links = assertLinksInPageOrder(under10.body);
    assert.deepEqual(
      links.map((l) => l.href),
      ['#policeInvolvement'],
    );
    assert.equal(
      messageNextTo(under10.body, 'policeInvolvement'),
      'Select whether police involvement in the enquiry is needed',
    );
    assert.deepEqual(await stored(), before, 'nothing written');

    const saved = await post(day(-20), {
      policeInvolvement: 'not_needed',
      policeInvolvementReason: 'No adult involvement suspected.',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal((await stored()).police_involvement, 'not_needed');
  });

  it('refuses AIM stage dates before the assessment was planned, or in the future, next to the date (defect 7)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'kent', 'Ellis');
    const a = await db
      .selectFrom('assessments')
      .select(['id', 'stages', 'version'])
      .where('child_id', '=', inc.childId)
      .executeTakeFirstOrThrow();
    const planned = day(-5);
    await db
      .updateTable('assessments')
      .set({ created_at: new Date(`${planned.iso}T09:00:00Z`) })
      .where('id', '=', a.id)
      .execute();
    const aim = await signedIn(t.app, 'kent', 'aim-practitioner');
    // Each part of the assessment has its own page (defect 8): the stage's carries the version.
    const page = await aim.get(paths.assessments.stage(a.id));
    assert.equal(page.statusCode, 200);
    const stage = (d: { day: string; month: string; year: string }) =>
      aim.post(paths.assessments.stage(a.id), {
        version: version(page.body),
        stage: '1',
        'stageDate-day': d.day,
        'stageDate-month': d.month,
        'stageDate-year': d.year,
      });

    const old = await stage({ day: '1', month: '1', year: '2019' });
    assert.equal(old.statusCode, 400);
    assert.equal(
      messageNextTo(old.body, 'stageDate'),
      `The date the stage was done must be on or after ${formatDate(planned.iso)}, the date the assessment was planned`,
    );
    assert.deepEqual(
      assertLinksInPageOrder(old.body).map((l) => l.href),
      ['#stageDate-day'],
    );
    assert.match(old.body, /name="stageDate-year" type="text" value="2019"/, 'the date typed is kept');

    const future = await stage(day(3));
    assert.equal(future.statusCode, 400);
    assert.equal(messageNextTo(future.body, 'stageDate'), 'Date the stage was done must be today or in the past');

    // Sharing needs the outcome sheet and the report: stand-ins, so that only the date is wrong.
    const sheet = {
      profile: Object.fromEntries(
        DOMAINS.map((d) => [d.id, Object.fromEntries(PROFILE_CELLS.map((c) => [c.id, 'Noted']))]),
      ),
      mostConcern: ['family'],
      supervision: 'medium',
      intervention: Object.fromEntries(INTERVENTION_AREAS.map((x) => [x.id, ''])),
    };
    const report = Object.fromEntries(REPORT_SECTIONS.map((r) => [r.id, 'Written']));
    await db
      .updateTable('assessments')
      .set({ outcome: JSON.stringify(sheet), report: JSON.stringify(report) })
      .where('id', '=', a.id)
      .execute();
    const share = await aim.post(paths.assessments.share(a.id), {
      version: version(page.body),
      'sharedOn-day': '1',
      'sharedOn-month': '1',
      'sharedOn-year': '2019',
    });
    assert.equal(share.statusCode, 400);
    assert.match(
      messageNextTo(share.body, 'sharedOn'),
      new RegExp(
        `The date the report was shared must be on or after ${formatDate(planned.iso)}, the date the assessment was planned`,
      ),
    );
    assert.deepEqual(
      assertLinksInPageOrder(share.body).map((l) => l.href),
      ['#sharedOn-day'],
    );
    const after = await db
      .selectFrom('assessments')
      .select(['stages', 'version', 'shared_on'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([after.stages, after.version, after.shared_on], [a.stages, a.version, null], 'nothing written');

    assert.equal((await stage(planned)).statusCode, 303, 'the day it was planned is accepted');
  });

  it('lists every error at once in the order of the page: adding a child (defect 11)', async () => {
    const dsl = await signedIn(t.app, 'kent', 'dsl');
    await dsl.get(paths.children.new());
    const before = await t.database.db
      .selectFrom('children')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await dsl.post(paths.children.new(), {
      teamId: 'not-a-team',
      firstName: '',
      lastName: 'Kept',
      'dateOfBirth-day': '1',
      'dateOfBirth-month': '1',
      'dateOfBirth-year': '2099',
      nhsNumber: '123',
      send: 'no',
      lookedAfter: 'no',
    });
    assert.equal(res.statusCode, 400);
    const links = assertLinksInPageOrder(res.body);
    assert.deepEqual(
      links.map((l) => l.href),
      ['#teamId', '#firstName', '#dateOfBirth-day', '#sex', '#nhsNumber'],
    );
    assert.equal(messageNextTo(res.body, 'teamId'), 'Select the team responsible for this child');
    assert.equal(messageNextTo(res.body, 'dateOfBirth'), 'Date of birth must be today or in the past');
    assert.match(res.body, /name="lastName"[^>]*value="Kept"/);
    const after = await t.database.db
      .selectFrom('children')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n, 'nothing written');
  });

  it('lists the meeting outcome form’s errors in the order of the page (defect 11)', async () => {
    const { db } = t.database;
    const { meetingId, childId } = await kentMeeting();
    await db.updateTable('meetings').set({ held_on: londonToday() }).where('id', '=', meetingId).execute();
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const url = paths.meetings.outcome(meetingId, childId);
    assert.equal((await manager.get(url)).statusCode, 200);
    const res = await manager.post(url, { outcome: 'section-47', rationale: '' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      assertLinksInPageOrder(res.body).map((l) => l.href),
      ['#investigation', '#alsoHarmed', '#rationale'],
    );
    assert.match(res.body, /value="section-47" checked/, 'the outcome chosen is kept');
    assert.equal(
      (await db.selectFrom('meeting_outcomes').select('child_id').where('meeting_id', '=', meetingId).execute()).length,
      0,
      'nothing written',
    );
  });

  it('reports a future date and an impossible time together, keeping both (defect 11)', async () => {
    const { db } = t.database;
    const dsl = await signedIn(t.app, 'kent', 'dsl');
    const draft = String((await dsl.post('/incidents', {}, { tokenFrom: '/incidents' })).headers.location).split(
      '/',
    )[2]!;
    const url = paths.incidents.section(draft, 'when-and-where');
    const page = await dsl.get(url);
    const tomorrow = day(1);
    const res = await dsl.post(url, {
      version: version(page.body),
      'occurred_at-day': tomorrow.day,
      'occurred_at-month': tomorrow.month,
      'occurred_at-year': tomorrow.year,
      'occurred_at-time': '25:70',
      location_area: 'Kept ward',
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      assertLinksInPageOrder(res.body).map((l) => l.href),
      ['#occurred_at-day', '#occurred_at-time'],
    );
    assert.equal(messageNextTo(res.body, 'occurred_at'), 'Date of the incident must be today or in the past');
    assert.equal(messageNextTo(res.body, 'occurred_at-time'), 'Enter the time as hours and minutes, like 14:30');
    assert.match(res.body, /value="25:70"/);
    assert.match(res.body, new RegExp(`name="occurred_at-year" type="text" value="${tomorrow.year}"`));
    assert.match(res.body, /value="Kept ward"/);
    const inc = await db
      .selectFrom('incidents')
      .select(['occurred_at', 'version', 'location_area'])
      .where('id', '=', draft)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [inc.occurred_at, inc.version, inc.location_area],
      [null, Number(version(page.body)), ''],
      'nothing written',
    );
  });

  it('names a field by its short name when it is too long, and counts the characters of long boxes (defect 12)', async () => {
    const dsl = await signedIn(t.app, 'kent', 'dsl');
    const draft = String((await dsl.post('/incidents', {}, { tokenFrom: '/incidents' })).headers.location).split(
      '/',
    )[2]!;
    const url = paths.incidents.section(draft, 'behaviour');
    const page = await dsl.get(url);
    // The count works without JavaScript too: the limit is said in the hint.
    assert.match(
      page.body,
      /data-module="govuk-character-count" data-maxlength="10000">\s*<label [^>]*for="behaviour">/,
    );
    assert.match(text(page.body), /You can enter up to 10000 characters/);
    const res = await dsl.post(url, { version: version(page.body), behaviour: 'x'.repeat(10_001) });
    assert.equal(res.statusCode, 400);
    assert.equal(
      messageNextTo(res.body, 'behaviour'),
      'Description of the behaviour must be 10,000 characters or fewer',
    );
    assert.deepEqual(
      summary(res.body).map((l) => l.text),
      ['Description of the behaviour must be 10,000 characters or fewer'],
    );
    // Every long box of the meeting's minutes counts too.
    const { meetingId } = await kentMeeting();
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    const minutes = (await manager.get(paths.meetings.minutes(meetingId))).body;
    const boxes = [...minutes.matchAll(/<textarea [^>]*id="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(boxes.length > 2);
    for (const id of boxes)
      assert.match(
        minutes,
        new RegExp(`data-maxlength="\\d+">\\s*<label [^>]*for="${id}"`),
        `${id} counts its characters`,
      );
  });

  it('lists each external decision under its agency, and records a charge (defect 12)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'north-east-lincolnshire', 'Ellis');
    const yj = await signedIn(t.app, 'north-east-lincolnshire', 'team-manager');
    const form = (await yj.get(paths.children.newExternalDecision(inc.childId))).body;
    assert.doesNotMatch(form, /<select/);
    // Each agency's decisions in a fieldset named for it: "No further action" twice, each under its agency.
    const groups = [
      ...form.matchAll(
        /<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">\s*([^<]+?)\s*<\/legend>([\s\S]*?)<\/fieldset>/g,
      ),
    ].map((m) => ({
      legend: m[1]!,
      options: [
        ...m[2]!.matchAll(/<label class="govuk-label govuk-radios__label" for="[^"]+">\s*([^<]+?)\s*<\/label>/g),
      ].map((o) => o[1]!),
    }));
    assert.deepEqual(
      groups.map((g) => g.legend),
      ['Police decision', 'Crown Prosecution Service decision', 'Out of Court Triage decision'],
    );
    assert.ok(groups[0]!.options.includes('No further action') && groups[2]!.options.includes('No further action'));
    assert.deepEqual(groups[1]!.options, ['No prosecution', 'Out-of-court disposal', 'Charge']);

    const missing = await yj.post(paths.children.externalDecisions(inc.childId), {
      'decidedOn-day': '2',
      'decidedOn-month': '11',
      'decidedOn-year': '2026',
      note: 'Kept note',
    });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(
      assertLinksInPageOrder(missing.body).map((l) => l.href),
      ['#decision'],
    );
    assert.equal(messageNextTo(missing.body, 'decision'), 'Select the decision, under the agency that made it');
    assert.match(missing.body, />Kept note<\/textarea>/);
    assert.equal(
      (await db.selectFrom('external_decisions').select('id').where('child_id', '=', inc.childId).execute()).length,
      0,
      'nothing written',
    );

    const charged = await yj.post(paths.children.externalDecisions(inc.childId), {
      decision: 'cps:charge',
      'decidedOn-day': '2',
      'decidedOn-month': '11',
      'decidedOn-year': '2026',
    });
    assert.equal(charged.statusCode, 303, 'a charge is not reported as missing');
    const saved = await db
      .selectFrom('external_decisions')
      .select(['decided_by_agency', 'decision'])
      .where('child_id', '=', inc.childId)
      .execute();
    assert.deepEqual(saved, [{ decided_by_agency: 'cps', decision: 'charge' }]);
  });
});
