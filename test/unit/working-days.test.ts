// Working days in England and Wales (R-X-3): checked against the published bank holidays for
// 2024-2028, including substitute days, plus property tests of the arithmetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WorkingDayCalendar, addCalendarDays, isWeekend, standardBankHolidays } from '../../src/domain/working-days.ts';

// The bank holidays in England and Wales as published for these years (weekdays on which they
// are taken, substitute days included).
const PUBLISHED: Record<number, string[]> = {
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
  2028: [
    '2028-01-03',
    '2028-04-14',
    '2028-04-17',
    '2028-05-01',
    '2028-05-29',
    '2028-08-28',
    '2028-12-25',
    '2028-12-26',
  ],
};

const cal = new WorkingDayCalendar();
const dateArb = fc
  .integer({ min: Date.UTC(2024, 0, 1) / 86_400_000, max: Date.UTC(2028, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('England and Wales bank holidays', () => {
  for (const [year, dates] of Object.entries(PUBLISHED)) {
    it(`match the published list for ${year}`, () => {
      assert.deepEqual(
        standardBankHolidays(Number(year)).map((h) => h.date),
        dates,
      );
    });
  }
  it('include substitute days when Christmas and Boxing Day fall at a weekend', () => {
    assert.equal(cal.isWorkingDay('2027-12-27'), false);
    assert.equal(cal.isWorkingDay('2027-12-28'), false);
    assert.equal(cal.isWorkingDay('2026-12-28'), false);
  });
  it('include one-off holidays an administrator adds', () => {
    const withOneOff = new WorkingDayCalendar([{ date: '2027-06-07', name: 'State occasion' }]);
    assert.equal(withOneOff.isWorkingDay('2027-06-07'), false);
    assert.equal(withOneOff.addWorkingDays('2027-06-04', 1), '2027-06-08');
    assert.equal(cal.addWorkingDays('2027-06-04', 1), '2027-06-07');
    assert.deepEqual(
      withOneOff.holidays(2027).find((h) => h.date === '2027-06-07'),
      { date: '2027-06-07', name: 'State occasion', source: 'one-off' },
    );
  });
});

describe('working-day arithmetic (R-X-3)', () => {
  it('counts from the decision date: 3 working days from Thursday 24 December 2026 is Thursday 31 December', () => {
    assert.equal(cal.addWorkingDays('2026-12-24', 1), '2026-12-29');
    assert.equal(cal.addWorkingDays('2026-12-24', 3), '2026-12-31');
    assert.equal(cal.addWorkingDays('2026-12-24', 5), '2027-01-05');
    assert.equal(cal.addWorkingDays('2026-12-24', 0), '2026-12-24');
    assert.equal(cal.addWorkingDays('2026-04-02', 1), '2026-04-07');
  });
  it('refuses negative or fractional days', () => {
    assert.throws(() => cal.addWorkingDays('2026-01-05', -1), RangeError);
    assert.throws(() => cal.addWorkingDays('2026-01-05', 1.5), RangeError);
  });
  it('always lands on a working day when n > 0', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), (d, n) => cal.isWorkingDay(cal.addWorkingDays(d, n))),
    );
  });
  it('has exactly n working days between the start and the deadline', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 40 }),
        (d, n) => cal.workingDaysBetween(d, cal.addWorkingDays(d, n)) === n,
      ),
    );
  });
  it('is monotonic: more working days never gives an earlier date', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (d, a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        return cal.addWorkingDays(d, x) <= cal.addWorkingDays(d, y);
      }),
    );
  });
  it('adds in steps: n + m working days equals n then m', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (d, n, m) => cal.addWorkingDays(d, n + m) === cal.addWorkingDays(cal.addWorkingDays(d, n), m),
      ),
    );
  });
  it('subtracting undoes adding from a working day', () => {
    fc.assert(
      fc.property(
        dateArb.filter((d) => cal.isWorkingDay(d)),
        fc.integer({ min: 0, max: 30 }),
        (d, n) => cal.subtractWorkingDays(cal.addWorkingDays(d, n), n) === d,
      ),
    );
  });
  it('never counts a weekend', () => {
    fc.assert(fc.property(dateArb, (d) => !isWeekend(d) || !cal.isWorkingDay(d)));
    assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
  });
});
