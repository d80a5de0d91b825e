// A referral that carries what the receiving team needs (issue 15): the referrer and how to reach
// them (from their account, editable), asked once; and for each child referred, in that child's
// own section, whether their parents or carers were told and why not, whether they consent and why
// not (R-X-6, R-NYO-16), the immediate safety steps (R-NYO-2) and what is asked. Every error at once
// in page order with each child's own field ids (ADR 0012); each child's referral carries only that
// child's answers, shown to the receiving team, in the audit event and the chronology (never the
// phone or email, nor anyone's name there); a person who may see only the child who harmed never
// reads the child harmed's family's answers, nor their name on the form (R-X-1); "Not recorded"
// on an older referral; a read grant sees the screening but cannot refer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { screenKentHarmful } from '../helpers/cases.ts';
import { FAMILY, REFERRER, referralBody } from '../helpers/referrals.ts';

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

const blank = (answers: object) => Object.fromEntries(Object.keys(answers).map((key) => [key, '']));

/** Isla's family's answers: different people from Toby's, so different answers, none of them for Toby's team. */
const ISLA_FAMILY = {
  parentsTold: 'no',
  parentsNotToldReason: 'Her mother is abroad until Friday; her grandmother, who cares for her, is told today.',
  parentsConsent: 'yes',
  consentReason: '',
  safetySteps: 'A named teaching assistant stays with Isla at break times.',
  request: 'Support for Isla and her grandmother after what happened.',
} as const;

