// In Chromium, for each of the five packs (each with its own receiving team): from a decided
// screening to the referral form (issue 15); sent with the account's name cleared and nothing
// answered, every error at once in page order; then the referrer, the parents not told and why,
// consent not asked and why (R-X-6, R-NYO-16), the safety steps (R-NYO-2) and the ask; the
// receiving team reads them on the referral. Axe on every page with JavaScript; two packs with
// JavaScript switched off; the form and the referral do not scroll sideways at 375 px.
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
import { REFERRAL_FORM } from '../helpers/referrals.ts';

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

  await page.getByLabel('Your name').fill('');
  await page.getByRole('button', { name: /^Make the referrals?$/ }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.deepEqual(await page.locator('.govuk-error-summary__list a').allTextContents(), [
    'Enter your name',
    'Select yes if the parents or carers were told about the referral',
    'Select whether the parents or carers consent to the referral',
    'Enter the immediate steps taken to keep the children safe',
    'Enter what you are asking the receiving team to do',
  ]);
  await check('the referral form with its errors');
  await reflows(page, 'the referral form with its errors');

  // The "why not" boxes show for the answers that need them (with JavaScript; always without it).
  const js = (await page.locator('body.govuk-frontend-supported').count()) > 0;
  const whyNotTold = page.getByLabel('If they were not told, why not?');
  assert.equal(await whyNotTold.isVisible(), !js, 'the reason box waits for “No” with JavaScript');
  await page.getByLabel('Your name').fill(REFERRAL_FORM.referrerName);
  await page.getByLabel('Phone number').fill(REFERRAL_FORM.referrerPhone);
  await page
    .getByRole('group', { name: 'Have the parents or carers been told about the referral?' })
    .getByLabel('No', { exact: true })
    .check();
  assert.ok(await whyNotTold.isVisible());
  await whyNotTold.fill('Telling the father could put the younger child at risk.');
  await page
    .getByRole('group', { name: 'Do the parents or carers consent to the referral?' })
    .getByLabel('They were not asked')
    .check();
  await page.getByLabel('If they do not consent, or were not asked, why not?').fill(REFERRAL_FORM.consentReason);
  await page
    .getByLabel('What immediate steps have been taken to keep the children safe?')
    .fill(REFERRAL_FORM.safetySteps);
  await page.getByLabel(`What are you asking ${receiver} to do?`).fill(REFERRAL_FORM.request);
  await page.getByRole('button', { name: /^Make the referrals?$/ }).click();
  await page.getByRole('heading', { name: /referrals? made/ }).waitFor();
  await signOut(page);

  // The receiving team reads what the referrer wrote.
  await signInAs(page, base, authority, 'front-door');
  await page.getByRole('link', { name: 'Referrals' }).first().click();
  await page.getByRole('link', { name: 'Toby Alderbrook' }).first().click();
  await page.getByRole('heading', { name: 'From the referrer' }).waitFor();
  const details = await page.locator('#referral-details').innerText();
  for (const expected of [
    REFERRAL_FORM.referrerName,
    REFERRAL_FORM.referrerPhone,
    `dsl@${authority}.example`,
    'No: Telling the father could put the younger child at risk.',
    `They were not asked: ${REFERRAL_FORM.consentReason}`,
    REFERRAL_FORM.safetySteps,
    REFERRAL_FORM.request,
  ])
    assert.ok(details.includes(expected), `the referral shows “${expected}”`);
  await check('the referral with what the referrer wrote');
  await reflows(page, 'the referral');
  await signOut(page);
}

describe('the referral form in Chromium, in every authority (issue 15)', () => {
  inEveryAuthority(() => rig!, journey, {
    withAxe: ['kent', 'north-east-lincolnshire', 'islington'],
    withoutJavaScript: ['thurrock', 'north-yorkshire'],
  });
});
