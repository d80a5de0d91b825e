// How the audit log reads (issue 12, item 3): the search as typed with every error at once in page
// order, the count of events, whose events they are (born on a date in words), the links to the
// children's records and the pages before and after, keeping the search.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paths } from '../../src/web/paths.ts';
import { readAuditSearch } from '../../src/web/pages/audit/schema.ts';
import {
  AUDIT_PAGE_SIZE,
  type AuditOptions,
  type AuditResult,
  auditErrorModel,
  auditModel,
} from '../../src/web/pages/audit/view-model.ts';

const CHILD = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const USER = '00000000-0000-4000-8000-000000000003';

const options: AuditOptions = {
  actions: [{ value: 'child.view', text: 'Viewed a child’s record' }],
  people: [{ id: USER, name: 'Sam Lee' }],
};

type Event = AuditResult['events'][number];

const event = (over: Partial<Event> = {}): Event => ({
  seq: '1',
  when: '1 December 2026 at 3:30pm',
  sentence: 'Viewed the record of Toby Alderbrook',
  who: { name: 'Sam Lee', role: 'Social worker' },
  record: { title: 'Toby Alderbrook’s record', childId: CHILD },
  about: [],
  outcome: { text: 'Allowed', ok: true },
  details: [],
  technical: [],
  ...over,
});

const result = (over: Partial<AuditResult> = {}): AuditResult => ({
  total: 1,
  events: [event()],
  children: null,
  moreChildren: false,
  ...options,
  ...over,
});

describe('the audit search as typed', () => {
  it('reads the filter, keeping only a real person and a known outcome, and the page within bounds', () => {
    const search = readAuditSearch({
      child: '  Toby\u0000  Alderbrook ',
      userId: USER,
      outcome: 'refused',
      action: 'child.view',
      'from-day': '1',
      'from-month': '12',
      'from-year': '2026',
      page: '3',
    });
    assert.deepEqual(search.errors, []);
    assert.deepEqual(search.filter, {
      userId: USER,
      action: 'child.view',
      entityId: undefined,
      childName: 'Toby Alderbrook',
      outcome: 'refused',
      from: '2026-12-01',
      to: undefined,
    });
    assert.equal(search.values.child, 'Toby Alderbrook');
    assert.equal(search.page, 3);
    const odd = readAuditSearch({ userId: 'not-an-id', outcome: 'maybe', page: '-4' });
    assert.equal(odd.filter.userId, undefined);
    assert.equal(odd.filter.outcome, undefined);
    assert.equal(odd.page, 1);
    assert.equal(readAuditSearch({ page: '999999999' }).page, 100_000);
  });

  it('takes an older link’s date and shows it in the boxes', () => {
    const search = readAuditSearch({ to: '2026-12-01' });
    assert.equal(search.filter.to, '2026-12-01');
    assert.deepEqual(search.values.to, { day: '1', month: '12', year: '2026' });
  });

  it('says every error at once, in the order of the fields, each linking to its box', () => {
    const search = readAuditSearch({
      child: 'x'.repeat(101),
      'from-day': '31',
      'from-month': '2',
      'from-year': '2026',
      'to-day': '1',
      'to-year': '2026',
    });
    assert.deepEqual(
      search.errors.map((error) => [error.message, error.href]),
      [
        ['The child’s name must be 100 characters or fewer', undefined],
        ['Enter a real From date', '#from-day'],
        ['The To date must include a month', '#to-day'],
      ],
    );
    assert.deepEqual(
      readAuditSearch({ 'from-day': '2', 'from-month': '12', 'from-year': '2026', to: '2026-12-01' }).errors.map(
        (error) => error.message,
      ),
      ['The From date must be the same as or before the To date'],
    );
    assert.deepEqual(
      readAuditSearch({ from: 'yesterday' }).errors.map((error) => error.message),
      ['Enter a real From date'],
    );
  });

  it('shows a search with errors as typed, with the filter’s options and no events', () => {
    const search = readAuditSearch({ child: 'Toby', 'from-day': '40', 'from-month': '1', 'from-year': '2026' });
    const model = auditErrorModel(search, options);
    assert.equal(model.pageTitle, 'Audit log');
    assert.equal(model.invalid, true);
    assert.deepEqual(model.events, []);
    assert.equal(model.values.child, 'Toby');
    assert.deepEqual(model.values.from, { day: '40', month: '1', year: '2026' });
    assert.deepEqual(model.people, options.people);
    assert.deepEqual(model.errors.summary, [{ text: 'Enter a real From date', href: '#from-day' }]);
    assert.deepEqual(model.errors.byField.from, { text: 'Enter a real From date' });
  });
});

