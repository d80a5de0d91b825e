// npm run bench: seeds a large synthetic database (bench/seed.ts, in a process of its own), starts
// the application in another (bench/server.ts), then measures the signed-in child record, the case
// lists, My tasks, the meeting and assessment pages under a fixed concurrency from this process,
// next to a bare Node HTTP server sending the same bytes, in the same run. For each page: the
// statements and database milliseconds per request (sequential requests), and the application
// process's CPU time per request under the load. Prints figures; asserts nothing.
//
//   BENCH_CHILDREN (100000)  BENCH_INCIDENTS (300000)  BENCH_AUDIT (1000000)
//   BENCH_CONCURRENCY (16)   BENCH_SECONDS (10)        DATABASE_URL (default: PGlite in a temp dir)
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DEMO_PASSWORD, demoEmail } from '../src/cli/demo-data.ts';
import type { ServerStats } from './server.ts';

const n = (name: string, dflt: number) => Number(process.env[name] ?? dflt);
const CONCURRENCY = n('BENCH_CONCURRENCY', 16);
const SECONDS = n('BENCH_SECONDS', 10);

const dataDir = process.env.DATABASE_URL ? '' : mkdtempSync(path.join(os.tmpdir(), 'hsb-bench-'));
const env = { ...process.env, BENCH_DATA_DIR: dataDir, BENCH_AUDIT_KEY: randomBytes(32).toString('hex') };

// The seed: its output passes through, and its last line says what it made.
interface Seeded {
  kind: string;
  childId: string;
  meetingId: string;
  assessedChildId: string;
  assessmentId: string;
  meetings: number;
  assessments: number;
  tasks: number;
}
const seeded = await new Promise<Seeded>((resolve, reject) => {
  const seed = fork(path.join(import.meta.dirname, 'seed.ts'), { env, stdio: ['inherit', 'pipe', 'inherit', 'ipc'] });
  let result: string | undefined;
  createInterface({ input: seed.stdout! }).on('line', (line) => {
    if (line.startsWith('BENCH_SEEDED ')) result = line.slice('BENCH_SEEDED '.length);
    else console.log(line);
  });
  // 'close': after the process ended and its output was read to the end.
  seed.on('close', (code) =>
    code === 0 && result ? resolve(JSON.parse(result) as Seeded) : reject(new Error(`The seed stopped with ${code}`)),
  );
});
console.log(`Meetings in the database: ${seeded.meetings}.`);
console.log(`Assessments in the database: ${seeded.assessments}.`);

// The application, and its answers to "stats" and "close".
const server = fork(path.join(import.meta.dirname, 'server.ts'), { env });
const replies: ((message: unknown) => void)[] = [];
server.on('message', (message) => replies.shift()?.(message));
const reply = <T>() => new Promise<T>((resolve) => replies.push((message) => resolve(message as T)));
const started = reply<{ port: number }>();
const { port } = await started;
const ask = (question: 'stats' | 'close') => {
  const answer = reply<ServerStats>();
  server.send(question);
  return answer;
};
const base = `http://127.0.0.1:${port}`;

// Sign in over HTTP like a browser: cookie, CSRF token, form post.
const signInPage = await fetch(`${base}/sign-in`);
let cookie = (signInPage.headers.get('set-cookie') ?? '').split(';')[0]!;
const csrf = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())![1]!;
const signedIn = await fetch(`${base}/sign-in`, {
  method: 'POST',
  redirect: 'manual',
  headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    _csrf: csrf,
    email: demoEmail('kent', 'social_worker'),
    password: DEMO_PASSWORD,
  }).toString(),
});
if (signedIn.status !== 303) throw new Error(`Signing in answered ${signedIn.status}, not a redirect`);
// Every cookie the sign-in set (the session's, and the sign-in form's own cleared), as a browser keeps them.
cookie = signedIn.headers
  .getSetCookie()
  .map((c) => c.split(';')[0]!)
  .join('; ');

async function measure(url: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let errors = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const end = Date.now() + SECONDS * 1000;
  const one = () =>
    new Promise<number>((resolve) => {
      const s = process.hrtime.bigint();
      http
        .get(url, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200 ? Number(process.hrtime.bigint() - s) / 1e6 : -1));
        })
        .on('error', () => resolve(-1));
    });
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const ms = await one();
        if (ms < 0) errors += 1;
        else latencies.push(ms);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { rps: latencies.length / SECONDS, p50: q(0.5), p99: q(0.99), errors };
}

