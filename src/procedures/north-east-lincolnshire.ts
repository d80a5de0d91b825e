// North East Lincolnshire (practice guidance). Source: shared/seeds, north-east-lincolnshire.
import type { PackInput } from '../domain/pack.ts';
import { leadRuleWithLocalSettings } from './aim-assessor-rules.ts';
import { nationalMeetings, outcomeTimescales } from './meetings.ts';
import { brookTool } from './brook.ts';
import { frontDoorDecision, referralSteps, strategyOutcome } from './steps.ts';

// The guidance has named sections rather than numbered ones; each requirement cites the one it
// comes from (see the pack's sections).
const SECTION_OF: Record<string, string> = {
  'R-NEL-1': 'definitions',
  'R-NEL-2': 'typical sexual behaviour',
  'R-NEL-3': 'identifying harmful sexual behaviour',
  'R-NEL-4': 'identifying harmful sexual behaviour',
  'R-NEL-5': 'responding',
  'R-NEL-6': 'referral',
  'R-NEL-7': 'police and youth justice',
  'R-NEL-8': 'living arrangements',
  'R-NEL-9': 'harm outside the home',
  'R-NEL-10': 'aim pathway panel',
  'R-NEL-11': 'aim pathway panel',
  'R-NEL-12': 'aim pathway panel',
  'R-NEL-13': 'public protection',
  'R-NEL-14': 'aim pathway panel',
  'R-X-2': 'identifying harmful sexual behaviour',
  'R-X-10': 'further information',
};
const cite = (requirement: string) => {
  const section = SECTION_OF[requirement];
  if (!section) throw new Error(`north-east-lincolnshire: no section for ${requirement}`);
  return { clause: `north-east-lincolnshire, ${section}`, requirement };
};
const anyConcern = { level: ['inappropriate', 'problematic', 'abusive', 'violent'] };
const serious = { any: [{ level: ['abusive', 'violent'] }, { fact: 'significant_harm' as const }] };
const panelAge = [{ ageAtLeast: 12 }, { ageBelow: 18 }];

const { strategy, meetings } = nationalMeetings('strategy-discussion', 'Strategy discussion', cite('R-NEL-7'));

