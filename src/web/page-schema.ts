// Page schemas: one zod schema per form that types what the page posts and reports every problem
// with its shape at once (issue 12, item 2; ADR 0012).
//
// How a page uses it
//
//   const decisionForm = pageSchema({
//     version: field.version(),
//     outcome: field.text(),                          // '' when not given
//     rationale: field.required('Enter a rationale'),  // GOV.UK wording, next to the field
//     heldOn: field.dateParts(),                      // from heldOn-day, heldOn-month, heldOn-year
//     attended: field.prefixed(),                     // attended-<id> fields, by <id>
//   }, { dates: ['heldOn'], prefixes: { attended: 'attended-' } });
//
//   const parsed = decisionForm.parse(request.body);  // { ok: true, data } or { ok: false, errors, values }
//
// - What @fastify/formbody sends: each field a string, or an array of strings when repeated (a
//   single field repeated counts once, its last value; a checkbox group keeps each value once, in
//   the order sent). An empty string means "not given". Anything else (no body at all) is "not given".
// - Dates typed in three boxes are one field (`dates`): its value is the three boxes, and an error
//   about it links to the day box (`#heldOn-day`). Fields named by a prefix and an id (one per
//   attendee, per child) are one field too (`prefixes`): a record from the id to the text.
// - A page schema checks shape only: given, a whole number, a real date, one of the options. The
//   business rules (a date not before the incident, a lead who is trained) stay in the domain's
//   `*Problems()` functions and the services, whose ValidationErrors `submitForm` shows the same way.
// - On failure every error comes back at once, as the FormError[] the templates already use
//   (`errorView` makes the summary; `reply.page` puts it in page order), with `values`: what was
//   typed, as text, so the page shows it again and nothing is lost.
// - `hrefs` gives the service's errors the same links (a date's error to its day box), for
//   `submitForm`'s and `recordForms`' `hrefs` option.
import { z } from 'zod';
import { parseDateParts } from '../domain/date-parts.ts';
import { tooLong } from '../domain/text-limits.ts';
import { ValidationError } from '../services/context.ts';
import type { FormError } from './forms.ts';

/** A field's one value: the last one sent when repeated, '' when absent or not text. */
export function singleValue(value: unknown): string {
  const last: unknown = Array.isArray(value) ? value.at(-1) : value;
  return typeof last === 'string' ? last : '';
}

/** A repeated field's values (checkboxes): each non-empty value once, in the order sent. */
export function manyValues(value: unknown): string[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return [...new Set(values.filter((one): one is string => typeof one === 'string' && one !== ''))];
}

/** The checkbox groups' schemas, so that what was typed in them is shown again as a list. */
const listSchemas = new WeakSet<object>();
function asList<S extends z.ZodType>(schema: S): S {
  listSchemas.add(schema);
  return schema;
}

const single = () => z.preprocess(singleValue, z.string());
const trimmed = () => z.preprocess((value) => singleValue(value).trim(), z.string());
const datePartsSchema = z.object({ day: trimmed(), month: trimmed(), year: trimmed() });

/** The fields a page schema is made of. */
export const field = {
  /** Text as typed; '' when not given. */
  text: () => single(),
  /**
   * Words typed in a box, trimmed: at most `max` characters ("<label> must be <max> characters or
   * fewer"), and, with `required`, given (that message when not).
   */
  words: (label: string, max: number, required?: string) =>
    trimmed().superRefine((value, context) => {
      if (required !== undefined && value === '') context.addIssue({ code: 'custom', message: required });
      else if (value.length > max) context.addIssue({ code: 'custom', message: tooLong(label, max) });
    }),
  /** "yes" or "no", as true or false, else `message` ("Select yes if ..."). */
  yesNo: (message: string) =>
    z.preprocess(singleValue, z.enum(['yes', 'no'], { error: message })).transform((answer) => answer === 'yes'),
  /** Text that must be given (spaces alone are not), else `message`. Kept as typed. */
  required: (message: string) => single().refine((value) => value.trim() !== '', { message }),
  /** One of `options`, or '' when not given or not one of them (the service says what is missing). */
  choice: <const T extends string>(options: readonly T[]) =>
    single().transform((value): T | '' => ((options as readonly string[]).includes(value) ? (value as T) : '')),
  /** One of `options`, else `message` ("Select ..."). */
  oneOf: <const T extends string>(options: readonly [T, ...T[]], message: string) =>
    z.preprocess(singleValue, z.enum(options, { error: message })),
  /** A checkbox group: each value once, in the order sent; [] when none. */
  list: () => asList(z.preprocess(manyValues, z.array(z.string()))),
  /** A checkbox group keeping only `options`; with `required`, at least one of them (that message when none). */
  listOf: <const T extends string>(options: readonly T[], required?: string) =>
    asList(
      z
        .preprocess(manyValues, z.array(z.string()))
        .transform((values) => values.filter((value): value is T => (options as readonly string[]).includes(value)))
        .refine((values) => required === undefined || values.length > 0, { message: required ?? '' }),
    ),
  /** The record's version the form was shown with, as a number (0 when missing, NaN when not a number: the service finds the form stale). */
  version: () => single().transform(Number),
  /** A whole number (spaces around it allowed), else `message`. */
  wholeNumber: (message: string) =>
    trimmed()
      .refine((value) => /^\d{1,9}$/.test(value), { message })
      .transform(Number),
  /** A date's three boxes as typed (trimmed), checked later by the service. Name it in `dates`. */
  dateParts: () => datePartsSchema,
  /**
   * A real date, as an ISO string, with GOV.UK's messages ("Enter the date ...", "... must include a
   * month", "... must be a real date"). Name it in `dates`.
   */
  date: (label: string, missingMessage: string, options: { past?: boolean; today?: () => string } = {}) =>
    datePartsSchema.transform((parts, context) => {
      const result = parseDateParts(parts, label, missingMessage, {
        ...(options.past !== undefined ? { past: options.past } : {}),
        ...(options.today ? { today: options.today() } : {}),
      });
      if ('iso' in result) return result.iso;
      context.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    }),
  /** The fields named by a prefix and an id (name it in `prefixes`): each id's text. */
  prefixed: () => z.record(z.string(), z.string()),
};

