// Citations as practitioners read them (issue 11 defect 5, R-X-10): each pack cites only its own
// document or national guidance, a clause reads "Kent procedure, section 8" and links to its
// section, and no template or message carries a requirement ID or section mark.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ENGINEER_WORDS, citation, citationText, parseClause, sectionAnchor } from '../../src/domain/citation.ts';
import { packSchema } from '../../src/domain/pack.ts';
import { localSettings, sectionUses } from '../../src/domain/pack-text.ts';
import { PACK_INPUTS, allPacks, citeText, getPack } from '../../src/procedures/index.ts';
import { kent } from '../../src/procedures/kent.ts';

const root = path.resolve(import.meta.dirname, '../..');
const files = (dir: string, ext: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full, ext) : full.endsWith(ext) ? [full] : [];
  });

describe('Citations (R-X-10)', () => {
  test('R-X-10: a clause reads as the document and section, linked to the procedure page', () => {
    const c = citation('kent §8', getPack);
    assert.equal(c.text, 'Kent procedure, section 8');
    assert.equal(c.href, '/procedures/kent#section-8');
    assert.equal(citeText('kent §3, §8'), 'Kent procedure, sections 3 and 8');
    assert.equal(citeText('north-yorkshire §2.1'), 'North Yorkshire guidance, section 2.1');
    assert.equal(citation('north-yorkshire §2.1', getPack).href, '/procedures/north-yorkshire#section-2-1');
    assert.equal(citeText('thurrock §7; Working Together 2023'), 'Thurrock policy, section 7; Working Together 2023');
    assert.equal(citeText('north-east-lincolnshire, referral'), 'North East Lincolnshire guidance, Referral');
    assert.equal(
      citation('north-east-lincolnshire, aim pathway panel', getPack).href,
      '/procedures/north-east-lincolnshire#section-aim-pathway-panel',
    );
    assert.equal(citeText('islington, local setting'), 'a local setting: the Islington procedure does not say');
    assert.equal(citation('islington, local setting', getPack).href, '/procedures/islington#local-settings');
    assert.equal(citeText('kent, amendment note'), 'Kent procedure, amendment note');
    assert.equal(sectionAnchor('5.3'), 'section-5-3');
    assert.equal(parseClause('kent §8 / App. 2'), null);
    assert.equal(parseClause(''), null);
  });

  test('R-X-10: every pack cites only its own document’s listed sections, or national guidance', () => {
    for (const pack of allPacks()) {
      const refs = new Set(pack.sections.map((s) => s.ref));
      const visit = (v: unknown, where: string) => {
        if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${where}.${i}`));
        if (!v || typeof v !== 'object') return;
        for (const [k, x] of Object.entries(v)) {
          if ((k === 'clause' || k === 'decisionClause') && typeof x === 'string') {
            const parsed = parseClause(x);
            assert.ok(parsed, `${pack.id} ${where}: cannot read "${x}"`);
            for (const p of parsed.packParts) {
              assert.equal(p.packId, pack.id, `${pack.id} ${where} cites ${x}`);
              for (const r of p.refs) assert.ok(refs.has(r), `${pack.id} ${where}: section ${r} not listed`);
            }
          } else visit(x, `${where}.${k}`);
        }
      };
      visit(pack, pack.id);
    }
  });

  test('R-X-10: the schema refuses a clause of another authority and a requirement ID in text', () => {
    const borrowed = { ...kent, levelsCited: { clause: 'north-yorkshire §3.2', requirement: 'R-KEN-1' } };
    const r1 = packSchema.safeParse(borrowed);
    assert.equal(r1.success, false);
    assert.match(r1.error.issues.map((i) => i.message).join('\n'), /cites another authority's document/);
    const unlisted = { ...kent, levelsCited: { clause: 'kent §99', requirement: 'R-KEN-1' } };
    assert.match(
      packSchema
        .safeParse(unlisted)
        .error!.issues.map((i) => i.message)
        .join('\n'),
      /section 99/,
    );
    const idInText = { ...kent, summary: `${kent.summary} (R-KEN-1)` };
    assert.match(
      packSchema
        .safeParse(idInText)
        .error!.issues.map((i) => i.message)
        .join('\n'),
      /requirement ID or section mark/,
    );
    for (const input of PACK_INPUTS) assert.equal(packSchema.safeParse(input).success, true, input.id);
  });

  test('R-X-10: the procedure page lists each section cited with what it gives, and the local settings', () => {
    for (const pack of allPacks()) {
      const sections = sectionUses(pack);
      assert.ok(sections.length >= 3, `${pack.id}: ${sections.length} sections cited`);
      for (const s of sections)
        assert.ok(
          s.uses.length > 0 && s.uses.every((u) => /^R-/.test(u.requirement) && !ENGINEER_WORDS.test(u.what)),
          `${pack.id} ${s.ref}`,
        );
      assert.ok(localSettings(pack).some((l) => l.what === 'How working days are counted'));
    }
    assert.ok(
      localSettings(getPack('islington')!).some((l) => /different authorities/.test(l.what)),
      'Islington’s cross-authority chair is a local setting',
    );
    assert.ok(
      !localSettings(getPack('thurrock')!).some((l) => /no activity/.test(l.what)),
      'Thurrock’s procedure sets the inactivity check',
    );
  });

  test('no template or message a person reads carries a requirement ID or section mark', () => {
    const found: string[] = [];
    for (const f of files(path.join(root, 'src/web'), '.njk')) {
      const text = readFileSync(f, 'utf8').replace(/\{#[\s\S]*?#\}/g, '');
      text.split('\n').forEach((line, i) => {
        if (ENGINEER_WORDS.test(line)) found.push(`${path.relative(root, f)}:${i + 1}`);
      });
    }
    // String literals in the services, domain messages and page code: not comments, not pack data.
    const code = [
      ...files(path.join(root, 'src/services'), '.ts'),
      ...files(path.join(root, 'src/web'), '.ts'),
      ...['panel.ts', 'assessments.ts', 'actions.ts', 'screening.ts', 'meetings.ts'].map((f) =>
        path.join(root, 'src/domain', f),
      ),
    ];
    for (const f of code) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const body = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
          for (const m of body.matchAll(/(['`])((?:(?!\1).)*)\1/g)) {
            const s = m[2]!;
            if (
              /^R-[A-Z]+-\d+$/.test(s) ||
              /^[a-z-]+ §[\d.]+(, (§|App\.) ?[\d.]+)*$/.test(s) ||
              /^[a-z-]+ App\. \d$/.test(s)
            )
              continue; // an ID or clause as data
            if (ENGINEER_WORDS.test(s)) found.push(`${path.relative(root, f)}:${i + 1}: ${s.slice(0, 80)}`);
          }
        });
    }
    assert.deepEqual(found, []);
  });

  test('citations read the same in words and as a link', () => {
    for (const pack of allPacks()) {
      for (const s of sectionUses(pack)) {
        const c = citation(`${pack.id}${/^\d/.test(s.ref) ? ` §${s.ref}` : `, ${s.ref}`}`, getPack);
        assert.equal(c.href, `/procedures/${pack.id}#${s.anchor}`);
        assert.ok(citationText(c).startsWith(pack.shortName));
      }
    }
  });
});
