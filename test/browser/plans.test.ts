// In Chromium, for each of the five packs: from the demo case's strategy meeting to the child's
// plans; the allocated worker starts the procedure's plan and writes it; the team manager agrees
// it with its review date; the worker finds the review in My tasks and records it; the manager
// ends the plan with the reason (issue 14; R-X-1, R-X-3, R-KEN-13, R-NEL-12). Three packs run
// with JavaScript and axe on every new page; two with JavaScript switched off.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { addMonths, londonToday } from '../../src/domain/age.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import { getPack } from '../../src/procedures/index.ts';
import { inSentence } from '../../src/domain/plans.ts';
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
  await seedDemoScreenings(rig.t.database.db);
});

after(() => stopBrowserRig(rig));

async function journey(page: Page, authority: string, check: (label: string) => Promise<void>) {
  const { db } = rig!.t.database;
  const pack = getPack(authority)!;
  const inc = await demoIncident(db, authority, 'Ellis');
  const meeting = await db
    .selectFrom('meeting_children')
    .select('meeting_id')
    .where('child_id', '=', inc.childId)
    .executeTakeFirstOrThrow();
  const today = londonToday();

  // From the strategy meeting to Ellis's plans, as his allocated worker; the procedure's plans and
  // (in Islington) what his record must show are on their pages.
  await signInAs(page, base, authority, 'social-worker');
  await page.goto(`${base}${paths.procedures.show(authority)}`);
  await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor();
  await check('the procedure’s plans');
  await page.goto(`${base}${paths.children.show(inc.childId)}`);
  if (authority === 'islington') await page.getByRole('heading', { name: 'What the record must show' }).waitFor();
  await check('the child’s record');
  await page.goto(`${base}${paths.meetings.show(meeting.meeting_id)}`);
  await page.getByRole('link', { name: 'Ellis’s plans' }).click();
  await page.getByRole('heading', { name: 'Plans' }).waitFor();
  await check('the child’s plans');
  await page.getByRole('button', { name: 'Start a plan' }).click();
  await check('start a plan');
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await page.getByText('Select the plan to start').first().waitFor();
  const kind = pack.plans.find((candidate) => candidate.forChild !== 'harmed')!;
  await page.getByLabel(kind.name).check();
  await page.getByRole('button', { name: 'Start the plan' }).click();

  // Writing it: one matter left out, with the reason; the rest written.
  await page.getByRole('heading', { name: `Write the ${inSentence(kind.name)}` }).waitFor();
  await check('write the plan');
  const [first, ...rest] = kind.contents;
  for (const item of rest)
    await page.locator(`#text-${item.id}`).fill(`${item.label}: agreed with Ellis and his mother.`);
  await page.locator(`#text-${first!.id}`).fill('');
  await page.getByText('The plan does not address this').first().click();
  await page.locator(`#why-${first!.id}`).fill('Covered by the child protection plan.');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await page.getByText('Plan saved').waitFor();
  await page.getByText('Every matter is addressed: the plan is ready to agree.').waitFor();
  await check('the plan, ready to agree');
  const planUrl = page.url();
  await signOut(page);

  // Agreed by the team manager, with the review by the latest day the procedure allows.
  await signInAs(page, base, authority, 'team-manager');
  await page.goto(planUrl);
  await page.getByRole('button', { name: 'Agree the plan' }).click();
  await check('agree the plan');
  const late = addMonths(today, kind.review.months + 1).split('-');
  await page.locator('#nextReviewOn-day').fill(String(Number(late[2])));
  await page.locator('#nextReviewOn-month').fill(String(Number(late[1])));
  await page.locator('#nextReviewOn-year').fill(late[0]!);
  await page.getByRole('button', { name: 'Agree the plan' }).click();
  await page
    .getByText(`by ${formatDate(addMonths(today, kind.review.months))}`)
    .first()
    .waitFor();
  await check('agree the plan: the review too late');
  for (const box of ['day', 'month', 'year']) await page.locator(`#nextReviewOn-${box}`).fill('');
  await page.getByRole('button', { name: 'Agree the plan' }).click();
  await page.getByText('Plan agreed').waitFor();
  assert.match(await page.locator('main').innerText(), /Version 1\. Agreed/);
  await signOut(page);

  // The review is the worker's task; recording it completes the task.
  await signInAs(page, base, authority, 'social-worker');
  await page.goto(`${base}${paths.tasks.mine()}`);
  await page
    .getByText(`Review the ${inSentence(kind.name)}`)
    .first()
    .waitFor();
  await page.goto(planUrl);
  await page.getByRole('button', { name: 'Record a review' }).click();
  await check('record a review');
  const [year, month, day] = today.split('-');
  await page.locator('#reviewedOn-day').fill(String(Number(day)));
  await page.locator('#reviewedOn-month').fill(String(Number(month)));
  await page.locator('#reviewedOn-year').fill(year!);
  await page
    .getByLabel('What was done since the plan was agreed or last reviewed?')
    .fill('Weekly sessions with Ellis.');
  await page.getByLabel('What has changed?').fill('Ellis keeps to the rules at school.');
  await page.getByLabel('The child’s and family’s views (optional)').fill('Ellis says the plan helps.');
  await page.getByLabel('Continue the plan as agreed').check();
  await page.getByRole('button', { name: 'Record the review' }).click();
  await page.getByText('Review recorded').waitFor();
  assert.match(await page.locator('main').innerText(), /Ellis says the plan helps\./);

  // A copy shared with consent and a disagreement (R-X-6); an action given to a colleague; the print.
  await page.getByRole('button', { name: 'Record who received a copy' }).click();
  await check('record who received a copy');
  await page.getByLabel('Who received a copy?').fill('Ellis and his mother');
  await page.locator('#sharedOn-day').fill(String(Number(day)));
  await page.locator('#sharedOn-month').fill(String(Number(month)));
  await page.locator('#sharedOn-year').fill(year!);
  await page.getByLabel('Yes, consent was given').check();
  await page.getByLabel('Anything they disagree with (optional)').fill('His mother disagrees with the curfew.');
  await page.getByRole('button', { name: 'Record the copy' }).click();
  await page.getByText('Copy recorded').waitFor();
  await page.getByRole('link', { name: 'Give a colleague an action' }).click();
  await check('give an action');
  await page.getByLabel('What is to be done?').fill('Meet the school about lunchtimes');
  await page.getByLabel('Who will do it?').selectOption({ index: 1 });
  const soon = addMonths(today, 1).split('-');
  await page.locator('#dueOn-day').fill(String(Number(soon[2])));
  await page.locator('#dueOn-month').fill(String(Number(soon[1])));
  await page.locator('#dueOn-year').fill(soon[0]!);
  await page.getByRole('button', { name: 'Give the action' }).click();
  await page.getByText('Action given').waitFor();
  assert.match(await page.locator('main').innerText(), /Meet the school about lunchtimes/);
  await page.goto(`${planUrl}/print`);
  await check('the plan, printed');
  assert.match(await page.locator('main').innerText(), /His mother disagrees with the curfew\./);
  await signOut(page);

  // Ended by the manager, with the reason.
  await signInAs(page, base, authority, 'team-manager');
  await page.goto(planUrl);
  await page.getByRole('link', { name: 'End the plan' }).click();
  await check('end the plan');
  await page.getByLabel('Why is the plan ending?').fill('The work is done and the risks are managed.');
  await page.getByRole('button', { name: 'End the plan' }).click();
  await page.getByText('Plan ended').waitFor();
  const ended = await page.locator('main').innerText();
  assert.match(ended, /The work is done and the risks are managed\./);
  assert.match(ended, /Not addressed in this plan: Covered by the child protection plan\./);
  await check('the ended plan');
  await signOut(page);
  const open = await db
    .selectFrom('tasks')
    .select('id')
    .where('child_id', '=', inc.childId)
    .where('step_id', '=', 'plan-review')
    .where('status', '=', 'open')
    .execute();
  assert.equal(open.length, 0, 'an ended plan leaves no review task open');
}

describe('plans in Chromium, from the strategy meeting to an ended plan (issue 14)', () => {
  inEveryAuthority(() => rig!, journey, {
    withAxe: ['kent', 'north-east-lincolnshire', 'islington'],
    withoutJavaScript: ['thurrock', 'north-yorkshire'],
  });
});
