// The administration pages' forms: a user (the account, roles, trainings with the dates they were
// completed, teams), a team, a one-off bank holiday, the inactivity threshold and an API token.
// The schemas type what each posts; the user's, team's and holiday's checks that the page makes
// itself (every one at once) follow; the services check the rest.
import { z } from 'zod';
import { londonToday } from '../../../domain/age.ts';
import { ROLES, type Role, TRAINING_LABELS, TRAININGS, type Training } from '../../../domain/roles.ts';
import type * as admin from '../../../services/admin-service.ts';
import { type DateParts, type FormError, parseDateParts } from '../../forms.ts';
import { type PageData, field, pageSchema } from '../../page-schema.ts';

/** A date's three boxes as typed, spaces kept (a training's date with spaces is not a real date). */
const boxesAsTyped = () => z.object({ day: field.text(), month: field.text(), year: field.text() });

/** Each training's date, from `<training>-day`, `-month` and `-year`. */
const trainingDates = Object.fromEntries(TRAININGS.map((training) => [training, boxesAsTyped()])) as Record<
  Training,
  ReturnType<typeof boxesAsTyped>
>;

/** Adding or changing a user: the account as typed, the roles, trainings held and teams ticked, each training's date, and the version. */
export const userForm = pageSchema(
  {
    version: field.version(),
    email: field.text(),
    displayName: field.text(),
    jobTitle: field.text(),
    agency: field.text(),
    active: field.text(),
    roles: field.list(),
    trainings: field.list(),
    teams: field.list(),
    managerOf: field.list(),
    ...trainingDates,
  },
  { dates: TRAININGS },
);

export interface UserFormValues {
  email: string;
  displayName: string;
  jobTitle: string;
  agency: string;
  active: string;
  roles: string[];
  trainings: Record<string, { held: boolean } & DateParts>;
  teams: string[];
  managerOf: string[];
}

/** The user form's values from what it posted: each training held or not with its date as typed; active unless "no". */
export function userValues(data: PageData<typeof userForm>): UserFormValues {
  const trainings: UserFormValues['trainings'] = {};
  for (const training of TRAININGS)
    trainings[training] = { held: data.trainings.includes(training), ...data[training] };
  return {
    email: data.email,
    displayName: data.displayName,
    jobTitle: data.jobTitle,
    agency: data.agency,
    active: data.active || 'yes',
    roles: data.roles,
    trainings,
    teams: data.teams,
    managerOf: data.managerOf,
  };
}

/** The user's details as the service takes them, or every problem with the form at once. */
export function validateUser(values: UserFormValues): { input: admin.UserInput } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const email = values.email.trim();
  if (!email) errors.push({ field: 'email', message: 'Enter an email address' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320)
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (!values.displayName.trim()) errors.push({ field: 'displayName', message: 'Enter the person’s full name' });
  else if (values.displayName.length > 100)
    errors.push({ field: 'displayName', message: 'Full name must be 100 characters or fewer' });
  if (values.jobTitle.length > 100)
    errors.push({ field: 'jobTitle', message: 'Job title must be 100 characters or fewer' });
  if (values.agency.length > 100)
    errors.push({ field: 'agency', message: 'Organisation must be 100 characters or fewer' });
  const roles = values.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  if (roles.length === 0) errors.push({ field: 'roles', message: 'Select at least one role' });
  const trainings: { training: Training; completedOn: string }[] = [];
  for (const training of TRAININGS) {
    const tv = values.trainings[training];
    if (!tv?.held) continue;
    const parsed = parseDateParts(
      tv,
      `Date of ${TRAINING_LABELS[training]} training`,
      `Enter the date ${TRAINING_LABELS[training]} training was completed`,
      {
        past: true,
        today: londonToday(),
      },
    );
    if ('error' in parsed) errors.push({ field: `${training}-day`, message: parsed.error, href: `#${training}-day` });
    else trainings.push({ training, completedOn: parsed.iso });
  }
  if (errors.length) return { errors };
  return {
    input: {
      email,
      displayName: values.displayName.trim(),
      jobTitle: values.jobTitle.trim(),
      agency: values.agency.trim(),
      active: values.active !== 'no',
      roles,
      trainings,
      teams: values.teams.map((teamId) => ({ teamId, isManager: values.managerOf.includes(teamId) })),
    },
  };
}

export const TEAM_KINDS = [
  { value: 'front_door', text: 'Front door' },
  { value: 'social_work', text: 'Social work' },
  { value: 'youth_justice', text: 'Youth justice' },
  { value: 'early_help', text: 'Early help' },
  { value: 'school', text: 'School or setting' },
  { value: 'health', text: 'Health' },
  { value: 'police', text: 'Police' },
  { value: 'specialist', text: 'Specialist service' },
  { value: 'management', text: 'Management' },
];

/** Adding a team: its name, kind and the team it sits under ('' for none), as typed. */
export const teamForm = pageSchema({ name: field.text(), kind: field.text(), parentTeamId: field.text() });
export type TeamFormValues = PageData<typeof teamForm>;

/** The team form's problems, every one at once: a name, one of the kinds, a parent among the authority's teams. */
export function teamProblems(values: TeamFormValues, teams: readonly { id: string }[]): FormError[] {
  const errors: FormError[] = [];
  if (!values.name.trim()) errors.push({ field: 'name', message: 'Enter the team’s name' });
  else if (values.name.length > 100)
    errors.push({ field: 'name', message: 'Team name must be 100 characters or fewer' });
  if (!TEAM_KINDS.some((k) => k.value === values.kind))
    errors.push({ field: 'kind', message: 'Select the kind of team' });
  if (values.parentTeamId && !teams.some((team) => team.id === values.parentTeamId))
    errors.push({ field: 'parentTeamId', message: 'Select a team from the list' });
  return errors;
}

/** Adding a one-off bank holiday: its name as typed and its date's three boxes (trimmed). */
export const holidayForm = pageSchema({ name: field.text(), date: field.dateParts() }, { dates: ['date'] });
export type HolidayFormValues = PageData<typeof holidayForm>;

/**
 * The holiday's date, or the form's problems: a date that is not a real date never reaches the
 * service, so the name is checked here too and every error shows at once (when the date is real,
 * the service checks the name).
 */
export function holidayDate(values: HolidayFormValues): { iso: string } | { errors: FormError[] } {
  const parsed = parseDateParts(values.date, 'Date of the holiday', 'Enter the date of the holiday');
  if ('iso' in parsed) return parsed;
  const errors: FormError[] = [{ field: 'date', message: parsed.error, href: '#date-day' }];
  if (!values.name.trim()) errors.push({ field: 'name', message: 'Enter the name of the holiday' });
  else if (values.name.trim().length > 100)
    errors.push({ field: 'name', message: 'Name must be 100 characters or fewer' });
  return { errors };
}

/** The inactivity threshold in working days, as typed (the service checks it). */
export const inactivityForm = pageSchema({ inactivityDays: field.text() });

/** Issuing an API token: its name and how many days it lasts, as typed (the service checks them). */
export const tokenForm = pageSchema({ name: field.text(), days: field.text() });
