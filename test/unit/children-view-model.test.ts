// How a child's pages read (issue 12, item 3): the chronology's filter from its query string, its
// links and pages, the record's inactivity flag and its other children's parts, the forms' titles
// and where Back goes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ChildView,
  type ClosureView,
  type ChronologyEntry,
  type ChronologyView,
  childRecordModel,
  childRole,
  chronologyFilter,
  closureModel,
  chronologyLink,
  chronologyModel,
  editModel,
  newChildModel,
} from '../../src/web/pages/children/view-model.ts';
import { childValuesFromRecord } from '../../src/web/pages/children/schema.ts';
import { paths } from '../../src/web/paths.ts';

const CHILD_ID = '00000000-0000-4000-8000-000000000001';

const entry = (over: Partial<ChronologyEntry>): ChronologyEntry =>
  ({
    id: 'e1',
    kind: 'incident',
    occurredAt: new Date('2026-03-01T10:00:00Z'),
    summary: 'Incident recorded',
    incidentId: null,
    record: null,
    ...over,
  }) as ChronologyEntry;

const child = {
  id: CHILD_ID,
  firstName: 'Ellis',
  lastName: 'Hawthorn',
  otherNames: '',
  dateOfBirth: '2014-05-09',
  sex: 'female',
  ethnicity: '',
  send: true,
  sendDetails: 'Dyslexia',
  developmentalAge: 9,
  lookedAfter: false,
  schoolOrSetting: '',
  homeArea: '',
  personId: '',
  nhsNumber: '',
  status: 'open',
  lastActivityAt: new Date('2026-01-05T12:00:00Z'),
  version: 3,
};

const view = (over: Partial<ChildView> = {}): ChildView =>
  ({
    child,
    basis: 'allocated_worker',
    can: {
      'child.update': true,
      'child.close': true,
      'child.reopen': false,
      'child.allocate': false,
      'child.grant': false,
    },
    incidents: [
      {
        id: 'i1',
        role: 'displayed',
        locationType: 'school',
        others: [{ childId: 'c2', role: 'targeted', visible: null }],
      },
    ],
    grants: [],
    decisions: [],
    openTasks: [],
    ...over,
  }) as unknown as ChildView;

describe('the chronology of a child', () => {
  it('keeps known kinds, dates as YYYY-MM-DD and a page between 1 and 10,000 from the query', () => {
    assert.deepEqual(
      chronologyFilter({ kind: ['incident', 'nonsense', 'meeting'], from: '2026-01-01', to: '1 May', page: '3' }),
      { kinds: ['incident', 'meeting'], from: '2026-01-01', to: undefined, page: 3 },
    );
    assert.equal(chronologyFilter({ page: '0' }).page, 1);
    assert.equal(chronologyFilter({ page: 'x' }).page, 1);
    assert.equal(chronologyFilter({ page: '99999' }).page, 10_000);
    assert.deepEqual(chronologyFilter({ kind: 'task' }).kinds, ['task']);
  });

  it('links an entry to its record, else to its incident, else nowhere', () => {
    assert.deepEqual(chronologyLink(entry({ record: { type: 'meeting', id: 'm1' } })), {
      href: paths.meetings.show('m1'),
      text: 'View the meeting',
    });
    assert.deepEqual(chronologyLink(entry({ record: { type: 'external_decision', id: 'd1' }, incidentId: 'i1' })), {
      href: paths.incidents.show('i1'),
      text: 'View the incident',
    });
    assert.equal(chronologyLink(entry({})), null);
  });

  it('links a document’s entries to it in the child’s documents, never to a download that may be gone', () => {
    assert.deepEqual(chronologyLink(entry({ record: { type: 'document', id: 'd1' } }), 'c1'), {
      href: `${paths.children.documents('c1')}#document-d1`,
      text: 'View the document',
    });
  });

  it('pages keep the filter, and the kinds chosen are ticked', () => {
    const result = {
      child: { id: CHILD_ID, firstName: 'Ellis', lastName: 'Hawthorn' },
      rows: [entry({ kind: 'task', record: { type: 'task', id: 't1' } })],
      total: 60,
    } as unknown as ChronologyView;
    const model = chronologyModel(result.child.id, result, {
      kinds: ['task'],
      from: '2026-01-01',
      to: undefined,
      page: 2,
    });
    assert.equal(model.pageTitle, 'Chronology: Ellis Hawthorn');
    assert.equal(model.pages, 3);
    assert.equal(
      model.pagination.previous?.href,
      `${paths.children.chronology(CHILD_ID)}?kind=task&from=2026-01-01&page=1`,
    );
    assert.equal(
      model.pagination.next?.href,
      `${paths.children.chronology(CHILD_ID)}?kind=task&from=2026-01-01&page=3`,
    );
    assert.equal(model.rows[0]?.kindText, 'Task');
    assert.deepEqual(model.rows[0]?.link, { href: paths.tasks.show('t1'), text: 'View the task' });
    assert.deepEqual(
      model.kindOptions.filter((option) => option.checked).map((option) => option.value),
      ['task'],
    );
    assert.deepEqual(model.filter, { from: '2026-01-01', to: undefined });
    const last = chronologyModel(CHILD_ID, result, { kinds: [], from: undefined, to: undefined, page: 3 });
    assert.equal(last.pagination.next, undefined);
  });
});