// North East Lincolnshire plan kinds (issue 14). Seed: shared/seeds/003_45be4fc8f0c96e72.txt.
// The guidance has named sections; clauses cite them as the pack does ('north-east-lincolnshire, <section>').
const plans: PackInput['plans'] = [
  {
    // The AIM Pathway Panel, seed lines 148 (tailored, strengths-based interventions within the
    // child's plan held by the referring lead professional), 170-172 (lead AIM practitioner and
    // co-worker; recommendations to a review panel; statutory plans continue alongside), 174
    // (education, training, employment and socialisation; other children safeguarded), 176
    // (parents and carers involved), 182 (court and custody), 184 (reviewed at least every 3 months).
    id: 'aim-intervention',
    name: 'AIM intervention plan',
    purpose:
      'Made when the AIM Pathway Panel accepts a referral. The lead AIM practitioner and co-worker ' +
      'deliver tailored, strengths-based interventions as part of the child’s plan held by the ' +
      'referring lead professional, and the panel reviews the plan at least every 3 months.',
    forChild: 'displayed',
    contents: [
      { id: 'interventions', label: 'Interventions, tailored to the child and building on their strengths' },
      {
        id: 'statutory-plans',
        label: 'Statutory plans and processes that continue alongside this plan',
        hint: 'For example a child in need, child protection or child in care plan, an out of court disposal or a court order',
      },
      {
        id: 'education-employment',
        label: 'Access to education, training, employment and time with other young people',
      },
      { id: 'others-safe', label: 'How other children are kept safe' },
      { id: 'parents', label: 'How parents and carers are involved and supported' },
      {
        id: 'court-custody',
        label: 'Court and custody planning',
        hint:
          'If relevant: what the plan contributes to pre-sentence reports, sentencing and detention and ' +
          'training order planning, and any work with custodial staff',
      },
      { id: 'recommendations', label: 'Recommendations to the review panel, including any further interventions' },
    ],
    review: { months: 3, clause: 'north-east-lincolnshire, aim pathway panel', requirement: 'R-NEL-12' },
    clause: 'north-east-lincolnshire, aim pathway panel',
    requirement: 'R-NEL-11',
  },
  {
    // Living arrangements, seed lines 136-141.
    id: 'living-arrangements',
    name: 'Living arrangements plan',
    purpose:
      'Records where the child who harmed lives and how their home helps them behave safely: usually ' +
      'with their own family, with family support and parental guidance, or in foster or residential ' +
      'care if they already live there or home is not safe for them or other children.',
    forChild: 'displayed',
    contents: [
      { id: 'where', label: 'Where the child lives', hint: 'With their own family, or in foster or residential care' },
      {
        id: 'safe-at-home',
        label: 'Whether it is safe for the child to live at home, for them and for other children',
      },
      {
        id: 'family-support',
        label: 'Family support and parental guidance',
        hint: 'If the child lives with their own family',
      },
      {
        id: 'environment',
        label: 'How the placement will shape the child’s surroundings and build their positive social skills',
        hint: 'If the child lives in foster or residential care',
      },
      { id: 'carers-informed', label: 'What carers have been told about the behaviour' },
      { id: 'carers-training', label: 'Carers’ access to training on harmful sexual behaviour' },
    ],
    review: { months: 3, clause: 'north-east-lincolnshire, local setting', requirement: 'R-NEL-8' },
    clause: 'north-east-lincolnshire, living arrangements',
    requirement: 'R-NEL-8',
  },
  {
    // What practitioners should do, seed lines 114 (response based on the impact and the needs of
    // the children involved), 115 (child protection where abuse of another child is indicated),
    // 120-121 (children talked to separately and listened to), 125 (assessing need and providing help).
    id: 'support-harmed',
    name: 'Support plan for the child harmed',
    purpose:
      'The child harmed’s own plan, based on the impact of the behaviour on them and their needs, kept apart from the plan for the child who harmed.',
    forChild: 'harmed',
    contents: [
      { id: 'impact', label: 'The impact of the behaviour on them' },
      { id: 'voice', label: 'What they have said', hint: 'Talk to each child separately and listen to them' },
      { id: 'needs', label: 'Their needs and the help they will get' },
      {
        id: 'protection',
        label: 'Child protection action for them',
        hint: 'If the behaviour suggests they have been abused',
      },
    ],
    review: { months: 3, clause: 'north-east-lincolnshire, local setting', requirement: 'R-X-1' },
    clause: 'north-east-lincolnshire, responding',
    requirement: 'R-X-1',
  },
];

