// In Chromium, for each of the five packs (each with its own receiving team): from a decided
// screening to the referral form (issue 15): the referrer once, then a section for each child
// referred, by first name and role; sent with the account's name cleared and nothing answered,
// every error at once in page order, each child's naming the child; then the referrer, and for
// Toby his parents not told and why, consent not asked and why (R-X-6, R-NYO-16), the safety steps
// (R-NYO-2) and the ask, and for the child harmed (where referred too) her own family's answers;
// the receiving team reads each child's answers on that child's referral only. Axe on every page
// with JavaScript; two packs with JavaScript switched off; the form and the referral do not scroll
// sideways at 375 px.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { getPack } from '../../src/procedures/index.ts';
import * as screeningService from '../../src/services/screening-service.ts';
import { paths } from '../../src/web/paths.ts';
import { ANSWERS } from '../fixtures/realistic-cases.ts';
import {
  type BrowserRig,
  inEveryAuthority,
  signInAs,
  signOut,
  startBrowserRig,
  stopBrowserRig,
} from '../helpers/browser.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';
import { FAMILY, REFERRER, familySections, fillFamilySection } from '../helpers/referrals.ts';

/** The child harmed's family's answers: their own, never on Toby's referral. */
const HARMED_FAMILY = {
  parentsTold: 'yes',
  parentsConsent: 'yes',
  safetySteps: 'A named teaching assistant stays with her at break times.',
  request: 'Support for her and her family after what happened.',
} as const;

let rig: BrowserRig | undefined;
let base = '';

before(async () => {
  rig = await startBrowserRig();
  base = rig.base;
});

after(() => stopBrowserRig(rig));

/** At 375 CSS pixels the page does not scroll sideways (WCAG 1.4.10); the width is put back after. */
async function reflows(page: Page, label: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `${label} is ${width} px wide at 375 px`);
  if (size) await page.setViewportSize(size);
}

/** The DSL screens Toby's demo incident as abusive with the pack's tool and decides the suggested level. */
async function decidedScreening(authority: string) {
  const { db } = rig!.t.database;
  const inc = await demoIncident(db, authority, 'Toby');
  const dsl = await demoActor(db, authority, 'dsl');
  const pack = getPack(authority)!;
  const sid = await screeningService.recordAnswers(db, dsl, inc.incidentId, inc.childId, {
    toolId: pack.primaryTool,
    answers: ANSWERS[authority]!.abusive.answers,
    facts: Object.fromEntries(
      pack.facts.map((fact) => [fact, fact === 'significant_harm' || fact === 'other_children_at_risk']),
    ),
  });
  const suggested = await db
    .selectFrom('screenings')
    .select('suggested_level')
    .where('id', '=', sid)
    .executeTakeFirstOrThrow();
  await screeningService.decide(db, dsl, sid, {
    levelId: suggested.suggested_level,
    rationale: 'Persuaded a younger child to undress; she was frightened.',
  });
  return { ...inc, sid, receiver: pack.referral.receiver };
}

