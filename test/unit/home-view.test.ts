// How the home page reads (issue 11): overdue, due today and due soon against London's today,
// dates in words, work with a date before work without, masked children by their part only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PanelReferral } from '../../src/repositories/panel-referrals.ts';
import type { Task } from '../../src/repositories/tasks.ts';
import type { HomeData } from '../../src/services/home-service.ts';
import { dueState, homeView } from '../../src/web/pages/home/view-model.ts';

const task = (o: Partial<Task>): Task => ({
  id: 't1',
  authorityId: 'kent',
  childId: 'c1',
  childName: 'Ellis Hawthorn',
  incidentId: null,
  screeningId: null,
  stepId: 's',
  title: 'A task',
  detail: '',
  kind: 'do',
  ownerRole: 'social_worker',
  assignedTo: null,
  assignedToName: null,
  dueOn: null,
  dueRule: '',
  clause: '',
  requirementId: '',
  status: 'open',
  createdAt: new Date(),
  completedAt: null,
  completedByName: null,
  completionNote: '',
  meetingId: null,
  arranges: null,
  fulfilledBy: null,
  version: 1,
  ...o,
});

const data = (o: Partial<HomeData>): HomeData => ({
  userId: 'u1',
  today: '2026-12-01',
  soonUntil: '2026-12-08',
  tasks: [],
  moreTasks: false,
  referrals: [],
  toScreen: [],
  meetings: [],
  assessments: [],
  panel: [],
  drafts: [],
  changes: [],
  ...o,
});

describe('the home page’s view model', () => {
  it('says overdue before today, due today, due soon up to the limit, and nothing more after', () => {
    assert.equal(dueState('2026-11-30', '2026-12-01', '2026-12-08'), 'overdue');
    assert.equal(dueState('2026-12-01', '2026-12-01', '2026-12-08'), 'today');
    assert.equal(dueState('2026-12-08', '2026-12-01', '2026-12-08'), 'soon');
    assert.equal(dueState('2026-12-09', '2026-12-01', '2026-12-08'), 'later');
    assert.equal(dueState(null, '2026-12-01', '2026-12-08'), 'none');
  });

  it('puts work due soon first, by date, with the date in words; later and undated work after', () => {
    const v = homeView(
      data({
        tasks: [
          task({ id: 'a', title: 'Later', dueOn: '2026-12-20', assignedTo: 'u1', assignedToName: 'Me' }),
          task({ id: 'b', title: 'Undated' }),
          task({ id: 'c', title: 'Soon', dueOn: '2026-12-03' }),
          task({ id: 'd', title: 'Late', dueOn: '2026-11-20' }),
        ],
      }),
    );
    assert.deepEqual(
      v.soon.map((i) => [i.text, i.dueText, i.status.text]),
      [
        ['Late', 'Due by 20 November 2026', 'Overdue'],
        ['Soon', 'Due by 3 December 2026', 'Due soon'],
      ],
    );
    assert.deepEqual(
      v.later.map((i) => [i.text, i.dueText, i.detail]),
      [
        ['Later', 'Due by 20 December 2026', 'Assigned to you'],
        ['Undated', 'No set date', 'Not yet assigned: for your role'],
      ],
    );
    assert.equal(v.overdueCount, 1);
    assert.equal(v.soonUntilText, '8 December 2026');
  });

  it('names a meeting’s children as the service gave them, and offers only what the person may do', () => {
    const meeting = {
      id: 'm1',
      typeLabel: 'Strategy discussion',
      dueOn: null,
      heldOn: null,
      minutesApproved: false,
      chairName: 'Kent team manager',
      isChair: false,
      schedule: null,
      children: [
        { childId: 'c1', name: 'Ellis Hawthorn', masked: false },
        { childId: 'c2', name: 'Another child (a child harmed)', masked: true },
      ],
    };
    const v = homeView(data({ meetings: [{ ...meeting, can: { record: false, approve: false, close: false } }] }));
    assert.deepEqual(v.later, [], 'nothing to do at a meeting they may not record');
    assert.equal(v.meetings[0]!.childName, 'Ellis Hawthorn and Another child (a child harmed)');
    const chair = homeView(
      data({
        meetings: [
          { ...meeting, isChair: true, heldOn: '2026-11-30', can: { record: true, approve: true, close: false } },
        ],
      }),
    );
    assert.equal(chair.later[0]!.text, 'Approve the minutes of the strategy discussion');
    assert.equal(chair.meetings[0]!.detail, 'Chaired by you');
    assert.equal(chair.meetings[0]!.dueText, 'Held on 30 November 2026');
  });

  it('says how often the authority’s AIM Pathway Panel reviews, from its pack (R-NEL-12)', () => {
    const referral = {
      id: 'p1',
      authorityId: 'north-east-lincolnshire',
      childId: 'c1',
      childName: 'Ellis Hawthorn',
      referredByName: 'A social worker',
      nextReviewOn: '2026-12-20',
    } as PanelReferral;
    const v = homeView(data({ panel: [{ referral, due: 'review' }] }));
    assert.deepEqual(
      v.later.map((i) => [i.text, i.detail, i.dueText]),
      [['Hold the panel review', 'A review at least every 3 months', 'Due by 20 December 2026']],
    );
  });
});
