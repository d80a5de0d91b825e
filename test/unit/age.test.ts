import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addMonths, ageOn, parseIsoDate } from '../../src/domain/age.ts';

describe('ageOn (R-X-2: ages computed from date of birth on the incident date)', () => {
  it('counts completed years', () => {
    assert.equal(ageOn('2014-03-27', '2026-03-26'), 11);
    assert.equal(ageOn('2014-03-27', '2026-03-27'), 12);
    assert.equal(ageOn('2014-03-27', '2026-12-31'), 12);
  });

  it('treats a 29 February birthday as passed on 1 March in a common year', () => {
    assert.equal(ageOn('2012-02-29', '2022-02-28'), 9);
    assert.equal(ageOn('2012-02-29', '2022-03-01'), 10);
    assert.equal(ageOn('2012-02-29', '2024-02-29'), 12);
  });

  it('rejects impossible dates', () => {
    assert.equal(parseIsoDate('2026-02-30'), null);
    assert.equal(parseIsoDate('2026-13-01'), null);
    assert.throws(() => ageOn('2026-02-30', '2026-03-01'), RangeError);
  });

  it('goes up by exactly one on each birthday (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 25 }),
        (y, m, d, years) => {
          const dob = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const birthday = `${y + years}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const before = new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
          assert.equal(ageOn(dob, birthday), years);
          assert.equal(ageOn(dob, before), years - 1);
        },
      ),
    );
  });
});

describe('parseIsoDate and addMonths read dates as the calendar does', () => {
  it('accepts exactly the days of the calendar from year 100 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        const date = new Date(ms);
        const text = date.toISOString().slice(0, 10);
        assert.deepEqual(parseIsoDate(text), {
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
      }),
    );
  });

  it('refuses what is not a YYYY-MM-DD day', () => {
    for (const text of [
      '2025-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-1-01',
      '2026/01/01',
      ' 2026-01-01',
      '2026-01-01T00:00',
      '0099-01-01',
      '２０２６-01-01',
      '',
    ])
      assert.equal(parseIsoDate(text), null, text);
    assert.deepEqual(parseIsoDate('2000-02-29'), { year: 2000, month: 2, day: 29 });
  });

  it('adds months forwards and backwards, keeping to the shorter month’s last day', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
    assert.equal(addMonths('2026-01-15', -13), '2024-12-15');
  });
});
