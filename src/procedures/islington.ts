// Islington (London Child Protection Procedures 1.5.13). Source: shared/seeds, islington.
import type { Condition, PackInput } from '../domain/pack.ts';
import type { Cite } from './cite.ts';
import { hackettItems } from './hackett.ts';
import { followUp, nationalConference, outcomeTimescales } from './meetings.ts';
import { frontDoorDecision } from './steps.ts';

type MeetingInput = PackInput['meetings'][number];
type StepInput = PackInput['steps'][number];
const s53 = { clause: 'islington §5.3', requirement: 'R-ISL-5' };
const s6 = { clause: 'islington §6', requirement: 'R-ISL-7' };
const s52 = { clause: 'islington §5.2', requirement: 'R-ISL-4' };

// Islington §5.3: attendees, purposes, chaired by the CSE, Missing and Trafficking Coordinator (R-ISL-5);
// §6: the four outcome pathways (R-ISL-7).
const hsbStrategyMeeting: MeetingInput = {
  id: 'hsb-strategy-meeting',
  label: 'HSB strategy meeting',
  purpose:
    'Establish whether the child is at risk of significant harm and whether to start a Section 47 ' +
    'enquiry, the risks to and from the child, and the safeguarding and support plan.',
  chair: {
    roles: ['cse_coordinator'],
    text: 'Chaired by the CSE, Missing and Trafficking Coordinator (or a CP Coordinator if necessary).',
    ...s53,
  },
  // The procedure does not say who chairs when the children belong to different authorities:
  // a local setting, following the London procedures' usual practice.
  crossAuthority: { clause: 'islington, local setting', requirement: 'R-ISL-5' },
  invitees: [
    { id: 'referrer', label: 'The referrer, if a professional', reason: 'Knows what was seen and heard.', ...s53 },
    {
      id: 'education-health',
      label: 'Lead officers in education and health',
      reason: 'For example the designated teacher or looked after nurse.',
      ...s53,
    },
    { id: 'social-worker', label: 'Social worker or manager', reason: 'For each child.', ...s53 },
    { id: 'others', label: 'Any other relevant person working with the child', reason: 'Knows the child.', ...s53 },
    {
      id: 'police',
      label: 'Police officer',
      reason: 'The investigating officer, or the officer allocated through a referral to the police.',
      ...s53,
    },
    { id: 'parents', label: 'Parent or carer', reason: 'Unless this would place the child at more risk.', ...s53 },
    {
      id: 'young-person',
      label: 'The young person, if appropriate',
      reason: 'London Child Protection Procedures, guidance on strategy meetings.',
      ...s53,
    },
  ],
  agenda: [
    {
      heading: 'Purposes of the meeting',
      items: [
        'Establish if the child is at risk of significant harm and, if so, start Section 47 procedures',
        'Establish the risks to the child and the risk posed to others, including linked children such as siblings',
        'Identify other perpetrators and victims, and the likelihood of prosecutions',
        'Develop a safeguarding and support plan',
        'Decide whether a Section 47 investigation should start and whether it is single or joint, and plan it',
        'Decide whether to refer to the MASE (multi-agency sexual exploitation panel)',
      ],
      ...s53,
    },
  ],
  safetyPlan: {
    ...s53,
    becomesPlan: {
      displayed: { kind: 'safety', item: 'safeguarding' },
      targeted: { kind: 'support-harmed', item: 'safeguarding' },
    },
  },
  outcomes: ['no-further-action', 'diversion', 'section-47', 'legal-action', 'follow-up-strategy'],
  outcomesCited: s6,
  ...s53,
};

const hsbStrategyDiscussion: MeetingInput = {
  ...hsbStrategyMeeting,
  id: 'hsb-strategy-discussion',
  label: 'HSB strategy discussion',
  purpose:
    'Category 1 with reasonable suspicion of significant harm: a social work manager and the police decide whether to start a Section 47 enquiry.',
  chair: { roles: ['team_manager'], text: 'Held by a social work manager with the police.', ...s52 },
  invitees: [
    { id: 'manager', label: 'Social work manager', reason: 'Holds the discussion.', ...s52 },
    { id: 'police', label: 'Police', reason: 'The discussion is held with the police.', ...s52 },
    { id: 'social-worker', label: 'Social worker for each child', reason: 'Knows the child.', ...s52 },
  ],
  outcomes: ['no-further-action', 'diversion', 'section-47', 'legal-action', 'follow-up-strategy'],
  ...s52,
};

