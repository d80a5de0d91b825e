// The administration pages' forms (issue 12, item 2): a user's fields with each training's date
// as typed, every problem with the user, team and holiday forms at once, and the rest as typed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as schema from '../../src/web/pages/admin/schema.ts';

const { holidayForm, inactivityForm, teamForm, tokenForm, userForm } = schema;
const { userInputOf, userValues } = schema;

/** The user form's errors, or its input for the service. */
function validateUser(body: Record<string, unknown>) {
  const parsed = userForm.parse(body);
  return parsed.ok ? { input: userInputOf(parsed.data) } : { errors: parsed.errors };
}

describe('the user form', () => {
  it('reads the account as typed, the ticks as lists, each training with its date boxes', () => {
    const body = {
      _csrf: 't',
      version: '3',
      email: ' sam@example.com ',
      displayName: 'Sam Lee',
      roles: ['dsl', 'dsl', 'team_manager'],
      trainings: 'aim2',
      'aim2-day': ' 3',
      'aim2-month': '4',
      'aim2-year': '2025',
      teams: ['t1', 't2'],
      managerOf: 't2',
    };
    assert.equal(userForm.read({ ...body, displayName: 'Sam Lee' }).version, 3);
    const values = userValues(body);
    assert.equal(values.email, ' sam@example.com ');
    assert.equal(values.active, 'yes');
    assert.deepEqual(values.roles, ['dsl', 'team_manager']);
    assert.deepEqual(values.trainings['aim2'], { held: true, day: '3', month: '4', year: '2025' });
    assert.deepEqual(values.trainings['aim3'], { held: false, day: '', month: '', year: '' });
    assert.deepEqual(values.managerOf, ['t2']);
    assert.equal(userValues({ active: 'no' }).active, 'no');
  });

  it('reports every problem at once, a training date linking to its day box', () => {
    const result = validateUser({
      email: 'not an address',
      displayName: ' ',
      jobTitle: 'x'.repeat(101),
      roles: 'nonsense',
      trainings: ['aim2'],
      'aim2-day': '31',
      'aim2-month': '2',
      'aim2-year': '2025',
    });
    assert.ok('errors' in result);
    assert.deepEqual(result.errors, [
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
      { field: 'displayName', message: 'Enter the person’s full name' },
      { field: 'jobTitle', message: 'Job title must be 100 characters or fewer' },
      { field: 'roles', message: 'Select at least one role' },
      { field: 'aim2-day', message: 'Date of AIM2 training must be a real date', href: '#aim2-day' },
    ]);
  });

  it('gives the service the account trimmed, the trainings held with their dates and the teams managed', () => {
    const result = validateUser({
      email: ' sam@example.com ',
      displayName: ' Sam Lee ',
      active: 'no',
      roles: ['dsl', 'nonsense'],
      trainings: ['aim3'],
      'aim3-day': '3',
      'aim3-month': '4',
      'aim3-year': '2025',
      'aim2-day': '1',
      teams: ['t1', 't2'],
      managerOf: 't2',
    });
    assert.ok('input' in result);
    assert.deepEqual(result.input, {
      email: 'sam@example.com',
      displayName: 'Sam Lee',
      jobTitle: '',
      agency: '',
      active: false,
      roles: ['dsl'],
      trainings: [{ training: 'aim3', completedOn: '2025-04-03' }],
      teams: [
        { teamId: 't1', isManager: false },
        { teamId: 't2', isManager: true },
      ],
    });
  });
});

describe('the team, holiday, inactivity and token forms', () => {
  it('checks a team’s name and kind, every one at once (the service checks the parent)', () => {
    const fields = (body: Record<string, unknown>) => {
      const parsed = teamForm.parse(body);
      return parsed.ok ? [] : parsed.errors;
    };
    assert.deepEqual(
      fields({ name: ' ', kind: 'circus', parentTeamId: 't9' }).map((error) => error.field),
      ['name', 'kind'],
    );
    assert.deepEqual(fields({ name: 'x'.repeat(101), kind: 'health' }), [
      { field: 'name', message: 'Team name must be 100 characters or fewer' },
    ]);
    assert.deepEqual(teamForm.read({ name: ' North ', kind: 'health', parentTeamId: 't1' }), {
      name: 'North',
      kind: 'health',
      parentTeamId: 't1',
    });
  });

  it('gives a holiday’s date, else every error at once: the date’s, the name’s, a weekday (R-X-3)', () => {
    const good = holidayForm.read({ name: 'Jubilee', 'date-day': ' 3 ', 'date-month': '6', 'date-year': '2026' });
    assert.deepEqual(good, { name: 'Jubilee', date: '2026-06-03' });
    const errors = (body: Record<string, unknown>) => {
      const parsed = holidayForm.parse(body);
      return parsed.ok ? [] : parsed.errors;
    };
    assert.deepEqual(errors({ name: ' ', 'date-day': '31', 'date-month': '2' }), [
      { field: 'date', message: 'Date of the holiday must include a year', href: '#date-day' },
      { field: 'name', message: 'Enter the name of the holiday' },
    ]);
    assert.deepEqual(errors({ name: 'x'.repeat(101) }), [
      { field: 'date', message: 'Enter the date of the holiday', href: '#date-day' },
      { field: 'name', message: 'Name must be 100 characters or fewer' },
    ]);
    assert.deepEqual(errors({ name: '', 'date-day': '6', 'date-month': '6', 'date-year': '2026' }), [
      { field: 'name', message: 'Enter the name of the holiday' },
      { field: 'date', message: 'Date of the holiday must be a weekday', href: '#date-day' },
    ]);
  });

  it('reads the inactivity threshold and a token’s name and days as typed', () => {
    assert.deepEqual(inactivityForm.read({ inactivityDays: ' 12 ' }), { inactivityDays: ' 12 ' });
    assert.deepEqual(tokenForm.read({ name: 'Reports', days: ['30', '90'] }), { name: 'Reports', days: '90' });
  });
});
