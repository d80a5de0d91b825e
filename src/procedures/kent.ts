// Kent (Kent and Medway safeguarding procedures 2.2.2, Kent only). Source: shared/seeds, kent.
import type { PackInput } from '../domain/pack.ts';
import { leadRuleWithLocalSettings } from './aim-assessor-rules.ts';
import { STRATEGY_OUTCOMES, followUp, nationalConference, outcomeTimescales } from './meetings.ts';
import { frontDoorDecision, referralSteps } from './steps.ts';

const problematicOrHarmful = { level: ['problematic', 'harmful'] };
const s2 = { clause: 'kent §2', requirement: 'R-KEN-2' };
const s8 = { clause: 'kent §8', requirement: 'R-KEN-6' };
const s10 = { clause: 'kent §10', requirement: 'R-KEN-8' };

type MeetingInput = PackInput['meetings'][number];

// Kent §8: who is invited, the agenda and the investigation-planning factors (R-KEN-6).
const strategyDiscussion: MeetingInput = {
  id: 'strategy-discussion',
  label: 'Strategy discussion',
  purpose:
    'Consider the needs of every child involved, decide whether to start Section 47 enquiries, plan ' +
    'the investigation and agree an immediate safety plan for both children.',
  chair: {
    roles: ['team_manager'],
    text: 'Convened and chaired by the Children’s Social Work Service, who keep a record.',
    ...s8,
  },
  crossAuthority: s8,
  invitees: [
    {
      id: 'social-worker-harmed',
      label: 'Social worker for the child who harmed',
      reason:
        'An AIM-trained representative or specialist in assessing harmful sexual behaviour is necessary when there are concerns of this nature.',
      ...s8,
    },
    {
      id: 'social-worker-targeted',
      label: 'Social worker for the child harmed',
      reason: 'A different social worker from the one for the child who harmed, even in the same household.',
      ...s8,
    },
    {
      id: 'managers',
      label: 'The social workers’ first line managers',
      reason: 'Agree the decisions for their workers’ children.',
      ...s8,
    },
    { id: 'police', label: 'Police', reason: 'The behaviour may be an offence.', ...s8 },
    {
      id: 'youth-justice',
      label: 'Youth Justice representative',
      reason:
        'The child is alleged to have harmed another: an AIM-trained representative where there are concerns of this nature.',
      ...s8,
    },
    {
      id: 'nelft',
      label: 'NELFT Complex Pathway Lead for the child’s district',
      reason: 'Every child displaying harmful sexual behaviour is referred to NELFT.',
      ...s8,
    },
    {
      id: 'early-help',
      label: 'Early Help representative',
      reason: 'The child is already known to the service.',
      when: { fact: 'open_case' },
      ...s8,
    },
    {
      id: 'education',
      label: 'Education representative',
      reason: 'Other children in the setting may have been, or may be at risk of being, harmed.',
      when: { fact: 'other_children_at_risk' },
      ...s8,
    },
    { id: 'health', label: 'School nurse or other health staff', reason: 'As required.', ...s8 },
    {
      id: 'carers',
      label: 'Fostering or residential care',
      reason: 'The child is looked after.',
      when: { lookedAfter: true },
      ...s8,
    },
    { id: 'aesa', label: 'Area Education Safeguarding Advisor', reason: 'Advises the schools involved.', ...s8 },
    {
      id: 'others',
      label: 'Other professionals significantly involved',
      reason: 'For example forensic CAMHS, or others who know the child or family well.',
      ...s8,
    },
  ],
  agenda: [
    {
      heading: 'Agenda',
      items: [
        'What are the concerns and risks? Who is at risk? How imminent is the risk?',
        'What do we know, and what do we suspect or not know?',
        'What are the strengths and protective factors in the family or families?',
        'What do we need to do to ensure everyone is safe? Who needs to be involved?',
        'What do we need to know? Who will find this out?',
        'Who will be the lead agency?',
        'Actions, and the date to review progress.',
      ],
      ...s8,
    },
    {
      heading: 'Planning the investigation',
      items: [
        'Chronological age and developmental stage of both children',
        'Seriousness of the alleged incident',
        'Effect on the child harmed, their own view of their safety, and any needs from their experience',
        'Parents’ attitude and ability to protect their child and manage any risk',
        'Advice to offer the parents',
        'Advice to educational or youth settings on managing any risk',
        'Arrangements to protect the child harmed and other children, especially in the same household or class',
        'Whether the child who harmed may also have been harmed',
        'Risk to others or to self: self-harm, child sexual exploitation, going missing',
        'Whether adults may also be involved',
        'Whether criminal proceedings are likely and desirable; police bail conditions, opposition to bail or remand',
      ],
      ...s8,
    },
    {
      heading: 'If the child who harmed may also be a victim',
      items: ['Follow the Child Sexual Abuse Pathway and agree the order in which interviews take place'],
      ...s8,
    },
  ],
  policeQuestionUnder10: s8,
  safetyPlan: {
    ...s8,
    becomesPlan: {
      displayed: { kind: 'immediate-safety', item: 'child-who-harmed-safe' },
      targeted: { kind: 'immediate-safety', item: 'child-harmed-safe' },
    },
  },
  alsoHarmedPrompt: { clause: 'kent §9', requirement: 'R-KEN-7' },
  outcomes: STRATEGY_OUTCOMES,
  outcomesCited: { clause: 'kent §9', requirement: 'R-KEN-7' },
  ...s8,
};

