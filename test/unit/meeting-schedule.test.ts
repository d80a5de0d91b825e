// When and where a meeting meets, and who else is invited (issue 15): times read GOV.UK style
// (10:30am, midday, midnight), typed times understood, every problem with a schedule at once in
// the form's order, moving and cancelling refused once the meeting is held, partners typed in
// without an account, and the chair the form preselects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ScheduleInput,
  addInviteeProblems,
  cancelProblems,
  defaultChair,
  inviteLocked,
  isNamedInvitee,
  isTypedPartner,
  partnerProblems,
  partnerText,
  removeInviteeProblems,
  guestProblems,
  guestsGiven,
  moveProblems,
  namedInviteeProblems,
  parseTime,
  placeText,
  scheduleProblems,
  scheduleText,
  timeText,
} from '../../src/domain/meeting-schedule.ts';
import type { AccessBasis } from '../../src/domain/access.ts';
import { may } from '../../src/domain/actions.ts';
import { decideMeetingAccess } from '../../src/domain/meeting-access.ts';
import type { Role } from '../../src/domain/roles.ts';

const now = { today: '2026-12-03', time: '09:15' };
const input = (over: Partial<ScheduleInput> = {}): ScheduleInput => ({
  meetsOn: { day: '1', month: '12', year: '2027' },
  startTime: '10:30am',
  endTime: 'midday',
  place: 'Room 2, Civic Centre',
  videoLink: '',
  ...over,
});
const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);
const messages = (problems: { message: string }[]) => problems.map((problem) => problem.message);

describe('meeting times in words (issue 15)', () => {
  it('reads times GOV.UK style: 10:30am, 2pm, midday, midnight', () => {
    assert.equal(timeText('10:30'), '10:30am');
    assert.equal(timeText('09:05'), '9:05am');
    assert.equal(timeText('14:00'), '2pm');
    assert.equal(timeText('12:00'), 'midday');
    assert.equal(timeText('00:00'), 'midnight');
    assert.equal(timeText('12:30'), '12:30pm');
    assert.equal(timeText('00:30'), '12:30am');
    assert.equal(timeText('23:59:00'), '11:59pm');
  });

  it('says when in one line: "10:30am to midday, 1 December 2026"', () => {
    assert.equal(
      scheduleText({ meetsOn: '2026-12-01', startsAt: '10:30', endsAt: '12:00' }),
      '10:30am to midday, 1 December 2026',
    );
    assert.equal(placeText({ place: 'Room 2', videoLink: '' }), 'Room 2');
    assert.equal(placeText({ place: 'Room 2', videoLink: 'https://video.example/a' }), 'Room 2, or by video');
    assert.equal(placeText({ place: '', videoLink: 'https://video.example/a' }), 'By video');
  });

  it('understands times as people type them', () => {
    const cases: [string, string | null][] = [
      ['10:30', '10:30'],
      ['10.30', '10:30'],
      ['10:30am', '10:30'],
      ['10:30 AM', '10:30'],
      ['2pm', '14:00'],
      ['2:30 p.m.', '14:30'],
      ['14:30', '14:30'],
      ['12pm', '12:00'],
      ['12am', '00:00'],
      ['midday', '12:00'],
      ['Noon', '12:00'],
      ['midnight', '00:00'],
      ['9', null],
      ['25:00', null],
      ['10:75', null],
      ['13pm', null],
      ['half ten', null],
      ['', null],
    ];
    for (const [typed, expected] of cases) assert.equal(parseTime(typed), expected, typed);
  });
});

