import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isDayMonthSwap, matchReason } from '../../src/domain/child-match.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../src/domain/identifiers.ts';
import { formatDate, formatDateTime, fromLondonLocal, londonParts } from '../../src/domain/london-time.ts';
import { parsePageRequest } from '../../src/domain/paging.ts';
import { parseDateParts } from '../../src/web/forms.ts';

describe('possible duplicate children', () => {
  it('matches a similar name with the same or a near date of birth', () => {
    assert.equal(
      matchReason('2014-03-04', { dateOfBirth: '2014-03-04', nameSimilarity: 0.6 }),
      'Similar name and the same date of birth',
    );
    assert.equal(
      matchReason('2014-03-04', { dateOfBirth: '2014-03-20', nameSimilarity: 0.6 }),
      'Similar name and a date of birth close to the one entered',
    );
    assert.equal(
      matchReason('2014-03-04', { dateOfBirth: '2014-04-03', nameSimilarity: 0.6 }),
      'Similar name and a date of birth close to the one entered',
    );
    assert.equal(matchReason('2014-03-04', { dateOfBirth: '2016-03-04', nameSimilarity: 0.9 }), null);
    assert.equal(matchReason('2014-03-04', { dateOfBirth: '2014-03-04', nameSimilarity: 0.1 }), null);
  });

  it('spots day and month typed the wrong way round', () => {
    assert.equal(isDayMonthSwap('2014-03-04', '2014-04-03'), true);
    assert.equal(isDayMonthSwap('2014-03-03', '2014-03-03'), false);
    assert.equal(isDayMonthSwap('2014-03-04', '2015-04-03'), false);
  });
});

describe('NHS number', () => {
  it('checks the modulus 11 check digit', () => {
    assert.equal(isValidNhsNumber('943 476 5919'), true);
    assert.equal(isValidNhsNumber('9434765918'), false);
    assert.equal(isValidNhsNumber('943476591'), false);
    assert.equal(normaliseNhsNumber('9434765919'), '943 476 5919');
  });
});

describe('London time', () => {
  it('reads wall-clock times in GMT and in British Summer Time', () => {
    assert.equal(fromLondonLocal(2026, 1, 15, 9, 30).toISOString(), '2026-01-15T09:30:00.000Z');
    assert.equal(fromLondonLocal(2026, 7, 15, 9, 30).toISOString(), '2026-07-15T08:30:00.000Z');
    assert.equal(formatDateTime(new Date('2026-07-15T13:05:00Z')), '15 July 2026 at 2:05pm');
    assert.equal(formatDate('2014-03-04'), '4 March 2014');
  });

  it('round-trips every whole minute outside the clock change hour (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 3, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (y, m, d, h, min) => {
          const p = londonParts(fromLondonLocal(y, m, d, h, min));
          assert.deepEqual(p, { year: y, month: m, day: d, hour: h, minute: min });
        },
      ),
    );
  });
});

describe('dates typed in three boxes, with GOV.UK error messages', () => {
  const msg = (day: string, month: string, year: string) => {
    const r = parseDateParts({ day, month, year }, 'Date of birth', 'Enter the child’s date of birth', {
      past: true,
      today: '2026-11-22',
    });
    return 'error' in r ? r.error : r.iso;
  };
  it('explains each problem', () => {
    assert.equal(msg('', '', ''), 'Enter the child’s date of birth');
    assert.equal(msg('4', '', '2014'), 'Date of birth must include a month');
    assert.equal(msg('', '', '2014'), 'Date of birth must include a day and month');
    assert.equal(msg('31', '2', '2014'), 'Date of birth must be a real date');
    assert.equal(msg('1', '1', '2027'), 'Date of birth must be today or in the past');
    assert.equal(msg('4', '3', '2014'), '2014-03-04');
  });
});

describe('paging', () => {
  it('falls back to safe values for anything unexpected', () => {
    const p = parsePageRequest({ page: '-3', sort: 'drop table', direction: 'sideways' }, ['name', 'dob'] as const, {
      sort: 'name',
      direction: 'asc',
    });
    assert.deepEqual(p, { page: 1, pageSize: 20, sort: 'name', direction: 'asc' });
  });
});
