// In Chromium: planning an AIM assessment with the errors next to the fields, then the
// assessment page through a stage, the outcome sheet and the report, passing axe on every page
// (R-KEN-11, R-NYO-9, R-NYO-10, R-NYO-12..14); and the same plan with JavaScript switched off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { londonToday } from '../../src/domain/age.ts';
import * as childService from '../../src/services/child-service.ts';
import { paths } from '../../src/web/paths.ts';
import { demoEmail } from '../helpers/app.ts';
import { type BrowserRig, expectAccessible, signInAs, startBrowserRig, stopBrowserRig } from '../helpers/browser.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';

let rig: BrowserRig | undefined;

before(async () => {
  rig = await startBrowserRig();
});

after(() => stopBrowserRig(rig));

const signIn = (page: Page, authority: string, role: string) => signInAs(page, rig!.base, authority, role);

/** Ellis is allocated to the social worker, who plans; the AIM practitioner is given sight of his record. */
async function prepare(authority: string) {
  const { db } = rig!.t.database;
  const inc = await demoIncident(db, authority, 'Ellis');
  const worker = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoEmail(authority, 'social-worker'))
    .executeTakeFirstOrThrow();
  await db.updateTable('children').set({ allocated_worker_id: worker.id }).where('id', '=', inc.childId).execute();
  const aim = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoEmail(authority, 'aim-practitioner'))
    .executeTakeFirstOrThrow();
  await childService.grantAccess(db, await demoActor(db, authority, 'team-manager'), inc.childId, {
    userId: aim.id,
    reason: 'AIM assessment',
    days: 90,
  });
  return inc;
}

describe('AIM assessments in Chromium', () => {
  it('plans and records an AIM2 assessment in Kent, passing axe on every page', async () => {
    const inc = await prepare('kent');
    const context = await rig!.browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await signIn(page, 'kent', 'social-worker');
    await page.goto(`${rig!.base}${paths.children.show(inc.childId)}`);
    await page.getByRole('navigation', { name: 'Record sections' }).getByRole('link', { name: 'Assessments' }).click();
    await expectAccessible(page, 'assessments tab');
    await page.getByRole('button', { name: 'Plan an AIM assessment' }).click();
    await page.getByRole('heading', { name: 'AIM2 assessment' }).waitFor();
    await expectAccessible(page, 'plan');
    await page.getByRole('button', { name: 'Plan the assessment' }).click();
    await page.getByText('Select who will lead the assessment').first().waitFor();
    await expectAccessible(page, 'plan with errors');
    await page
      .getByLabel('Lead assessor', { exact: true })
      .selectOption({ label: 'Kent AIM practitioner (AIM2 trained)' });
    await page.getByLabel('Co-assessor', { exact: true }).selectOption({ label: 'Kent social worker' });
    await page.locator('#appropriateAdult').check();
    await page.locator('#participates').check();
    await page.locator('#prosecutionLikely-2').check();
    await page.locator('#denies-2').check();
    await page.getByRole('button', { name: 'Plan the assessment' }).click();
    await page.getByText('Assessment planned').first().waitFor();
    await expectAccessible(page, 'assessment');
    const assessmentUrl = page.url();
    assert.match(await page.locator('main').innerText(), /Stage 2: interviews with the young person/);

    const [y, m, d] = londonToday().split('-');
    await page.getByRole('link', { name: /^Record stage 1 as done/ }).click();
    await page.locator('#stageDate-day').fill(String(Number(d)));
    await page.locator('#stageDate-month').fill(String(Number(m)));
    await page.locator('#stageDate-year').fill(y!);
    await page.getByRole('button', { name: 'Record stage 1 as done' }).click();
    await page.getByText('Stage recorded').first().waitFor();
    // Issue 11 defect 8: what is typed in the outcome sheet is on its own page, and stays there.
    await page.getByRole('link', { name: 'Record the outcome sheet' }).click();
    await page
      .getByLabel('Dynamic concerns (sexual and non-sexual harmful behaviour)')
      .fill('Typed, then the page is sent without the rest.');
    assert.equal(
      await page.getByRole('button', { name: 'Save the report' }).count(),
      0,
      'no other form on the outcome sheet page',
    );
    await page.getByRole('button', { name: 'Save the outcome sheet' }).click();
    assert.equal(
      await page.getByLabel('Dynamic concerns (sexual and non-sexual harmful behaviour)').inputValue(),
      'Typed, then the page is sent without the rest.',
    );
    await page.getByText('Select the level of supervision the young person needs').first().waitFor();
    await expectAccessible(page, 'outcome sheet with errors');
    await page
      .getByLabel('Dynamic concerns (sexual and non-sexual harmful behaviour)')
      .fill('Used threats to keep it secret.');
    await page.getByLabel('Sexual and non-sexual harmful behaviour', { exact: true }).check();
    await page.getByLabel('Medium').check();
    await page.getByRole('button', { name: 'Save the outcome sheet' }).click();
    await page.getByText('Outcome sheet saved').first().waitFor();
    await page.getByRole('link', { name: 'Write the report' }).click();
    await page.getByRole('button', { name: 'Save the report' }).click();
    await page.getByText('Enter the purpose of the assessment').first().waitFor();
    await expectAccessible(page, 'report with errors');
    await page.getByRole('link', { name: 'Print the report' }).click();
    await page.getByText('Level of supervision').first().waitFor();
    await expectAccessible(page, 'printed report');
    await page.goto(assessmentUrl);
    await page.getByRole('link', { name: 'Record the sharing of the report' }).click();
    await page.getByRole('button', { name: 'Record the sharing of the report' }).click();
    await page.getByText('Record the outcome sheet and write the report before sharing it').first().waitFor();
    await expectAccessible(page, 'sharing with errors');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Assessments' }).click();
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor();
    assert.match(await page.locator('main').innerText(), /Ellis Hawthorn\s+AIM2 assessment/);
    await expectAccessible(page, 'my assessments');
    await context.close();
  });

  it('plans a Stage One paperwork assessment in Thurrock with JavaScript switched off', async () => {
    const inc = await prepare('thurrock');
    const context = await rig!.browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    // The allocated social worker plans it: the AIM practitioner's read grant gives sight, not the plan (R-X-7).
    await signIn(page, 'thurrock', 'social-worker');
    await page.goto(`${rig!.base}${paths.children.planAssessment(inc.childId)}`);
    await page.getByRole('heading', { name: 'AIM3 assessment' }).waitFor();
    await page
      .getByLabel('Lead assessor', { exact: true })
      .selectOption({ label: 'Thurrock AIM practitioner (AIM3 trained)' });
    await page.getByLabel('Co-assessor', { exact: true }).selectOption({ label: 'Thurrock social worker' });
    await page.locator('#appropriateAdult').check();
    await page.locator('#participates-2').check();
    await page.locator('#prosecutionLikely-2').check();
    await page.locator('#denies-2').check();
    await page.getByRole('button', { name: 'Plan the assessment' }).click();
    await page.getByText('Stage One paperwork assessment only').first().waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /Stage 2: interviews/);
    await context.close();
  });
});
