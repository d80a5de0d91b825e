// Thurrock (Youth Justice Service and Children's Services policy). Source: shared/seeds, thurrock.
import type { PackInput } from '../domain/pack.ts';
import { leadRuleWithLocalSettings } from './aim-assessor-rules.ts';
import { nationalMeetings, outcomeTimescales } from './meetings.ts';
import { hackettItems } from './hackett.ts';
import { frontDoorDecision, referralSteps, strategyOutcome } from './steps.ts';

const concerning = { level: ['problematic', 'abusive', 'violent'] };
const hackettCite = { clause: 'thurrock §6', requirement: 'R-THU-2' };
const s7 = { clause: 'thurrock §7', requirement: 'R-THU-8' };

const { strategy, meetings } = nationalMeetings('strategy-discussion', 'Strategy discussion', s7, {
  fact: 'youth_justice',
});

// Thurrock plan kinds (issue 14). Seed: shared/seeds/001_0ad618fbdf59e10b.txt.
// The policy sets no review frequency: each review limit is a labelled local setting of 3 months.
const plans: PackInput['plans'] = [
  {
    // §6, seed line 79 (placement contexts by risk profile) and line 81 (levels of service response
    // and intensity; specialised assessment and treatment services for the more complex cases).
    id: 'placement-context',
    name: 'Placement context plan',
    purpose:
      'Records where the needs of the child who harmed will be met, from their own home to a ' +
      'looked-after or care setting or specialist or secure provision, and the level of service that ' +
      'fits their risk and needs.',
    forChild: 'displayed',
    contents: [
      {
        id: 'context',
        label: 'Where the child’s needs will be met',
        hint: 'Their own home, a looked-after or care setting, or specialist or secure provision',
      },
      { id: 'risk', label: 'The risk of harm the child poses to others, and why this setting can manage it' },
      { id: 'needs', label: 'The child’s needs and how this setting will meet them' },
      {
        id: 'service-level',
        label: 'Level and intensity of the service response',
        hint: 'From initial support in a frontline setting to more intensive help',
      },
      {
        id: 'specialist',
        label: 'Whether specialist assessment or treatment is needed',
        hint: 'For the smaller number of more complex cases',
      },
    ],
    review: { months: 3, clause: 'thurrock, local setting', requirement: 'R-THU-4' },
    clause: 'thurrock §6',
    requirement: 'R-THU-4',
  },
  {
    // §2, seed lines 26-28 (responsibilities to both children; the safety of the victim and other
    // children paramount); §4, line 46 (needs considered separately from the victim's).
    id: 'support-harmed',
    name: 'Support plan for the child harmed',
    purpose:
      'The child harmed’s own plan. Their safety comes first, and their needs are considered separately from the needs of the child who harmed.',
    forChild: 'harmed',
    contents: [
      { id: 'safety', label: 'How they will be kept safe' },
      { id: 'needs', label: 'Their needs', hint: 'Considered separately from the needs of the child who harmed' },
      { id: 'agencies', label: 'What each agency will do for them' },
    ],
    review: { months: 3, clause: 'thurrock, local setting', requirement: 'R-X-1' },
    clause: 'thurrock §2, §4',
    requirement: 'R-X-1',
  },
];

