// The action model: for each thing a person can do to a record, who may do it and on which basis
// (R-X-7). Seeing a record never implies changing it: a read grant gives sight, never write.
// Pure: services gather who the person is to the record (their roles, their access bases to the
// child's record, and their relations to the record itself) and ask `may`. The same table is
// rendered in plain English on the "Who can do what" page and in docs/who-can-do-what.md.
import { ACCESS_BASES, type AccessBasis } from './access.ts';
import { CASE_ROLES, ROLE_LABELS, type Role } from './roles.ts';

/** How a person stands to a record, beyond their access to a child's record. */
export const RELATIONS = {
  author: 'wrote the draft incident',
  decider: 'decided the level of concern',
  chair: 'chairs the meeting',
  arranger: 'arranged the meeting',
  invitee: 'is invited to the meeting with their own account',
  representing: 'represents another authority responsible for a child at the meeting',
  assessor: 'is the lead or co-assessor of the assessment',
  plan_owner: 'owns the plan',
  uploader: 'uploaded the document',
  assignee: 'has been given the task',
  owes: 'holds the role that owes the task',
  self: 'is the account holder',
  proposer: 'proposed the change',
  oversight_account: 'is an administrator’s or auditor’s account',
  token: 'holds an API token of the authority',
  signed_in: 'is signed in',
  anyone: 'anyone, signed in or not',
} as const;
export type Relation = keyof typeof RELATIONS;

export type RecordKind =
  | 'child'
  | 'incident'
  | 'screening'
  | 'referral'
  | 'task'
  | 'meeting'
  | 'external decision'
  | 'case note'
  | 'family member'
  | 'alert'
  | 'document'
  | 'assessment'
  | 'panel referral'
  | 'plan'
  | 'list'
  | 'user'
  | 'team'
  | 'setting'
  | 'api token'
  | 'audit log'
  | 'procedure'
  | 'session';

/** One way of being allowed: every condition given must hold. */
export interface Allowance {
  /** Holds at least one of these roles. */
  roles?: readonly Role[];
  /** Has at least one of these bases of access to the child's record. */
  bases?: readonly AccessBasis[];
  /** Stands in this relation to the record. */
  relation?: Relation;
  /** Does not stand in any of these relations to the record (separation of duties). */
  unless?: readonly Relation[];
}

export interface ActionRule {
  /** What the person does, in plain English, starting with a verb. */
  label: string;
  on: RecordKind;
  kind: 'view' | 'change';
  /** Any one of these allows the action. */
  allow: readonly Allowance[];
  /** For a change: the view action whose refusal answers "not found" rather than "forbidden" (an action id). */
  seeing?: string;
  /** Conditions on the record's state that the service also checks, said in words. */
  when?: string;
}

const ALL_BASES: readonly AccessBasis[] = ACCESS_BASES;
/** Working on the case: the allocation, the team, its manager, the team receiving a referral. */
const CASE_WORK: readonly AccessBasis[] = ['allocated', 'team', 'manager', 'referral'];
/** Case work, or a service an open task on the child is owed to (Youth Justice, the AIM practitioners, the coordinator). */
const CASE_OR_SERVICE: readonly AccessBasis[] = [...CASE_WORK, 'service'];
/** Case work, or having recorded an incident about the child (the DSL, a police officer). */
const CASE_WORK_OR_RECORDED: readonly AccessBasis[] = [...CASE_WORK, 'recorded'];
/** Every basis except a read grant. */
const NOT_A_GRANT: readonly AccessBasis[] = ALL_BASES.filter((basis) => basis !== 'grant');

const WORKERS: readonly Role[] = CASE_ROLES.filter((role) => role !== 'partner');
/** Who screens an incident with the authority's tool. */
export const SCREENERS: readonly Role[] = ['dsl', 'front_door', 'social_worker', 'team_manager', 'cse_coordinator'];
const ALLOCATORS: readonly Role[] = ['team_manager', 'front_door'];
const MANAGERS: readonly Role[] = ['team_manager'];
/** Roles that may arrange meetings and record their minutes and outcomes (the chair always may). */
export const MEETING_RECORDERS: readonly Role[] = ['social_worker', 'team_manager', 'cse_coordinator'];
/** In another authority responsible for a child at a meeting, these represent it (R-KEN-6). */
export const REPRESENTING_ROLES: readonly Role[] = ['team_manager', 'cse_coordinator'];
/** Who plans AIM assessments (and may be named an assessor). */
export const ASSESSING_ROLES: readonly Role[] = ['social_worker', 'aim_practitioner', 'youth_justice', 'team_manager'];
/** Children's Services and the Youth Justice Service refer to the AIM Pathway Panel (R-NEL-10). */
export const PANEL_REFERRERS: readonly Role[] = ['social_worker', 'team_manager', 'youth_justice'];
const DECISION_RECORDERS: readonly Role[] = ['social_worker', 'team_manager', 'youth_justice', 'front_door', 'partner'];
const ADMIN: readonly Role[] = ['administrator'];

