// In Chromium on a phone-sized screen (375 CSS pixels wide): no page scrolls sideways (WCAG 1.4.10
// Reflow, which axe does not check): tables stack into one block per row with each cell's column
// heading. And nothing moves after first paint: the service navigation is already collapsed into its
// Menu button when the page first paints, so the child record does not jump when JavaScript runs.
// Without JavaScript every navigation link is shown.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  seedDemoDocuments,
  seedDemoFamily,
  seedDemoNotes,
  seedDemoPlans,
  seedDemoScreenings,
} from '../../src/cli/demo-data.ts';
import { allPacks } from '../../src/procedures/index.ts';
import { paths } from '../../src/web/paths.ts';
import { type BrowserRig, expectAccessible, signInAs, startBrowserRig, stopBrowserRig } from '../helpers/browser.ts';
import { demoIncident } from '../helpers/cases.ts';

const WIDTH = 375;
const phone = { viewport: { width: WIDTH, height: 812 } };

let rig: BrowserRig | undefined;
let base = '';
let browser: Browser;

before(async () => {
  rig = await startBrowserRig();
  ({ base, browser } = rig);
  // Referrals, a screening decision, an arranged meeting, an AIM assessment and a panel referral.
  await seedDemoScreenings(rig.t.database.db);
  // And each first case's plans (issue 14), case notes, family and network and alerts (issue 15).
  await seedDemoPlans(rig.t.database.db);
  await seedDemoNotes(rig.t.database.db);
  await seedDemoFamily(rig.t.database.db);
  // And a school report on each Ellis's record, for the page to remove a document uploaded in error.
  await seedDemoDocuments(rig.t.database.db);
});

after(() => stopBrowserRig(rig));

/** The record pages of the demo case in one authority: Ellis, and what the demo start recorded. */
async function recordPages(authority: string): Promise<string[]> {
  const { db } = rig!.t.database;
  const { childId } = await demoIncident(db, authority, 'Ellis');
  const urls = [
    paths.children.show(childId),
    paths.children.chronology(childId),
    paths.children.tasks(childId),
    paths.children.meetings(childId),
    paths.children.assessments(childId),
  ];
  const meeting = await db.selectFrom('meetings').select('id').where('authority_id', '=', authority).executeTakeFirst();
  // The meeting, its print, the forms to move or cancel it and to change who is invited (issue 15).
  if (meeting) {
    urls.push(
      paths.meetings.show(meeting.id),
      paths.meetings.print(meeting.id),
      paths.meetings.reschedule(meeting.id),
      paths.meetings.cancel(meeting.id),
      paths.meetings.invite(meeting.id),
    );
    const partner = await db
      .selectFrom('meeting_invitees')
      .select('id')
      .where('meeting_id', '=', meeting.id)
      .where('invitee_id', '=', 'partner')
      .executeTakeFirst();
    if (partner)
      urls.push(
        paths.meetings.removeInvitee(meeting.id, partner.id),
        paths.meetings.editInvitee(meeting.id, partner.id),
      );
  }
  // The extract of Ellis's part of his meeting, for his family (issue 15).
  const hisMeeting = await db
    .selectFrom('meeting_children')
    .select('meeting_id')
    .where('child_id', '=', childId)
    .executeTakeFirst();
  if (hisMeeting) urls.push(paths.meetings.extract(hisMeeting.meeting_id, childId));
  const screening = await db.selectFrom('screenings').select('id').where('child_id', '=', childId).executeTakeFirst();
  if (screening) urls.push(paths.screening.show(screening.id));
  const referral = await db.selectFrom('referrals').select('id').where('child_id', '=', childId).executeTakeFirst();
  if (referral) urls.push(paths.referrals.show(referral.id));
  const task = await db.selectFrom('tasks').select('id').where('child_id', '=', childId).executeTakeFirst();
  if (task) urls.push(paths.tasks.show(task.id));
  const assessment = await db
    .selectFrom('assessments')
    .select('id')
    .where('authority_id', '=', authority)
    .executeTakeFirst();
  if (assessment) urls.push(paths.assessments.show(assessment.id));
  const panel = await db
    .selectFrom('panel_referrals')
    .select('id')
    .where('authority_id', '=', authority)
    .executeTakeFirst();
  if (panel) urls.push(paths.panel.show(panel.id));
  urls.push(paths.children.plans(childId), paths.children.newPlan(childId));
  const plan = await db.selectFrom('plans').select('id').where('child_id', '=', childId).executeTakeFirst();
  if (plan)
    urls.push(
      paths.plans.show(plan.id),
      paths.plans.print(plan.id),
      paths.plans.review(plan.id),
      paths.plans.share(plan.id),
      paths.plans.actions(plan.id),
    );
  urls.push(paths.children.notes(childId), paths.children.newNote(childId));
  const note = await db.selectFrom('case_notes').select('id').where('child_id', '=', childId).executeTakeFirst();
  if (note) urls.push(paths.notes.show(note.id));
  urls.push(paths.children.family(childId), paths.children.newFamilyMember(childId), paths.children.newAlert(childId));
  // The documents, and the page to remove one uploaded in error (issue 15).
  urls.push(paths.children.documents(childId));
  const document = await db.selectFrom('documents').select('id').where('child_id', '=', childId).executeTakeFirst();
  if (document) urls.push(paths.documents.remove(document.id));
  return urls;
}

