// A child's family and network, and the alerts on their record (issue 15): who the people around
// the child are, how to reach them, and what everyone opening the record must know first. Every
// problem at once, in the order of the form. Pure.
import type { FormProblem } from './form-problem.ts';
import { tooLong } from './text-limits.ts';

/** The kinds of person, in the order the form offers them and the page groups them, with how a person reads each. */
export const NETWORK_KINDS = {
  parent_carer: 'Parent or carer',
  sibling: 'Brother or sister',
  household: 'Someone else who lives in the household',
  school: 'School, college or setting',
  gp: 'GP',
  professional: 'Another professional or agency',
} as const;
export type NetworkKind = keyof typeof NETWORK_KINDS;
export const NETWORK_KIND_IDS = Object.keys(NETWORK_KINDS) as [NetworkKind, ...NetworkKind[]];

/** The page's two groups: the family and household, and the professionals around the child. */
export const FAMILY_KINDS: readonly NetworkKind[] = ['parent_carer', 'sibling', 'household'];
export const PROFESSIONAL_KINDS: readonly NetworkKind[] = ['school', 'gp', 'professional'];

/**
 * The household: who lives with the child harmed, and where. On the record of a child harmed in an
 * incident these, and every address on the record, are sealed: shown only to those working on that
 * child's own case (the action `family.household`), never to someone who sees the record because of
 * the incident, through a read grant, or through work with the child who harmed.
 */
export function isHouseholdKind(kind: NetworkKind): boolean {
  return FAMILY_KINDS.includes(kind);
}

/** How the form's fields are asked for each kind: a name, or the setting's or practice's name. */
export function nameLabel(kind: NetworkKind | ''): string {
  if (kind === 'school') return 'Name of the school, college or setting';
  if (kind === 'gp') return 'Name of the GP or practice';
  return 'Name';
}

export const NETWORK_LIMITS = {
  name: 200,
  relationship: 200,
  organisation: 200,
  phone: 40,
  email: 320,
  address: 500,
  alert: 500,
  reason: 1000,
} as const;

export interface NetworkInput {
  kind: string;
  name: string;
  relationship: string;
  organisation: string;
  phone: string;
  email: string;
  address: string;
  /** 'yes', 'no' or '' (asked for a parent or carer). */
  parentalResponsibility: string;
  /** 'yes', 'no' or '' (asked for a parent or carer and a brother or sister). */
  livesWithChild: string;
}

/** A person with nothing typed yet: the form's starting values. */
export function emptyNetworkInput(): NetworkInput {
  return {
    kind: '',
    name: '',
    relationship: '',
    organisation: '',
    phone: '',
    email: '',
    address: '',
    parentalResponsibility: '',
    livesWithChild: '',
  };
}

const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_FORMAT = /^\+?[\d\s()-]{6,}$/;

function limit(problems: FormProblem[], field: keyof typeof NETWORK_LIMITS, name: string, value: string) {
  if (value.trim().length > NETWORK_LIMITS[field])
    problems.push({ field, message: tooLong(name, NETWORK_LIMITS[field]) });
}

/** Whether the form asks if this kind of person has parental responsibility. */
export function asksParentalResponsibility(kind: string): boolean {
  return kind === 'parent_carer';
}

/** Whether the form asks if this kind of person lives with the child (someone else in the household does). */
export function asksLivesWithChild(kind: string): boolean {
  return kind === 'parent_carer' || kind === 'sibling';
}

/**
 * A person's problems, every one at once: who they are to the child, their name, their
 * relationship or role, how to reach them (a phone number or email address in the right format when
 * given), and for a parent or carer whether they have parental responsibility and live with the child.
 */
export function networkProblems(input: NetworkInput): FormProblem[] {
  const problems: FormProblem[] = [];
  const known = (NETWORK_KIND_IDS as readonly string[]).includes(input.kind);
  if (!known) problems.push({ field: 'kind', message: 'Select who this person is to the child' });
  const kind = known ? (input.kind as NetworkKind) : '';
  if (!input.name.trim())
    problems.push({
      field: 'name',
      message:
        kind === 'school'
          ? 'Enter the name of the school, college or setting'
          : kind === 'gp'
            ? 'Enter the name of the GP or practice'
            : 'Enter their name',
    });
  else limit(problems, 'name', nameLabel(kind), input.name);
  if (kind === 'parent_carer' && !input.relationship.trim())
    problems.push({
      field: 'relationship',
      message: 'Enter their relationship to the child, for example mother or foster carer',
    });
  else limit(problems, 'relationship', 'Relationship or role', input.relationship);
  limit(problems, 'organisation', 'Organisation or agency', input.organisation);
  if (asksParentalResponsibility(kind) && !['yes', 'no'].includes(input.parentalResponsibility))
    problems.push({
      field: 'parentalResponsibility',
      message: 'Select yes if they have parental responsibility for the child',
    });
  if (asksLivesWithChild(kind) && !['yes', 'no'].includes(input.livesWithChild))
    problems.push({ field: 'livesWithChild', message: 'Select yes if they live with the child' });
  const phone = input.phone.trim();
  if (phone && !PHONE_FORMAT.test(phone))
    problems.push({ field: 'phone', message: 'Enter a telephone number, like 01632 960 001 or 07700 900 982' });
  else limit(problems, 'phone', 'Telephone number', phone);
  const email = input.email.trim();
  if (email && !EMAIL_FORMAT.test(email))
    problems.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  else limit(problems, 'email', 'Email address', email);
  limit(problems, 'address', 'Address', input.address);
  return problems;
}

/** Why a person is no longer involved, or an alert no longer applies: given, and not too long. */
export function endProblems(reason: string): FormProblem[] {
  if (!reason.trim()) return [{ field: 'reason', message: 'Enter the reason' }];
  if (reason.trim().length > NETWORK_LIMITS.reason)
    return [{ field: 'reason', message: tooLong('The reason', NETWORK_LIMITS.reason) }];
  return [];
}

/** An alert's problems: its words, given and short enough to read at the top of every page. */
export function alertProblems(words: string): FormProblem[] {
  if (!words.trim()) return [{ field: 'words', message: 'Enter the alert' }];
  if (words.trim().length > NETWORK_LIMITS.alert)
    return [{ field: 'words', message: tooLong('The alert', NETWORK_LIMITS.alert) }];
  return [];
}
