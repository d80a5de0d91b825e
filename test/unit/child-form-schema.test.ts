import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childValues, editChildForm, newChildForm } from '../../src/web/pages/children/schema.ts';

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
