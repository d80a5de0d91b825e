// The child forms: each schema types what its form posts. The child's details are checked for shape
// (given, not too long, a real date of birth, one of the answers, a valid NHS number), every problem
// at once in GOV.UK wording; the services check the rest.
import { z } from 'zod';
import { londonToday } from '../../../domain/age.ts';
import { childPartProblems } from '../../../domain/recording-form.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../../domain/identifiers.ts';
import type { ChildFields } from '../../../services/child-service.ts';
import { isUuid } from '../../../services/context.ts';
import type { DateParts } from '../../forms.ts';
import { field, pageSchema, singleValue } from '../../page-schema.ts';

export const SEX_OPTIONS = [
  { value: 'female', text: 'Female' },
  { value: 'male', text: 'Male' },
  { value: 'other', text: 'Another description' },
  { value: 'not_known', text: 'Not known' },
] as const;
const SEXES = SEX_OPTIONS.map((option) => option.value) as [
  (typeof SEX_OPTIONS)[number]['value'],
  ...(typeof SEX_OPTIONS)[number]['value'][],
];

/** The longest details of needs the form takes (child-fields.njk's character count shows the same). */
export const SEND_DETAILS_MAX = 2000;

/** The child's fields as typed, as the form shows them again. */
export interface ChildFormValues {
  firstName: string;
  lastName: string;
  otherNames: string;
  dateOfBirth: DateParts;
  sex: string;
  ethnicity: string;
  send: string;
  sendDetails: string;
  developmentalAge: string;
  lookedAfter: string;
  schoolOrSetting: string;
  homeArea: string;
  personId: string;
  nhsNumber: string;
}

/** The child's fields as the form posts them, each checked for shape. */
const childFields = {
  firstName: field.words('First name', 100, 'Enter the child’s first name'),
  lastName: field.words('Last name', 100, 'Enter the child’s last name'),
  otherNames: field.words('Other names', 200),
  dateOfBirth: field.date('Date of birth', 'Enter the child’s date of birth', { past: true, today: londonToday }),
  sex: field.oneOf(SEXES, 'Select the child’s sex'),
  ethnicity: field.words('Ethnicity', 100),
  send: field.yesNo('Select yes if the child has special educational needs or a learning disability'),
  sendDetails: field.words('Details of the child’s needs', SEND_DETAILS_MAX),
  developmentalAge: z
    .preprocess((value) => singleValue(value).trim(), z.string())
    .refine((typed) => typed === '' || (/^\d{1,2}$/.test(typed) && Number(typed) <= 18), {
      message: 'Developmental age must be a whole number between 0 and 18',
    })
    .transform((typed) => (typed === '' ? null : Number(typed))),
  lookedAfter: field.yesNo('Select yes if the child is looked after'),
  schoolOrSetting: field.words('School or setting', 200),
  homeArea: field.words('Home area or ward', 100),
  personId: field.words('Person ID', 50),
  nhsNumber: z
    .preprocess((value) => singleValue(value).trim(), z.string())
    .refine((typed) => typed === '' || isValidNhsNumber(typed), {
      message: 'Enter a valid NHS number, like 943 476 5919',
    })
    .transform((typed) => (typed === '' ? '' : normaliseNhsNumber(typed))),
};

type ChildData = z.output<z.ZodObject<typeof childFields>>;

/** The child's details as kept: the needs, and the developmental age, only for a child who has them. */
export function childFieldsOf(data: ChildData): ChildFields {
  return {
    firstName: data.firstName,
    lastName: data.lastName,
    otherNames: data.otherNames,
    dateOfBirth: data.dateOfBirth,
    sex: data.sex,
    ethnicity: data.ethnicity,
    send: data.send,
    sendDetails: data.send ? data.sendDetails : '',
    developmentalAge: data.send ? data.developmentalAge : null,
    lookedAfter: data.lookedAfter,
    schoolOrSetting: data.schoolOrSetting,
    homeArea: data.homeArea,
    personId: data.personId,
    nhsNumber: data.nhsNumber,
  };
}

/** What the form posted, as typed, for showing it again. */
export function childValues(typed: Record<string, unknown>): ChildFormValues {
  const text = (name: string) => (typeof typed[name] === 'string' ? typed[name] : '');
  const born = (typed['dateOfBirth'] ?? {}) as Partial<DateParts>;
  return {
    firstName: text('firstName'),
    lastName: text('lastName'),
    otherNames: text('otherNames'),
    dateOfBirth: { day: born.day ?? '', month: born.month ?? '', year: born.year ?? '' },
    sex: text('sex'),
    ethnicity: text('ethnicity'),
    send: text('send'),
    sendDetails: text('sendDetails'),
    developmentalAge: text('developmentalAge'),
    lookedAfter: text('lookedAfter'),
    schoolOrSetting: text('schoolOrSetting'),
    homeArea: text('homeArea'),
    personId: text('personId'),
    nhsNumber: text('nhsNumber'),
  };
}

/**
 * Adding a child: their details, and the incident they are added from with their part (R-X-8:
 * asked only then), the team and "this is a new child".
 */
export const newChildForm = pageSchema(
  { ...childFields, incident: field.text(), role: field.text(), teamId: field.text(), confirmNew: field.text() },
  {
    dates: ['dateOfBirth'],
    across: (typed) =>
      isUuid(singleValue(typed['incident'])) ? childPartProblems({ role: singleValue(typed['role']) }) : [],
  },
);

/** Changing a child's details: their fields and the version the form was shown with. */
export const editChildForm = pageSchema({ ...childFields, version: field.version() }, { dates: ['dateOfBirth'] });

export function childValuesFromRecord(child: ChildFields): ChildFormValues {
  const [year, month, day] = child.dateOfBirth.split('-');
  return {
    firstName: child.firstName,
    lastName: child.lastName,
    otherNames: child.otherNames,
    dateOfBirth: { day: String(Number(day)), month: String(Number(month)), year: year ?? '' },
    sex: child.sex,
    ethnicity: child.ethnicity,
    send: child.send ? 'yes' : 'no',
    sendDetails: child.sendDetails,
    developmentalAge: child.developmentalAge === null ? '' : String(child.developmentalAge),
    lookedAfter: child.lookedAfter ? 'yes' : 'no',
    schoolOrSetting: child.schoolOrSetting,
    homeArea: child.homeArea,
    personId: child.personId,
    nhsNumber: child.nhsNumber,
  };
}

/** Using a record the duplicate check found, for the incident being recorded: the incident, the child and their part. */
export const useExistingForm = pageSchema({ incident: field.text(), childId: field.text(), role: field.text() });

/** Allocating the child: the worker, the team and the youth justice worker chosen ('' for none), and the version. */
export const allocationForm = pageSchema({
  version: field.version(),
  workerId: field.text(),
  teamId: field.text(),
  youthJusticeWorkerId: field.text(),
});

/** Giving someone time-limited access: who, why and for how many days, as typed (the service checks them). */
export const grantForm = pageSchema({ userId: field.text(), reason: field.text(), days: field.text() });

/** Closing or reopening the case: the reasons as typed, and the version. */
export const closureForm = pageSchema({ version: field.version(), reason: field.text() });

/** The address of the page adding a child: the incident they are added from, and their part in it. */
export const newChildQuery = pageSchema({ incident: field.text(), role: field.text() });

/** The chronology's address: the kinds of entry ticked, From and To as YYYY-MM-DD, and the page. */
export const chronologyQuery = pageSchema({
  kind: field.list(),
  from: field.text(),
  to: field.text(),
  page: field.text(),
});
