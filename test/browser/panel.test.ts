// In Chromium: a referral to North East Lincolnshire's AIM Pathway Panel with the errors next to
// the fields, the panel chair's list and decision, passing axe on every page (R-NEL-10..12); and
// the referral with JavaScript switched off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { paths } from '../../src/web/paths.ts';
import {
  type BrowserRig,
  expectAccessible,
  signInAs,
  signOut,
  startBrowserRig,
  stopBrowserRig,
} from '../helpers/browser.ts';
import { demoIncident } from '../helpers/cases.ts';

let rig: BrowserRig | undefined;
const NEL = 'north-east-lincolnshire';

before(async () => {
  rig = await startBrowserRig();
});

after(() => stopBrowserRig(rig));

const signIn = (page: Page, role: string) => signInAs(page, rig!.base, NEL, role);

async function fillReferral(page: Page) {
  await page.getByLabel('Children’s Services').check();
  await page.getByLabel('Which assessment is the referral based on?').fill('Children’s Services Assessment');
  await page
    .getByLabel('What does the assessment say about the need for specialist support?')
    .fill('Repeated coercive behaviour towards younger children.');
  await page.locator('#harm').check();
  await page.locator('#childConsent').check();
  await page.locator('#parentConsent').check();
  await page.locator('#policeInvestigation-2').check();
  await page.getByRole('button', { name: 'Refer to the panel' }).click();
  await page.getByText('Referred to the AIM Pathway Panel').first().waitFor();
}

describe('the AIM Pathway Panel in Chromium', () => {
  it('refers Ellis and the panel chair accepts, passing axe on every page', async () => {
    const inc = await demoIncident(rig!.t.database.db, NEL, 'Ellis');
    const context = await rig!.browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await signIn(page, 'social-worker');
    await page.goto(`${rig!.base}${paths.children.assessments(inc.childId)}`);
    await page.getByRole('button', { name: 'Refer to the AIM Pathway Panel' }).click();
    await expectAccessible(page, 'refer');
    await page.getByRole('button', { name: 'Refer to the panel' }).click();
    await page.getByText('Select which service is referring').first().waitFor();
    await expectAccessible(page, 'refer with errors');
    await fillReferral(page);
    await expectAccessible(page, 'referral');
    await signOut(page);

    await signIn(page, 'panel-chair');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'AIM Pathway Panel' }).click();
    await expectAccessible(page, 'panel list');
    await page.getByRole('link', { name: 'Ellis Hawthorn' }).click();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('Select whether the panel accepts the referral').first().waitFor();
    await expectAccessible(page, 'decision with errors');
    await page.getByLabel('Accept the referral', { exact: true }).check();
    await page.getByLabel('Reasons for the decision').fill('Meets the criteria.');
    await page.getByLabel('AIM3 assessment and intervention').check();
    await page
      .getByLabel('Lead AIM practitioner', { exact: true })
      .selectOption({ label: 'North East Lincolnshire AIM practitioner (AIM3 trained)' });
    await page
      .getByLabel('Co-worker', { exact: true })
      .selectOption({ label: 'North East Lincolnshire youth justice' });
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('Decision recorded').first().waitFor();
    assert.match(await page.locator('main').innerText(), /Next review by/);
    await expectAccessible(page, 'accepted');
    await page.getByLabel('What was completed').fill('AIM3 assessment and intervention completed.');
    await page.getByRole('button', { name: 'Close the panel’s involvement' }).click();
    await page.getByText('Panel involvement closed').first().waitFor();
    await page.getByRole('link', { name: /closure letter/ }).click();
    await page.getByText('What was completed').first().waitFor();
    await expectAccessible(page, 'closure letter');
    await context.close();
  });

  it('asks for consultation for a 9-year-old with JavaScript switched off', async () => {
    const inc = await demoIncident(rig!.t.database.db, NEL, 'Toby');
    const context = await rig!.browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await signIn(page, 'team-manager');
    await page.goto(`${rig!.base}${paths.children.referToPanel(inc.childId)}`);
    assert.match(await page.locator('main').innerText(), /This referral asks for consultation/);
    await fillReferral(page);
    assert.match(await page.locator('main').innerText(), /Referral for consultation/);
    await context.close();
  });
});
