// The AIM assessment rules, as pure functions: the trained lead and co-assessor (R-X-5, R-NYO-9),
// the child harmed's social worker kept out (R-NYO-12), the appropriate adult question, the
// denial rule and the Stage One paperwork mode (R-NYO-10), the stages in order and what
// completion needs (R-NYO-9, R-NYO-13, R-NYO-14), and each pack's model by age (R-X-2, R-KEN-11).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALREADY_IN_PROGRESS,
  type PlanInput,
  assessmentMode,
  choosesVictimsWorker,
  completeProblems,
  completionProblems,
  nextStage,
  outcomeProblems,
  planBarrier,
  planProblems,
  planningProblems,
  reportProblems,
  sharedOnDate,
  sharingProblems,
  stageDoneOn,
  stageProblems,
} from '../../src/domain/assessments.ts';
import { ageRules } from '../../src/domain/screening.ts';
import { getPack } from '../../src/procedures/index.ts';

const assessors = [
  { id: 'trained', name: 'Trained', trainings: ['aim2'] as const },
  { id: 'untrained', name: 'Untrained', trainings: [] as const },
  { id: 'victims-worker', name: 'Victim’s worker', trainings: ['aim2'] as const },
];
// North Yorkshire's assessor rules, all of them (north-yorkshire §7, §10).
const rules = { trainedLead: true, assessorConflicts: true, denial: true };
const facts = {
  model: 'aim2' as const,
  assessors,
  victimWorkers: new Map([['victims-worker', 'Victim’s worker']]),
  rules,
};
const ok: PlanInput = {
  leadId: 'trained',
  coId: 'untrained',
  appropriateAdult: 'none',
  appropriateAdultReason: '',
  prosecutionLikely: 'no',
  denies: 'no',
  legalRepAgreed: '',
  participates: 'yes',
};
const fields = (input: PlanInput) => planProblems(facts, input).map((p) => p.field);

describe('planning an AIM assessment', () => {
  it('accepts a trained lead with an untrained co-assessor (R-X-5, R-NYO-9)', () => {
    assert.deepEqual(planProblems(facts, ok), []);
  });

  it('refuses an untrained lead, a lone assessor and the same person twice (R-NYO-9)', () => {
    assert.deepEqual(fields({ ...ok, leadId: 'untrained', coId: 'trained' }), ['leadId']);
    assert.deepEqual(fields({ ...ok, coId: '' }), ['coId']);
    assert.deepEqual(fields({ ...ok, coId: 'trained' }), ['coId']);
    assert.deepEqual(fields({ ...ok, leadId: 'nobody' }), ['leadId']);
  });

  it('keeps the child harmed’s social worker out, as lead or co-assessor (R-NYO-12)', () => {
    assert.match(
      planProblems(facts, { ...ok, leadId: 'victims-worker' })[0]!.message,
      /social worker of the child harmed and must not be involved/,
    );
    assert.deepEqual(fields({ ...ok, coId: 'victims-worker' }), ['coId']);
  });

  it('asks why an assessor who was the appropriate adult is still suitable (R-NYO-12)', () => {
    assert.deepEqual(fields({ ...ok, appropriateAdult: 'lead' }), ['appropriateAdultReason']);
    assert.deepEqual(
      fields({
        ...ok,
        appropriateAdult: 'lead',
        appropriateAdultReason: 'Only present for ten minutes; the family asked for her.',
      }),
      [],
    );
  });

  it('needs the legal representative question only when a child likely to be prosecuted denies (R-NYO-10)', () => {
    assert.deepEqual(fields({ ...ok, prosecutionLikely: 'yes', denies: 'yes' }), ['legalRepAgreed']);
    assert.deepEqual(fields({ ...ok, prosecutionLikely: 'yes', denies: 'no' }), []);
    assert.deepEqual(fields({ ...ok, prosecutionLikely: 'no', denies: 'yes' }), []);
  });
});

