// In Chromium (issue 15): the team manager who arranged the demo meeting (the police officer invited
// by name, the school nurse typed in) removes the police officer with a reason, seeing the error
// first; the officer no longer finds it in their meetings. The manager invites them again with
// another partner, seeing the errors first, and corrects the school nurse's email address; the
// officer finds the meeting again, and cannot change who is invited. Kent with JavaScript and axe
// on every page, Thurrock with JavaScript switched off; then the three forms at 375 px wide.
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
import { daysAhead } from '../helpers/schedule.ts';

let rig: BrowserRig | undefined;
let base = '';

before(async () => {
  rig = await startBrowserRig();
  base = rig.base;
  await seedDemoScreenings(rig.t.database.db);
});

after(() => stopBrowserRig(rig));

/** The demo meeting of the authority (a week ahead). */
async function demoMeeting(authority: string) {
  return rig!.t.database.db
    .selectFrom('meetings')
    .select('id')
    .where('authority_id', '=', authority)
    .where('status', '=', 'arranged')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
}

const main = (page: Page) => page.locator('main').innerText();
const when = () => `10:30am to midday, ${formatDate(daysAhead(7))}`;

describe('who is invited to a meeting, in the browser (issue 15)', () => {
  inEveryAuthority(
    () => rig!,
    async (page, authority, check) => {
      const meeting = await demoMeeting(authority);
      const meetingUrl = `${base}${paths.meetings.show(meeting.id)}`;
      await signInAs(page, base, authority, 'team-manager');
      await page.goto(meetingUrl);
      await page.getByRole('heading', { name: 'Invited', exact: true }).waitFor();
      await check('the meeting, with who is invited');

      // Remove the police officer: the reason is needed.
      await page.getByRole('link', { name: /^Remove .* police from the meeting$/ }).click();
      await page.getByRole('heading', { name: /^Remove .* police from the meeting$/ }).waitFor();
      await check('remove');
      await page.getByRole('button', { name: 'Remove from the meeting' }).click();
      await page.getByText('Enter why they are no longer invited').first().waitFor();
      await check('remove with an error');
      await page.getByLabel('Why are they no longer invited?').fill('Another officer is coming instead.');
      await page.getByRole('button', { name: 'Remove from the meeting' }).click();
      await page
        .getByText(/police no longer invited/)
        .first()
        .waitFor();
      await check('removed');
      let text = await main(page);
      assert.match(text, /Changes to who is invited/);
      assert.match(text, /Another officer is coming instead\./);

      // The officer no longer finds it in their meetings.
      await signOut(page);
      await signInAs(page, base, authority, 'police');
      await page.goto(`${base}${paths.meetings.mine()}`);
      assert.ok(!(await main(page)).includes(when()), 'not in their meetings once removed');
      await signOut(page);

      // Invite them again with another partner; the errors first, nothing typed lost.
      await signInAs(page, base, authority, 'team-manager');
      await page.goto(meetingUrl);
      await page.getByRole('link', { name: 'Invite more people' }).click();
      await page.getByRole('heading', { name: 'Invite more people' }).waitFor();
      await check('invite');
      await page.getByLabel('Name of person 1').fill('Sam Okafor');
      await page.getByLabel('Email address of person 1 (optional)').fill('sam@');
      await page.getByRole('button', { name: 'Invite them' }).click();
      await page.getByText('Enter the role or organisation of person 1').first().waitFor();
      await check('invite with errors');
      text = await main(page);
      assert.match(text, /Enter an email address in the correct format, like name@example.com/);
      assert.equal(await page.getByLabel('Name of person 1').inputValue(), 'Sam Okafor', 'nothing typed is lost');
      await page.getByRole('checkbox', { name: /police/i }).check();
      await page.getByLabel('Role or organisation of person 1').fill('Early help worker');
      await page.getByLabel('Email address of person 1 (optional)').fill('');
      await page.getByRole('button', { name: 'Invite them' }).click();
      await page.getByText('2 more people invited').waitFor();
      await check('invited');
      assert.match(await main(page), /Invited: Sam Okafor, Early help worker/);

      // Correct the school nurse's email address.
      await page.getByRole('link', { name: 'Change the details of Jo Fenwick' }).click();
      await page.getByRole('heading', { name: 'Change a partner’s details' }).waitFor();
      await check('change a partner');
      await page.getByLabel('Email address (optional)').fill('jo.fenwick@health.example');
      await page.getByRole('button', { name: 'Save their details' }).click();
      await page.getByText('Jo Fenwick’s details changed').waitFor();
      await check('partner changed');
      assert.match(await main(page), /they were: Jo Fenwick, School nurse, school\.nurse@health\.example/);

      // The officer finds it again, and changes no one.
      await signOut(page);
      await signInAs(page, base, authority, 'police');
      await page.goto(`${base}${paths.meetings.mine()}`);
      await check('the police officer’s meetings');
      assert.ok((await main(page)).includes(when()), 'back in their meetings');
      await page.goto(meetingUrl);
      await check('the meeting, as the police officer');
      assert.doesNotMatch(await main(page), /Invite more people|Remove .* from the meeting/);
    },
    { withAxe: ['kent'], withoutJavaScript: ['thurrock'] },
  );

  it('lays out the forms to change who is invited at 375 px without sideways scrolling, and they pass axe', async () => {
    const context = await rig!.browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    try {
      await signInAs(page, base, 'kent', 'team-manager');
      const meeting = await demoMeeting('kent');
      const partner = await rig!.t.database.db
        .selectFrom('meeting_invitees')
        .select('id')
        .where('meeting_id', '=', meeting.id)
        .where('invitee_id', '=', 'partner')
        .executeTakeFirstOrThrow();
      for (const url of [
        paths.meetings.show(meeting.id),
        paths.meetings.invite(meeting.id),
        paths.meetings.removeInvitee(meeting.id, partner.id),
        paths.meetings.editInvitee(meeting.id, partner.id),
      ]) {
        const response = await page.goto(`${base}${url}`);
        assert.equal(response?.status(), 200, url);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 375, `${url} is ${width} px wide`);
        await expectAccessible(page, `${url} at 375 px`);
      }
      // With its errors, the form to correct a partner fits too.
      await page.getByLabel('Name', { exact: true }).fill('');
      await page.getByLabel('Email address (optional)').fill('not an address');
      await page.getByRole('button', { name: 'Save their details' }).click();
      await page.getByText('Enter their name').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `the partner form with errors is ${width} px wide`);
      await expectAccessible(page, 'partner form with errors at 375 px');
    } finally {
      await context.close();
    }
  });
});
