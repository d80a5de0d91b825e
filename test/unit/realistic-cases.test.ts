// Realistic cases through every pack: screening -> level -> age rules -> next steps with exact
// due dates across the Christmas 2026 bank holidays (R-X-2, R-X-3, and each pack's R-IDs below).
// Decided on Thursday 24 December 2026: 1 working day is Tuesday 29 December (Christmas Day and
// the Boxing Day substitute are skipped), 3 is Thursday 31 December, 5 is Tuesday 5 January 2027.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCase, evaluationOutputSchema } from '../../src/domain/evaluation.ts';
import type { FactId } from '../../src/domain/pack.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import { loadPacks } from '../../src/procedures/index.ts';
import { ANSWERS, CHILDREN, DECISION_DATE, INCIDENT_DATE, type Severity } from '../fixtures/realistic-cases.ts';

type Facts = Partial<Record<FactId, boolean>>;
interface Expected {
  child: keyof typeof CHILDREN;
  severity: Severity;
  facts?: Facts;
  /** A level the practitioner chooses instead of the suggestion, when the tool cannot tell. */
  level?: string;
  suggested: string;
  model: RegExp | null;
  steps: string;
  near18?: boolean;
}

const packs = loadPacks();
const calendar = new WorkingDayCalendar();

function run(pack: string, e: Expected) {
  const facts = Object.fromEntries(
    Object.entries(e.facts ?? {}).filter(([k]) => (packs.get(pack)!.facts as string[]).includes(k)),
  );
  const out = evaluateCase(
    packs,
    {
      procedure: pack,
      incidentDate: INCIDENT_DATE,
      decisionDate: DECISION_DATE,
      child: CHILDREN[e.child],
      otherChildren: [{ role: 'targeted', age: 8 }],
      screening: ANSWERS[pack]![e.severity],
      ...(e.level ? { level: e.level } : {}),
      facts,
    },
    calendar,
    DECISION_DATE,
  );
  evaluationOutputSchema.parse(out);
  return out;
}

function check(pack: string, name: string, e: Expected) {
  it(name, () => {
    const out = run(pack, e);
    assert.equal(out.suggestion?.level.id, e.suggested, 'suggested level');
    assert.equal(out.level.id, e.level ?? e.suggested, 'level routed');
    assert.ok(out.suggestion.reasons.length > 0, 'the suggestion has reasons');
    for (const r of out.suggestion.reasons) assert.match(r.requirement, /^R-[A-Z]+-\d+$/);
    if (e.model) assert.match(out.ageRules.assessmentModel?.name ?? '', e.model);
    else assert.equal(out.ageRules.assessmentModel, null);
    assert.equal(out.ageRules.approaching18, e.near18 ?? false);
    const steps = out.nextSteps
      .map((s) => `${s.stepId}${s.forChild === 'targeted' ? '(T)' : ''}${s.dueDate ? `@${s.dueDate}` : ''}`)
      .join(' ');
    assert.equal(steps, e.steps);
    for (const s of out.nextSteps)
      assert.ok(s.clause && /^R-[A-Z]+-\d+$/.test(s.requirement), `${s.stepId} cites its clause`);
  });
}

const SH = { significant_harm: true } as const;

