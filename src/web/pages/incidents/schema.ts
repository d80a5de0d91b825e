// Reading a section of the recording form from a request body. Drafts may leave answers
// empty; what is typed must still make sense (a real date, a listed option, not too long).
import { londonToday } from '../../../domain/age.ts';
import { fromLondonLocal, londonParts } from '../../../domain/london-time.ts';
import type { FieldDef, IncidentListField, IncidentTextField, SectionDef } from '../../../domain/recording-form.ts';
import { tooLong } from '../../../domain/text-limits.ts';
import type { IncidentChanges, Incident } from '../../../repositories/incidents.ts';
import { type Body, type FormError, dateParts, list, parseDateParts, str } from '../../forms.ts';

export type SectionValues = Record<
  string,
  string | string[] | { day: string; month: string; year: string; time: string }
>;

export function valuesFromIncident(section: SectionDef, inc: Incident): SectionValues {
  const values: SectionValues = {};
  for (const f of section.fields) {
    if (f.kind === 'datetime') {
      if (inc.occurredAt) {
        const p = londonParts(inc.occurredAt);
        values[f.name] = {
          day: String(p.day),
          month: String(p.month),
          year: String(p.year),
          time: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`,
        };
      } else values[f.name] = { day: '', month: '', year: '', time: '' };
    } else if (f.kind === 'checkboxes') values[f.name] = inc.lists[f.name as IncidentListField];
    else values[f.name] = inc.text[f.name as IncidentTextField];
  }
  return values;
}

/** The longest answer a free-text field takes (the form's character count shows the same). */
export function maxLength(f: FieldDef): number {
  return f.kind === 'textarea' ? 10_000 : 200;
}

export function readSection(
  section: SectionDef,
  body: Body,
  now: Date = new Date(),
): { values: SectionValues; changes: IncidentChanges; errors: FormError[] } {
  const values: SectionValues = {};
  const changes: IncidentChanges = {};
  const errors: FormError[] = [];
  for (const f of section.fields) {
    if (f.kind === 'datetime') {
      const parts = dateParts(body, f.name);
      const time = str(body, `${f.name}-time`).trim();
      values[f.name] = { ...parts, time };
      if (!parts.day && !parts.month && !parts.year && !time) {
        changes.occurred_at = null;
        continue;
      }
      // The date and the time are checked together, so both their errors show at once (issue 11, defect 11).
      const date = parseDateParts(parts, 'Date of the incident', 'Enter the date of the incident', {
        past: true,
        today: londonToday(now),
      });
      if ('error' in date) errors.push({ field: f.name, message: date.error, href: `#${f.name}-day` });
      const m = /^(\d{1,2})[:.](\d{2})$/.exec(time);
      const timeError = !time
        ? 'Enter the time of the incident, or your best estimate'
        : !m || Number(m[1]) > 23 || Number(m[2]) > 59
          ? 'Enter the time as hours and minutes, like 14:30'
          : null;
      if (timeError) errors.push({ field: `${f.name}-time`, message: timeError });
      if ('error' in date || !m || timeError) continue;
      const [y, mo, d] = date.iso.split('-').map(Number) as [number, number, number];
      const at = fromLondonLocal(y, mo, d, Number(m[1]), Number(m[2]));
      if (at.getTime() > now.getTime()) {
        errors.push({ field: `${f.name}-time`, message: 'The time of the incident must be in the past' });
        continue;
      }
      changes.occurred_at = at;
    } else if (f.kind === 'checkboxes') {
      const chosen = list(body, f.name);
      values[f.name] = chosen;
      if (chosen.some((c) => !f.options?.some((o) => o.value === c))) {
        errors.push({
          field: f.name,
          message: `Select from the list for ${f.shortName.charAt(0).toLowerCase()}${f.shortName.slice(1)}`,
        });
        continue;
      }
      changes[f.name as IncidentListField] = chosen;
    } else if (f.kind === 'radios') {
      const v = str(body, f.name);
      values[f.name] = v;
      if (v && !f.options?.some((o) => o.value === v)) {
        errors.push({ field: f.name, message: f.missingMessage ?? 'Select an option' });
        continue;
      }
      changes[f.name as IncidentTextField] = v;
    } else {
      const v = str(body, f.name);
      values[f.name] = v;
      const max = maxLength(f);
      if (v.length > max) {
        errors.push({ field: f.name, message: tooLong(f.shortName, max) });
        continue;
      }
      changes[f.name as IncidentTextField] = v.trim();
    }
  }
  // Details of technology only make sense when it was technology-assisted (R-THU-6).
  if ('technology_assisted' in changes && changes.technology_assisted !== 'yes' && 'technology_details' in changes) {
    changes.technology_details = '';
  }
  return { values, changes, errors };
}
