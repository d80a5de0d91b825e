// Audit events in words (issue 11): sentences for allowed, refused and failed events; details as
// "label: value"; never an identifier, JSON or an ISO date, even for records that cannot be found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AuditEventFacts,
  type AuditNames,
  actionChoices,
  eventInWords,
  referencesOf,
} from '../../src/domain/audit-words.ts';

const CHILD = '11111111-1111-4111-8111-111111111111';
const OTHER_CHILD = '22222222-2222-4222-8222-222222222222';
const USER = '33333333-3333-4333-8333-333333333333';
const TASK = '44444444-4444-4444-8444-444444444444';
const MEETING = '55555555-5555-4555-8555-555555555555';
const MISSING = '66666666-6666-4666-8666-666666666666';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const names: AuditNames = {
  children: new Map([
    [CHILD, { name: 'Sam Smith', ownAuthority: true }],
    [OTHER_CHILD, { name: '', ownAuthority: false }],
  ]),
  users: new Map([
    [
      USER,
      {
        name: 'Alex Worker',
        roles: ['social_worker', 'team_manager'],
        ownAuthority: true,
        authorityName: 'Kent County Council',
      },
    ],
  ]),
  teams: new Map(),
  apiTokens: new Map(),
  records: new Map([
    [TASK, { type: 'task', childIds: [CHILD], label: 'Hold a strategy discussion' }],
    [MEETING, { type: 'meeting', childIds: [CHILD, OTHER_CHILD], label: 'Strategy discussion', on: '2026-12-03' }],
  ]),
  authorities: new Map([['kent', 'Kent County Council']]),
};

const event = (e: Partial<AuditEventFacts>): AuditEventFacts => ({
  seq: '7',
  at: new Date('2026-12-01T14:05:00Z'),
  userId: USER,
  action: 'child.view',
  entityType: 'child',
  entityId: CHILD,
  outcome: 'ok',
  ip: '127.0.0.1',
  hash: 'ab'.repeat(32),
  details: {},
  ...e,
});

const flat = (w: ReturnType<typeof eventInWords>) => JSON.stringify({ ...w, technical: [] });