describe('the mode and the stages', () => {
  it('limits the assessment to Stage One paperwork without participation or a legal representative’s agreement (R-NYO-10)', () => {
    assert.equal(assessmentMode(ok, rules).mode, 'full');
    assert.equal(assessmentMode({ ...ok, participates: 'no' }, rules).mode, 'stage_one_only');
    assert.equal(
      assessmentMode({ ...ok, prosecutionLikely: 'yes', denies: 'yes', legalRepAgreed: 'no' }, rules).mode,
      'stage_one_only',
    );
    assert.equal(
      assessmentMode({ ...ok, prosecutionLikely: 'yes', denies: 'yes', legalRepAgreed: 'yes' }, rules).mode,
      'full',
    );
  });

  it('records the stages in order, skipping the interviews in a paperwork assessment (R-NYO-9)', () => {
    assert.equal(nextStage('full', {}), 1);
    assert.equal(nextStage('full', { 1: '2026-11-02' }), 2);
    assert.equal(nextStage('stage_one_only', { 1: '2026-11-02' }), 3);
    assert.equal(nextStage('full', { 1: 'a', 2: 'b', 3: 'c', 4: 'd' }), null);
  });

  it('completes only with every stage, the outcome sheet and the report shared (R-NYO-13, R-NYO-14)', () => {
    assert.equal(
      completionProblems({ mode: 'full', stages: {}, hasOutcome: false, hasReport: false, sharedOn: null }).length,
      4,
    );
    assert.deepEqual(
      completionProblems({
        mode: 'stage_one_only',
        stages: { 1: 'a', 3: 'b', 4: 'c' },
        hasOutcome: true,
        hasReport: true,
        sharedOn: '2026-11-20',
      }),
      [],
    );
  });

  it('asks for every section of the report, leaving out the interviews in a paperwork assessment (R-NYO-14, R-NYO-10)', () => {
    const empty = { purpose: '', sources: '', interviews: '', referralBehaviour: '', presentation: '', summary: '' };
    assert.deepEqual(
      reportProblems('full', empty).map((p) => p.field),
      ['purpose', 'sources', 'interviews', 'referralBehaviour', 'presentation', 'summary'],
    );
    assert.deepEqual(
      reportProblems('stage_one_only', empty).map((p) => p.field),
      ['purpose', 'sources', 'referralBehaviour', 'summary'],
    );
    assert.equal(reportProblems('full', empty)[0]!.message, 'Enter the purpose of the assessment');
  });

  it('needs something in the domains, the domains of most concern and the supervision level (R-NYO-13)', () => {
    const blank = { staticConcerns: '', dynamicConcerns: '', staticStrengths: '', dynamicStrengths: '' };
    const sheet = {
      profile: { offence: { ...blank }, developmental: { ...blank }, family: { ...blank }, environment: { ...blank } },
      mostConcern: [],
      supervision: '' as const,
      intervention: { youngPerson: '', family: '', environment: '' },
    };
    assert.deepEqual(
      outcomeProblems(sheet).map((p) => p.field),
      ['offence-staticConcerns', 'mostConcern', 'supervision'],
    );
    assert.deepEqual(
      outcomeProblems({
        ...sheet,
        profile: { ...sheet.profile, family: { ...blank, dynamicStrengths: 'Supportive grandparents.' } },
        mostConcern: ['family'],
        supervision: 'low',
      }),
      [],
    );
  });
});

describe('the model each procedure names (R-X-2)', () => {
  const model = (pack: string, dob: string, developmentalAge: number | null = null) =>
    ageRules(getPack(pack)!, { dateOfBirth: dob, developmentalAge }, '2026-11-20', '2026-11-20').assessmentModel
      ?.model ?? null;
  it('gives kent AIM under-12s and AIM2 (R-KEN-11), thurrock AIM under-12s and AIM3 (R-THU-5), AIM2 in North Yorkshire (R-NYO-7) and AIM3 in North East Lincolnshire (R-NEL-10)', () => {
    assert.equal(model('kent', '2017-01-01'), 'aim_under_12');
    assert.equal(model('kent', '2012-01-01'), 'aim2');
    assert.equal(
      model('kent', '2010-01-01', 10),
      'aim_under_12',
      'a developmental age under 12 selects the under-12 model',
    );
    assert.equal(model('thurrock', '2017-01-01'), 'aim_under_12');
    assert.equal(model('thurrock', '2012-01-01'), 'aim3');
    assert.equal(model('north-yorkshire', '2012-01-01'), 'aim2');
    assert.equal(model('north-yorkshire', '2017-01-01'), null);
    assert.equal(model('north-east-lincolnshire', '2012-01-01'), 'aim3');
    assert.equal(model('north-east-lincolnshire', '2017-01-01'), null);
    assert.equal(model('islington', '2012-01-01'), null);
  });
});