describe('kent: Carson checklist to Front Door, strategy discussion and NELFT (R-KEN-1..6, R-KEN-11)', () => {
  check('kent', 'a healthy under-5: consultation only if unsure (R-KEN-2)', {
    child: 'healthyUnder5',
    severity: 'healthy',
    suggested: 'healthy',
    model: /under-12/,
    steps: 'consultation',
  });
  check('kent', 'a problematic 8-year-old: Front Door decides by 29 Dec, Early Help considered (R-KEN-2, R-KEN-3)', {
    child: 'problematic8',
    severity: 'problematic',
    suggested: 'problematic',
    model: /under-12/,
    steps: 'front-door-referral front-door-decision@2026-12-29 early-help',
  });
  check(
    'kent',
    'an abusive 14-year-old: strategy discussion, own social worker for the child harmed, NELFT AIM2 (R-KEN-5, R-KEN-6, R-KEN-11)',
    {
      child: 'abusiveTeen',
      severity: 'abusive',
      facts: SH,
      suggested: 'harmful',
      model: /AIM2/,
      steps:
        'front-door-referral front-door-decision@2026-12-29 strategy-discussion separate-social-worker(T) nelft-aim2',
    },
  );
  check('kent', 'a violent 15-year-old reads as harmful', {
    child: 'violentTeen',
    severity: 'violent',
    facts: { ...SH, immediate_risk: true },
    suggested: 'harmful',
    model: /AIM2/,
    steps:
      'front-door-referral front-door-decision@2026-12-29 strategy-discussion separate-social-worker(T) nelft-aim2',
  });
  check('kent', 'a 9-year-old: the strategy discussion decides on police involvement (under 10, R-KEN-6)', {
    child: 'nineYearOld',
    severity: 'problematic',
    facts: SH,
    suggested: 'problematic',
    model: /under-12/,
    steps:
      'front-door-referral front-door-decision@2026-12-29 strategy-discussion police-involvement-under-10 separate-social-worker(T)',
  });
  check('kent', 'a 16-year-old with a developmental age of 10: the under-12s model (R-X-2, R-KEN-11)', {
    child: 'sixteenDev10',
    severity: 'abusive',
    facts: SH,
    suggested: 'harmful',
    model: /under-12/,
    steps:
      'front-door-referral front-door-decision@2026-12-29 strategy-discussion separate-social-worker(T) nelft-under-12',
  });
  check('kent', 'a 17-year-old with Youth Justice involved: YJ worker and case discussion (R-KEN-4)', {
    child: 'seventeenNear18',
    severity: 'abusive',
    facts: { ...SH, youth_justice: true },
    suggested: 'harmful',
    model: /AIM2/,
    near18: true,
    steps:
      'front-door-referral front-door-decision@2026-12-29 strategy-discussion separate-social-worker(T) nelft-aim2 youth-justice-discussion',
  });
});

describe('thurrock: Hackett and Chaffin to Children’s Social Care or police, AIM3 for 12-18 (R-THU-2, R-THU-3, R-THU-5, R-THU-8)', () => {
  check('thurrock', 'a healthy under-5: advice from the safeguarding lead if unsure', {
    child: 'healthyUnder5',
    severity: 'healthy',
    suggested: 'normal',
    model: /under 12/,
    steps: 'safeguarding-lead-advice',
  });
  check(
    'thurrock',
    'a problematic 8-year-old (Chaffin frequency criterion): referral, decision by 29 Dec, under-12 assessment',
    {
      child: 'problematic8',
      severity: 'problematic',
      suggested: 'problematic',
      model: /under 12/,
      steps: 'csc-referral csc-decision@2026-12-29 under-12-assessment',
    },
  );
  check('thurrock', 'an abusive 14-year-old: police considered, AIM3, placement context (R-THU-4)', {
    child: 'abusiveTeen',
    severity: 'abusive',
    facts: SH,
    suggested: 'abusive',
    model: /AIM3/,
    steps: 'csc-referral csc-decision@2026-12-29 police-referral aim3-assessment placement-context',
  });
  check('thurrock', 'a violent 15-year-old already known to the police', {
    child: 'violentTeen',
    severity: 'violent',
    facts: { ...SH, police_involved: true },
    suggested: 'violent',
    model: /AIM3/,
    steps: 'csc-referral csc-decision@2026-12-29 aim3-assessment placement-context',
  });
  check('thurrock', 'a 9-year-old, technology-assisted (R-THU-6)', {
    child: 'nineYearOld',
    severity: 'problematic',
    facts: { technology_assisted: true },
    suggested: 'problematic',
    model: /under 12/,
    steps: 'csc-referral csc-decision@2026-12-29 under-12-assessment technology-assisted',
  });
  check('thurrock', 'a 16-year-old with a developmental age of 10: the under-12 model, not AIM3', {
    child: 'sixteenDev10',
    severity: 'abusive',
    facts: SH,
    suggested: 'abusive',
    model: /under 12/,
    steps: 'csc-referral csc-decision@2026-12-29 police-referral under-12-assessment placement-context',
  });
  check('thurrock', 'a 17-year-old close to 18 with Youth Justice: one joint plan', {
    child: 'seventeenNear18',
    severity: 'abusive',
    facts: { ...SH, youth_justice: true },
    suggested: 'abusive',
    model: /AIM3/,
    near18: true,
    steps:
      'csc-referral csc-decision@2026-12-29 police-referral aim3-assessment placement-context youth-justice-joint-plan',
  });
});