const riskDiscussion: MeetingInput = {
  id: 'hsb-risk-discussion',
  label: 'HSB risk discussion',
  purpose:
    'Below the threshold for a strategy discussion: discuss the risk within an existing ' +
    'multi-professional meeting (team around the child, review, core group or conference, child in ' +
    'need meeting) and agree a diversion plan.',
  chair: {
    roles: ['social_worker', 'team_manager'],
    text: 'Held in the existing meeting, by whoever chairs it.',
    ...s52,
  },
  invitees: [
    {
      id: 'network',
      label: 'The existing multi-professional network',
      reason: 'The meeting already held for the child.',
      ...s52,
    },
    {
      id: 'parents',
      label: 'Parent or carer',
      reason: 'A family group conference can help form the diversion plan.',
      ...s52,
    },
  ],
  agenda: [
    {
      heading: 'Agenda',
      items: [
        'The behaviour and the risk',
        'The diversion plan, to go into the child’s own plan',
        'Whether a family group conference would help',
      ],
      ...s52,
    },
  ],
  outcomes: ['diversion', 'no-further-action', 'follow-up-strategy'],
  outcomesCited: s52,
  ...s52,
};

const stepDown: MeetingInput = {
  id: 'step-down-meeting',
  label: 'Step-down meeting',
  purpose:
    'An allocated case reviewed as category 0: agree an agency other than children’s social care as lead agency in monitoring the risk.',
  chair: {
    roles: ['social_worker', 'team_manager'],
    text: 'Held by the allocated social worker.',
    clause: 'islington §5.1',
    requirement: 'R-ISL-3',
  },
  invitees: [
    {
      id: 'social-worker',
      label: 'Allocated social worker',
      reason: 'Hands over.',
      clause: 'islington §5.1',
      requirement: 'R-ISL-3',
    },
    {
      id: 'new-lead',
      label: 'The new lead agency',
      reason: 'Takes over monitoring the risk.',
      clause: 'islington §5.1',
      requirement: 'R-ISL-3',
    },
    {
      id: 'parents',
      label: 'Parent or carer',
      reason: 'Told who leads from now on.',
      clause: 'islington §5.1',
      requirement: 'R-ISL-3',
    },
  ],
  agenda: [
    {
      heading: 'Agenda',
      items: ['The review of the risk (category 0)', 'Who leads on monitoring the risk from now on'],
      clause: 'islington §5.1',
      requirement: 'R-ISL-3',
    },
  ],
  outcomes: ['step-down', 'no-further-action'],
  outcomesCited: { clause: 'islington §5.1', requirement: 'R-ISL-3' },
  clause: 'islington §5.1',
  requirement: 'R-ISL-3',
};

const categoryCite = { clause: 'islington §3', requirement: 'R-ISL-1' };
const s3 = { clause: 'islington §3', requirement: 'R-ISL-2' };
const cat23 = { level: ['category-2', 'category-3'] };
/**
 * The step to hold the HSB strategy meeting, due in the working days the case's circumstances give
 * (§5.3, §5.4). The meeting's four outcome pathways are named in its detail; recording each child's
 * outcome is the multi-agency steps capability.
 */
const strategyMeetingStep = (workingDays: number, when: Condition, cite: Cite): StepInput => ({
  id: 'hsb-strategy-meeting',
  title: 'Hold an HSB strategy meeting, chaired by the CSE, Missing and Trafficking Coordinator',
  detail:
    'Attendees: the referrer if a professional; lead officers in education and health; social ' +
    'worker or manager; others working with the child; a police officer; the parent or carer unless ' +
    'that puts the child at more risk; the young person if appropriate. It decides whether to start ' +
    'a Section 47 enquiry (single or joint), the risks to the child and to others, other ' +
    'perpetrators and victims, the safeguarding and support plan, and whether to refer to MASE. It ' +
    'ends in one of four outcome pathways: no further action or diversion planning; a Section 47 ' +
    'enquiry; immediate legal action; or, exceptionally, a follow-up strategy meeting with a set ' +
    'timescale.',
  owner: 'cse_coordinator',
  meeting: 'hsb-strategy-meeting',
  due: { workingDays },
  when,
  ...cite,
});
const s54 = { clause: 'islington §5.4', requirement: 'R-ISL-6' };