describe('the assessor rules are the pack’s (R-NYO-9, R-NYO-10, R-NYO-12)', () => {
  it('applies none of North Yorkshire’s assessor rules to a pack that does not give them', () => {
    const none = { ...facts, rules: {} };
    const loose: PlanInput = {
      ...ok,
      leadId: 'victims-worker',
      coId: 'untrained',
      appropriateAdult: '',
      prosecutionLikely: '',
      denies: '',
    };
    assert.deepEqual(planProblems(none, loose), []);
    assert.deepEqual(
      planProblems(none, { ...loose, leadId: 'untrained', coId: 'trained' }),
      [],
      'no trained lead required',
    );
    assert.equal(
      assessmentMode({ ...ok, prosecutionLikely: 'yes', denies: 'yes', legalRepAgreed: 'no' }, {}).mode,
      'full',
      'no denial rule',
    );
    assert.equal(assessmentMode({ ...ok, participates: 'no' }, {}).mode, 'stage_one_only', 'participation still');
  });

  it('applies each rule alone where the pack gives only that one', () => {
    const only = (rule: string, input: PlanInput) =>
      planProblems({ ...facts, rules: { [rule]: true } }, input).map((p) => p.field);
    assert.deepEqual(only('trainedLead', { ...ok, leadId: 'untrained', coId: 'trained' }), ['leadId']);
    assert.deepEqual(only('assessorConflicts', { ...ok, coId: 'victims-worker' }), ['coId']);
    assert.deepEqual(only('denial', { ...ok, prosecutionLikely: '' }), ['prosecutionLikely']);
    assert.deepEqual(only('trainedLead', { ...ok, coId: 'victims-worker', prosecutionLikely: '' }), []);
  });

  it('cites North Yorkshire’s own sections there, and elsewhere the pack’s own section or a local setting', () => {
    const nyo = getPack('north-yorkshire')!.assessorRules;
    assert.equal(nyo.trainedLead?.clause, 'north-yorkshire §7, §10');
    assert.equal(nyo.assessorConflicts?.clause, 'north-yorkshire §10');
    assert.equal(nyo.denial?.clause, 'north-yorkshire §7, §10');
    for (const id of ['kent', 'thurrock', 'north-east-lincolnshire']) {
      const rules = getPack(id)!.assessorRules;
      assert.ok(!rules.trainedLead?.clause.includes('local setting'), `${id} cites its own document for the lead`);
      assert.equal(rules.assessorConflicts?.clause, `${id}, local setting`);
      assert.equal(rules.denial?.clause, `${id}, local setting`);
    }
    assert.deepEqual(getPack('islington')!.assessorRules, {}, 'Islington names no AIM assessment');
  });
});

