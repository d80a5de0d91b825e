// The meetings pages' view models and form readers, as pure functions (issue 12, item 3).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  arrangeForm,
  arrangeInput,
  externalForm,
  externalInput,
  minutesForm,
  minutesInput,
} from '../../src/web/pages/meetings/schema.ts';
import {
  type ArrangeOptions,
  type MeetingDetails,
  accountItems,
  agendaSections,
  EMPTY_SCHEDULE,
  arrangeDefaults,
  arrangeView,
  decisionGroups,
  exportFileName,
  inviteeHistory,
  inviteeText,
  inviteView,
  invitedRows,
  isOverdue,
  meetingListRows,
  meetingView,
  minutesDefaults,
  outcomeView,
} from '../../src/web/pages/meetings/view-model.ts';

const invitee = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  roleLabel: 'Police',
  name: '',
  agency: '',
  attended: null,
  circulatedAt: null,
  ...extra,
});

// Only the fields the view model reads; the service's type has more.
const details = {
  today: '2026-12-10',
  recordChildIds: ['c1'],
  authorityName: (id: string) => ({ kent: 'Kent', medway: 'Medway' })[id] ?? id,
  type: { alsoHarmedPrompt: 'Has the child also been harmed?' },
  outcomeOptions: [{ id: 'nfa', label: 'No further action', hint: 'Close' }],
  meeting: {
    id: 'm1',
    typeLabel: 'Strategy discussion',
    status: 'arranged',
    heldOn: null,
    dueOn: '2026-12-09',
    authorityId: 'kent',
    chairAuthorityId: 'kent',
    policeInvolvement: null,
    policeInvolvementReason: '',
    schedule: {
      meetsOn: '2026-12-15',
      startsAt: '10:30',
      endsAt: '12:00',
      place: 'Room 2',
      videoLink: 'https://video.example/m1',
    },
    scheduleHistory: [
      {
        kind: 'arranged',
        schedule: { meetsOn: '2026-12-14', startsAt: '09:00', endsAt: '10:00', place: 'Room 1', videoLink: '' },
        reason: '',
      },
      {
        kind: 'moved',
        schedule: {
          meetsOn: '2026-12-15',
          startsAt: '10:30',
          endsAt: '12:00',
          place: 'Room 2',
          videoLink: 'https://video.example/m1',
        },
        reason: 'The chair is away',
      },
    ],
    agenda: [
      { section: 'Opening', text: 'Introductions', notes: '' },
      { section: 'Opening', text: 'Purpose', notes: 'Agreed' },
      { section: 'Plans', text: 'Safety plan', notes: '' },
    ],
    children: [
      { childId: 'c1', name: 'Ann Lee', role: 'displayed', responsibleAuthorityId: 'kent', safetyPlan: 'Plan A' },
      { childId: 'c2', name: 'Bo Ray', role: 'targeted', responsibleAuthorityId: 'medway', safetyPlan: '' },
    ],
    invitees: [
      invitee('i1', { name: 'Sam Lee', agency: 'Kent Police', attended: true }),
      invitee('i2', { roleLabel: 'Health', attended: false }),
      invitee('i3', { roleLabel: 'School', circulatedAt: '2026-12-10T10:00:00Z' }),
    ],
    inviteeChanges: [],
  },
} as unknown as MeetingDetails;

