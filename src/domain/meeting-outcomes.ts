// The outcomes a multi-agency meeting can record for a child, and what each one sets in motion.
// The vocabulary is national (Working Together 2023, the London and Kent procedures); each pack's
// meeting types say which outcomes apply and cite their clause (R-KEN-7, R-ISL-7), and each pack
// sets the timescales of the next steps (pack.outcomeTimescales). Every outcome is
// recorded for each child separately (R-KEN-7, R-X-1) and creates the next tasks with deadlines.
import type { Role } from './roles.ts';

/** Extra answers an outcome needs, shown with the outcome on the form. */
export type OutcomeField = 'reasons' | 'informer' | 'leadAgency' | 'investigation' | 'timescale';

export const OUTCOME_FIELD_LABELS: Record<OutcomeField, string> = {
  reasons: 'Why no further action is needed',
  informer: 'Who will tell the child and family',
  leadAgency: 'Lead agency',
  investigation: 'Single or joint enquiry',
  timescale: 'Follow-up meeting within (working days)',
};

export interface OutcomeTask {
  title: string;
  detail: string;
  owner: Role;
  kind?: 'do' | 'consider';
  /**
   * Working days from the date the meeting was held, as long as the pack's timescale (pack.outcomeTimescales) says,
   * counted from what `after` names; 'entered': the timescale the meeting set.
   */
  due?: { timescale: OutcomeTimescale; after: string } | 'entered';
  /** The meeting type this task is to arrange, when the pack has it. */
  arranges?: string;
}

/** The timescales a pack sets for the next steps of an outcome (pack.outcomeTimescales). */
export type OutcomeTimescale = 'conference' | 'coreGroup' | 'legalAction';

export interface OutcomeDefinition {
  label: string;
  hint: string;
  fields: OutcomeField[];
  tasks: OutcomeTask[];
}

export const OUTCOMES = {
  'no-further-action': {
    label: 'No further action',
    hint: 'The behaviour does not amount to harm and no further enquiry is needed. Record the reasons and who tells the family.',
    fields: ['reasons', 'informer'],
    tasks: [
      {
        title: 'Tell the child and family the decision',
        detail: 'The professional best placed tells the child and family the decision and any follow-up plan.',
        owner: 'social_worker',
      },
      {
        title: 'Consider further assessment or support, or child in need planning',
        detail:
          'Consider whether any agency should offer further assessment or support, and whether a child in need planning meeting is needed.',
        owner: 'social_worker',
        kind: 'consider',
      },
    ],
  },
  diversion: {
    label: 'Diversion plan',
    hint: 'No significant harm, but the behaviour needs diverting. Name the lead agency; the plan goes into the child’s own plan.',
    fields: ['leadAgency'],
    tasks: [
      {
        title: 'Agree the diversion plan and put it in the child’s plan',
        detail:
          'The lead agency writes the diversion plan into the child’s child in need, care or child protection plan.',
        owner: 'social_worker',
      },
    ],
  },
  'step-down': {
    label: 'Step down to another lead agency',
    hint: 'An agency other than children’s social care leads on monitoring the risk.',
    fields: ['leadAgency'],
    tasks: [
      {
        title: 'Hand over to the new lead agency',
        detail: 'Agree the handover and how the new lead agency will monitor the risk.',
        owner: 'social_worker',
      },
    ],
  },
  'section-47': {
    label: 'Section 47 enquiry',
    hint:
      'Reasonable cause to suspect significant harm: start a child protection enquiry. Say whether it ' +
      'is single (children’s social care) or joint with the police.',
    fields: ['investigation'],
    tasks: [
      {
        title: 'Carry out the Section 47 enquiry',
        detail: 'Plan the enquiry as agreed at the meeting, and record its outcome for this child separately.',
        owner: 'social_worker',
      },
    ],
  },
  'legal-action': {
    label: 'Immediate legal action',
    hint: 'A risk to life or of serious immediate harm: take legal action to protect the child now.',
    fields: [],
    tasks: [
      {
        title: 'Take immediate legal action to protect the child',
        detail: 'Seek legal advice and the order needed today.',
        owner: 'team_manager',
        due: { timescale: 'legalAction', after: 'the meeting' },
      },
    ],
  },
  'follow-up-strategy': {
    label: 'Follow-up strategy meeting',
    hint: 'Not enough is known to decide whether the child is at risk of significant harm. Set a clear timescale.',
    fields: ['timescale'],
    tasks: [
      {
        title: 'Hold the follow-up strategy meeting',
        detail:
          'Decide whether the child is at risk of significant harm and whether to start a Section 47 ' +
          'enquiry. The social work manager reviews the timescale regularly.',
        owner: 'team_manager',
        due: 'entered',
        arranges: 'follow-up-strategy',
      },
    ],
  },
  'child-in-need': {
    label: 'Child in need plan',
    hint: 'Needs are complex but the threshold for a conference is not met: a multi-agency child in need meeting agrees a plan.',
    fields: [],
    tasks: [
      {
        title: 'Hold a child in need meeting and agree the plan',
        detail: 'A multi-agency child in need meeting agrees and then carries out a child in need plan.',
        owner: 'social_worker',
        arranges: 'child-in-need-meeting',
      },
    ],
  },
  'child-protection-conference': {
    label: 'Initial child protection conference',
    hint: 'The enquiry supports the concern that the child is suffering, or likely to suffer, significant harm.',
    fields: [],
    tasks: [
      {
        title: 'Hold an initial child protection conference',
        detail: 'The conference decides whether the child needs a child protection plan.',
        owner: 'team_manager',
        due: { timescale: 'conference', after: 'the strategy discussion' },
        arranges: 'child-protection-conference',
      },
    ],
  },
  'intervention-plan': {
    label: 'Safety and intervention plan agreed',
    hint: 'The meeting agreed the final version of the child’s safety and intervention plan. Its reviews are set by the plan.',
    fields: [],
    tasks: [],
  },
  'child-protection-plan': {
    label: 'Child protection plan',
    hint: 'The conference decided the child needs a child protection plan.',
    fields: [],
    tasks: [
      {
        title: 'Hold the first core group meeting',
        detail: 'The core group develops the outline child protection plan into a detailed plan.',
        owner: 'social_worker',
        due: { timescale: 'coreGroup', after: 'the conference' },
      },
    ],
  },
} as const satisfies Record<string, OutcomeDefinition>;

export type OutcomeId = keyof typeof OUTCOMES;
export const OUTCOME_IDS = Object.keys(OUTCOMES) as [OutcomeId, ...OutcomeId[]];

export const INVESTIGATIONS = {
  single: 'Single enquiry by children’s social care',
  joint: 'Joint enquiry with the police',
} as const;
