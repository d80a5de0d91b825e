// What a meeting's forms must say before anything is written: arranging (R-KEN-6, R-ISL-5), the
// minutes, adding someone, a child's outcome (R-KEN-7), approving and circulating the minutes
// (R-KEN-13) and closing (R-KEN-6). Every problem at once, in the order of the page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MINUTES_LIMITS,
  type MinutesFacts,
  type MinutesInput,
  approveProblems,
  arrangeProblems,
  arrangedChildren,
  attendeeProblems,
  circulateProblems,
  circulatedTo,
  closeMeetingProblems,
  meetingOutcomeProblems,
  minutesHeldOn,
  minutesProblems,
  policeQuestionAsked,
} from '../../src/domain/meeting-rules.ts';
import { meetingType } from '../../src/domain/meetings.ts';
import type { MeetingType } from '../../src/domain/pack.ts';
import { getPack } from '../../src/procedures/index.ts';

const kent = getPack('kent')!;
const strategy: MeetingType = meetingType(kent, 'strategy-discussion')!;
const offered = [
  { childId: 'c1', name: 'Child A', role: 'displayed' as const, authorityId: 'kent' },
  { childId: 'c2', name: 'Child B', role: 'targeted' as const, authorityId: 'kent' },
];
const authorityIds = new Set(['kent', 'islington']);
const arrangeFacts = {
  taskOpen: true,
  offered,
  authorityIds,
  chair: { authorityId: 'kent' },
  chairAuthorityId: 'kent',
  chairAuthorityName: 'Kent',
  crossAuthority: false,
  citedClause: 'Kent procedure, section 8',
};

describe('arranging a meeting (R-KEN-6, R-ISL-5)', () => {
  it('takes the children chosen, a responsible authority for each, and a chair from the authority that chairs', () => {
    assert.deepEqual(arrangeProblems({ childIds: ['c1', 'c2'], responsible: {} }, arrangeFacts), []);
    assert.deepEqual(arrangedChildren(offered, { childIds: ['c2'], responsible: { c2: 'islington' } }, authorityIds), [
      { childId: 'c2', role: 'targeted', responsibleAuthorityId: 'islington' },
    ]);
  });

  it('says nothing more once the task is no longer open', () => {
    assert.deepEqual(
      arrangeProblems({ childIds: [], responsible: {} }, { ...arrangeFacts, taskOpen: false, chair: undefined }),
      [{ field: 'childIds', message: 'The task is no longer open: no meeting can be arranged for it' }],
    );
  });

  it('lists every problem at once, in page order', () => {
    assert.deepEqual(
      arrangeProblems({ childIds: ['c1'], responsible: { c1: 'nowhere' } }, { ...arrangeFacts, chair: undefined }),
      [
        { field: 'responsible-c1', message: 'Select the authority responsible for Child A' },
        { field: 'chairId', message: 'Select who will chair the meeting' },
      ],
    );
    assert.deepEqual(arrangeProblems({ childIds: [], responsible: {} }, arrangeFacts), [
      { field: 'childIds', message: 'Select the children this meeting is about' },
    ]);
    assert.deepEqual(arrangeProblems({ childIds: ['c1'], responsible: {} }, { ...arrangeFacts, offered: [] }), [
      { field: 'childIds', message: 'Every child already has a meeting arranged for this task' },
    ]);
  });

  it('keeps the child’s own authority when the one chosen is not an authority', () => {
    assert.deepEqual(arrangedChildren(offered, { childIds: ['c1'], responsible: { c1: 'nowhere' } }, authorityIds), [
      { childId: 'c1', role: 'displayed', responsibleAuthorityId: 'kent' },
    ]);
  });

  it('names the authority that chairs and why, within one authority and across authorities (R-ISL-5, R-KEN-6)', () => {
    const other = { ...arrangeFacts, chair: { authorityId: 'islington' } };
    assert.deepEqual(arrangeProblems({ childIds: ['c1'], responsible: {} }, other), [
      {
        field: 'chairId',
        message: 'Select a chair from Kent: the authority convening the meeting chairs (Kent procedure, section 8)',
      },
    ]);
    assert.equal(
      arrangeProblems({ childIds: ['c1'], responsible: {} }, { ...other, crossAuthority: true })[0]!.message,
      'Select a chair from Kent: the authority where the child harmed lives chairs (Kent procedure, section 8)',
    );
  });
});