const viewChild = [{ roles: CASE_ROLES, bases: ALL_BASES }] as const;
/** A plan's owner (not on a read grant) and the child's allocated worker write it (issue 14). */
const PLAN_WRITERS: readonly Allowance[] = [
  { roles: WORKERS, relation: 'plan_owner', bases: NOT_A_GRANT },
  { roles: WORKERS, bases: ['allocated'] },
];
/** The chair; those who work on a child's case at the meeting; a representative of another authority responsible for one. */
const RECORDING_A_MEETING: readonly Allowance[] = [
  { roles: CASE_ROLES, relation: 'chair' },
  { roles: MEETING_RECORDERS, bases: CASE_WORK },
  { roles: REPRESENTING_ROLES, relation: 'representing' },
];

/**
 * The arranger (still working on the case, not on a read grant), the chair, and the managers of the
 * case (issue 15): they move or cancel it, and change who is invited.
 */
const MOVING_A_MEETING: readonly Allowance[] = [
  { roles: CASE_ROLES, relation: 'arranger', bases: NOT_A_GRANT },
  { roles: CASE_ROLES, relation: 'chair' },
  { roles: MANAGERS, bases: ['manager'] },
];

export const ACTIONS = {
  // --- Children's records -------------------------------------------------------------------
  'child.view': {
    label: 'See a child’s record: details, chronology, incidents, tasks, meetings and assessments',
    on: 'child',
    kind: 'view',
    allow: viewChild,
  },
  'cases.view': { label: 'List the children they may see', on: 'list', kind: 'view', allow: [{ roles: CASE_ROLES }] },
  'home.work': {
    label:
      'See their own work on their home page: tasks due, referrals waiting, meetings coming up, their ' +
      'unfinished recording forms and recent changes, about children they may see',
    on: 'list',
    kind: 'view',
    allow: [{ roles: CASE_ROLES }],
  },
  'child.search': {
    label: 'Search the children they may see, to link one to an incident',
    on: 'list',
    kind: 'view',
    allow: [{ roles: CASE_ROLES }],
  },
  'child.find': {
    label:
      'Find a child by name, date of birth, school or identifier among the children they may see, ' +
      'told only how many others match',
    on: 'list',
    kind: 'view',
    allow: [{ roles: CASE_ROLES }],
  },
  'child.create': {
    label: 'Add a child’s record (after the duplicate check)',
    on: 'child',
    kind: 'change',
    allow: [{ roles: CASE_ROLES }],
  },
  'child.update': {
    label: 'Change a child’s details',
    on: 'child',
    kind: 'change',
    seeing: 'child.view',
    allow: [{ roles: WORKERS, bases: CASE_WORK }],
  },
  'child.allocate': {
    label: 'Allocate a child to a worker and team, and a Youth Justice worker alongside',
    on: 'child',
    kind: 'change',
    seeing: 'child.view',
    allow: [{ roles: ALLOCATORS, bases: CASE_WORK }],
  },
  'child.grant': {
    label: 'Give a colleague time-limited access to read a child’s record',
    on: 'child',
    kind: 'change',
    seeing: 'child.view',
    allow: [{ roles: MANAGERS, bases: CASE_WORK }],
  },
  'child.revoke_grant': {
    label: 'End an access grant early',
    on: 'child',
    kind: 'change',
    seeing: 'child.view',
    allow: [{ roles: MANAGERS, bases: CASE_WORK }],
  },
  'child.close': {
    label: 'Close a child’s case',
    on: 'child',
    kind: 'change',
    seeing: 'child.view',
    when: 'no task open and no meeting still arranged',
    allow: [{ roles: MANAGERS, bases: CASE_WORK }],
  },
  'child.reopen': {
    label: 'Reopen a child’s case',
    on: 'child',
    kind: 'change',
    seeing: 'child.view',
    allow: [{ roles: MANAGERS, bases: CASE_WORK }],
  },
  'external_decision.view': {
    label: 'See the police, prosecution and triage decisions on a child’s record',
    on: 'external decision',
    kind: 'view',
    allow: viewChild,
  },
  'external_decision.record': {
    label: 'Record a police, prosecution or Out of Court Triage decision',
    on: 'external decision',
    kind: 'change',
    seeing: 'external_decision.view',
    allow: [{ roles: DECISION_RECORDERS, bases: CASE_WORK_OR_RECORDED }],
  },

  // --- Case notes (issue 15): on one child's record, kept as written ------------------------
  'note.view': {
    label: 'See a child’s case notes: visits, calls, direct work, consultations and management oversight',
    on: 'case note',
    kind: 'view',
    allow: viewChild,
  },
  'note.write': {
    label: 'Write a case note on a child’s record: a visit, a call, direct work, a consultation or a note',
    on: 'case note',
    kind: 'change',
    seeing: 'note.view',
    allow: [{ roles: CASE_ROLES, bases: NOT_A_GRANT }],
  },
  'note.oversee': {
    label: 'Write and sign a management oversight note on a child’s record',
    on: 'case note',
    kind: 'change',
    seeing: 'note.view',
    allow: [{ roles: MANAGERS, bases: CASE_WORK }],
  },

  // --- Family and network, and alerts (issue 15): on one child's record --------------------
  'family.view': {
    label: 'See a child’s family and network (parents and carers, brothers and sisters, school, GP, professionals)',
    on: 'family member',
    kind: 'view',
    allow: viewChild,
  },
  'family.household': {
    label: 'See the household and addresses of a child harmed in an incident',
    on: 'family member',
    kind: 'view',
    allow: [{ roles: CASE_ROLES, bases: CASE_WORK }],
    when: 'only a child harmed’s household and addresses are sealed; everyone who sees a child who harmed sees theirs',
  },
  'family.change': {
    label: 'Add a person to a child’s family and network, or record that they are no longer involved',
    on: 'family member',
    kind: 'change',
    seeing: 'family.view',
    allow: [{ roles: CASE_ROLES, bases: NOT_A_GRANT }],
    when: 'on a child harmed’s record, the household only by those who may see it',
  },
  'alert.add': {
    label: 'Add an alert to a child’s record, shown at the top of every page of it',
    on: 'alert',
    kind: 'change',
    seeing: 'child.view',
    allow: [{ roles: CASE_ROLES, bases: NOT_A_GRANT }],
  },
  'alert.end': {
    label: 'End an alert on a child’s record, with the reason',
    on: 'alert',
    kind: 'change',
    seeing: 'child.view',
    allow: [
      { roles: WORKERS, bases: ['allocated'] },
      { roles: MANAGERS, bases: CASE_WORK },
    ],
  },

  // --- Documents (issue 15): on one child's record, kept as uploaded unless removed in error ---
  'document.view': {
    label: 'See the documents on a child’s record and download them',
    on: 'document',
    kind: 'view',
    allow: viewChild,
  },
  'document.upload': {
    label: 'Upload a document to a child’s record: a police summary, a school report, a signed plan or an assessment',
    on: 'document',
    kind: 'change',
    seeing: 'document.view',
    allow: [{ roles: CASE_ROLES, bases: NOT_A_GRANT }],
  },
  'document.remove': {
    label:
      'Remove a document uploaded in error, with the reason: its file is erased, the record of what it was is kept',
    on: 'document',
    kind: 'change',
    seeing: 'document.view',
    when: 'the document has not already been removed',
    allow: [
      { roles: CASE_ROLES, relation: 'uploader', bases: NOT_A_GRANT },
      { roles: MANAGERS, bases: CASE_WORK },
    ],
  },

  // --- Plans (issue 14): the owner and the allocated worker write, managers agree and end -----
  'plan.view': {
    label: 'See a child’s plans, their versions, reviews and who received a copy, and print them',
    on: 'plan',
    kind: 'view',
    allow: viewChild,
  },
  'plan.create': {
    label: 'Start a plan on a child’s record, naming its owner',
    on: 'plan',
    kind: 'change',
    seeing: 'plan.view',
    allow: [{ roles: WORKERS, bases: CASE_OR_SERVICE }],
  },
  'plan.edit': {
    label: 'Write a plan: what it says on each matter it must address',
    on: 'plan',
    kind: 'change',
    seeing: 'plan.view',
    when: 'while it is a draft or under review',
    allow: PLAN_WRITERS,
  },
  'plan.agree': {
    label: 'Agree a plan, with its next review date, which keeps a version',
    on: 'plan',
    kind: 'change',
    seeing: 'plan.view',
    when: 'a draft or a plan under review, each matter addressed or the reason it is not',
    allow: [{ roles: MANAGERS, bases: CASE_WORK }],
  },
  'plan.review': {
    label: 'Record a review of an agreed plan: what was done, what changed, the views, what follows',
    on: 'plan',
    kind: 'change',
    seeing: 'plan.view',
    when: 'while it is agreed',
    allow: [...PLAN_WRITERS, { roles: MANAGERS, bases: CASE_WORK }],
  },
  'plan.share': {
    label: 'Record who received a copy of an agreed plan, with consent and their views',
    on: 'plan',
    kind: 'change',
    seeing: 'plan.view',
    when: 'once it has been agreed',
    allow: [...PLAN_WRITERS, { roles: MANAGERS, bases: CASE_WORK }],
  },
  'plan.add_action': {
    label: 'Give a named colleague an action from a plan, with the date it is due',
    on: 'plan',
    kind: 'change',
    seeing: 'plan.view',
    when: 'until it has ended',
    allow: [...PLAN_WRITERS, { roles: MANAGERS, bases: CASE_WORK }],
  },
  'plan.end': {
    label: 'End a plan, saying why',
    on: 'plan',
    kind: 'change',
    seeing: 'plan.view',
    when: 'until it has ended',
    allow: [{ roles: MANAGERS, bases: CASE_WORK }],
  },

  // --- Incidents ----------------------------------------------------------------------------
  'incident.create': {
    label: 'Start recording an incident',
    on: 'incident',
    kind: 'change',
    allow: [{ roles: CASE_ROLES }],
  },
  'incident.view': {
    label: 'See a submitted incident (children they may not see are shown by their part only)',
    on: 'incident',
    kind: 'view',
    allow: [
      { roles: CASE_ROLES, relation: 'author' },
      { roles: CASE_ROLES, bases: ALL_BASES },
    ],
  },
  'incident.edit': {
    label: 'Complete a draft incident: its sections and its children',
    on: 'incident',
    kind: 'change',
    when: 'while it is a draft',
    allow: [{ roles: CASE_ROLES, relation: 'author' }],
  },
  'incident.link_child': {
    label: 'Link a child to their own draft incident',
    on: 'incident',
    kind: 'change',
    seeing: 'child.view',
    when: 'while it is a draft',
    allow: [{ roles: CASE_ROLES, relation: 'author', bases: NOT_A_GRANT }],
  },
  'incident.submit': {
    label: 'Submit their own draft incident',
    on: 'incident',
    kind: 'change',
    when: 'while it is a draft',
    allow: [{ roles: CASE_ROLES, relation: 'author' }],
  },

  'incident.correct': {
    label:
      'Correct a section of a submitted incident, with a reason: a new version, the incident as it stood kept readable',
    on: 'incident',
    kind: 'change',
    seeing: 'incident.view',
    when: 'once submitted',
    allow: [
      { roles: CASE_ROLES, relation: 'author' },
      { roles: MANAGERS, bases: CASE_WORK },
    ],
  },
  'incident.relink': {
    label: 'Correct which children a submitted incident links, or a child’s part in it, with a reason (a manager only)',
    on: 'incident',
    kind: 'change',
    seeing: 'incident.view',
    when: 'once submitted; a child screened for it keeps their part',
    allow: [{ roles: MANAGERS, bases: CASE_WORK }],
  },
  'incident.relink_child': {
    label: 'Add a child to a submitted incident, correcting it (a manager, on a basis other than a read grant)',
    on: 'child',
    kind: 'change',
    seeing: 'child.view',
    when: 'once submitted',
    allow: [{ roles: MANAGERS, bases: NOT_A_GRANT }],
  },

  // --- Screening and referral ---------------------------------------------------------------
  'screening.view': {
    label: 'See the screening of an incident and its suggested level of concern',
    on: 'screening',
    kind: 'view',
    allow: viewChild,
  },
  'screening.suggest': {
    label: 'Screen an incident with the authority’s tool',
    on: 'screening',
    kind: 'change',
    seeing: 'screening.view',
    allow: [{ roles: SCREENERS, bases: CASE_WORK_OR_RECORDED }],
  },
  'screening.decide': {
    label: 'Decide the level of concern, which sets the tasks',
    on: 'screening',
    kind: 'change',
    seeing: 'screening.view',
    when: 'once, while undecided',
    allow: [{ roles: SCREENERS, bases: CASE_WORK_OR_RECORDED }],
  },
  'screening.correct': {
    label:
      'Correct the reasons given for a decided level of concern, with a reason: a new version, the reasons as first given kept readable',
    on: 'screening',
    kind: 'change',
    seeing: 'screening.view',
    when: 'once decided (the level itself changes only by screening again)',
    allow: [
      { roles: SCREENERS, relation: 'decider', bases: NOT_A_GRANT },
      { roles: MANAGERS, bases: CASE_WORK },
    ],
  },
  'referral.create': {
    label: 'Refer a decided screening to the front door',
    on: 'referral',
    kind: 'change',
    seeing: 'screening.view',
    allow: [{ roles: SCREENERS, bases: CASE_WORK_OR_RECORDED }],
  },
  'referrals.list': {
    label: 'List the referrals received by their teams',
    on: 'list',
    kind: 'view',
    allow: [{ roles: ALLOCATORS }],
  },
  'referral.view': { label: 'See a referral', on: 'referral', kind: 'view', allow: viewChild },
  'referral.decide': {
    label: 'Screen a referral to one of the procedure’s outcomes',
    on: 'referral',
    kind: 'change',
    seeing: 'referral.view',
    allow: [{ roles: MANAGERS, bases: CASE_WORK }],
  },

  // --- Tasks --------------------------------------------------------------------------------
  'tasks.mine': { label: 'List their own tasks', on: 'list', kind: 'view', allow: [{ roles: CASE_ROLES }] },
  'task.view': { label: 'See a task', on: 'task', kind: 'view', allow: viewChild },
  'task.complete': {
    label: 'Mark a task as done',
    on: 'task',
    kind: 'change',
    seeing: 'task.view',
    when: 'while it is open',
    allow: [
      { roles: CASE_ROLES, relation: 'assignee', bases: NOT_A_GRANT },
      { roles: CASE_ROLES, relation: 'owes', bases: NOT_A_GRANT },
      { roles: MANAGERS, bases: CASE_WORK },
    ],
  },
  'task.assign': {
    label: 'Take on a task',
    on: 'task',
    kind: 'change',
    seeing: 'task.view',
    allow: [{ roles: CASE_ROLES, relation: 'owes', bases: NOT_A_GRANT }],
  },
  'task.assign_to': {
    label: 'Give a task to a named colleague who owes it and works on the case',
    on: 'task',
    kind: 'change',
    seeing: 'task.view',
    allow: [{ roles: ALLOCATORS, bases: CASE_WORK }],
  },

  // --- Meetings -----------------------------------------------------------------------------
  'meetings.list': {
    label: 'List the meetings they chair, are invited to, or that are shared with their authority',
    on: 'list',
    kind: 'view',
    allow: [{ roles: CASE_ROLES }],
  },
  'meeting.arrange': {
    label: 'Arrange the meeting a task calls for',
    on: 'meeting',
    kind: 'change',
    seeing: 'task.view',
    allow: [{ roles: MEETING_RECORDERS, bases: CASE_OR_SERVICE }],
  },
  'meeting.view': {
    label: 'See a meeting: when, who, the agenda and minutes',
    on: 'meeting',
    kind: 'view',
    allow: [
      { roles: CASE_ROLES, relation: 'chair' },
      { roles: CASE_ROLES, relation: 'invitee' },
      { roles: REPRESENTING_ROLES, relation: 'representing' },
      { roles: CASE_ROLES, bases: ALL_BASES },
    ],
  },
  'meeting.extract': {
    label:
      'Print an extract of a meeting’s record for one child’s family: that child’s part only, without the other children',
    on: 'meeting',
    kind: 'view',
    allow: [{ roles: CASE_ROLES, bases: ALL_BASES }],
    when: 'only for a child whose part of the meeting the person may see',
  },
  'meeting.reschedule': {
    label: 'Move a meeting to another day, time or place, with the reason',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    when: 'until it is held; the new day is today or later',
    allow: MOVING_A_MEETING,
  },
  'meeting.cancel': {
    label: 'Cancel a meeting, with the reason',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    when: 'until it is held',
    allow: MOVING_A_MEETING,
  },
  'meeting.invite': {
    label:
      'Change who is invited to a meeting: invite more people by name, remove someone with the reason, correct a partner’s details',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    when: 'until it is held',
    allow: MOVING_A_MEETING,
  },
  'meeting.view_child': {
    label: 'See a child’s name, immediate safety plan and outcome in a meeting',
    on: 'meeting',
    kind: 'view',
    allow: [
      { roles: CASE_ROLES, relation: 'chair' },
      { roles: REPRESENTING_ROLES, relation: 'representing' },
      { roles: CASE_ROLES, bases: ALL_BASES },
    ],
  },
  'meeting.record': {
    label: 'Record the minutes: date, attendance, notes and the immediate safety plans',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    when: 'until the chair approves the minutes',
    allow: RECORDING_A_MEETING,
  },
  'meeting.add_attendee': {
    label: 'Add someone to a meeting',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    when: 'until it is closed',
    allow: RECORDING_A_MEETING,
  },
  'meeting.outcome': {
    label: 'Record a child’s outcome from a meeting, which sets their next tasks',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    when: 'once per child, until it is closed',
    allow: RECORDING_A_MEETING,
  },
  'meeting.approve': {
    label: 'Approve the minutes of a meeting',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    allow: [{ roles: CASE_ROLES, relation: 'chair' }],
  },
  'meeting.correct_minutes': {
    label:
      'Correct approved minutes with a reason: a new version, the approved one kept readable ' +
      '(only the safety plans of the children whose plans they may write)',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    when: 'once the chair has approved the minutes',
    allow: [
      { roles: CASE_ROLES, relation: 'chair' },
      { roles: MANAGERS, bases: ['manager'] },
    ],
  },
  'meeting.circulate': {
    label: 'Record to whom the approved minutes were sent',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    allow: RECORDING_A_MEETING,
  },
  'meeting.close': {
    label: 'Close a meeting once everything is recorded',
    on: 'meeting',
    kind: 'change',
    seeing: 'meeting.view',
    allow: [{ roles: CASE_ROLES, relation: 'chair' }],
  },

  // --- AIM assessments ----------------------------------------------------------------------
  'assessments.mine': {
    label: 'List the assessments they lead or co-work',
    on: 'list',
    kind: 'view',
    allow: [{ roles: CASE_ROLES }],
  },
  'assessment.view': {
    label: 'See an AIM assessment and its report',
    on: 'assessment',
    kind: 'view',
    allow: [
      { roles: CASE_ROLES, relation: 'assessor' },
      { roles: CASE_ROLES, bases: ALL_BASES },
    ],
  },
  'assessment.plan': {
    label: 'Plan an AIM assessment',
    on: 'assessment',
    kind: 'change',
    seeing: 'child.view',
    allow: [{ roles: ASSESSING_ROLES, bases: CASE_OR_SERVICE }],
  },
  ...progress('assessment.stage', 'Record a stage of an AIM assessment as done'),
  ...progress('assessment.outcome', 'Record the outcome sheet of an AIM assessment'),
  ...progress('assessment.report', 'Write the report of an AIM assessment'),
  ...progress(
    'assessment.share',
    'Record that the report was shared with the young person and their parents or carers',
  ),
  ...progress('assessment.complete', 'Complete an AIM assessment'),

  // --- The AIM Pathway Panel (north-east-lincolnshire) --------------------------------------
  'panel.list': {
    label: 'List the referrals before the AIM Pathway Panel',
    on: 'list',
    kind: 'view',
    allow: [{ roles: ['panel_chair'] }],
  },
  'panel.view': {
    label: 'See a referral to the AIM Pathway Panel and its closure letter',
    on: 'panel referral',
    kind: 'view',
    allow: viewChild,
  },
  'panel.refer': {
    label: 'Refer a child to the AIM Pathway Panel',
    on: 'panel referral',
    kind: 'change',
    seeing: 'child.view',
    allow: [{ roles: PANEL_REFERRERS, bases: CASE_WORK }],
  },
  'panel.decide': {
    label: 'Record the panel’s decision, route and practitioners',
    on: 'panel referral',
    kind: 'change',
    seeing: 'panel.view',
    when: 'while awaiting a decision',
    allow: [{ roles: ['panel_chair'], bases: ['panel'] }],
  },
  'panel.review': {
    label: 'Record a panel review',
    on: 'panel referral',
    kind: 'change',
    seeing: 'panel.view',
    when: 'once accepted',
    allow: [{ roles: ['panel_chair'], bases: ['panel'] }],
  },
  'panel.close': {
    label: 'Close the panel’s involvement',
    on: 'panel referral',
    kind: 'change',
    seeing: 'panel.view',
    when: 'once accepted',
    allow: [{ roles: ['panel_chair'], bases: ['panel'] }],
  },

  // --- Administration: never case content ---------------------------------------------------
  'admin.users.view': {
    label: 'List and see the users of their authority',
    on: 'user',
    kind: 'view',
    allow: [{ roles: ADMIN }],
  },
  'admin.user.create': {
    label: 'Add a user (an administrator account waits for a second administrator)',
    on: 'user',
    kind: 'change',
    allow: [{ roles: ADMIN }],
  },
  'admin.user.update': {
    label: 'Change a user’s details, teams and trainings',
    on: 'user',
    kind: 'change',
    seeing: 'admin.users.view',
    allow: [{ roles: ADMIN }],
  },
  'admin.user.roles': {
    label: 'Change another user’s roles (an administrator’s roles need a second administrator)',
    on: 'user',
    kind: 'change',
    seeing: 'admin.users.view',
    allow: [{ roles: ADMIN, unless: ['self'] }],
  },
  'admin.user.approve_roles': {
    label: 'Approve or reject a role change another administrator proposed',
    on: 'user',
    kind: 'change',
    seeing: 'admin.users.view',
    allow: [{ roles: ADMIN, unless: ['proposer', 'self'] }],
  },
  'admin.user.unlock': {
    label: 'Unlock another user’s account',
    on: 'user',
    kind: 'change',
    seeing: 'admin.users.view',
    allow: [{ roles: ADMIN, unless: ['self'] }],
  },
  'admin.user.reset_password': {
    label:
      'Reset a case worker’s password (they must choose a new one when they next sign in, within 3 ' +
      'days); an administrator’s or auditor’s is reset by the service’s operator',
    on: 'user',
    kind: 'change',
    seeing: 'admin.users.view',
    allow: [{ roles: ADMIN, unless: ['self', 'oversight_account'] }],
  },
  'admin.teams.view': {
    label: 'See the teams of their authority',
    on: 'team',
    kind: 'view',
    allow: [{ roles: ADMIN }],
  },
  'admin.team.create': { label: 'Add a team', on: 'team', kind: 'change', allow: [{ roles: ADMIN }] },
  'admin.working_days.view': {
    label: 'See the working-day calendar and the inactivity flag',
    on: 'setting',
    kind: 'view',
    allow: [{ roles: ADMIN }],
  },
  'admin.holiday.add': {
    label: 'Add a one-off holiday to their authority’s working days',
    on: 'setting',
    kind: 'change',
    allow: [{ roles: ADMIN }],
  },
  'admin.holiday.remove': {
    label: 'Remove a one-off holiday of their authority',
    on: 'setting',
    kind: 'change',
    allow: [{ roles: ADMIN }],
  },
  'admin.inactivity.set': {
    label: 'Set when an open case is flagged as inactive',
    on: 'setting',
    kind: 'change',
    allow: [{ roles: ADMIN }],
  },
  'admin.api_tokens.view': {
    label: 'See their authority’s API tokens',
    on: 'api token',
    kind: 'view',
    allow: [{ roles: ADMIN }],
  },
  'admin.api_token.issue': {
    label: 'Issue an API token for their authority',
    on: 'api token',
    kind: 'change',
    allow: [{ roles: ADMIN }],
  },
  'admin.api_token.revoke': {
    label: 'Revoke an API token of their authority',
    on: 'api token',
    kind: 'change',
    allow: [{ roles: ADMIN }],
  },
  'audit.search': {
    label: 'Read their authority’s audit log',
    on: 'audit log',
    kind: 'view',
    allow: [{ roles: ['auditor'] }],
  },

  // --- Everyone's own --------------------------------------------------------------------------
  'procedures.view': {
    label: 'Read each authority’s procedure in plain English',
    on: 'procedure',
    kind: 'view',
    allow: [{ relation: 'signed_in' }],
  },
  'actions.view': {
    label: 'Read this table of who can do what',
    on: 'procedure',
    kind: 'view',
    allow: [{ relation: 'signed_in' }],
  },
  'session.sign_in': { label: 'Sign in', on: 'session', kind: 'change', allow: [{ relation: 'anyone' }] },
  'session.sign_out': { label: 'Sign out', on: 'session', kind: 'change', allow: [{ relation: 'anyone' }] },
  'session.keep_alive': {
    label: 'Stay signed in when warned of the idle timeout',
    on: 'session',
    kind: 'change',
    allow: [{ relation: 'signed_in' }],
  },
  'account.password': {
    label: 'Change their own password',
    on: 'user',
    kind: 'change',
    allow: [{ relation: 'signed_in' }],
  },
  'home.view': { label: 'See their home page', on: 'session', kind: 'view', allow: [{ relation: 'signed_in' }] },
  'service.health': {
    label: 'Check that the service is up (for monitoring)',
    on: 'session',
    kind: 'view',
    allow: [{ relation: 'anyone' }],
  },

  // --- The JSON API -----------------------------------------------------------------------------
  'api.openapi': {
    label: 'Read the API’s description',
    on: 'procedure',
    kind: 'view',
    allow: [{ relation: 'anyone' }],
  },
  'api.procedures': {
    label: 'Read their authority’s procedure pack through the API',
    on: 'procedure',
    kind: 'view',
    allow: [{ relation: 'token' }],
  },
  'api.bank_holidays': {
    label: 'Read their authority’s working-day calendar through the API',
    on: 'setting',
    kind: 'view',
    allow: [{ relation: 'token' }],
  },
  'api.evaluate': {
    label: 'Evaluate a case with their authority’s procedure, without saving it',
    on: 'procedure',
    kind: 'view',
    allow: [{ relation: 'token' }],
  },
} as const satisfies Record<string, ActionRule>;

