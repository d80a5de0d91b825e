// The case lists' view model (issue 12): the query read as the list asks for it, and the page made
// from the service's rows, without a database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_SORTS } from '../../src/services/child-service.ts';
import { caseListModel, caseListRequest } from '../../src/web/pages/cases/view-model.ts';

const row = (over: Partial<{ id: string; status: string; lastActivityAt: Date; dueOn: string | null }> = {}) => ({
  id: over.id ?? 'c1',
  firstName: 'Ellis',
  lastName: 'Example',
  dateOfBirth: '2012-05-01',
  allocatedWorkerName: null,
  allocatedTeamName: null,
  status: over.status ?? 'open',
  latestIncidentAt: null,
  lastActivityAt: over.lastActivityAt ?? new Date('2026-11-30T10:00:00Z'),
  levelOfConcern: null,
  nextDue: over.dueOn === undefined ? null : { taskId: 't1', title: 'Screen the incident', dueOn: over.dueOn },
});

const facts = (rows: ReturnType<typeof row>[], total = rows.length) => ({
  result: { rows, total },
  drafts: [],
  cutoff: { since: '2026-11-01', days: 20 },
  roles: ['social_worker'] as const,
  teamCount: 1,
  today: '2026-12-02',
});

describe('case list view model', () => {
  it('reads the scope, search, status and paging from the query, defaulting what is unknown', () => {
    assert.deepEqual(caseListRequest({}, CASE_SORTS), {
      scope: 'mine',
      search: '',
      status: '',
      page: 1,
      pageSize: 20,
      sort: 'latest',
      direction: 'desc',
    });
    const asked = caseListRequest(
      { scope: 'all', q: 'x'.repeat(150), status: 'closed', sort: 'name', direction: 'asc', page: '3' },
      CASE_SORTS,
    );
    assert.equal(asked.scope, 'visible');
    assert.equal(asked.search.length, 100);
    assert.deepEqual([asked.status, asked.sort, asked.direction, asked.page], ['closed', 'name', 'asc', 3]);
    assert.deepEqual(caseListRequest({ scope: 'everyone', status: 'lost', q: ['a', 'b'] }, CASE_SORTS).scope, 'mine');
  });

  it('titles the page by its scope and marks the active tab', () => {
    const model = caseListModel(caseListRequest({ scope: 'team' }, CASE_SORTS), CASE_SORTS, facts([]));
    assert.equal(model.pageTitle, 'My teams’ cases');
    assert.deepEqual(
      model.tabs.map((tab) => tab.active),
      [false, true, false],
    );
  });

  it('shows an open case with no activity since the cutoff as inactive (R-THU-7), and an overdue next task', () => {
    const model = caseListModel(
      caseListRequest({}, CASE_SORTS),
      CASE_SORTS,
      facts([
        row({ id: 'quiet', lastActivityAt: new Date('2026-10-20T10:00:00Z'), dueOn: '2026-12-01' }),
        row({ id: 'busy', dueOn: '2026-12-02' }),
        row({ id: 'closed', status: 'closed', lastActivityAt: new Date('2026-01-01T10:00:00Z') }),
      ]),
    );
    assert.deepEqual(
      model.rows.map((one) => [one.id, one.inactive, one.nextOverdue]),
      [
        ['quiet', true, true],
        ['busy', false, false],
        ['closed', false, false],
      ],
    );
  });

  it('links sortable headers that keep the filter and turn the direction round', () => {
    const model = caseListModel(
      caseListRequest({ scope: 'all', q: 'Ellis', sort: 'name', direction: 'asc' }, CASE_SORTS),
      CASE_SORTS,
      facts([row()]),
    );
    const name = model.headers.find((header) => header.key === 'name')!;
    assert.equal(name.ariaSort, 'ascending');
    assert.equal(name.href, '/cases?scope=all&q=Ellis&sort=name&direction=desc');
    assert.equal(model.headers.find((header) => header.key === 'dob')!.ariaSort, 'none');
  });

  it('pages with the first, the last and two either side of the current page', () => {
    const model = caseListModel(caseListRequest({ page: '6' }, CASE_SORTS), CASE_SORTS, facts([row()], 200));
    assert.equal(model.pages, 10);
    assert.deepEqual(
      model.pagination.items.map((item) => ('ellipsis' in item ? '…' : item.number)),
      [1, '…', 4, 5, 6, 7, 8, '…', 10],
    );
    assert.match(model.pagination.previous!.href, /page=5/);
    assert.match(model.pagination.next!.href, /page=7/);
  });

  it('offers adding a child to someone in a team, not to a partner-agency professional', () => {
    const asked = caseListRequest({}, CASE_SORTS);
    assert.equal(caseListModel(asked, CASE_SORTS, facts([])).canAddChild, true);
    assert.equal(caseListModel(asked, CASE_SORTS, { ...facts([]), roles: ['partner'] }).canAddChild, false);
    assert.equal(caseListModel(asked, CASE_SORTS, { ...facts([]), teamCount: 0 }).canAddChild, false);
  });
});
