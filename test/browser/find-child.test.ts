// In Chromium, for each of the five authorities: "Find a child" from the main menu; searched with
// nothing typed (the error next to the field), then with a misspelt name, an NHS number without
// its spaces and a school, which lists the children the social worker may see and counts the
// others; on to the child's record (issue 15, R-X-7). Three authorities run with JavaScript and axe
// on every page, two with JavaScript switched off; and the results reflow at 375 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoNhsNumber } from '../../src/cli/demo-data.ts';
import { paths, withQuery } from '../../src/web/paths.ts';
import {
  type BrowserRig,
  expectAccessible,
  inEveryAuthority,
  signInAs,
  signOut,
  startBrowserRig,
  stopBrowserRig,
} from '../helpers/browser.ts';

let rig: BrowserRig | undefined;
let base = '';

before(async () => {
  rig = await startBrowserRig();
  base = rig.base;
});

after(() => stopBrowserRig(rig));

async function search(page: Page, fields: { name?: string; identifier?: string; school?: string }) {
  await page.getByLabel('Name', { exact: true }).fill(fields.name ?? '');
  await page.getByLabel('NHS number or person ID').fill(fields.identifier ?? '');
  await page.getByLabel('School or setting').fill(fields.school ?? '');
  await page.getByRole('button', { name: 'Search' }).click();
}

async function resultNames(page: Page): Promise<string[]> {
  return page.locator('main table tbody td:first-child a').allTextContents();
}

async function journey(page: Page, authority: string, check: (label: string) => Promise<void>) {
  await signInAs(page, base, authority, 'social-worker');
  await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Find a child' }).click();
  await page.getByRole('heading', { level: 1, name: 'Find a child' }).waitFor();
  await check('the empty search');

  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.deepEqual(await page.locator('.govuk-error-summary__list a').allTextContents(), [
    'Enter a name, date of birth, school or identifier',
  ]);
  assert.match(await page.locator('#name-error').innerText(), /Enter a name, date of birth, school or identifier/);
  await check('the search with its error');

  await search(page, { name: 'Elis' });
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  assert.equal((await resultNames(page))[0], 'Ellis Hawthorn');
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Elis');
  await check('the children found by a misspelt name');

  await search(page, { identifier: demoNhsNumber(authority, 0).replace(/ /g, '') });
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  assert.deepEqual(await resultNames(page), ['Ellis Hawthorn']);

  await search(page, { school: 'Meadowbank' });
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  assert.deepEqual(await resultNames(page), ['Ellis Hawthorn']);
  await page.getByText('3 other children match that you do not have access to.').waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), /Maya|Kai|Sienna/);
  await check('the children found by school, and the others counted');

  await page.getByRole('link', { name: 'Ellis Hawthorn' }).click();
  await page.getByRole('heading', { level: 1, name: /Ellis Hawthorn/ }).waitFor();
  await signOut(page);
}

describe('Find a child in Chromium, from the menu to the child’s record (issue 15)', () => {
  inEveryAuthority(() => rig!, journey, {
    withAxe: ['kent', 'north-east-lincolnshire', 'islington'],
    withoutJavaScript: ['thurrock', 'north-yorkshire'],
  });

  it('shows the results on a 375 px screen without scrolling sideways, and passes axe there', async () => {
    const context = await rig!.browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    try {
      await signInAs(page, base, 'kent', 'social-worker');
      for (const url of [
        paths.findChild(),
        withQuery(paths.findChild(), { school: 'Meadowbank' }),
        `${paths.findChild()}?name=`,
      ]) {
        await page.goto(`${base}${url}`);
        await page.getByRole('heading', { level: 1, name: 'Find a child' }).waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 375, `${url} is ${width} px wide`);
        await expectAccessible(page, `${url} at 375 px`);
      }
    } finally {
      await context.close();
    }
  });
});
