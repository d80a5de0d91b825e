import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holidayProblems, inactivityProblems, tokenProblems } from '../../src/domain/settings-rules.ts';

describe('a one-off bank holiday (R-X-3)', () => {
  it('takes a named weekday the calendar does not keep', () => {
    assert.deepEqual(holidayProblems({ date: '2026-06-03', name: ' Coronation ' }, { bankHoliday: null }), []);
  });

  it('gives the name’s and the date’s problems at once, name first', () => {
    assert.deepEqual(holidayProblems({ date: '2026-06-06', name: '  ' }, { bankHoliday: null }), [
      { field: 'name', message: 'Enter the name of the holiday' },
      { field: 'date', message: 'Date of the holiday must be a weekday' },
    ]);
    assert.deepEqual(holidayProblems({ date: '2026-12-25', name: 'x'.repeat(101) }, { bankHoliday: 'Christmas Day' }), [
      { field: 'name', message: 'Name must be 100 characters or fewer' },
      { field: 'date', message: 'Date of the holiday is already a bank holiday (Christmas Day)' },
    ]);
  });

  it('says nothing of a date that is not a real one (the form’s schema does)', () => {
    assert.deepEqual(holidayProblems({ date: '2026-02-30', name: 'Day' }, { bankHoliday: null }), []);
    assert.deepEqual(holidayProblems({ date: '', name: 'x'.repeat(100) }, { bankHoliday: null }), []);
  });
});

describe('the inactivity threshold (R-THU-7)', () => {
  it('is empty (the pack’s default) or a whole number of working days from 1 to 60', () => {
    for (const fine of ['', '  ', '1', ' 60 ', '10']) assert.deepEqual(inactivityProblems(fine), [], fine);
    for (const wrong of ['0', '61', '1.5', '-3', 'ten', '1e1'])
      assert.deepEqual(
        inactivityProblems(wrong),
        [{ field: 'inactivityDays', message: 'Working days must be a whole number between 1 and 60' }],
        wrong,
      );
  });
});

describe('an API token', () => {
  it('needs what it is for and 1 to 365 days, both checked at once', () => {
    assert.deepEqual(tokenProblems({ name: 'Case import', days: ' 365 ' }), []);
    assert.deepEqual(tokenProblems({ name: '', days: '0' }), [
      { field: 'name', message: 'Enter what the token is for' },
      { field: 'days', message: 'Days the token lasts must be a whole number between 1 and 365' },
    ]);
    assert.deepEqual(tokenProblems({ name: 'x'.repeat(101), days: '366' }), [
      { field: 'name', message: 'What the token is for must be 100 characters or fewer' },
      { field: 'days', message: 'Days the token lasts must be a whole number between 1 and 365' },
    ]);
    assert.deepEqual(tokenProblems({ name: 'Feed', days: '' }), [
      { field: 'days', message: 'Days the token lasts must be a whole number between 1 and 365' },
    ]);
  });
});