describe('audit events in words', () => {
  it('says who did what to which record, and when, in London time', () => {
    const w = eventInWords(event({ details: { basis: 'team', page: 'record' } }), names);
    assert.equal(w.sentence, 'Viewed the child record of Sam Smith');
    assert.deepEqual(w.who, { name: 'Alex Worker', role: 'Social worker, Team manager' });
    assert.equal(w.when, '1 December 2026 at 2:05pm');
    assert.deepEqual(w.record, { title: 'Sam Smith', childId: null });
    assert.deepEqual(w.details, [
      { label: 'Access basis', value: 'You are in the allocated team' },
      { label: 'Page', value: 'Record' },
    ]);
    assert.equal(w.outcome.text, 'Allowed');
  });

  it('links a child only where the reader may open their record', () => {
    assert.equal(eventInWords(event({}), names, new Set([CHILD])).record?.childId, CHILD);
  });

  it('names a meeting by its type and date, and never a child of another authority', () => {
    const w = eventInWords(
      event({
        action: 'meeting.record',
        entityType: 'meeting',
        entityId: MEETING,
        details: { heldOn: '2026-12-03', policeInvolvement: null, children: [CHILD, OTHER_CHILD, MISSING] },
      }),
      names,
    );
    assert.equal(w.sentence, 'Changed the minutes of the strategy discussion of 3 December 2026 about Sam Smith');
    assert.deepEqual(w.details, [
      { label: 'Held on', value: '3 December 2026' },
      { label: 'Children', value: 'Sam Smith, A child of another authority, An unknown child' },
    ]);
    assert.deepEqual(
      w.about.map((a) => a.name),
      ['Sam Smith'],
    );
  });

  it('says what was tried when refused, with the reason in words', () => {
    const w = eventInWords(
      event({
        action: 'task.complete',
        entityType: 'task',
        entityId: TASK,
        outcome: 'refused',
        details: { reason: 'read_only' },
      }),
      names,
    );
    assert.equal(w.sentence, 'Tried to complete the task “Hold a strategy discussion” for Sam Smith');
    assert.deepEqual(w.details, [{ label: 'Reason', value: 'They hold a read-only access grant' }]);
    assert.equal(w.outcome.text, 'Refused');
  });

  it('shows no identifier, JSON or ISO date, even for records that cannot be found', () => {
    for (const e of [
      event({ entityId: MISSING, outcome: 'refused', details: { reason: 'not_found' } }),
      event({
        action: 'task.view',
        entityType: 'task',
        entityId: MISSING,
        outcome: 'refused',
        details: { reason: 'not_found' },
      }),
      event({ action: 'child.view', entityType: 'child', entityId: 'not-an-id', outcome: 'refused' }),
      event({
        action: 'something.new',
        entityType: 'widget',
        entityId: MISSING,
        details: { nested: { at: '2026-12-01T10:00:00Z', ids: [MISSING] }, flag: true, note: `see ${MISSING}` },
      }),
      event({
        action: 'sign_in',
        userId: null,
        entityType: 'user',
        entityId: '',
        outcome: 'failed',
        details: { reason: 'unknown_email', emailDomain: 'kent.example', emailHash: 'abc123' },
      }),
    ]) {
      const w = flat(eventInWords(e, names));
      assert.doesNotMatch(w, UUID, w);
      assert.doesNotMatch(w, /\d{4}-\d{2}-\d{2}/, w);
      assert.ok(!w.includes('{\\"'), w);
    }
    const odd = eventInWords(
      event({ action: 'something.new', entityType: 'widget', details: { flag: true, off: false } }),
      names,
    );
    assert.deepEqual(odd.details, [
      { label: 'Flag', value: 'Yes' },
      { label: 'Off', value: 'No' },
    ]);
    const signIn = eventInWords(
      event({
        action: 'sign_in',
        userId: null,
        entityType: 'user',
        entityId: '',
        outcome: 'failed',
        details: { reason: 'unknown_email', emailDomain: 'kent.example', emailHash: 'abc123' },
      }),
      names,
    );
    assert.equal(signIn.sentence, 'Tried to sign in');
    assert.equal(signIn.who.name, 'Someone not signed in');
    assert.ok(
      signIn.details.some((d) => d.value === 'abc123'),
      'the fingerprint that tells repeated attempts apart',
    );
  });

  it('says what a search of the audit log looked for, as its form names the filters', () => {
    const w = eventInWords(
      event({
        action: 'audit.search',
        entityType: 'audit',
        entityId: '',
        details: {
          userId: USER,
          action: 'child.view',
          entityId: null,
          childName: 'Sam',
          outcome: 'refused',
          from: '2026-11-01',
          to: null,
          page: 1,
        },
      }),
      names,
    );
    assert.equal(w.sentence, 'Searched the audit log');
    assert.deepEqual(w.details, [
      { label: 'Who', value: 'Alex Worker' },
      { label: 'What', value: 'View a child’s record' },
      { label: 'Child’s name', value: 'Sam' },
      { label: 'Outcome', value: 'Refused' },
      { label: 'From', value: '1 November 2026' },
      { label: 'Page', value: '1' },
    ]);
  });

  it('collects what events point to, and offers the actions in words', () => {
    const refs = referencesOf([
      event({
        action: 'task.assign_to',
        entityType: 'task',
        entityId: TASK,
        details: { childId: CHILD, assignedTo: USER, tasksDone: [TASK] },
      }),
    ]);
    assert.ok(refs.records.task.has(TASK) && refs.children.has(CHILD) && refs.users.has(USER));
    assert.deepEqual(actionChoices(['child.view', 'audit.search']), [
      { value: 'audit.search', text: 'Search the audit log' },
      { value: 'child.view', text: 'View a child’s record' },
    ]);
  });
});
