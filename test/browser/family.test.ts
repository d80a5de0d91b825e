// In Chromium, for each of the five packs: from the child's record to their family and network;
// the allocated worker adds a parent (sent with gaps first: every error at once, then fixed) and a
// school, adds an alert that then shows at the top of the record's pages, and records a person as
// no longer involved; the DSL who recorded the incident opens the child harmed's family page and
// sees no household or address (issue 15; R-X-1). Three packs run with JavaScript and axe on every
// page; two with JavaScript switched off.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoFamily } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import {
  type BrowserRig,
  inEveryAuthority,
  signInAs,
  signOut,
  startBrowserRig,
  stopBrowserRig,
} from '../helpers/browser.ts';
import { demoIncident } from '../helpers/cases.ts';

let rig: BrowserRig | undefined;
let base = '';

before(async () => {
  rig = await startBrowserRig();
  base = rig.base;
  await seedDemoFamily(rig.t.database.db);
});

after(() => stopBrowserRig(rig));

async function journey(page: Page, authority: string, check: (label: string) => Promise<void>) {
  const { childId, targetedId } = await demoIncident(rig!.t.database.db, authority, 'Ellis');

  await signInAs(page, base, authority, 'social-worker');
  await page.goto(`${base}${paths.children.show(childId)}`);
  await page.getByRole('link', { name: 'Family and network', exact: true }).click();
  await page.getByRole('heading', { name: 'Family and network', exact: true }).waitFor();
  await check('the family and network');
  await page.getByRole('button', { name: 'Add a person' }).click();
  await page.getByRole('heading', { name: 'Add a person to the family and network' }).waitFor();
  await check('the person form');
  await page.getByLabel('Parent or carer', { exact: true }).check();
  await page.getByLabel('Email address (optional)').fill('not an address');
  await page.getByRole('button', { name: 'Add the person' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  const summary = await page.locator('.govuk-error-summary__list a').allTextContents();
  assert.deepEqual(summary, [
    'Enter their name',
    'Enter their relationship to the child, for example mother or foster carer',
    'Select yes if they have parental responsibility for the child',
    'Select yes if they live with the child',
    'Enter an email address in the correct format, like name@example.com',
  ]);
  assert.equal(
    await page.getByLabel('Email address (optional)').inputValue(),
    'not an address',
    'what was typed is kept',
  );
  await check('the person form with its errors');
  await page.getByLabel('Name', { exact: true }).fill('Browser Carer');
  await page.getByLabel('Relationship to the child, or role').fill('Kinship carer');
  await page
    .getByRole('group', { name: 'Do they have parental responsibility for the child?' })
    .getByLabel('No')
    .check();
  await page.getByRole('group', { name: 'Do they live with the child?' }).getByLabel('Yes').check();
  await page.getByLabel('Email address (optional)').fill('carer@family.example');
  await page.getByRole('button', { name: 'Add the person' }).click();
  await page.getByText('Person added to the family and network').waitFor();
  await page.getByRole('heading', { name: 'Browser Carer, Kinship carer' }).waitFor();

  await page.getByRole('link', { name: 'Add an alert' }).click();
  await page.getByLabel('Alert', { exact: true }).fill('Browser alert: visits only with two workers');
  await page.getByRole('button', { name: 'Add the alert' }).click();
  await page.getByText('Alert added').waitFor();
  await page.goto(`${base}${paths.children.show(childId)}`);
  const banner = page.getByRole('region', { name: /on this record/ });
  assert.match(await banner.innerText(), /Browser alert: visits only with two workers/);
  await check('the record with its alerts');

  await page.goto(`${base}${paths.children.family(childId)}`);
  await page
    .locator('.govuk-summary-card', { hasText: 'Browser Carer' })
    .getByRole('link', { name: /^No longer involved/ })
    .click();
  await check('recording a person as no longer involved');
  await page.getByLabel('Reason').fill('Care arrangement ended');
  await page.getByRole('button', { name: 'Record as no longer involved' }).click();
  await page.getByText('Recorded as no longer involved').waitFor();
  assert.match(await page.locator('main').innerText(), /Care arrangement ended/);
  await signOut(page);

  await signInAs(page, base, authority, 'dsl');
  await page.goto(`${base}${paths.children.family(targetedId)}`);
  await page.getByText(/family, household and addresses are shown only to those working on/).waitFor();
  const sealed = await page.locator('main').innerText();
  assert.ok(!sealed.includes('Willow Close') && !/Mother/.test(sealed), 'the child harmed’s household is sealed');
  await check('the child harmed’s family page, sealed');
  await signOut(page);
}

describe('family and network in Chromium, from the child’s record to a sealed household (issue 15)', () => {
  inEveryAuthority(() => rig!, journey, {
    withAxe: ['kent', 'north-east-lincolnshire', 'islington'],
    withoutJavaScript: ['thurrock', 'north-yorkshire'],
  });
});
