// Reading a section of the recording form from a request body. Drafts may leave answers
// empty; what is typed must still make sense (a real date, a listed option, not too long).
import { londonToday } from '../../../domain/age.ts';
import { fromLondonLocal, londonParts } from '../../../domain/london-time.ts';
import type { FieldDef, IncidentListField, IncidentTextField, SectionDef } from '../../../domain/recording-form.ts';
import type { IncidentChanges, Incident } from '../../../repositories/incidents.ts';
import { type Body, type FormError, dateParts, list, parseDateParts, str } from '../../forms.ts';

export type SectionValues = Record<string, string | string[] | { day: string; month: string; year: string; time: string }>;

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

function plainLabel(f: FieldDef): string {
  return f.label.replace(/\s*\(optional\)$/, '').replace(/\?$/, '');
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
      const date = parseDateParts(parts, 'Date of the incident', 'Enter the date of the incident', { past: true, today: londonToday(now) });
      if ('error' in date) {
        errors.push({ field: f.name, message: date.error, href: `#${f.name}-day` });
        continue;
      }
      const m = /^(\d{1,2})[:.](\d{2})$/.exec(time);
      if (!time) {
        errors.push({ field: `${f.name}-time`, message: 'Enter the time of the incident, or your best estimate' });
        continue;
      }
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
        errors.push({ field: `${f.name}-time`, message: 'Enter the time as hours and minutes, like 14:30' });
        continue;
      }
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
        errors.push({ field: f.name, message: `Select from the list for ${plainLabel(f).toLowerCase()}` });
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
      const max = f.kind === 'textarea' ? 10_000 : 200;
      if (v.length > max) {
        errors.push({ field: f.name, message: `${plainLabel(f)} must be ${max.toLocaleString('en-GB')} characters or fewer` });
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