describe('a child’s record', () => {
  const cutoff = { days: 20, since: '2026-02-01' };

  it('flags an open case with no activity since the cut-off, and not a closed one', () => {
    const model = childRecordModel(view(), { today: '2026-03-02', cutoff, allocation: null, grantUsers: null });
    assert.deepEqual(model.inactivity, { days: 20, lastActivity: '2026-01-05' });
    const closed = childRecordModel(view({ child: { ...child, status: 'closed' } } as Partial<ChildView>), {
      today: '2026-03-02',
      cutoff,
      allocation: null,
      grantUsers: null,
    });
    assert.equal(closed.inactivity, null);
    assert.equal(closed.canClose, false);
  });

  it('reads the age, sex, basis and each incident’s parts in words', () => {
    const model = childRecordModel(view(), { today: '2026-03-02', cutoff, allocation: null, grantUsers: null });
    assert.equal(model.pageTitle, 'Ellis Hawthorn');
    assert.equal(model.age, 11);
    assert.equal(model.sex, 'Female');
    assert.equal(model.incidents[0]?.roleText, 'Displayed the behaviour');
    assert.equal(model.incidents[0]?.others[0]?.roleText, 'Was targeted by the behaviour');
    assert.equal(model.canEdit, true);
    assert.equal(model.canClose, true);
  });
});

describe('adding and changing a child', () => {
  it('goes back to the incident when added to one, else to the case list', () => {
    const base = { values: {}, teams: [], teamId: '', role: '' };
    assert.equal(newChildModel({ ...base, incidentId: 'i1' }).backLink, paths.incidents.children('i1'));
    assert.equal(newChildModel({ ...base, incidentId: undefined }).backLink, paths.cases());
    assert.equal(newChildModel({ ...base, incidentId: undefined }).roleOptions.length, 3);
  });

  it('takes only a known part in the incident', () => {
    assert.equal(childRole('witness'), 'witness');
    assert.equal(childRole('bystander'), '');
    assert.equal(childRole(undefined), '');
  });

  it('names the child in the title when changing the record as saved', () => {
    const values = childValuesFromRecord(child);
    assert.equal(editModel(child, values, 3).pageTitle, 'Change Ellis Hawthorn’s details');
    const typed = editModel({ id: CHILD_ID }, values, 3);
    assert.equal(typed.pageTitle, 'Change the child’s details');
    assert.deepEqual(typed.child, { id: CHILD_ID });
    assert.equal(typed.backLink, paths.children.show(CHILD_ID));
  });
});

describe('closing and reopening a case', () => {
  const closureView = (status: string, any = false) =>
    ({
      child: { ...child, status },
      blockers: { tasks: [], meetings: [], any },
    }) as unknown as ClosureView;

  it('names the child and what is asked, with the reasons empty and Back to the record', () => {
    const open = closureModel(CHILD_ID, closureView('open', true));
    assert.equal(open.pageTitle, 'Close Ellis Hawthorn’s case');
    assert.equal(open.name, 'Ellis Hawthorn');
    assert.equal(open.blockers.any, true);
    assert.deepEqual(open.values, { reason: '' });
    assert.equal(open.maxReason, 2000);
    assert.equal(open.backLink, paths.children.show(CHILD_ID));
    assert.equal(closureModel(CHILD_ID, closureView('closed')).pageTitle, 'Reopen Ellis Hawthorn’s case');
  });
});
