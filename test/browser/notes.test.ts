// In Chromium, for each of the five packs: from the child's record to their case notes; the
// allocated worker writes a visit (sent empty first: every error at once, then fixed), reads it
// on its own page and in the chronology; the team manager writes a signed management oversight
// note (issue 15; R-X-1). Three packs run with JavaScript and axe on every page; two with
// JavaScript switched off.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { londonToday } from '../../src/domain/age.ts';
import { formatDate } from '../../src/domain/london-time.ts';
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
const WITH_JAVASCRIPT = ['kent', 'north-east-lincolnshire', 'islington'];
let base = '';

before(async () => {
  rig = await startBrowserRig();
  base = rig.base;
});

after(() => stopBrowserRig(rig));

async function journey(page: Page, authority: string, check: (label: string) => Promise<void>) {
  const { childId } = await demoIncident(rig!.t.database.db, authority, 'Ellis');
  const [year, month, day] = londonToday().split('-');
  const typeDate = async () => {
    const group = page.getByRole('group', { name: 'When did it happen?' });
    await group.getByLabel('Day').fill(String(Number(day)));
    await group.getByLabel('Month').fill(String(Number(month)));
    await group.getByLabel('Year').fill(year!);
  };

  await signInAs(page, base, authority, 'social-worker');
  await page.goto(`${base}${paths.children.show(childId)}`);
  await page.getByRole('link', { name: 'Notes', exact: true }).click();
  await page.getByRole('heading', { name: 'Case notes' }).waitFor();
  await check('the child’s notes');
  await page.getByRole('button', { name: 'Write a note' }).click();
  await page.getByRole('heading', { name: 'Write a case note' }).waitFor();
  await check('the note form');
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  const summary = await page.locator('.govuk-error-summary__list a').allTextContents();
  assert.deepEqual(summary, ['Select what kind of note this is', 'Enter the date it happened', 'Enter the note']);
  await check('the note form with its errors');
  await page.getByLabel('Visit', { exact: true }).check();
  await typeDate();
  await page.getByLabel('Who was there or spoken to (optional)').fill('Ellis and his father');
  await page.getByLabel('Note', { exact: true }).fill('Visit in the browser: Ellis talked about his week at school.');
  // The body map (issue 15): a box for each region; with JavaScript the outline marks it at once.
  await page.getByRole('group', { name: 'Front of the body' }).getByLabel('Left hand', { exact: true }).check();
  if (WITH_JAVASCRIPT.includes(authority)) {
    await page.locator('[data-region="front-left-hand"].app-body-map__region--marked').waitFor();
    await page.getByRole('img', { name: 'Front of the body, marked: Left hand' }).waitFor();
  }
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.getByText('Note saved').waitFor();
  await page.getByRole('link', { name: `Visit, ${formatDate(londonToday())}` }).click();
  await page.getByText('Ellis talked about his week at school.').waitFor();
  await page.getByRole('img', { name: 'Front of the body, marked: Left hand' }).waitFor();
  await check('one note');
  await page.goto(`${base}${paths.children.chronology(childId)}?kind=note`);
  await page.getByText(`Visit on ${formatDate(londonToday())}. With Ellis and his father.`).waitFor();
  await signOut(page);

  await signInAs(page, base, authority, 'team-manager');
  await page.goto(`${base}${paths.children.newNote(childId)}`);
  await page.getByLabel('Management oversight', { exact: true }).check();
  await typeDate();
  await page.getByLabel('Note', { exact: true }).fill('Oversight in the browser: the plan is proportionate.');
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.getByText('Note saved').waitFor();
  assert.match(await page.locator('main').innerText(), /Signed by [^,]+, Team manager, /);
  await check('the notes with a signed oversight note');
  await signOut(page);
}

describe('case notes in Chromium, from the child’s record to a signed oversight note (issue 15)', () => {
  inEveryAuthority(() => rig!, journey, {
    withAxe: WITH_JAVASCRIPT,
    withoutJavaScript: ['thurrock', 'north-yorkshire'],
  });
});