describe('a meeting’s schedule (issue 15)', () => {
  it('takes a real date today or later, a start and a later end, and a place or an https link', () => {
    const { problems, schedule } = scheduleProblems(input(), now);
    assert.deepEqual(problems, []);
    assert.deepEqual(schedule, {
      meetsOn: '2027-12-01',
      startsAt: '10:30',
      endsAt: '12:00',
      place: 'Room 2, Civic Centre',
      videoLink: '',
    });
    assert.deepEqual(
      scheduleProblems(input({ place: '', videoLink: 'https://video.example/room?id=1' }), now).problems,
      [],
      'a video link alone',
    );
  });

  it('reports every problem at once, in the order of the form, in GOV.UK wording', () => {
    const { problems, schedule } = scheduleProblems(
      { meetsOn: { day: '31', month: '2', year: '2027' }, startTime: '', endTime: 'later', place: '', videoLink: '' },
      now,
    );
    assert.equal(schedule, null);
    assert.deepEqual(fields(problems), ['meetsOn', 'startTime', 'endTime', 'place']);
    assert.deepEqual(messages(problems), [
      'The meeting date must be a real date',
      'Enter the start time',
      'Enter the end time as a time, like 11:30am or 3pm',
      'Enter where the meeting is, or a video link for it',
    ]);
    assert.deepEqual(
      messages(scheduleProblems({ ...input(), meetsOn: { day: '', month: '', year: '' } }, now).problems),
      ['Enter the date of the meeting'],
    );
    assert.deepEqual(
      messages(scheduleProblems({ ...input(), meetsOn: { day: '1', month: '', year: '2027' } }, now).problems),
      ['The meeting date must include a month'],
    );
  });

  it('refuses a past date, and a start time today that has passed', () => {
    assert.deepEqual(
      messages(scheduleProblems(input({ meetsOn: { day: '2', month: '12', year: '2026' } }), now).problems),
      ['The meeting date must be today or in the future'],
    );
    const today = { day: '3', month: '12', year: '2026' };
    assert.deepEqual(
      messages(scheduleProblems(input({ meetsOn: today, startTime: '9am', endTime: '10am' }), now).problems),
      ['The start time must be later than now, as the meeting is today'],
    );
    assert.deepEqual(scheduleProblems(input({ meetsOn: today }), now).problems, [], 'later today');
  });

  it('wants the end after the start', () => {
    for (const endTime of ['10:30am', '9am', 'midnight'])
      assert.deepEqual(messages(scheduleProblems(input({ endTime }), now).problems), [
        'The end time must be after the start time',
      ]);
  });

  it('takes only an https video link', () => {
    const link = (videoLink: string) => messages(scheduleProblems(input({ videoLink }), now).problems);
    assert.deepEqual(link('http://video.example/a'), ['The video link must start with https://']);
    assert.deepEqual(link('video.example/a'), ['The video link must start with https://']);
    assert.deepEqual(link('javascript:alert(1)'), ['The video link must start with https://']);
    assert.deepEqual(link('https://'), ['Enter the video link as a web address, like https://video.example/meeting']);
    assert.deepEqual(link('https://video example/a'), [
      'Enter the video link as a web address, like https://video.example/meeting',
    ]);
    assert.deepEqual(link('https://someone:secret@video.example/a'), [
      'Enter the video link as a web address, like https://video.example/meeting',
    ]);
    assert.deepEqual(link(`https://video.example/${'a'.repeat(500)}`), [
      'The video link must be 500 characters or fewer',
    ]);
  });
});

describe('moving and cancelling a meeting (issue 15)', () => {
  const current = {
    meetsOn: '2027-12-01',
    startsAt: '10:30',
    endsAt: '12:00',
    place: 'Room 2, Civic Centre',
    videoLink: '',
  };
  const arranged = { status: 'arranged' as const, heldOn: null };

  it('moves to a new schedule, with why', () => {
    const moved = moveProblems(
      { ...input({ meetsOn: { day: '2', month: '12', year: '2027' } }), reason: 'The chair is away' },
      current,
      arranged,
      now,
    );
    assert.deepEqual(moved.problems, []);
    assert.equal(moved.schedule?.meetsOn, '2027-12-02');
  });

  it('asks for a change and a reason, with the schedule’s own problems first', () => {
    assert.deepEqual(messages(moveProblems({ ...input(), reason: ' ' }, current, arranged, now).problems), [
      'Change the date, the times or where the meeting is, to move it',
      'Enter why the meeting is being moved',
    ]);
    assert.deepEqual(fields(moveProblems({ ...input({ endTime: '' }), reason: '' }, current, arranged, now).problems), [
      'endTime',
      'reason',
    ]);
  });

  it('neither moves nor cancels a meeting once held, closed or cancelled', () => {
    for (const [state, words] of [
      [{ status: 'arranged', heldOn: '2027-12-01' }, 'has been held'],
      [{ status: 'closed', heldOn: '2027-12-01' }, 'is closed'],
      [{ status: 'cancelled', heldOn: null }, 'has been cancelled'],
    ] as const) {
      assert.deepEqual(messages(moveProblems({ ...input(), reason: 'x' }, current, state, now).problems), [
        `The meeting ${words}, so it cannot be moved`,
      ]);
      assert.deepEqual(messages(cancelProblems('x', state)), [`The meeting ${words}, so it cannot be cancelled`]);
    }
  });

  it('cancels with a reason', () => {
    assert.deepEqual(messages(cancelProblems('', arranged)), ['Enter why the meeting is being cancelled']);
    assert.deepEqual(messages(cancelProblems('x'.repeat(2001), arranged)), [
      'The reason must be 2,000 characters or fewer',
    ]);
    assert.deepEqual(cancelProblems('The family has moved away', arranged), []);
  });
});

