import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allocationForm,
  childFieldsOf,
  childValues,
  closureForm,
  editChildForm,
  grantForm,
  newChildForm,
  useExistingForm,
} from '../../src/web/pages/children/schema.ts';

test('the child form reads text as typed and the date of birth from its three boxes, trimmed', () => {
  const data = newChildForm.typed({
    firstName: ' Sam ',
    lastName: ['Old', 'Lee'],
    'dateOfBirth-day': ' 3 ',
    'dateOfBirth-month': '4',
    'dateOfBirth-year': '2012',
    confirmNew: 'yes',
  });
  assert.equal(data['firstName'], ' Sam ');
  assert.equal(data['lastName'], 'Lee');
  assert.deepEqual(data['dateOfBirth'], { day: '3', month: '4', year: '2012' });
  assert.equal(data['confirmNew'], 'yes');
  assert.equal(data['incident'], '');
  const values = childValues(data);
  assert.equal('confirmNew' in values, false);
  assert.equal(values.nhsNumber, '');
});

/** A child's details the form accepts. */
const valid = {
  firstName: 'Sam',
  lastName: 'Lee',
  'dateOfBirth-day': '3',
  'dateOfBirth-month': '4',
  'dateOfBirth-year': '2012',
  sex: 'male',
  send: 'no',
  lookedAfter: 'no',
};

test('the edit form reads the version as a number, and no body as every field not given', () => {
  assert.equal(editChildForm.read({ ...valid, version: '7' }).version, 7);
  assert.equal(editChildForm.read(valid).version, 0);
  const empty = editChildForm.typed(undefined);
  assert.equal(empty['version'], '');
  assert.deepEqual(empty['dateOfBirth'], { day: '', month: '', year: '' });
});

test('the child form checks every field’s shape at once, in the order of the page, and keeps the details trimmed', () => {
  const refused = editChildForm.parse({
    firstName: ' ',
    lastName: 'x'.repeat(101),
    'dateOfBirth-day': '31',
    'dateOfBirth-month': '2',
    'dateOfBirth-year': '2012',
    sex: 'robot',
    send: 'maybe',
    developmentalAge: '19',
    lookedAfter: '',
    personId: 'p'.repeat(51),
    nhsNumber: '123',
  });
  assert.equal(refused.ok, false);
  assert.deepEqual(!refused.ok && refused.errors, [
    { field: 'firstName', message: 'Enter the child’s first name' },
    { field: 'lastName', message: 'Last name must be 100 characters or fewer' },
    { field: 'dateOfBirth', message: 'Date of birth must be a real date', href: '#dateOfBirth-day' },
    { field: 'sex', message: 'Select the child’s sex' },
    { field: 'send', message: 'Select yes if the child has special educational needs or a learning disability' },
    { field: 'developmentalAge', message: 'Developmental age must be a whole number between 0 and 18' },
    { field: 'lookedAfter', message: 'Select yes if the child is looked after' },
    { field: 'personId', message: 'Person ID must be 50 characters or fewer' },
    { field: 'nhsNumber', message: 'Enter a valid NHS number, like 943 476 5919' },
  ]);
  const fields = childFieldsOf(
    editChildForm.read({
      ...valid,
      firstName: ' Sam ',
      sendDetails: 'Kept only when the child has needs',
      developmentalAge: '9',
      lookedAfter: 'yes',
      nhsNumber: '943 476 5919',
    }),
  );
  assert.equal(fields.firstName, 'Sam');
  assert.equal(fields.dateOfBirth, '2012-04-03');
  assert.equal(fields.sendDetails, '');
  assert.equal(fields.developmentalAge, null);
  assert.equal(fields.lookedAfter, true);
  assert.equal(fields.nhsNumber, '943 476 5919');
});

test('a child added from an incident needs their part in it (R-X-8)', () => {
  const incident = '7f2b6c1e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
  const parsed = newChildForm.parse({ incident, role: 'bystander' });
  assert.ok(!parsed.ok && parsed.errors.some((error) => error.field === 'role'));
  const alone = newChildForm.parse({ role: 'bystander' });
  assert.ok(!alone.ok && !alone.errors.some((error) => error.field === 'role'));
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