async function journey(page: Page, authority: string, check: (label: string) => Promise<void>) {
  const { sid, receiver } = await decidedScreening(authority);

  await signInAs(page, base, authority, 'dsl');
  await page.goto(`${base}${paths.screening.show(sid)}`);
  await page.getByRole('button', { name: /^Refer / }).click();
  await page.getByRole('heading', { name: `Refer Toby Alderbrook to ${receiver}` }).waitFor();
  assert.notEqual(await page.getByLabel('Your name').inputValue(), '', 'the name comes from the account');
  assert.match(await page.getByLabel('Email address').inputValue(), new RegExp(`^dsl@${authority}\\.example$`));
  await check('the referral form');

  const sections = familySections(page);
  const legends = (await sections.all()).length;
  const names: string[] = [];
  for (let i = 0; i < legends; i++) names.push((await sections.nth(i).locator('legend').first().innerText()).trim());
  assert.equal(legends, 2, 'harmful: a section for Toby and one for the child harmed, each referred separately');
  assert.equal(names[0], 'Toby (child who harmed)', 'the child who harmed’s section comes first');
  for (const name of names.slice(1)) assert.match(name, /^\S+ \(child harmed\)$/);

  await page.getByLabel('Your name').fill('');
  await page.getByRole('button', { name: /^Make the referrals?$/ }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  const childErrors = (name: string) => [
    `Select yes if ${name}’s parents or carers were told about the referral`,
    `Select whether ${name}’s parents or carers consent to the referral`,
    `Enter the immediate steps taken to keep the children safe, in ${name}’s referral`,
    `Enter what you are asking the receiving team to do, in ${name}’s referral`,
  ];
  assert.deepEqual(await page.locator('.govuk-error-summary__list a').allTextContents(), [
    'Enter your name',
    ...names.flatMap((name) => childErrors(name.replace(/ \(.*$/, ''))),
  ]);
  await check('the referral form with its errors');
  await reflows(page, 'the referral form with its errors');
  // An error in the summary takes the referrer to that child's own field.
  await page.locator('.govuk-error-summary__list a').nth(1).click();
  assert.equal(await sections.nth(0).locator('input:focus').count(), 1, 'the link focuses a field in Toby’s section');

  // The "why not" boxes show for the answers that need them (with JavaScript; always without it).
  const js = (await page.locator('body.govuk-frontend-supported').count()) > 0;
  const whyNotTold = sections.nth(0).getByLabel('If they were not told, why not?');
  assert.equal(await whyNotTold.isVisible(), !js, 'the reason box waits for “No” with JavaScript');
  await page.getByLabel('Your name').fill(REFERRER.referrerName);
  await page.getByLabel('Phone number').fill(REFERRER.referrerPhone);
  await fillFamilySection(sections.nth(0), {
    parentsTold: 'no',
    parentsNotToldReason: 'Telling the father could put the younger child at risk.',
  });
  for (let i = 1; i < legends; i++) await fillFamilySection(sections.nth(i), HARMED_FAMILY);
  await page.getByRole('button', { name: /^Make the referrals?$/ }).click();
  await page.getByRole('heading', { name: /referrals? made/ }).waitFor();
  await signOut(page);

  // The receiving team reads what the referrer wrote about each child, on that child's referral only.
  await signInAs(page, base, authority, 'front-door');
  await page.getByRole('link', { name: 'Referrals' }).first().click();
  await page.getByRole('link', { name: 'Toby Alderbrook' }).first().click();
  await page.getByRole('heading', { name: 'From the referrer' }).waitFor();
  const details = await page.locator('#referral-details').innerText();
  for (const expected of [
    REFERRER.referrerName,
    REFERRER.referrerPhone,
    `dsl@${authority}.example`,
    'No: Telling the father could put the younger child at risk.',
    `They were not asked: ${FAMILY.consentReason}`,
    FAMILY.safetySteps,
    FAMILY.request,
  ])
    assert.ok(details.includes(expected), `the referral shows “${expected}”`);
  for (const other of [HARMED_FAMILY.safetySteps, HARMED_FAMILY.request])
    assert.ok(!details.includes(other), `Toby’s referral does not show “${other}”`);
  await check('the referral with what the referrer wrote');
  await reflows(page, 'the referral');
  if (legends > 1) {
    await page.getByRole('link', { name: 'Referrals' }).first().click();
    const harmedName = names[1]!.replace(/ \(.*$/, '');
    await page
      .getByRole('link', { name: new RegExp(`^${harmedName} `) })
      .first()
      .click();
    await page.getByRole('heading', { name: 'From the referrer' }).waitFor();
    const harmed = await page.locator('#referral-details').innerText();
    for (const expected of [
      REFERRER.referrerName,
      'Yes, they consent',
      HARMED_FAMILY.safetySteps,
      HARMED_FAMILY.request,
    ])
      assert.ok(harmed.includes(expected), `the child harmed’s referral shows “${expected}”`);
    for (const other of ['Telling the father', FAMILY.safetySteps, FAMILY.request])
      assert.ok(!harmed.includes(other), `the child harmed’s referral does not show “${other}”`);
    await check('the child harmed’s referral');
  }
  await signOut(page);
}

describe('the referral form in Chromium, in every authority (issue 15)', () => {
  inEveryAuthority(() => rig!, journey, {
    withAxe: ['kent', 'north-east-lincolnshire', 'islington'],
    withoutJavaScript: ['thurrock', 'north-yorkshire'],
  });
});
