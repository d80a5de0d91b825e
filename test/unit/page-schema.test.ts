import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../../src/services/context.ts';
import { errorView } from '../../src/web/forms.ts';
import { field, manyValues, pageSchema, singleValue } from '../../src/web/page-schema.ts';

describe('page schemas: what @fastify/formbody sends', () => {
  it('reads a field once (its last value) and a checkbox group as its distinct values', () => {
    assert.equal(singleValue('a'), 'a');
    assert.equal(singleValue(['a', 'b']), 'b');
    assert.equal(singleValue(undefined), '');
    assert.equal(singleValue(3), '');
    assert.deepEqual(manyValues(['a', '', 'b', 'a']), ['a', 'b']);
    assert.deepEqual(manyValues('a'), ['a']);
    assert.deepEqual(manyValues(''), []);
    assert.deepEqual(manyValues(undefined), []);
  });

  it('types text, choices, checkbox groups, the version, dates and prefixed fields', () => {
    const form = pageSchema(
      {
        version: field.version(),
        note: field.text(),
        outcome: field.choice(['accept', 'decline']),
        invite: field.list(),
        concern: field.listOf(['sexual', 'physical']),
        heldOn: field.dateParts(),
        attended: field.prefixed(),
      },
      { dates: ['heldOn'], prefixes: { attended: 'attended-' } },
    );
    const parsed = form.parse({
      _csrf: 'token',
      version: '3',
      note: ['first', ' last '],
      outcome: 'maybe',
      invite: ['police', 'health', 'police'],
      concern: ['sexual', 'other'],
      'heldOn-day': ' 1 ',
      'heldOn-month': '12',
      'attended-a1': 'yes',
      'attended-b2': ['no', 'yes'],
      'attended-': 'no id',
    });
    assert.deepEqual(parsed, {
      ok: true,
      data: {
        version: 3,
        note: ' last ',
        outcome: '',
        invite: ['police', 'health'],
        concern: ['sexual'],
        heldOn: { day: '1', month: '12', year: '' },
        attended: { a1: 'yes', b2: 'yes', '': 'no id' },
      },
    });
  });

  it('treats no body at all as nothing given', () => {
    const form = pageSchema({ version: field.version(), note: field.text(), invite: field.list() });
    const parsed = form.parse(undefined);
    assert.equal(parsed.ok, true);
    if (parsed.ok) {
      assert.equal(parsed.data.version, 0);
      assert.equal(parsed.data.note, '');
      assert.deepEqual(parsed.data.invite, []);
    }
  });
});

describe('page schemas: every error at once, in GOV.UK wording, nothing typed lost', () => {
  const form = pageSchema(
    {
      rationale: field.required('Enter a rationale'),
      outcome: field.oneOf(['accept', 'decline'], 'Select an outcome'),
      stage: field.wholeNumber('Select the stage'),
      heldOn: field.date('The date the meeting was held', 'Enter the date the meeting was held'),
      invite: field.list(),
    },
    { dates: ['heldOn'] },
  );

  it('gives the typed data when the shape is right', () => {
    const parsed = form.parse({
      rationale: 'Because',
      outcome: 'accept',
      stage: ' 2 ',
      'heldOn-day': '3',
      'heldOn-month': '2',
      'heldOn-year': '2026',
    });
    assert.deepEqual(parsed, {
      ok: true,
      data: { rationale: 'Because', outcome: 'accept', stage: 2, heldOn: '2026-02-03', invite: [] },
    });
  });

  it('reports each field once, next to it, a date linking to its day box, and keeps what was typed', () => {
    const parsed = form.parse({
      rationale: '   ',
      outcome: 'maybe',
      stage: 'two',
      'heldOn-day': '31',
      'heldOn-month': '2',
      'heldOn-year': '2026',
      invite: 'police',
    });
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(parsed.errors, [
      { field: 'rationale', message: 'Enter a rationale' },
      { field: 'outcome', message: 'Select an outcome' },
      { field: 'stage', message: 'Select the stage' },
      { field: 'heldOn', message: 'The date the meeting was held must be a real date', href: '#heldOn-day' },
    ]);
    assert.deepEqual(parsed.values, {
      rationale: '   ',
      outcome: 'maybe',
      stage: 'two',
      heldOn: { day: '31', month: '2', year: '2026' },
      invite: ['police'],
    });
    assert.deepEqual(errorView(parsed.errors).summary.at(-1), {
      text: 'The date the meeting was held must be a real date',
      href: '#heldOn-day',
    });
  });

  it("uses GOV.UK's messages for a date not given or given in part", () => {
    const missing = form.parse({ rationale: 'x', outcome: 'accept', stage: '1' });
    assert.ok(!missing.ok && missing.errors[0]?.message === 'Enter the date the meeting was held');
    const partial = form.parse({ rationale: 'x', outcome: 'accept', stage: '1', 'heldOn-day': '1' });
    assert.ok(
      !partial.ok && partial.errors[0]?.message === 'The date the meeting was held must include a month and year',
    );
  });

  it('reads the data, or throws the ValidationError submitForm shows, with every error', () => {
    assert.deepEqual(
      form.read({
        rationale: 'x',
        outcome: 'decline',
        stage: '4',
        'heldOn-day': '1',
        'heldOn-month': '1',
        'heldOn-year': '2027',
      }),
      {
        rationale: 'x',
        outcome: 'decline',
        stage: 4,
        heldOn: '2027-01-01',
        invite: [],
      },
    );
    assert.throws(
      () => form.read({ outcome: 'accept', stage: '1', 'heldOn-day': '1', 'heldOn-month': '1', 'heldOn-year': '2027' }),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.errors.length === 1 &&
        error.errors[0]?.field === 'rationale' &&
        error.errors[0].message === 'Enter a rationale',
    );
  });

  it("links a service's errors about a date to its day box, and leaves the others alone", () => {
    assert.deepEqual(
      form.hrefs([
        { field: 'heldOn', message: 'The date the meeting was held must be on or after 1 December 2026' },
        { field: 'rationale', message: 'Enter a rationale' },
        { field: 'heldOn', message: 'Given', href: '#elsewhere' },
      ]),
      [
        {
          field: 'heldOn',
          message: 'The date the meeting was held must be on or after 1 December 2026',
          href: '#heldOn-day',
        },
        { field: 'rationale', message: 'Enter a rationale' },
        { field: 'heldOn', message: 'Given', href: '#elsewhere' },
      ],
    );
  });
});