describe('the referral form: what the receiving team needs (issue 15)', () => {
  let t: TestApp;
  let dsl: Client;
  let toby: Awaited<ReturnType<typeof screenKentHarmful>>;
  let screeningId = '';
  let tobyId = '';
  let islaId = '';
  /** Each child's field id on the form: `parentsTold-<child's id>`. */
  const on = (field: string, childId: string) => `${field}-${childId}`;

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    await seedDemoScreenings(db);
    toby = await screenKentHarmful(db, 'Toby');
    tobyId = toby.childId;
    islaId = toby.targetedId;
    screeningId = (
      await db
        .selectFrom('screenings')
        .select('id')
        .where('child_id', '=', toby.childId)
        .where('status', '=', 'decided')
        .executeTakeFirstOrThrow()
    ).id;
    // Isla is no team's case: Team A's social worker, who works on Toby's, may not see her record.
    await db
      .updateTable('children')
      .set({ allocated_team_id: null, allocated_worker_id: null })
      .where('id', '=', islaId)
      .execute();
    dsl = await signedIn(t.app, 'kent', 'dsl');
  });
  after(async () => t.close());

  it('opens from the decided screening: the referrer once from their account, then a section for each child by role and first name', async () => {
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
    assert.equal(form.body.match(/name="referrerName"/g)?.length, 1, 'the referrer is asked once');
    // The referrer's questions, then Toby's section, then Isla's.
    const legends = [...form.body.matchAll(/<legend class="govuk-fieldset__legend[^"]*">([\s\S]*?)<\/legend>/g)].map(
      (m) => text(m[1]!).trim(),
    );
    assert.deepEqual(legends, [
      'About you',
      'Toby (child who harmed)',
      'Have Toby’s parents or carers been told about the referral?',
      'Do Toby’s parents or carers consent to the referral?',
      'Isla (child harmed)',
      'Have Isla’s parents or carers been told about the referral?',
      'Do Isla’s parents or carers consent to the referral?',
    ]);
    for (const childId of [tobyId, islaId])
      for (const field of ['parentsTold', 'parentsConsent'])
        assert.ok(form.body.includes(`name="${on(field, childId)}" type="radio"`), `${field} for each child`);
    for (const childId of [tobyId, islaId])
      for (const field of ['parentsNotToldReason', 'consentReason', 'safetySteps', 'request'])
        assert.ok(
          form.body.includes(`id="${on(field, childId)}" name="${on(field, childId)}"`),
          `${field} for each child`,
        );
    assert.match(page, /the team that receives a child’s referral sees only the answers for that child/);
    assert.match(page, /Consent is not needed where asking for it would put a child at risk of significant harm/);
    assert.match(page, /What immediate steps have been taken to keep the children safe\?/);
    assert.match(page, /What are you asking the Front Door to do\?/);
  });

  it('names a child harmed whose record the referrer may not see by role only (R-X-1)', async () => {
    const worker = await signedIn(t.app, 'kent', 'social-worker');
    assert.equal((await worker.get(paths.children.show(islaId))).statusCode, 404, 'Isla’s record is not theirs to see');
    const form = await worker.get(paths.referrals.new(screeningId));
    assert.equal(form.statusCode, 200);
    const page = text(form.body);
    assert.match(page, /Toby \(child who harmed\)/);
    assert.match(page, /Another child \(child harmed\)/);
    assert.match(page, /Have the child harmed’s parents or carers been told about the referral\?/);
    assert.doesNotMatch(page, /Isla|Rowanford/);
    const res = await worker.post(paths.referrals.create(screeningId), referralBody({ [tobyId]: {} }));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      summary(res.body).map((s) => s.text),
      [
        'Select yes if the child harmed’s parents or carers were told about the referral',
        'Select whether the child harmed’s parents or carers consent to the referral',
        'Enter the immediate steps taken to keep the children safe, in the child harmed’s referral',
        'Enter what you are asking the receiving team to do, in the child harmed’s referral',
      ],
    );
    assert.doesNotMatch(text(res.body), /Isla|Rowanford/);
  });

  it('lists every missing answer at once, in the order of the page, each linking to that child’s field, writing nothing', async () => {
    const { db } = t.database;
    const before = await db.selectFrom('referrals').select('id').execute();
    const res = await dsl.post(paths.referrals.create(screeningId), {
      ...blank(REFERRER),
      ...Object.fromEntries(
        Object.keys(FAMILY).flatMap((field) => [
          [on(field, tobyId), ''],
          [on(field, islaId), ''],
        ]),
      ),
    });
    assert.equal(res.statusCode, 400);
    const section = (childId: string, name: string) => [
      {
        href: `#${on('parentsTold', childId)}`,
        text: `Select yes if ${name}’s parents or carers were told about the referral`,
      },
      {
        href: `#${on('parentsConsent', childId)}`,
        text: `Select whether ${name}’s parents or carers consent to the referral`,
      },
      {
        href: `#${on('safetySteps', childId)}`,
        text: `Enter the immediate steps taken to keep the children safe, in ${name}’s referral`,
      },
      {
        href: `#${on('request', childId)}`,
        text: `Enter what you are asking the receiving team to do, in ${name}’s referral`,
      },
    ];
    assert.deepEqual(summary(res.body), [
      { href: '#referrerName', text: 'Enter your name' },
      { href: '#referrerRole', text: 'Enter your role and organisation' },
      {
        href: '#referrerPhone',
        text: 'Enter a phone number or an email address, so the receiving team can contact you',
      },
      ...section(tobyId, 'Toby'),
      ...section(islaId, 'Isla'),
    ]);
    for (const { href } of summary(res.body)) assert.ok(res.body.includes(` id="${href.slice(1)}"`), href);
    // Each message also sits next to its own child's field.
    assert.match(
      res.body,
      new RegExp(
        `id="${on('safetySteps', islaId)}-error"[^>]*>\\s*<span class="govuk-visually-hidden">Error:</span> Enter the immediate steps taken to keep the children safe, in Isla’s referral`,
      ),
    );
    assert.equal((await db.selectFrom('referrals').select('id').execute()).length, before.length);
  });

  it('asks why not for the child whose parents were not told or do not consent (R-X-6, R-NYO-16), checks the phone and email, and keeps each child’s answers in their own fields', async () => {
    const res = await dsl.post(
      paths.referrals.create(screeningId),
      referralBody(
        {
          [tobyId]: { parentsConsent: 'no', consentReason: '', safetySteps: 'Kept apart at lunch.' },
          [islaId]: { ...ISLA_FAMILY, parentsNotToldReason: '' },
        },
        { referrerPhone: 'ring me', referrerEmail: 'not an address' },
      ),
    );
    assert.equal(res.statusCode, 400);
    assert.deepEqual(summary(res.body), [
      { href: '#referrerPhone', text: 'Enter a phone number in the correct format' },
      { href: '#referrerEmail', text: 'Enter an email address in the correct format, like name@example.com' },
      {
        href: `#${on('consentReason', tobyId)}`,
        text: 'Enter why Toby’s parents or carers do not consent, and why you are referring without it',
      },
      { href: `#${on('parentsNotToldReason', islaId)}`, text: 'Enter why Isla’s parents or carers were not told' },
    ]);
    assert.match(res.body, /value="ring me"/);
    assert.match(
      res.body,
      new RegExp(`name="${on('safetySteps', tobyId)}" rows="5"[^>]*>Kept apart at lunch\\.</textarea>`),
    );
    assert.match(
      res.body,
      new RegExp(
        `name="${on('safetySteps', islaId)}" rows="5"[^>]*>A named teaching assistant stays with Isla at break times\\.</textarea>`,
      ),
    );
    assert.match(res.body, new RegExp(`name="${on('parentsTold', islaId)}" type="radio" value="no" checked`));
    assert.match(res.body, new RegExp(`name="${on('parentsTold', tobyId)}" type="radio" value="yes" checked`));
    assert.match(res.body, new RegExp(`name="${on('parentsConsent', tobyId)}" type="radio" value="no" checked`));
    assert.match(res.body, new RegExp(`name="${on('parentsConsent', islaId)}" type="radio" value="yes" checked`));
    const notAsked = await dsl.post(
      paths.referrals.create(screeningId),
      referralBody({ [tobyId]: {}, [islaId]: { parentsConsent: 'not_asked', consentReason: ' ' } }),
    );
    assert.deepEqual(
      summary(notAsked.body).map((s) => s.text),
      ['Enter why Isla’s parents or carers were not asked for consent'],
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
    const refused = await reader.post(paths.referrals.create(screeningId), referralBody([tobyId, islaId]), {
      tokenFrom: paths.screening.show(screeningId),
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(
      (await db.selectFrom('referrals').select('id').where('incident_id', '=', toby.incidentId).execute()).length,
      0,
    );
  });

  it('makes each child’s referral with the referrer and that child’s own answers (R-NYO-4), shows them to the receiving team, and audits and chronicles them', async () => {
    const { db } = t.database;
    await dsl.get(paths.referrals.new(screeningId));
    const made = await dsl.post(
      paths.referrals.create(screeningId),
      referralBody({
        [tobyId]: {
          parentsTold: 'no',
          parentsNotToldReason: 'Telling the father could put the younger child at risk.',
        },
        [islaId]: ISLA_FAMILY,
      }),
    );
    assert.equal(made.statusCode, 303);
    const rows = await db.selectFrom('referrals').selectAll().where('incident_id', '=', toby.incidentId).execute();
    assert.equal(rows.length, 2, 'a separate referral for each child');
    const tobyRow = rows.find((r) => r.child_id === tobyId)!;
    const islaRow = rows.find((r) => r.child_id === islaId)!;
    for (const row of rows) assert.equal(row.referrer_email, 'referrer@school.example');
    assert.equal(tobyRow.parents_told, false);
    assert.equal(tobyRow.parents_consent, 'not_asked');
    assert.equal(tobyRow.request, FAMILY.request);
    assert.equal(islaRow.parents_told, false);
    assert.equal(islaRow.parents_not_told_reason, ISLA_FAMILY.parentsNotToldReason);
    assert.equal(islaRow.parents_consent, 'yes');
    assert.equal(islaRow.consent_reason, null);
    assert.equal(islaRow.safety_steps, ISLA_FAMILY.safetySteps);
    assert.equal(islaRow.request, ISLA_FAMILY.request);

    const frontDoor = await signedIn(t.app, 'kent', 'front-door');
    const page = text((await frontDoor.get(paths.referrals.show(tobyRow.id))).body);
    assert.match(page, /Referred by Test referrer, Designated safeguarding lead, Test School/);
    assert.match(page, /How to contact them 01632 960 000 referrer@school\.example/);
    assert.match(page, /Parents or carers told No: Telling the father could put the younger child at risk\./);
    assert.match(page, /consent They were not asked: Asking could put the younger child at risk\./);
    assert.match(page, /Immediate safety steps The children are kept apart at school and supervised at break times\./);
    assert.match(
      page,
      /Asked of the receiving team An assessment of the child who harmed, and support for the child harmed\./,
    );
    const islaPage = text((await frontDoor.get(paths.referrals.show(islaRow.id))).body);
    assert.match(islaPage, /Referred by Test referrer, Designated safeguarding lead, Test School/);
    assert.match(islaPage, /Parents or carers told No: Her mother is abroad until Friday/);
    assert.match(
      islaPage,
      /consent Yes, they consent Immediate safety steps A named teaching assistant stays with Isla/,
    );
    assert.match(islaPage, /Asked of the receiving team Support for Isla and her grandmother after what happened\./);
    assert.doesNotMatch(
      islaPage,
      /Telling the father|kept apart at school and supervised|An assessment of the child who harmed/,
    );

    const chronology = text((await frontDoor.get(paths.children.chronology(tobyId))).body);
    assert.match(
      chronology,
      /Referrer’s role: Designated safeguarding lead, Test School\. Parents or carers told: no\. Consent: they were not asked\. Asked for: An assessment of the child who harmed/,
    );
    assert.doesNotMatch(chronology, /01632|referrer@school\.example/, 'no phone or email in the chronology');
    assert.doesNotMatch(chronology, /Test referrer/, 'the chronology names no one');
    const islaChronology = text((await frontDoor.get(paths.children.chronology(islaId))).body);
    assert.match(
      islaChronology,
      /Parents or carers told: no\. Consent: yes, they consent\. Asked for: Support for Isla/,
    );
    assert.doesNotMatch(islaChronology, /Test referrer|An assessment of the child who harmed/);

    const audited = async (referralId: string) => {
      const events = await db
        .selectFrom('audit_events')
        .select(['details'])
        .where('action', '=', 'referral.create')
        .where('outcome', '=', 'ok')
        .where('entity_id', '=', referralId)
        .execute();
      assert.equal(events.length, 1);
      return events[0]!.details;
    };
    const tobyEvent = await audited(tobyRow.id);
    assert.equal(tobyEvent.childId, tobyId);
    assert.equal(tobyEvent.referrerName, 'Test referrer');
    assert.equal(tobyEvent.referrerEmail, 'referrer@school.example');
    assert.equal(tobyEvent.referrerPhone, '01632 960 000');
    assert.equal(tobyEvent.parentsTold, false);
    assert.equal(tobyEvent.parentsConsent, 'not_asked');
    assert.equal(tobyEvent.safetySteps, undefined, 'the free text stays on the referral');
    const islaEvent = await audited(islaRow.id);
    assert.equal(islaEvent.childId, islaId);
    assert.equal(islaEvent.parentsConsent, 'yes', 'each referral’s event has its own child’s answers');

    // Referred: the form is stale now (409), and the page goes back to the screening.
    const again = await dsl.post(paths.referrals.create(screeningId), referralBody([tobyId, islaId]), {
      tokenFrom: paths.screening.show(screeningId),
    });
    assert.equal(again.statusCode, 409);
    const reopened = await dsl.get(paths.referrals.new(screeningId));
    assert.equal(reopened.statusCode, 303);
    assert.equal(reopened.headers.location, paths.screening.show(screeningId));
  });

  it('someone who may see only the child who harmed reads Toby’s referral with his family’s answers, never Isla’s (R-X-1)', async () => {
    const { db } = t.database;
    const rows = await db
      .selectFrom('referrals')
      .select(['id', 'child_id'])
      .where('incident_id', '=', toby.incidentId)
      .execute();
    const tobyReferral = rows.find((r) => r.child_id === tobyId)!.id;
    const islaReferral = rows.find((r) => r.child_id === islaId)!.id;
    const islaAnswers = [
      ISLA_FAMILY.parentsNotToldReason,
      ISLA_FAMILY.safetySteps,
      ISLA_FAMILY.request,
      'abroad until Friday',
      'grandmother',
      'teaching assistant',
      'Isla',
    ];
    // Team A's social worker (Toby is Team A's case) and the read grant on Toby's record alone.
    for (const who of ['social-worker', 'social-worker-b'] as const) {
      const viewer = await signedIn(t.app, 'kent', who);
      assert.equal((await viewer.get(paths.children.show(islaId))).statusCode, 404, `${who} may not see Isla`);
      const res = await viewer.get(paths.referrals.show(tobyReferral));
      assert.equal(res.statusCode, 200, `${who} sees Toby’s referral`);
      const page = text(res.body);
      assert.match(page, /Parents or carers told No: Telling the father could put the younger child at risk\./);
      assert.match(
        page,
        /Immediate safety steps The children are kept apart at school and supervised at break times\./,
      );
      for (const answer of islaAnswers) assert.ok(!page.includes(answer), `${who} does not read “${answer}”`);
      assert.equal((await viewer.get(paths.referrals.show(islaReferral))).statusCode, 404, `${who}: not Isla’s`);
      for (const other of [
        paths.children.chronology(tobyId),
        paths.children.show(tobyId),
        paths.screening.show(screeningId),
      ]) {
        const seen = text((await viewer.get(other)).body);
        for (const answer of islaAnswers)
          assert.ok(!seen.includes(answer), `${who} does not read “${answer}” on ${other}`);
      }
    }
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
