// Reading a section of the recording form from a request body. Drafts may leave answers
// empty; what is typed must still make sense (a real date, a listed option, not too long).
import { londonToday } from '../../../domain/age.ts';
import { fromLondonLocal, londonParts } from '../../../domain/london-time.ts';
import type { FieldDef, IncidentListField, IncidentTextField, SectionDef } from '../../../domain/recording-form.ts';
import { tooLong } from '../../../domain/text-limits.ts';
import type { z } from 'zod';
import type * as incidentService from '../../../services/incident-service.ts';
import { type DateParts, type FormError, parseDateParts } from '../../forms.ts';
import { field, pageSchema, type PageSchema } from '../../page-schema.ts';

/** An incident as the service gives it to its pages. */
export type Incident = Awaited<ReturnType<typeof incidentService.viewIncident>>['incident'];
/** The answers a section changes, as the service saves them. */
export type IncidentChanges = Parameters<typeof incidentService.saveSection>[5];

export type SectionValues = Record<
  string,
  string | string[] | { day: string; month: string; year: string; time: string }
>;

/** Adding a child found by the search: which child, and their part (asked on the child's own row). */
export const linkChildForm = pageSchema({ childId: field.text(), role: field.text() });

/** A linked child's part in the incident and their own words, as typed. */
export const childPartForm = pageSchema({ role: field.text(), ownWords: field.text() });

/** Submitting the draft: the version the check page was shown with. */
export const submitIncidentForm = pageSchema({ version: field.version() });

/** Saving a section: the version, the button pressed and whether to go back to checking the answers. */
export const sectionForm = pageSchema({ version: field.version(), action: field.text(), returnTo: field.text() });

/** Correcting a section of a submitted incident: the version it was shown at and why (issue 15). */
export const correctSectionForm = pageSchema({ version: field.version(), reason: field.text() });

/** Correcting a child's part in a submitted incident, or adding a child: the part (or `remove`), own words and why. */
export const correctChildForm = pageSchema({
  version: field.version(),
  role: field.text(),
  ownWords: field.text(),
  reason: field.text(),
});

/** A section's answers as posted: a date's three boxes, each list of checkboxes, and every other answer (a time too) as text. */
export type SectionAnswers = Record<string, string | string[] | DateParts>;

const answerForms = new Map<SectionDef, PageSchema<SectionAnswers>>();

/** The page schema of a section's answers: its fields, by kind, a date and time as `name-day` ... `name-time`. */
export function sectionAnswersForm(section: SectionDef): PageSchema<SectionAnswers> {
  const known = answerForms.get(section);
  if (known) return known;
  const shape: Record<string, z.ZodType<SectionAnswers[string]>> = {};
  const dates: string[] = [];
  for (const answer of section.fields) {
    if (answer.kind === 'datetime') {
      shape[answer.name] = field.dateParts();
      shape[`${answer.name}-time`] = field.text();
      dates.push(answer.name);
    } else if (answer.kind === 'checkboxes') shape[answer.name] = field.list();
    else shape[answer.name] = field.text();
  }
  const form = pageSchema(shape, { dates });
  answerForms.set(section, form);
  return form;
}

export function valuesFromIncident(section: SectionDef, inc: Incident): SectionValues {
  const values: SectionValues = {};
  for (const field of section.fields) {
    if (field.kind === 'datetime') {
      if (inc.occurredAt) {
        const parts = londonParts(inc.occurredAt);
        values[field.name] = {
          day: String(parts.day),
          month: String(parts.month),
          year: String(parts.year),
          time: `${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`,
        };
      } else values[field.name] = { day: '', month: '', year: '', time: '' };
    } else if (field.kind === 'checkboxes') values[field.name] = inc.lists[field.name as IncidentListField];
    else values[field.name] = inc.text[field.name as IncidentTextField];
  }
  return values;
}

const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** The longest answer a free-text field takes (the form's character count shows the same). */
export function maxLength(field: FieldDef): number {
  return field.kind === 'textarea' ? 10_000 : 200;
}

export function readSection(
  section: SectionDef,
  answers: SectionAnswers,
  now: Date = new Date(),
): { values: SectionValues; changes: IncidentChanges; errors: FormError[] } {
  const textOf = (name: string) => {
    const answer = answers[name];
    return typeof answer === 'string' ? answer : '';
  };
  const values: SectionValues = {};
  const changes: IncidentChanges = {};
  const errors: FormError[] = [];
  for (const field of section.fields) {
    if (field.kind === 'datetime') {
      const answer = answers[field.name];
      const parts = answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : NO_DATE;
      const time = textOf(`${field.name}-time`).trim();
      values[field.name] = { ...parts, time };
      if (!parts.day && !parts.month && !parts.year && !time) {
        changes.occurred_at = null;
        continue;
      }
      // The date and the time are checked together, so both their errors show at once (issue 11, defect 11).
      const date = parseDateParts(parts, 'Date of the incident', 'Enter the date of the incident', {
        past: true,
        today: londonToday(now),
      });
      if ('error' in date) errors.push({ field: field.name, message: date.error, href: `#${field.name}-day` });
      const timeMatch = /^(\d{1,2})[:.](\d{2})$/.exec(time);
      const timeError = !time
        ? 'Enter the time of the incident, or your best estimate'
        : !timeMatch || Number(timeMatch[1]) > 23 || Number(timeMatch[2]) > 59
          ? 'Enter the time as hours and minutes, like 14:30'
          : null;
      if (timeError) errors.push({ field: `${field.name}-time`, message: timeError });
      if ('error' in date || !timeMatch || timeError) continue;
      const [year, month, day] = date.iso.split('-').map(Number) as [number, number, number];
      const at = fromLondonLocal(year, month, day, Number(timeMatch[1]), Number(timeMatch[2]));
      if (at.getTime() > now.getTime()) {
        errors.push({ field: `${field.name}-time`, message: 'The time of the incident must be in the past' });
        continue;
      }
      changes.occurred_at = at;
    } else if (field.kind === 'checkboxes') {
      const answer = answers[field.name];
      const chosen = Array.isArray(answer) ? answer : [];
      values[field.name] = chosen;
      if (chosen.some((choice) => !field.options?.some((option) => option.value === choice))) {
        errors.push({
          field: field.name,
          message: `Select from the list for ${field.shortName.charAt(0).toLowerCase()}${field.shortName.slice(1)}`,
        });
        continue;
      }
      changes[field.name as IncidentListField] = chosen;
    } else if (field.kind === 'radios') {
      const answer = textOf(field.name);
      values[field.name] = answer;
      if (answer && !field.options?.some((option) => option.value === answer)) {
        errors.push({ field: field.name, message: field.missingMessage ?? 'Select an option' });
        continue;
      }
      changes[field.name as IncidentTextField] = answer;
    } else {
      const answer = textOf(field.name);
      values[field.name] = answer;
      const max = maxLength(field);
      if (answer.length > max) {
        errors.push({ field: field.name, message: tooLong(field.shortName, max) });
        continue;
      }
      changes[field.name as IncidentTextField] = answer.trim();
    }
  }
  // Details of technology only make sense when it was technology-assisted (R-THU-6).
  if ('technology_assisted' in changes && changes.technology_assisted !== 'yes' && 'technology_details' in changes) {
    changes.technology_details = '';
  }
  return { values, changes, errors };
}

/** The address of the page finding a child to link: what was typed in the search. */
export const childSearchQuery = pageSchema({ q: field.text() });

/** The address of a section reached from the check page: where to go back to. */
export const returnToQuery = pageSchema({ returnTo: field.choice(['check']) });