function progress<K extends string>(id: K, label: string) {
  const rule: ActionRule = {
    label,
    on: 'assessment',
    kind: 'change',
    seeing: 'assessment.view',
    when: 'while it is in progress',
    allow: [
      { roles: CASE_ROLES, relation: 'assessor' },
      { roles: MANAGERS, bases: CASE_WORK },
    ],
  };
  return { [id]: rule } as Record<K, ActionRule>;
}

export type ActionId = keyof typeof ACTIONS;

export function actionRule(id: ActionId): ActionRule {
  return ACTIONS[id];
}

export function isActionId(value: string): value is ActionId {
  return Object.hasOwn(ACTIONS, value);
}

/** Who the person is to the record an action is about. */
export interface Subject {
  roles: readonly Role[];
  /** Their bases of access to the child's record (none for another authority, or for administrators and auditors). */
  bases: readonly AccessBasis[];
  relations: readonly Relation[];
}

export type RefusalReason = 'missing_role' | 'read_only' | 'no_need_to_know' | 'not_related' | 'separation_of_duties';

export type ActionDecision = { allowed: true; by: Allowance } | { allowed: false; reason: RefusalReason };

function satisfies(allowance: Allowance, subject: Subject): boolean {
  if (allowance.roles && !subject.roles.some((role) => allowance.roles!.includes(role))) return false;
  if (allowance.bases && !subject.bases.some((basis) => allowance.bases!.includes(basis))) return false;
  if (allowance.relation && allowance.relation !== 'anyone' && !subject.relations.includes(allowance.relation))
    return false;
  if (allowance.unless && allowance.unless.some((relation) => subject.relations.includes(relation))) return false;
  return true;
}