describe('north-yorkshire: Brook traffic lights, the DSL’s decisions, referral passed on in 1 working day (R-NYO-1..5, R-NYO-8)', () => {
  const red =
    'immediate-response@2026-12-24 parents-contact parents-contact-targeted(T) cfs-referral cfs-referral-targeted(T)';
  const redTail = 'referral-passed-on@2026-12-29 manager-screening safety-plans share-information';
  check('north-yorkshire', 'a healthy under-5 (green): the immediate response only', {
    child: 'healthyUnder5',
    severity: 'healthy',
    suggested: 'green',
    model: /under 12/,
    steps: 'immediate-response@2026-12-24',
  });
  check('north-yorkshire', 'a problematic 8-year-old (amber): parents, advice and plans for both children (R-NYO-5)', {
    child: 'problematic8',
    severity: 'problematic',
    suggested: 'amber',
    model: /under 12/,
    steps:
      'immediate-response@2026-12-24 parents-contact parents-contact-targeted(T) meet-parents advice-and-referrals setting-plan setting-plan-targeted(T)',
  });
  check(
    'north-yorkshire',
    'an abusive 14-year-old (red): separate referrals for each child, passed on by 29 Dec (R-NYO-4, R-NYO-8)',
    {
      child: 'abusiveTeen',
      severity: 'abusive',
      facts: SH,
      suggested: 'red',
      model: /AIM2/,
      steps: `${red} police-referral ${redTail}`,
    },
  );
  check('north-yorkshire', 'a violent 15-year-old with the police involved and a mental disorder: FCAMHS considered', {
    child: 'violentTeen',
    severity: 'violent',
    facts: { ...SH, police_involved: true, mental_disorder: true },
    suggested: 'red',
    model: /AIM2/,
    steps: `${red} ${redTail} fcamhs`,
  });
  check('north-yorkshire', 'a 9-year-old, amber but significant harm suspected: referred as harmful', {
    child: 'nineYearOld',
    severity: 'problematic',
    facts: SH,
    suggested: 'amber',
    model: /under 12/,
    steps: `${red} police-referral ${redTail}`,
  });
  check('north-yorkshire', 'a 16-year-old with a developmental age of 10', {
    child: 'sixteenDev10',
    severity: 'abusive',
    facts: SH,
    suggested: 'red',
    model: /under 12/,
    steps: `${red} police-referral ${redTail}`,
  });
  check('north-yorkshire', 'a 17-year-old close to 18', {
    child: 'seventeenNear18',
    severity: 'abusive',
    facts: SH,
    suggested: 'red',
    model: /AIM2/,
    near18: true,
    steps: `${red} police-referral ${redTail}`,
  });
});

