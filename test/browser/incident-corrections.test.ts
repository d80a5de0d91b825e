// In Chromium (issue 15): the team manager corrects where Toby's demo incident happened, is first
// asked for a reason, then sees the corrected answer, the versions and the reason on the
// incident; reads version 1 as it was; corrects Isla's part from the child harmed to a witness,
// and is stopped from taking the child who harmed off the incident. Three authorities with
// JavaScript and axe on every page, two with JavaScript switched off; then the correction forms
// at 375 px wide, where nothing scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { paths } from '../../src/web/paths.ts';
import {
  type BrowserRig,
  expectAccessible,
  inEveryAuthority,
  signInAs,
  startBrowserRig,
  stopBrowserRig,
} from '../helpers/browser.ts';
import { demoIncident } from '../helpers/cases.ts';

let rig: BrowserRig | undefined;
let base = '';

before(async () => {
  rig = await startBrowserRig();
  base = rig.base;
});

after(() => stopBrowserRig(rig));

const main = (page: Page) => page.locator('main').innerText();

describe('correcting a submitted incident, in the browser (issue 15)', () => {
  inEveryAuthority(
    () => rig!,
    async (page, authority, check) => {
      const { incidentId, childId, targetedId } = await demoIncident(rig!.t.database.db, authority, 'Toby');
      await signInAs(page, base, authority, 'team-manager');
      await page.goto(`${base}${paths.incidents.show(incidentId)}`);
      await check('the incident');
      await page.getByRole('link', { name: 'Correct when and where it happened' }).click();
      await page.getByRole('heading', { name: 'When and where it happened' }).waitFor();
      await check('correcting a section');
      await page
        .getByLabel('Where exactly, and who else was there or nearby (optional)')
        .fill('The bike shed behind the sports hall');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.getByText('Enter why you are correcting the record').first().waitFor();
      await check('correcting a section, with an error');
      assert.equal(
        await page.getByLabel('Where exactly, and who else was there or nearby (optional)').inputValue(),
        'The bike shed behind the sports hall',
        'nothing typed is lost',
      );
      await page.getByLabel('Why are you correcting the record?').fill('The place was typed wrongly.');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.getByText('Incident corrected').waitFor();
      let text = await main(page);
      assert.match(text, /The bike shed behind the sports hall/);
      assert.match(text, /Versions and corrections/);
      assert.match(text, /“The place was typed wrongly\.”/);

      await page.getByRole('link', { name: 'Version 1' }).click();
      await page.getByText('This is an earlier version of the incident.').waitFor();
      await check('version 1');
      assert.ok(!(await main(page)).includes('The bike shed behind the sports hall'), 'version 1 is as it was');
      await page.getByRole('link', { name: 'See the incident as it is now' }).click();

      await page.getByRole('link', { name: 'Correct the children involved' }).click();
      await page.getByRole('heading', { name: 'Correct the children involved' }).waitFor();
      await check('the children involved');
      await page.goto(`${base}${paths.incidents.correctChild(incidentId, childId)}`);
      await page.getByLabel('Take the child off this incident: they were linked in error').check();
      await page.getByLabel('Why are you correcting the record?').fill('Testing the guard');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.getByText('The incident must still have a child who displayed the behaviour').first().waitFor();
      await check('a child’s part, with an error');
      await page.goto(`${base}${paths.incidents.correctChild(incidentId, targetedId)}`);
      await check('a child’s part');
      await page.getByLabel('Witnessed it').check();
      await page.getByLabel('Why are you correcting the record?').fill('She saw it; it was not aimed at her.');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.getByText('Incident corrected').waitFor();
      text = await main(page);
      assert.match(text, /Witnessed it/);
      assert.match(text, /Children involved corrected/);
    },
    { withAxe: ['kent', 'islington', 'thurrock'], withoutJavaScript: ['north-yorkshire', 'north-east-lincolnshire'] },
  );
});

describe('the correction forms at 375 px', () => {
  it('do not scroll sideways and pass the accessibility check', async () => {
    const context = await rig!.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    try {
      // Ellis's incident: Toby's was corrected above (Isla is now a witness).
      const { incidentId, childId } = await demoIncident(rig!.t.database.db, 'kent', 'Ellis');
      await signInAs(page, base, 'kent', 'team-manager');
      for (const url of [
        paths.incidents.correct(incidentId, 'behaviour'),
        paths.incidents.correctChildren(incidentId),
        paths.incidents.correctChild(incidentId, childId),
      ]) {
        await page.goto(`${base}${url}`);
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375, `${url} is too wide`);
        await expectAccessible(page, `${url} at 375 px`);
      }
    } finally {
      await context.close();
    }
  });
});
