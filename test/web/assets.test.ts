// Page weight (issue 13, ADR 0016): pages link the built stylesheet and scripts under fingerprinted
// names, which are kept by the browser for good and sent compressed; pages are sent compressed to a
// browser that asks; the stylesheet holds the components the pages use and little else.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildAssets } from '../../scripts/build-assets.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';

const require = createRequire(import.meta.url);
let t: TestApp;
let worker: Client;
let record: string;

before(async () => {
  t = await startTestApp();
  worker = await signedIn(t.app, 'kent', 'social-worker');
  const cases = await worker.get(paths.cases());
  const href = /href="(\/children\/[0-9a-f-]{36})"/.exec(cases.body)?.[1];
  assert.ok(href, 'the case list links a child’s record');
  record = href;
});

after(() => t?.close());

const linked = (html: string, pattern: RegExp): string => {
  const url = pattern.exec(html)?.[1];
  assert.ok(url, `the page links ${pattern}`);
  return url;
};
const stylesheetOf = (html: string) => linked(html, /<link rel="stylesheet" href="(\/public\/[^"]+)">/);
const scriptOf = (html: string) => linked(html, /<script type="module" src="(\/public\/[^"]+)"><\/script>/);

describe('built assets', () => {
  it('a record page links the stylesheet and script by fingerprinted names, and the script imports GOV.UK Frontend by one', async () => {
    const page = await worker.get(record);
    assert.equal(page.statusCode, 200);
    assert.match(stylesheetOf(page.body), /^\/public\/app\.[0-9a-f]{12}\.css$/);
    assert.match(scriptOf(page.body), /^\/public\/app\.[0-9a-f]{12}\.js$/);
    const script = await t.app.inject({ url: scriptOf(page.body) });
    assert.equal(script.statusCode, 200);
    const govuk = /from '(\/public\/govuk-frontend\.[0-9a-f]{12}\.min\.js)'/.exec(script.body)?.[1];
    assert.ok(govuk, 'app.js imports GOV.UK Frontend by its fingerprinted name');
    assert.equal((await t.app.inject({ url: govuk })).statusCode, 200);
    // The old unversioned names are gone.
    for (const old of ['/public/app.css', '/public/app.js', '/public/govuk-frontend.min.js'])
      assert.equal((await t.app.inject({ url: old })).statusCode, 404, old);
  });

  it('an asset is cached for a year as immutable, and sent in brotli or gzip to a browser that accepts it', async () => {
    const url = stylesheetOf((await worker.get(record)).body);
    const plain = await t.app.inject({ url });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(plain.headers['content-type']), /^text\/css/);
    assert.equal(plain.headers['content-encoding'], undefined);

    const br = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(br.headers['vary']), /accept-encoding/i);
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 5, `brotli ${br.rawPayload.length} bytes`);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);

    const gzip = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.rawPayload).toString(), plain.body);
  });

  it('a page is sent compressed when the browser asks, and still not kept', async () => {
    const plain = await worker.get(record);
    assert.equal(plain.headers['content-encoding'], undefined);
    const cookie = [...worker.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const br = await t.app.inject({ url: record, headers: { cookie, 'accept-encoding': 'br, gzip' } });
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['cache-control'], 'no-store');
    const html = brotliDecompressSync(br.rawPayload).toString();
    assert.match(html, /<h1 class="govuk-heading-l">/);
    assert.ok(br.rawPayload.length < html.length / 3, `${br.rawPayload.length} of ${html.length} bytes`);
    const gzip = await t.app.inject({ url: record, headers: { cookie, 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(gzip.rawPayload).toString(), /<h1 class="govuk-heading-l">/);
  });

  it('the stylesheet is under 130 KB and has every GOV.UK and MoJ style the templates use', async () => {
    const css = (await t.app.inject({ url: stylesheetOf((await worker.get(record)).body) })).body;
    assert.ok(css.length < 130 * 1024, `${css.length} bytes`);
    // Every class written in a template or a page's code, with its elements and modifiers, that the
    // whole of GOV.UK Frontend or MoJ Frontend styles (a few, such as govuk-tag--blue, are styled by
    // neither: the blue tag is the default).
    const sources = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(njk|ts)$/.test(file))
        .map((file) => readFileSync(path.join(dir, file), 'utf8'));
    const web = path.resolve(import.meta.dirname, '..', '..', 'src', 'web');
    const used = new Set<string>();
    for (const text of [...sources(path.join(web, 'views')), ...sources(path.join(web, 'pages'))])
      for (const [name] of text.matchAll(
        /(?<![\w/-])(?:govuk|moj)-(?:!-)?[a-z0-9]+(?:-[a-z0-9]+)*(?:__[a-z0-9-]+)?(?:--[a-z0-9-]+)?(?![\w/-])/g,
      ))
        used.add(name);
    assert.ok(used.has('govuk-summary-list') && used.has('moj-sub-navigation') && used.has('moj-timeline'));
    const selector = (name: string) => new RegExp(`\\.${name.replace('!', '\\\\!')}(?![\\w-])`);
    const frameworks = [
      'govuk-frontend/dist/govuk/govuk-frontend.min.css',
      '@ministryofjustice/frontend/moj/moj-frontend.min.css',
    ]
      .map((file) => readFileSync(require.resolve(file), 'utf8'))
      .join('\n');
    const styled = [...used].filter((name) => selector(name).test(frameworks));
    assert.ok(styled.length > 100, `${styled.length} classes`);
    assert.deepEqual(
      styled.filter((name) => !selector(name).test(css)),
      [],
    );
    // The typeface is the council's, not GOV.UK's (ADR 0002).
    assert.doesNotMatch(css, /GDS Transport/);
  });

  it('the manifest of built files is not served', async () => {
    for (const url of ['/public/manifest.json', '/public/../manifest.json', '/build/manifest.json', '/manifest.json'])
      assert.equal((await t.app.inject({ url })).statusCode, 404, url);
  });

  it('a build whose inputs have not changed writes nothing', async () => {
    const manifest = path.resolve(import.meta.dirname, '..', '..', 'build', 'manifest.json');
    const before = statSync(manifest).mtimeMs;
    const built = await buildAssets();
    assert.equal(statSync(manifest).mtimeMs, before);
    assert.deepEqual(built, JSON.parse(readFileSync(manifest, 'utf8')));
  });
});