describe('north-east-lincolnshire: typical behaviour and concerning signs, Integrated Front Door, AIM Pathway Panel (R-NEL-2..11)', () => {
  check('north-east-lincolnshire', 'a healthy under-5: typical, nothing to do', {
    child: 'healthyUnder5',
    severity: 'healthy',
    suggested: 'typical',
    model: /consultation/,
    steps: '',
  });
  check('north-east-lincolnshire', 'a problematic 8-year-old: practitioner response and Early Help (R-NEL-5)', {
    child: 'problematic8',
    severity: 'problematic',
    suggested: 'problematic',
    model: /consultation/,
    steps: 'practitioner-response early-help-assessment',
  });
  check(
    'north-east-lincolnshire',
    'an abusive 14-year-old without consent: Integrated Front Door by 29 Dec, police, consent explored (R-NEL-6, R-NEL-7, R-NEL-10)',
    {
      child: 'abusiveTeen',
      severity: 'abusive',
      facts: SH,
      suggested: 'abusive',
      model: /AIM3/,
      steps:
        'practitioner-response front-door-referral front-door-decision@2026-12-29 police-discussion living-arrangements aim-panel-consent',
    },
  );
  check(
    'north-east-lincolnshire',
    'a violent 15-year-old: the signs suggest abusive; the practitioner chooses violent',
    {
      child: 'violentTeen',
      severity: 'violent',
      facts: { ...SH, police_involved: true },
      level: 'violent',
      suggested: 'abusive',
      model: /AIM3/,
      steps:
        'practitioner-response front-door-referral front-door-decision@2026-12-29 living-arrangements aim-panel-consent',
    },
  );
  check('north-east-lincolnshire', 'a 9-year-old: panel consultation only, under 12 (R-NEL-10)', {
    child: 'nineYearOld',
    severity: 'problematic',
    facts: SH,
    suggested: 'problematic',
    model: /consultation/,
    steps:
      'practitioner-response front-door-referral front-door-decision@2026-12-29 living-arrangements aim-panel-consultation',
  });
  check(
    'north-east-lincolnshire',
    'a 16-year-old with a developmental age of 10: judged by stage, eligible for the panel by age',
    {
      child: 'sixteenDev10',
      severity: 'abusive',
      facts: SH,
      suggested: 'abusive',
      model: /consultation/,
      steps:
        'practitioner-response front-door-referral front-door-decision@2026-12-29 police-discussion living-arrangements aim-panel-consent',
    },
  );
  check(
    'north-east-lincolnshire',
    'a 17-year-old close to 18, charge likely, CSE-linked, consenting: panel, YJS lead, intervention without assessment (R-NEL-9..11)',
    {
      child: 'seventeenNear18',
      severity: 'abusive',
      facts: { ...SH, charge_likely: true, consent_given: true, cse_linked: true },
      suggested: 'abusive',
      model: /AIM3/,
      near18: true,
      steps:
        'practitioner-response front-door-referral front-door-decision@2026-12-29 police-discussion living-arrangements exploitation aim-panel-referral youth-justice-lead intervention-near-18',
    },
  );
});

describe('islington: categories 0-3, strategy meetings in 3 or 5 working days, MASE (R-ISL-1..9)', () => {
  check('islington', 'a healthy under-5: no category, nothing to do', {
    child: 'healthyUnder5',
    severity: 'healthy',
    suggested: 'no-category',
    model: null,
    steps: '',
  });
  check(
    'islington',
    'a problematic 8-year-old, no significant harm: risk discussion, diversion plan, family group conference (R-ISL-4)',
    {
      child: 'problematic8',
      severity: 'problematic',
      suggested: 'category-1',
      model: null,
      steps: 'consultation risk-discussion diversion-plan family-group-conference recording',
    },
  );
  check('islington', 'an abusive 14-year-old: HSB strategy meeting within 3 working days, by 31 Dec (R-ISL-5)', {
    child: 'abusiveTeen',
    severity: 'abusive',
    facts: SH,
    suggested: 'category-2',
    model: null,
    steps: 'consultation hsb-strategy-meeting@2026-12-31 recording',
  });
  check(
    'islington',
    'a violent 15-year-old needing immediate protection: act today, meeting within 5 working days, by 5 Jan (R-ISL-6)',
    {
      child: 'violentTeen',
      severity: 'violent',
      facts: { ...SH, immediate_risk: true },
      suggested: 'category-3',
      model: null,
      steps: 'consultation immediate-protection@2026-12-24 hsb-strategy-meeting@2027-01-05 recording',
    },
  );
  check('islington', 'a 9-year-old, category 1 with significant harm suspected: strategy discussion (R-ISL-4)', {
    child: 'nineYearOld',
    severity: 'problematic',
    facts: SH,
    suggested: 'category-1',
    model: null,
    steps: 'consultation strategy-discussion diversion-plan family-group-conference recording',
  });
  check('islington', 'a 16-year-old with a developmental age of 10, complex: meeting within at most 5 working days', {
    child: 'sixteenDev10',
    severity: 'abusive',
    facts: { ...SH, complex: true },
    suggested: 'category-2',
    model: null,
    steps: 'consultation hsb-strategy-meeting@2027-01-05 recording',
  });
  check('islington', 'a 17-year-old close to 18, CSE-linked: referred to MASE (R-ISL-8)', {
    child: 'seventeenNear18',
    severity: 'abusive',
    facts: { ...SH, cse_linked: true },
    suggested: 'category-2',
    model: null,
    near18: true,
    steps: 'consultation hsb-strategy-meeting@2026-12-31 mase-referral recording',
  });
  check('islington', 'category 0, new referral: stepped down to Targeted Youth Support (R-ISL-3)', {
    child: 'problematic8',
    severity: 'problematic',
    level: 'category-0',
    suggested: 'category-1',
    model: null,
    steps: 'consultation step-down-tys',
  });
  check('islington', 'category 0, allocated case: a step-down meeting (R-ISL-3)', {
    child: 'problematic8',
    severity: 'problematic',
    facts: { open_case: true },
    level: 'category-0',
    suggested: 'category-1',
    model: null,
    steps: 'consultation step-down-meeting',
  });
});

