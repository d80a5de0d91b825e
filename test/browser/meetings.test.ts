// In Chromium, for each of the five packs: a realistic recorded incident is screened with the
// pack's own tool and decided, then goes to the referral, the manager's screening decision, allocation of two different workers, a strategy
// meeting with the proposed invitees and agenda, minutes with both children's immediate safety
// plans, separate outcomes for each child, the chair's approval, circulation and closing, and the
// follow-on tasks with their working-day deadlines (R-KEN-6, R-KEN-7, R-ISL-5, R-ISL-7, R-NYO-8).
// Three packs run with JavaScript and axe on every new page; two with JavaScript switched off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { londonToday } from '../../src/domain/age.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import { getPack } from '../../src/procedures/index.ts';
import { paths } from '../../src/web/paths.ts';
import { ANSWERS } from '../fixtures/realistic-cases.ts';
import { fillReferralForm } from '../helpers/referrals.ts';
import {
  type BrowserRig,
  expectAccessible,
  signInAs,
  signOut,
  startBrowserRig,
  stopBrowserRig,
} from '../helpers/browser.ts';
import { demoIncident } from '../helpers/cases.ts';
import { daysAhead, fillSchedule } from '../helpers/schedule.ts';

let rig: BrowserRig | undefined;
let base = '';
let browser: Browser;

before(async () => {
  rig = await startBrowserRig();
  ({ base, browser } = rig);
});

after(() => stopBrowserRig(rig));

const signIn = (page: Page, authority: string, role: string) => signInAs(page, base, authority, role);

/**
 * The school's DSL screens the demo incident (a 9-year-old who persuaded a younger girl to expose
 * herself) in the browser, with the pack's own tool: Carson, Hackett, Brook, NEL's concerning signs
 * or Islington's categories, and decides the suggested level.
 */
async function screenInBrowser(page: Page, authority: string, check: (label: string) => Promise<void>) {
  const { db } = rig!.t.database;
  const inc = await demoIncident(db, authority, 'Toby');
  const pack = getPack(authority)!;
  const a = ANSWERS[authority]!.abusive;
  assert.equal(a.tool ?? pack.primaryTool, pack.primaryTool);
  await page.goto(`${base}${paths.screening.start(inc.incidentId, inc.childId)}`);
  await page.getByRole('heading', { name: 'Screen the behaviour: Toby Alderbrook' }).waitFor();
  await check('screening form');
  for (const [dim, column] of Object.entries(a.answers.ratings ?? {}))
    await page.locator(`input[name="rating-${dim}"][value="${column}"]`).check();
  for (const item of a.answers.items ?? []) await page.locator(`input[name="items"][value="${item}"]`).check();
  for (const f of pack.facts)
    await page
      .locator(
        `input[name="fact-${f}"][value="${f === 'significant_harm' || f === 'other_children_at_risk' ? 'yes' : 'no'}"]`,
      )
      .check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: /^Suggestion: / }).waitFor();
  await check('suggestion');
  await page
    .getByLabel('Reasons for your decision')
    .fill('Persuaded a younger child to expose herself; she was frightened.');
  await page.getByRole('button', { name: 'Confirm decision' }).click();
  await page.getByText('Level of concern decided').waitFor();
  const sid = new URL(page.url()).pathname.split('/').pop()!;
  const s = await db
    .selectFrom('screenings')
    .select(['suggested_level', 'decided_level', 'tool_id'])
    .where('id', '=', sid)
    .executeTakeFirstOrThrow();
  assert.equal(s.tool_id, pack.primaryTool);
  assert.equal(s.decided_level, s.suggested_level, 'the suggestion was pre-selected and kept');
  return { ...inc, sid };
}

interface PackCase {
  authority: string;
  js: boolean;
  chairRole: string;
  chairName: string;
  /** The outcome for the child harmed, and the working days to its follow-on task. */
  targeted: { outcome: string; workingDays: number; task: string; timescale?: string };
}

const CASES: PackCase[] = [
  {
    authority: 'kent',
    js: true,
    chairRole: 'team-manager',
    chairName: 'Kent team manager',
    targeted: {
      outcome: 'child-protection-conference',
      workingDays: 15,
      task: 'Hold an initial child protection conference',
    },
  },
  {
    authority: 'islington',
    js: true,
    chairRole: 'cse-coordinator',
    chairName: 'Islington CSE coordinator',
    targeted: {
      outcome: 'follow-up-strategy',
      workingDays: 8,
      timescale: '8',
      task: 'Hold the follow-up strategy meeting',
    },
  },
  {
    authority: 'north-yorkshire',
    js: true,
    chairRole: 'team-manager',
    chairName: 'North Yorkshire team manager',
    targeted: {
      outcome: 'child-protection-conference',
      workingDays: 15,
      task: 'Hold an initial child protection conference',
    },
  },
  {
    authority: 'thurrock',
    js: false,
    chairRole: 'team-manager',
    chairName: 'Thurrock team manager',
    targeted: {
      outcome: 'child-protection-conference',
      workingDays: 15,
      task: 'Hold an initial child protection conference',
    },
  },
  {
    authority: 'north-east-lincolnshire',
    js: false,
    chairRole: 'team-manager',
    chairName: 'North East Lincolnshire team manager',
    targeted: {
      outcome: 'child-protection-conference',
      workingDays: 15,
      task: 'Hold an initial child protection conference',
    },
  },
];

