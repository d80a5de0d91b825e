// North East Lincolnshire's AIM Pathway Panel through the routes (R-NEL-10..12, R-X-6): a referral
// by Children's Services with the assessment, significant harm and consent (explored when not
// given), the lead professional and denial rules; the panel chair's decision with reasons, an
// AIM3-trained lead practitioner and a co-worker; reviews at least every 3 months; closure with
// the further work; consultation only under 12; who may see and do what (R-X-7).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addMonths, londonToday } from '../../src/domain/age.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import * as screeningService from '../../src/services/screening-service.ts';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const NEL = 'north-east-lincolnshire';

describe('the AIM Pathway Panel', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  const userId = async (role: string) =>
    (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', `${role}@${NEL}.example`)
        .executeTakeFirstOrThrow()
    ).id;

  it('takes a referral with its assessment and consent, and the panel decides, reviews and closes (R-NEL-10, R-NEL-11, R-NEL-12)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, NEL, 'Ellis');
    // The DSL's screening sets the routing task "Consider a referral to the AIM Pathway Panel".
    const dsl = await demoActor(db, NEL, 'dsl');
    const sid = await screeningService.recordAnswers(db, dsl, inc.incidentId, inc.childId, {
      toolId: 'concerning-indicators',
      answers: { items: ['made-to', 'different-ages', 'distress'] },
      facts: {
        significant_harm: true,
        open_case: false,
        police_involved: true,
        charge_likely: false,
        cse_linked: false,
        consent_given: true,
      },
    });
    const s = await db
      .selectFrom('screenings')
      .select('suggested_level')
      .where('id', '=', sid)
      .executeTakeFirstOrThrow();
    await screeningService.decide(db, dsl, sid, {
      levelId: s.suggested_level,
      rationale: 'Made a younger child take part.',
    });
    assert.ok(
      await db
        .selectFrom('tasks')
        .select('id')
        .where('child_id', '=', inc.childId)
        .where('step_id', '=', 'aim-panel-referral')
        .where('status', '=', 'open')
        .executeTakeFirst(),
    );

    const sw = await signedIn(t.app, NEL, 'social-worker');
    assert.match(
      text((await sw.get(paths.children.assessments(inc.childId))).body),
      /AIM Pathway Panel No referrals to the panel\. Refer to the AIM Pathway Panel/,
    );
    const empty = await sw.post(paths.children.referToPanel(inc.childId), {});
    assert.equal(empty.statusCode, 400);
    const e = text(empty.body);
    for (const m of [
      'Select which service is referring',
      'Enter which assessment the referral is based on',
      'Enter what the assessment says',
      'Select whether the child has displayed, or is likely to display',
      'Select whether the child consents',
      'Select whether the parent or carer consents',
      'Select whether a police investigation is ongoing',
    ]) {
      assert.match(e, new RegExp(m));
    }
    const form = {
      referringService: 'childrens_services',
      assessmentType: 'Children’s Services Assessment',
      assessmentSummary: 'Repeated coercive behaviour towards younger children; specialist assessment needed.',
      harm: 'displayed',
      childConsent: 'yes',
      parentConsent: 'no',
      policeInvestigation: 'yes',
    };
    const half = await sw.post(paths.children.referToPanel(inc.childId), form);
    assert.equal(half.statusCode, 400);
    assert.match(
      text(half.body),
      /Enter how consent was explored with the child and the parent or carer, and by whom .*Select whether charge or prosecution is likely .*Select whether the young person denies the referral behaviour/,
    );
    assert.match(half.body, /Repeated coercive behaviour towards younger children/, 'what was typed is kept');
    const referred = await sw.post(paths.children.referToPanel(inc.childId), {
      ...form,
      consentExploration: 'The AIM practitioner met the mother, who agreed to think about it.',
      chargeLikely: 'yes',
      denies: 'yes',
    });
    assert.equal(referred.statusCode, 303);
    const url = referred.headers.location as string;
    const page = text((await sw.get(url)).body);
    assert.match(page, /Waiting for the panel’s decision/);
    assert.match(
      page,
      /Lead professional Youth Justice AIM practitioners: charge or prosecution is likely \( ?North East Lincolnshire guidance, The AIM Pathway Panel ?\)/,
    );
    assert.match(
      page,
      /Scope Information gathering only, unless the panel decides otherwise in exceptional circumstances/,
    );
    const task = await db
      .selectFrom('tasks')
      .select(['status', 'completion_note'])
      .where('child_id', '=', inc.childId)
      .where('step_id', '=', 'aim-panel-referral')
      .executeTakeFirstOrThrow();
    assert.deepEqual(task, { status: 'done', completion_note: 'Referred to the AIM Pathway Panel.' });
    assert.match(
      text((await sw.get(paths.children.referToPanel(inc.childId))).body),
      /This child’s case is already before the panel\./,
    );
    assert.equal(
      (await sw.post(`${url}/decision`, { version: '1', decision: 'accept', reasons: 'x' })).statusCode,
      403,
      'only the panel chair decides',
    );

    // The panel chair sees the child through the panel, decides with reasons, and allocates an AIM3-trained lead (R-NEL-11).
    const chair = await signedIn(t.app, NEL, 'panel-chair');
    const list = await chair.get(paths.panel.list());
    assert.match(list.body, /class="govuk-service-navigation__link" href="\/panel"/);
    assert.match(text(list.body), /Ellis Hawthorn .* Waiting for a decision/);
    let p = await chair.get(url);
    const noReasons = await chair.post(`${url}/decision`, { version: version(p.body), decision: 'decline' });
    assert.match(text(noReasons.body), /Enter why the referral is not accepted: the referrer is told/);
    const [aim, yj] = [await userId('aim-practitioner'), await userId('youth-justice')];
    const wrong = await chair.post(`${url}/decision`, {
      version: version(p.body),
      decision: 'accept',
      reasons: 'Meets the criteria.',
      route: 'assessment_and_intervention',
      leadId: yj,
      coWorkerId: yj,
    });
    const w = text(wrong.body);
    assert.match(w, /Select a lead AIM practitioner trained in AIM3/);
    assert.match(w, /Select a co-worker who is not the lead AIM practitioner/);
    assert.match(w, /Enter the exceptional circumstances in which the panel agrees to more than information gathering/);
    const accepted = await chair.post(`${url}/decision`, {
      version: version(p.body),
      decision: 'accept',
      reasons: 'Meets the criteria; police investigation ongoing.',
      route: 'information_gathering',
      leadId: aim,
      coWorkerId: yj,
    });
    assert.equal(accepted.statusCode, 303);
    const due = addMonths(londonToday(), 3);
    p = await chair.get(url);
    assert.match(
      text(p.body),
      /Accepted .*Agreed Information gathering only \(police investigation, behaviour denied\) Lead AIM practitioner North East Lincolnshire AIM practitioner Co-worker North East Lincolnshire youth justice/,
    );
    const aimClient = await signedIn(t.app, NEL, 'aim-practitioner');
    assert.match(
      text((await aimClient.get(paths.children.show(inc.childId))).body),
      /You chair the AIM Pathway Panel this child was referred to, or are allocated to the child’s panel case/,
    );

    // The intervention plan of the accepted route, which the panel reviews, is linked from the referral (R-NEL-11).
    assert.match(text(p.body), /The plan the panel reviews No AIM intervention plan yet/);
    await sw.get(paths.children.newPlan(inc.childId));
    const owner = /<option value="([0-9a-f-]{36})" selected>/.exec(sw.lastHtml)![1]!;
    const planStarted = await sw.post(paths.children.newPlan(inc.childId), {
      kind: 'aim-intervention',
      ownerId: owner,
    });
    assert.equal(planStarted.statusCode, 303);
    assert.match(text((await chair.get(url)).body), /The plan the panel reviews AIM intervention plan : draft/);

    // Reviews at least every 3 months (R-NEL-12).
    const [y, m, d] = londonToday().split('-');
    const late = addMonths(londonToday(), 4).split('-');
    const tooLate = await chair.post(`${url}/review`, {
      version: version(p.body),
      'heldOn-day': d!,
      'heldOn-month': m!,
      'heldOn-year': y!,
      notes: 'Information gathering under way.',
      'nextReviewOn-day': late[2]!,
      'nextReviewOn-month': late[1]!,
      'nextReviewOn-year': late[0]!,
    });
    assert.equal(tooLate.statusCode, 400);
    assert.match(
      text(tooLate.body),
      new RegExp(`Date of the next review must be within 3 months of this one, by ${formatDate(due)}`),
    );
    assert.match(tooLate.body, /href="#nextReviewOn-day"/);
    assert.equal(
      (
        await chair.post(`${url}/review`, {
          version: version(p.body),
          'heldOn-day': d!,
          'heldOn-month': m!,
          'heldOn-year': y!,
          notes: 'Information gathering under way.',
        })
      ).statusCode,
      303,
    );
    const review = await db
      .selectFrom('panel_referrals')
      .select(['next_review_on', 'reviews'])
      .where('child_id', '=', inc.childId)
      .executeTakeFirstOrThrow();
    assert.equal(review.next_review_on, due);
    assert.equal(review.reviews.length, 1);

    // Closure with the further work; the practitioners' sight of the child ends with it, the chair's stays.
    assert.equal((await chair.get(`${url}/letter`)).statusCode, 404, 'no closure letter before closing');
    p = await chair.get(url);
    const noSummary = await chair.post(`${url}/close`, { version: version(p.body), summary: '' });
    assert.match(text(noSummary.body), /Enter what was completed/);
    assert.equal(
      (
        await chair.post(`${url}/close`, {
          version: version(p.body),
          summary: 'Information gathered and shared with the police.',
          furtherWork: 'Full AIM3 assessment after the investigation.',
        })
      ).statusCode,
      303,
    );
    const letter = text((await sw.get(`${url}/letter`)).body);
    assert.match(
      letter,
      /To: the lead professional, Children’s Services \(referred by North East Lincolnshire social worker\), and the agencies involved\./,
    );
    assert.match(
      letter,
      /What was completed Information gathered and shared with the police\. Further work recommended or outstanding Full AIM3 assessment after the investigation\./,
    );
    assert.doesNotMatch(text((await chair.get(paths.panel.list())).body), /Ellis Hawthorn/);
    assert.equal((await aimClient.get(paths.children.show(inc.childId))).statusCode, 404);
    assert.equal(
      (await chair.get(url)).statusCode,
      200,
      'the chair keeps sight of the closed referral, to write the closure letter',
    );
    assert.equal((await chair.get(`${url}/letter`)).statusCode, 200);
    const chronology = text((await sw.get(paths.children.chronology(inc.childId))).body);
    assert.match(
      chronology,
      /Referred to the AIM Pathway Panel for specialist assessment and intervention\. Consent: child yes, parent or carer no\./,
    );
    assert.match(chronology, /AIM Pathway Panel accepted the referral: Information gathering only/);
    assert.match(
      chronology,
      /AIM Pathway Panel closed its involvement\. Further work recommended or outstanding: Full AIM3 assessment after the investigation\./,
    );
    const actions = (
      await db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_type', '=', 'panel_referral')
        .where('outcome', '=', 'ok')
        .execute()
    ).map((r) => r.action);
    for (const a of ['panel.refer', 'panel.view', 'panel.decide', 'panel.review', 'panel.close', 'panel.letter'])
      assert.ok(actions.includes(a), a);
    const refused = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'panel.decide')
      .where('outcome', '=', 'refused')
      .execute();
    assert.equal(refused[0]?.details['reason'], 'missing_role', 'only the panel chair decides');
  });

  it('offers consultation only for a child under 12, and no panel where the procedure has none (R-NEL-10)', async () => {
    const { db } = t.database;
    const toby = await demoIncident(db, NEL, 'Toby');
    const sw = await signedIn(t.app, NEL, 'social-worker');
    assert.match(
      text((await sw.get(paths.children.referToPanel(toby.childId))).body),
      /This referral asks for consultation/,
    );
    const referred = await sw.post(paths.children.referToPanel(toby.childId), {
      referringService: 'childrens_services',
      assessmentType: 'Children’s Services Assessment',
      assessmentSummary: 'Advice sought on a 9-year-old.',
      harm: 'likely',
      childConsent: 'yes',
      parentConsent: 'yes',
      policeInvestigation: 'no',
    });
    assert.equal(referred.statusCode, 303);
    const chair = await signedIn(t.app, NEL, 'panel-chair');
    const p = await chair.get(referred.headers.location as string);
    assert.match(text(p.body), /Referral for consultation/);
    assert.match(p.body, /value="consultation"/);
    assert.doesNotMatch(p.body, /value="assessment_and_intervention"/);
    assert.doesNotMatch(p.body, /name="leadId"/, 'no practitioners allocated for a consultation');

    const kent = await demoIncident(db, 'kent', 'Ellis');
    const kentWorker = await signedIn(t.app, 'kent', 'social-worker');
    assert.match(
      text((await kentWorker.get(paths.children.referToPanel(kent.childId))).body),
      /This authority’s procedure has no AIM Pathway Panel\./,
    );
    const kentChair = await signedIn(t.app, 'kent', 'panel-chair');
    assert.doesNotMatch((await kentChair.get(paths.tasks.mine())).body, /href="\/panel"/);
  });
});
