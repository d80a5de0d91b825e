// What an AIM assessment's forms post, typed by page schemas (web/page-schema.ts): the plan, a
// stage, the outcome sheet, the report, its sharing and completion. They check no rule: an answer
// not given, or not one of the options, is '' and the assessment service says what is missing.
import {
  DOMAINS,
  INTERVENTION_AREAS,
  type OutcomeSheet,
  PROFILE_CELLS,
  type PlanInput,
  REPORT_SECTIONS,
  type Report,
  SUPERVISION_LEVELS,
} from '../../../domain/assessments.ts';
import { type PageData, field, pageSchema } from '../../page-schema.ts';

const yesNo = () => field.choice(['yes', 'no']);

export const planForm = pageSchema({
  leadId: field.text(),
  coId: field.text(),
  appropriateAdult: field.choice(['none', 'lead', 'co']),
  appropriateAdultReason: field.text(),
  prosecutionLikely: yesNo(),
  denies: yesNo(),
  legalRepAgreed: yesNo(),
  participates: yesNo(),
});

export const planInput = (data: PageData<typeof planForm>): PlanInput => data;

export const stageForm = pageSchema(
  { version: field.version(), stage: field.text(), stageDate: field.dateParts() },
  { dates: ['stageDate'] },
);

/** The outcome sheet: a box for each domain's profile cell (`offence-staticConcerns`), and the intervention areas. */
export const outcomeForm = pageSchema(
  {
    version: field.version(),
    cells: field.prefixed(),
    mostConcern: field.listOf(DOMAINS.map((domain) => domain.id)),
    supervision: field.choice(SUPERVISION_LEVELS.map((level) => level.id)),
    intervention: field.prefixed(),
  },
  { prefixes: { cells: '', intervention: 'intervention-' } },
);

export function emptySheet(): OutcomeSheet {
  return sheetOf({ cells: {}, mostConcern: [], supervision: '', intervention: {} });
}

/** The outcome sheet as the assessment service takes it, each box '' when not given. */
export function sheetOf(data: Omit<PageData<typeof outcomeForm>, 'version'>): OutcomeSheet {
  return {
    profile: Object.fromEntries(
      DOMAINS.map((domain) => [
        domain.id,
        Object.fromEntries(PROFILE_CELLS.map((cell) => [cell.id, data.cells[`${domain.id}-${cell.id}`] ?? ''])),
      ]),
    ) as OutcomeSheet['profile'],
    mostConcern: data.mostConcern,
    supervision: data.supervision,
    intervention: Object.fromEntries(
      INTERVENTION_AREAS.map((area) => [area.id, data.intervention[area.id] ?? '']),
    ) as OutcomeSheet['intervention'],
  };
}

/** The report: a box for each section, named by its id. */
export const reportForm = pageSchema(
  { version: field.version(), sections: field.prefixed() },
  { prefixes: { sections: '' } },
);

export function reportOf(data: PageData<typeof reportForm>): Report {
  return Object.fromEntries(REPORT_SECTIONS.map((section) => [section.id, data.sections[section.id] ?? ''])) as Report;
}

export const shareForm = pageSchema(
  { version: field.version(), sharedOn: field.dateParts(), disagreements: field.text() },
  { dates: ['sharedOn'] },
);

export const completeForm = pageSchema({ version: field.version() });