describe('age rules shown with the screening (R-X-2, R-NEL-2, R-NYO-1)', () => {
  it('shows Brook’s note for a child under 5', () => {
    const out = run('north-yorkshire', {
      child: 'healthyUnder5',
      severity: 'healthy',
      suggested: 'green',
      model: null,
      steps: '',
    });
    assert.match(out.ageRules.toolNotes[0]?.text ?? '', /0 to 4/);
  });
  it('shows both overlapping age bands for a 9-year-old, and bands by developmental stage', () => {
    const nine = run('north-east-lincolnshire', {
      child: 'nineYearOld',
      severity: 'problematic',
      suggested: 'problematic',
      model: null,
      steps: '',
    });
    assert.deepEqual(
      nine.ageRules.typicalBehaviour.map((b) => b.label),
      ['5 to 9', '9 to 13'],
    );
    const dev = run('north-east-lincolnshire', {
      child: 'sixteenDev10',
      severity: 'abusive',
      suggested: 'abusive',
      model: null,
      steps: '',
    });
    assert.deepEqual(
      dev.ageRules.typicalBehaviour.map((b) => b.label),
      ['9 to 13'],
    );
    assert.ok(dev.ageRules.notes.some((n) => /eligibility is by age/.test(n.text)));
  });
  it('marks a child under 10 as below the age of criminal responsibility and a 17-year-old as approaching 18', () => {
    const nine = run('kent', {
      child: 'nineYearOld',
      severity: 'problematic',
      suggested: 'problematic',
      model: null,
      steps: '',
    });
    assert.equal(nine.ageRules.belowCriminalResponsibility, true);
    assert.ok(nine.ageRules.notes.some((n) => n.requirement === 'R-KEN-6'));
    const near = run('kent', {
      child: 'seventeenNear18',
      severity: 'abusive',
      suggested: 'harmful',
      model: null,
      steps: '',
    });
    assert.equal(near.ageRules.eighteenOn, '2027-02-10');
    assert.equal(near.ageRules.belowCriminalResponsibility, false);
  });
  it('reads a level in every other authority’s vocabulary', () => {
    const out = run('north-yorkshire', {
      child: 'problematic8',
      severity: 'problematic',
      suggested: 'amber',
      model: null,
      steps: '',
    });
    assert.deepEqual(out.suggestion?.readsAs['islington'], ['Category 0: inappropriate', 'Category 1: problematic']);
    assert.deepEqual(out.suggestion?.readsAs['kent'], ['Problematic']);
  });
});