describe('invitees beyond the procedure’s roles (issue 15)', () => {
  it('takes partners without an account by row: a blank row is no one, a name and a role are needed', () => {
    const guests = [
      { name: 'Jo Fenwick', role: 'School nurse', email: 'school.nurse@health.example' },
      { name: '', role: '', email: '' },
      { name: '', role: 'Youth worker', email: 'not an address' },
    ];
    assert.deepEqual(guestProblems(guests), [
      { field: 'guestName-3', message: 'Enter the name of person 3' },
      {
        field: 'guestEmail-3',
        message: 'Enter an email address in the correct format, like name@example.com',
      },
    ]);
    assert.deepEqual(guestsGiven(guests), [guests[0], { name: '', role: 'Youth worker', email: 'not an address' }]);
    assert.deepEqual(guestProblems([{ name: ' Jo ', role: '', email: '' }]), [
      { field: 'guestRole-1', message: 'Enter the role or organisation of the person' },
    ]);
  });

  it('invites by name only people offered', () => {
    assert.deepEqual(namedInviteeProblems(['u1'], new Set(['u1', 'u2'])), []);
    assert.deepEqual(messages(namedInviteeProblems(['u1', 'zz'], new Set(['u1']))), [
      'Select the people to invite from the list',
    ]);
  });

  it('preselects the manager of the allocation if entitled to chair, else the first holder of the first chair role', () => {
    const people = [
      { id: 'sw', roles: ['social_worker'] },
      { id: 'tm1', roles: ['team_manager'] },
      { id: 'tm2', roles: ['team_manager'] },
    ];
    assert.equal(defaultChair(people, ['team_manager'], new Set(['tm2']), false), 'tm2');
    assert.equal(defaultChair(people, ['team_manager'], new Set(), false), 'tm1');
    assert.equal(defaultChair(people, ['social_worker', 'team_manager'], new Set(['sw']), false), 'sw');
    assert.equal(defaultChair(people, ['team_manager'], new Set(['sw']), false), 'tm1', 'not entitled to chair');
    assert.equal(defaultChair(people, ['cse_coordinator'], new Set(), false), '', 'no one holds the role');
    // A chair independent of the case's line management: not the allocated manager.
    assert.equal(defaultChair(people, ['team_manager'], new Set(['tm1']), true), 'tm2');
  });
});

describe('who moves or cancels a meeting (issue 15, R-X-7)', () => {
  const facts = (createdBy: string, inviteeUserIds: string[], bases: AccessBasis[]) => ({
    authorityId: 'kent',
    chairId: 'chair',
    chairAuthorityId: 'kent',
    createdBy,
    inviteeUserIds,
    children: [
      {
        childId: 'c1',
        role: 'displayed' as const,
        childAuthorityId: 'kent',
        responsibleAuthorityId: 'kent',
        bases,
      },
    ],
  });
  const viewer = (id: string, roles: Role[]) => ({ id, authorityId: 'kent', roles });
  const can = (
    action: 'meeting.reschedule' | 'meeting.cancel' | 'meeting.invite',
    who: ReturnType<typeof viewer>,
    f: ReturnType<typeof facts>,
  ) => may(action, decideMeetingAccess(who, f).subject).allowed;

  it('lets the arranger (still on the case), the chair and the case’s managers; not an invitee, nor a read grant', () => {
    for (const action of ['meeting.reschedule', 'meeting.cancel', 'meeting.invite'] as const) {
      assert.equal(can(action, viewer('sw', ['social_worker']), facts('sw', [], ['allocated'])), true, 'the arranger');
      assert.equal(
        can(action, viewer('sw', ['social_worker']), facts('sw', [], ['grant'])),
        false,
        'the arranger on a grant',
      );
      assert.equal(can(action, viewer('chair', ['team_manager']), facts('sw', [], [])), true, 'the chair');
      assert.equal(
        can(action, viewer('tm', ['team_manager']), facts('sw', [], ['manager'])),
        true,
        'a manager of the case',
      );
      assert.equal(
        can(action, viewer('tm', ['team_manager']), facts('sw', [], ['grant'])),
        false,
        'a manager on a grant',
      );
      assert.equal(
        can(action, viewer('pc', ['partner']), facts('sw', ['pc'], [])),
        false,
        'the invited police officer',
      );
      assert.equal(
        can(action, viewer('sw2', ['social_worker']), facts('sw', [], ['team'])),
        false,
        'a colleague in the team',
      );
      // The invited police officer sees the meeting (the invitee relation), not the child's part.
      const police = decideMeetingAccess(viewer('pc', ['partner']), facts('sw', ['pc'], []));
      assert.equal(may('meeting.view', police.subject).allowed, true);
      assert.equal(police.visibleChildIds.size, 0);
      assert.equal(police.recordChildIds.size, 0);
    }
  });
});

