// Several application processes behind a load balancer on one PostgreSQL database (issue 13), the
// way councils' platforms run it: two `npm start` processes begin at the same moment on an empty
// database (one migrates and loads the demo data, the other waits and finds it done), a person
// signs in on one and carries on on the other, both write to the audit log at once, and afterwards
// the chain and each process's signed checkpoints verify.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { DEMO_PASSWORD, demoEmail } from '../../src/cli/demo-data.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection.ts';
import { auditKey } from '../../src/domain/audit-chain.ts';
import { checkpointFile, verifyAudit } from '../../src/services/audit-integrity.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const url = process.env.TEST_DATABASE_URL;
const KEY_TEXT = 'two-process-test-audit-key-not-for-real-use-01';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  auditDir: string;
  output: string[];
}

function start(databaseUrl: string, port: number, dir: string, sessionSecret: string): Running {
  const auditDir = path.join(dir, `audit-${port}`);
  const output: string[] = [];
  const child = spawn(process.execPath, [path.join(ROOT, 'src', 'cli', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_OWNER_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      SESSION_SECRET: sessionSecret,
      AUDIT_KEY: KEY_TEXT,
      AUDIT_DIR: auditDir,
      AUDIT_CHECKPOINT_SECONDS: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      SIGN_IN_LIMIT_PER_ADDRESS: '100000',
      SIGN_IN_LIMIT_PER_ACCOUNT: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, base: `http://127.0.0.1:${port}`, auditDir, output };
}

async function running(p: Running, seconds = 120): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (p.output.join('').includes('HSB Pathway is running at')) return;
    if (p.child.exitCode !== null) throw new Error(`The process stopped (${p.child.exitCode}):\n${p.output.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The process did not start within ${seconds} s:\n${p.output.join('')}`);
}

async function stop(p: Running): Promise<void> {
  if (p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (p.child.exitCode === null) p.child.kill('SIGKILL');
}

/** A browser's cookie jar across both processes, as a load balancer's client would have. */
class Browser {
  cookies = new Map<string, string>();
  html = '';

  async request(base: string, pathname: string, form?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    let body: string | null = null;
    if (form) {
      const token = /name="_csrf" value="([^"]+)"/.exec(this.html)?.[1];
      assert.ok(token, 'a CSRF token on the last page seen');
      body = new URLSearchParams({ _csrf: token, ...form }).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(base + pathname, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.html = await res.clone().text();
    return res;
  }
}

describe('two application processes on one PostgreSQL database', { skip: !url && 'needs TEST_DATABASE_URL' }, () => {
  const database = `hsb_two_${randomBytes(5).toString('hex')}`;
  let dir = '';
  let databaseUrl = '';
  let a: Running;
  let b: Running;
  let admin: pg.Client;

  before(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${database}`);
    const u = new URL(url!);
    u.pathname = `/${database}`;
    databaseUrl = u.toString();
    await (async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query('create extension if not exists pg_trgm');
      await c.end();
    })();
    dir = mkdtempSync(path.join(os.tmpdir(), 'hsb-two-'));
    const secret = randomBytes(32).toString('hex');
    const [portA, portB] = [await freePort(), await freePort()];
    // Both at once on the empty database: the start lock lets one migrate and seed.
    a = start(databaseUrl, portA, dir, secret);
    b = start(databaseUrl, portB, dir, secret);
    await Promise.all([running(a), running(b)]);
  });

  after(async () => {
    await Promise.all([a && stop(a), b && stop(b)]);
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => {});
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('both start at once on an empty database; the demo data is loaded once', async () => {
    const handle = await openDatabase({ databaseUrl });
    try {
      const authorities = await handle.db.selectFrom('authorities').select('id').execute();
      assert.equal(authorities.length, 5);
      const seeds = await handle.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'demo.seed')
        .execute();
      assert.equal(seeds.length, 5, 'one demo.seed event per authority');
    } finally {
      await handle.close();
    }
    const loaded = [a, b].filter((p) => p.output.join('').includes('Loading demo data')).length;
    assert.equal(loaded, 1, 'exactly one of the two processes loaded the demo data');
  });

  it('someone signs in on one process and carries on on the other, and signs out of both', async () => {
    const browser = new Browser();
    await browser.request(a.base, '/sign-in');
    const signIn = await browser.request(a.base, '/sign-in', {
      email: demoEmail('kent', 'dsl'),
      password: DEMO_PASSWORD,
    });
    assert.equal(signIn.status, 303);

    // The other process knows the session: the home page names the person.
    const start = await browser.request(b.base, '/');
    assert.equal(start.status, 303);
    const homePage = start.headers.get('location')!;
    assert.doesNotMatch(homePage, /sign-in/);
    const home = await browser.request(b.base, homePage);
    assert.equal(home.status, 200);
    assert.match(browser.html, /Kent DSL/);

    // A recording form started on B (with the token B's page gave) is open on A.
    await browser.request(b.base, '/incidents');
    const created = await browser.request(b.base, '/incidents', {});
    assert.equal(created.status, 303, `starting a recording form: ${created.status}`);
    const draft = created.headers.get('location')!;
    assert.match(draft, /^\/incidents\/[0-9a-f-]{36}/);
    const onA = await browser.request(a.base, draft);
    assert.equal(onA.status, 200);

    // Views on both at once: each writes an audit event in the same chain.
    const cases = await browser.request(a.base, '/cases?scope=all');
    assert.equal(cases.status, 200);
    const children = [...new Set([...browser.html.matchAll(/href="(\/children\/[0-9a-f-]{36})"/g)].map((m) => m[1]!))];
    assert.ok(children.length > 0, 'the case list links a child record');
    const views = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        fetch((i % 2 ? a.base : b.base) + children[i % children.length]!, {
          headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
          redirect: 'manual',
        }),
      ),
    );
    assert.deepEqual(
      views.map((r) => r.status),
      views.map(() => 200),
    );

    // Signing out on A ends the session on B too.
    await browser.request(a.base, homePage);
    const out = await browser.request(a.base, '/sign-out', {});
    assert.equal(out.status, 303);
    const after = await browser.request(b.base, '/');
    assert.equal(after.status, 303);
    assert.match(after.headers.get('location') ?? '', /\/sign-in/);
  });

  it('the audit chain written by both verifies, with each process’s own checkpoints', async () => {
    // Each process writes a checkpoint every second: wait for one after the journey's events.
    await new Promise((r) => setTimeout(r, 2500));
    const handle: DatabaseHandle = await openDatabase({ databaseUrl });
    try {
      const key = auditKey(KEY_TEXT);
      for (const p of [a, b]) {
        const result = await verifyAudit(handle.db, [key], checkpointFile(p.auditDir), { requireCheckpoint: true });
        assert.deepEqual(result.problems, []);
      }
      const views = await handle.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'child.view')
        .execute();
      assert.ok(views.length >= 24, `24 record views audited (found ${views.length})`);
    } finally {
      await handle.close();
    }
  });
});
