// In Chromium (issue 15): the team manager corrects where Toby's demo incident happened, is first
// asked for a reason, then sees the corrected answer, the versions and the reason on the
// incident; reads version 1 as it was; corrects Isla's part from the child harmed to a witness,
// and is stopped from taking the child who harmed off the incident. Three authorities with
// JavaScript and axe on every page, two with JavaScript switched off; then the correction forms
// at 375 px wide, where nothing scrolls sideways. The DSL corrects the reasons for the level of
// concern she decided for Ellis, with and without JavaScript; the chair corrects the approved
// minutes of Ellis's meeting and reads them as approved.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import {
  type BrowserRig,
  expectAccessible,
  inEveryAuthority,
  signInAs,
  startBrowserRig,
  stopBrowserRig,
} from '../helpers/browser.ts';
import { DEMO_PASSWORD } from '../helpers/app.ts';
import { demoIncident, screenKentHarmful } from '../helpers/cases.ts';

let rig: BrowserRig | undefined;
let base = '';

before(async () => {
  rig = await startBrowserRig();
  base = rig.base;
  await seedDemoScreenings(rig.t.database.db);
});

/** Ellis's demo meeting in Kent, held and its minutes approved, and who chairs it. */
async function approvedMeeting() {
  const db = rig!.t.database.db;
  const { childId } = await demoIncident(db, 'kent', 'Ellis');
  const meeting = await db
    .selectFrom('meeting_children as mc')
    .innerJoin('meetings as m', 'm.id', 'mc.meeting_id')
    .innerJoin('users as u', 'u.id', 'm.chair_id')
    .select(['m.id', 'u.email', 'm.agenda'])
    .where('mc.child_id', '=', childId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('meetings')
    .set({ held_on: '2026-11-30', minutes_approved_at: new Date() })
    .where('id', '=', meeting.id)
    .where('minutes_approved_at', 'is', null)
    .execute();
  return meeting;
}

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

describe('correcting the reasons for a level of concern, in the browser (issue 15)', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`kent: ${javaScriptEnabled ? 'with JavaScript, axe on every page' : 'with JavaScript switched off'}`, async () => {
      const db = rig!.t.database.db;
      const screened = await db
        .selectFrom('screenings as s')
        .innerJoin('children as c', 'c.id', 's.child_id')
        .select('s.id')
        .where('c.first_name', '=', 'Ellis')
        .where('c.authority_id', '=', 'kent')
        .where('s.status', '=', 'decided')
        .executeTakeFirst();
      if (!screened) await screenKentHarmful(db, 'Ellis');
      const { id } = await db
        .selectFrom('screenings as s')
        .innerJoin('children as c', 'c.id', 's.child_id')
        .select('s.id')
        .where('c.first_name', '=', 'Ellis')
        .where('c.authority_id', '=', 'kent')
        .where('s.status', '=', 'decided')
        .executeTakeFirstOrThrow();
      const context = await rig!.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const check = (label: string) => (javaScriptEnabled ? expectAccessible(page, label) : Promise.resolve());
      try {
        await signInAs(page, base, 'kent', 'dsl');
        await page.goto(`${base}${paths.screening.show(id)}`);
        await page.getByRole('link', { name: 'Correct the reasons' }).click();
        await page.getByRole('heading', { name: 'Correct the reasons for the decision' }).waitFor();
        await check('correcting the reasons');
        await page.getByRole('button', { name: 'Save the correction' }).click();
        await page.getByText('Change the reasons, or go back to the screening').first().waitFor();
        await check('correcting the reasons, with errors');
        const words = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
        await page.getByLabel('Reasons for the decision').fill(`Coercive, towards a younger child, ${words}.`);
        await page.getByLabel('Why are you correcting the record?').fill('The first reasons were incomplete.');
        await page.getByRole('button', { name: 'Save the correction' }).click();
        await page.getByText('Reasons corrected').waitFor();
        assert.match(await main(page), new RegExp(`Coercive, towards a younger child, ${words}\\.`));
        await page.getByRole('link', { name: 'Version 1' }).click();
        await page.getByText('These are the reasons as they were before a correction.').waitFor();
        await check('the reasons as they were');
      } finally {
        await context.close();
      }
    });
  }
});

describe('correcting approved minutes, in the browser (issue 15)', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`kent: ${javaScriptEnabled ? 'with JavaScript, axe on every page' : 'with JavaScript switched off'}`, async () => {
      const meeting = await approvedMeeting();
      const context = await rig!.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const check = (label: string) => (javaScriptEnabled ? expectAccessible(page, label) : Promise.resolve());
      try {
        await page.goto(`${base}/sign-in`);
        await page.getByLabel('Email address').fill(meeting.email);
        await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.goto(`${base}${paths.meetings.show(meeting.id)}`);
        await page.getByRole('link', { name: 'Correct the minutes' }).click();
        await page.getByRole('heading', { name: 'Correct the minutes' }).waitFor();
        await check('correcting the minutes');
        await page.getByRole('button', { name: 'Save the correction' }).click();
        await page.getByText('Change at least one answer, or go back to the meeting').first().waitFor();
        await check('correcting the minutes, with errors');
        const words = `Noted in the correction, ${javaScriptEnabled ? 'with' : 'without'} JavaScript.`;
        await page.locator('#note-0').fill(words);
        await page.getByLabel('Why are you correcting the record?').fill('The notes were incomplete.');
        await page.getByRole('button', { name: 'Save the correction' }).click();
        await page.getByText('Minutes corrected').first().waitFor();
        assert.ok((await main(page)).includes(words));
        await page.getByRole('link', { name: 'Version 1' }).click();
        await page.getByText('These are the minutes as they were before a correction.').waitFor();
        await check('the minutes as they were');
        assert.ok(!(await main(page)).includes(words));
      } finally {
        await context.close();
      }
    });
  }
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
        paths.meetings.correctMinutes((await approvedMeeting()).id),
        ...(await rig!.t.database.db
          .selectFrom('screenings')
          .select('id')
          .where('child_id', '=', childId)
          .where('status', '=', 'decided')
          .execute()
          .then((rows) => rows.map((row) => paths.screening.correct(row.id)))),
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
