// The words practitioners read (issue 11; R-X-10): walking every page each demo user can reach,
// in every authority, no page shows a requirement ID (R-KEN-6), a section mark, an ISO date
// (2026-12-01) or a clause of another authority's procedure; every citation links to a section
// that exists on its procedure page. Requirement IDs are for engineers: only the procedure page's
// "Requirement IDs" detail holds them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AUTHORITIES } from '../../src/cli/demo-data.ts';
import { ROLES } from '../../src/domain/roles.ts';
import { allPacks } from '../../src/procedures/index.ts';
import { type TestApp, signedIn, startTestApp } from '../helpers/app.ts';

const PER_KIND = 2;
const PER_USER = 70;

/** The text a person reads: no scripts, styles, comments, tags or the engineers' detail section. */
export function readableText(html: string): string {
  return html
    .replace(/<details class="govuk-details app-requirement-ids">[\s\S]*?<\/details>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

const kindOf = (url: string) =>
  url.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/\?.*$/, '');
const SKIP = /^\/(sign-out|session|assets|public)|\/download|\.(css|js|png|ico|svg)$/;

function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a [^>]*href="(\/[^"#]*)(#[^"]*)?"/g)) out.push(m[1]!.replace(/&amp;/g, '&'));
  return out;
}

describe('Words practitioners read (issue 11, R-X-10)', () => {
  let t: TestApp;
  const findings: string[] = [];
  const anchorsWanted = new Map<string, Set<string>>();
  let pagesSeen = 0;
  const kindsSeen = new Set<string>();

  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  for (const authority of AUTHORITIES) {
    test(`${authority.name}: no requirement ID, section mark, ISO date or other authority's clause on any page a demo user reaches`, async () => {
      const others = allPacks().filter((p) => p.id !== authority.id);
      for (const role of ROLES) {
        const c = await signedIn(t.app, authority.id, role);
        const queue = ['/'];
        const seen = new Set<string>();
        const perKind = new Map<string, number>();
        while (queue.length && seen.size < PER_USER) {
          const url = queue.shift()!;
          if (seen.has(url) || SKIP.test(url)) continue;
          const kind = kindOf(url);
          if ((perKind.get(kind) ?? 0) >= PER_KIND) continue;
          seen.add(url);
          perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
          const res = await c.get(url);
          if (res.statusCode === 302 || res.statusCode === 303) {
            const to = String(res.headers.location ?? '');
            if (to.startsWith('/')) queue.push(to);
            continue;
          }
          if (!String(res.headers['content-type'] ?? '').includes('text/html')) continue;
          pagesSeen++;
          kindsSeen.add(`${authority.id} ${kind}`);
          const text = readableText(res.body);
          const where = `${role}@${authority.id} ${url}`;
          const id = /\bR-(?:X|KEN|THU|NYO|NEL|ISL)-\d+\b/.exec(text);
          if (id) findings.push(`${where}: requirement ID ${id[0]}`);
          if (text.includes('§'))
            findings.push(
              `${where}: section mark: …${text.slice(Math.max(0, text.indexOf('§') - 40), text.indexOf('§') + 20)}…`,
            );
          const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(text);
          if (iso)
            findings.push(`${where}: ISO date ${iso[0]}: …${text.slice(Math.max(0, iso.index - 40), iso.index + 20)}…`);
          if (!url.startsWith('/procedures')) {
            for (const o of others) {
              if (text.includes(o.shortName)) findings.push(`${where}: cites the ${o.shortName}`);
              if (res.body.includes(`href="/procedures/${o.id}#`))
                findings.push(`${where}: links to a section of the ${o.shortName}`);
            }
          }
          for (const m of res.body.matchAll(/href="\/procedures\/([a-z-]+)#([a-z0-9-]+)"/g)) {
            const set = anchorsWanted.get(m[1]!) ?? new Set<string>();
            set.add(m[2]!);
            anchorsWanted.set(m[1]!, set);
          }
          for (const l of linksOf(res.body)) if (!seen.has(l)) queue.push(l);
        }
      }
      assert.deepEqual(
        findings.filter((f) => f.includes(`@${authority.id} `)),
        [],
      );
    });
  }

  test('every citation links to a section that exists on its procedure page, and the crawl reached the pages that cite', async () => {
    const c = await signedIn(t.app, 'kent', 'team_manager');
    assert.ok(pagesSeen > 200, `the crawl read ${pagesSeen} pages`);
    assert.ok(kindsSeen.size > 100, `the crawl read ${kindsSeen.size} kinds of page`);
    assert.ok(anchorsWanted.size >= 4, `citations link to ${anchorsWanted.size} procedure pages`);
    for (const [packId, anchors] of anchorsWanted) {
      const res = await c.get(`/procedures/${packId}`);
      assert.equal(res.statusCode, 200);
      for (const a of anchors) assert.ok(res.body.includes(`id="${a}"`), `/procedures/${packId} has no #${a}`);
    }
  });
});
