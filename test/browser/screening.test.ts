// In Chromium: from a recorded incident to screening, the decision and the task list, with
// JavaScript (axe on every page) and with JavaScript switched off. Also the procedure pages and
// the administrator's working-day and API token pages, accessibly.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { londonToday } from '../../src/domain/age.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import { DEMO_PASSWORD, demoEmail } from '../helpers/app.ts';
import { type BrowserRig, expectAccessible, startBrowserRig, stopBrowserRig } from '../helpers/browser.ts';
import { fillReferralForm } from '../helpers/referrals.ts';

let rig: BrowserRig | undefined;
let base = '';
let browser: Browser;

before(async () => {
  rig = await startBrowserRig();
  ({ base, browser } = rig);
});

after(() => stopBrowserRig(rig));

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** Opens the demo child's record from "All children I can see" and starts screening. */
async function startScreening(page: Page, child: string) {
  await page.goto(`${base}/cases?scope=all`);
  await page.getByRole('link', { name: child }).click();
  await page
    .getByRole('link', { name: /^Screen the behaviour/ })
    .first()
    .click();
  await page.getByRole('heading', { name: `Screen the behaviour: ${child}` }).waitFor();
}

const dueText = (workingDays: number) =>
  formatDate(new WorkingDayCalendar().addWorkingDays(londonToday(), workingDays));

