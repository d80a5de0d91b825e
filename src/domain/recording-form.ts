// The Sexual Behaviour Recording Form (R-NYO-11: every field of north-yorkshire Appendix 1,
// for every incident however minor), with the additions every authority needs: where it
// happened, whether it was technology-assisted (R-THU-6), and each child's role. Recording
// is in the children's own words and says what was seen and heard, where, when and who was
// there (R-X-8).
import { BODY_REGIONS } from './body-map.ts';
import type { FormProblem } from './form-problem.ts';
import { formatDateTime } from './london-time.ts';
import { tooLong } from './text-limits.ts';

export type FieldKind = 'text' | 'textarea' | 'radios' | 'checkboxes' | 'datetime';

export interface Option {
  value: string;
  text: string;
}

export interface FieldDef {
  name: IncidentTextField | IncidentListField | 'occurred_at';
  kind: FieldKind;
  label: string;
  /** The field's name in error messages: 'Description of the behaviour must be 10,000 characters or fewer'. */
  shortName: string;
  hint?: string;
  options?: readonly Option[];
  /** Needed before the form can be submitted (drafts may leave anything empty). */
  requiredToSubmit: boolean;
  /** The GOV.UK-style message when a required answer is missing at submission. */
  missingMessage?: string;
  /** A checkbox group drawn as the body map's outlines above its boxes (issue 15; domain/body-map.ts). */
  bodyMap?: boolean;
  /** Only meaningful when another field has this value (shown under it, and left out of summaries otherwise). */
  showWhen?: { field: string; value: string };
  source: string;
}

export interface SectionDef {
  slug: string;
  title: string;
  fields: readonly FieldDef[];
}

export const INCIDENT_TEXT_FIELDS = [
  'completed_by_name',
  'completed_by_role',
  'completed_by_relation',
  'location_type',
  'location_area',
  'location_details',
  'technology_assisted',
  'technology_details',
  'behaviour',
  'context_planning',
  'context_details',
  'relationship_details',
  'normally_associate',
  'others_response',
  'child_response',
  'attempt_to_address',
  'parents_response',
  'other_actions',
] as const;
export type IncidentTextField = (typeof INCIDENT_TEXT_FIELDS)[number];

export const INCIDENT_LIST_FIELDS = ['context_factors', 'power_imbalance', 'body_regions'] as const;
export type IncidentListField = (typeof INCIDENT_LIST_FIELDS)[number];

export const CHILD_ROLES = ['displayed', 'targeted', 'witness'] as const;
export type ChildRole = (typeof CHILD_ROLES)[number];

export const CHILD_ROLE_LABELS: Record<ChildRole, string> = {
  displayed: 'Displayed the behaviour',
  targeted: 'Was targeted by the behaviour',
  witness: 'Witnessed it',
};

/** The longest account of a child's own words the form takes (its character count shows the same). */
export const OWN_WORDS_MAX = 10_000;

/** A child linked to an incident (R-X-8): their part, one of the three, and their own words, if any, not too long. */
export function childPartProblems(part: { role: string; ownWords?: string }): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!(CHILD_ROLES as readonly string[]).includes(part.role))
    problems.push({ field: 'role', message: 'Select the child’s part in the incident' });
  if ((part.ownWords ?? '').length > OWN_WORDS_MAX)
    problems.push({ field: 'ownWords', message: tooLong('What the child said', OWN_WORDS_MAX) });
  return problems;
}

const yesNoUnknown: readonly Option[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
  { value: 'not_known', text: 'Not known' },
];

export const LOCATION_TYPES: readonly Option[] = [
  { value: 'home', text: 'At home (the child’s or another family home)' },
  { value: 'school', text: 'School, college or early years setting' },
  { value: 'online', text: 'Online only' },
  { value: 'community', text: 'In the community (park, street, shop, transport)' },
  { value: 'care_setting', text: 'Foster, residential or other care setting' },
  { value: 'other', text: 'Somewhere else' },
];

export const CONTEXT_FACTORS: readonly Option[] = [
  { value: 'force', text: 'Use of force' },
  { value: 'coercion', text: 'Coercion' },
  { value: 'manipulation', text: 'Manipulation' },
  { value: 'threat', text: 'Threats' },
  { value: 'social_media', text: 'Social media used to entice, bully or threaten' },
  { value: 'blackmail', text: 'Blackmail' },
];

export const POWER_IMBALANCE: readonly Option[] = [
  { value: 'age', text: 'Age' },
  { value: 'size', text: 'Size' },
  { value: 'ability', text: 'Ability' },
  { value: 'status', text: 'Status' },
  { value: 'strength', text: 'Strength' },
];

