// The five procedure packs: valid against the schema, every rule citing its source, and every
// requirement ID the procedure-pack issue names implemented somewhere in the code (R-X-10).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packSchema } from '../../src/domain/pack.ts';
import { SCALE } from '../../src/domain/scale.ts';
import { answerProblems, suggest } from '../../src/domain/screening.ts';
import { PACK_INPUTS, allPacks, getPack } from '../../src/procedures/index.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');
function sources(dir: string): string {
  return readdirSync(dir)
    .map((f) => path.join(dir, f))
    .map((p) => (statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? readFileSync(p, 'utf8') : ''))
    .join('\n');
}

describe('procedure packs', () => {
  it('all five validate against the pack schema', () => {
    assert.deepEqual(
      allPacks().map((p) => p.id),
      ['kent', 'thurrock', 'north-yorkshire', 'north-east-lincolnshire', 'islington'],
    );
    for (const input of PACK_INPUTS) assert.equal(packSchema.safeParse(input).success, true, input.id);
  });

  it('refuses a pack whose levels leave part of the shared scale uncovered, or that routes on an unknown level', () => {
    const kent = PACK_INPUTS[0]!;
    const broken = { ...kent, levels: kent.levels.filter((l) => l.id !== 'harmful') };
    const r = packSchema.safeParse(broken);
    assert.equal(r.success, false);
    assert.match(JSON.stringify(r.error?.issues), /scale level abusive is covered by 0/);
    const badStep = { ...kent, steps: [{ ...kent.steps[0]!, when: { level: ['amber'] } }] };
    assert.match(JSON.stringify(packSchema.safeParse(badStep).error?.issues), /unknown level amber/);
  });

  it('every level maps onto the shared scale and every point of the scale reads in every pack', () => {
    for (const p of allPacks())
      for (const s of SCALE) assert.equal(p.levels.filter((l) => l.covers.includes(s)).length, 1, `${p.id} ${s}`);
  });

  it('Brook needs training in north-east-lincolnshire but not in north-yorkshire (R-NEL-4)', () => {
    assert.equal(
      getPack('north-east-lincolnshire')!.tools.find((t) => t.id === 'brook')?.requiresTraining,
      'brook_traffic_light',
    );
    assert.equal(getPack('north-yorkshire')!.tools.find((t) => t.id === 'brook')?.requiresTraining, undefined);
  });

  it('has every Carson dimension, the Brook characteristics and the seven concerning signs (R-KEN-1, R-NYO-1, R-NEL-3)', () => {
    const carson = getPack('kent')!.tools[0]!;
    assert.equal(carson.kind === 'matrix' && carson.dimensions.length, 8);
    const brook = getPack('north-yorkshire')!.tools[0]!;
    assert.deepEqual(brook.kind === 'checklist' && brook.groups.map((g) => g.items.length), [6, 8, 9]);
    const nel = getPack('north-east-lincolnshire')!.tools[0]!;
    assert.equal(nel.kind === 'checklist' && nel.groups[0]!.items.length, 7);
    assert.equal(nel.ageBands.length, 4);
    const chaffin = getPack('thurrock')!.tools[0]!;
    assert.equal(chaffin.kind === 'checklist' && chaffin.groups.find((g) => g.id === 'chaffin')!.items.length, 6);
  });

  it('flags Islington’s review date (October 2017) as passed', () => {
    assert.ok(getPack('islington')!.reviewDate < '2026-11-22');
  });

  it('every requirement ID the issue names is cited in the code', () => {
    const code = sources(SRC);
    const ids = [
      'R-KEN-1',
      'R-KEN-2',
      'R-KEN-3',
      'R-KEN-4',
      'R-KEN-5',
      'R-KEN-11',
      'R-NYO-1',
      'R-NYO-2',
      'R-NYO-3',
      'R-NYO-4',
      'R-NYO-5',
      'R-NYO-8',
      'R-THU-2',
      'R-THU-3',
      'R-THU-5',
      'R-THU-7',
      'R-THU-8',
      'R-NEL-2',
      'R-NEL-3',
      'R-NEL-4',
      'R-NEL-5',
      'R-NEL-6',
      'R-NEL-7',
      'R-NEL-8',
      'R-NEL-9',
      'R-NEL-10',
      'R-ISL-1',
      'R-ISL-2',
      'R-ISL-3',
      'R-ISL-4',
      'R-ISL-5',
      'R-ISL-6',
      'R-ISL-7',
      'R-ISL-8',
      'R-X-2',
      'R-X-3',
      'R-X-9',
      'R-X-10',
    ];
    const missing = ids.filter((id) => !new RegExp(`${id}(?!\\d)`).test(code));
    assert.deepEqual(missing, []);
  });

  it('every requirement ID the multi-agency steps issue names is cited in a pack as data, or in the domain rules', () => {
    // Referrals, meetings and outcomes: kent §7-12, north-yorkshire §3.2 and §7, islington §5-6, north-east-lincolnshire.
    const cited = JSON.stringify(allPacks());
    const inPacks = [
      'R-NYO-8',
      'R-KEN-2',
      'R-NEL-6',
      'R-KEN-5',
      'R-KEN-6',
      'R-KEN-7',
      'R-KEN-8',
      'R-KEN-10',
      'R-ISL-3',
      'R-ISL-4',
      'R-ISL-5',
      'R-ISL-7',
      'R-NEL-7',
    ];
    assert.deepEqual(
      inPacks.filter((id) => !cited.includes(`"${id}"`)),
      [],
    );
    const rules = ['meetings.ts', 'meeting-outcomes.ts', 'external-decisions.ts']
      .map((f) => readFileSync(path.join(SRC, 'domain', f), 'utf8'))
      .join('\n');
    assert.deepEqual(
      ['R-KEN-6', 'R-KEN-7', 'R-KEN-8', 'R-KEN-9', 'R-ISL-5', 'R-ISL-7', 'R-NEL-7'].filter((id) => !rules.includes(id)),
      [],
    );
  });
});

describe('screening (R-X-9)', () => {
  const kent = getPack('kent')!;
  const carson = kent.tools[0]!;
  it('reports every unanswered dimension at once, in GOV.UK wording', () => {
    const problems = answerProblems(carson, { ratings: { type: 'harmful' } });
    assert.equal(problems.length, 7);
    assert.deepEqual(problems[0], { field: 'rating-context', message: 'Select a rating for context of the behaviour' });
  });
  it('explains the suggestion with the answers that decided it', () => {
    const ratings = Object.fromEntries(
      (carson.kind === 'matrix' ? carson.dimensions : []).map((d) => [d.id, 'healthy']),
    );
    const s = suggest(kent, carson, { ratings: { ...ratings, power: 'harmful', frequency: 'problematic' } });
    assert.equal(s.level.id, 'harmful');
    assert.equal(s.toolBand, 'Harmful');
    assert.deepEqual(
      s.reasons.filter((r) => r.decisive).map((r) => r.answer.split(':')[0]),
      ['Power dynamics'],
    );
    assert.equal(s.reasons[1]?.points, 'problematic');
    assert.equal(s.reasons[0]?.requirement, 'R-KEN-1');
  });
  it('asks for something ticked or “none”, never both', () => {
    const isl = getPack('islington')!;
    const tool = isl.tools[0]!;
    assert.match(answerProblems(tool, {})[0]!.message, /or select ‘None of the category descriptors apply’/);
    assert.match(answerProblems(tool, { items: ['c1-unusual'], none: true })[0]!.message, /not both/);
    assert.equal(suggest(isl, tool, { none: true }).level.id, 'no-category');
  });
});
