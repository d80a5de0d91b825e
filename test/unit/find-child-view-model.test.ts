// "Find a child"'s address and page, as pure functions (issue 15): what the address asks for, and
// the sentences about what was found and how many others match.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFindRequest } from '../../src/web/pages/find-a-child/schema.ts';
import { findModel, hiddenText } from '../../src/web/pages/find-a-child/view-model.ts';

const found = (visible: number, hidden: number, shown = visible) => ({
  visible,
  hidden,
  shown: Array.from({ length: shown }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    firstName: 'Test',
    lastName: `Child ${i}`,
    otherNames: '',
    dateOfBirth: '2026-12-01',
    schoolOrSetting: '',
    bornSwapped: false,
  })),
});

describe('Find a child: the address', () => {
  it('asks nothing when the page is opened, and for something when the form is sent empty', () => {
    assert.equal(readFindRequest({}).kind, 'blank');
    assert.equal(readFindRequest(undefined).kind, 'blank');
    const empty = readFindRequest({ name: '  ', school: '' });
    assert.equal(empty.kind, 'invalid');
    assert.deepEqual(empty.kind === 'invalid' && empty.errors, [
      { field: 'name', message: 'Enter a name, date of birth, school or identifier' },
    ]);
  });

  it('reads a search, each part tidied, with the date of birth as a date', () => {
    const asked = readFindRequest({
      name: ' Ellis\tHawthorn ',
      'dateOfBirth-day': '4',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '2014',
      identifier: ' 943 476 5919 ',
    });
    assert.equal(asked.kind, 'search');
    assert.deepEqual(asked.kind === 'search' && asked.search, {
      name: 'Ellis Hawthorn',
      dateOfBirth: '2014-03-04',
      school: '',
      identifier: '943 476 5919',
    });
  });

  it('reports every problem at once, in the order of the fields, a date’s at the box it is about', () => {
    const asked = readFindRequest({
      name: 'x'.repeat(101),
      'dateOfBirth-day': '4',
      'dateOfBirth-year': '2014',
      identifier: '9'.repeat(51),
    });
    assert.equal(asked.kind, 'invalid');
    assert.deepEqual(
      asked.kind === 'invalid' && asked.errors.map((error) => [error.href ?? `#${error.field}`, error.message]),
      [
        ['#name', 'Name must be 100 characters or fewer'],
        ['#dateOfBirth-month', 'Date of birth must include a month'],
        ['#identifier', 'NHS number or person ID must be 50 characters or fewer'],
      ],
    );
  });
});

/** The page after a search. */
function searched(model: ReturnType<typeof findModel>) {
  assert.ok(model.searched);
  return model;
}

describe('Find a child: the page', () => {
  it('counts the children the person may not see, and says nothing else about them', () => {
    assert.equal(hiddenText(0), null);
    assert.equal(
      hiddenText(1),
      '1 other child matches that you do not have access to. Ask a manager if you need to see their record.',
    );
    assert.equal(
      hiddenText(2),
      '2 other children match that you do not have access to. Ask a manager if you need to see their records.',
    );
  });

  it('says how many were found, and when only the closest are listed', () => {
    const asked = readFindRequest({ name: 'Test' });
    assert.equal(searched(findModel(asked, found(0, 3))).countText, 'No children you can see match your search.');
    assert.equal(searched(findModel(asked, found(1, 0))).countText, '1 child matches your search.');
    assert.equal(
      searched(findModel(asked, found(73, 0, 50))).countText,
      '73 children match your search. The 50 closest are shown: add a date of birth or school to find fewer.',
    );
    const model = searched(findModel(asked, found(1, 0)));
    assert.deepEqual(model.results[0], {
      name: 'Test Child 0',
      href: '/children/00000000-0000-4000-8000-000000000000',
      otherNames: '',
      dateOfBirth: '1 December 2026',
      bornSwapped: false,
      school: 'Not recorded',
    });
  });
});