// Kent §10: Youth Justice invited at 10 or over and informed when younger; NELFT when an AIM assessment was requested (R-KEN-8).
const national = nationalConference(s10);
const conference: MeetingInput = {
  ...national,
  invitees: [
    ...national.invitees.filter((i) => i.id !== 'youth-justice'),
    {
      id: 'youth-justice',
      label: 'Youth Justice representative',
      reason: 'Must be invited when the child who harmed is 10 or over, and informed of the conference when younger.',
      informWhen: { ageBelow: 10 },
      ...s10,
    },
    {
      id: 'nelft',
      label: 'NELFT representative',
      reason: 'NELFT was asked to carry out an AIM assessment.',
      when: { aimRequested: true },
      ...s10,
    },
  ],
};

const childInNeedMeeting: MeetingInput = {
  id: 'child-in-need-meeting',
  label: 'Child in need meeting',
  purpose:
    'No child protection plan, but the child’s needs are complex or there are public protection issues: agree a multi-agency child in need plan.',
  chair: {
    roles: ['team_manager', 'social_worker'],
    text: 'Chaired by children’s social work.',
    clause: 'kent §12',
    requirement: 'R-KEN-10',
  },
  invitees: [
    {
      id: 'social-worker',
      label: 'The child’s social worker',
      reason: 'Leads the plan.',
      clause: 'kent §12',
      requirement: 'R-KEN-10',
    },
    {
      id: 'parents',
      label: 'Parents or carers',
      reason: 'The plan is agreed with the family.',
      clause: 'kent §12',
      requirement: 'R-KEN-10',
    },
    {
      id: 'education',
      label: 'Education',
      reason: 'The child’s school or setting.',
      clause: 'kent §12',
      requirement: 'R-KEN-10',
    },
    {
      id: 'youth-justice',
      label: 'Youth Justice',
      reason: 'Youth Justice is involved.',
      when: { fact: 'youth_justice' },
      clause: 'kent §12',
      requirement: 'R-KEN-10',
    },
    {
      id: 'nelft',
      label: 'NELFT',
      reason: 'Assessment and support for the behaviour.',
      clause: 'kent §12',
      requirement: 'R-KEN-10',
    },
  ],
  agenda: [
    {
      heading: 'Agenda',
      items: ['The child’s needs', 'Public protection issues', 'The child in need plan: who does what, by when'],
      clause: 'kent §12',
      requirement: 'R-KEN-10',
    },
  ],
  outcomes: ['child-in-need', 'child-protection-conference', 'no-further-action'],
  outcomesCited: { clause: 'kent §12', requirement: 'R-KEN-10' },
  clause: 'kent §12',
  requirement: 'R-KEN-10',
};

