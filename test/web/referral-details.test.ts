// A referral that carries what the receiving team needs (issue 15): the referrer and how to reach
// them (from their account, editable), whether the parents or carers were told and why not,
// whether they consent and why not (R-X-6, R-NYO-16), the immediate safety steps (R-NYO-2) and what
// is asked. Every error at once in page order (ADR 0012); shown to the receiving team; in the audit
// event and the chronology (never the phone or email there); "Not recorded" on an older referral;
// a read grant sees the screening but cannot refer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { screenKentHarmful } from '../helpers/cases.ts';
import { REFERRAL_FORM } from '../helpers/referrals.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

/** The error summary's links, in the order listed. */
function summary(html: string): { href: string; text: string }[] {
  const box = /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html);
  assert.ok(box, 'an error summary');
  return [...box[1]!.matchAll(/<a href="(#[^"]+)">([\s\S]*?)<\/a>/g)].map((m) => ({
    href: m[1]!,
    text: text(m[2]!).trim(),
  }));
}

const EMPTY = Object.fromEntries(Object.keys(REFERRAL_FORM).map((key) => [key, '']));

describe('the referral form: what the receiving team needs (issue 15)', () => {
  let t: TestApp;
  let dsl: Client;
  let toby: Awaited<ReturnType<typeof screenKentHarmful>>;
  let screeningId = '';

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    await seedDemoScreenings(db);
    toby = await screenKentHarmful(db, 'Toby');
    screeningId = (
      await db
        .selectFrom('screenings')
        .select('id')
        .where('child_id', '=', toby.childId)
        .where('status', '=', 'decided')
        .executeTakeFirstOrThrow()
    ).id;
    dsl = await signedIn(t.app, 'kent', 'dsl');
  });
  after(async () => t.close());

  it('opens from the decided screening, with the referrer’s details from their account and the consent hint', async () => {
    const screening = await dsl.get(paths.screening.show(screeningId));
    assert.ok(screening.body.includes(`href="${paths.referrals.new(screeningId)}"`), 'the screening links to the form');
    assert.match(text(screening.body), /Refer each child to the Front Door/);
    const form = await dsl.get(paths.referrals.new(screeningId));
    assert.equal(form.statusCode, 200);
    const page = text(form.body);
    assert.match(page, /Refer Toby Alderbrook to the Front Door/);
    assert.match(page, /each child gets a separate referral and record/);
    assert.match(form.body, /name="referrerName" type="text" spellcheck="false" value="Kent DSL"/);
    assert.match(form.body, /name="referrerRole" type="text" value="Designated safeguarding lead, Meadowbank Academy"/);
    assert.match(form.body, /name="referrerEmail" type="email" spellcheck="false" value="dsl@kent.example"/);
    assert.match(form.body, /name="referrerPhone" type="tel" value=""/);
    assert.match(page, /Consent is not needed where asking for it would put a child at risk of significant harm/);
    assert.match(page, /What immediate steps have been taken to keep the children safe\?/);
    assert.match(page, /What are you asking the Front Door to do\?/);
  });

  it('lists every missing answer at once, in the order of the page, writing nothing', async () => {
    const { db } = t.database;
    const before = await db.selectFrom('referrals').select('id').execute();
    const res = await dsl.post(paths.referrals.create(screeningId), EMPTY);
    assert.equal(res.statusCode, 400);
    assert.deepEqual(summary(res.body), [
      { href: '#referrerName', text: 'Enter your name' },
      { href: '#referrerRole', text: 'Enter your role and organisation' },
      {
        href: '#referrerPhone',
        text: 'Enter a phone number or an email address, so the receiving team can contact you',
      },
      { href: '#parentsTold', text: 'Select yes if the parents or carers were told about the referral' },
      { href: '#parentsConsent', text: 'Select whether the parents or carers consent to the referral' },
      { href: '#safetySteps', text: 'Enter the immediate steps taken to keep the children safe' },
      { href: '#request', text: 'Enter what you are asking the receiving team to do' },
    ]);
    for (const { href } of summary(res.body)) assert.ok(res.body.includes(` id="${href.slice(1)}"`), href);
    assert.equal((await db.selectFrom('referrals').select('id').execute()).length, before.length);
  });

  it('asks why not when the parents were not told or do not consent (R-X-6, R-NYO-16), and checks the phone and email, keeping what was typed', async () => {
    const res = await dsl.post(paths.referrals.create(screeningId), {
      ...REFERRAL_FORM,
      referrerPhone: 'ring me',
      referrerEmail: 'not an address',
      parentsTold: 'no',
      parentsConsent: 'no',
      consentReason: '',
      safetySteps: 'Kept apart at lunch.',
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      summary(res.body).map((s) => s.text),
      [
        'Enter a phone number in the correct format',
        'Enter an email address in the correct format, like name@example.com',
        'Enter why the parents or carers were not told',
        'Enter why the parents or carers do not consent, and why you are referring without it',
      ],
    );
    assert.match(res.body, /value="ring me"/);
    assert.match(res.body, /Kept apart at lunch\./);
    assert.match(res.body, /id="parentsTold-2" name="parentsTold" type="radio" value="no" checked/);
    const notAsked = await dsl.post(paths.referrals.create(screeningId), {
      ...REFERRAL_FORM,
      parentsConsent: 'not_asked',
      consentReason: ' ',
    });
    assert.deepEqual(
      summary(notAsked.body).map((s) => s.text),
      ['Enter why the parents or carers were not asked for consent'],
    );
  });

  it('a read grant sees the screening but cannot open the form or refer (seeing never implies changing)', async () => {
    const { db } = t.database;
    const workerB = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'social-worker-b@kent.example')
      .executeTakeFirstOrThrow();
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    await manager.get(paths.children.show(toby.childId));
    const granted = await manager.post(`/children/${toby.childId}/grants`, {
      userId: workerB.id,
      reason: 'Reading the case before a consultation',
      days: '7',
    });
    assert.equal(granted.statusCode, 303);
    const reader = await signedIn(t.app, 'kent', 'social-worker-b');
    const screening = await reader.get(paths.screening.show(screeningId));
    assert.equal(screening.statusCode, 200);
    assert.doesNotMatch(text(screening.body), /Refer each child/);
    assert.equal((await reader.get(paths.referrals.new(screeningId))).statusCode, 403);
    const refused = await reader.post(paths.referrals.create(screeningId), REFERRAL_FORM, {
      tokenFrom: paths.screening.show(screeningId),
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(
      (await db.selectFrom('referrals').select('id').where('incident_id', '=', toby.incidentId).execute()).length,
      0,
    );
  });

  it('makes each referral with the details (R-NYO-4: one per child), shows them to the receiving team, and audits and chronicles them', async () => {
    const { db } = t.database;
    await dsl.get(paths.referrals.new(screeningId));
    const made = await dsl.post(paths.referrals.create(screeningId), {
      ...REFERRAL_FORM,
      parentsTold: 'no',
      parentsNotToldReason: 'Telling the father could put the younger child at risk.',
    });
    assert.equal(made.statusCode, 303);
    const rows = await db
      .selectFrom('referrals')
      .selectAll()
      .where('incident_id', '=', toby.incidentId)
      .orderBy('child_id')
      .execute();
    assert.equal(rows.length, 2, 'a separate referral for each child, each with the details');
    for (const row of rows) {
      assert.equal(row.referrer_email, 'referrer@school.example');
      assert.equal(row.parents_told, false);
      assert.equal(row.parents_consent, 'not_asked');
      assert.equal(row.request, REFERRAL_FORM.request);
    }
    const referralId = rows.find((r) => r.child_id === toby.childId)!.id;

    const frontDoor = await signedIn(t.app, 'kent', 'front-door');
    const page = text((await frontDoor.get(paths.referrals.show(referralId))).body);
    assert.match(page, /Referred by Test referrer, Designated safeguarding lead, Test School/);
    assert.match(page, /How to contact them 01632 960 000 referrer@school\.example/);
    assert.match(page, /Parents or carers told No: Telling the father could put the younger child at risk\./);
    assert.match(page, /consent They were not asked: Asking could put the younger child at risk\./);
    assert.match(page, /Immediate safety steps The children are kept apart at school and supervised at break times\./);
    assert.match(
      page,
      /Asked of the receiving team An assessment of the child who harmed, and support for the child harmed\./,
    );

    const chronology = text((await frontDoor.get(paths.children.chronology(toby.childId))).body);
    assert.match(
      chronology,
      /Referred by Test referrer, Designated safeguarding lead, Test School\. Parents or carers told: no\. Consent: they were not asked\. Asked for: An assessment of the child who harmed/,
    );
    assert.doesNotMatch(chronology, /01632|referrer@school\.example/, 'no phone or email in the chronology');

    const events = await db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'referral.create')
      .where('outcome', '=', 'ok')
      .where('entity_id', '=', referralId)
      .execute();
    assert.equal(events.length, 1);
    const details = events[0]!.details;
    assert.equal(details.referrerName, 'Test referrer');
    assert.equal(details.referrerEmail, 'referrer@school.example');
    assert.equal(details.referrerPhone, '01632 960 000');
    assert.equal(details.parentsTold, false);
    assert.equal(details.parentsConsent, 'not_asked');
    assert.equal(details.safetySteps, undefined, 'the free text stays on the referral');

    // Referred: the form is stale now (409), and the page goes back to the screening.
    const again = await dsl.post(paths.referrals.create(screeningId), REFERRAL_FORM, {
      tokenFrom: paths.screening.show(screeningId),
    });
    assert.equal(again.statusCode, 409);
    const reopened = await dsl.get(paths.referrals.new(screeningId));
    assert.equal(reopened.statusCode, 303);
    assert.equal(reopened.headers.location, paths.screening.show(screeningId));
  });

  it('reads “Not recorded” on a referral made before the form asked (migration 0024)', async () => {
    const { db } = t.database;
    const old = await db
      .selectFrom('referrals as r')
      .innerJoin('children as c', 'c.id', 'r.child_id')
      .select('r.id')
      .where('c.authority_id', '=', 'kent')
      .where('c.first_name', '=', 'Ellis')
      .executeTakeFirstOrThrow();
    // As the migration leaves a referral made before it: none of the new columns set.
    await db
      .updateTable('referrals')
      .set({
        referrer_name: null,
        referrer_role: null,
        referrer_phone: null,
        referrer_email: null,
        parents_told: null,
        parents_not_told_reason: null,
        parents_consent: null,
        consent_reason: null,
        safety_steps: null,
        request: null,
      })
      .where('id', '=', old.id)
      .execute();
    const frontDoor = await signedIn(t.app, 'kent', 'front-door');
    const page = text((await frontDoor.get(paths.referrals.show(old.id))).body);
    for (const key of [
      'Referred by',
      'How to contact them',
      'Parents or carers told',
      'Parents’ or carers’ consent',
      'Immediate safety steps',
      'Asked of the receiving team',
    ])
      assert.ok(page.includes(`${key} Not recorded`), `${key} reads Not recorded`);
  });
});
