// The child form: one schema reporting every problem at once, in GOV.UK wording.
import { londonToday } from '../../../domain/age.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../../domain/identifiers.ts';
import { tooLong } from '../../../domain/text-limits.ts';
import type { ChildFields } from '../../../services/child-service.ts';
import { type DateParts, type FormError, parseDateParts } from '../../forms.ts';
import { field, pageSchema } from '../../page-schema.ts';

export const SEX_OPTIONS = [
  { value: 'female', text: 'Female' },
  { value: 'male', text: 'Male' },
  { value: 'other', text: 'Another description' },
  { value: 'not_known', text: 'Not known' },
];

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

/** The child's fields as the form posts them: text as typed, the date of birth's three boxes. */
const childFields = {
  firstName: field.text(),
  lastName: field.text(),
  otherNames: field.text(),
  dateOfBirth: field.dateParts(),
  sex: field.text(),
  ethnicity: field.text(),
  send: field.text(),
  sendDetails: field.text(),
  developmentalAge: field.text(),
  lookedAfter: field.text(),
  schoolOrSetting: field.text(),
  homeArea: field.text(),
  personId: field.text(),
  nhsNumber: field.text(),
};

/** Adding a child: its fields, and the incident it is added from with its part, the team and "this is a new child". */
export const newChildForm = pageSchema(
  { ...childFields, incident: field.text(), role: field.text(), teamId: field.text(), confirmNew: field.text() },
  { dates: ['dateOfBirth'] },
);

/** Changing a child's details: its fields and the version the form was shown with. */
export const editChildForm = pageSchema({ ...childFields, version: field.version() }, { dates: ['dateOfBirth'] });

/** The child's fields out of either form's data (validateChild checks them). */
export function childValues(data: ChildFormValues): ChildFormValues {
  const { firstName, lastName, otherNames, dateOfBirth, sex, ethnicity, send, sendDetails } = data;
  const { developmentalAge, lookedAfter, schoolOrSetting, homeArea, personId, nhsNumber } = data;
  return {
    firstName,
    lastName,
    otherNames,
    dateOfBirth,
    sex,
    ethnicity,
    send,
    sendDetails,
    developmentalAge,
    lookedAfter,
    schoolOrSetting,
    homeArea,
    personId,
    nhsNumber,
  };
}

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

const MAX = 200;
/** The longest details of needs the form takes (child-fields.njk's character count shows the same). */
export const SEND_DETAILS_MAX = 2000;

export function validateChild(
  values: ChildFormValues,
  today = londonToday(),
): { fields: ChildFields } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const text = (field: keyof ChildFormValues, value: string, label: string, max = MAX) => {
    if (value.trim().length > max) errors.push({ field, message: tooLong(label, max) });
  };
  if (!values.firstName.trim()) errors.push({ field: 'firstName', message: 'Enter the child’s first name' });
  text('firstName', values.firstName, 'First name', 100);
  if (!values.lastName.trim()) errors.push({ field: 'lastName', message: 'Enter the child’s last name' });
  text('lastName', values.lastName, 'Last name', 100);
  text('otherNames', values.otherNames, 'Other names');
  const dob = parseDateParts(values.dateOfBirth, 'Date of birth', 'Enter the child’s date of birth', {
    past: true,
    today,
  });
  if ('error' in dob) errors.push({ field: 'dateOfBirth', message: dob.error, href: '#dateOfBirth-day' });
  if (!SEX_OPTIONS.some((option) => option.value === values.sex))
    errors.push({ field: 'sex', message: 'Select the child’s sex' });
  text('ethnicity', values.ethnicity, 'Ethnicity', 100);
  if (values.send !== 'yes' && values.send !== 'no')
    errors.push({
      field: 'send',
      message: 'Select yes if the child has special educational needs or a learning disability',
    });
  text('sendDetails', values.sendDetails, 'Details of the child’s needs', SEND_DETAILS_MAX);
  let developmentalAge: number | null = null;
  if (values.developmentalAge.trim()) {
    const n = Number(values.developmentalAge.trim());
    if (!Number.isInteger(n) || n < 0 || n > 18)
      errors.push({ field: 'developmentalAge', message: 'Developmental age must be a whole number between 0 and 18' });
    else developmentalAge = n;
  }
  if (values.lookedAfter !== 'yes' && values.lookedAfter !== 'no')
    errors.push({ field: 'lookedAfter', message: 'Select yes if the child is looked after' });
  text('schoolOrSetting', values.schoolOrSetting, 'School or setting');
  text('homeArea', values.homeArea, 'Home area or ward', 100);
  text('personId', values.personId, 'Person ID', 50);
  if (values.nhsNumber.trim() && !isValidNhsNumber(values.nhsNumber)) {
    errors.push({ field: 'nhsNumber', message: 'Enter a valid NHS number, like 943 476 5919' });
  }
  if (errors.length || 'error' in dob) return { errors };
  return {
    fields: {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      otherNames: values.otherNames.trim(),
      dateOfBirth: dob.iso,
      sex: values.sex,
      ethnicity: values.ethnicity.trim(),
      send: values.send === 'yes',
      sendDetails: values.send === 'yes' ? values.sendDetails.trim() : '',
      developmentalAge: values.send === 'yes' ? developmentalAge : null,
      lookedAfter: values.lookedAfter === 'yes',
      schoolOrSetting: values.schoolOrSetting.trim(),
      homeArea: values.homeArea.trim(),
      personId: values.personId.trim(),
      nhsNumber: values.nhsNumber.trim() ? normaliseNhsNumber(values.nhsNumber) : '',
    },
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