// Kent §15: after the AIM assessment, a multi-agency meeting shares the draft safety and
// intervention plan and agrees its final version, which addresses the fifteen matters (R-KEN-13);
// NELFT's ongoing involvement is addressed there (§16, R-KEN-14). The procedure names no chair.
const s15 = { clause: 'kent §15', requirement: 'R-KEN-13' };
const aimReviewMeeting: MeetingInput = {
  id: 'aim-review',
  label: 'AIM review meeting',
  purpose:
    'After the AIM assessment: discuss the assessment, share the draft safety and intervention plan ' +
    'and agree its final version. It can be held as part of a child in need meeting, a child ' +
    'protection conference or a core group.',
  chair: {
    roles: ['team_manager', 'social_worker'],
    text: 'The procedure names no chair: chaired by children’s social work (local setting).',
    clause: 'kent, local setting',
    requirement: 'R-KEN-13',
  },
  invitees: [
    {
      id: 'parents',
      label: 'Parents or carers',
      reason: 'Invited to attend, and excluded only in exceptional circumstances.',
      onlyExceptionallyExcluded: s15,
      ...s15,
    },
    {
      id: 'child',
      label: 'The child',
      reason: 'Invited to attend, and excluded only in exceptional circumstances.',
      onlyExceptionallyExcluded: s15,
      ...s15,
    },
    {
      id: 'iro',
      label: 'Independent Reviewing Officer',
      reason: 'The child is looked after: the Independent Reviewing Officer attends.',
      when: { lookedAfter: true },
      ...s15,
    },
    {
      id: 'assessors',
      label: 'The AIM assessors',
      reason: 'They carried out the assessment and drafted the plan.',
      ...s15,
    },
    {
      id: 'nelft',
      label: 'NELFT Complex Pathway Lead for the child’s district',
      reason: 'Invited to every meeting where the risks are discussed; their ongoing support is considered here.',
      clause: 'kent §16',
      requirement: 'R-KEN-14',
    },
    {
      id: 'social-worker',
      label: 'The child’s social worker',
      reason: 'A professional involved with the child and family.',
      ...s15,
    },
    {
      id: 'education',
      label: 'The child’s school or college',
      reason: 'A professional involved with the child.',
      ...s15,
    },
  ],
  agenda: [
    {
      heading: 'The assessment and the plan',
      items: [
        'The AIM assessment and the risks it found',
        'The draft safety and intervention plan',
        'The final version: each of the fifteen matters it must address',
        'The timing and frequency of meetings to review the plan',
      ],
      ...s15,
    },
    { heading: 'Interventions', items: ['Ongoing support from NELFT'], clause: 'kent §16', requirement: 'R-KEN-14' },
  ],
  convenedAfter: { record: 'assessment', ...s15 },
  agreesPlan: { kind: 'safety-intervention', ...s15 },
  outcomes: ['intervention-plan', 'child-in-need', 'child-protection-conference'],
  outcomesCited: s15,
  ...s15,
};

