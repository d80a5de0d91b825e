// npm run bench:pages: what a browser receives for the main pages, and how Lighthouse rates them
// on a phone (issue 13). Starts the application on a fresh PGlite with the demo data, signs in as a
// Kent social worker, then for each page prints Lighthouse's mobile performance score (12.2.3, as
// the issue measured; fetched by npx on first use into npm's cache, not a project dependency),
// first and largest paint, blocking time, and the bytes transferred on a first visit and on a
// visit after (assets cached). Prints figures; asserts nothing. Run it on a quiet machine: the
// score counts this machine's CPU time.
//
//   CHROMIUM_PATH (/usr/bin/chromium)   BENCH_LIGHTHOUSE=0 to measure bytes only
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail, seedDemo, seedDemoScreenings } from '../src/cli/demo-data.ts';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import { configureAuditKey } from '../src/repositories/audit.ts';
import { auditKey } from '../src/domain/audit-chain.ts';
import { createApp } from '../src/web/app.ts';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const withLighthouse = process.env.BENCH_LIGHTHOUSE !== '0';
const dir = mkdtempSync(path.join(os.tmpdir(), 'hsb-pages-'));
configureAuditKey(auditKey('bench-pages-audit-key-not-for-any-real-use-0001'));
const handle = await openDatabase({ dataDir: path.join(dir, 'data') });
await migrateToLatest(handle.db);
await seedDemo(handle.db);
await seedDemoScreenings(handle.db);
const app = await createApp({
  db: handle.db,
  config: { ...loadConfig({ LOG_LEVEL: 'silent' }), signInLimitPerAddress: 100_000, signInLimitPerAccount: 100_000 },
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });

// Signed in as a browser would be: the session cookie the sign-in sets.
const jar = new Map<string, string>();
const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
async function get(url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(base + url, {
    ...init,
    redirect: 'manual',
    headers: { ...init.headers, cookie: cookieHeader() },
  });
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return res;
}
const signInPage = await (await get('/sign-in')).text();
const token = /name="_csrf" value="([^"]+)"/.exec(signInPage)?.[1] ?? '';
await get('/sign-in', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: token, email: demoEmail('kent', 'social_worker'), password: DEMO_PASSWORD }),
});
const firstLink = async (from: string, pattern: RegExp) => pattern.exec(await (await get(from)).text())?.[1];
const child = await firstLink('/cases?scope=all', /href="(\/children\/[0-9a-f-]{36})"/);
if (!child) throw new Error('No child record on the case list: the demo data did not load');
/** A meeting on one of the children the case list shows (the demo has one per authority). */
async function meetingOfAChild(): Promise<string | undefined> {
  const list = await (await get('/cases?scope=all')).text();
  for (const [, record] of list.matchAll(/href="(\/children\/[0-9a-f-]{36})"/g)) {
    const meeting = await firstLink(`${record}/meetings`, /href="(\/meetings\/[0-9a-f-]{36})"/);
    if (meeting) return meeting;
  }
  return undefined;
}
const pages: [string, string | undefined][] = [
  ['child record', child],
  ['case list, all I can see', '/cases?scope=all'],
  ['home', '/home'],
  ['my tasks', '/tasks'],
  ['meeting page', await meetingOfAChild()],
  ['assessment page', await firstLink('/assessments', /href="(\/assessments\/[0-9a-f-]{36})"/)],
];

// Bytes on the wire, as Chromium counts them: a first visit with an empty cache, then the same page again.
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
async function transferred(url: string): Promise<{ first: number; again: number; requests: number }> {
  const context = await browser.newContext();
  await context.addCookies(
    [...jar].map(([name, value]) => ({ name, value, url: base })).filter((cookie) => cookie.value !== ''),
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  await page.goto(base + url, { waitUntil: 'networkidle' });
  const first = bytes;
  const firstRequests = requests;
  bytes = 0;
  await page.goto(base + url, { waitUntil: 'networkidle' });
  await context.close();
  return { first, again: bytes, requests: firstRequests };
}

interface Rating {
  score: number;
  fcp: string;
  lcp: string;
  tbt: string;
}
function lighthouse(url: string): Rating | string {
  const output = path.join(dir, 'lighthouse.json');
  const headers = path.join(dir, 'headers.json');
  writeFileSync(headers, JSON.stringify({ Cookie: cookieHeader() }));
  const run = spawnSync(
    'npx',
    [
      '--yes',
      'lighthouse@12.2.3',
      base + url,
      `--extra-headers=${headers}`,
      '--only-categories=performance',
      '--chrome-flags=--headless=new --no-sandbox',
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath }, encoding: 'utf8', timeout: 300_000 },
  );
  if (run.status !== 0) return `Lighthouse failed: ${(run.stderr || run.error?.message || '').slice(0, 200)}`;
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    categories: { performance: { score: number } };
    audits: Record<string, { displayValue?: string }>;
  };
  const shown = (audit: string) => report.audits[audit]?.displayValue ?? '';
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcp: shown('first-contentful-paint'),
    lcp: shown('largest-contentful-paint'),
    tbt: shown('total-blocking-time'),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`\n${'page'.padEnd(26)}${'first visit'.padStart(24)}${'after'.padStart(10)}   Lighthouse mobile`);
for (const [label, url] of pages) {
  if (!url) {
    console.log(`${label.padEnd(26)}(no such page in the demo data)`);
    continue;
  }
  const bytes = await transferred(url);
  const rating = withLighthouse ? lighthouse(url) : 'not run (BENCH_LIGHTHOUSE=0)';
  const rated =
    typeof rating === 'string' ? rating : `${rating.score}  (FCP ${rating.fcp}, LCP ${rating.lcp}, TBT ${rating.tbt})`;
  console.log(
    `${label.padEnd(26)}${`${kb(bytes.first)} in ${bytes.requests} requests`.padStart(24)}${kb(bytes.again).padStart(10)}   ${rated}`,
  );
}
await browser.close();
await app.close();
await handle.close();
rmSync(dir, { recursive: true, force: true });
