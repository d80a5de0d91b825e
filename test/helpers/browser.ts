// Chromium through playwright-core (never a browser download), and an axe check for pages.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type Page, chromium } from 'playwright-core';
import { it } from 'node:test';
import { DEMO_PASSWORD, type TestApp, demoEmail, startTestApp } from './app.ts';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** WCAG 2.2 AA, as axe-core checks it. Fails with the violations listed. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(problems, [], `accessibility problems on ${label}`);
}

/** The real application listening on a free port, and Chromium, for one browser test file. */
export interface BrowserRig {
  t: TestApp;
  base: string;
  browser: Browser;
}

export async function startBrowserRig(): Promise<BrowserRig> {
  const t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return { t, base: `http://127.0.0.1:${addr.port}`, browser: await launchChromium() };
}

export async function stopBrowserRig(rig: BrowserRig | undefined): Promise<void> {
  await rig?.browser.close();
  await rig?.t.close();
}

/** Signs in as a demo user (ROLE@AUTHORITY.example) and waits for the first page. */
export async function signInAs(page: Page, base: string, authority: string, role: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email address').fill(demoEmail(authority, role));
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** A journey through the pages, told how to check each page it reaches (`label` names the page). */
export type Journey = (page: Page, authority: string, check: (label: string) => Promise<void>) => Promise<void>;

/**
 * One test per authority: in `withAxe` with JavaScript and axe on every page the journey checks,
 * in `withoutJavaScript` with JavaScript switched off (every page usable without it).
 */
export function inEveryAuthority(
  rig: () => BrowserRig,
  journey: Journey,
  authorities: { withAxe: readonly string[]; withoutJavaScript: readonly string[] },
): void {
  const run = (authority: string, javaScriptEnabled: boolean) => async () => {
    const context = await rig().browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    try {
      await journey(
        page,
        authority,
        javaScriptEnabled ? (label) => expectAccessible(page, `${authority}: ${label}`) : async () => {},
      );
    } finally {
      await context.close();
    }
  };
  for (const authority of authorities.withAxe)
    it(`${authority}: with JavaScript, axe on every page`, run(authority, true));
  for (const authority of authorities.withoutJavaScript)
    it(`${authority}: with JavaScript switched off`, run(authority, false));
}
