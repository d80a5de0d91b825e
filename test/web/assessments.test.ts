// AIM assessments through the routes: the model the procedure names for the child's age
// (R-KEN-11, R-X-2), a trained lead and a co-assessor (R-X-5, R-NYO-9), never the child harmed's
// social worker (R-NYO-12), the appropriate adult question, the denial rule leading to a Stage One
// paperwork assessment (R-NYO-10), the stages in order, the outcome sheet (R-NYO-13), the report
// shared with the young person and parents (R-NYO-14), completion, and who may do what (R-X-7).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { londonToday } from '../../src/domain/age.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

describe('AIM assessments', () => {
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
        .where('email', '=', `${role}@kent.example`)
        .executeTakeFirstOrThrow()
    ).id;

  async function allocate(manager: Client, childId: string, form: Record<string, string>) {
    const page = await manager.get(paths.children.show(childId));
    assert.equal(
      (await manager.post(paths.children.allocation(childId), { version: version(page.body), teamId: '', ...form }))
        .statusCode,
      303,
    );
  }

  it('plans an AIM2 assessment for a 14-year-old with a trained lead, refusing the child harmed’s social worker, then records it to completion', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'kent', 'Ellis');
    const [worker, victimWorker, aim] = [
      await userId('social-worker'),
      await userId('social-worker-b'),
      await userId('aim-practitioner'),
    ];
    const manager = await signedIn(t.app, 'kent', 'team-manager');
    await allocate(manager, inc.childId, { workerId: worker });
    // Maya, the child harmed, has her own social worker (set directly: her record is another team's).
    await db
      .updateTable('children')
      .set({ allocated_worker_id: victimWorker })
      .where('id', '=', inc.targetedId)
      .execute();
    // The child harmed's worker has been given sight of Ellis's record (it does not make them an assessor).
    assert.equal(
      (
        await manager.post(paths.children.grants(inc.childId), {
          userId: victimWorker,
          reason: 'Joint visit',
          days: '90',
        })
      ).statusCode,
      303,
    );
    // The AIM practitioner cannot see Ellis's record until named an assessor (R-X-7).
    const aimClient = await signedIn(t.app, 'kent', 'aim-practitioner');
    assert.equal((await aimClient.get(paths.children.show(inc.childId))).statusCode, 404);

    const sw = await signedIn(t.app, 'kent', 'social-worker');
    const tab = await sw.get(paths.children.assessments(inc.childId));
    assert.match(text(tab.body), /No assessments recorded\. Plan an AIM assessment/);
    const form = await sw.get(paths.children.planAssessment(inc.childId));
    assert.equal(form.statusCode, 200);
    assert.match(
      text(form.body),
      /AIM2 assessment The procedure names: AIM2 assessment, led by NELFT, aged 1[34], 12 to 17 \( ?Kent procedure, section 13 ?\)/,
    );
    assert.match(form.body, new RegExp(`<option value="${aim}">Kent AIM practitioner \\(AIM2 trained\\)</option>`));
    assert.match(
      form.body,
      new RegExp(
        `<option value="${victimWorker}">Kent social worker B \\(social worker of the child harmed\\)</option>`,
      ),
    );

    const empty = await sw.post(paths.children.planAssessment(inc.childId), {});
    assert.equal(empty.statusCode, 400);
    const errors = text(empty.body);
    for (const m of [
      'Select who will lead the assessment',
      'Select the co-assessor: assessments are co-worked',
      'Select whether either assessor was the appropriate adult',
      'Select whether the young person agrees to take part',
      'Select whether the young person is likely to be prosecuted',
      'Select whether the young person denies the behaviour',
    ]) {
      assert.match(errors, new RegExp(m));
    }

    const wrong = await sw.post(paths.children.planAssessment(inc.childId), {
      leadId: worker,
      coId: victimWorker,
      appropriateAdult: 'co',
      appropriateAdultReason: '',
      participates: 'yes',
      prosecutionLikely: 'yes',
      denies: 'yes',
    });
    assert.equal(wrong.statusCode, 400);
    const w = text(wrong.body);
    assert.match(w, /Select a lead assessor trained in AIM2: only trained practitioners lead/);
    assert.match(
      w,
      /Select someone else: Kent social worker B is the social worker of the child harmed and must not be involved in the assessment/,
    );
    assert.match(w, /Enter why the assessor is still suitable/);
    assert.match(w, /Select whether a legal representative has explicitly agreed to the interviews/);
    assert.match(wrong.body, /value="yes" checked/, 'what was chosen is kept');
    assert.equal((await db.selectFrom('assessments').select('id').execute()).length, 0, 'nothing saved');
    const refused = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'assessment.plan')
      .where('outcome', '=', 'refused')
      .execute();
    assert.equal(refused.at(-1)?.details['reason'], 'assessor_is_victims_social_worker');

    // Likely to be prosecuted, denies, no legal representative's agreement: Stage One paperwork only (R-NYO-10).
    const planned = await sw.post(paths.children.planAssessment(inc.childId), {
      leadId: aim,
      coId: worker,
      appropriateAdult: 'none',
      participates: 'yes',
      prosecutionLikely: 'yes',
      denies: 'yes',
      legalRepAgreed: 'no',
    });
    assert.equal(planned.statusCode, 303);
    const url = planned.headers.location as string;
    assert.match(
      text((await aimClient.get(paths.children.show(inc.childId))).body),
      /Why you can see this record: You are assessing this child \(an AIM assessment in progress\)/,
    );
    // The AIM practitioner finds it under Assessments in the navigation, with what comes next.
    const mine = await aimClient.get(paths.assessments.mine());
    assert.match(mine.body, new RegExp(`class="govuk-service-navigation__link" href="${paths.assessments.mine()}"`));
    assert.match(
      text(mine.body),
      /Ellis Hawthorn AIM2 assessment Stage One paperwork only Kent AIM practitioner \(lead\), Kent social worker Stage 1: information gathered from the agencies involved/,
    );
    let page = await sw.get(url);
    let p = text(page.body);
    assert.match(
      p,
      /Stage One paperwork assessment only: Likely to be prosecuted and denies the offence, with no legal representative’s explicit agreement to interviews/,
    );
    assert.doesNotMatch(p, /Stage 2: interviews/, 'no interviews in a paperwork assessment');
    assert.match(p, /Lead assessor Kent AIM practitioner Co-assessor Kent social worker/);
    assert.match(
      text((await sw.get(paths.children.planAssessment(inc.childId))).body),
      /An assessment is already in progress for this child/,
    );

    // One form per page (issue 11 defect 8): the overview links to a page for each part, and each
    // part's page holds only its own form, so nothing typed in one part is lost by saving another.
    const formsIn = (html: string) =>
      [...(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '').matchAll(/<form method="post" action="([^"]+)"/g)].map(
        (m) => m[1],
      );
    assert.deepEqual(formsIn(page.body), [], 'the overview has no form while the stages are to do');
    for (const part of ['stage', 'outcome', 'report', 'share']) {
      assert.match(page.body, new RegExp(`href="${url}/${part}"`), `the overview links to the ${part} page`);
      assert.deepEqual(formsIn((await sw.get(`${url}/${part}`)).body), [`${url}/${part}`], `${part}: one form`);
    }
    assert.equal((await aimClient.get(`${url}/outcome`)).statusCode, 200, 'the lead assessor opens the outcome sheet');

    // Completing too early says what is missing.
    page = await sw.get(`${url}/stage`);
    const early = await sw.post(`${url}/complete`, { version: version(page.body) });
    assert.equal(early.statusCode, 400);
    assert.match(text(early.body), /Record stage 1: information gathered from the agencies involved/);

    // Stages in order, dated, never in the future.
    const [y, m, d] = londonToday().split('-');
    const future = await sw.post(`${url}/stage`, {
      version: version(page.body),
      stage: '1',
      'stageDate-day': d!,
      'stageDate-month': m!,
      'stageDate-year': String(Number(y) + 1),
    });
    assert.equal(future.statusCode, 400);
    assert.match(text(future.body), /Date the stage was done must be today or in the past/);
    assert.match(future.body, /href="#stageDate-day"/);
    const outOfOrder = await sw.post(`${url}/stage`, {
      version: version(page.body),
      stage: '3',
      'stageDate-day': d!,
      'stageDate-month': m!,
      'stageDate-year': y!,
    });
    assert.match(text(outOfOrder.body), /Record stage 1: information gathered from the agencies involved first/);
    for (const stage of ['1', '3']) {
      page = await sw.get(`${url}/stage`);
      assert.equal(
        (
          await sw.post(`${url}/stage`, {
            version: version(page.body),
            stage,
            'stageDate-day': d!,
            'stageDate-month': m!,
            'stageDate-year': y!,
          })
        ).statusCode,
        303,
        `stage ${stage}`,
      );
    }

    // The outcome sheet: something in the domains, the domains of most concern and the level of supervision (R-NYO-13).
    page = await sw.get(`${url}/outcome`);
    const noSheet = await sw.post(`${url}/outcome`, { version: version(page.body) });
    assert.equal(noSheet.statusCode, 400);
    assert.match(
      text(noSheet.body),
      /Enter at least one concern or strength in the four domains .*Select the domains of most concern .*Select the level of supervision the young person needs/,
    );
    const sheet = {
      version: version(page.body),
      'offence-dynamicConcerns': 'Planned the behaviour and used threats to keep it secret.',
      'family-staticStrengths': 'Parents engaged and supervising at home.',
      mostConcern: ['offence', 'environment'],
      supervision: 'medium',
      'intervention-youngPerson': 'Work on consent and healthy relationships.',
    };
    assert.equal((await sw.post(`${url}/outcome`, sheet)).statusCode, 303);

    // The report: sharing needs it written first; each section is asked for, without the interviews in a paperwork assessment (R-NYO-14).
    page = await sw.get(`${url}/report`);
    const notYet = await sw.post(`${url}/share`, {
      version: version(page.body),
      'sharedOn-day': d!,
      'sharedOn-month': m!,
      'sharedOn-year': y!,
    });
    assert.match(text(notYet.body), /Record the outcome sheet and write the report before sharing it/);
    assert.doesNotMatch(page.body, /name="presentation"/, 'no interviews to describe');
    const noReport = await sw.post(`${url}/report`, {
      version: version(page.body),
      purpose: 'To assess risk and needs after the incident at school.',
    });
    assert.equal(noReport.statusCode, 400);
    assert.match(
      text(noReport.body),
      /Enter the documentation reviewed and other sources of information .*Enter the brief details of the referral offence or behaviour .*Enter the summary and recommendations/,
    );
    assert.match(noReport.body, /To assess risk and needs after the incident at school\./, 'what was typed is kept');
    const report = {
      version: version(page.body),
      purpose: 'To assess risk and needs after the incident at school.',
      sources: 'School records, police notes, the recording form.',
      referralBehaviour: 'Pressured a younger pupil into sending images.',
      summary: 'Medium supervision; consent work; review in three months.',
    };
    assert.equal((await sw.post(`${url}/report`, report)).statusCode, 303);
    const printed = text((await sw.get(paths.assessments.print(url.split('/').pop()!))).body);
    assert.match(printed, /AIM2 assessment: Ellis Hawthorn .*Stage One paperwork assessment only/);
    assert.match(
      printed,
      /Authors Kent AIM practitioner \(lead assessor\) and Kent social worker Commissioned by Kent County Council/,
    );
    assert.match(printed, /Interviews None: a Stage One paperwork assessment/);
    assert.match(printed, /Level of supervision Medium .*Summary and recommendations Medium supervision; consent work/);
    const exported = await sw.get(paths.assessments.export(url.split('/').pop()!));
    assert.match(
      String(exported.headers['content-disposition']),
      /^attachment; filename="aim2-assessment-report-\d{4}-\d{2}-\d{2}\.html"$/,
    );
    assert.match(exported.body, /<html lang="en-GB">/);
    assert.match(text(exported.body), /Purpose of the assessment To assess risk and needs/);

    // Shared with the young person and parents, with their disagreement noted (R-NYO-14); then completed.
    page = await sw.get(`${url}/share`);
    assert.equal(
      (
        await sw.post(`${url}/share`, {
          version: version(page.body),
          'sharedOn-day': d!,
          'sharedOn-month': m!,
          'sharedOn-year': y!,
          disagreements: 'Parents dispute the account of threats.',
        })
      ).statusCode,
      303,
    );
    page = await sw.get(`${url}/stage`);
    assert.equal(
      (
        await sw.post(`${url}/stage`, {
          version: version(page.body),
          stage: '4',
          'stageDate-day': d!,
          'stageDate-month': m!,
          'stageDate-year': y!,
        })
      ).statusCode,
      303,
    );
    page = await sw.get(url);
    const done = await sw.post(`${url}/complete`, { version: version(page.body) });
    assert.equal(done.statusCode, 303, text(done.body).match(/There is a problem.{0,300}/)?.[0]);
    p = text((await sw.get(url)).body);
    assert.match(p, /Completed/);
    assert.match(p, /Domains of most concern Sexual and non-sexual harmful behaviour, Environment/);
    assert.match(p, /Level of supervision Medium/);
    assert.match(p, /Areas of disagreement Parents dispute the account of threats\./);
    assert.doesNotMatch((await sw.get(url)).body, /Save the outcome sheet/, 'a completed assessment is read-only');

    assert.match(
      text((await aimClient.get(paths.assessments.mine())).body),
      /Ellis Hawthorn AIM2 assessment .* Completed \d+ \w+ \d{4}/,
    );
    // Once completed, the assessors' sight of the record ends with it.
    assert.equal((await aimClient.get(paths.children.show(inc.childId))).statusCode, 404);
    const chronology = text((await sw.get(paths.children.chronology(inc.childId))).body);
    assert.match(
      chronology,
      /AIM2 assessment planned: led by Kent AIM practitioner with Kent social worker\. Stage One paperwork only\./,
    );
    assert.match(
      chronology,
      /AIM2 assessment: outcome sheet recorded\. Level of supervision: medium\. Most concern: sexual and non-sexual harmful behaviour, environment\. Stage One paperwork only: a limited outcome\./,
    );
    assert.match(chronology, /AIM2 assessment completed\./);
    const actions = (
      await db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_type', '=', 'assessment')
        .where('outcome', '=', 'ok')
        .execute()
    ).map((r) => r.action);
    for (const a of [
      'assessment.plan',
      'assessment.view',
      'assessment.stage',
      'assessment.outcome',
      'assessment.report',
      'assessment.print',
      'assessment.export',
      'assessment.share',
      'assessment.complete',
    ])
      assert.ok(actions.includes(a), a);
  });

  it('lets only the assessors and managers change an assessment, and hides it from those without need to know (R-X-7)', async () => {
    const { db } = t.database;
    const a = await db.selectFrom('assessments').select(['id', 'version']).executeTakeFirstOrThrow();
    const outsider = await signedIn(t.app, 'kent', 'youth-justice');
    assert.equal((await outsider.get(paths.assessments.show(a.id))).statusCode, 404);
    const other = await signedIn(t.app, 'kent', 'social-worker-b');
    // Sees Ellis's record through the grant, but is not an assessor: may read, may not change.
    const page = await other.get(paths.assessments.show(a.id));
    assert.equal(page.statusCode, 200);
    assert.equal(
      (await other.post(`${paths.assessments.show(a.id)}/share`, { version: String(a.version), disagreements: 'x' }))
        .statusCode,
      403,
    );
    const refusal = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'assessment.share')
      .where('outcome', '=', 'refused')
      .execute();
    // Not an assessor: a read grant gives sight, never write (R-X-7).
    assert.equal(refusal.at(-1)?.details['reason'], 'not_related');
    // An under-12 in Islington: the procedure names no AIM assessment, and the page says so.
    const isl = await demoIncident(db, 'islington', 'Toby');
    const sw = await signedIn(t.app, 'islington', 'team-manager');
    assert.match(
      text((await sw.get(paths.children.planAssessment(isl.childId))).body),
      /The procedure names no AIM assessment for a child of this age\./,
    );
  });
});