// Sequential requests, one at a time, so the counters hold only this page's statements.
const SAMPLES = 20;
async function perRequest(url: string, headers: Record<string, string>) {
  const one = async () => {
    const res = await fetch(url, { headers, redirect: 'manual' });
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    await res.arrayBuffer();
  };
  // Warmed first, so that compiling the page's code is not counted as its cost.
  for (let k = 0; k < SAMPLES; k += 1) await one();
  const before = await ask('stats');
  for (let k = 0; k < SAMPLES; k += 1) await one();
  const after = await ask('stats');
  return {
    count: (after.statements - before.statements) / SAMPLES,
    ms: (after.statementMs - before.statementMs) / SAMPLES,
  };
}

async function bareServerFor(body: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` };
}

const fmt = (x: number) => x.toFixed(1).padStart(8);
console.log(`\nConcurrency ${CONCURRENCY}, ${SECONDS} s each, on ${os.cpus().length} CPUs, database ${seeded.kind}.`);
console.log(
  `${'page'.padEnd(28)}${'stmts/req'.padStart(9)} ${'db ms/req'.padStart(9)} ${'cpu ms/req'.padStart(10)}    req/s    p50 ms    p99 ms   errors | bare req/s  bare p50  bare p99 | ratio app/bare`,
);
for (const [label, pagePath] of [
  ['child record', `/children/${seeded.childId}`],
  ['case list (all I can see)', '/cases?scope=all&sort=name&direction=asc'],
  ['case list (my cases)', '/cases'],
  ['my tasks', '/tasks'],
  ['meeting page (12 invitees)', `/meetings/${seeded.meetingId}`],
  ['child’s meetings', `/children/${seeded.childId}/meetings`],
  ['meetings list', '/meetings'],
  ['assessment page', `/assessments/${seeded.assessmentId}`],
  ['child’s assessments', `/children/${seeded.assessedChildId}/assessments`],
  ['assessment report (print)', `/assessments/${seeded.assessmentId}/print`],
] as const) {
  const sample = await fetch(`${base}${pagePath}`, { headers: { cookie }, redirect: 'manual' });
  if (sample.status !== 200) throw new Error(`${label}: ${sample.status} ${sample.headers.get('location') ?? ''}`);
  const body = await sample.text();
  const one = await perRequest(`${base}${pagePath}`, { cookie });
  // The application process's CPU time (every thread of it) per request served under the load.
  const before = await ask('stats');
  const appResult = await measure(`${base}${pagePath}`, { cookie });
  const after = await ask('stats');
  const cpuMs =
    (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000 / (appResult.rps * SECONDS);
  const bare = await bareServerFor(body);
  const bareResult = await measure(bare.url, {});
  bare.server.close();
  console.log(
    `${label.padEnd(28)}${one.count.toFixed(1).padStart(9)} ${one.ms.toFixed(2).padStart(9)} ${cpuMs.toFixed(2).padStart(10)}${fmt(appResult.rps)}  ${fmt(appResult.p50)}  ${fmt(appResult.p99)}  ${String(appResult.errors).padStart(6)} | ${fmt(bareResult.rps)}  ${fmt(bareResult.p50)}  ${fmt(bareResult.p99)} | ${(appResult.rps / bareResult.rps).toFixed(3)}`,
  );
}
// The evaluation behind screening, the API and the CLI, as a pure function (no I/O).
{
  const { evaluateCase } = await import('../src/domain/evaluation.ts');
  const { loadPacks } = await import('../src/procedures/index.ts');
  const { WorkingDayCalendar } = await import('../src/domain/working-days.ts');
  const packs = loadPacks();
  const calendar = new WorkingDayCalendar();
  const input = {
    procedure: 'islington',
    incidentDate: '2026-12-22',
    decisionDate: '2026-12-24',
    child: { dateOfBirth: '2011-03-02', sex: 'male' },
    screening: { answers: { items: ['c2-coercion', 'c1-concerning'] } },
    facts: { significant_harm: true, complex: true },
  };
  // Half a second first, so that the figure is the compiled code's, not the interpreter's.
  for (const warmUntil = Date.now() + 500; Date.now() < warmUntil;) evaluateCase(packs, input, calendar, '2026-11-22');
  let count = 0;
  const until = Date.now() + 2000;
  while (Date.now() < until) {
    evaluateCase(packs, input, calendar, '2026-11-22');
    count += 1;
  }
  console.log(
    `\nEvaluations (screening + age rules + routing with deadlines), one thread: ${(count / 2).toFixed(0)} per second. Tasks in the database: ${seeded.tasks}.`,
  );
}
const last = await ask('close');
console.log(
  `\nAudit events after the run: ${last.auditEvents}. Memory of the application process: rss ${(last.rss / 1048576).toFixed(0)} MiB.`,
);
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
