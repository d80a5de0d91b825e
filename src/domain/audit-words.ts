// The audit log in words (issue 11): each event as a sentence an auditor reads ("Viewed the child
// record of Ellis Hawthorn"), with who did it, the record it was about, and its details as short
// "label: value" lines. Pure: the names of the people and records the events point to are looked
// up by the repository (auditNames) and passed in; nothing here shows an identifier, JSON or an
// ISO date.
import { ROLE_LABELS, TRAINING_LABELS, isRole, isTraining } from './roles.ts';
import { ACCESS_BASIS_LABELS, ACCESS_BASES, type AccessBasis } from './access.ts';
import { formatDate, formatDateTime } from './london-time.ts';
import type { ChainedFields } from './audit-chain.ts';

/** An event as the chain stores it (audit-chain's fields), with its hash and its details read. */
export type AuditEventFacts = Pick<
  ChainedFields,
  'seq' | 'at' | 'userId' | 'action' | 'entityType' | 'entityId' | 'outcome' | 'ip'
> & {
  hash: string;
  details: Record<string, unknown>;
};

/** The record types an event may be about, each looked up in its own table. */
export const RECORD_TYPES = [
  'incident',
  'meeting',
  'screening',
  'referral',
  'assessment',
  'task',
  'panel_referral',
  'external_decision',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The identifiers an event points to, by what they are, for the repository to name. */
export interface AuditRefs {
  children: Set<string>;
  users: Set<string>;
  teams: Set<string>;
  apiTokens: Set<string>;
  records: Record<RecordType, Set<string>>;
}

export interface NamedChild {
  name: string;
  /** False for a child of another authority: never named to this authority's auditor. */
  ownAuthority: boolean;
}

export interface NamedUser {
  name: string;
  roles: string[];
  ownAuthority: boolean;
  authorityName: string;
}

export interface NamedRecord {
  type: RecordType;
  /** The children it is about (the child of a screening; the children of an incident or a meeting). */
  childIds: string[];
  /** What the record calls itself: a task's title, a meeting's type, an assessment's model, a decision's label. */
  label?: string;
  /** The day it is known by: when an incident happened, when a meeting was held, the incident a screening screened. */
  on?: Date | string | null;
  createdAt?: Date | null;
  /** A meeting not yet held: the day it is due by. */
  dueOn?: string | null;
  draft?: boolean;
}

export interface AuditNames {
  children: ReadonlyMap<string, NamedChild>;
  users: ReadonlyMap<string, NamedUser>;
  teams: ReadonlyMap<string, string>;
  apiTokens: ReadonlyMap<string, string>;
  records: ReadonlyMap<string, NamedRecord>;
  authorities: ReadonlyMap<string, string>;
}

export interface EventInWords {
  seq: string;
  when: string;
  sentence: string;
  who: { name: string; role: string };
  /** The record the event is about, and the children it concerns (an id where a link may be made). */
  record: { title: string; childId: string | null } | null;
  about: { name: string; childId: string | null }[];
  outcome: { text: string; ok: boolean };
  details: { label: string; value: string }[];
  technical: { label: string; value: string }[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function looksLikeUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

function isUuidText(value: unknown): value is string {
  return typeof value === 'string' && looksLikeUuid(value);
}

function capitalise(text: string): string {
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text;
}

/** "Strategy discussion" -> "strategy discussion"; "AIM2" and "MASE meeting" keep their capitals. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "tasksDone" -> "Tasks done"; "not_found" -> "not found". */
function humanise(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
}

// --- What each action is, in words ---------------------------------------------------------------

/**
 * label: the action as a choice in the filter; did: the sentence when it was done; tried: after
 * "Tried to" when it was refused or failed. {record} is the record the event is about (or, when
 * that is not known, `noun`); {child} the child it concerns.
 */
interface ActionWords {
  label: string;
  did: string;
  tried: string;
  /** The record type {record} names; another entity falls back to the noun. */
  on?: RecordType | 'child' | 'user' | 'team' | 'api_token' | 'holiday';
  noun?: string;
  /** The event made the record: it is named by its kind ("Arranged a strategy discussion about..."). */
  fresh?: boolean;
}

const actionWords = (
  label: string,
  did: string,
  tried: string,
  on?: ActionWords['on'],
  noun?: string,
): ActionWords => ({
  label,
  did,
  tried,
  ...(on ? { on } : {}),
  ...(noun ? { noun } : {}),
});

const ACTION_WORDS: Record<string, ActionWords> = {
  'child.view': actionWords(
    'View a child’s record',
    'Viewed the child record of {child}',
    'view the child record of {child}',
    'child',
  ),
  'chronology.view': actionWords(
    'View a child’s chronology',
    'Viewed the chronology of {child}',
    'view the chronology of {child}',
    'child',
  ),
  'child.closure_view': actionWords(
    'View the closure of a child’s case',
    'Viewed the case closure page of {child}',
    'view the case closure page of {child}',
    'child',
  ),
  'cases.view': actionWords(
    'List the children they may see',
    'Listed the children they may see',
    'list the children they may see',
  ),
  'child.search': actionWords(
    'Search for a child to link to an incident',
    'Searched for a child to link to an incident',
    'search for a child to link to an incident',
  ),
  'child.find': actionWords(
    'Find a child',
    'Searched for a child by name, date of birth, school or identifier',
    'search for a child',
  ),
  'child.match': actionWords(
    'Check for an existing record before adding a child',
    'Checked for existing records before adding a child',
    'check for existing records before adding a child',
  ),
  'child.create': actionWords(
    'Add a child’s record',
    'Added the child record of {child}',
    'add a child’s record',
    'child',
  ),
  'child.update': actionWords(
    'Change a child’s details',
    'Changed the details of {child}',
    'change the details of {child}',
    'child',
  ),
  'child.allocate': actionWords(
    'Allocate a child to a worker and team',
    'Allocated {child} to a worker and team',
    'allocate {child} to a worker and team',
    'child',
  ),
  'child.grant': actionWords(
    'Give a colleague access to a child’s record',
    'Gave a colleague time-limited access to the record of {child}',
    'give a colleague access to the record of {child}',
    'child',
  ),
  'child.revoke_grant': actionWords(
    'End an access grant early',
    'Ended an access grant to the record of {child} early',
    'end an access grant to the record of {child}',
    'child',
  ),
  'child.close': actionWords(
    'Close a child’s case',
    'Closed the case of {child}',
    'close the case of {child}',
    'child',
  ),
  'child.reopen': actionWords(
    'Reopen a child’s case',
    'Reopened the case of {child}',
    'reopen the case of {child}',
    'child',
  ),
  'document.view': actionWords(
    'View the documents on a child’s record',
    'Viewed the documents on the record of {child}',
    'view the documents on the record of {child}',
    'child',
  ),
  'document.upload': actionWords(
    'Upload a document to a child’s record',
    'Uploaded a document to the record of {child}',
    'upload a document to the record of {child}',
  ),
  'document.download': actionWords(
    'Download a document from a child’s record',
    'Downloaded a document from the record of {child}',
    'download a document from the record of {child}',
  ),
  'document.remove': actionWords(
    'Remove a document uploaded in error',
    'Removed a document uploaded in error from the record of {child}, erasing its file',
    'remove a document from the record of {child}',
  ),
  'external_decision.view': actionWords(
    'View police, prosecution and triage decisions',
    'Viewed the police, prosecution and triage decisions about {child}',
    'view the police, prosecution and triage decisions about {child}',
    'child',
  ),
  'external_decision.record': actionWords(
    'Record a police, prosecution or triage decision',
    'Recorded {record}',
    'record a police, prosecution or triage decision about {child}',
    'external_decision',
    'a police, prosecution or triage decision',
  ),
  'incident.create': actionWords(
    'Start recording an incident',
    'Started recording an incident',
    'start recording an incident',
  ),
  'incident.drafts': actionWords(
    'List their draft incidents',
    'Listed their draft incidents',
    'list their draft incidents',
  ),
  'incident.draft_view': actionWords(
    'View a draft incident',
    'Viewed {record}',
    'view {record}',
    'incident',
    'a draft incident',
  ),
  'incident.edit': actionWords(
    'Complete a draft incident',
    'Worked on {record}',
    'work on {record}',
    'incident',
    'a draft incident',
  ),
  'incident.update': actionWords(
    'Change a section of a draft incident',
    'Changed {record}',
    'change {record}',
    'incident',
    'a draft incident',
  ),
  'incident.link_child': actionWords(
    'Add a child to a draft incident',
    'Added {child} to {record}',
    'add {child} to {record}',
    'incident',
    'a draft incident',
  ),
  'incident.unlink_child': actionWords(
    'Take a child off a draft incident',
    'Took {child} off {record}',
    'take {child} off {record}',
    'incident',
    'a draft incident',
  ),
  'incident.submit': actionWords(
    'Submit an incident',
    'Submitted {record}',
    'submit {record}',
    'incident',
    'an incident',
  ),
  'incident.view': actionWords('View an incident', 'Viewed {record}', 'view {record}', 'incident', 'an incident'),
  'screening.view': actionWords('View a screening', 'Viewed the screening of {child}', 'view the screening of {child}'),
  'screening.suggest': actionWords(
    'Screen an incident',
    'Recorded a screening of {child}',
    'screen an incident about {child}',
  ),
  'screening.decide': actionWords(
    'Decide the level of concern',
    'Decided the level of concern in {record}',
    'decide the level of concern in {record}',
    'screening',
    'a screening',
  ),
  'referral.create': actionWords(
    'Refer a screening to the front door',
    'Referred {child} to the front door',
    'refer {child} to the front door',
  ),
  'referrals.list': actionWords(
    'List the referrals received by their teams',
    'Listed the referrals received by their teams',
    'list the referrals received by their teams',
  ),
  'referral.view': actionWords('View a referral', 'Viewed {record}', 'view {record}', 'referral', 'a referral'),
  'referral.decide': actionWords('Decide a referral', 'Decided {record}', 'decide {record}', 'referral', 'a referral'),
  'tasks.mine': actionWords('List their tasks', 'Listed their tasks', 'list their tasks'),
  'tasks.view': actionWords('List tasks', 'Listed tasks', 'list tasks'),
  'task.view': actionWords('View a task', 'Viewed {record}', 'view {record}', 'task', 'a task'),
  'task.complete': actionWords('Complete a task', 'Completed {record}', 'complete {record}', 'task', 'a task'),
  'task.assign': actionWords('Take on a task', 'Took on {record}', 'take on {record}', 'task', 'a task'),
  'task.assign_to': actionWords(
    'Give a task to a colleague',
    'Gave {record} to a colleague',
    'give {record} to a colleague',
    'task',
    'a task',
  ),
  'meetings.list': actionWords('List their meetings', 'Listed their meetings', 'list their meetings'),
  'meeting.arrange_view': actionWords(
    'Open the form to arrange a meeting',
    'Opened the form to arrange the meeting for {record}',
    'open the form to arrange the meeting for {record}',
    'task',
    'a task',
  ),
  'meeting.arrange': {
    ...actionWords('Arrange a meeting', 'Arranged {record}', 'arrange a meeting about {child}', 'meeting', 'a meeting'),
    fresh: true,
  },
  'meeting.view': actionWords('View a meeting', 'Viewed {record}', 'view {record}', 'meeting', 'a meeting'),
  'meeting.view_child': actionWords(
    'View a child’s part of a meeting',
    'Viewed the part of {child} in {record}',
    'view a child’s part of {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.record': actionWords(
    'Record or change the minutes of a meeting',
    'Changed the minutes of {record}',
    'change the minutes of {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.add_attendee': actionWords(
    'Add an attendee to a meeting',
    'Added an attendee to {record}',
    'add an attendee to {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.outcome': actionWords(
    'Record a meeting’s outcome for a child',
    'Recorded the outcome for {child} of {record}',
    'record an outcome of {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.approve': actionWords(
    'Approve the minutes of a meeting',
    'Approved the minutes of {record}',
    'approve the minutes of {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.circulate': actionWords(
    'Circulate the minutes of a meeting',
    'Circulated the minutes of {record}',
    'circulate the minutes of {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.close': actionWords('Close a meeting', 'Closed {record}', 'close {record}', 'meeting', 'a meeting'),
  'meeting.reschedule': actionWords('Move a meeting', 'Moved {record}', 'move {record}', 'meeting', 'a meeting'),
  'meeting.reschedule_view': actionWords(
    'Open the form to move a meeting',
    'Opened the form to move {record}',
    'open the form to move {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.cancel': actionWords('Cancel a meeting', 'Cancelled {record}', 'cancel {record}', 'meeting', 'a meeting'),
  'meeting.cancel_view': actionWords(
    'Open the form to cancel a meeting',
    'Opened the form to cancel {record}',
    'open the form to cancel {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.invite': actionWords(
    'Change who is invited to a meeting',
    'Changed who is invited to {record}',
    'change who is invited to {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.invite_view': actionWords(
    'Open a form to change who is invited to a meeting',
    'Opened a form to change who is invited to {record}',
    'open a form to change who is invited to {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.print': actionWords(
    'Print the minutes of a meeting',
    'Printed the minutes of {record}',
    'print the minutes of {record}',
    'meeting',
    'a meeting',
  ),
  'meeting.export': actionWords(
    'Download the minutes of a meeting',
    'Downloaded the minutes of {record}',
    'download the minutes of {record}',
    'meeting',
    'a meeting',
  ),
  'assessments.mine': actionWords(
    'List the assessments they lead or co-work',
    'Listed the assessments they lead or co-work',
    'list the assessments they lead or co-work',
  ),
  'assessments.view': actionWords('List assessments', 'Listed assessments', 'list assessments'),
  'assessment.plan_view': actionWords(
    'Open the form to plan an AIM assessment',
    'Opened the form to plan an AIM assessment of {child}',
    'open the form to plan an AIM assessment of {child}',
  ),
  'assessment.plan': actionWords(
    'Plan an AIM assessment',
    'Planned {record}',
    'plan {record}',
    'assessment',
    'an AIM assessment',
  ),
  'assessment.view': actionWords(
    'View an AIM assessment',
    'Viewed {record}',
    'view {record}',
    'assessment',
    'an AIM assessment',
  ),
  'assessment.stage': actionWords(
    'Record a stage of an AIM assessment',
    'Recorded a stage of {record}',
    'record a stage of {record}',
    'assessment',
    'an AIM assessment',
  ),
  'assessment.outcome': actionWords(
    'Record the outcome sheet of an AIM assessment',
    'Recorded the outcome sheet of {record}',
    'record the outcome sheet of {record}',
    'assessment',
    'an AIM assessment',
  ),
  'assessment.report': actionWords(
    'Write the report of an AIM assessment',
    'Wrote the report of {record}',
    'write the report of {record}',
    'assessment',
    'an AIM assessment',
  ),
  'assessment.share': actionWords(
    'Record that an AIM assessment report was shared',
    'Recorded that the report of {record} was shared',
    'record that the report of {record} was shared',
    'assessment',
    'an AIM assessment',
  ),
  'assessment.complete': actionWords(
    'Complete an AIM assessment',
    'Completed {record}',
    'complete {record}',
    'assessment',
    'an AIM assessment',
  ),
  'assessment.print': actionWords(
    'Print the report of an AIM assessment',
    'Printed the report of {record}',
    'print the report of {record}',
    'assessment',
    'an AIM assessment',
  ),
  'assessment.export': actionWords(
    'Download the report of an AIM assessment',
    'Downloaded the report of {record}',
    'download the report of {record}',
    'assessment',
    'an AIM assessment',
  ),
  'panel.list': actionWords(
    'List the referrals before the AIM Pathway Panel',
    'Listed the referrals before the AIM Pathway Panel',
    'list the referrals before the AIM Pathway Panel',
  ),
  'panel.refer_view': actionWords(
    'Open the form to refer a child to the AIM Pathway Panel',
    'Opened the form to refer {child} to the AIM Pathway Panel',
    'open the form to refer {child} to the AIM Pathway Panel',
  ),
  'panel.refer': actionWords(
    'Refer a child to the AIM Pathway Panel',
    'Referred {child} to the AIM Pathway Panel',
    'refer {child} to the AIM Pathway Panel',
  ),
  'panel.view': actionWords(
    'View a referral to the AIM Pathway Panel',
    'Viewed {record}',
    'view {record}',
    'panel_referral',
    'a referral to the AIM Pathway Panel',
  ),
  'panel.decide': actionWords(
    'Record the panel’s decision',
    'Recorded the panel’s decision on {record}',
    'record the panel’s decision on {record}',
    'panel_referral',
    'a referral to the AIM Pathway Panel',
  ),
  'panel.review': actionWords(
    'Record a panel review',
    'Recorded a panel review of {record}',
    'record a panel review of {record}',
    'panel_referral',
    'a referral to the AIM Pathway Panel',
  ),
  'panel.close': actionWords(
    'Close the panel’s involvement',
    'Closed the panel’s involvement in {record}',
    'close the panel’s involvement in {record}',
    'panel_referral',
    'a referral to the AIM Pathway Panel',
  ),
  'panel.letter': actionWords(
    'View a panel closure letter',
    'Viewed the closure letter of {record}',
    'view the closure letter of {record}',
    'panel_referral',
    'a referral to the AIM Pathway Panel',
  ),
  'admin.users.view': actionWords(
    'List the users of their authority',
    'Listed the users of their authority',
    'list the users of their authority',
  ),
  'admin.user.view': actionWords('View a user’s account', 'Viewed {record}', 'view {record}', 'user', 'an account'),
  'admin.user.create': actionWords('Add a user', 'Added {record}', 'add a user', 'user', 'an account'),
  'admin.user.update': actionWords(
    'Change a user’s account',
    'Changed {record}',
    'change {record}',
    'user',
    'an account',
  ),
  'admin.user.roles': actionWords(
    'Change a user’s roles',
    'Changed the roles of {record}',
    'change the roles of {record}',
    'user',
    'an account',
  ),
  'admin.user.approve_roles': actionWords(
    'Approve or reject a role change',
    'Decided a role change for {record}',
    'decide a role change for {record}',
    'user',
    'an account',
  ),
  'admin.user.roles_approved': actionWords(
    'Approve a role change',
    'Approved a role change for {record}',
    'approve a role change for {record}',
    'user',
    'an account',
  ),
  'admin.user.roles_rejected': actionWords(
    'Reject a role change',
    'Rejected a role change for {record}',
    'reject a role change for {record}',
    'user',
    'an account',
  ),
  'admin.user.unlock': actionWords(
    'Unlock a user’s account',
    'Unlocked {record}',
    'unlock {record}',
    'user',
    'an account',
  ),
  'admin.user.reset_password': actionWords(
    'Reset a user’s password',
    'Reset the password of {record}',
    'reset the password of {record}',
    'user',
    'an account',
  ),
  'operator.reset_password': actionWords(
    'Reset a password (the service’s operator)',
    'Reset the password of {record}',
    'reset the password of {record}',
    'user',
    'an account',
  ),
  'operator.roles_approved': actionWords(
    'Approve a role change (the service’s operator)',
    'Approved a role change for {record}',
    'approve a role change for {record}',
    'user',
    'an account',
  ),
  'admin.teams.view': actionWords(
    'View the teams of their authority',
    'Viewed the teams of their authority',
    'view the teams of their authority',
  ),
  'admin.team.create': actionWords('Add a team', 'Added {record}', 'add a team', 'team', 'a team'),
  'admin.working_days.view': actionWords(
    'View the working-day calendar',
    'Viewed the working-day calendar',
    'view the working-day calendar',
  ),
  'admin.holiday.add': actionWords(
    'Add a one-off holiday',
    'Added {record}',
    'add {record}',
    'holiday',
    'a one-off holiday',
  ),
  'admin.holiday.remove': actionWords(
    'Remove a one-off holiday',
    'Removed {record}',
    'remove {record}',
    'holiday',
    'a one-off holiday',
  ),
  'admin.inactivity.set': actionWords(
    'Set when an open case is flagged as inactive',
    'Set when an open case is flagged as inactive',
    'set when an open case is flagged as inactive',
  ),
  'admin.api_tokens.view': actionWords(
    'View the API tokens of their authority',
    'Viewed the API tokens of their authority',
    'view the API tokens of their authority',
  ),
  'admin.api_token.issue': actionWords(
    'Issue an API token',
    'Issued {record}',
    'issue an API token',
    'api_token',
    'an API token',
  ),
  'admin.api_token.revoke': actionWords(
    'Revoke an API token',
    'Revoked {record}',
    'revoke {record}',
    'api_token',
    'an API token',
  ),
  'audit.search': actionWords('Search the audit log', 'Searched the audit log', 'read the audit log'),
  'procedures.view': actionWords('Read the procedures', 'Read the procedures', 'read the procedures'),
  'actions.view': actionWords('Read who can do what', 'Read who can do what', 'read who can do what'),
  sign_in: actionWords('Sign in', 'Signed in', 'sign in'),
  'session.sign_in': actionWords('Sign in', 'Signed in', 'sign in'),
  'session.sign_out': actionWords('Sign out', 'Signed out', 'sign out'),
  'session.keep_alive': actionWords(
    'Stay signed in when warned of the idle timeout',
    'Stayed signed in when warned of the idle timeout',
    'stay signed in',
  ),
  'account.password': actionWords(
    'Change their own password',
    'Changed their own password',
    'change their own password',
  ),
  'home.view': actionWords('View their home page', 'Viewed their home page', 'view their home page'),
  'service.health': actionWords(
    'Check that the service is up',
    'Checked that the service is up',
    'check that the service is up',
  ),
  'api.openapi': actionWords('Read the API’s description', 'Read the API’s description', 'read the API’s description'),
  'api.procedures': actionWords(
    'Read the procedure packs through the API',
    'Read the procedure packs through the API',
    'read the procedure packs through the API',
  ),
  'api.procedure': actionWords(
    'Read a procedure pack through the API',
    'Read a procedure pack through the API',
    'read a procedure pack through the API',
  ),
  'api.bank_holidays': actionWords(
    'Read the working-day calendar through the API',
    'Read the working-day calendar through the API',
    'read the working-day calendar through the API',
  ),
  'api.evaluate': actionWords(
    'Evaluate a case through the API',
    'Evaluated a case through the API, without saving it',
    'evaluate a case through the API',
  ),
  'api.authenticate': actionWords('Use the API', 'Used the API', 'use the API'),
  'api.rate_limited': actionWords('Use the API (too often)', 'Used the API', 'use the API (too many requests)'),
  'demo.seed': actionWords('Load the demo data', 'Loaded the demo data', 'load the demo data'),
};

function wordsFor(action: string): ActionWords {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const text = capitalise(humanise(action));
  return { label: text, did: text, tried: `do this: ${humanise(action)}` };
}

/** The actions as choices for the filter, in words, in alphabetical order of their words. */
export function actionChoices(actions: readonly string[]): { value: string; text: string }[] {
  const seen = new Map<string, string>();
  for (const action of actions) seen.set(action, wordsFor(action).label);
  return [...seen]
    .map(([value, text]) => ({ value, text }))
    .sort((first, second) => first.text.localeCompare(second.text, 'en-GB'));
}

// --- What an event points to -------------------------------------------------------------------

const USER_KEYS = new Set([
  'userId',
  'workerId',
  'youthJusticeWorkerId',
  'assignedTo',
  'previously',
  'proposedBy',
  'leadId',
  'coId',
  'decidedBy',
  'chairId',
  'uploadedBy',
  'userIds',
]);
const CHILD_KEYS = new Set(['childId']);
const CHILD_LIST_KEYS = new Set(['children', 'shown']);
const TEAM_KEYS = new Set(['teamId']);
const RECORD_KEYS: Record<string, RecordType> = {
  incidentId: 'incident',
  screeningId: 'screening',
  meetingId: 'meeting',
  referralId: 'referral',
  assessmentId: 'assessment',
  taskId: 'task',
};
const TASK_LIST_KEYS = new Set(['tasksDone']);

function isRecordType(value: string): value is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(value);
}

export function emptyRefs(): AuditRefs {
  return {
    children: new Set(),
    users: new Set(),
    teams: new Set(),
    apiTokens: new Set(),
    records: Object.fromEntries(RECORD_TYPES.map((recordType) => [recordType, new Set<string>()])) as Record<
      RecordType,
      Set<string>
    >,
  };
}

/** Adds the identifiers these events point to (who did it, the record, the people and records in the details). */
export function referencesOf(events: readonly AuditEventFacts[], refs: AuditRefs = emptyRefs()): AuditRefs {
  for (const event of events) {
    if (event.userId) refs.users.add(event.userId);
    if (isUuidText(event.entityId)) {
      if (event.entityType === 'child') refs.children.add(event.entityId);
      else if (event.entityType === 'user') refs.users.add(event.entityId);
      else if (event.entityType === 'team') refs.teams.add(event.entityId);
      else if (event.entityType === 'api_token') refs.apiTokens.add(event.entityId);
      else if (isRecordType(event.entityType)) refs.records[event.entityType].add(event.entityId);
    }
    for (const [key, value] of Object.entries(event.details ?? {})) {
      const ids = (Array.isArray(value) ? value : [value]).filter(isUuidText);
      if (!ids.length) continue;
      if (CHILD_KEYS.has(key) || CHILD_LIST_KEYS.has(key)) {
        // "shown" lists children, or the drafts listed by incident.drafts.
        if (event.action === 'incident.drafts') ids.forEach((id) => refs.records.incident.add(id));
        else ids.forEach((id) => refs.children.add(id));
      } else if (USER_KEYS.has(key)) ids.forEach((id) => refs.users.add(id));
      else if (TEAM_KEYS.has(key)) ids.forEach((id) => refs.teams.add(id));
      else if (TASK_LIST_KEYS.has(key)) ids.forEach((id) => refs.records.task.add(id));
      else if (RECORD_KEYS[key]) ids.forEach((id) => refs.records[RECORD_KEYS[key]!].add(id));
    }
  }
  return refs;
}

// --- The event in words --------------------------------------------------------------------------

const REASONS: Record<string, string> = {
  missing_role: 'they do not hold a role that may do this',
  read_only: 'they hold a read-only access grant',
  no_need_to_know: 'they have no need to know: no allocation, team, meeting or grant',
  not_related: 'they are not related to the record as this needs',
  separation_of_duties: 'separation of duties: they may not do this to their own record or proposal',
  not_found: 'no such record in their authority',
  not_author: 'only its author may open a draft',
  document_removed: 'the document was removed in error and its file erased',
  other_authority: 'the record belongs to another authority',
  no_case_role: 'they hold no role that works with children’s records',
  wrong_password: 'wrong password',
  locked: 'the account is locked',
  inactive: 'the account is deactivated',
  unknown_email: 'no account has this address',
  rate_limited: 'too many attempts',
  one_off_password_expired: 'the one-off password had expired',
  training_required: 'they do not hold the training the screening tool needs',
  same_worker_as_other_child: 'the same worker as the other child’s',
  assessor_is_victims_social_worker: 'an assessor is the social worker of the child harmed',
  completed: 'the record is completed and cannot be changed',
  not_a_child_who_displayed: 'the child did not display the behaviour in this incident',
  submitted_incident_locked: 'the incident is submitted and cannot be changed',
  no_pending_change: 'no change was waiting for a decision',
  unknown_type: 'the meeting type is not in the procedure',
  no_token: 'no API token was given',
  unknown_expired_or_revoked: 'the API token is unknown, expired or revoked',
  invalid: 'the request was not valid',
};

const KEY_LABELS: Record<string, string> = {
  reason: 'Reason',
  removalReason: 'Why it was removed',
  uploadedBy: 'Uploaded by',
  childId: 'Child',
  children: 'Children',
  shown: 'Shown',
  hidden: 'Records not shown (no access)',
  dateOfBirth: 'Date of birth',
  school: 'School or setting',
  identifier: 'NHS number or person ID',
  incidentId: 'Incident',
  screeningId: 'Screening',
  tool: 'Screening tool',
  suggested: 'Suggested level',
  level: 'Decided level',
  agreed: 'Agreed with the suggestion',
  packVersion: 'Procedure version',
  tasksCreated: 'Tasks created',
  tasksSuperseded: 'Tasks superseded',
  tasksDone: 'Tasks completed by this',
  tasks: 'Tasks created',
  count: 'Number listed',
  separate: 'Separate referrals',
  referrerName: 'Referrer',
  referrerRole: 'Referrer’s role and organisation',
  referrerPhone: 'Referrer’s phone number',
  referrerEmail: 'Referrer’s email address',
  parentsTold: 'Parents or carers told',
  parentsConsent: 'Parents’ or carers’ consent',
  outcome: 'Outcome',
  roles: 'Roles',
  rolesBefore: 'Roles before',
  rolesAfter: 'Roles after',
  rolesProposed: 'Roles proposed',
  proposed: 'Roles proposed',
  proposedBy: 'Proposed by',
  trainings: 'Trainings',
  active: 'Account active',
  mustChangePassword: 'Must choose a new password',
  operator: 'Operator',
  name: 'Name',
  basis: 'Access basis',
  page: 'Page',
  changed: 'Changed',
  workerId: 'Worker',
  teamId: 'Team',
  youthJusticeWorkerId: 'Youth Justice worker',
  userId: 'Colleague',
  days: 'Days',
  model: 'Assessment',
  mode: 'Mode',
  type: 'Meeting type',
  crossAuthority: 'Across authorities',
  heldOn: 'Held on',
  policeInvolvement: 'Police involvement',
  inviteeId: 'Attendee',
  withAccount: 'Has an account',
  meetsOn: 'Meeting date',
  startsAt: 'Starts',
  endsAt: 'Ends',
  place: 'Place',
  videoLink: 'Video link',
  previous: 'Previously',
  named: 'Colleagues invited',
  change: 'Change',
  userIds: 'Colleagues',
  partners: 'Partners invited without an account',
  superseded: 'Tasks no longer needed',
  alsoHarmed: 'Also harmed',
  to: 'Circulated to',
  step: 'Step',
  assignedTo: 'Given to',
  previously: 'Previously with',
  section: 'Section',
  fields: 'Fields changed',
  emailDomain: 'Address typed, its domain',
  emailHash: 'Address typed, its fingerprint',
  limit: 'Limit reached',
  path: 'Address requested',
  procedure: 'Procedure',
  year: 'Year',
  steps: 'Next steps',
  tokenName: 'API token',
  users: 'Users',
  agency: 'Agency',
  decision: 'Decision',
  action: 'Action',
  entityId: 'Record',
  childName: 'Child’s name',
  from: 'From',
  locked: 'Account locked',
  kind: 'Kind',
};

/** The filters of a search of the audit log, as its form names them. */
const SEARCH_LABELS: Record<string, string> = {
  userId: 'Who',
  action: 'What',
  outcome: 'Outcome',
  entityId: 'Record',
  childName: 'Child’s name',
  from: 'From',
  to: 'To',
  page: 'Page',
};
const OUTCOME_WORDS: Record<string, string> = { ok: 'Allowed', refused: 'Refused', failed: 'Failed' };

/** Keys that say nothing to an auditor (identifiers of rows they cannot open). */
const SKIP_KEYS = new Set(['grantId', 'version', 'requestId']);

const ROLE_WORDS = (role: string) => (isRole(role) ? ROLE_LABELS[role] : capitalise(humanise(role)));

function childName(names: AuditNames, id: string): string {
  const child = names.children.get(id);
  if (!child) return 'an unknown child';
  return child.ownAuthority ? child.name : 'a child of another authority';
}

function userName(names: AuditNames, id: string): string {
  const user = names.users.get(id);
  if (!user) return 'an account that could not be found';
  return user.ownAuthority ? user.name : `someone in ${user.authorityName}`;
}

function childrenOf(names: AuditNames, rec: NamedRecord | undefined): string[] {
  return rec ? rec.childIds.filter((id) => names.children.get(id)?.ownAuthority) : [];
}

function day(date: Date | string | null | undefined): string {
  return date ? formatDate(date) : 'an unknown date';
}

/** What the record is called, without its children: "Incident of 1 December 2026", "Strategy discussion arranged on 2 December 2026". */
export function recordTitle(rec: NamedRecord): string {
  const label = rec.label ?? '';
  switch (rec.type) {
    case 'incident':
      return rec.draft
        ? `Draft incident started on ${day(rec.createdAt)}`
        : rec.on
          ? `Incident of ${day(rec.on)}`
          : `Incident recorded on ${day(rec.createdAt)}`;
    case 'meeting':
      return `${capitalise(label || 'meeting')} ${rec.on ? `of ${day(rec.on)}` : rec.dueOn ? `due by ${day(rec.dueOn)}` : `arranged on ${day(rec.createdAt)}`}`;
    case 'screening':
      return rec.on ? `Screening for the incident of ${day(rec.on)}` : 'Screening';
    case 'referral':
      return 'Referral to the front door';
    case 'assessment':
      return `${label || 'AIM'} assessment`;
    case 'task':
      return `Task “${label}”`;
    case 'panel_referral':
      return 'Referral to the AIM Pathway Panel';
    case 'external_decision':
      return `Decision “${label}”`;
  }
}

/** The record in a sentence: "the incident of 1 December 2026 about Ellis Hawthorn and Maya Larchwood". */
function recordPhrase(names: AuditNames, rec: NamedRecord): string {
  const kids = andList(childrenOf(names, rec).map((id) => childName(names, id)));
  const label = rec.label ?? '';
  switch (rec.type) {
    case 'incident':
    case 'meeting':
      return `the ${lowerFirst(recordTitle(rec))}${kids ? ` about ${kids}` : ''}`;
    case 'screening':
      return `the screening of ${kids || 'a child'}${rec.on ? ` for the incident of ${day(rec.on)}` : ''}`;
    case 'referral':
      return `the referral of ${kids || 'a child'} to the front door`;
    case 'assessment':
      return `the ${label || 'AIM'} assessment of ${kids || 'a child'}`;
    case 'task':
      return `the task “${label}” for ${kids || 'a child'}`;
    case 'panel_referral':
      return `the AIM Pathway Panel referral of ${kids || 'a child'}`;
    case 'external_decision':
      return `the decision “${label}” about ${kids || 'a child'}`;
  }
}

function valueInWords(key: string, value: unknown, event: AuditEventFacts, names: AuditNames): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (!value.length) return 'None';
    if (key === 'shown' && event.action === 'incident.drafts')
      return `${value.length} ${value.length === 1 ? 'draft' : 'drafts'}`;
    const parts = value
      .map((item) => valueInWords(key, item, event, names))
      .filter((part): part is string => part !== null);
    return parts.length ? parts.join(', ') : 'None';
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .map(([field, entryValue]) => {
        const words = valueInWords(field, entryValue, event, names);
        return words === null ? null : `${humanise(field)} ${words}`;
      })
      .filter((part): part is string => part !== null);
    return parts.length ? parts.join('; ') : null;
  }
  // What is left is a string (details are JSON); a bigint, symbol or function would read as its own text.
  const text =
    typeof value === 'string' || typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function'
      ? value.toString()
      : '';
  if (looksLikeUuid(text)) {
    if (CHILD_KEYS.has(key) || CHILD_LIST_KEYS.has(key)) return capitalise(childName(names, text));
    if (USER_KEYS.has(key)) return capitalise(userName(names, text));
    if (TEAM_KEYS.has(key)) return names.teams.get(text) ?? 'A team that could not be found';
    const rec = names.records.get(text);
    if (rec) return capitalise(recordPhrase(names, rec));
    return key === 'entityId' ? 'One record' : 'A record that could not be found';
  }
  if (key === 'reason') return capitalise(REASONS[text] ?? humanise(text));
  if (key === 'basis' && (ACCESS_BASES as readonly string[]).includes(text))
    return ACCESS_BASIS_LABELS[text as AccessBasis];
  if (/^roles|^proposed$/.test(key)) return ROLE_WORDS(text);
  if (key === 'trainings' && isTraining(text)) return TRAINING_LABELS[text];
  if (key === 'action') return wordsFor(text).label;
  if (ISO_DATE.test(text)) return formatDate(text);
  if (ISO_DATE_TIME.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? text : formatDateTime(date);
  }
  if (
    key === 'emailHash' ||
    key === 'emailDomain' ||
    key === 'operator' ||
    key === 'name' ||
    key === 'school' ||
    key === 'identifier' ||
    key === 'path' ||
    key === 'childName' ||
    key === 'tokenName'
  )
    return text.replace(UUID, 'one record');
  // A code from the procedure or the service ('harmful', 'carson', 'when-and-where'): its words.
  if (/^[a-z0-9]+([_-][a-z0-9]+)*$/.test(text)) return capitalise(humanise(text));
  if (/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(text)) return capitalise(humanise(text));
  return text.replace(UUID, 'one record');
}

function detailsInWords(
  event: AuditEventFacts,
  names: AuditNames,
  subjectChild: string | null,
  recordChildren: readonly string[],
): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(event.details ?? {})) {
    if (SKIP_KEYS.has(key)) continue;
    // The child the sentence already names; the children its record line already lists.
    if (key === 'childId' && value === subjectChild) continue;
    if (
      key === 'children' &&
      Array.isArray(value) &&
      value.length &&
      value.every((childId) => recordChildren.includes(String(childId)))
    )
      continue;
    const search = event.action === 'audit.search' ? SEARCH_LABELS[key] : undefined;
    const words =
      search && key === 'outcome' && typeof value === 'string'
        ? (OUTCOME_WORDS[value] ?? null)
        : valueInWords(key, value, event, names);
    if (words === null) continue;
    out.push({ label: search ?? KEY_LABELS[key] ?? capitalise(humanise(key)), value: words });
  }
  return out;
}

function whoInWords(event: AuditEventFacts, names: AuditNames): { name: string; role: string } {
  const details = event.details ?? {};
  if (event.action.startsWith('operator.'))
    return {
      name: `The service’s operator${typeof details['operator'] === 'string' ? ` (${String(details['operator']).replace(UUID, 'one record')})` : ''}`,
      role: 'Operator',
    };
  if (event.action.startsWith('api.'))
    return {
      name: typeof details['tokenName'] === 'string' ? `API client “${details['tokenName']}”` : 'An API client',
      role: 'API token',
    };
  if (event.action === 'demo.seed') return { name: 'The service', role: 'Demo data' };
  if (event.action === 'sign_in' && event.outcome !== 'ok') {
    return event.userId
      ? { name: `Someone signing in as ${userName(names, event.userId)}`, role: 'Not signed in' }
      : { name: 'Someone not signed in', role: 'Not signed in' };
  }
  if (!event.userId) return { name: 'Someone not signed in', role: 'Not signed in' };
  const user = names.users.get(event.userId);
  if (!user) return { name: 'An account that could not be found', role: '' };
  return {
    name: user.ownAuthority ? user.name : `Someone in ${user.authorityName}`,
    role: user.roles.map(ROLE_WORDS).join(', '),
  };
}

/** The event as an auditor reads it. `linkable` says which children's records the reader may open. */
export function eventInWords(
  event: AuditEventFacts,
  names: AuditNames,
  linkable: ReadonlySet<string> = new Set(),
): EventInWords {
  const words = wordsFor(event.action);
  const details = event.details ?? {};
  const id = isUuidText(event.entityId) ? event.entityId : null;
  const rec = id && isRecordType(event.entityType) ? names.records.get(id) : undefined;
  const detailChild = isUuidText(details['childId']) ? details['childId'] : null;

  // The child the event is about: the child record itself, the child of the record, or the child in the details.
  let subjectChild: string | null = null;
  if (event.entityType === 'child' && id) subjectChild = id;
  else if (detailChild) subjectChild = detailChild;
  else if (rec && rec.childIds.length === 1) subjectChild = rec.childIds[0]!;
  const childText = subjectChild
    ? childName(names, subjectChild)
    : rec && childrenOf(names, rec).length
      ? andList(childrenOf(names, rec).map((childId) => childName(names, childId)))
      : event.entityType === 'child' && event.entityId
        ? 'an unknown child'
        : 'a child';

  let recordText: string;
  let record: EventInWords['record'] = null;
  const named = (title: string, childId: string | null = null) => {
    record = { title, childId: childId && linkable.has(childId) ? childId : null };
  };
  if (words.on && event.entityType === words.on && rec && words.fresh && rec.label) {
    const kids = andList(childrenOf(names, rec).map((childId) => childName(names, childId)));
    const kind = lowerFirst(rec.label);
    recordText = `${/^[aeiouAEIOU]/.test(kind) ? 'an' : 'a'} ${kind}${kids ? ` about ${kids}` : ''}`;
  } else if (words.on && event.entityType === words.on && rec) {
    recordText = recordPhrase(names, rec);
  } else if (words.on === 'user' && event.entityType === 'user' && id && names.users.has(id)) {
    recordText = `the account of ${userName(names, id)}`;
  } else if (words.on === 'team' && event.entityType === 'team' && id && names.teams.has(id)) {
    recordText = `the team “${names.teams.get(id)}”`;
  } else if (words.on === 'api_token' && event.entityType === 'api_token' && id && names.apiTokens.has(id)) {
    recordText = `the API token “${names.apiTokens.get(id)}”`;
  } else if (words.on === 'holiday' && ISO_DATE.test(event.entityId)) {
    recordText = `the one-off holiday on ${formatDate(event.entityId)}${typeof details['name'] === 'string' ? ` (${details['name']})` : ''}`;
  } else {
    const noun = words.noun ?? 'a record';
    recordText = subjectChild
      ? `${noun} about ${childText}`
      : event.entityId
        ? `${noun} that could not be found`
        : noun;
  }

  // Which record, for its own line: the child's name, or the record's title.
  if (event.entityType === 'child' && id)
    named(
      names.children.has(id) ? capitalise(childName(names, id)) : 'A child record that could not be found',
      names.children.get(id)?.ownAuthority ? id : null,
    );
  else if (event.entityType === 'child' && event.entityId) named('A child record that could not be found');
  else if (rec) named(recordTitle(rec));
  else if (event.entityType === 'user' && id)
    named(
      capitalise(names.users.has(id) ? `the account of ${userName(names, id)}` : 'an account that could not be found'),
    );
  else if (event.entityType === 'team' && id) named(names.teams.get(id) ?? 'A team that could not be found');
  else if (event.entityType === 'api_token' && id)
    named(names.apiTokens.has(id) ? `API token “${names.apiTokens.get(id)}”` : 'An API token that could not be found');
  else if (event.entityType === 'holiday' && ISO_DATE.test(event.entityId))
    named(`One-off holiday on ${formatDate(event.entityId)}`);
  else if (event.entityType === 'authority') named(names.authorities.get(event.entityId) ?? 'Their authority');
  else if (isRecordType(event.entityType) && event.entityId)
    named(
      `${capitalise(words.on === event.entityType && words.noun ? words.noun : 'a record')} that could not be found`,
    );

  // The children it concerns, each once, named only within the authority.
  const aboutIds = new Set<string>();
  if (subjectChild) aboutIds.add(subjectChild);
  if (rec) rec.childIds.forEach((childId) => aboutIds.add(childId));
  if (Array.isArray(details['children']))
    details['children'].filter(isUuidText).forEach((childId) => aboutIds.add(childId));
  // The child record the event is about is its record line already.
  if (event.entityType === 'child' && id) aboutIds.delete(id);
  const about = [...aboutIds]
    .filter((childId) => names.children.get(childId)?.ownAuthority)
    .map((childId) => ({ name: childName(names, childId), childId: linkable.has(childId) ? childId : null }));

  const template = event.outcome === 'ok' ? words.did : `Tried to ${words.tried}`;
  const sentence = capitalise(template.replace('{record}', recordText).replace('{child}', childText)).replace(
    UUID,
    'one record',
  );
  const outcome =
    event.outcome === 'ok'
      ? { text: 'Allowed', ok: true }
      : event.outcome === 'refused'
        ? { text: 'Refused', ok: false }
        : { text: 'Failed', ok: false };
  return {
    seq: event.seq,
    when: formatDateTime(event.at),
    sentence,
    who: whoInWords(event, names),
    record,
    about,
    outcome,
    details: detailsInWords(event, names, subjectChild, rec?.childIds ?? []),
    technical: [
      { label: 'Event number', value: event.seq },
      { label: 'Action code', value: event.action },
      ...(event.ip ? [{ label: 'Network address', value: event.ip }] : []),
      { label: 'Hash in the chain', value: event.hash },
    ],
  };
}
