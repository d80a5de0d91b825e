// In Chromium: every case-work role signs in and lands on the home page of their work (issue 11),
// which passes axe and, on a 375 px wide phone, reads without scrolling sideways (WCAG 1.4.10).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import { type BrowserRig, expectAccessible, signInAs, startBrowserRig, stopBrowserRig } from '../helpers/browser.ts';

let rig: BrowserRig | undefined;

before(async () => {
  rig = await startBrowserRig();
  // Screened, referred, a meeting arranged and an assessment planned: pages with work on them.
  await seedDemoScreenings(rig.t.database.db);
});

after(() => stopBrowserRig(rig));

const CASE_WORK_ROLES = [
  'dsl',
  'front-door',
  'social-worker',
  'team-manager',
  'youth-justice',
  'aim-practitioner',
  'panel-chair',
  'cse-coordinator',
  'police',
] as const;

describe('the home page in Chromium', () => {
  for (const [authority, roles] of [
    ['kent', CASE_WORK_ROLES],
    ['north-east-lincolnshire', ['panel-chair']],
    ['islington', ['cse-coordinator']],
  ] as const) {
    for (const role of roles) {
      it(`lands the ${role.replace(/-/g, ' ')} of ${authority} on their work, accessible and reflowing at 375 px`, async () => {
        const context = await rig!.browser.newContext({ viewport: { width: 1280, height: 900 } });
        context.setDefaultTimeout(20_000);
        const page = await context.newPage();
        try {
          await signInAs(page, rig!.base, authority, role);
          assert.equal(new URL(page.url()).pathname, paths.homePage(), 'signing in lands on the home page');
          await page.getByRole('heading', { level: 1, name: 'Your work' }).waitFor();
          for (const h of [
            'Overdue and due soon',
            'Other work to do',
            'Referrals waiting for a decision',
            'Meetings coming up',
            'Your unfinished recording forms',
            'Recent changes on your cases',
          ]) {
            await page.getByRole('heading', { level: 2, name: h }).waitFor();
          }
          await expectAccessible(page, `home of ${role}@${authority}`);
          await page.setViewportSize({ width: 375, height: 800 });
          await page.waitForFunction(() => window.innerWidth === 375);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 375, `${role}@${authority}: the page is ${width} px wide at a 375 px viewport`);
          await expectAccessible(page, `home of ${role}@${authority} at 375 px`);
        } finally {
          await context.close();
        }
      });
    }
  }
});