describe('meetings view model: who is invited (issue 15)', () => {
  const meeting = {
    invitees: [
      { id: 'i0', inviteeId: 'chair', name: 'Kim Chair', roleLabel: 'Chair', agency: 'Kent', userId: 'u0', email: '' },
      { id: 'i1', inviteeId: 'police', name: '', roleLabel: 'Police', agency: '', userId: null, email: '' },
      {
        id: 'i2',
        inviteeId: 'named',
        name: 'Dee Constable',
        roleLabel: 'Detective constable',
        agency: 'Police',
        userId: 'u2',
        email: '',
      },
      {
        id: 'i3',
        inviteeId: 'partner',
        name: 'Jo Nurse',
        roleLabel: 'School nurse',
        agency: '',
        userId: null,
        email: 'jo@health.example',
      },
    ],
    inviteeChanges: [
      { kind: 'added', name: 'Sam Help', roleLabel: 'Early help worker', agency: '', email: '', was: '', reason: '' },
      {
        kind: 'removed',
        name: 'Sam Help',
        roleLabel: 'Early help worker',
        agency: '',
        email: '',
        was: '',
        reason: 'Not needed after all',
      },
      {
        kind: 'changed',
        name: 'Jo Nurse',
        roleLabel: 'School nurse',
        agency: '',
        email: 'jo@health.example',
        was: 'Jo Nurse, School nurse',
        reason: '',
      },
    ],
  } as unknown as MeetingDetails['meeting'];

  it('lists those invited by name, not the chair or the procedure’s roles; only a partner’s details can be changed', () => {
    assert.deepEqual(invitedRows(meeting), [
      {
        id: 'i2',
        name: 'Dee Constable',
        roleText: 'Detective constable, Police',
        email: '',
        hasAccount: true,
        partner: false,
      },
      {
        id: 'i3',
        name: 'Jo Nurse',
        roleText: 'School nurse',
        email: 'jo@health.example',
        hasAccount: false,
        partner: true,
      },
    ]);
  });

  it('says each change to who is invited in words, with the reason for a removal', () => {
    assert.deepEqual(
      inviteeHistory(meeting).map((change) => [change.text, change.reason]),
      [
        ['Invited: Sam Help, Early help worker', ''],
        ['No longer invited: Sam Help, Early help worker', 'Not needed after all'],
        ['Details corrected to: Jo Nurse, School nurse, jo@health.example (they were: Jo Nurse, School nurse)', ''],
      ],
    );
  });

  it('offers the colleagues not yet invited, keeping what was chosen', () => {
    const view = inviteView([{ id: 'u5', name: 'Ash Worker', roleText: 'Social worker' }], {
      inviteUserIds: ['u5'],
      guests: [{ name: 'Sam', role: '', email: '' }],
    });
    assert.deepEqual(view.inviteUserItems, [
      { value: 'u5', text: 'Ash Worker', hint: { text: 'Social worker' }, checked: true },
    ]);
    assert.deepEqual(view.guestRows, [{ n: 1, name: 'Sam', role: '', email: '' }]);
  });
});

describe('meetings view model: one meeting', () => {
  it('is overdue only when arranged, not held and past its date', () => {
    assert.equal(isOverdue({ status: 'arranged', heldOn: null, dueOn: '2026-12-09' }, '2026-12-10'), true);
    assert.equal(isOverdue({ status: 'arranged', heldOn: null, dueOn: '2026-12-10' }, '2026-12-10'), false);
    assert.equal(isOverdue({ status: 'arranged', heldOn: '2026-12-08', dueOn: '2026-12-09' }, '2026-12-10'), false);
    assert.equal(isOverdue({ status: 'closed', heldOn: null, dueOn: '2026-12-09' }, '2026-12-10'), false);
    assert.equal(isOverdue({ status: 'arranged', heldOn: null, dueOn: null }, '2026-12-10'), false);
    assert.deepEqual(
      meetingListRows([{ status: 'arranged', heldOn: null, dueOn: '2026-12-01', schedule: null }], '2026-12-10'),
      [
        {
          status: 'arranged',
          heldOn: null,
          dueOn: '2026-12-01',
          schedule: null,
          overdue: true,
          whenText: 'Not yet scheduled',
          statusText: 'Open',
        },
      ],
    );
  });

  it('says when and where, and each change to it, GOV.UK style (issue 15)', () => {
    const view = meetingView(details);
    assert.equal(view.whenText, '10:30am to midday, 15 December 2026');
    assert.equal(view.whereText, 'Room 2, or by video');
    assert.equal(view.statusText, 'Open');
    assert.deepEqual(
      view.scheduleHistory.map((change) => change.text),
      [
        'Arranged for 9am to 10am, 14 December 2026',
        'Moved to 10:30am to midday, 15 December 2026, Room 2, or by video',
      ],
    );
  });

  it('groups the agenda under its headings, keeping each item’s place', () => {
    assert.deepEqual(agendaSections(details.meeting.agenda), [
      {
        heading: 'Opening',
        items: [
          { index: 0, text: 'Introductions', notes: '' },
          { index: 1, text: 'Purpose', notes: 'Agreed' },
        ],
      },
      { heading: 'Plans', items: [{ index: 2, text: 'Safety plan', notes: '' }] },
    ]);
  });

  it('names the authorities, the children’s parts and who the minutes can still be sent to', () => {
    const view = meetingView(details);
    assert.equal(view.chairAuthority, 'Kent');
    assert.deepEqual(view.authorities, ['Kent', 'Medway']);
    assert.equal(view.overdue, true);
    assert.deepEqual(
      view.children.map((child) => [child.childId, child.visible, child.responsibleName, child.roleText]),
      [
        ['c1', true, 'Kent', 'Child who harmed'],
        ['c2', false, 'Medway', 'Child harmed'],
      ],
    );
    assert.deepEqual(view.circulateItems, [
      { value: 'i1', text: 'Police: Sam Lee, Kent Police' },
      { value: 'i2', text: 'Health' },
    ]);
    assert.equal(inviteeText({ roleLabel: 'Police', name: '', agency: 'Kent Police' }), 'Police, Kent Police');
  });

  it('starts the minutes with what is recorded', () => {
    assert.deepEqual(minutesDefaults(details.meeting), {
      heldOn: { day: '', month: '', year: '' },
      notes: ['', 'Agreed', ''],
      policeInvolvement: '',
      policeInvolvementReason: '',
      attended: { i1: 'yes', i2: 'no', i3: '' },
      names: { i1: 'Sam Lee', i2: '', i3: '' },
      agencies: { i1: 'Kent Police', i2: '', i3: '' },
      safetyPlans: { c1: 'Plan A', c2: '' },
    });
  });

  it('asks whether the child who harmed was also harmed, and marks the outcome chosen', () => {
    const [displayed, targeted] = details.meeting.children;
    const view = outcomeView(details, displayed!, 'nfa');
    assert.equal(view.pageTitle, 'Outcome for Ann Lee');
    assert.equal(view.askAlsoHarmed, true);
    assert.deepEqual(view.outcomeItems, [
      { value: 'nfa', text: 'No further action', hint: { text: 'Close' }, checked: true },
    ]);
    assert.equal(outcomeView(details, targeted!, undefined).askAlsoHarmed, false);
  });

  it('names the downloaded record after the meeting and its day', () => {
    assert.equal(
      exportFileName({ typeLabel: 'HSB strategy meeting', heldOn: '2026-12-01', dueOn: null }),
      'hsb-strategy-meeting-2026-12-01.html',
    );
    assert.equal(
      exportFileName({ typeLabel: 'Strategy discussion', heldOn: null, dueOn: null }),
      'strategy-discussion-arranged.html',
    );
  });

  it('offers "No account" first among the accounts', () => {
    assert.deepEqual(accountItems([{ id: 'u1', name: 'Sam' }], 'u1'), [
      { value: '', text: 'No account' },
      { value: 'u1', text: 'Sam', selected: true },
    ]);
  });
});

