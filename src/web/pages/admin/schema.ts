// The administration pages' forms: a user (the account, roles, trainings with the dates they were
// completed, teams), a team, a one-off bank holiday, the inactivity threshold and an API token.
// Each schema types what its form posts and checks its shape (given, not too long, a real date, one
// of the options), every problem at once; the services check the rest against the records.
import { z } from 'zod';
import { londonToday } from '../../../domain/age.ts';
import { holidayProblems } from '../../../domain/settings-rules.ts';
import { ROLES, TRAINING_LABELS, TRAININGS, type Training } from '../../../domain/roles.ts';
import type * as admin from '../../../services/admin-service.ts';
import { type DateParts, type FormError, parseDateParts } from '../../forms.ts';
import { type PageData, field, manyValues, pageSchema, singleValue } from '../../page-schema.ts';

/** A date's three boxes, trimmed: checked only when its training is ticked. */
const trainingDates = Object.fromEntries(TRAININGS.map((training) => [training, field.dateParts()])) as Record<
  Training,
  ReturnType<typeof field.dateParts>
>;

/** A training's date, with GOV.UK's messages about it. */
function trainingDate(training: Training, parts: DateParts) {
  const label = TRAINING_LABELS[training];
  return parseDateParts(parts, `Date of ${label} training`, `Enter the date ${label} training was completed`, {
    past: true,
    today: londonToday(),
  });
}

const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Adding or changing a user: the account (an address in the right format, a name, at most 100
 * characters a field), at least one role, the trainings held with the date each was completed (asked
 * only for those ticked), the teams ticked and those managed, and the version. Every problem at
 * once; the service checks the rest (the address free, roles that go together, the teams).
 */
export const userForm = pageSchema(
  {
    version: field.version(),
    email: z
      .preprocess((value) => singleValue(value).trim(), z.string())
      .superRefine((email, context) => {
        if (!email) context.addIssue({ code: 'custom', message: 'Enter an email address' });
        else if (!EMAIL_FORMAT.test(email) || email.length > 320)
          context.addIssue({
            code: 'custom',
            message: 'Enter an email address in the correct format, like name@example.com',
          });
      }),
    displayName: field.words('Full name', 100, 'Enter the person’s full name'),
    jobTitle: field.words('Job title', 100),
    agency: field.words('Organisation', 100),
    active: field.text(),
    roles: field.listOf(ROLES, 'Select at least one role'),
    trainings: field.listOf(TRAININGS),
    teams: field.list(),
    managerOf: field.list(),
    ...trainingDates,
  },
  {
    dates: TRAININGS,
    across: (typed) => {
      const held = manyValues(typed['trainings']);
      const errors: FormError[] = [];
      for (const training of TRAININGS) {
        if (!held.includes(training)) continue;
        const boxes = (typed[training] ?? {}) as Record<string, unknown>;
        const parts = {
          day: singleValue(boxes['day']).trim(),
          month: singleValue(boxes['month']).trim(),
          year: singleValue(boxes['year']).trim(),
        };
        const parsed = trainingDate(training, parts);
        if ('error' in parsed)
          errors.push({ field: `${training}-day`, message: parsed.error, href: `#${training}-day` });
      }
      return errors;
    },
  },
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

/** The user form's values as typed, to show again: each training held or not with its date; active unless "no". */
export function userValues(body: unknown): UserFormValues {
  const typed = userForm.typed(body);
  const text = (name: string) => (typeof typed[name] === 'string' ? typed[name] : '');
  const ticked = (name: string) => (Array.isArray(typed[name]) ? typed[name] : []);
  const trainings: UserFormValues['trainings'] = {};
  for (const training of TRAININGS) {
    const boxes = (typed[training] ?? {}) as Partial<DateParts>;
    trainings[training] = {
      held: ticked('trainings').includes(training),
      day: boxes.day ?? '',
      month: boxes.month ?? '',
      year: boxes.year ?? '',
    };
  }
  return {
    email: text('email'),
    displayName: text('displayName'),
    jobTitle: text('jobTitle'),
    agency: text('agency'),
    active: text('active') || 'yes',
    roles: ticked('roles'),
    trainings,
    teams: ticked('teams'),
    managerOf: ticked('managerOf'),
  };
}

/** The user's details as the service takes them, from a form the schema found nothing wrong with. */
export function userInputOf(data: PageData<typeof userForm>): admin.UserInput {
  const trainings: { training: Training; completedOn: string }[] = [];
  for (const training of data.trainings) {
    const parsed = trainingDate(training, data[training]);
    if ('iso' in parsed) trainings.push({ training, completedOn: parsed.iso });
  }
  return {
    email: data.email,
    displayName: data.displayName,
    jobTitle: data.jobTitle,
    agency: data.agency,
    active: data.active !== 'no',
    roles: data.roles,
    trainings,
    teams: data.teams.map((teamId) => ({ teamId, isManager: data.managerOf.includes(teamId) })),
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
] as const;
const TEAM_KIND_VALUES = TEAM_KINDS.map((kind) => kind.value) as [
  (typeof TEAM_KINDS)[number]['value'],
  ...(typeof TEAM_KINDS)[number]['value'][],
];

/**
 * Adding a team: its name (given, at most 100 characters), its kind, and the team it sits under
 * ('' for none: the service checks it is one of the authority's).
 */
export const teamForm = pageSchema({
  name: field.words('Team name', 100, 'Enter the team’s name'),
  kind: field.oneOf(TEAM_KIND_VALUES, 'Select the kind of team'),
  parentTeamId: field.text(),
});

/**
 * Adding a one-off bank holiday: its name and a real date, and (every problem at once) the rules
 * that need no records: a name, a weekday (R-X-3). The service checks them again with what the
 * calendar already keeps.
 */
export const holidayForm = pageSchema(
  { name: field.text(), date: field.date('Date of the holiday', 'Enter the date of the holiday') },
  {
    dates: ['date'],
    across: (typed) => {
      const boxes = (typed['date'] ?? {}) as Record<string, unknown>;
      const date = parseDateParts(
        {
          day: singleValue(boxes['day']).trim(),
          month: singleValue(boxes['month']).trim(),
          year: singleValue(boxes['year']).trim(),
        },
        'Date of the holiday',
        'Enter the date of the holiday',
      );
      return holidayProblems(
        { date: 'iso' in date ? date.iso : '', name: singleValue(typed['name']) },
        { bankHoliday: null },
      );
    },
  },
);

/** The inactivity threshold in working days, as typed (the service checks it). */
export const inactivityForm = pageSchema({ inactivityDays: field.text() });

/** Issuing an API token: its name and how many days it lasts, as typed (the service checks them). */
export const tokenForm = pageSchema({ name: field.text(), days: field.text() });