// Islington plan kinds (issue 14). Seed: shared/seeds/004_4b9374963bf5d862.txt (London CP
// Procedures 1.5.13). The procedure sets no review frequency: each review limit is a labelled
// local setting of 3 months.
const plans: PackInput['plans'] = [
  {
    // §8, seed line 180 (safety plans with the child and parent or carer, categories 1 to 3);
    // §5.3, lines 132 and 134 (risks to the child and to others; the safeguarding and support plan
    // the HSB strategy meeting develops).
    id: 'safety',
    name: 'Safety plan',
    purpose:
      'Made with the child and their parent or carer for a child at category 1 to 3. At category 2 or ' +
      '3 it is the safeguarding and support plan the HSB strategy meeting develops.',
    forChild: 'displayed',
    contents: [
      { id: 'risks-to-child', label: 'Risks to the child' },
      {
        id: 'risks-to-others',
        label: 'Risks the child poses to others',
        hint: 'Including brothers and sisters and other linked children',
      },
      { id: 'safeguarding', label: 'How the child and others will be kept safe' },
      { id: 'support', label: 'Support for the child' },
      { id: 'involvement', label: 'How the child and their parent or carer took part, and what they said' },
    ],
    review: { months: 3, clause: 'islington, local setting', requirement: 'R-ISL-9' },
    clause: 'islington §5.3, §8',
    requirement: 'R-ISL-9',
  },
  {
    // §5.2, seed line 113 (incorporated into the child's plan; family group conference considered);
    // §6, line 147 (diversion planning after the strategy meeting; the agreed lead agency).
    id: 'diversion',
    name: 'Diversion plan',
    purpose:
      'For a child at category 1, or when an HSB strategy meeting finds no risk of significant harm ' +
      'but diversion planning is needed. It becomes part of the child’s own plan: child in need plan, ' +
      'care plan or child protection plan.',
    forChild: 'displayed',
    contents: [
      {
        id: 'child-plan',
        label: 'The child’s plan this is part of',
        hint: 'Child in need plan, care plan or child protection plan',
      },
      { id: 'diversion-work', label: 'Diversion work planned' },
      {
        id: 'family-group-conference',
        label: 'Family group conference',
        hint: 'Whether one was considered to help the family make the plan, and what was decided',
      },
      {
        id: 'lead-agency',
        label: 'Lead agency managing the child’s needs',
        hint: 'Children’s social care, targeted services or another agreed agency',
      },
    ],
    review: { months: 3, clause: 'islington, local setting', requirement: 'R-ISL-4' },
    clause: 'islington §5.2, §6',
    requirement: 'R-ISL-4',
  },
  {
    // §8, seed line 184 (direct work intervention plans, including work by external services).
    id: 'intervention',
    name: 'Direct work intervention plan',
    purpose:
      'Sets out the direct work with a child at category 1 to 3, including work done by services outside children’s social care.',
    forChild: 'displayed',
    contents: [
      { id: 'direct-work', label: 'Direct work with the child' },
      {
        id: 'external-services',
        label: 'Work by other services',
        hint: 'For example one-to-one work or mentoring: say which service does it',
      },
    ],
    review: { months: 3, clause: 'islington, local setting', requirement: 'R-ISL-9' },
    clause: 'islington §8',
    requirement: 'R-ISL-9',
  },
  {
    // §1, seed line 30 (agencies respond to both the victim and the child who harmed; the
    // management of both cases reflects this); §5.3, lines 133-134 (other victims identified; a
    // safeguarding and support plan).
    id: 'support-harmed',
    name: 'Support plan for the child harmed',
    purpose:
      'The child harmed’s own plan: how agencies will keep them safe and support them, managed alongside the case of the child who harmed.',
    forChild: 'harmed',
    contents: [
      { id: 'safeguarding', label: 'How they will be kept safe' },
      { id: 'support', label: 'Support for them' },
    ],
    review: { months: 3, clause: 'islington, local setting', requirement: 'R-X-1' },
    clause: 'islington §1, §5.3',
    requirement: 'R-X-1',
  },
];

