// The administration pages' forms (issue 12, item 2): a user's fields with each training's date
// as typed, every problem with the user, team and holiday forms at once, and the rest as typed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as schema from '../../src/web/pages/admin/schema.ts';

const { holidayDate, holidayForm, inactivityForm, teamForm, teamProblems, tokenForm, userForm } = schema;
const { userValues, validateUser } = schema;

describe('the user form', () => {
  it('reads the account as typed, the ticks as lists, each training with its date boxes (spaces kept)', () => {
    const data = userForm.read({
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
    });
    assert.equal(data.version, 3);
    const values = userValues(data);
    assert.equal(values.email, ' sam@example.com ');
    assert.equal(values.active, 'yes');
    assert.deepEqual(values.roles, ['dsl', 'team_manager']);
    assert.deepEqual(values.trainings['aim2'], { held: true, day: ' 3', month: '4', year: '2025' });
    assert.deepEqual(values.trainings['aim3'], { held: false, day: '', month: '', year: '' });
    assert.deepEqual(values.managerOf, ['t2']);
    assert.equal(userValues(userForm.read({ active: 'no' })).active, 'no');
  });

  it('reports every problem at once, a training date linking to its day box', () => {
    const result = validateUser(
      userValues(
        userForm.read({
          email: 'not an address',
          displayName: ' ',
          jobTitle: 'x'.repeat(101),
          roles: 'nonsense',
          trainings: ['aim2'],
          'aim2-day': ' 3',
          'aim2-month': '4',
          'aim2-year': '2025',
        }),
      ),
    );
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
    const result = validateUser(
      userValues(
        userForm.read({
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
        }),
      ),
    );
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
  it('checks a team’s name, kind and parent, every one at once', () => {
    const teams = [{ id: 't1' }];
    assert.deepEqual(
      teamProblems(teamForm.read({ name: ' ', kind: 'circus', parentTeamId: 't9' }), teams).map((e) => e.field),
      ['name', 'kind', 'parentTeamId'],
    );
    assert.deepEqual(teamProblems(teamForm.read({ name: 'x'.repeat(101), kind: 'health' }), teams), [
      { field: 'name', message: 'Team name must be 100 characters or fewer' },
    ]);
    assert.deepEqual(teamProblems(teamForm.read({ name: 'North', kind: 'health', parentTeamId: 't1' }), teams), []);
  });

  it('gives a holiday’s date, else its errors with the name’s too', () => {
    const good = holidayForm.read({ name: 'Jubilee', 'date-day': ' 3 ', 'date-month': '6', 'date-year': '2026' });
    assert.deepEqual(good.date, { day: '3', month: '6', year: '2026' });
    assert.deepEqual(holidayDate(good), { iso: '2026-06-03' });
    assert.deepEqual(holidayDate({ name: '', date: { day: '3', month: '6', year: '2026' } }), { iso: '2026-06-03' });
    assert.deepEqual(holidayDate(holidayForm.read({ name: ' ', 'date-day': '31', 'date-month': '2' })), {
      errors: [
        { field: 'date', message: 'Date of the holiday must include a year', href: '#date-day' },
        { field: 'name', message: 'Enter the name of the holiday' },
      ],
    });
    assert.deepEqual(holidayDate({ name: 'x'.repeat(101), date: { day: '', month: '', year: '' } }), {
      errors: [
        { field: 'date', message: 'Enter the date of the holiday', href: '#date-day' },
        { field: 'name', message: 'Name must be 100 characters or fewer' },
      ],
    });
  });

  it('reads the inactivity threshold and a token’s name and days as typed', () => {
    assert.deepEqual(inactivityForm.read({ inactivityDays: ' 12 ' }), { inactivityDays: ' 12 ' });
    assert.deepEqual(tokenForm.read({ name: 'Reports', days: ['30', '90'] }), { name: 'Reports', days: '90' });
  });
});
