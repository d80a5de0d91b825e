// In Chromium, in every authority (issue 15): the team manager moves the demo meeting (a week
// ahead, the police officer invited by name and the school nurse typed in) with a reason, seeing
// the errors first; cancels it; and arranges another for the same task with a day, times, a place
// and a video link, inviting the police officer by name and the school nurse without an account.
// The police officer then finds it in their meetings and opens it. Three authorities with
// JavaScript and axe on every page, two with JavaScript switched off; then the arrange, move and
// cancel forms at 375 px wide, where nothing scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import { paths } from '../../src/web/paths.ts';
import {
  type BrowserRig,
  expectAccessible,
  inEveryAuthority,
  signInAs,
  signOut,
  startBrowserRig,
  stopBrowserRig,
} from '../helpers/browser.ts';
import { daysAhead, fillSchedule } from '../helpers/schedule.ts';

let rig: BrowserRig | undefined;
let base = '';

before(async () => {
  rig = await startBrowserRig();
  base = rig.base;
  await seedDemoScreenings(rig.t.database.db);
});

after(() => stopBrowserRig(rig));

/** The demo meeting of the authority (a week ahead), and the task it was arranged for. */
async function demoMeeting(authority: string) {
  return rig!.t.database.db
    .selectFrom('meetings')
    .select(['id', 'task_id'])
    .where('authority_id', '=', authority)
    .where('status', '=', 'arranged')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
}

const main = (page: Page) => page.locator('main').innerText();