/** Every page the navigation offers (the lists), then the others given. */
async function pagesFrom(page: Page, others: string[]): Promise<string[]> {
  const nav = await page
    .locator('.govuk-service-navigation__list a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set([paths.home(), ...nav, ...others])];
}

/** The pages at this width that are wider than the screen, with their width. */
async function tooWide(page: Page, urls: string[]): Promise<string[]> {
  const wide: string[] = [];
  for (const url of urls) {
    const response = await page.goto(`${base}${url}`);
    assert.ok(
      response && response.status() < 500,
      `${url} answered ${response?.status()}: ${rig!.t.logs.at(-1) ?? ''}`,
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > WIDTH) wide.push(`${url} is ${width} px wide`);
  }
  return wide;
}

const WHO: { authority: string; role: string; records?: boolean; also?: (authority: string) => Promise<string[]> }[] = [
  {
    authority: 'kent',
    role: 'team-manager',
    records: true,
    also: () => Promise.resolve(allPacks().map((p) => paths.procedures.show(p.id))),
  },
  { authority: 'kent', role: 'social-worker', records: true },
  { authority: 'kent', role: 'front-door' },
  { authority: 'islington', role: 'cse-coordinator', records: true },
  { authority: 'north-east-lincolnshire', role: 'panel-chair', records: true },
  { authority: 'north-east-lincolnshire', role: 'aim-practitioner' },
  { authority: 'thurrock', role: 'team-manager', records: true },
  {
    authority: 'kent',
    role: 'admin',
    also: async () => {
      const u = await rig!.t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'social-worker@kent.example')
        .executeTakeFirstOrThrow();
      return [paths.admin.user(u.id), paths.admin.newUser()];
    },
  },
  { authority: 'kent', role: 'auditor' },
];

describe(`no page scrolls sideways at ${WIDTH} px`, () => {
  for (const who of WHO) {
    it(`${who.role} in ${who.authority}`, async () => {
      const context = await browser.newContext(phone);
      const page = await context.newPage();
      try {
        await signInAs(page, base, who.authority, who.role);
        const others = [
          ...(who.records ? await recordPages(who.authority) : []),
          ...((await who.also?.(who.authority)) ?? []),
        ];
        const urls = await pagesFrom(page, others);
        assert.ok(urls.length >= 4, `only ${urls.join(', ')}`);
        assert.deepEqual(await tooWide(page, urls), []);
      } finally {
        await context.close();
      }
    });
  }
});

describe(`stacked tables at ${WIDTH} px`, () => {
  it('pass the accessibility check, and a sortable list keeps its sort links', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    try {
      await signInAs(page, base, 'kent', 'team-manager');
      const meeting = await rig!.t.database.db
        .selectFrom('meetings')
        .select('id')
        .where('authority_id', '=', 'kent')
        .executeTakeFirstOrThrow();
      for (const url of [
        paths.tasks.mine(),
        paths.referrals.list(),
        paths.meetings.show(meeting.id),
        paths.procedures.show('kent'),
        `${paths.cases()}?scope=team`,
      ]) {
        await page.goto(`${base}${url}`);
        await expectAccessible(page, `${url} at ${WIDTH} px`);
      }
      // On the case list the sort links stay on screen; each row names its columns.
      assert.ok(await page.getByRole('link', { name: 'Date of birth' }).isVisible());
      assert.match(
        await page
          .locator('tbody td[data-label="Date of birth"]')
          .first()
          .evaluate((td) => getComputedStyle(td, '::before').content),
        /Date of birth/,
      );
    } finally {
      await context.close();
    }
  });
});

/** The layout shift since the page started loading, as the browser scored it (excluding shifts just after input). */
function cumulativeShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // Buffered entries are delivered in the next task.
        setTimeout(() => resolve(total), 0);
      }),
  );
}

describe(`the service navigation on a ${WIDTH} px screen`, () => {
  it('is collapsed into its Menu button from first paint: the child record and its chronology do not move', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    try {
      await signInAs(page, base, 'kent', 'social-worker');
      const { childId } = await demoIncident(rig!.t.database.db, 'kent', 'Ellis');
      for (const url of [paths.children.show(childId), paths.children.chronology(childId)]) {
        await page.goto(`${base}${url}`);
        // GOV.UK Frontend has run: the navigation is a Menu button, its links hidden until pressed.
        await page.locator('[data-govuk-service-navigation-init]').waitFor({ state: 'attached' });
        const menu = page.getByRole('button', { name: 'Menu' });
        await menu.waitFor();
        assert.equal(await menu.getAttribute('aria-expanded'), 'false');
        assert.equal(await page.locator('#navigation').getByRole('link', { name: 'My tasks' }).isVisible(), false);
        const shift = await cumulativeShift(page);
        assert.ok(shift < 0.01, `${url}: cumulative layout shift ${shift.toFixed(3)}`);
        await menu.click();
        await page.locator('#navigation').getByRole('link', { name: 'My tasks' }).waitFor();
        assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      }
    } finally {
      await context.close();
    }
  });

  it('shows every link without JavaScript', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await signInAs(page, base, 'kent', 'social-worker');
      const { childId } = await demoIncident(rig!.t.database.db, 'kent', 'Ellis');
      await page.goto(`${base}${paths.children.show(childId)}`);
      assert.equal(await page.getByRole('button', { name: 'Menu' }).isVisible(), false);
      for (const name of ['Cases', 'My tasks', 'Meetings', 'Procedures'])
        assert.ok(
          await page.locator('#navigation').getByRole('link', { name, exact: true }).isVisible(),
          `${name} is shown`,
        );
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= WIDTH);
    } finally {
      await context.close();
    }
  });
});
