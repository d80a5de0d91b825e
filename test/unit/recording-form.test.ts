import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SECTIONS, answerInWords, submitProblems } from '../../src/domain/recording-form.ts';

describe('Sexual Behaviour Recording Form (R-NYO-11, R-X-8, R-THU-6)', () => {
  it('asks every question of north-yorkshire Appendix 1', () => {
    const names = SECTIONS.flatMap((s) => s.fields.map((f) => f.name));
    for (const required of [
      'occurred_at',
      'completed_by_name',
      'completed_by_relation',
      'behaviour',
      'context_planning',
      'context_factors',
      'relationship_details',
      'normally_associate',
      'power_imbalance',
      'others_response',
      'child_response',
      'attempt_to_address',
      'parents_response',
      'other_actions',
    ]) {
      assert.ok(names.includes(required as never), `missing ${required}`);
    }
    const factors = SECTIONS.flatMap((s) => s.fields)
      .find((f) => f.name === 'context_factors')!
      .options!.map((o) => o.value);
    assert.deepEqual(factors, ['force', 'coercion', 'manipulation', 'threat', 'social_media', 'blackmail']);
  });

  it('records whether the incident was technology-assisted (R-THU-6)', () => {
    const f = SECTIONS.flatMap((s) => s.fields).find((x) => x.name === 'technology_assisted');
    assert.equal(f?.requiredToSubmit, true);
  });

  it('lists what stops submission in form order, in GOV.UK wording', () => {
    const problems = submitProblems({ occurredAt: null, values: {}, children: [{ role: 'targeted' }] });
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'Add the child who displayed the behaviour',
        'Enter the date of the incident',
        'Select where the incident happened',
        'Select whether the incident was online or technology-assisted',
        'Enter the name of the person completing the form',
        'Select whether you saw the behaviour or were told about it',
        'Enter what the child did or said',
      ],
    );
  });

  it('accepts a complete form, and refuses an incident in the future', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const values = {
      location_type: 'school',
      technology_assisted: 'no',
      completed_by_name: 'A teacher',
      completed_by_relation: 'observed',
      behaviour: 'What happened',
    };
    assert.deepEqual(
      submitProblems({ occurredAt: new Date('2026-11-21T10:00:00Z'), values, children: [{ role: 'displayed' }] }, now),
      [],
    );
    const future = submitProblems(
      { occurredAt: new Date('2026-11-23T10:00:00Z'), values, children: [{ role: 'displayed' }] },
      now,
    );
    assert.deepEqual(
      future.map((p) => p.message),
      ['The date of the incident must be in the past'],
    );
  });
});

describe('an answer in words, as the pages and a save conflict show it', () => {
  const section = (slug: string) => SECTIONS.find((candidate) => candidate.slug === slug)!;
  it('reads the date and time of the incident in words, never as an ISO timestamp', () => {
    const text = answerInWords(section('when-and-where'), 'occurred_at', new Date('2026-12-01T15:30:00Z'));
    assert.equal(text, '1 December 2026 at 3:30pm');
  });
  it('reads options by their text, lists joined, typed text as typed, nothing as empty', () => {
    const where = section('when-and-where');
    const option = where.fields.find((field) => field.name === 'location_type')!.options![0]!;
    assert.equal(answerInWords(where, 'location_type', option.value), option.text);
    const list = SECTIONS.flatMap((s) => s.fields.map((field) => ({ s, field }))).find(
      (x) => x.field.kind === 'checkboxes',
    )!;
    const [a, b] = list.field.options!;
    assert.equal(answerInWords(list.s, list.field.name, [a!.value, b!.value]), `${a!.text}, ${b!.text}`);
    assert.equal(answerInWords(where, 'location_area', 'Northfleet'), 'Northfleet');
    assert.equal(answerInWords(where, 'location_area', null), '');
    assert.equal(answerInWords(where, 'location_type', ''), '');
  });
});