describe('screening and tasks in Chromium', () => {
  it('screens with Carson, decides, and works through the task list, passing axe on every page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, demoEmail('kent', 'dsl'));
    await startScreening(page, 'Ellis Hawthorn');
    await expectAccessible(page, 'screening form');

    // Submitting nothing lists every missing answer.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('There is a problem').waitFor();
    await expectAccessible(page, 'screening form with errors');
    assert.ok((await page.locator('.govuk-error-summary__list li').count()) >= 12);

    const ratings: Record<string, 1 | 2 | 3> = {
      type: 3,
      context: 3,
      'emotional-response': 2,
      'targeted-response': 3,
      power: 3,
      frequency: 1,
      persistence: 1,
      'parental-response': 1,
    };
    for (const [dim, n] of Object.entries(ratings))
      await page.locator(n === 1 ? `#rating-${dim}` : `#rating-${dim}-${n}`).check();
    await page.locator('#fact-significant_harm').check();
    for (const f of ['youth_justice', 'open_case', 'other_children_at_risk'])
      await page.locator(`#fact-${f}-2`).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Suggestion: Harmful' }).waitFor();
    await expectAccessible(page, 'suggestion');
    await page.getByText('How this level reads in other authorities’ procedures').click();
    await page.getByText('London Borough of Islington: Category 2: abusive or Category 3: violent').waitFor();
    assert.equal(await page.getByLabel('Harmful').isChecked(), true, 'the suggestion is pre-selected');
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    await page.getByText('Enter the reasons for your decision').first().waitFor();
    await expectAccessible(page, 'decision with errors');
    await page
      .getByLabel('Reasons for your decision')
      .fill('Planned and coercive, towards a younger pupil who was frightened.');
    await page.getByRole('button', { name: 'Confirm decision' }).click();

    await page.getByText('Level of concern decided').waitFor();
    await expectAccessible(page, 'decision');
    // Harmful in Kent: a separate referral for each child to the Front Door (R-NYO-4, R-KEN-2).
    await page.getByRole('button', { name: 'Refer each child to the Front Door' }).click();
    await page.getByRole('heading', { name: 'Refer Ellis Hawthorn to the Front Door' }).waitFor();
    await expectAccessible(page, 'referral form');
    await fillReferralForm(page);
    await page.getByRole('heading', { name: '2 referrals made' }).waitFor();
    await expectAccessible(page, 'referrals made');
    await page.getByRole('link', { name: 'See Ellis’s tasks' }).click();
    await expectAccessible(page, 'child’s tasks');
    const row = page.getByRole('row', { name: /Front Door decides the response/ });
    await row.getByText(dueText(1)).waitFor();
    await page.getByRole('link', { name: 'Convene a strategy discussion' }).click();
    await expectAccessible(page, 'task');
    // The team manager's task: the DSL sees it, and who does it, but cannot mark it as done (R-X-7).
    await page.getByText('This task is for a team manager: you can see it, not mark it as done.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Mark as done' }).count(), 0);
    await page.getByRole('link', { name: 'My tasks' }).click();
    await expectAccessible(page, 'my tasks');
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.getByRole('link', { name: 'Procedures' }).click();
    await expectAccessible(page, 'procedures');
    await page.getByRole('link', { name: 'Kent County Council' }).click();
    await page.getByRole('heading', { name: 'Next steps and timescales' }).waitFor();
    await expectAccessible(page, 'kent procedure');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, demoEmail('kent', 'team-manager'));
    await page.getByRole('link', { name: 'Referrals' }).click();
    await expectAccessible(page, 'referrals');
    await page.getByRole('link', { name: 'Ellis Hawthorn' }).click();
    await page.getByLabel('Convene a strategy discussion').check();
    await page.getByLabel('Reasons for the decision').fill('Significant harm suspected.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('Referral screened').waitFor();
    await expectAccessible(page, 'referral screened');
    await context.close();
  });

  it('clears “None of the category descriptors apply” when a descriptor is ticked, and the descriptors when it is (issue 11 defect 13)', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await signIn(page, demoEmail('islington', 'dsl'));
    await startScreening(page, 'Toby Alderbrook');
    const descriptor = page.locator('#items-category-2');
    const other = page.locator('#items-category-0');
    const none = page.getByLabel('None of the category descriptors apply');
    await descriptor.check();
    await other.check();
    await none.check();
    assert.equal(await descriptor.isChecked(), false, 'ticking none clears the descriptors');
    assert.equal(await other.isChecked(), false, 'in every group');
    await descriptor.check();
    assert.equal(await none.isChecked(), false, 'ticking a descriptor clears none');
    await expectAccessible(page, 'Islington screening form');
    await context.close();
  });

  it('screens with Islington’s categories and decides with JavaScript switched off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await signIn(page, demoEmail('islington', 'dsl'));
    await startScreening(page, 'Toby Alderbrook');
    await page.locator('#items-category-2').check();
    await page.locator('#items-category-2-3').check();
    await page.locator('#fact-significant_harm').check();
    for (const f of ['immediate_risk', 'open_case', 'cse_linked']) await page.locator(`#fact-${f}-2`).check();
    await page.locator('#fact-complex').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Suggestion: Category 2: abusive' }).waitFor();
    await page
      .getByRole('row', { name: /Hold an HSB strategy meeting/ })
      .getByText(dueText(5))
      .waitFor();
    await page.getByLabel('Category 3: violent').check();
    await page
      .getByLabel('Reasons for your decision')
      .fill('Force was used; the police surgeon’s report describes injuries.');
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    await page.getByText('Level of concern decided').waitFor();
    assert.match(await page.locator('main').innerText(), /Category 2: abusive \(a different level was chosen\)/);
    await page.getByRole('link', { name: 'See Toby’s tasks' }).click();
    await page
      .getByRole('row', { name: /Hold an HSB strategy meeting/ })
      .getByText(dueText(5))
      .waitFor();
    await page.getByRole('link', { name: 'My tasks' }).click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await context.close();
  });

  // Hackett (R-THU-2, R-THU-3) and North East Lincolnshire's concerning signs (R-NEL-3) run without
  // JavaScript in the meetings journey; here their forms, with and without errors, pass axe.
  for (const [authority, tool] of [
    ['thurrock', /Hackett/],
    ['north-east-lincolnshire', /concerning/i],
  ] as const) {
    it(`shows ${authority}’s screening form accessibly, with its errors`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, demoEmail(authority, 'dsl'));
      await startScreening(page, 'Ellis Hawthorn');
      assert.match(await page.locator('main').innerText(), tool);
      await expectAccessible(page, `${authority} screening form`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('There is a problem').waitFor();
      await expectAccessible(page, `${authority} screening form with errors`);
      await context.close();
    });
  }

  it('lets a team manager close and reopen a case, accessibly, with the errors next to the field', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, demoEmail('kent', 'team-manager'));
    await page.goto(`${base}/cases?scope=all`);
    await page.getByRole('link', { name: 'Kai Willowmere' }).click();
    await page.getByRole('link', { name: 'Close the case' }).click();
    await page.getByRole('heading', { name: 'Close Kai Willowmere’s case' }).waitFor();
    await expectAccessible(page, 'close the case');
    await page.getByRole('button', { name: 'Close the case' }).click();
    await page.getByText('Enter why the case is being closed').first().waitFor();
    await expectAccessible(page, 'close the case with errors');
    await page
      .getByLabel('Why is the case being closed?')
      .fill('No concerns remain; the school confirms no further incidents.');
    await page.getByRole('button', { name: 'Close the case' }).click();
    await page.getByText('Case closed').first().waitFor();
    assert.match(await page.locator('main').innerText(), /Closed on .* by Kent team manager: No concerns remain/);
    await expectAccessible(page, 'closed case');
    await page.getByRole('link', { name: 'Reopen the case' }).click();
    await expectAccessible(page, 'reopen the case');
    await page.getByLabel('Why is the case being reopened?').fill('A new concern from the school nurse.');
    await page.getByRole('button', { name: 'Reopen the case' }).click();
    await page.getByText('Case reopened').first().waitFor();
    await context.close();
  });

  it('shows an administrator the working days and API token pages, accessibly', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, demoEmail('north-yorkshire', 'admin'));
    await page.getByRole('link', { name: 'Working days' }).click();
    await expectAccessible(page, 'working days');
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await page.getByText('There is a problem').waitFor();
    await expectAccessible(page, 'working days with errors');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('What the token is for').fill('Case management system');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await page.getByText('Token issued').waitFor();
    await expectAccessible(page, 'api tokens');
    await context.close();
  });
});