/** May this person do this action to this record? With the reason when not, for the audit log. */
export function may(action: ActionId, subject: Subject): ActionDecision {
  const rule: ActionRule = ACTIONS[action];
  for (const allowance of rule.allow) if (satisfies(allowance, subject)) return { allowed: true, by: allowance };
  // The most telling reason, for the refusal's audit event.
  const withRole = rule.allow.filter(
    (allowance) => !allowance.roles || subject.roles.some((role) => allowance.roles!.includes(role)),
  );
  if (!withRole.length) return { allowed: false, reason: 'missing_role' };
  const withoutUnless = (allowance: Allowance): Allowance => {
    const { unless: _ignored, ...rest } = allowance;
    return rest;
  };
  if (
    withRole.some(
      (allowance) =>
        allowance.unless &&
        allowance.unless.some((relation) => subject.relations.includes(relation)) &&
        satisfies(withoutUnless(allowance), subject),
    )
  ) {
    return { allowed: false, reason: 'separation_of_duties' };
  }
  const needsBasis = withRole.filter((allowance) => allowance.bases);
  if (needsBasis.length && subject.bases.length && subject.bases.every((basis) => basis === 'grant'))
    return { allowed: false, reason: 'read_only' };
  if (withRole.every((allowance) => allowance.relation && allowance.relation !== 'anyone'))
    return { allowed: false, reason: 'not_related' };
  return { allowed: false, reason: 'no_need_to_know' };
}

