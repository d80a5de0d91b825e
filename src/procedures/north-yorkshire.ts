// North Yorkshire (practice guidance). Source: shared/seeds, north-yorkshire.
import type { PackInput } from '../domain/pack.ts';
import { assessorRules } from './aim-assessor-rules.ts';
import { nationalMeetings, outcomeTimescales } from './meetings.ts';
import { brookTool } from './brook.ts';
import { strategyOutcome } from './steps.ts';

const harmful = { any: [{ level: ['red'] }, { fact: 'significant_harm' as const }] };
const concerningNotHarmful = { all: [{ level: ['amber'] }, { notFact: 'significant_harm' as const }] };

const s7 = { clause: 'north-yorkshire §7', requirement: 'R-NYO-8' };

const { strategy, meetings } = nationalMeetings('strategy-meeting', 'Strategy meeting', s7, {
  fact: 'police_involved',
});

// North Yorkshire plan kinds (issue 14). Seed: shared/seeds/002_f24bf01f04470262.txt.
// The guidance sets no review frequency: each review limit is a labelled local setting of 3 months.
const plans: PackInput['plans'] = [
  {
    // §3.2, seed lines 101-109: harmful behaviour; the referrer plans for the safety of, and
    // support for, the child responsible (106), the safety and welfare of the other children in the
    // setting (107), sharing with other professionals (108) and forensic CAMHS (109).
    id: 'setting-safety',
    name: 'Setting safety plan',
    purpose:
      'Made by the school, college or other setting when a child’s sexual behaviour there is harmful. ' +
      'It covers the safety of, and support for, the child who harmed, and the safety and welfare of ' +
      'the other children who use the setting.',
    forChild: 'displayed',
    contents: [
      { id: 'child-safety', label: 'Actions to keep the child who harmed safe' },
      { id: 'child-support', label: 'Support for the child who harmed' },
      { id: 'other-children', label: 'Safety and welfare of the other children who use or attend the setting' },
      {
        id: 'sharing',
        label: 'Other professionals involved, and what is shared with them',
        hint: 'So they can inform their own risk assessments and plans',
      },
      {
        id: 'forensic-assessment',
        label: 'Forensic mental health assessment',
        hint: 'If the child has an existing mental disorder: whether to ask the local CAMHS team to request one',
      },
    ],
    review: { months: 3, clause: 'north-yorkshire, local setting', requirement: 'R-NYO-4' },
    clause: 'north-yorkshire §3.2',
    requirement: 'R-NYO-4',
  },
  {
    // §3.2, seed lines 111-119: concerning but not harmful; plans for both children: safety and
    // support for the child displaying and their parents (116), support for the child targeted
    // agreed with their parents (117), parents' support and consent (113), advice (114), referrals (115).
    id: 'setting-concerning',
    name: 'Setting plan for concerning behaviour',
    purpose:
      'Made by the school, college or other setting when a child’s sexual behaviour is concerning but ' +
      'not harmful. Each child has one: for the child who harmed it manages safety and gives support; ' +
      'for the child harmed it gives support agreed with their parents.',
    forChild: 'either',
    contents: [
      { id: 'safety', label: 'How any safety issues will be managed in the setting' },
      { id: 'support', label: 'Support for the child in the setting' },
      { id: 'parent-support', label: 'Support for the child’s parents or carers', hint: 'Where appropriate' },
      {
        id: 'parents-view',
        label: 'What the parents said, and whether they consent',
        hint: 'For the child harmed, the support is agreed with their parents',
      },
      { id: 'advice', label: 'Advice taken from others in the setting or other agencies' },
      {
        id: 'referrals',
        label: 'Referrals to other services',
        hint: 'For example CAMHS, integrated children’s services or the Children and Families Service',
      },
    ],
    review: { months: 3, clause: 'north-yorkshire, local setting', requirement: 'R-NYO-5' },
    clause: 'north-yorkshire §3.2',
    requirement: 'R-NYO-5',
  },
  {
    // §3.2, seed lines 84-91 (what is established for the child targeted) and 101 (a separate
    // referral for each child when the behaviour is harmful); §1, line 14 (needs considered separately).
    id: 'support-harmed',
    name: 'Support plan for the child harmed',
    purpose:
      'The child harmed’s own plan, separate from the plan for the child who harmed. When the ' +
      'behaviour is harmful each child has their own referral to the Children and Families Service.',
    forChild: 'harmed',
    contents: [
      { id: 'views', label: 'Their views about what happened', hint: 'In their own words' },
      { id: 'impact', label: 'The impact of the behaviour on them' },
      { id: 'feelings', label: 'How they feel about the child who harmed now' },
      { id: 'permission', label: 'How they will know they can talk about what happened to them' },
      { id: 'support', label: 'The support they need' },
    ],
    review: { months: 3, clause: 'north-yorkshire, local setting', requirement: 'R-X-1' },
    clause: 'north-yorkshire §3.2',
    requirement: 'R-X-1',
  },
];

