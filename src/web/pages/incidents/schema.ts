// Reading a section of the recording form from a request body. Drafts may leave answers
// empty; what is typed must still make sense (a real date, a listed option, not too long).
import { londonToday } from '../../../domain/age.ts';
import { fromLondonLocal, londonParts } from '../../../domain/london-time.ts';
import type { FieldDef, IncidentListField, IncidentTextField, SectionDef } from '../../../domain/recording-form.ts';
import { tooLong } from '../../../domain/text-limits.ts';
import type * as incidentService from '../../../services/incident-service.ts';
import { type Body, type FormError, dateParts, list, parseDateParts, str } from '../../forms.ts';

/** An incident as the service gives it to its pages. */
export type Incident = Awaited<ReturnType<typeof incidentService.viewIncident>>['incident'];
/** The answers a section changes, as the service saves them. */
export type IncidentChanges = Parameters<typeof incidentService.saveSection>[5];

export type SectionValues = Record<
  string,
  string | string[] | { day: string; month: string; year: string; time: string }
>;

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

/** The longest answer a free-text field takes (the form's character count shows the same). */
export function maxLength(field: FieldDef): number {
  return field.kind === 'textarea' ? 10_000 : 200;
}

export function readSection(
  section: SectionDef,
  body: Body,
  now: Date = new Date(),
): { values: SectionValues; changes: IncidentChanges; errors: FormError[] } {
  const values: SectionValues = {};
  const changes: IncidentChanges = {};
  const errors: FormError[] = [];
  for (const field of section.fields) {
    if (field.kind === 'datetime') {
      const parts = dateParts(body, field.name);
      const time = str(body, `${field.name}-time`).trim();
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
      const chosen = list(body, field.name);
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
      const answer = str(body, field.name);
      values[field.name] = answer;
      if (answer && !field.options?.some((option) => option.value === answer)) {
        errors.push({ field: field.name, message: field.missingMessage ?? 'Select an option' });
        continue;
      }
      changes[field.name as IncidentTextField] = answer;
    } else {
      const answer = str(body, field.name);
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