/** For a change: may the person see the record at all? A refusal there answers "not found". */
export function maySee(action: ActionId, subject: Subject): boolean {
  const rule: ActionRule = ACTIONS[action];
  const seeing = rule.seeing && isActionId(rule.seeing) ? rule.seeing : action;
  return may(seeing, subject).allowed;
}

// --- The plain-English table ------------------------------------------------------------------

/** Each basis as the people holding it are: "who are the allocated worker, or in the allocated team". */
export const BASIS_PHRASES: Record<AccessBasis, string> = {
  allocated: 'the allocated worker (or the Youth Justice worker alongside)',
  team: 'in the allocated team',
  manager: 'managing the allocated worker or team',
  recorded: 'the author of an incident about the child',
  grant: 'holding a time-limited read grant',
  referral: 'in the team that received a referral about the child',
  assessor: 'assessing the child (an AIM assessment in progress)',
  panel: 'on the child’s AIM Pathway Panel case, or chairing the panel the child was referred to',
  service:
    'in the service an open task for the child is owed to (Youth Justice, the AIM practitioners, the CSE coordinator)',
};

const RELATION_PHRASES: Record<Relation, string> = {
  author: 'wrote the draft',
  decider: 'decided the level of concern',
  chair: 'chair the meeting',
  arranger: 'arranged it',
  invitee: 'are invited to it with their own account',
  representing: 'represent another authority responsible for a child at the meeting',
  assessor: 'lead or co-assess the assessment',
  plan_owner: 'own the plan',
  uploader: 'uploaded it',
  assignee: 'have been given the task',
  owes: 'hold the role that owes the task',
  self: 'hold the account themselves',
  proposer: 'proposed the change',
  oversight_account: 'act on an administrator’s or auditor’s account',
  token: 'hold an API token of the authority',
  signed_in: 'are signed in',
  anyone: '',
};