describe('what planning, stages, sharing and completion need, at once (issue 12)', () => {
  const barrier = {
    displayedBehaviour: true,
    named: { name: 'AIM2', model: 'aim2' as const, citation: 'north-yorkshire §7' },
    inProgress: false,
  };
  const planFacts = { barrier, assessors, victimWorkers: facts.victimWorkers, rules };

  it('says why no assessment can be planned, in place of the form', () => {
    assert.equal(planBarrier(barrier), null);
    assert.match(planBarrier({ ...barrier, displayedBehaviour: false })!, /no submitted incident records/);
    assert.equal(
      planBarrier({ ...barrier, named: { name: 'Not AIM', model: null, citation: 'kent §13' } }),
      'The procedure names no AIM assessment for this child: Not AIM (kent §13).',
    );
    assert.equal(
      planBarrier({ ...barrier, named: null }),
      'The procedure names no AIM assessment for a child of this age.',
    );
    assert.equal(planBarrier({ ...barrier, inProgress: true }), ALREADY_IN_PROGRESS);
    assert.deepEqual(
      planningProblems({ ...ok, leadId: '' }, { ...planFacts, barrier: { ...barrier, inProgress: true } }),
      [{ field: 'cannot', message: ALREADY_IN_PROGRESS }],
    );
  });

  it('otherwise checks the plan as planProblems does', () => {
    assert.deepEqual(planningProblems(ok, planFacts), []);
    const bad = { ...ok, leadId: 'victims-worker', coId: '' };
    assert.deepEqual(planningProblems(bad, planFacts), planProblems(facts, bad));
    assert.equal(choosesVictimsWorker(planFacts, bad), true);
    assert.equal(choosesVictimsWorker({ ...planFacts, rules: { trainedLead: true } }, bad), false);
    assert.equal(choosesVictimsWorker(planFacts, ok), false);
  });

  const dates = { today: '2026-06-10', plannedOn: '2026-06-01', stages: { 1: '2026-06-03' } };
  const day = (iso: string) => {
    const [year, month, dayOfMonth] = iso.split('-') as [string, string, string];
    return { day: dayOfMonth, month, year };
  };

  it('records the next stage only, on a real day not before the one before it (R-NYO-9)', () => {
    assert.deepEqual(stageProblems({ stage: 2, date: day('2026-06-04') }, { ...dates, next: 2 }), []);
    assert.deepEqual(stageDoneOn(day('2026-06-04'), dates), { iso: '2026-06-04' });
    assert.deepEqual(
      stageProblems({ stage: 3, date: { day: '', month: '', year: '' } }, { ...dates, next: 2 }).map((p) => p.field),
      ['stage', 'stageDate'],
    );
    assert.deepEqual(stageProblems({ stage: 2, date: day('2026-06-02') }, { ...dates, next: 2 }), [
      {
        field: 'stageDate',
        message: 'The date the stage was done must be on or after 3 June 2026, the date of the stage before it',
      },
    ]);
    assert.deepEqual(stageProblems({ stage: 1, date: day('2026-05-31') }, { ...dates, stages: {}, next: 1 }), [
      {
        field: 'stageDate',
        message: 'The date the stage was done must be on or after 1 June 2026, the date the assessment was planned',
      },
    ]);
    assert.deepEqual(stageProblems({ stage: 2, date: day('2026-06-11') }, { ...dates, next: 2 }), [
      { field: 'stageDate', message: 'Date the stage was done must be today or in the past' },
    ]);
  });

  it('shares the report after the outcome sheet and the report, on a real day (R-NYO-14)', () => {
    const ready = { ...dates, hasOutcome: true, hasReport: true };
    assert.deepEqual(sharingProblems({ date: day('2026-06-05'), disagreements: ' ' }, ready), []);
    assert.deepEqual(sharedOnDate(day('2026-06-05'), ready), { iso: '2026-06-05' });
    assert.deepEqual(
      sharingProblems({ date: day('2026-06-02'), disagreements: 'x'.repeat(4001) }, { ...ready, hasReport: false }),
      [
        { field: 'sharedOn', message: 'Record the outcome sheet and write the report before sharing it' },
        {
          field: 'sharedOn',
          message:
            'The date the report was shared must be on or after 3 June 2026, the date of the last stage recorded',
        },
        { field: 'disagreements', message: 'Areas of disagreement must be 4,000 characters or fewer' },
      ],
    );
    assert.deepEqual(sharingProblems({ date: { day: '', month: '', year: '' }, disagreements: '' }, ready), [
      {
        field: 'sharedOn',
        message: 'Enter the date the report was shared with the young person and their parents or carers',
      },
    ]);
  });

  it('puts each thing completion still needs on the completion button', () => {
    const state = { mode: 'full' as const, stages: {}, hasOutcome: false, hasReport: true, sharedOn: null };
    assert.deepEqual(
      completeProblems(state),
      completionProblems(state).map((message) => ({ field: 'complete', message })),
    );
    assert.equal(completeProblems(state).length, 3);
  });
});