export const thurrock: PackInput = {
  plans,
  id: 'thurrock',
  authority: 'Thurrock Council',
  shortName: 'Thurrock policy',
  sections: [
    { ref: '1', title: 'Introduction' },
    { ref: '2', title: 'Adolescents and children who display harmful sexual behaviour' },
    { ref: '3', title: 'The AIM Project' },
    {
      ref: '4',
      title: 'Principles of working with adolescents and children who have displayed problematic sexual behaviour',
    },
    { ref: '5', title: 'NSPCC 2019 definition of problematic and abusive sexual behaviour' },
    { ref: '6', title: 'Hackett (2010) continuum of sexual behaviours' },
    { ref: '7', title: 'Referral and assessment' },
  ],
  title: 'Policy to identify harmful sexual behaviour displayed by adolescents and children',
  source: 'Thurrock Youth Justice Service and Thurrock Children’s Services policy',
  version: 'Policy as published (NSPCC 2019 definitions, AIM3 2019)',
  effectiveFrom: '2019-01-01',
  reviewDate: '2027-11-01',
  versionCited: { clause: 'thurrock §3', requirement: 'R-X-10' },
  summary:
    'Behaviour is placed on Hackett’s continuum (normal, inappropriate, problematic, abusive, ' +
    'violent), with the Chaffin criteria for abnormal behaviour. Concerns that a child has been ' +
    'harmed by another child go to Children’s Social Care or the police; children aged 12 to 18 are ' +
    'assessed with AIM3.',
  levelsCited: hackettCite,
  levels: [
    {
      id: 'normal',
      label: 'Normal',
      covers: ['normal'],
      description: 'Developmentally expected, socially acceptable, consensual, mutual and reciprocal.',
      ...hackettCite,
    },
    {
      id: 'inappropriate',
      label: 'Inappropriate',
      covers: ['inappropriate'],
      description:
        'A single instance, acceptable within the peer group, generally consensual, but the context may be inappropriate.',
      ...hackettCite,
    },
    {
      id: 'problematic',
      label: 'Problematic',
      covers: ['problematic'],
      description:
        'Developmentally unusual and socially unexpected, without overt victimisation; consent or equal power may be unclear.',
      ...hackettCite,
    },
    {
      id: 'abusive',
      label: 'Abusive',
      covers: ['abusive'],
      description: 'Victimising intent or outcome, misuse of power, coercion or force; informed consent lacking.',
      ...hackettCite,
    },
    {
      id: 'violent',
      label: 'Violent',
      covers: ['violent'],
      description: 'Physically violent and highly intrusive sexual abuse; instrumental violence; sadism.',
      ...hackettCite,
    },
  ],
  primaryTool: 'hackett',
  tools: [
    {
      id: 'hackett',
      kind: 'checklist',
      name: 'Hackett (2010) continuum and the Chaffin et al. criteria',
      summary:
        'Tick the descriptors that fit the behaviour, and any of the Chaffin criteria for abnormal ' +
        'sexual behaviour. The highest point ticked gives the suggested level.',
      ...hackettCite,
      groups: [
        { id: 'normal', label: 'Normal', scale: 'normal', items: hackettItems('normal', 'normal'), ...hackettCite },
        {
          id: 'inappropriate',
          label: 'Inappropriate',
          scale: 'inappropriate',
          items: hackettItems('inappropriate', 'inappropriate'),
          ...hackettCite,
        },
        {
          id: 'problematic',
          label: 'Problematic',
          scale: 'problematic',
          items: hackettItems('problematic', 'problematic'),
          ...hackettCite,
        },
        {
          id: 'abusive',
          label: 'Abusive',
          scale: 'abusive',
          items: hackettItems('abusive', 'abusive'),
          ...hackettCite,
        },
        {
          id: 'violent',
          label: 'Violent',
          scale: 'violent',
          items: hackettItems('violent', 'violent'),
          ...hackettCite,
        },
        {
          id: 'chaffin',
          label: 'Chaffin et al. criteria for abnormal behaviour',
          intro: 'Sexual behaviour is abnormal, so at least problematic, if it:',
          clause: 'thurrock §6',
          requirement: 'R-THU-3',
          items: [
            {
              id: 'chaffin-frequency',
              text: 'happens more often than would be expected for the child’s development',
              scale: 'problematic',
            },
            { id: 'chaffin-development', text: 'interferes with the child’s development', scale: 'problematic' },
            { id: 'chaffin-coercion', text: 'happens with coercion, intimidation or force', scale: 'abusive' },
            { id: 'chaffin-distress', text: 'is associated with emotional distress', scale: 'problematic' },
            {
              id: 'chaffin-divergent',
              text: 'happens between children of divergent ages or developmental abilities',
              scale: 'problematic',
            },
            { id: 'chaffin-secrecy', text: 'carries on in secret after carers have intervened', scale: 'problematic' },
          ],
        },
      ],
    },
  ],
  facts: ['significant_harm', 'police_involved', 'youth_justice', 'technology_assisted'],
  ageRules: {
    criminalResponsibilityAge: 10,
    under12Model: {
      name: 'AIM assessment model for children under 12',
      model: 'aim_under_12',
      clause: 'thurrock §3',
      requirement: 'R-THU-5',
    },
    olderModel: { name: 'AIM3 assessment (12 to 18)', model: 'aim3', clause: 'thurrock §3', requirement: 'R-THU-5' },
    approaching18Months: 6,
    notes: [
      {
        when: { ageBelow: 10 },
        text: 'Under 10: below the age of criminal responsibility.',
        clause: 'thurrock §5',
        requirement: 'R-X-2',
      },
    ],
  },
  inactivityWorkingDays: 10,
  // The AIM model, with its training (§3); the policy does not set out the other assessor rules,
  // which are kept as local settings.
  assessorRules: leadRuleWithLocalSettings('thurrock', { clause: 'thurrock §3', requirement: 'R-THU-5' }),
  inactivityCited: { clause: 'thurrock §1', requirement: 'R-THU-7' },
  outcomeTimescales: outcomeTimescales('thurrock'),
  meetings,
  referral: {
    receiver: 'Children’s Social Care',
    ...frontDoorDecision(s7),
    outcomes: [
      { id: 'assessment', label: 'Start an assessment', hint: 'A full risk assessment and assessment of need.' },
      strategyOutcome('Consider whether a strategy discussion should be held', strategy, s7),
      { id: 'police', label: 'Refer to the police', hint: 'The behaviour may be an offence.' },
      { id: 'other-agency', label: 'Refer to a more appropriate agency', hint: 'Say which agency and why.' },
    ],
    separateForEachChild: ['abusive', 'violent'],
    ...s7,
  },
  steps: [
    {
      id: 'safeguarding-lead-advice',
      title: 'If unsure whether to refer, ask your safeguarding lead',
      detail:
        'A professional unsure whether a referral is needed must seek advice from the safeguarding lead in their agency.',
      owner: 'screener',
      kind: 'consider',
      when: { level: ['normal', 'inappropriate'] },
      ...s7,
    },
    ...referralSteps(
      { any: [concerning, { fact: 'significant_harm' }] },
      s7,
      {
        id: 'csc-referral',
        title: 'Refer to Children’s Social Care or the police',
        detail:
          'A concern that a child may have been harmed by another child is referred to Children’s Social Care or the police under the local SET procedures.',
      },
      {
        id: 'csc-decision',
        title: 'Children’s Social Care decides the response',
        detail:
          'Decide the response to the referral within one working day (national timescale, Working ' +
          'Together to Safeguard Children 2023). Both children’s needs are considered separately.',
      },
    ),
    {
      id: 'police-referral',
      title: 'Consider telling the police',
      detail:
        'Abusive or violent behaviour may be an offence: consider a referral to the police if they are not already involved.',
      owner: 'screener',
      kind: 'consider',
      when: { all: [{ level: ['abusive', 'violent'] }, { notFact: 'police_involved' }] },
      ...s7,
    },
    {
      id: 'aim3-assessment',
      aimRequest: true,
      completedBy: 'assessment',
      title: 'Arrange an AIM3 assessment',
      detail:
        'A full risk assessment and an assessment of need are carried out in every case; AIM3 is the model for young people aged 12 to 18.',
      owner: 'aim_practitioner',
      when: { all: [concerning, { stageAtLeast: 12 }, { ageBelow: 18 }] },
      clause: 'thurrock §3, §4',
      requirement: 'R-THU-5',
    },
    {
      id: 'under-12-assessment',
      completedBy: 'assessment',
      title: 'Arrange an assessment with the model for children under 12',
      detail:
        'The child is under 12 in age or developmental stage: use the AIM assessment model for children under 12.',
      owner: 'aim_practitioner',
      when: { all: [concerning, { stageBelow: 12 }] },
      clause: 'thurrock §3',
      requirement: 'R-X-2',
    },
    {
      id: 'technology-assisted',
      title: 'Include the online behaviour in the assessment',
      detail:
        'The behaviour was technology-assisted: include use of pornography, exposure of other children ' +
        'to it, grooming or harassment online in the assessment and plan.',
      owner: 'social_worker',
      when: { all: [{ fact: 'technology_assisted' }, concerning] },
      clause: 'thurrock §1',
      requirement: 'R-THU-6',
    },
    {
      id: 'placement-context',
      title: 'Consider where the child’s needs can be met',
      detail:
        'Decide the placement context on the continuum of responses: the child’s own home, a ' +
        'looked-after placement, or specialist or secure provision for a high risk of serious harm.',
      owner: 'team_manager',
      kind: 'consider',
      when: { level: ['abusive', 'violent'] },
      clause: 'thurrock §6',
      requirement: 'R-THU-4',
    },
    {
      id: 'youth-justice-joint-plan',
      title: 'Plan jointly with the Youth Justice Service',
      detail:
        'Youth Justice is involved: agree one coordinated plan covering both child protection and ' +
        'criminal justice, so that no period passes with no work done.',
      owner: 'youth_justice',
      when: { all: [{ fact: 'youth_justice' }, concerning] },
      clause: 'thurrock §1, §4',
      requirement: 'R-THU-7',
    },
  ],
};