function list(items: readonly string[], joiner: 'or' | 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`;
}

/** "Team manager" → "team managers"; "Partner-agency professional (police, health)" → "partner-agency professionals (police, health)". */
function plural(label: string): string {
  const lower = `${label.charAt(0).toLowerCase()}${label.slice(1)}`.replace(/^aIM|^cSE/, (match) =>
    match.toUpperCase(),
  );
  const at = lower.indexOf(' (');
  return at === -1 ? `${lower}s` : `${lower.slice(0, at)}s${lower.slice(at)}`;
}

function rolesPhrase(roles: readonly Role[]): string {
  if (roles.length === CASE_ROLES.length && CASE_ROLES.every((role) => roles.includes(role)))
    return 'people who work with cases';
  if (roles.length === CASE_ROLES.length - 1 && CASE_ROLES.every((role) => role === 'partner' || roles.includes(role)))
    return 'people who work with cases (not partner-agency professionals)';
  return list(
    roles.map((role) => plural(ROLE_LABELS[role])),
    'or',
  );
}

/** One allowance in plain English: "Team managers who are the allocated worker, or in the allocated team". */
export function allowanceText(allowance: Allowance): string {
  const conditions: string[] = [];
  let who: string;
  if (allowance.relation === 'anyone') who = 'anyone, signed in or not';
  else if (!allowance.roles && allowance.relation) who = `people who ${RELATION_PHRASES[allowance.relation]}`;
  else {
    who = allowance.roles ? rolesPhrase(allowance.roles) : 'anyone';
    if (allowance.relation) conditions.push(RELATION_PHRASES[allowance.relation]);
  }
  if (allowance.bases) {
    if (allowance.bases.length === ALL_BASES.length)
      conditions.push('may see the child’s record, a read grant included');
    else if (allowance.bases.length === NOT_A_GRANT.length && !allowance.bases.includes('grant'))
      conditions.push('may see the child’s record other than through a read grant');
    else
      conditions.push(
        `are ${list(
          allowance.bases.map((basis) => BASIS_PHRASES[basis]),
          'or',
        )}`,
      );
  }
  const joined = conditions.length
    ? ` ${who.startsWith('people who') ? 'and' : 'who'} ${conditions.join(', and ')}`
    : '';
  const unless = allowance.unless
    ? `, unless they ${list(
        allowance.unless.map((relation) => RELATION_PHRASES[relation]),
        'or',
      )}`
    : '';
  const text = `${who}${joined}${unless}`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export interface ActionRow {
  id: ActionId;
  label: string;
  on: RecordKind;
  kind: 'view' | 'change';
  who: string[];
  when: string | null;
}

/** The whole model as rows, grouped by the kind of record, for the page and the document. */
export function actionTable(): { on: RecordKind; rows: ActionRow[] }[] {
  const groups = new Map<RecordKind, ActionRow[]>();
  for (const [id, rule] of Object.entries(ACTIONS) as [ActionId, ActionRule][]) {
    const rows = groups.get(rule.on) ?? [];
    rows.push({
      id,
      label: rule.label,
      on: rule.on,
      kind: rule.kind,
      who: rule.allow.map(allowanceText),
      when: rule.when ?? null,
    });
    groups.set(rule.on, rows);
  }
  return [...groups.entries()].map(([on, rows]) => ({ on, rows }));
}

/** The table as Markdown, for docs/who-can-do-what.md (a test keeps the file current). */
export function actionTableMarkdown(): string {
  const lines = [
    '# Who can do what',
    '',
    'Generated from `src/domain/actions.ts` by `npm run docs:actions`; a test fails when this file is out of date.',
    'Every person also needs an account in the record’s authority: nothing crosses an authority boundary except',
    'a meeting shared between authorities. A read grant gives sight of a record, never a change to it.',
    'Administrators and auditors hold no case role and see no case content. "Or:" separates the ways of being allowed.',
    '',
  ];
  for (const group of actionTable()) {
    lines.push(
      `## ${group.on.charAt(0).toUpperCase()}${group.on.slice(1)}`,
      '',
      '| action | who may | when |',
      '|---|---|---|',
    );
    for (const row of group.rows)
      lines.push(`| ${row.label} (\`${row.id}\`) | ${row.who.join('. Or: ')} | ${row.when ?? ''} |`);
    lines.push('');
  }
  return lines.join('\n');
}