describe('referral, allocation, strategy meeting and outcomes in Chromium, for every pack', () => {
  for (const c of CASES) {
    it(`${c.authority}: from screening the incident to each child’s outcome and the next tasks${c.js ? ', passing axe' : ', without JavaScript'}`, async () => {
      const { db } = rig!.t.database;
      const shortName = c.chairName.replace(/ (team manager|CSE coordinator)$/, '');
      const context = await browser.newContext({ javaScriptEnabled: c.js });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const check = async (label: string) => {
        if (c.js) await expectAccessible(page, `${c.authority} ${label}`);
      };

      // The DSL screens with the pack's tool, decides, and refers (each child separately when harmful, R-NYO-4).
      await signIn(page, c.authority, 'dsl');
      const inc = await screenInBrowser(page, c.authority, check);
      await page.getByRole('button', { name: /^Refer / }).click();
      await fillReferralForm(page);
      await page.getByRole('heading', { name: /referrals? made/ }).waitFor();
      await signOut(page);

      // The manager screens the referral: consider a strategy meeting (R-NYO-8), and allocates two different workers (R-KEN-6).
      await signIn(page, c.authority, 'team-manager');
      await page.getByRole('link', { name: 'Referrals' }).click();
      await page.getByRole('link', { name: 'Toby Alderbrook' }).first().click();
      await page.locator('input[name="outcome"][value="strategy"]').check();
      await page
        .getByLabel('Reasons for the decision')
        .fill('Significant harm suspected: a strategy meeting is needed.');
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.getByText('Referral screened').waitFor();
      for (const [childId, worker] of [
        [inc.childId, `${shortName} social worker`],
        [inc.targetedId, `${shortName} social worker B`],
      ] as const) {
        await page.goto(`${base}${paths.children.show(childId)}`);
        await page.getByText('Change allocation').click();
        await page.getByLabel('Allocated worker').selectOption({ label: worker });
        await page.getByRole('button', { name: 'Save allocation' }).click();
        await page.getByText('Allocation saved').waitFor();
      }

      // The task routing (or the referral decision) set arranges the meeting.
      const task = await db
        .selectFrom('tasks')
        .select(['id', 'title'])
        .where('child_id', '=', inc.childId)
        .where('status', '=', 'open')
        .where('arranges', 'is not', null)
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      await page.goto(`${base}${paths.children.tasks(inc.childId)}`);
      await page.getByRole('link', { name: task.title }).first().click();
      await page.getByRole('heading', { name: 'Give the task to a colleague' }).waitFor();
      await check('task');
      await page.getByRole('button', { name: 'Arrange the meeting' }).click();
      await page.getByRole('heading', { name: /^Arrange: / }).waitFor();
      await check('arrange');
      const form = await page.locator('main').innerText();
      assert.match(form, /Police/);
      assert.match(form, /Agenda|Purposes of the meeting/);
      await page.getByLabel('Chair', { exact: true }).selectOption({ label: c.chairName });
      // When and where (issue 15): tomorrow, 10:30am to midday, in a room.
      await fillSchedule(page, daysAhead(1), 'Room 2, Civic Centre');
      await page.getByRole('button', { name: 'Arrange the meeting' }).click();
      await page.getByText('Meeting arranged').waitFor();
      await check('meeting');
      const meetingUrl = page.url();

      if (c.authority === 'kent') {
        // Someone the pack did not propose, from another agency, without an account (R-X-4).
        await page.getByRole('link', { name: 'Add someone to the meeting' }).click();
        await page.getByRole('button', { name: 'Add to the meeting' }).click();
        await page.getByText('Enter the person’s name').first().waitFor();
        await check('add someone with errors');
        await page.getByLabel('Name').fill('A. Clinician');
        await page.getByLabel('Role').fill('Forensic CAMHS clinician');
        await page.getByLabel('Agency', { exact: true }).fill('Forensic CAMHS');
        await page.getByRole('button', { name: 'Add to the meeting' }).click();
        await page.getByText('A. Clinician added to the meeting').waitFor();
      }

      // Minutes: date, attendance, notes, the immediate safety plan for both children (R-KEN-6).
      await page.getByRole('link', { name: /^Record the minutes/ }).click();
      const [y, m, d] = londonToday().split('-');
      await page.getByLabel('Day').fill(String(Number(d)));
      await page.getByLabel('Month').fill(String(Number(m)));
      await page.getByLabel('Year').fill(y!);
      await page
        .getByLabel(/Immediate safety plan for Toby Alderbrook/)
        .fill('Supervised at all times at school; no contact with Isla.');
      await page
        .getByLabel(/Immediate safety plan for Isla Rowanford/)
        .fill('A named adult at school and a safe space; parents told.');
      if (c.authority === 'kent') {
        // Toby is 9: the meeting decides whether police involvement is needed (R-KEN-6).
        await page.getByRole('button', { name: 'Save the minutes' }).click();
        await page.getByText('Select whether police involvement in the enquiry is needed').first().waitFor();
        await check('minutes with errors');
        assert.equal(
          await page.getByLabel(/Immediate safety plan for Toby Alderbrook/).inputValue(),
          'Supervised at all times at school; no contact with Isla.',
          'nothing typed is lost',
        );
        await page.getByLabel('No, police involvement is not needed').check();
      }
      await page.getByRole('button', { name: 'Save the minutes' }).click();
      await page.getByText('Minutes saved').waitFor();

      // Separate outcomes for each child (R-KEN-7, R-ISL-7).
      await page.getByRole('link', { name: 'Record the outcome for Toby Alderbrook' }).click();
      await check('outcome');
      await page.locator('input[name="outcome"][value="section-47"]').check();
      await page.getByLabel('Joint enquiry with the police').check();
      if (c.authority === 'kent') await page.locator('input[name="alsoHarmed"][value="yes"]').check();
      await page.getByLabel('Reasons for the decision').fill('Reasonable cause to suspect significant harm to Isla.');
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      await page.getByText('Outcome recorded').waitFor();
      await page.getByRole('link', { name: 'Record the outcome for Isla Rowanford' }).click();
      await page.locator(`input[name="outcome"][value="${c.targeted.outcome}"]`).check();
      if (c.targeted.timescale) await page.getByLabel(/meeting within \(working days\)/).fill(c.targeted.timescale);
      await page.getByLabel('Reasons for the decision').fill('Isla’s needs are assessed separately.');
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      await page.getByText('Outcome recorded').waitFor();
      const due = formatDate(new WorkingDayCalendar().addWorkingDays(londonToday(), c.targeted.workingDays));
      await page
        .getByRole('row', { name: new RegExp(c.targeted.task) })
        .getByText(due)
        .waitFor();

      // The follow-on tasks are on each child's own task list with their deadlines (R-X-1, R-X-3).
      await page.goto(`${base}${paths.children.tasks(inc.targetedId)}`);
      await page
        .getByRole('row', { name: new RegExp(c.targeted.task) })
        .getByText(due)
        .waitFor();
      await page.goto(`${base}${paths.children.meetings(inc.childId)}`);
      await check('child’s meetings');
      await page
        .getByRole('link', { name: /strategy/i })
        .first()
        .waitFor();
      if (c.authority === 'kent') {
        // The police decide on criminal proceedings, informed by Youth Justice (R-KEN-9).
        await page.getByRole('button', { name: 'Record a decision' }).click();
        await page.getByRole('button', { name: 'Record the decision' }).click();
        await page.getByText('Select the decision, under the agency that made it').first().waitFor();
        await check('external decision with errors');
        await page.getByRole('group', { name: 'Police decision' }).getByLabel('No further action').check();
        await page.getByLabel('Day').fill(String(Number(d)));
        await page.getByLabel('Month').fill(String(Number(m)));
        await page.getByLabel('Year').fill(y!);
        await page
          .getByLabel('Youth Justice recommendation (optional)')
          .fill('Below the age of criminal responsibility: no criminal process.');
        await page.getByRole('button', { name: 'Record the decision' }).click();
        await page.getByText('Decision recorded').waitFor();
        await page
          .getByRole('cell', { name: 'Below the age of criminal responsibility: no criminal process.' })
          .waitFor();
      }

      // The chair approves the minutes, records circulation and closes the meeting.
      if (c.chairRole !== 'team-manager') {
        await signOut(page);
        await signIn(page, c.authority, c.chairRole);
        await page.getByRole('link', { name: 'Meetings', exact: true }).click();
        await check('meetings list');
        await page
          .getByRole('link', { name: /strategy/i })
          .first()
          .click();
      } else {
        await page.goto(meetingUrl);
      }
      await page.getByRole('button', { name: 'Approve the minutes' }).click();
      await page.getByText('Minutes approved').waitFor();
      await page
        .getByLabel(/Police/)
        .first()
        .check();
      await page.getByRole('button', { name: 'Record circulation' }).click();
      await page.getByText('Circulation recorded').waitFor();
      await page.getByRole('button', { name: 'Close the meeting' }).click();
      await page.getByText('Meeting closed').waitFor();
      await check('closed meeting');
      const record = await page.locator('main').innerText();
      assert.match(record, /Closed/);
      assert.match(record, /Section 47 enquiry/);
      assert.match(record, /Joint enquiry with the police/);
      await page.getByRole('link', { name: 'Print the record' }).click();
      await check('print');

      await context.close();
    });
  }
});
