// The child form: one schema reporting every problem at once, in GOV.UK wording.
import { londonToday } from '../../../domain/age.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../../domain/identifiers.ts';
import { tooLong } from '../../../domain/text-limits.ts';
import type { ChildFields } from '../../../repositories/children.ts';
import { type Body, type DateParts, type FormError, dateParts, parseDateParts, str } from '../../forms.ts';

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

export function childValuesFromBody(body: Body): ChildFormValues {
  return {
    firstName: str(body, 'firstName'),
    lastName: str(body, 'lastName'),
    otherNames: str(body, 'otherNames'),
    dateOfBirth: dateParts(body, 'dateOfBirth'),
    sex: str(body, 'sex'),
    ethnicity: str(body, 'ethnicity'),
    send: str(body, 'send'),
    sendDetails: str(body, 'sendDetails'),
    developmentalAge: str(body, 'developmentalAge'),
    lookedAfter: str(body, 'lookedAfter'),
    schoolOrSetting: str(body, 'schoolOrSetting'),
    homeArea: str(body, 'homeArea'),
    personId: str(body, 'personId'),
    nhsNumber: str(body, 'nhsNumber'),
  };
}

export function childValuesFromRecord(c: ChildFields): ChildFormValues {
  const [year, month, day] = c.dateOfBirth.split('-');
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    otherNames: c.otherNames,
    dateOfBirth: { day: String(Number(day)), month: String(Number(month)), year: year ?? '' },
    sex: c.sex,
    ethnicity: c.ethnicity,
    send: c.send ? 'yes' : 'no',
    sendDetails: c.sendDetails,
    developmentalAge: c.developmentalAge === null ? '' : String(c.developmentalAge),
    lookedAfter: c.lookedAfter ? 'yes' : 'no',
    schoolOrSetting: c.schoolOrSetting,
    homeArea: c.homeArea,
    personId: c.personId,
    nhsNumber: c.nhsNumber,
  };
}

const MAX = 200;
/** The longest details of needs the form takes (child-fields.njk's character count shows the same). */
export const SEND_DETAILS_MAX = 2000;

export function validateChild(
  v: ChildFormValues,
  today = londonToday(),
): { fields: ChildFields } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const text = (field: keyof ChildFormValues, value: string, label: string, max = MAX) => {
    if (value.trim().length > max) errors.push({ field, message: tooLong(label, max) });
  };
  if (!v.firstName.trim()) errors.push({ field: 'firstName', message: 'Enter the child’s first name' });
  text('firstName', v.firstName, 'First name', 100);
  if (!v.lastName.trim()) errors.push({ field: 'lastName', message: 'Enter the child’s last name' });
  text('lastName', v.lastName, 'Last name', 100);
  text('otherNames', v.otherNames, 'Other names');
  const dob = parseDateParts(v.dateOfBirth, 'Date of birth', 'Enter the child’s date of birth', { past: true, today });
  if ('error' in dob) errors.push({ field: 'dateOfBirth', message: dob.error, href: '#dateOfBirth-day' });
  if (!SEX_OPTIONS.some((o) => o.value === v.sex)) errors.push({ field: 'sex', message: 'Select the child’s sex' });
  text('ethnicity', v.ethnicity, 'Ethnicity', 100);
  if (v.send !== 'yes' && v.send !== 'no')
    errors.push({
      field: 'send',
      message: 'Select yes if the child has special educational needs or a learning disability',
    });
  text('sendDetails', v.sendDetails, 'Details of the child’s needs', SEND_DETAILS_MAX);
  let developmentalAge: number | null = null;
  if (v.developmentalAge.trim()) {
    const n = Number(v.developmentalAge.trim());
    if (!Number.isInteger(n) || n < 0 || n > 18)
      errors.push({ field: 'developmentalAge', message: 'Developmental age must be a whole number between 0 and 18' });
    else developmentalAge = n;
  }
  if (v.lookedAfter !== 'yes' && v.lookedAfter !== 'no')
    errors.push({ field: 'lookedAfter', message: 'Select yes if the child is looked after' });
  text('schoolOrSetting', v.schoolOrSetting, 'School or setting');
  text('homeArea', v.homeArea, 'Home area or ward', 100);
  text('personId', v.personId, 'Person ID', 50);
  if (v.nhsNumber.trim() && !isValidNhsNumber(v.nhsNumber)) {
    errors.push({ field: 'nhsNumber', message: 'Enter a valid NHS number, like 943 476 5919' });
  }
  if (errors.length || 'error' in dob) return { errors };
  return {
    fields: {
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      otherNames: v.otherNames.trim(),
      dateOfBirth: dob.iso,
      sex: v.sex,
      ethnicity: v.ethnicity.trim(),
      send: v.send === 'yes',
      sendDetails: v.send === 'yes' ? v.sendDetails.trim() : '',
      developmentalAge: v.send === 'yes' ? developmentalAge : null,
      lookedAfter: v.lookedAfter === 'yes',
      schoolOrSetting: v.schoolOrSetting.trim(),
      homeArea: v.homeArea.trim(),
      personId: v.personId.trim(),
      nhsNumber: v.nhsNumber.trim() ? normaliseNhsNumber(v.nhsNumber) : '',
    },
  };
}
