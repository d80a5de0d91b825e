import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allocationForm,
  childValues,
  closureForm,
  editChildForm,
  grantForm,
  newChildForm,
  useExistingForm,
} from '../../src/web/pages/children/schema.ts';

test('the child form reads text as typed and the date of birth from its three boxes, trimmed', () => {
  const data = newChildForm.read({
    firstName: ' Sam ',
    lastName: ['Old', 'Lee'],
    'dateOfBirth-day': ' 3 ',
    'dateOfBirth-month': '4',
    'dateOfBirth-year': '2012',
    confirmNew: 'yes',
  });
  assert.equal(data.firstName, ' Sam ');
  assert.equal(data.lastName, 'Lee');
  assert.deepEqual(data.dateOfBirth, { day: '3', month: '4', year: '2012' });
  assert.equal(data.confirmNew, 'yes');
  assert.equal(data.incident, '');
  const values = childValues(data);
  assert.equal('confirmNew' in values, false);
  assert.equal(values.nhsNumber, '');
});

test('the edit form reads the version as a number, and no body as every field not given', () => {
  assert.equal(editChildForm.read({ version: '7' }).version, 7);
  const empty = editChildForm.read(undefined);
  assert.equal(empty.version, 0);
  assert.deepEqual(empty.dateOfBirth, { day: '', month: '', year: '' });
});

test('the record’s other forms read their fields as typed, a repeated one once, and the version as a number', () => {
  assert.deepEqual(useExistingForm.read({ _csrf: 't', incident: 'i1', childId: ['c0', 'c1'], role: 'witness' }), {
    incident: 'i1',
    childId: 'c1',
    role: 'witness',
  });
  assert.deepEqual(allocationForm.read({ version: '4', workerId: 'w1', teamId: '' }), {
    version: 4,
    workerId: 'w1',
    teamId: '',
    youthJusticeWorkerId: '',
  });
  assert.deepEqual(grantForm.read({ userId: 'u1', reason: ' Cover ', days: ' 7' }), {
    userId: 'u1',
    reason: ' Cover ',
    days: ' 7',
  });
  assert.deepEqual(closureForm.read({ version: 'x', reason: 'Done' }), { version: Number.NaN, reason: 'Done' });
  assert.deepEqual(closureForm.read(undefined), { version: 0, reason: '' });
});
