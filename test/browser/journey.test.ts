// In Chromium: sign in, record an incident about two children, screen it and see the tasks, check each child's record,
// confirm another team cannot see them and the auditor sees every view. Axe on every page.
// One journey runs with JavaScript switched off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail } from '../helpers/app.ts';
import { type BrowserRig, expectAccessible, startBrowserRig, stopBrowserRig } from '../helpers/browser.ts';

let rig: BrowserRig | undefined;
let base = '';
let browser: Browser;

before(async () => {
  rig = await startBrowserRig();
  ({ base, browser } = rig);
});

after(() => stopBrowserRig(rig));

async function signIn(page: Page, email: string, check = true) {
  await page.goto(`${base}/sign-in`);
  // axe runs as a script in the page, so it can only check pages with JavaScript on.
  if (check) await expectAccessible(page, 'sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/sign-in/);
}

async function addNewChild(
  page: Page,
  c: { first: string; last: string; day: string; month: string; year: string; role: string },
  check: boolean,
) {
  await page.getByRole('link', { name: 'Add a child who is not on the system' }).click();
  if (check) await expectAccessible(page, 'add a child');
  await page.getByLabel(c.role).check();
  await page.getByLabel('First name').fill(c.first);
  await page.getByLabel('Last name', { exact: true }).fill(c.last);
  await page.locator('#dateOfBirth-day').fill(c.day);
  await page.locator('#dateOfBirth-month').fill(c.month);
  await page.locator('#dateOfBirth-year').fill(c.year);
  await page.getByLabel('Not known').check();
  await page.locator('#send-2').check();
  await page.locator('#lookedAfter-2').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText(`${c.first} ${c.last}`).first().waitFor();
}

async function recordIncident(
  page: Page,
  children: { first: string; last: string; day: string; month: string; year: string; role: string }[],
  check: boolean,
) {
  await page.getByRole('link', { name: 'Record an incident' }).first().click();
  if (check) await expectAccessible(page, 'record an incident: start');
  await page.getByRole('button', { name: 'Start a new recording form' }).click();
  await page.getByRole('heading', { name: 'Which children were involved?' }).waitFor();
  if (check) await expectAccessible(page, 'children involved');
  for (const c of children) await addNewChild(page, c, check);
  await page.getByRole('link', { name: 'Continue' }).click();

  // When and where
  await page.locator('#occurred_at-day').fill('6');
  await page.locator('#occurred_at-month').fill('11');
  await page.locator('#occurred_at-year').fill('2026');
  await page.locator('#occurred_at-time').fill('09:40');
  await page.getByLabel('School, college or early years setting').check();
  await page.locator('#technology_assisted-2').check();
  if (check) await expectAccessible(page, 'when and where');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  // Who is completing the form (name pre-filled from the account)
  await page.getByLabel('I was told about it').check();
  if (check) await expectAccessible(page, 'completed by');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  // What happened
  await page
    .getByLabel('Describe the behaviour: what the child did or said')
    .fill('Pulled down another pupil\'s shorts in the playground and laughed, saying "everyone saw".');
  await page.getByLabel('Spontaneous').check();
  if (check) await expectAccessible(page, 'what happened');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  for (const title of ['The relationship between the children', 'How people responded', 'Other actions taken']) {
    await page.getByRole('heading', { name: title }).waitFor();
    if (check) await expectAccessible(page, title);
    await page.getByRole('button', { name: 'Save and continue' }).click();
  }
  await page.getByRole('heading', { name: 'Check the recording form before you submit it' }).waitFor();
  if (check) await expectAccessible(page, 'check answers');
  await page.getByRole('button', { name: 'Submit the recording form' }).click();
  await page.getByText('Recording form submitted').waitFor();
  if (check) await expectAccessible(page, 'incident');
}

describe('the incident journey in Chromium', () => {
  const harmed = {
    first: 'Zara',
    last: 'Pemberfold',
    day: '14',
    month: '5',
    year: '2016',
    role: 'Was targeted by the behaviour',
  };
  const harmedBy = {
    first: 'Leon',
    last: 'Ashgrove',
    day: '2',
    month: '1',
    year: '2015',
    role: 'Displayed the behaviour',
  };

  it('records an incident about two children, with JavaScript, passing axe on every page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, demoEmail('kent', 'dsl'));
    // Signing in lands on the home page of the person's work (issue 11).
    await page.getByRole('heading', { name: 'Your work' }).waitFor();
    await expectAccessible(page, 'home');
    await recordIncident(page, [harmedBy, harmed], true);

    // Straight on from the submitted form to screening (Carson, kent §3) and the task list.
    const incidentUrl = page.url();
    await page.getByRole('link', { name: `Screen the behaviour of ${harmedBy.first} ${harmedBy.last}` }).click();
    await expectAccessible(page, 'screening after recording');
    for (const dim of [
      'type',
      'context',
      'emotional-response',
      'targeted-response',
      'power',
      'frequency',
      'persistence',
      'parental-response',
    ]) {
      await page.locator(`#rating-${dim}-2`).check();
    }
    for (const f of ['significant_harm', 'youth_justice', 'open_case', 'other_children_at_risk'])
      await page.locator(`#fact-${f}-2`).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Suggestion: Problematic' }).waitFor();
    await page
      .getByLabel('Reasons for your decision')
      .fill('Single incident in the playground; the boy was embarrassed and apologised.');
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    await page.getByRole('link', { name: `See ${harmedBy.first}’s tasks` }).click();
    await page.getByRole('link', { name: 'Refer to the Front Door' }).waitFor();
    await expectAccessible(page, 'tasks after recording');
    await page.goto(incidentUrl);

    await page.getByRole('link', { name: `${harmedBy.first} ${harmedBy.last}`, exact: true }).click();
    await expectAccessible(page, 'child who harmed');
    assert.match(
      await page.locator('dt:has-text("This child") + dd').first().innerText(),
      /^Displayed the behaviour\s+Screen the behaviour/,
    );
    await page.goBack();
    await page.getByRole('link', { name: `${harmed.first} ${harmed.last}`, exact: true }).click();
    await expectAccessible(page, 'child harmed');
    assert.equal(
      await page.locator('dt:has-text("This child") + dd').first().innerText(),
      'Was targeted by the behaviour',
    );
    const childUrl = page.url();
    await page.getByRole('link', { name: 'Chronology' }).click();
    await expectAccessible(page, 'chronology');
    await page.getByText('Incident recorded. This child: was targeted by the behaviour.').waitFor();
    await page.getByRole('link', { name: 'Summary' }).click();
    await page.getByRole('link', { name: 'Change details' }).click();
    await expectAccessible(page, 'edit child');
    await signOut(page);

    // Another team in the same authority cannot see the child: a plain "Page not found".
    await signIn(page, demoEmail('kent', 'social-worker-b'));
    const response = await page.goto(childUrl);
    assert.equal(response?.status(), 404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectAccessible(page, 'not found');
    await signOut(page);

    // The auditor sees both the views and the refusal.
    await signIn(page, demoEmail('kent', 'auditor'));
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await expectAccessible(page, 'audit log');
    // Found by the child's name, in words: the refused view by the other team, and the allowed ones.
    assert.ok(childUrl.includes('/children/'));
    await page.getByLabel('Child’s name').fill(`${harmed.first} ${harmed.last}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(`Events about ${harmed.first} ${harmed.last}`).waitFor();
    await page
      .getByText(/^Tried to view the child record of/)
      .first()
      .waitFor();
    assert.ok((await page.locator('.govuk-tag', { hasText: 'Allowed' }).count()) >= 2);
    await expectAccessible(page, 'audit log for a child');
    await context.close();
  });

  it('records an incident with JavaScript switched off', async () => {
    const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await signIn(page, demoEmail('islington', 'dsl'), false);
    await page.getByRole('heading', { name: 'Your work' }).waitFor();
    await recordIncident(
      page,
      [
        { ...harmedBy, first: 'Nico', last: 'Ravensworth' },
        { ...harmed, first: 'Priya', last: 'Hollowmere' },
      ],
      false,
    );
    // Screening straight after recording, with no JavaScript (islington §3, §5.2).
    await page.getByRole('link', { name: 'Screen the behaviour of Nico Ravensworth' }).click();
    await page.locator('#items-category-1').check();
    for (const f of ['significant_harm', 'immediate_risk', 'complex', 'open_case', 'cse_linked'])
      await page.locator(`#fact-${f}-2`).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Suggestion: Category 1: problematic' }).waitFor();
    await page
      .getByLabel('Reasons for your decision')
      .fill('Problematic, no victimisation; the school will hold a risk discussion.');
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    await page.getByText('Level of concern decided').waitFor();
    await page.getByRole('link', { name: 'See Nico’s tasks' }).click();
    await page.getByRole('link', { name: 'Hold an HSB risk discussion in an existing meeting' }).waitFor();
    await page.getByRole('link', { name: 'Put a diversion plan into the child’s plan' }).waitFor();
    await page.goto(page.url().replace(/\/children\/.*$/, '/cases?scope=all'));
    await page.getByRole('link', { name: 'Priya Hollowmere', exact: true }).click();
    assert.equal(
      await page.locator('dt:has-text("This child") + dd').first().innerText(),
      'Was targeted by the behaviour',
    );
    // The sign-out button and the idle warning form are plain forms too.
    await signOut(page);
    await context.close();
  });

  it('shows an administrator the users and teams pages, accessibly', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, demoEmail('thurrock', 'admin'));
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await expectAccessible(page, 'users');
    await page.getByRole('link', { name: 'Add a user' }).click();
    await expectAccessible(page, 'add a user');
    await page.getByRole('button', { name: 'Save user' }).click();
    await page.getByText('There is a problem').waitFor();
    await expectAccessible(page, 'add a user with errors');
    await page.getByRole('link', { name: 'Teams' }).click();
    await expectAccessible(page, 'teams');
    await context.close();
  });
});