describe('the events found', () => {
  it('counts the events, saying the page only when there is more than one', () => {
    const search = readAuditSearch({});
    assert.equal(auditModel(search, result()).countText, '1 event');
    assert.equal(auditModel(search, result({ total: 0, events: [] })).countText, '0 events');
    assert.equal(auditModel(search, result({ total: AUDIT_PAGE_SIZE * 2 + 1 })).countText, '101 events, page 1 of 3');
  });

  it('says whose events these are, with each child’s date of birth in words', () => {
    const search = readAuditSearch({ child: 'Alderbrook' });
    const named = auditModel(
      search,
      result({
        children: [
          { id: CHILD, firstName: 'Toby', lastName: 'Alderbrook', dateOfBirth: '2014-12-01' },
          { id: OTHER, firstName: 'Isla', lastName: 'Alderbrook', dateOfBirth: '2016-03-09' },
        ],
        moreChildren: true,
      }),
    );
    assert.equal(
      named.namedText,
      'Events about Toby Alderbrook (born 1 December 2014), Isla Alderbrook (born 9 March 2016) and other children with this name.',
    );
    const nobody = auditModel(readAuditSearch({ child: 'Nobody Called This' }), result({ children: [] }));
    assert.equal(nobody.namedText, 'No child in your authority is called “Nobody Called This”.');
    assert.equal(auditModel(readAuditSearch({}), result()).namedText, null);
  });

  it('links a record and each child named to the child’s record, only where the viewer may open it', () => {
    const model = auditModel(
      readAuditSearch({}),
      result({
        events: [
          event({
            about: [
              { name: 'Toby Alderbrook', childId: CHILD },
              { name: 'Another child', childId: null },
            ],
          }),
          event({ record: { title: 'An incident', childId: null } }),
          event({ record: null }),
        ],
      }),
    );
    assert.deepEqual(
      model.events.map((shown) => shown.recordHref),
      [paths.children.show(CHILD), null, null],
    );
    assert.deepEqual(
      model.events[0]!.about.map((child) => [child.name, child.href]),
      [
        ['Toby Alderbrook', paths.children.show(CHILD)],
        ['Another child', null],
      ],
    );
    assert.equal(model.events[0]!.when, '1 December 2026 at 3:30pm');
  });

  it('links the pages before and after, keeping the search and the dates as typed', () => {
    const valid = readAuditSearch({
      child: 'Toby',
      outcome: 'ok',
      'from-day': '1',
      'from-month': '12',
      'from-year': '2026',
      page: '2',
    });
    const model = auditModel(valid, result({ total: AUDIT_PAGE_SIZE * 3 }));
    assert.equal(model.page, 2);
    assert.equal(model.pages, 3);
    const keep = 'child=Toby&outcome=ok&from-day=1&from-month=12&from-year=2026';
    assert.equal(model.pagination.previous?.href, `${paths.audit()}?${keep}&page=1`);
    assert.equal(model.pagination.next?.href, `${paths.audit()}?${keep}&page=3`);
    const first = auditModel(readAuditSearch({}), result({ total: 1 }));
    assert.equal(first.pagination.previous, undefined);
    assert.equal(first.pagination.next, undefined);
  });
});