export const SECTIONS: readonly SectionDef[] = [
  {
    slug: 'when-and-where',
    title: 'When and where it happened',
    fields: [
      {
        name: 'occurred_at',
        kind: 'datetime',
        label: 'When did the incident happen?',
        shortName: 'Date of the incident',
        hint: 'For example, 27 3 2026 and 14:30',
        requiredToSubmit: true,
        missingMessage: 'Enter the date of the incident',
        source: 'north-yorkshire App. 1 (date/time of incident)',
      },
      {
        name: 'location_type',
        kind: 'radios',
        label: 'Where did it happen?',
        shortName: 'Where it happened',
        options: LOCATION_TYPES,
        requiredToSubmit: true,
        missingMessage: 'Select where the incident happened',
        source: 'R-X-8',
      },
      {
        name: 'location_area',
        kind: 'text',
        label: 'Area or ward (optional)',
        shortName: 'Area or ward',
        hint: 'The area helps managers see where incidents happen. Do not enter a home address.',
        requiredToSubmit: false,
        source: 'R-ISL-8',
      },
      {
        name: 'location_details',
        kind: 'textarea',
        label: 'Where exactly, and who else was there or nearby (optional)',
        shortName: 'Where exactly it happened, and who was there',
        requiredToSubmit: false,
        source: 'north-yorkshire §3.1, R-X-8',
      },
      {
        name: 'technology_assisted',
        kind: 'radios',
        label: 'Was it online or technology-assisted?',
        shortName: 'Whether it was online or technology-assisted',
        hint: 'For example, images shared, messaging, social media, gaming or video calls',
        options: yesNoUnknown,
        requiredToSubmit: true,
        missingMessage: 'Select whether the incident was online or technology-assisted',
        source: 'R-THU-6',
      },
      {
        name: 'technology_details',
        kind: 'textarea',
        label: 'If it was, what technology was used, and how? (optional)',
        shortName: 'The technology used',
        // What is known, never the image (the national guidance on sharing nudes, issue 15).
        hint:
          'Who made or shared any image or video, who it was sent to, which app or site was used, and when. ' +
          'Describe it in words: never copy an image here.',
        requiredToSubmit: false,
        showWhen: { field: 'technology_assisted', value: 'yes' },
        source: 'R-THU-6',
      },
    ],
  },
  {
    slug: 'completed-by',
    title: 'Who is completing the form',
    fields: [
      {
        name: 'completed_by_name',
        kind: 'text',
        label: 'Your name',
        shortName: 'Your name',
        requiredToSubmit: true,
        missingMessage: 'Enter the name of the person completing the form',
        source: 'north-yorkshire App. 1 (form completed by)',
      },
      {
        name: 'completed_by_role',
        kind: 'text',
        label: 'Your role and organisation (optional)',
        shortName: 'Your role and organisation',
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1',
      },
      {
        name: 'completed_by_relation',
        kind: 'radios',
        label: 'Did you see the behaviour, or were you told about it?',
        shortName: 'Whether you saw the behaviour',
        hint: 'The form should be completed by the person who saw it or was told about it',
        options: [
          { value: 'observed', text: 'I saw or heard it' },
          { value: 'told', text: 'I was told about it' },
        ],
        requiredToSubmit: true,
        missingMessage: 'Select whether you saw the behaviour or were told about it',
        source: 'north-yorkshire App. 1',
      },
    ],
  },
  {
    slug: 'behaviour',
    title: 'What happened',
    fields: [
      {
        name: 'behaviour',
        kind: 'textarea',
        label: 'Describe the behaviour: what the child did or said',
        shortName: 'Description of the behaviour',
        hint: 'In as much detail as possible. Use the children’s own words, in quotation marks.',
        requiredToSubmit: true,
        missingMessage: 'Enter what the child did or said',
        source: 'north-yorkshire App. 1 (type of behaviour), R-X-8',
      },
      {
        name: 'context_planning',
        kind: 'radios',
        label: 'Was the behaviour spontaneous or planned?',
        shortName: 'Whether it was spontaneous or planned',
        options: [
          { value: 'spontaneous', text: 'Spontaneous' },
          { value: 'planned', text: 'Planned' },
          { value: 'not_known', text: 'Not known' },
        ],
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1 (context of the behaviour)',
      },
      {
        name: 'context_factors',
        kind: 'checkboxes',
        label: 'Was there any of the following? (optional)',
        shortName: 'The context of the behaviour',
        hint: 'Select all that apply',
        options: CONTEXT_FACTORS,
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1 (context of the behaviour)',
      },
      {
        name: 'context_details',
        kind: 'textarea',
        label: 'More about the context (optional)',
        shortName: 'More about the context',
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1',
      },
      {
        name: 'body_regions',
        kind: 'checkboxes',
        bodyMap: true,
        label: 'Where on the body was a child touched or injured? (optional)',
        shortName: 'Where on the body',
        hint: 'Tick each part of the body. Left and right are the child’s own. Describe any injury above, and never examine a child to fill this in.',
        options: BODY_REGIONS.map((region) => ({ value: region.id, text: region.text })),
        requiredToSubmit: false,
        source: 'issue 15 (body map); a local setting, not a procedure clause',
      },
    ],
  },
  {
    slug: 'relationship',
    title: 'The relationship between the children',
    fields: [
      {
        name: 'relationship_details',
        kind: 'textarea',
        label: 'Describe the relationship between the children (optional)',
        shortName: 'Description of the relationship',
        hint: 'Their ages, how they know each other, anything that suggests one child was more in control',
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1 (relationship between the children)',
      },
      {
        name: 'normally_associate',
        kind: 'radios',
        label: 'Would the children normally spend time together?',
        shortName: 'Whether the children normally spend time together',
        options: yesNoUnknown,
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1',
      },
      {
        name: 'power_imbalance',
        kind: 'checkboxes',
        label: 'Is there a difference between the children in any of these? (optional)',
        shortName: 'Differences between the children',
        hint: 'Select all that apply',
        options: POWER_IMBALANCE,
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1',
      },
    ],
  },
  {
    slug: 'responses',
    title: 'How people responded',
    fields: [
      {
        name: 'others_response',
        kind: 'textarea',
        label: 'How did the other children or adults involved respond? (optional)',
        shortName: 'How the others involved responded',
        hint: 'For example, did they join in freely, were they uncomfortable, anxious or fearful?',
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1',
      },
      {
        name: 'child_response',
        kind: 'textarea',
        label: 'How did the child who displayed the behaviour respond? (optional)',
        shortName: 'How the child responded',
        hint: 'For example, defensive, denying, angry, passive, embarrassed, regretful, taking responsibility',
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1',
      },
      {
        name: 'attempt_to_address',
        kind: 'textarea',
        label: 'What was done to address the behaviour, and how did the child respond? (optional)',
        shortName: 'What was done to address the behaviour',
        hint: 'For example, could they be redirected to another task, did they respond to the boundaries set?',
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1, §3.1',
      },
      {
        name: 'parents_response',
        kind: 'textarea',
        label: 'How did the parents or carers respond when they were told? (optional)',
        shortName: 'How the parents or carers responded',
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1',
      },
    ],
  },
  {
    slug: 'actions',
    title: 'Other actions taken',
    fields: [
      {
        name: 'other_actions',
        kind: 'textarea',
        label: 'What other actions have been taken? (optional)',
        shortName: 'Other actions taken',
        hint: 'Agencies contacted for advice or to refer, who you spoke to, what was agreed, by whom and when',
        requiredToSubmit: false,
        source: 'north-yorkshire App. 1 (other actions taken)',
      },
    ],
  },
];