// Islington §8: what the record of a child at categories 1 to 3 must clearly show (R-ISL-9).
const s8 = { clause: 'islington §8', requirement: 'R-ISL-9' };
const recordMustShow: PackInput['recordMustShow'] = {
  levels: ['category-1', 'category-2', 'category-3'],
  items: [
    {
      id: 'safety-plans',
      label: 'A safety plan made with the child and their parent or carer',
      shownBy: { plan: 'safety' },
      ...s8,
    },
    {
      id: 'consultation',
      label: 'The consultation on the risk assessment, with the reasons for the outcome',
      shownBy: { step: 'consultation' },
      ...s8,
    },
    {
      id: 'meetings',
      label: 'The multi-professional meetings where the risk was discussed',
      shownBy: { meeting: true },
      ...s8,
    },
    { id: 'diversion-plans', label: 'A diversion plan', shownBy: { plan: 'diversion' }, ...s8 },
    {
      id: 'intervention-plans',
      label: 'A direct work intervention plan, with any work by other services',
      shownBy: { plan: 'intervention' },
      ...s8,
    },
    {
      id: 'mase',
      label: 'The MASE’s hearing of the case, the nomination or update and the feedback',
      shownBy: { step: 'mase-referral' },
      onlyIf: { step: 'mase-referral' },
      ...s8,
    },
  ],
  ...s8,
};