const minutes = (over: Partial<MinutesInput> = {}): MinutesInput => ({
  heldOn: { day: '10', month: '11', year: '2026' },
  notes: [],
  policeInvolvement: '',
  policeInvolvementReason: '',
  attended: {},
  names: {},
  agencies: {},
  safetyPlans: {},
  ...over,
});
const minutesFacts: MinutesFacts = {
  locked: false,
  today: '2026-12-02',
  incidentOn: '2026-11-01',
  arrangedOn: '2026-11-05',
  policeQuestionFor: null,
  inviteeIds: ['i1'],
  agendaItems: 2,
  planChildIds: ['c1'],
};

describe('recording the minutes', () => {
  it('takes a date held, today or earlier, not before the incident or the arranging', () => {
    assert.deepEqual(minutesProblems(minutes(), minutesFacts), []);
    assert.equal(minutesHeldOn(minutes().heldOn, minutesFacts), '2026-11-10');
    assert.deepEqual(minutesProblems(minutes({ heldOn: { day: '', month: '', year: '' } }), minutesFacts), [
      { field: 'heldOn', message: 'Enter the date the meeting was held' },
    ]);
    assert.deepEqual(minutesProblems(minutes({ heldOn: { day: '3', month: '12', year: '2026' } }), minutesFacts), [
      { field: 'heldOn', message: 'Date the meeting was held must be today or in the past' },
    ]);
    const early = minutes({ heldOn: { day: '4', month: '11', year: '2026' } });
    assert.deepEqual(minutesProblems(early, minutesFacts), [
      {
        field: 'heldOn',
        message: 'The date the meeting was held must be on or after 5 November 2026, the date the meeting was arranged',
      },
    ]);
    assert.equal(minutesHeldOn(early.heldOn, minutesFacts), null);
  });

  it('cannot change once approved (R-KEN-13)', () => {
    assert.deepEqual(minutesProblems(minutes(), { ...minutesFacts, locked: true }), [
      { field: 'heldOn', message: 'The minutes have been approved and can no longer be changed' },
    ]);
  });

  it('asks about police involvement when the child who harmed was under 10 on the day held', () => {
    const under10 = { ...minutesFacts, policeQuestionFor: { dateOfBirth: '2016-11-11' } };
    assert.equal(policeQuestionAsked('2026-11-10', under10.policeQuestionFor), true);
    assert.equal(policeQuestionAsked('2026-11-11', under10.policeQuestionFor), false);
    assert.equal(policeQuestionAsked(null, under10.policeQuestionFor), false);
    assert.deepEqual(minutesProblems(minutes(), under10), [
      { field: 'policeInvolvement', message: 'Select whether police involvement in the enquiry is needed' },
    ]);
    assert.deepEqual(minutesProblems(minutes({ policeInvolvement: 'not_needed' }), under10), []);
    // Not asked until the day is known.
    assert.deepEqual(minutesProblems(minutes({ heldOn: { day: '', month: '', year: '' } }), under10), [
      { field: 'heldOn', message: 'Enter the date the meeting was held' },
    ]);
  });

  it('refuses only the boxes on the page that are too long, in page order', () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    const input = minutes({
      names: { i1: long(MINUTES_LIMITS.name), other: long(MINUTES_LIMITS.name) },
      agencies: { i1: long(MINUTES_LIMITS.agency) },
      safetyPlans: { c1: long(MINUTES_LIMITS.safetyPlan), c2: long(MINUTES_LIMITS.safetyPlan) },
      notes: ['', long(MINUTES_LIMITS.note), long(MINUTES_LIMITS.note)],
    });
    assert.deepEqual(
      minutesProblems(input, minutesFacts).map((problem) => problem.field),
      ['name-i1', 'agency-i1', 'safetyPlan-c1', 'note-1'],
    );
    assert.equal(minutesProblems(input, minutesFacts)[0]!.message, 'Name must be 200 characters or fewer');
  });
});