// Kent plan kinds (issue 14). Seed: shared/seeds/000_7a1d05fd33ed7f9c.txt (Kent and Medway 2.2.2).
// The procedure sets no review frequency for any plan: the AIM review meeting decides the timing
// (one of the fifteen matters), so each review limit is a labelled local setting of 3 months.
const plans: PackInput['plans'] = [
  {
    // §8, seed line 212 (the plan), lines 191-194 (agenda), 203-208 (planning factors).
    id: 'immediate-safety',
    name: 'Immediate safety plan',
    purpose:
      'Agreed at the strategy discussion so that both the child who harmed and the child harmed are ' +
      'kept safe while enquiries are made. It can go on either child’s record.',
    forChild: 'either',
    contents: [
      { id: 'child-harmed-safe', label: 'How the child harmed will be kept safe' },
      { id: 'child-who-harmed-safe', label: 'How the child who harmed will be kept safe' },
      {
        id: 'other-children',
        label: 'Arrangements to protect other children',
        hint: 'Especially children in the same household or class',
      },
      {
        id: 'advice-parents',
        label: 'Advice to parents and carers',
        hint: 'Including how to protect their child and manage any risk',
      },
      { id: 'advice-settings', label: 'Advice to the school or youth setting on managing any risk' },
      {
        id: 'risk-to-self',
        label: 'Risks to the children themselves',
        hint: 'For example self-harm, sexual exploitation or going missing',
      },
      { id: 'actions', label: 'Actions, who will do them, and when progress will be reviewed' },
    ],
    review: { months: 3, clause: 'kent, local setting', requirement: 'R-KEN-6' },
    clause: 'kent §8',
    requirement: 'R-KEN-6',
  },
  {
    // §14, seed lines 296-301 (draft plan and its four qualities); §15, lines 306-328 (the fifteen
    // matters, in order); §16, line 333 (ongoing NELFT support, addressed at the review meetings).
    id: 'safety-intervention',
    name: 'Safety and intervention plan',
    purpose:
      'Drafted after the AIM assessment by the people who carried it out, with the child and their ' +
      'family or carers, and made final at the AIM review meeting. It is built with the child and ' +
      'their supporters, develops the child’s strengths, repairs the harm done to everyone affected ' +
      'and sets out steps to reduce the risks found.',
    forChild: 'displayed',
    contents: [
      { id: 'child-protection', label: 'Child protection concerns for the child' },
      { id: 'victim-safety', label: 'Safety of anyone the child might harm' },
      { id: 'risk-management', label: 'Managing risk at home, at school and in the community' },
      { id: 'living-arrangements', label: 'Where the child will live for now' },
      { id: 'education', label: 'School attendance and other education matters' },
      { id: 'health', label: 'Health needs, including emotional health' },
      {
        id: 'development-support',
        label: 'Support for the child and family with the child’s social, emotional and behavioural development',
      },
      { id: 'needs', label: 'The child’s needs' },
      { id: 'victim-issues', label: 'Whether the child harmed and their family are getting the support they need' },
      { id: 'intervention', label: 'Intervention or treatment: what is needed and how it was identified' },
      { id: 'roles', label: 'Roles, tasks and expectations for each professional and agency' },
      { id: 'further-assessment', label: 'Any further assessment needed' },
      {
        id: 'barred-list',
        label: 'Whether the child’s name should be put on the Disclosure and Barring Service barred list',
      },
      { id: 'review-timing', label: 'When and how often meetings will review the plan' },
      {
        id: 'minutes',
        label: 'Sending out the minutes of the meeting',
        hint: 'To everyone there and everyone with an action, as soon as possible',
      },
      {
        id: 'nelft-support',
        label: 'Ongoing support from NELFT',
        hint: 'Whether NELFT needs to stay involved after the assessment',
      },
    ],
    review: { months: 3, clause: 'kent, local setting', requirement: 'R-KEN-12' },
    clause: 'kent §14, §15, §16',
    requirement: 'R-KEN-12',
  },
  {
    // §17, seed line 342.
    id: 'home-safety',
    name: 'Home safety plan',
    purpose:
      'Made by the professionals involved wherever the child who harmed lives: at home if they stay ' +
      'there, or in a residential setting, a foster placement or with other family members. It sets ' +
      'rules and guidelines about what is allowed.',
    forChild: 'displayed',
    contents: [
      {
        id: 'where',
        label: 'Where the child lives',
        hint: 'Family home, residential setting, foster placement or other family members',
      },
      {
        id: 'removal-decision',
        label:
          'Decision on whether the child should leave the family home to protect brothers and sisters: who decided, and why',
      },
      { id: 'rules', label: 'Rules and guidelines about what is allowed' },
    ],
    review: { months: 3, clause: 'kent, local setting', requirement: 'R-KEN-15' },
    clause: 'kent §17',
    requirement: 'R-KEN-15',
  },
  {
    // §9, seed lines 223 and 233-235 (the child harmed's needs assessed separately, in their own
    // outcome and child and family assessment; meeting or conference considered for them).
    // Also drawn on: §8 line 202 (their own view of their safety), line 206 (arrangements to protect
    // them), §15 line 322 (whether they and their family are supported).
    id: 'support-harmed',
    name: 'Support plan for the child harmed',
    purpose:
      'The child harmed’s own plan, kept apart from the plan for the child who harmed. It sets out ' +
      'their needs from their own assessment, how they will be kept safe and the support they and ' +
      'their family will get.',
    forChild: 'harmed',
    contents: [
      { id: 'needs', label: 'Their needs', hint: 'From their own child and family assessment' },
      { id: 'safety', label: 'How they will be kept safe', hint: 'Include their own view of their safety' },
      { id: 'support', label: 'Support for them and their family' },
      { id: 'meeting', label: 'Whether they need a child in need meeting or a child protection conference' },
    ],
    review: { months: 3, clause: 'kent, local setting', requirement: 'R-X-1' },
    clause: 'kent §9',
    requirement: 'R-X-1',
  },
];