export function sectionBySlug(slug: string): SectionDef | undefined {
  return SECTIONS.find((section) => section.slug === slug);
}

export function optionText(options: readonly Option[] | undefined, value: string): string {
  return options?.find((option) => option.value === value)?.text ?? value;
}

/** A field's value, saved or being changed: a text box, a list of options, or the date and time of the incident. */
export type AnswerValue = string | readonly string[] | Date | null | undefined;

/**
 * One answer in words, as every page and message shows it: the date and time as '1 December
 * 2026 at 3:30pm', the options' texts, or what was typed; '' when nothing was given.
 */
export function answerInWords(section: SectionDef, name: string, value: AnswerValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDateTime(value);
  const field = section.fields.find((candidate) => candidate.name === name);
  if (typeof value !== 'string') return value.map((item) => optionText(field?.options, item)).join(', ');
  return field?.options && value ? optionText(field.options, value) : value;
}

export interface IncidentDraftFacts {
  occurredAt: Date | null;
  values: Partial<Record<IncidentTextField, string>>;
  children: readonly { role: ChildRole }[];
}

export interface SubmitProblem {
  section: string;
  field: string;
  message: string;
}

/** What still stops a draft being submitted, in form order. */
export function submitProblems(draft: IncidentDraftFacts, now: Date = new Date()): SubmitProblem[] {
  const problems: SubmitProblem[] = [];
  if (!draft.children.some((child) => child.role === 'displayed')) {
    problems.push({ section: 'children', field: 'children', message: 'Add the child who displayed the behaviour' });
  }
  for (const section of SECTIONS) {
    for (const field of section.fields) {
      if (!field.requiredToSubmit) continue;
      if (field.name === 'occurred_at') {
        if (!draft.occurredAt)
          problems.push({ section: section.slug, field: field.name, message: field.missingMessage ?? '' });
        else if (draft.occurredAt.getTime() > now.getTime())
          problems.push({
            section: section.slug,
            field: field.name,
            message: 'The date of the incident must be in the past',
          });
        continue;
      }
      const value = draft.values[field.name as IncidentTextField];
      if (!value || value.trim() === '')
        problems.push({ section: section.slug, field: field.name, message: field.missingMessage ?? '' });
    }
  }
  return problems;
}