describe('adding someone to a meeting', () => {
  const person = { roleLabel: 'School nurse', name: 'A person', agency: 'Health', userId: '' };
  it('takes a name, agency and role, and an account of those taking part if one is chosen', () => {
    assert.deepEqual(attendeeProblems(person, { closed: false, accountIds: [] }), []);
    assert.deepEqual(attendeeProblems({ ...person, userId: 'u1' }, { closed: false, accountIds: ['u1'] }), []);
    assert.deepEqual(
      attendeeProblems(
        { roleLabel: ' ', name: '', agency: 'x'.repeat(201), userId: 'u2' },
        { closed: false, accountIds: ['u1'] },
      ),
      [
        { field: 'name', message: 'Enter the person’s name' },
        { field: 'agency', message: 'Agency must be 200 characters or fewer' },
        { field: 'roleLabel', message: 'Enter the person’s role' },
        { field: 'userId', message: 'Select an account from the list, or no account' },
      ],
    );
  });

  it('adds no one to a closed meeting', () => {
    assert.deepEqual(attendeeProblems({ ...person, name: '' }, { closed: true, accountIds: [] }), [
      { field: 'name', message: 'The meeting is closed: no one can be added to it' },
    ]);
  });
});

describe('a child’s outcome (R-KEN-7)', () => {
  const outcome = { outcome: 'nfa', rationale: '' };
  const facts = { closed: false, held: true, pack: kent, type: strategy, role: 'targeted' as const };
  it('is recorded once the meeting was held and until it is closed', () => {
    assert.deepEqual(meetingOutcomeProblems(outcome, { ...facts, closed: true }), [
      { field: 'outcome', message: 'The meeting is closed: its outcomes can no longer be recorded' },
    ]);
    assert.deepEqual(meetingOutcomeProblems(outcome, { ...facts, held: false }), [
      { field: 'outcome', message: 'Record the date the meeting was held before recording outcomes' },
    ]);
  });

  it('then needs what the chosen outcome needs', () => {
    assert.deepEqual(meetingOutcomeProblems({ outcome: 'no-such-outcome', rationale: '' }, facts), [
      { field: 'outcome', message: 'Select the outcome for this child' },
      { field: 'rationale', message: 'Enter the reasons for the decision' },
    ]);
  });
});

describe('approving and circulating the minutes (R-KEN-13)', () => {
  it('approves minutes once recorded', () => {
    assert.deepEqual(approveProblems({ held: true }), []);
    assert.deepEqual(approveProblems({ held: false }), [
      { field: 'minutes', message: 'Record the minutes before approving them' },
    ]);
  });

  it('sends approved minutes to someone at the meeting', () => {
    const known = ['i1', 'i2'];
    assert.deepEqual(circulatedTo(['i2', 'stranger'], known), ['i2']);
    assert.deepEqual(circulateProblems(['i2'], { approved: true, known }), []);
    assert.deepEqual(circulateProblems(['i2'], { approved: false, known }), [
      { field: 'minutes', message: 'The chair must approve the minutes before they are circulated' },
    ]);
    assert.deepEqual(circulateProblems(['stranger'], { approved: true, known }), [
      { field: 'inviteeIds', message: 'Select who the minutes were sent to' },
    ]);
  });
});

describe('closing a meeting (R-KEN-6)', () => {
  const done = {
    heldOn: '2026-11-10',
    minutesApproved: true,
    policeQuestionNeeded: false,
    policeInvolvement: null,
    children: [{ name: 'Child A', safetyPlan: 'Plan', hasOutcome: true }],
    invitees: [{ inviteeId: 'chair', roleLabel: 'Chair', attended: null }],
  };
  it('closes once everything is recorded', () => {
    assert.deepEqual(closeMeetingProblems(strategy, done), []);
  });

  it('needs each responsible authority’s representative to have attended, after the rest', () => {
    const cross = {
      ...done,
      minutesApproved: false,
      invitees: [
        ...done.invitees,
        { inviteeId: 'authority-islington', roleLabel: 'Representative of Islington', attended: false },
      ],
    };
    assert.deepEqual(closeMeetingProblems(strategy, cross), [
      { field: 'close', message: 'The chair must approve the minutes' },
      { field: 'close', message: 'Record that the representative of Islington attended' },
    ]);
  });
});