describe('meetings people can attend, in the browser (issue 15)', () => {
  inEveryAuthority(
    () => rig!,
    async (page, authority, check) => {
      const meeting = await demoMeeting(authority);
      await signInAs(page, base, authority, 'team-manager');
      await page.goto(`${base}${paths.meetings.show(meeting.id)}`);
      await check('the demo meeting');
      let text = await main(page);
      assert.ok(text.includes(`10:30am to midday, ${formatDate(daysAhead(7))}`), 'when, GOV.UK style');
      assert.match(text, /Jo Fenwick/);
      assert.match(text, /Detective constable/);

      // Move it: the reason is needed; then a new day and time.
      await page.getByRole('link', { name: 'Move the meeting' }).click();
      await page.getByRole('heading', { name: 'Move the meeting' }).waitFor();
      await check('move');
      await page.getByLabel('Start time', { exact: true }).fill('half ten');
      await page.getByRole('button', { name: 'Move the meeting' }).click();
      await page.getByText('Enter why the meeting is being moved').first().waitFor();
      await check('move with errors');
      text = await main(page);
      assert.match(text, /Enter the start time as a time, like 10:30am or 2pm/);
      assert.equal(
        await page.getByLabel('Start time', { exact: true }).inputValue(),
        'half ten',
        'nothing typed is lost',
      );
      await fillSchedule(page, daysAhead(8), 'Room 5, Civic Centre', { start: '2pm', end: '3:30pm' });
      await page.getByLabel('Why is the meeting being moved?').fill('The police officer is in court that day.');
      await page.getByRole('button', { name: 'Move the meeting' }).click();
      await page.getByText('Meeting moved').waitFor();
      await check('moved');
      text = await main(page);
      assert.ok(text.includes(`2pm to 3:30pm, ${formatDate(daysAhead(8))}`));
      assert.match(text, /Changes to when and where/);
      assert.match(text, /The police officer is in court that day\./);

      // Cancel it, with a reason.
      await page.getByRole('link', { name: 'Cancel the meeting' }).click();
      await page.getByRole('heading', { name: 'Cancel the meeting' }).waitFor();
      await check('cancel');
      await page.getByLabel('Why is the meeting being cancelled?').fill('The family asked for a later date.');
      await page.getByRole('button', { name: 'Cancel the meeting' }).click();
      await page.getByText('Meeting cancelled').waitFor();
      await check('cancelled');
      assert.match(await main(page), /The family asked for a later date\./);

      // The task it was for stays open: arrange another, with a schedule and invitees.
      await page.goto(`${base}${paths.tasks.show(meeting.task_id!)}`);
      await page.getByText('(cancelled)').first().waitFor();
      await page.getByRole('button', { name: 'Arrange the meeting' }).click();
      await page.getByRole('heading', { name: /^Arrange: / }).waitFor();
      await check('arrange');
      assert.notEqual(await page.getByLabel('Chair', { exact: true }).inputValue(), '', 'the pack’s chair preselected');
      await page.getByLabel('Video link (optional if there is a place)').fill('http://video.example/strategy');
      await page.getByLabel('Name of person 1').fill('Jo Fenwick');
      await page.getByRole('button', { name: 'Arrange the meeting' }).click();
      await page.getByText('The video link must start with https://').first().waitFor();
      await check('arrange with errors');
      text = await main(page);
      for (const message of [
        'Enter the date of the meeting',
        'Enter the start time',
        'Enter the end time',
        'Enter the role or organisation of person 1',
      ])
        assert.ok(text.includes(message), message);
      assert.equal(await page.getByLabel('Name of person 1').inputValue(), 'Jo Fenwick', 'nothing typed is lost');
      await fillSchedule(page, daysAhead(14), 'Meeting room 1, Civic Centre');
      await page.getByLabel('Video link (optional if there is a place)').fill('https://video.example/strategy');
      await page
        .getByRole('checkbox', { name: /police/i })
        .last()
        .check();
      await page.getByLabel('Role or organisation of person 1').fill('School nurse');
      await page.getByLabel('Email address of person 1 (optional)').fill('school.nurse@health.example');
      await page.getByRole('button', { name: 'Arrange the meeting' }).click();
      await page.getByText('Meeting arranged').waitFor();
      await check('arranged');
      const when = `10:30am to midday, ${formatDate(daysAhead(14))}`;
      text = await main(page);
      assert.ok(text.includes(when));
      assert.match(text, /Meeting room 1, Civic Centre/);
      assert.match(text, /school\.nurse@health\.example/);
      const arrangedUrl = page.url();

      // The police officer, invited by name, finds it in their meetings and opens it.
      await signOut(page);
      await signInAs(page, base, authority, 'police');
      await page.goto(`${base}${paths.meetings.mine()}`);
      await check('the police officer’s meetings');
      assert.ok((await main(page)).includes(when));
      await page.goto(arrangedUrl);
      await check('the meeting, as the police officer');
      assert.doesNotMatch(await main(page), /Move the meeting|Cancel the meeting/);
    },
    {
      withAxe: ['kent', 'islington', 'north-east-lincolnshire'],
      withoutJavaScript: ['thurrock', 'north-yorkshire'],
    },
  );

  it('lays out the arrange, move and cancel forms at 375 px without sideways scrolling, and they pass axe', async () => {
    const context = await rig!.browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    try {
      await signInAs(page, base, 'kent', 'team-manager');
      const meeting = await rig!.t.database.db
        .selectFrom('meetings')
        .select(['id', 'task_id'])
        .where('authority_id', '=', 'kent')
        .where('status', '=', 'arranged')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      const urls = [
        paths.meetings.show(meeting.id),
        paths.meetings.reschedule(meeting.id),
        paths.meetings.cancel(meeting.id),
        paths.meetings.print(meeting.id),
        paths.meetings.mine(),
      ];
      for (const url of urls) {
        const response = await page.goto(`${base}${url}`);
        assert.equal(response?.status(), 200, url);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 375, `${url} is ${width} px wide`);
        await expectAccessible(page, `${url} at 375 px`);
      }
      // Cancelled at this width, the task's arrange form comes back: with its errors, it fits too.
      await page.goto(`${base}${paths.meetings.cancel(meeting.id)}`);
      await page.getByLabel('Why is the meeting being cancelled?').fill('Arranged again at a better time.');
      await page.getByRole('button', { name: 'Cancel the meeting' }).click();
      await page.getByText('Meeting cancelled').waitFor();
      await page.goto(`${base}${paths.meetings.arrange(meeting.task_id!)}`);
      await page.getByLabel('Place', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Arrange the meeting' }).click();
      await page.getByText('Enter the date of the meeting').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `the arrange form is ${width} px wide`);
      await expectAccessible(page, 'arrange with errors at 375 px');
    } finally {
      await context.close();
    }
  });
});