export const islington: PackInput = {
  plans,
  recordMustShow,
  id: 'islington',
  authority: 'London Borough of Islington',
  shortName: 'Islington procedure',
  sections: [
    { ref: '1', title: 'Introduction' },
    { ref: '2', title: 'Harmful sexual behaviours' },
    { ref: '3', title: 'Identifying risk level' },
    { ref: '3.1', title: 'HSB risk assessment matrix' },
    { ref: '4', title: 'HSB work flow' },
    { ref: '5', title: 'Managing the risk' },
    { ref: '5.1', title: 'Child is assessed as category 0 risk' },
    { ref: '5.2', title: 'Child is assessed as category 1 risk' },
    { ref: '5.3', title: 'Child is assessed as category 2 or 3 risk' },
    { ref: '5.4', title: 'Immediate protection' },
    { ref: '6', title: 'Outcome of the HSB strategy meeting' },
    { ref: '7', title: 'Multi-Agency Sexual Exploitation Panel (MASE)' },
    { ref: '8', title: 'Recording intervention' },
    { ref: '9', title: 'Advice and support to practitioners' },
  ],
  title: 'Safeguarding children who display harmful sexual behaviours: Islington’s procedure',
  source: 'London Child Protection Procedures, 1.5.13',
  version: '1.5.13, revised October 2016',
  effectiveFrom: '2016-12-01',
  reviewDate: '2017-10-31',
  versionCited: { clause: 'islington, amendment note', requirement: 'R-X-10' },
  summary:
    'The contact team or allocated team places the child in one of four categories of risk taken ' +
    'from Hackett: 0 inappropriate, 1 problematic, 2 abusive, 3 violent, with a consultation of the ' +
    'specialist project or the CSE, Missing and Trafficking Coordinator. Category 0 steps down; ' +
    'category 1 goes to a strategy discussion when significant harm is suspected, otherwise to a ' +
    'risk discussion and a diversion plan; categories 2 and 3 have an HSB strategy meeting within 3 ' +
    'working days (at most 5 when complex, sooner for immediate protection). Cases linked to sexual ' +
    'exploitation go to MASE.',
  levelsCited: categoryCite,
  levels: [
    {
      id: 'no-category',
      label: 'No category (not harmful)',
      covers: ['normal'],
      description: 'Normal, developmentally expected behaviour: no HSB risk category applies.',
      ...categoryCite,
    },
    {
      id: 'category-0',
      label: 'Category 0: inappropriate',
      covers: ['inappropriate'],
      description: 'Single instances, socially acceptable within the peer group, generally consensual and reciprocal.',
      ...categoryCite,
    },
    {
      id: 'category-1',
      label: 'Category 1: problematic',
      covers: ['problematic'],
      description:
        'Developmentally unusual, no overt victimisation; consent, reciprocity or power may be unclear; may be compulsive.',
      ...categoryCite,
    },
    {
      id: 'category-2',
      label: 'Category 2: abusive',
      covers: ['abusive'],
      description:
        'Victimising intent or outcome, misuse of power, coercion and force, intrusive, informed consent lacking.',
      ...categoryCite,
    },
    {
      id: 'category-3',
      label: 'Category 3: violent',
      covers: ['violent'],
      description: 'Physically violent sexual abuse, highly intrusive, instrumental violence, sadism.',
      ...categoryCite,
    },
  ],
  primaryTool: 'islington-categories',
  tools: [
    {
      id: 'islington-categories',
      kind: 'checklist',
      name: 'Islington HSB risk categories',
      summary:
        'Tick the descriptors that fit the behaviour. The highest category ticked is suggested. The ' +
        'categories come from Hackett (2010) and map to the London thresholds and to Brook’s traffic ' +
        'lights.',
      ...categoryCite,
      noneOption: { label: 'None of the category descriptors apply', scale: 'normal' },
      groups: [
        {
          id: 'category-0',
          label: 'Category 0: inappropriate',
          scale: 'inappropriate',
          items: hackettItems('inappropriate', 'c0'),
          ...categoryCite,
        },
        {
          id: 'category-1',
          label: 'Category 1: problematic',
          scale: 'problematic',
          items: hackettItems('problematic', 'c1'),
          ...categoryCite,
        },
        {
          id: 'category-2',
          label: 'Category 2: abusive',
          scale: 'abusive',
          items: hackettItems('abusive', 'c2'),
          ...categoryCite,
        },
        {
          id: 'category-3',
          label: 'Category 3: violent',
          scale: 'violent',
          items: hackettItems('violent', 'c3'),
          ...categoryCite,
        },
      ],
    },
  ],
  facts: ['significant_harm', 'immediate_risk', 'complex', 'open_case', 'cse_linked'],
  ageRules: {
    criminalResponsibilityAge: 10,
    approaching18Months: 6,
    notes: [
      {
        when: { ageBelow: 10 },
        text: 'Under 10: below the age of criminal responsibility.',
        clause: 'islington §5.3',
        requirement: 'R-X-2',
      },
    ],
  },
  inactivityWorkingDays: 10,
  outcomeTimescales: outcomeTimescales('islington'),
  meetings: [
    hsbStrategyMeeting,
    { ...followUp(hsbStrategyMeeting), label: 'Follow-up HSB strategy meeting', ...s6 },
    hsbStrategyDiscussion,
    riskDiscussion,
    stepDown,
    nationalConference({ clause: 'islington §6', requirement: 'R-ISL-7' }),
  ],
  referral: {
    receiver: 'the Children’s Services Contact Team',
    ...frontDoorDecision(s3),
    outcomes: [
      { id: 'step-down', label: 'Step down to Targeted Youth Support', hint: 'Category 0 on a new referral.' },
      {
        id: 'risk-discussion',
        label: 'HSB risk discussion and diversion plan',
        hint: 'Category 1 without reasonable suspicion of significant harm.',
      },
      {
        id: 'strategy',
        label: 'HSB strategy discussion or meeting',
        hint: 'Category 1 with suspected significant harm, or categories 2 and 3.',
        then: {
          title: 'Hold an HSB strategy meeting',
          detail:
            'Within 3 working days; at most 5 when the concerns are particularly complex; sooner when a child needs immediate protection.',
          owner: 'cse_coordinator',
          due: { workingDays: 3 },
          meeting: 'hsb-strategy-meeting',
          ...s53,
        },
      },
      {
        id: 'immediate-protection',
        label: 'Immediate protection',
        hint: 'A risk to life or of serious immediate harm.',
      },
    ],
    separateForEachChild: ['category-2', 'category-3'],
    ...s3,
  },
  steps: [
    {
      id: 'consultation',
      title: 'Consult on the risk assessment',
      detail:
        'Consult the Specialist Intervention Pilot Project or the CSE, Missing and Trafficking ' +
        'Coordinator; record the risk assessment and the rationale for the outcome.',
      owner: 'screener',
      when: { level: ['category-0', 'category-1', 'category-2', 'category-3'] },
      clause: 'islington §3, §8',
      requirement: 'R-ISL-2',
    },
    {
      id: 'step-down-tys',
      title: 'Step down to Targeted Youth Support',
      detail: 'A new referral assessed as category 0 is stepped down to the Targeted Youth Support Service.',
      owner: 'front_door',
      when: { all: [{ level: ['category-0'] }, { notFact: 'open_case' }] },
      clause: 'islington §5.1',
      requirement: 'R-ISL-3',
    },
    {
      id: 'step-down-meeting',
      title: 'Hold a step-down meeting',
      detail:
        'An allocated case reviewed as category 0 has a step-down meeting, where an agency other than ' +
        'children’s social care becomes lead agency for monitoring the risk.',
      owner: 'social_worker',
      meeting: 'step-down-meeting',
      when: { all: [{ level: ['category-0'] }, { fact: 'open_case' }] },
      clause: 'islington §5.1',
      requirement: 'R-ISL-3',
    },
    {
      id: 'strategy-discussion',
      title: 'Hold an HSB strategy discussion or strategy meeting',
      detail:
        'Reasonable suspicion of significant harm: a social work manager holds an HSB strategy ' +
        'discussion with the police, or an HSB strategy meeting with the network chaired by the CSE, ' +
        'Missing and Trafficking Coordinator.',
      owner: 'team_manager',
      meeting: 'hsb-strategy-discussion',
      when: { all: [{ level: ['category-1'] }, { fact: 'significant_harm' }, { notFact: 'immediate_risk' }] },
      clause: 'islington §5.2',
      requirement: 'R-ISL-4',
    },
    {
      id: 'risk-discussion',
      title: 'Hold an HSB risk discussion in an existing meeting',
      detail:
        'Below the threshold for a strategy discussion: discuss the risk in a multi-professional ' +
        'meeting: team around the child, review, core group or child protection conference, or child in ' +
        'need meeting.',
      owner: 'social_worker',
      meeting: 'hsb-risk-discussion',
      when: { all: [{ level: ['category-1'] }, { notFact: 'significant_harm' }] },
      clause: 'islington §5.2',
      requirement: 'R-ISL-4',
    },
    {
      id: 'diversion-plan',
      title: 'Put a diversion plan into the child’s plan',
      detail: 'Any diversion plan goes into the child’s child in need, care or child protection plan.',
      owner: 'social_worker',
      completedBy: 'plan',
      planKind: 'diversion',
      when: { level: ['category-1'] },
      clause: 'islington §5.2',
      requirement: 'R-ISL-4',
    },
    {
      id: 'family-group-conference',
      title: 'Consider a family group conference',
      detail: 'A family group conference can help the family form a diversion plan.',
      owner: 'social_worker',
      kind: 'consider',
      when: { level: ['category-1'] },
      clause: 'islington §5.2',
      requirement: 'R-ISL-4',
    },
    {
      id: 'immediate-protection',
      title: 'Secure the child’s immediate safety',
      detail:
        'A risk to life or of serious immediate harm: act now, normally with an immediate strategy ' +
        'meeting or discussion between children’s social care, the police and other agencies.',
      owner: 'team_manager',
      due: { workingDays: 0 },
      when: { fact: 'immediate_risk' },
      ...s54,
    },
    strategyMeetingStep(5, { fact: 'immediate_risk' }, s54),
    strategyMeetingStep(5, { all: [cat23, { notFact: 'immediate_risk' }, { fact: 'complex' }] }, s53),
    strategyMeetingStep(3, { all: [cat23, { notFact: 'immediate_risk' }, { notFact: 'complex' }] }, s53),
    {
      id: 'mase-referral',
      title: 'Refer to the Multi-Agency Sexual Exploitation panel (MASE)',
      detail:
        'All HSB cases linked to child sexual exploitation go to the monthly MASE; the allocated worker ' +
        'coordinates the nomination with the professionals involved.',
      owner: 'cse_coordinator',
      when: { fact: 'cse_linked' },
      clause: 'islington §7',
      requirement: 'R-ISL-8',
    },
    {
      id: 'recording',
      title: 'Keep the category 1 to 3 records visible',
      detail:
        'Record clearly: safety plans with the child and parent or carer; the consultation with its ' +
        'risk assessment and rationale; multi-professional meetings; diversion plans; direct work ' +
        'intervention plans; MASE records if heard there.',
      owner: 'social_worker',
      when: { level: ['category-1', 'category-2', 'category-3'] },
      clause: 'islington §8',
      requirement: 'R-ISL-9',
    },
  ],
};