export const northYorkshire: PackInput = {
  plans,
  id: 'north-yorkshire',
  authority: 'North Yorkshire Council',
  shortName: 'North Yorkshire guidance',
  sections: [
    { ref: '1', title: 'Principles' },
    { ref: '2', title: 'Identifying sexual behaviours: the continuum from healthy to harmful' },
    { ref: '2.1', title: 'Healthy or normal sexual behaviours (green)' },
    { ref: '2.2', title: 'Concerning sexual behaviours (amber)' },
    { ref: '2.3', title: 'Harmful sexual behaviours (red)' },
    { ref: '3', title: 'Responding to and managing situations' },
    { ref: '3.1', title: 'All those working with children and young people' },
    { ref: '3.2', title: 'Designated safeguarding lead in agencies with responsibility for safeguarding' },
    { ref: '4', title: 'When a more complex assessment is needed' },
    { ref: '5', title: 'Education and safeguarding' },
    { ref: '6', title: 'The models of assessment' },
    { ref: '7', title: 'Referral procedure' },
    { ref: '9', title: 'Appendix 1: Sexual Behaviour Recording Form' },
    { ref: '10', title: 'Appendix 2: the AIM2 model' },
    { ref: '11', title: 'Appendix 3: flowchart of the AIM2 initial assessment process' },
  ],
  title: 'Practice guidance: children and young people who display harmful sexual behaviour',
  source: 'North Yorkshire Safeguarding Children Partnership practice guidance',
  version: 'Practice guidance as published (Brook Traffic Light, AIM2)',
  effectiveFrom: '2020-12-01',
  reviewDate: '2027-11-01',
  versionCited: { clause: 'north-yorkshire §1', requirement: 'R-X-10' },
  summary:
    'Behaviour is green (healthy), amber (concerning) or red (harmful) on the Brook Traffic Light ' +
    'tool. Whoever sees it follows the immediate response steps and reports to the designated ' +
    'safeguarding lead, who decides the level of concern, whether to refer to Children and Families ' +
    'Service or the police, and when each child’s parents are told. Harmful behaviour means a ' +
    'separate referral for each child; the referral is passed on within one working day and ' +
    'screened by a manager.',
  levelsCited: { clause: 'north-yorkshire §2', requirement: 'R-NYO-1' },
  levels: [
    {
      id: 'green',
      label: 'Green',
      covers: ['normal'],
      description: 'Healthy or normal: mutual, consensual, exploratory, no intent to harm, no power differences.',
      clause: 'north-yorkshire §2.1',
      requirement: 'R-NYO-1',
    },
    {
      id: 'amber',
      label: 'Amber',
      covers: ['inappropriate', 'problematic'],
      description: 'Concerning: may be outside safe and healthy behaviour, but not the most worrying.',
      clause: 'north-yorkshire §2.2',
      requirement: 'R-NYO-1',
    },
    {
      id: 'red',
      label: 'Red',
      covers: ['abusive', 'violent'],
      description:
        'Harmful or dangerous: planning, secrecy, force or coercion, power differences, fear in those targeted.',
      clause: 'north-yorkshire §2.3',
      requirement: 'R-NYO-1',
    },
  ],
  primaryTool: 'brook',
  tools: [
    brookTool({ clause: 'north-yorkshire §2', requirement: 'R-NYO-1' }, false, {
      green: { clause: 'north-yorkshire §2.1', requirement: 'R-NYO-1' },
      amber: { clause: 'north-yorkshire §2.2', requirement: 'R-NYO-1' },
      red: { clause: 'north-yorkshire §2.3', requirement: 'R-NYO-1' },
    }),
  ],
  facts: ['significant_harm', 'police_involved', 'mental_disorder', 'other_children_at_risk'],
  ageRules: {
    criminalResponsibilityAge: 10,
    under12Model: {
      name: 'An assessment suited to a child under 12 (AIM2 has limitations under 12)',
      clause: 'north-yorkshire §6',
      requirement: 'R-NYO-7',
    },
    olderModel: {
      name: 'AIM2 assessment (12 to 18), led by trained AIM2 practitioners',
      model: 'aim2',
      clause: 'north-yorkshire §6, §7',
      requirement: 'R-NYO-7',
    },
    approaching18Months: 6,
    notes: [
      {
        when: { any: [{ sex: 'female' }, { learningDisability: true }] },
        text:
          'AIM2 was designed for young males of mainstream ability: it has limitations for girls, for ' +
          'children under 12 and for young people with learning disabilities.',
        clause: 'north-yorkshire §6',
        requirement: 'R-NYO-7',
      },
      {
        when: { ageBelow: 10 },
        text: 'Under 10: below the age of criminal responsibility.',
        clause: 'north-yorkshire §3.2',
        requirement: 'R-X-2',
      },
    ],
  },
  inactivityWorkingDays: 10,
  // The assessor rules are North Yorkshire's own (§7, Appendix 2).
  assessorRules: assessorRules({
    trainedLead: { clause: 'north-yorkshire §7, §10', requirement: 'R-NYO-9' },
    assessorConflicts: { clause: 'north-yorkshire §10', requirement: 'R-NYO-12' },
    denial: { clause: 'north-yorkshire §7, §10', requirement: 'R-NYO-10' },
  }),
  aimRulesCited: {
    stages: { clause: 'north-yorkshire §7', requirement: 'R-NYO-9' },
    outcomeSheet: { clause: 'north-yorkshire §10', requirement: 'R-NYO-13' },
    report: { clause: 'north-yorkshire §10', requirement: 'R-NYO-14' },
  },
  outcomeTimescales: outcomeTimescales('north-yorkshire'),
  meetings,
  referral: {
    receiver: 'Children and Families Service',
    decisionWorkingDays: 1,
    decisionClause: 'north-yorkshire §7',
    decisionRequirement: 'R-NYO-8',
    outcomes: [
      {
        id: 'assessment',
        label: 'Start an assessment by Children and Families Service',
        hint: 'With the Youth Justice Service where it is involved.',
      },
      strategyOutcome('Consider whether a strategy meeting should be held', strategy, s7),
      { id: 'other-agency', label: 'Refer to a more appropriate agency', hint: 'Say which agency and why.' },
    ],
    separateForEachChild: ['red'],
    clause: 'north-yorkshire §3.2, §7',
    requirement: 'R-NYO-4',
  },
  steps: [
    {
      id: 'immediate-response',
      title: 'Check the immediate response steps were taken',
      detail:
        'Stop the behaviour; describe it; point out the impact on others; remind the child of expected ' +
        'behaviour; consider a medical assessment; report to the DSL with both children’s responses in ' +
        'their own words; make a written record and give it to the DSL.',
      owner: 'screener',
      due: { workingDays: 0 },
      when: { level: ['green', 'amber', 'red'] },
      clause: 'north-yorkshire §3.1',
      requirement: 'R-NYO-2',
    },
    {
      id: 'parents-contact',
      title: 'Decide when the parents of the child who did it are contacted',
      detail:
        'The DSL decides when the parents of the child who carried out the behaviour are contacted, and tells them of any referral.',
      owner: 'dsl',
      when: { level: ['amber', 'red'] },
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-3',
    },
    {
      id: 'parents-contact-targeted',
      title: 'Decide when the parents of the child targeted are contacted',
      detail: 'The DSL decides when the parents of the child who was targeted are contacted.',
      owner: 'dsl',
      forChild: 'targeted',
      when: { level: ['amber', 'red'] },
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-3',
    },
    {
      id: 'cfs-referral',
      completedBy: 'referral',
      title: 'Refer the child who did it to Children and Families Service',
      detail:
        'Sexually harmful behaviour: make a referral to Children and Families Service for the child ' +
        'responsible (even where Youth Justice will lead), and inform the parents of it.',
      owner: 'dsl',
      when: harmful,
      clause: 'north-yorkshire §3.2, §7',
      requirement: 'R-NYO-4',
    },
    {
      id: 'cfs-referral-targeted',
      completedBy: 'referral',
      title: 'Make a separate referral for the child harmed',
      detail:
        'Harmful behaviour means separate referrals to Children and Families Service for the child harmed and for the child responsible.',
      owner: 'dsl',
      forChild: 'targeted',
      when: harmful,
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-4',
    },
    {
      id: 'police-referral',
      title: 'Consider referring to the police',
      detail: 'In more serious cases the DSL decides whether to refer to the police.',
      owner: 'dsl',
      kind: 'consider',
      when: { all: [harmful, { notFact: 'police_involved' }] },
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-3',
    },
    {
      id: 'referral-passed-on',
      title: 'Log the referral and pass it to Children and Families Service',
      detail:
        'The Customer Resolution Centre logs the details and refers them to Children and Families Service within one working day.',
      owner: 'front_door',
      due: { workingDays: 1 },
      when: harmful,
      clause: 'north-yorkshire §7',
      requirement: 'R-NYO-8',
    },
    {
      id: 'manager-screening',
      completedBy: 'referral-decision',
      title: 'Manager screens the referral',
      detail:
        'On receipt the team manager screens the referral to one of three outcomes: start an assessment ' +
        'by Children and Families Service; consider whether a strategy meeting should be held; or refer ' +
        'to a more appropriate agency.',
      owner: 'team_manager',
      when: harmful,
      clause: 'north-yorkshire §7',
      requirement: 'R-NYO-8',
    },
    {
      id: 'safety-plans',
      title: 'Plan for the child responsible and for other children in the setting',
      detail:
        'Decide any action or plan to keep the child responsible safe and supported, and to keep safe ' +
        'the other children who use the service or attend the setting.',
      owner: 'dsl',
      when: harmful,
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-4',
    },
    {
      id: 'share-information',
      title: 'Share information with the other professionals involved',
      detail: 'Other agencies involved need the information for their own risk assessments and management plans.',
      owner: 'dsl',
      when: harmful,
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-4',
    },
    {
      id: 'fcamhs',
      title: 'Ask CAMHS to request a forensic mental health assessment',
      detail:
        'With an existing mental disorder, the locality CAMHS team may request an assessment from FCAMHS to inform risk management and treatment.',
      owner: 'social_worker',
      kind: 'consider',
      when: { all: [harmful, { fact: 'mental_disorder' }] },
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-4',
    },
    {
      id: 'meet-parents',
      title: 'Meet or talk with the parents',
      detail:
        'Is there support, and consent, to discuss the child and the situation with other agencies? Talk through the options below with them.',
      owner: 'dsl',
      when: concerningNotHarmful,
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-5',
    },
    {
      id: 'advice-and-referrals',
      title: 'Take advice and consider referrals',
      detail:
        'Take advice within the agency or from others (CAMHS, health, Children and Families Service, ' +
        'Integrated Services) and consider referrals where appropriate.',
      owner: 'dsl',
      kind: 'consider',
      when: concerningNotHarmful,
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-5',
    },
    {
      id: 'setting-plan',
      title: 'Plan support in the setting for the child who did it',
      detail:
        'A plan within the service or setting to manage safety and support the child displaying the ' +
        'behaviour and, where appropriate, their parents. Keep records in the children’s own words.',
      owner: 'dsl',
      when: concerningNotHarmful,
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-5',
    },
    {
      id: 'setting-plan-targeted',
      title: 'Plan support in the setting for the child targeted',
      detail: 'A plan within the service or setting to support the child who was targeted, agreed with their parents.',
      owner: 'dsl',
      forChild: 'targeted',
      when: concerningNotHarmful,
      clause: 'north-yorkshire §3.2',
      requirement: 'R-NYO-5',
    },
  ],
};