describe('who is invited, changed until the meeting is held (issue 15)', () => {
  const open = { status: 'arranged' as const, heldOn: null };
  const offered = new Set(['u1', 'u2']);
  const blank = { name: '', role: '', email: '' };

  it('changes only those invited by name: colleagues and partners, not the chair or the procedure’s roles', () => {
    assert.equal(isNamedInvitee({ inviteeId: 'named' }), true);
    assert.equal(isNamedInvitee({ inviteeId: 'partner' }), true);
    assert.equal(isNamedInvitee({ inviteeId: 'added' }), true);
    assert.equal(isNamedInvitee({ inviteeId: 'chair' }), false);
    assert.equal(isNamedInvitee({ inviteeId: 'police' }), false);
    assert.equal(isTypedPartner({ inviteeId: 'partner', userId: null }), true);
    assert.equal(isTypedPartner({ inviteeId: 'named', userId: 'u1' }), false);
  });

  it('refuses once the meeting is held, closed or cancelled', () => {
    assert.equal(inviteLocked(open), null);
    assert.equal(
      inviteLocked({ status: 'arranged', heldOn: '2026-12-01' }),
      'The meeting has been held, so who is invited cannot be changed',
    );
    assert.equal(
      inviteLocked({ status: 'closed', heldOn: '2026-12-01' }),
      'The meeting is closed, so who is invited cannot be changed',
    );
    assert.deepEqual(removeInviteeProblems('Moved away', { status: 'cancelled', heldOn: null }), [
      { field: 'reason', message: 'The meeting has been cancelled, so who is invited cannot be changed' },
    ]);
  });

  it('asks for someone to invite, from those offered, with the partners’ problems in the form’s order', () => {
    assert.deepEqual(addInviteeProblems({ inviteUserIds: [], guests: [blank] }, offered, open), [
      { field: 'inviteUserIds', message: 'Select the people to invite, or enter the name and role of a partner' },
    ]);
    assert.deepEqual(addInviteeProblems({ inviteUserIds: [], guests: [blank] }, new Set(), open), [
      { field: 'guestName-1', message: 'Enter the name and role of the partner to invite' },
    ]);
    assert.deepEqual(
      addInviteeProblems(
        { inviteUserIds: ['someone-else'], guests: [{ name: 'Sam', role: '', email: '' }, blank] },
        offered,
        open,
      ).map((problem) => problem.field),
      ['inviteUserIds', 'guestRole-1'],
    );
    assert.deepEqual(addInviteeProblems({ inviteUserIds: ['u2'], guests: [blank] }, offered, open), []);
  });

  it('needs a short reason to remove someone', () => {
    assert.deepEqual(removeInviteeProblems('  ', open), [
      { field: 'reason', message: 'Enter why they are no longer invited' },
    ]);
    assert.deepEqual(removeInviteeProblems('x'.repeat(501), open), [
      { field: 'reason', message: 'The reason must be 500 characters or fewer' },
    ]);
    assert.deepEqual(removeInviteeProblems('Another officer is coming instead', open), []);
  });

  it('checks a partner’s corrected details, and that something changed', () => {
    const current = { name: 'Jo', role: 'School nurse', agency: '', email: 'jo@health.example' };
    assert.deepEqual(
      partnerProblems({ name: '', role: ' ', agency: 'x'.repeat(201), email: 'jo@' }, current, open).map(
        (problem) => problem.field,
      ),
      ['name', 'role', 'agency', 'email'],
    );
    assert.deepEqual(partnerProblems({ ...current, name: ' Jo ' }, current, open), [
      { field: 'name', message: 'Change their name, role, agency or email address, to save the change' },
    ]);
    assert.deepEqual(partnerProblems({ ...current, agency: 'Community health' }, current, open), []);
    assert.equal(partnerText(current), 'Jo, School nurse, jo@health.example');
  });
});
