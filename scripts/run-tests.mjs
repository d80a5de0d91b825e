// npm test: type-check, format check and lint, then every test file with Node's test runner.
//   TEST_DATABASE_URL   also run the repository tests on PostgreSQL
//   REQUIRE_POSTGRES=1  fail (not skip) when PostgreSQL is not configured or reachable
//   CHROMIUM_PATH       the Chromium for browser tests (default: Debian's /usr/bin/chromium)
//   REQUIRE_BROWSER=1   fail (not skip) when there is no Chromium
// .ci/run sets all of these.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const fail = (message) => {
  console.error(`npm test: ${message}`);
  process.exit(1);
};

// The tests run on the Node.js LTS the project pins (ADR 0015): npm puts node_modules/.bin, which
// holds the `node` package's binary, first on the PATH of `npm test`, whatever the machine's own Node.
const wanted = 24;
console.log(`npm test: Node.js ${process.version}`);
if (Number(process.versions.node.split('.')[0]) !== wanted)
  fail(
    `the tests run on Node.js ${wanted} (this is ${process.version}): run them with npm test after npm install, which installs it`,
  );

const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', root],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) fail('type errors');

// The code is formatted by Prettier and clean by ESLint (ADR 0014): `npm run format` and `npm run lint -- --fix` repair most of it.
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const prettier = spawnSync(
  process.execPath,
  [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', '.'],
  { cwd: root, stdio: 'inherit' },
);
if (prettier.status !== 0) fail('files not formatted by Prettier (run npm run format)');
const eslint = spawnSync(process.execPath, [bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.'], {
  cwd: root,
  stdio: 'inherit',
});
if (eslint.status !== 0) fail('ESLint found problems (npm run lint)');

if (process.env.REQUIRE_POSTGRES === '1') {
  if (!process.env.TEST_DATABASE_URL) fail('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    fail(`PostgreSQL is required but unreachable at ${process.env.TEST_DATABASE_URL}: ${err.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const haveBrowser = existsSync(chromium);
if (!haveBrowser && process.env.REQUIRE_BROWSER === '1')
  fail(`REQUIRE_BROWSER=1 but there is no Chromium at ${chromium}`);

const files = [];
for (const dir of ['unit', 'db', 'web', 'browser']) {
  if (dir === 'browser' && !haveBrowser) {
    console.log(`npm test: no Chromium at ${chromium}, so the browser tests are not run (CI requires them).`);
    continue;
  }
  const full = path.join(root, 'test', dir);
  if (!existsSync(full)) continue;
  for (const f of readdirSync(full).sort()) if (f.endsWith('.test.ts')) files.push(path.join('test', dir, f));
}
if (!process.env.TEST_DATABASE_URL)
  console.log('npm test: TEST_DATABASE_URL not set, so repository tests run on PGlite only.');

const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
