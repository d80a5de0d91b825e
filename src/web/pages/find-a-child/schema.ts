// What "Find a child" reads from its address: a name, a date of birth in day, month and year boxes,
// a school or setting and an identifier, each trimmed. The page opened without a search asks
// nothing; a search with nothing in it, a date that is not a real one or an answer too long comes
// back with every error at once, in the order of the fields, and what was typed. Pure.
import { type DateParts, parseDateParts } from '../../../domain/date-parts.ts';
import type { FindChildSearch } from '../../../services/child-service.ts';
import type { FormError } from '../../forms.ts';
import { field, pageSchema } from '../../page-schema.ts';

export const FIND_LIMITS = { name: 100, school: 200, identifier: 50 } as const;

/** The search's address: each field as text ('' when not given). */
export const findQuery = pageSchema(
  {
    name: field.text(),
    dateOfBirth: field.dateParts(),
    school: field.text(),
    identifier: field.text(),
  },
  { dates: ['dateOfBirth'] },
);

/** The field names the form sends: any one of them in the address means the form was sent. */
const SENT_FIELDS = ['name', 'dateOfBirth-day', 'dateOfBirth-month', 'dateOfBirth-year', 'school', 'identifier'];

export interface FindValues {
  name: string;
  dateOfBirth: DateParts;
  school: string;
  identifier: string;
}

export type FindRequest =
  | { kind: 'blank'; values: FindValues }
  | { kind: 'invalid'; values: FindValues; errors: FormError[] }
  | { kind: 'search'; values: FindValues; search: FindChildSearch };

/** Text as a search takes it: control characters as spaces, runs of spaces as one, trimmed. */
function tidy(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- the control characters are what this replaces
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The request the address makes: no search yet, a search with its errors, or a search to run. */
export function readFindRequest(query: unknown): FindRequest {
  const asked = findQuery.read(query);
  const values: FindValues = {
    name: tidy(asked.name),
    dateOfBirth: asked.dateOfBirth,
    school: tidy(asked.school),
    identifier: tidy(asked.identifier),
  };
  const sent = query !== null && typeof query === 'object' && SENT_FIELDS.some((name) => Object.hasOwn(query, name));
  if (!sent) return { kind: 'blank', values };
  const errors: FormError[] = [];
  const { day, month, year } = values.dateOfBirth;
  const dateTyped = Boolean(day || month || year);
  const born = dateTyped ? parseDateParts(values.dateOfBirth, 'Date of birth', 'Enter a date of birth') : null;
  if (!values.name && !dateTyped && !values.school && !values.identifier)
    errors.push({ field: 'name', message: 'Enter a name, date of birth, school or identifier' });
  if (values.name.length > FIND_LIMITS.name)
    errors.push({ field: 'name', message: `Name must be ${FIND_LIMITS.name} characters or fewer` });
  if (born && 'error' in born) errors.push({ field: 'dateOfBirth', message: born.error, href: dateHref(born.error) });
  if (values.school.length > FIND_LIMITS.school)
    errors.push({ field: 'school', message: `School or setting must be ${FIND_LIMITS.school} characters or fewer` });
  if (values.identifier.length > FIND_LIMITS.identifier)
    errors.push({
      field: 'identifier',
      message: `NHS number or person ID must be ${FIND_LIMITS.identifier} characters or fewer`,
    });
  if (errors.length) return { kind: 'invalid', values, errors };
  return {
    kind: 'search',
    values,
    search: {
      name: values.name,
      dateOfBirth: born && 'iso' in born ? born.iso : null,
      school: values.school,
      identifier: values.identifier,
    },
  };
}

/** A date's error links to the first box it is about: the month when only the month is missing, and so on. */
function dateHref(message: string): string {
  if (/must include a month/.test(message)) return '#dateOfBirth-month';
  if (/must include a year/.test(message)) return '#dateOfBirth-year';
  return '#dateOfBirth-day';
}