describe('meetings view model: arranging', () => {
  const options = {
    type: { label: 'Strategy discussion' },
    task: { id: 't1' },
    canArrange: true,
    children: [{ childId: 'c1', name: 'Ann Lee', role: 'displayed', authorityId: 'kent' }],
    authorities: [
      { id: 'kent', name: 'Kent' },
      { id: 'medway', name: 'Medway' },
    ],
    chairCandidates: [{ authority: { name: 'Kent' }, users: [{ id: 'u1', name: 'Chair' }] }],
    defaultChairId: 'u1',
    inviteCandidates: [{ id: 'p1', name: 'Police officer', roleText: 'Detective constable, Police' }],
    invitees: [
      {
        inviteeId: 'police',
        label: 'Police',
        mode: 'invite',
        proposed: true,
        reason: 'Always',
        because: '',
        clause: null,
      },
      {
        inviteeId: 'yjs',
        label: 'Youth Justice',
        mode: 'inform',
        proposed: false,
        reason: 'Under 10',
        because: 'aged 9',
        clause: null,
      },
    ],
  } as unknown as ArrangeOptions;

  it('proposes every child with their own authority, the pack’s default chair and the proposed invitees (issue 15)', () => {
    assert.deepEqual(arrangeDefaults(options), {
      childIds: ['c1'],
      responsible: { c1: 'kent' },
      chairId: 'u1',
      invite: ['police'],
      excluded: {},
      schedule: EMPTY_SCHEDULE,
      inviteUserIds: [],
      guests: [
        { name: '', role: '', email: '' },
        { name: '', role: '', email: '' },
        { name: '', role: '', email: '' },
      ],
    });
  });

  it('marks what was chosen', () => {
    const view = arrangeView(options, {
      childIds: [],
      responsible: { c1: 'medway' },
      chairId: 'u1',
      invite: ['yjs'],
      schedule: EMPTY_SCHEDULE,
      inviteUserIds: ['p1'],
      guests: [{ name: 'Jo', role: 'School nurse', email: '' }],
    });
    assert.deepEqual(
      view.inviteUserItems.map((item) => [item.text, item.checked]),
      [['Police officer', true]],
    );
    assert.deepEqual(view.guestRows, [{ n: 1, name: 'Jo', role: 'School nurse', email: '' }]);
    assert.equal(view.pageTitle, 'Arrange: Strategy discussion');
    assert.deepEqual(view.childItems, [{ value: 'c1', text: 'Ann Lee (child who harmed)', checked: false }]);
    assert.deepEqual(
      view.responsibleSelects[0]?.items.map((item) => item.selected),
      [false, true],
    );
    assert.equal(view.chairGroups[0]?.users[0]?.selected, true);
    assert.deepEqual(
      view.inviteItems.map((item) => [item.text, item.checked]),
      [
        ['Police', false],
        ['Youth Justice (to be informed, not invited)', true],
      ],
    );
    assert.match(view.inviteItems[1]!.hint.html, /^Under 10 aged 9 \(/);
    assert.deepEqual(view.exclusionBoxes, [], 'no invitee the procedure leaves out only exceptionally');
  });

  it('asks for the exceptional circumstances of leaving out the parents or carers (R-KEN-13)', () => {
    const withParents = {
      ...options,
      invitees: [
        {
          inviteeId: 'parents',
          label: 'Parents or carers',
          mode: 'invite',
          proposed: true,
          reason: '',
          because: null,
          clause: 'kent §15',
          exceptional: 'kent §15',
        },
      ],
    } as unknown as ArrangeOptions;
    const view = arrangeView(withParents, { ...arrangeDefaults(withParents), excluded: { parents: 'Typed' } });
    assert.deepEqual(view.exclusionBoxes, [
      {
        id: 'exclude-parents',
        label: 'Parents or carers: if not invited, the exceptional circumstances',
        hint: 'They are left out only in exceptional circumstances, discussed with everyone at the meeting and minuted (Kent procedure, section 15).',
        value: 'Typed',
      },
    ]);
  });
});

describe('meetings forms', () => {
  it('reads the arrange form: the children, each responsible authority, the chair, when and where, and the invitees', () => {
    assert.deepEqual(
      arrangeInput(
        arrangeForm.read({
          childIds: ['c1', 'c2'],
          'responsible-c1': 'kent',
          chairId: 'u1',
          invite: 'police',
          'meetsOn-day': ' 1 ',
          'meetsOn-month': '12',
          'meetsOn-year': '2027',
          startTime: '10:30am',
          endTime: 'midday',
          place: 'Room 2',
          inviteUserIds: 'p1',
          'guestName-2': 'Jo',
          'guestRole-2': 'School nurse',
          'guestName-9': 'ignored',
        }),
      ),
      {
        childIds: ['c1', 'c2'],
        responsible: { c1: 'kent' },
        chairId: 'u1',
        invite: ['police'],
        excluded: {},
        inviteUserIds: ['p1'],
        schedule: {
          meetsOn: { day: '1', month: '12', year: '2027' },
          startTime: '10:30am',
          endTime: 'midday',
          place: 'Room 2',
          videoLink: '',
        },
        guests: [
          { name: '', role: '', email: '' },
          { name: 'Jo', role: 'School nurse', email: '' },
          { name: '', role: '', email: '' },
        ],
      },
    );
  });

  it('puts the minutes’ notes in agenda order, an item left out as empty', () => {
    const data = minutesForm.read({
      version: '2',
      'note-2': 'Third',
      'note-0': 'First',
      'note-x': 'no',
      'attended-i1': 'yes',
    });
    assert.equal(data.version, 2);
    const input = minutesInput(data);
    assert.deepEqual(input.notes, ['First', '', 'Third']);
    assert.deepEqual(input.attended, { i1: 'yes' });
    assert.deepEqual(minutesForm.hrefs([{ field: 'heldOn', message: 'Enter the date' }]), [
      { field: 'heldOn', message: 'Enter the date', href: '#heldOn-day' },
    ]);
  });

  it('reads an external decision as its agency and decision', () => {
    const input = externalInput(externalForm.read({ decision: 'cps:charge', 'decidedOn-day': '1', note: 'n' }));
    assert.deepEqual(input, {
      agency: 'cps',
      decision: 'charge',
      decidedOn: { day: '1', month: '', year: '' },
      youthJusticeRecommendation: '',
      note: 'n',
    });
    assert.equal(externalInput(externalForm.read({ decision: 'charge' })).agency, '');
    assert.equal(externalInput(externalForm.read({})).decision, '');
  });

  it('groups the decisions by agency, marking the one chosen', () => {
    const groups = decisionGroups({ agency: 'cps', decision: 'charge' });
    assert.equal(groups[0]?.idPrefix, 'decision');
    assert.ok(groups.slice(1).every((group) => group.idPrefix === `decision-${group.agency}`));
    const checked = groups.flatMap((group) => group.items.filter((item) => item.checked).map((item) => item.value));
    assert.deepEqual(checked, ['cps:charge']);
  });
});