export interface PageSchemaOptions {
  /** Fields typed in day, month and year boxes (`name-day`, `name-month`, `name-year`). */
  dates?: readonly string[];
  /** Fields gathered from every field whose name starts with the prefix: `{ attended: 'attended-' }`. */
  prefixes?: Readonly<Record<string, string>>;
  /**
   * Checks across fields (a date asked for only when its box is ticked), run by `parse` on the body
   * as reshaped whatever else is wrong, so that every error shows at once; theirs come last.
   */
  across?: (shaped: Readonly<Record<string, unknown>>) => FormError[];
}

export type PageParse<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FormError[]; values: Record<string, string | string[] | Record<string, string>> };

export interface PageSchema<T> {
  /** The zod schema, from the body as @fastify/formbody gives it (the `across` checks are parse's). */
  readonly schema: z.ZodType<T>;
  /** The typed data, or every error at once with what was typed. */
  readonly parse: (body: unknown) => PageParse<T>;
  /**
   * The typed data, or a ValidationError with every error (the one `submitForm` shows next to the
   * fields). For a form whose fields cannot fail (text, choice, list, listOf, version, dateParts,
   * prefixed), the data the page shows again when the service refuses it.
   */
  readonly read: (body: unknown) => T;
  /** What was typed, as text (a checkbox group as a list, a date as its boxes), to show the form again. */
  readonly typed: (body: unknown) => Record<string, string | string[] | Record<string, string>>;
  /** Errors (the schema's or a service's) linking to the day box of a date. */
  readonly hrefs: (errors: readonly { field: string; message: string; href?: string }[]) => FormError[];
}

function asRecord(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The body with each date's boxes and each prefix's fields gathered into one field. */
function reshape(body: unknown, options: PageSchemaOptions): Record<string, unknown> {
  const fields = asRecord(body);
  const shaped: Record<string, unknown> = { ...fields };
  for (const name of options.dates ?? [])
    shaped[name] = {
      day: fields[`${name}-day`],
      month: fields[`${name}-month`],
      year: fields[`${name}-year`],
    };
  for (const [name, prefix] of Object.entries(options.prefixes ?? {}))
    shaped[name] = Object.fromEntries(
      Object.keys(fields)
        .filter((key) => key.startsWith(prefix))
        .map((key) => [key.slice(prefix.length), singleValue(fields[key])]),
    );
  return shaped;
}

/** What was typed, as text, for showing the page again: a checkbox group as a list, a date as its boxes. */
function typedValues(shaped: Record<string, unknown>, shape: z.ZodRawShape, options: PageSchemaOptions) {
  const dates = new Set(options.dates ?? []);
  const prefixes = new Set(Object.keys(options.prefixes ?? {}));
  const values: Record<string, string | string[] | Record<string, string>> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const value = shaped[name];
    if (prefixes.has(name)) values[name] = value as Record<string, string>;
    else if (dates.has(name))
      values[name] = Object.fromEntries(
        Object.entries(asRecord(value)).map(([box, part]) => [box, singleValue(part).trim()]),
      );
    else values[name] = listSchemas.has(schema) ? manyValues(value) : singleValue(value);
  }
  return values;
}

/** A page's form: its fields, and which are dates or gathered by a prefix. */
export function pageSchema<Shape extends z.ZodRawShape>(
  shape: Shape,
  options: PageSchemaOptions = {},
): PageSchema<z.output<z.ZodObject<Shape>>> {
  const object = z.object(shape);
  const schema = z.preprocess((body) => reshape(body, options), object) as unknown as z.ZodType<
    z.output<z.ZodObject<Shape>>
  >;
  const dates = new Set(options.dates ?? []);
  const hrefs: PageSchema<unknown>['hrefs'] = (errors) =>
    errors.map((error) =>
      dates.has(error.field) && !error.href
        ? { field: error.field, message: error.message, href: `#${error.field}-day` }
        : error,
    );
  const parse = (body: unknown): PageParse<z.output<z.ZodObject<Shape>>> => {
    const result = schema.safeParse(body);
    const acrossErrors = options.across ? options.across(reshape(body, options)) : [];
    if (result.success && acrossErrors.length === 0) return { ok: true, data: result.data };
    const errors: FormError[] = [
      ...(result.success ? [] : result.error.issues).map((issue) => ({
        field: String(issue.path[0] ?? 'form'),
        message: issue.message,
      })),
      ...acrossErrors,
    ];
    return {
      ok: false,
      errors: hrefs(errors),
      values: typedValues(reshape(body, options), shape, options),
    };
  };
  return {
    schema,
    hrefs,
    typed: (body) => typedValues(reshape(body, options), shape, options),
    parse,
    read: (body) => {
      const parsed = parse(body);
      if (!parsed.ok) throw new ValidationError(parsed.errors);
      return parsed.data;
    },
  };
}

/** The typed data a page schema gives. */
export type PageData<P> = P extends PageSchema<infer T> ? T : never;
