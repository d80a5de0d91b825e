// Meeting types shared by packs whose procedures name a strategy discussion or conference without
// setting out its membership: the national framework (Working Together to Safeguard Children 2023)
// fills the gap, and every item says so. Kent and Islington set out their own (kent §8, §10, §12;
// islington §5, §6) and define them in their packs.
import type { Condition, PackInput } from '../domain/pack.ts';
import { type Cite, localSetting, withWorkingTogether as national } from './cite.ts';

type MeetingInput = PackInput['meetings'][number];

/** The pack a clause of its own document cites: 'thurrock §7' is Thurrock's. */
const packIdOf = (cite: Cite): string => /^[a-z][a-z-]*[a-z]/.exec(cite.clause)?.[0] ?? cite.clause;

/**
 * The working days a meeting's outcome gives the next step (R-X-3). None of the five documents sets the
 * conference or core group timescales, so the national framework's apply; the same-day legal action and the
 * longest follow-up a meeting may set are local settings.
 */
export function outcomeTimescales(packId: string): PackInput['outcomeTimescales'] {
  return {
    conference: { workingDays: 15, clause: 'Working Together 2023' },
    coreGroup: { workingDays: 10, clause: 'Working Together 2023' },
    legalAction: { workingDays: 0, clause: `${packId}, local setting` },
    followUpMaximum: { workingDays: 20, clause: `${packId}, local setting` },
  };
}

/** Invitees every strategy discussion has under the national framework, with the facts that add others (R-X-4). */
export function nationalStrategyInvitees(cite: Cite, youthJusticeWhen?: Condition): MeetingInput['invitees'] {
  const citation = national(cite);
  return [
    {
      id: 'social-worker-harmed',
      label: 'Social worker for the child who harmed',
      reason: 'Leads the enquiry for this child.',
      ...citation,
    },
    {
      id: 'social-worker-targeted',
      label: 'Social worker for the child harmed',
      reason: 'A different worker, so that both children’s needs are assessed.',
      ...citation,
    },
    {
      id: 'manager',
      label: 'Social work team manager',
      reason: 'Convenes the discussion and agrees the decisions.',
      ...citation,
    },
    {
      id: 'police',
      label: 'Police',
      reason: 'The behaviour may be an offence; the police decide on any criminal investigation.',
      ...citation,
    },
    {
      id: 'education',
      label: 'Education (designated safeguarding lead)',
      reason: 'The child’s school or setting, and the other children there.',
      ...citation,
    },
    {
      id: 'health',
      label: 'Health (school nurse, GP or CAMHS)',
      reason: 'Health needs, and any medical assessment.',
      ...citation,
    },
    {
      id: 'youth-justice',
      label: 'Youth Justice Service',
      reason: 'The behaviour may be an offence: Youth Justice advises on diversion and any criminal process.',
      ...(youthJusticeWhen ? { when: youthJusticeWhen } : {}),
      ...citation,
    },
    {
      id: 'carers',
      label: 'Fostering or residential care',
      reason: 'The child is looked after.',
      when: { lookedAfter: true },
      ...citation,
    },
  ];
}

const nationalAgenda = (cite: Cite): MeetingInput['agenda'] => [
  {
    heading: 'Agenda',
    items: [
      'Share what is known about both children and the concern',
      'Decide whether there is reasonable cause to suspect significant harm, and whether to start a Section 47 enquiry',
      'Agree what information to share, with whom and when',
      'Agree the immediate safety of every child involved',
      'Decide whether a criminal investigation is needed',
      'Agree actions, who does them and by when',
    ],
    ...national(cite),
  },
];

/**
 * What a strategy discussion may decide for each child: the national framework's outcomes, which
 * kent §9 also names (a pack whose document names others lists its own, as Islington's does).
 */
export const STRATEGY_OUTCOMES: MeetingInput['outcomes'] = [
  'no-further-action',
  'child-in-need',
  'section-47',
  'child-protection-conference',
  'follow-up-strategy',
  'legal-action',
];

/** A strategy discussion under the national framework, for packs that name one without setting out its form. */
export function nationalStrategyDiscussion(
  id: string,
  label: string,
  cite: Cite,
  youthJusticeWhen?: Condition,
): MeetingInput {
  return {
    id,
    label,
    purpose:
      'Decide whether there is reasonable cause to suspect significant harm and whether to start a ' +
      'Section 47 enquiry, and plan the safety of every child involved.',
    chair: {
      roles: ['team_manager'],
      text: 'Convened and chaired by a children’s social care manager.',
      ...national(cite),
    },
    // Who chairs when the children belong to different authorities: Kent (§8) and Islington set it; these
    // documents do not, and the national framework does not name the authority, so it is a local setting.
    crossAuthority: localSetting(packIdOf(cite), cite.requirement),
    invitees: nationalStrategyInvitees(cite, youthJusticeWhen),
    agenda: nationalAgenda(cite),
    safetyPlan: national(cite),
    outcomes: STRATEGY_OUTCOMES,
    outcomesCited: national(cite),
    ...national(cite),
  };
}

/** The follow-up meeting a strategy discussion may set, with a timescale (national framework). */
export function followUp(base: MeetingInput): MeetingInput {
  return {
    ...base,
    id: 'follow-up-strategy',
    label: `Follow-up ${base.label.toLowerCase()}`,
    purpose:
      'Decide, with the information now gathered, whether the child is at risk of significant harm and whether to start a Section 47 enquiry.',
  };
}

/**
 * The meetings of a pack whose document names a strategy discussion without setting out its form: the
 * discussion, its follow-up and the initial conference under the national framework, each cited with
 * the pack's own clause for them.
 */
export function nationalMeetings(
  id: string,
  label: string,
  cite: Cite,
  youthJusticeWhen?: Condition,
): { strategy: MeetingInput; meetings: MeetingInput[] } {
  const strategy = nationalStrategyDiscussion(id, label, cite, youthJusticeWhen);
  return { strategy, meetings: [strategy, followUp(strategy), nationalConference(cite, youthJusticeWhen)] };
}

/** An initial child protection conference under the national framework. */
export function nationalConference(cite: Cite, youthJusticeWhen?: Condition): MeetingInput {
  const citation = national(cite);
  return {
    id: 'child-protection-conference',
    label: 'Initial child protection conference',
    purpose: 'Decide whether the child needs a child protection plan.',
    chair: {
      roles: ['team_manager'],
      text: 'Chaired by a manager independent of the case’s line management.',
      independent: true,
      ...citation,
    },
    invitees: [
      { id: 'social-worker', label: 'The child’s social worker', reason: 'Presents the assessment.', ...citation },
      {
        id: 'parents',
        label: 'Parents or carers',
        reason: 'Take part unless that would put the child at more risk.',
        ...citation,
      },
      { id: 'police', label: 'Police', reason: 'Share relevant information.', ...citation },
      { id: 'education', label: 'Education', reason: 'The child’s school or setting.', ...citation },
      { id: 'health', label: 'Health', reason: 'Health needs.', ...citation },
      {
        id: 'youth-justice',
        label: 'Youth Justice Service',
        reason: 'Youth Justice is involved with the child.',
        ...(youthJusticeWhen ? { when: youthJusticeWhen } : {}),
        ...citation,
      },
    ],
    agenda: [
      {
        heading: 'Agenda',
        items: [
          'The assessment and the child’s views',
          'Is the child likely to suffer significant harm?',
          'The outline child protection plan, or other support',
        ],
        ...citation,
      },
    ],
    outcomes: ['child-protection-plan', 'child-in-need', 'no-further-action'],
    outcomesCited: citation,
    ...citation,
  };
}