export const northEastLincolnshire: PackInput = {
  plans,
  id: 'north-east-lincolnshire',
  authority: 'North East Lincolnshire Council',
  shortName: 'North East Lincolnshire guidance',
  sections: [
    { ref: 'definitions', title: 'Definitions' },
    { ref: 'further information', title: 'Further information' },
    { ref: 'identifying harmful sexual behaviour', title: 'Identifying harmful sexual behaviour' },
    { ref: 'typical sexual behaviour', title: 'Typical sexual behaviour in children' },
    { ref: 'responding', title: 'What practitioners should do' },
    { ref: 'police and youth justice', title: 'Police and youth justice' },
    { ref: 'referral', title: 'Referral' },
    { ref: 'living arrangements', title: 'Living arrangements' },
    { ref: 'harm outside the home', title: 'Harmful sexual behaviour outside the home' },
    { ref: 'aim pathway panel', title: 'The AIM Pathway Panel' },
    { ref: 'public protection', title: 'Sexual Risk Orders and MAPPA' },
  ],
  title: 'Practice guidance: children and young people who display harmful sexual behaviour',
  source: 'North East Lincolnshire Safeguarding Children Partnership practice guidance',
  version: 'Practice guidance as published (threshold document 2024-28, refreshed May 2025)',
  effectiveFrom: '2025-05-01',
  reviewDate: '2027-11-01',
  versionCited: { clause: 'north-east-lincolnshire, further information', requirement: 'R-X-10' },
  summary:
    'Sexual behaviour is judged against what is typical for the child’s age or stage of ' +
    'development, with seven signs that behaviour may be concerning. The least intrusive response ' +
    'comes first: the practitioner’s response and early help; serious concerns go to the Integrated ' +
    'Front Door or the police; children aged 12 to 18 with serious harmful behaviour may be ' +
    'referred to the AIM Pathway Panel. The Brook tool is used only by trained staff.',
  levelsCited: cite('R-NEL-1'),
  levels: [
    {
      id: 'typical',
      label: 'Typical',
      covers: ['normal'],
      description: 'Typical sexual behaviour for the child’s age or stage of development.',
      ...cite('R-NEL-2'),
    },
    {
      id: 'inappropriate',
      label: 'Inappropriate',
      covers: ['inappropriate'],
      description: 'Typical behaviour shown in the wrong place or at the wrong time.',
      ...cite('R-NEL-1'),
    },
    {
      id: 'problematic',
      label: 'Problematic',
      covers: ['problematic'],
      description:
        'Does not overtly victimise others, but may be developmentally inappropriate, disruptive or harmful, and can cause distress or rejection.',
      ...cite('R-NEL-1'),
    },
    {
      id: 'abusive',
      label: 'Abusive',
      covers: ['abusive'],
      description:
        'Coercion or manipulation and a power imbalance that means the victim cannot consent, with potential for physical or emotional harm.',
      ...cite('R-NEL-1'),
    },
    {
      id: 'violent',
      label: 'Violent',
      covers: ['violent'],
      description: 'Physically violent sexual behaviour, at the far end of the continuum.',
      ...cite('R-NEL-1'),
    },
  ],
  primaryTool: 'concerning-indicators',
  tools: [
    {
      id: 'concerning-indicators',
      kind: 'checklist',
      name: 'Typical behaviour by age and the signs that behaviour may be concerning',
      summary:
        'Compare the behaviour with what is typical for the child’s age or stage of development, then tick each sign that applies.',
      ...cite('R-NEL-3'),
      ageBandsCited: cite('R-NEL-2'),
      ageBands: [
        {
          label: 'Under 5',
          from: 0,
          to: 4,
          behaviours: [
            'Not being shy about nudity',
            'Touching their own private parts',
            'Curiosity about private parts or naked bodies',
            'Toilet words',
            'Games like house, mummies and daddies, or doctor',
          ],
        },
        {
          label: '5 to 9',
          from: 5,
          to: 9,
          behaviours: [
            'Asking for privacy',
            'Questions about sex, babies and relationships',
            'Holding hands and kissing',
            'Having a boyfriend or girlfriend',
            'Using rude words heard from others',
          ],
        },
        {
          label: '9 to 13',
          from: 9,
          to: 13,
          behaviours: [
            'Masturbation',
            '“Dating”, kissing and hugging',
            'Sexual jokes and talking about sex with friends',
            'Wanting more privacy',
            'Looking up sex online, in media or books',
          ],
        },
        {
          label: '13 to 17',
          from: 13,
          to: 17,
          behaviours: [
            'Masturbation',
            'Looking for information or images about sex',
            'Sexual language and talking about sex with friends',
            'Sexual experimenting with children of around the same age',
          ],
        },
      ],
      noneOption: {
        label: 'None of these apply: the behaviour is typical for the child’s age or stage',
        scale: 'normal',
      },
      groups: [
        {
          id: 'concerning',
          label: 'Behaviour may be concerning if',
          ...cite('R-NEL-3'),
          items: [
            { id: 'made-to', text: 'a child is being made to do something they do not want to do', scale: 'abusive' },
            {
              id: 'not-typical',
              text: 'the behaviour is not typical of the child’s age or stage (development varies, and SEND can affect it)',
              scale: 'inappropriate',
            },
            {
              id: 'knowledge',
              text: 'the child has sexual knowledge beyond what is expected for their age or stage',
              scale: 'problematic',
            },
            {
              id: 'different-ages',
              text: 'the children were of significantly different ages or stages, so there may have been no ability to consent or an imbalance of power',
              scale: 'abusive',
            },
            {
              id: 'frequency',
              text: 'it happens more often than expected, or is compulsive, persistent or becoming more serious',
              scale: 'problematic',
            },
            {
              id: 'force',
              text: 'it follows or comes with force, aggression, bribery, coercion or trickery',
              scale: 'abusive',
            },
            {
              id: 'distress',
              text: 'it is causing any child distress, or affecting school, friendships or physical well-being',
              scale: 'problematic',
            },
          ],
        },
      ],
    },
    brookTool(
      { clause: 'north-east-lincolnshire, identifying harmful sexual behaviour', requirement: 'R-NEL-4' },
      true,
    ),
  ],
  facts: ['significant_harm', 'open_case', 'police_involved', 'charge_likely', 'cse_linked', 'consent_given'],
  // The panel's rules are this pack's data, read by domain/panel.ts (R-NEL-10..12).
  aimPanel: {
    name: 'AIM Pathway Panel',
    ages: { assessmentFrom: 12, belowAge: 18, consultationYounger: true, ...cite('R-NEL-10') },
    referrers: { services: ['childrens_services', 'youth_justice'], ...cite('R-NEL-10') },
    youthJusticeLeadsWhenChargeLikely: cite('R-NEL-10'),
    denial: cite('R-NEL-10'),
    lead: { training: 'aim3', ...cite('R-NEL-11') },
    reviewMonths: { months: 3, ...cite('R-NEL-12') },
    plan: { kind: 'aim-intervention', ...cite('R-NEL-11') },
    ...cite('R-NEL-10'),
  },
  ageRules: {
    criminalResponsibilityAge: 10,
    under12Model: {
      name: 'No AIM Pathway Panel assessment under 12: the panel may give consultation or guidance',
      ...cite('R-NEL-10'),
    },
    olderModel: {
      name: 'AIM3 assessment through the AIM Pathway Panel (12 to 18)',
      model: 'aim3',
      ...cite('R-NEL-10'),
    },
    approaching18Months: 6,
    notes: [
      {
        when: { learningDisability: true },
        text: 'Consider the behaviour against the child’s developmental stage, not only their age.',
        ...cite('R-X-2'),
      },
      {
        when: { all: [{ learningDisability: true }, { ageAtLeast: 12 }] },
        text:
          'Panel eligibility is by age (12 to 18), so this young person can still be referred; discuss ' +
          'with the panel whether an AIM3 assessment suits their developmental stage.',
        ...cite('R-NEL-10'),
      },
      {
        when: { approaching18: true },
        text: 'Approaching 18: the panel may allocate straight to intervention, without an assessment, so the work can be finished in time.',
        ...cite('R-NEL-11'),
      },
      { when: { ageBelow: 10 }, text: 'Under 10: below the age of criminal responsibility.', ...cite('R-X-2') },
    ],
  },
  inactivityWorkingDays: 10,
  // A lead AIM practitioner and a co-worker (the panel section); the guidance does not set out the
  // other assessor rules, which are kept as local settings. (Its own denial rule, information
  // gathering only during a police investigation, is the panel's: R-NEL-10.)
  assessorRules: leadRuleWithLocalSettings('north-east-lincolnshire', cite('R-NEL-11')),
  outcomeTimescales: outcomeTimescales('north-east-lincolnshire'),
  meetings,
  referral: {
    receiver: 'the Integrated Front Door',
    ...frontDoorDecision(cite('R-NEL-6')),
    outcomes: [
      { id: 'early-help', label: 'Early Help assessment', hint: 'The least intrusive response that meets the need.' },
      {
        id: 'assessment',
        label: 'Children’s Services assessment',
        hint: 'Or a review of the assessment of a child already open.',
      },
      strategyOutcome('Strategy discussion', strategy, cite('R-NEL-7')),
      {
        id: 'police',
        label: 'Police investigation or Youth Justice diversion',
        hint: 'Out of Court Triage where the behaviour is not judged to cause significant harm.',
      },
    ],
    separateForEachChild: ['abusive', 'violent'],
    ...cite('R-NEL-6'),
  },
  steps: [
    {
      id: 'practitioner-response',
      title: 'Respond to the child',
      detail:
        'Speak to the child calmly in a neutral, safe space; ask what happened; educate without judging ' +
        'or labelling; involve the parents or carers where safe; monitor the behaviour.',
      owner: 'screener',
      when: anyConcern,
      ...cite('R-NEL-5'),
    },
    {
      id: 'early-help-assessment',
      title: 'Consider an Early Help Assessment',
      detail:
        'Least intrusive intervention first: an Early Help Assessment and multi-agency plan for the behaviour and its causes.',
      owner: 'screener',
      kind: 'consider',
      when: {
        all: [{ level: ['inappropriate', 'problematic'] }, { notFact: 'open_case' }, { notFact: 'significant_harm' }],
      },
      ...cite('R-NEL-5'),
    },
    ...referralSteps(
      { all: [serious, { notFact: 'open_case' }] },
      cite('R-NEL-6'),
      {
        id: 'front-door-referral',
        title: 'Refer to the Integrated Front Door',
        detail: 'Make a safeguarding referral to the Integrated Front Door, or discuss with the police.',
      },
      {
        id: 'front-door-decision',
        title: 'Integrated Front Door decides the response',
        detail:
          'Decide the response within one working day of the referral (national timescale, Working Together to Safeguard Children 2023).',
      },
    ),
    {
      id: 'review-assessment',
      title: 'Review the child’s existing assessment',
      detail:
        'The child is already open to Family Help or Children’s Services: review the assessment to ' +
        'understand the behaviour and the child’s level of need. Inappropriate or problematic ' +
        'behaviour: preventative work within the existing plan.',
      owner: 'social_worker',
      when: { all: [anyConcern, { fact: 'open_case' }] },
      ...cite('R-NEL-6'),
    },
    {
      id: 'police-discussion',
      title: 'Discuss with the police',
      detail:
        'The behaviour may be a sexual offence, from sexual assault to taking or sharing indecent images: the police may need to investigate.',
      owner: 'social_worker',
      kind: 'consider',
      when: { all: [{ level: ['abusive', 'violent'] }, { notFact: 'police_involved' }] },
      ...cite('R-NEL-7'),
    },
    {
      id: 'out-of-court-triage',
      title: 'Consider Youth Justice diversion at Out of Court Triage',
      detail:
        'The police are involved and the behaviour is not judged to cause significant harm: assessment ' +
        'and intervention can be considered at Out of Court Triage under the diversion policy.',
      owner: 'youth_justice',
      kind: 'consider',
      when: { all: [{ fact: 'police_involved' }, { notFact: 'significant_harm' }, { ageAtLeast: 10 }] },
      ...cite('R-NEL-7'),
    },
    {
      id: 'living-arrangements',
      title: 'Consider living arrangements and tell carers',
      detail:
        'Can the child live safely at home? Foster or residential carers are told about the behaviour and offered training.',
      owner: 'social_worker',
      kind: 'consider',
      when: serious,
      ...cite('R-NEL-8'),
    },
    {
      id: 'exploitation',
      title: 'Safeguard the child from exploitation',
      detail:
        'The behaviour overlaps with child sexual exploitation: the child may be a victim of exploitation too. Follow the Child Sexual Exploitation guidance.',
      owner: 'social_worker',
      when: { fact: 'cse_linked' },
      ...cite('R-NEL-9'),
    },
    {
      id: 'aim-panel-referral',
      aimRequest: true,
      completedBy: 'panel-referral',
      title: 'Consider a referral to the AIM Pathway Panel',
      detail:
        'Significant harm, aged 12 to 18, and both the child and parent or carer consent. Children’s ' +
        'Services or the Youth Justice Service refer, with an assessment; the referrer stays lead ' +
        'professional.',
      owner: 'social_worker',
      kind: 'consider',
      when: { all: [{ fact: 'significant_harm' }, ...panelAge, { fact: 'consent_given' }] },
      ...cite('R-NEL-10'),
    },
    {
      id: 'aim-panel-consent',
      title: 'Explore consent to a panel referral',
      detail:
        'The child and the parent or carer have not both consented: an AIM practitioner or the referrer explores it with them before any referral.',
      owner: 'aim_practitioner',
      when: { all: [{ fact: 'significant_harm' }, ...panelAge, { notFact: 'consent_given' }] },
      ...cite('R-NEL-10'),
    },
    {
      id: 'aim-panel-consultation',
      aimRequest: true,
      completedBy: 'panel-referral',
      title: 'Ask the AIM Pathway Panel for consultation',
      detail:
        'The child is under 12: the panel does not assess, but may give consultation or guidance at its discretion.',
      owner: 'social_worker',
      kind: 'consider',
      when: { all: [{ fact: 'significant_harm' }, { ageBelow: 12 }] },
      ...cite('R-NEL-10'),
    },
    {
      id: 'youth-justice-lead',
      title: 'Youth Justice AIM practitioners take the lead',
      detail:
        'A police investigation is ongoing and charge or prosecution is likely: the Youth Justice Service AIM practitioners lead the specialist work.',
      owner: 'youth_justice',
      when: { all: [{ fact: 'charge_likely' }, { fact: 'significant_harm' }, ...panelAge] },
      ...cite('R-NEL-10'),
    },
    {
      id: 'intervention-near-18',
      title: 'Start intervention without waiting for an assessment',
      detail:
        'The child is approaching 18: ask the panel to allocate straight to intervention so it can be finished in time.',
      owner: 'aim_practitioner',
      kind: 'consider',
      when: { all: [{ approaching18: true }, { fact: 'significant_harm' }] },
      ...cite('R-NEL-11'),
    },
  ],
};