export const kent: PackInput = {
  plans,
  id: 'kent',
  authority: 'Kent County Council',
  shortName: 'Kent procedure',
  sections: [
    { ref: '1', title: 'Introduction' },
    { ref: '2', title: 'Level for request for support' },
    { ref: '3', title: 'Establishing whether a child or young person’s sexual behaviour is harmful' },
    { ref: '4', title: 'Children and young people who display harmful sexual behaviour' },
    { ref: '5', title: 'Early help' },
    { ref: '6', title: 'The role of education establishments' },
    { ref: '7', title: 'Children’s social work service' },
    { ref: '8', title: 'Strategy discussions' },
    { ref: '9', title: 'Outcome of enquiries' },
    { ref: '10', title: 'Child protection conference' },
    { ref: '11', title: 'Criminal proceedings' },
    { ref: '12', title: 'Multi-agency child in need meetings' },
    { ref: '13', title: 'Assessment of children and young people exhibiting harmful sexual behaviour' },
    { ref: '14', title: 'Planning' },
    { ref: '15', title: 'AIM review meeting' },
    { ref: '16', title: 'Providing interventions' },
    { ref: '17', title: 'Home safety planning' },
  ],
  title: 'Children who exhibit harmful behaviour including sexual harm (assessing and providing interventions)',
  source: 'Kent and Medway Safeguarding Children Procedures, 2.2.2 (Kent only)',
  version: '2.2.2, amended November 2021',
  effectiveFrom: '2021-11-01',
  reviewDate: '2027-11-01',
  versionCited: { clause: 'kent, amendment note', requirement: 'R-X-10' },
  summary:
    'Professionals decide whether behaviour is healthy, problematic or harmful with Carson’s ' +
    'checklist. Problematic or harmful behaviour goes to the Front Door for Early Help or the ' +
    'Children’s Social Work Service; reasonable cause to suspect significant harm means a strategy ' +
    'discussion; every child displaying harmful behaviour is referred to NELFT for an AIM ' +
    'assessment.',
  levelsCited: { clause: 'kent §3', requirement: 'R-KEN-1' },
  levels: [
    {
      id: 'healthy',
      label: 'Healthy',
      covers: ['normal'],
      description: 'Age appropriate, mutual and exploratory; no cause for concern.',
      clause: 'kent §3',
      requirement: 'R-KEN-1',
    },
    {
      id: 'problematic',
      label: 'Problematic',
      covers: ['inappropriate', 'problematic'],
      description:
        'Not age appropriate or in the wrong context, without threat or force; the children may seem uncomfortable.',
      clause: 'kent §3',
      requirement: 'R-KEN-1',
    },
    {
      id: 'harmful',
      label: 'Harmful',
      covers: ['abusive', 'violent'],
      description:
        'Planned, secretive, forceful or coercive; clear power differences; those targeted are fearful or hurt.',
      clause: 'kent §3',
      requirement: 'R-KEN-1',
    },
  ],
  primaryTool: 'carson',
  tools: [
    {
      id: 'carson',
      kind: 'matrix',
      name: 'Carson (2014) checklist',
      summary:
        'Rate each of the eight dimensions as healthy, problematic or harmful. The highest rating gives the immediate level of concern.',
      clause: 'kent §3',
      requirement: 'R-KEN-1',
      columns: [
        { id: 'healthy', label: 'Healthy', scale: 'normal' },
        { id: 'problematic', label: 'Problematic', scale: 'problematic' },
        { id: 'harmful', label: 'Harmful', scale: 'abusive' },
      ],
      dimensions: [
        {
          id: 'type',
          label: 'Type of sexual behaviour',
          descriptors: {
            healthy: 'Age appropriate, mutual and exploratory.',
            problematic:
              'Not age appropriate: some sexual language, or self-masturbation as the only way of comforting themselves; or the result of peer pressure.',
            harmful: 'Adult sexual activity; self-masturbation to the point of pain or injury; sex with animals.',
          },
        },
        {
          id: 'context',
          label: 'Context of the behaviour',
          descriptors: {
            healthy: 'Open, light-hearted and spontaneous.',
            problematic:
              'No secrecy, force or intent to harm, but the children seem uncomfortable; masturbation in public or more noticeable.',
            harmful:
              'Planned and secretive, with threat, force or coercion; masturbation with intense emotion that is the child’s main way of regulating feelings.',
          },
        },
        {
          id: 'emotional-response',
          label: 'The child’s emotional response when challenged',
          descriptors: {
            healthy: 'Happy or embarrassed; able to take responsibility, for their age and understanding.',
            problematic: 'Ashamed; may struggle at first to take responsibility but shows remorse and empathy.',
            harmful:
              'Angry, fearful, aggressive, distressed, or passive and unable to see why anyone is worried; blames others; no empathy.',
          },
        },
        {
          id: 'targeted-response',
          label: 'Response of the children or adults targeted',
          descriptors: {
            healthy: 'Taking part freely and happy.',
            problematic: 'Uncomfortable or unhappy, but not fearful or anxious; adults targeted feel uncomfortable.',
            harmful: 'Unhappy, fearful, anxious or distressed; may be physically hurt; adults may feel intimidated.',
          },
        },
        {
          id: 'power',
          label: 'Power dynamics',
          descriptors: {
            healthy: 'Similar age and ability, would normally play together; nothing suggests a power imbalance.',
            problematic: 'Would not normally play together, or subtle signs that one child is more in control.',
            harmful:
              'Would not normally play together, or clear differences of age, size, status, ability or strength.',
          },
        },
        {
          id: 'frequency',
          label: 'Frequency of the behaviour',
          descriptors: {
            healthy: 'Occasional and not the child’s main focus; interested in other things.',
            problematic:
              'Some behaviour inappropriate for their age, intermittent but perhaps increasing; still interested in other things.',
            harmful:
              'Frequent; the child seems focused on it for comfort, reassurance or control, out of proportion to the rest of their life.',
          },
        },
        {
          id: 'persistence',
          label: 'Persistence of the behaviour',
          descriptors: {
            healthy: 'Occasional and not the child’s main focus; interested in other things.',
            problematic: 'Recurring and hard to redirect, but the child responds to some intervention.',
            harmful:
              'Cannot easily be distracted and keeps returning to it; seems compulsive, the main way of seeking comfort, attention or control.',
          },
        },
        {
          id: 'parental-response',
          label: 'Parental response',
          descriptors: {
            healthy: 'Accept the concern and support their child.',
            problematic: 'Struggling to accept the behaviour or looking for other explanations.',
            harmful:
              'Deny or minimise it; blame or threaten the victim and their family; reject the child; punish harshly.',
          },
        },
      ],
    },
  ],
  facts: ['significant_harm', 'youth_justice', 'open_case', 'other_children_at_risk'],
  ageRules: {
    criminalResponsibilityAge: 10,
    under12Model: {
      name: 'AIM under-12s assessment, led by NELFT',
      model: 'aim_under_12',
      clause: 'kent §13',
      requirement: 'R-KEN-11',
    },
    olderModel: { name: 'AIM2 assessment, led by NELFT', model: 'aim2', clause: 'kent §13', requirement: 'R-KEN-11' },
    approaching18Months: 6,
    notes: [
      {
        when: { ageBelow: 10 },
        text: 'Under 10, below the age of criminal responsibility: any strategy discussion must agree whether police involvement is needed.',
        clause: 'kent §8',
        requirement: 'R-KEN-6',
      },
      {
        when: { all: [{ stageBelow: 12 }, { ageAtLeast: 10 }] },
        text: 'Under 12 in age or understanding: lack of maturity may lead to a decision not to start criminal proceedings.',
        clause: 'kent §13',
        requirement: 'R-KEN-11',
      },
    ],
  },
  inactivityWorkingDays: 10,
  // NELFT leads the assessment, trained social workers sharing it (§13); the procedure does not set
  // out the other assessor rules, which are kept as local settings.
  assessorRules: leadRuleWithLocalSettings('kent', { clause: 'kent §13', requirement: 'R-KEN-11' }),
  outcomeTimescales: outcomeTimescales('kent'),
  meetings: [strategyDiscussion, followUp(strategyDiscussion), conference, childInNeedMeeting, aimReviewMeeting],
  referral: {
    receiver: 'the Front Door',
    ...frontDoorDecision(s2),
    outcomes: [
      {
        id: 'early-help',
        label: 'Early Help',
        hint: 'Direct work with the child, work with the family and with the wider network.',
      },
      {
        id: 'assessment',
        label: 'Children’s Social Work Service: start an assessment',
        hint: 'A child in need or child protection assessment.',
      },
      {
        id: 'strategy',
        label: 'Convene a strategy discussion',
        hint: 'Reasonable cause to suspect significant harm.',
        then: {
          title: 'Convene a strategy discussion',
          detail: 'The Front Door decided that there is reasonable cause to suspect significant harm.',
          owner: 'team_manager',
          meeting: 'strategy-discussion',
          clause: 'kent §7',
          requirement: 'R-KEN-5',
        },
      },
      {
        id: 'advice',
        label: 'Advice or consultation only',
        hint: 'No service needed now; advice given to the referrer.',
      },
    ],
    separateForEachChild: ['harmful'],
    ...s2,
  },
  steps: [
    {
      id: 'consultation',
      title: 'If unsure, ask for a consultation',
      detail:
        'Ask your agency’s safeguarding lead, or the Front Door, for a consultation before deciding that no request for support is needed.',
      owner: 'screener',
      kind: 'consider',
      when: { level: ['healthy'] },
      ...s2,
    },
    ...referralSteps(
      problematicOrHarmful,
      s2,
      {
        id: 'front-door-referral',
        title: 'Refer to the Front Door',
        detail:
          'Problematic or harmful behaviour is referred to the Kent Front Door Service, so that Early ' +
          'Help or the Children’s Social Work Service can be considered.',
      },
      {
        id: 'front-door-decision',
        title: 'Front Door decides the response',
        detail:
          'Decide between Early Help and the Children’s Social Work Service, within one working day of ' +
          'the referral (national timescale, Working Together to Safeguard Children 2023).',
      },
    ),
    {
      id: 'early-help',
      title: 'Consider Early Help',
      detail:
        'Direct work with the child, work with the family, and work with the wider network on a safety ' +
        'plan. Escalate to the Children’s Social Work Service if the behaviour becomes harmful.',
      owner: 'front_door',
      kind: 'consider',
      when: { all: [{ level: ['problematic'] }, { notFact: 'significant_harm' }] },
      clause: 'kent §5',
      requirement: 'R-KEN-3',
    },
    {
      id: 'strategy-discussion',
      title: 'Convene a strategy discussion',
      detail:
        'There is reasonable cause to suspect significant harm: the Children’s Social Work Service must ' +
        'convene a strategy discussion that considers the needs of every child involved.',
      owner: 'team_manager',
      when: { fact: 'significant_harm' },
      meeting: 'strategy-discussion',
      clause: 'kent §7',
      requirement: 'R-KEN-5',
    },
    {
      id: 'police-involvement-under-10',
      title: 'Decide whether police involvement is needed',
      detail:
        'The child is under 10: the strategy discussion must agree whether police involvement in the ' +
        'enquiry is needed, for example if the behaviour may stem from abuse by adults.',
      owner: 'team_manager',
      kind: 'consider',
      when: { all: [{ fact: 'significant_harm' }, { ageBelow: 10 }] },
      clause: 'kent §8',
      requirement: 'R-KEN-6',
    },
    {
      id: 'separate-social-worker',
      completedBy: 'allocation',
      title: 'Allocate the child harmed their own social worker',
      detail:
        'A different social worker from the one allocated to the child who harmed, even when the children live in the same household.',
      owner: 'team_manager',
      forChild: 'targeted',
      when: { any: [{ level: ['harmful'] }, { fact: 'significant_harm' }] },
      clause: 'kent §8',
      requirement: 'R-KEN-6',
    },
    {
      id: 'education-setting',
      title: 'Involve the education setting',
      detail:
        'Other children in the setting may be at risk: invite an education representative to the strategy discussion and agree advice to the setting.',
      owner: 'team_manager',
      when: { all: [{ fact: 'other_children_at_risk' }, { fact: 'significant_harm' }] },
      clause: 'kent §8',
      requirement: 'R-KEN-6',
    },
    {
      id: 'nelft-under-12',
      aimRequest: true,
      completedBy: 'assessment',
      title: 'Refer to NELFT for an AIM under-12s assessment',
      detail:
        'Every child displaying harmful sexual behaviour is referred to NELFT, whatever their age. ' +
        'NELFT leads the under-12s assessment; the allocated social worker introduces the assessor and ' +
        'shares the child and family assessment, and agrees with NELFT whether to assess jointly if ' +
        'AIM-trained.',
      owner: 'social_worker',
      when: { all: [{ level: ['harmful'] }, { stageBelow: 12 }] },
      clause: 'kent §13',
      requirement: 'R-KEN-11',
    },
    {
      id: 'nelft-aim2',
      aimRequest: true,
      completedBy: 'assessment',
      title: 'Refer to NELFT for an AIM2 assessment',
      detail:
        'Every child displaying harmful sexual behaviour is referred to NELFT. Without Youth Justice ' +
        'involvement the allocated social worker refers; with an allocated Youth Justice worker, the ' +
        'two agree who refers. Agree joint assessment with NELFT where a worker is AIM-trained.',
      owner: 'social_worker',
      when: { all: [{ level: ['harmful'] }, { stageAtLeast: 12 }, { ageBelow: 18 }] },
      clause: 'kent §13',
      requirement: 'R-KEN-11',
    },
    {
      id: 'youth-justice-discussion',
      title: 'Allocate a Youth Justice worker and hold a case discussion',
      detail:
        'Youth Justice is involved (out-of-court disposal or sentence): allocate a Youth Justice worker ' +
        'and arrange a Youth Justice and social work case discussion, which may be part of a strategy ' +
        'discussion.',
      owner: 'youth_justice',
      when: { all: [{ fact: 'youth_justice' }, problematicOrHarmful] },
      clause: 'kent §5',
      requirement: 'R-KEN-4',
    },
  ],
};
