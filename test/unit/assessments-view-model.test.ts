// The AIM assessments pages' view models and form readers, as pure functions (issue 12, item 3).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allPacks, getPack } from '../../src/procedures/index.ts';
import { emptySheet, outcomeForm, reportForm, reportOf, sheetOf } from '../../src/web/pages/assessments/schema.ts';
import {
  nextStageLabel,
  partOf,
  planView,
  plannedChecks,
  reportFileName,
  showView,
  EMPTY_PLAN,
} from '../../src/web/pages/assessments/view-model.ts';

type PlanOptions = Parameters<typeof planView>[0];
type AssessmentView = Parameters<typeof showView>[0];

describe('assessments view model', () => {
  it('names the stage to record next, skipping interviews in a Stage One assessment', () => {
    assert.match(nextStageLabel({ mode: 'full', stages: {} }), /^Stage 1:/);
    assert.match(nextStageLabel({ mode: 'stage_one_only', stages: { 1: '2026-01-01' } }), /^Stage 3:/);
    assert.equal(
      nextStageLabel({ mode: 'full', stages: { 1: 'x', 2: 'x', 3: 'x', 4: 'x' } }),
      'Outcome, report and sharing',
    );
  });

  it("finds a part's page from its address", () => {
    assert.equal(partOf('/assessments/a1/outcome'), 'outcome');
    assert.equal(partOf('/assessments/a1/share?x=1'), 'share');
    assert.equal(partOf('/assessments/a1'), null);
  });

  it('names the downloaded report after the model and the day', () => {
    assert.equal(reportFileName('aim3_under_12', '2026-12-10'), 'aim3-under-12-assessment-report-2026-12-10.html');
  });

  it("marks the assessors' training and the child harmed's social worker, and the answers chosen", () => {
    const options = {
      child: { firstName: 'Ann', lastName: 'Lee' },
      model: null,
      modelId: null,
      cannot: null,
      assessors: [{ id: 'u1', name: 'Sam', trainings: [] }],
      victimWorkers: new Set(['u1']),
      pack: { assessorRules: getPack('north-yorkshire')!.assessorRules },
    } as unknown as PlanOptions;
    const view = planView(options, { ...EMPTY_PLAN, leadId: 'u1', appropriateAdult: 'co', denies: 'no' });
    assert.equal(view.pageTitle, 'Plan an AIM assessment: Ann Lee');
    assert.deepEqual(view.leadItems, [
      { value: '', text: 'Select a person' },
      { value: 'u1', text: 'Sam (social worker of the child harmed)', selected: true },
    ]);
    assert.deepEqual(view.coItems[1], {
      value: 'u1',
      text: 'Sam (social worker of the child harmed)',
      selected: false,
    });
    assert.deepEqual(
      view.appropriateAdultItems.map((item) => item.checked),
      [false, false, true],
    );
    assert.deepEqual(
      view.deniesItems.map((item) => [item.value, item.checked]),
      [
        ['yes', false],
        ['no', true],
      ],
    );
    assert.equal(view.trainingLabel, null);
    assert.deepEqual(view.asks, { trainedLead: true, conflicts: true, denial: true });
  });

  it("asks only the checks the pack's assessor rules need", () => {
    for (const pack of allPacks().filter(
      (candidate) => candidate.ageRules.olderModel?.model ?? candidate.ageRules.under12Model?.model,
    ))
      assert.deepEqual(
        plannedChecks(pack.assessorRules),
        { trainedLead: true, conflicts: true, denial: true },
        pack.id,
      );
    assert.deepEqual(plannedChecks({}), { trainedLead: false, conflicts: false, denial: false });
    const denialOnly = getPack('north-yorkshire')!.assessorRules.denial;
    assert.deepEqual(plannedChecks({ denial: denialOnly }), { trainedLead: false, conflicts: false, denial: true });
  });

  it("shows a part's page with what was typed, and the stages the mode has", () => {
    const view = {
      assessment: {
        id: 'a1',
        childId: 'c1',
        childName: 'Ann Lee',
        model: 'aim3',
        mode: 'stage_one_only',
        stages: { 1: '2026-12-01' },
        outcome: null,
        report: null,
        disagreements: '',
      },
      canEdit: true,
      missing: [],
      next: 3,
    } as unknown as AssessmentView;
    const sheet = emptySheet();
    sheet.profile.family.staticConcerns = 'Typed';
    const model = showView(view, 'outcome', { sheet });
    assert.match(model.pageTitle, /^Outcome sheet: .+: Ann Lee$/);
    assert.equal(model.backLink, '/assessments/a1');
    assert.deepEqual(
      model.stages.map((stage) => [stage.n, stage.done]),
      [
        [1, '2026-12-01'],
        [3, null],
        [4, null],
      ],
    );
    assert.equal(model.next?.n, 3);
    const family = model.domains.find((domain) => domain.id === 'family');
    assert.deepEqual(family?.cells[0], {
      id: 'staticConcerns',
      label: 'Static concerns',
      name: 'family-staticConcerns',
      value: 'Typed',
    });
    assert.ok(model.reportFields.every((field) => field.value === ''));
    assert.equal(showView(view, null).backLink, '/children/c1/assessments');
  });
});

describe('assessments forms', () => {
  it('reads the outcome sheet: each profile box, the domains of most concern and the supervision level', () => {
    const data = outcomeForm.read({
      version: '4',
      'offence-dynamicConcerns': 'Concern',
      mostConcern: ['family', 'nonsense', 'family'],
      supervision: 'extreme',
      'intervention-family': 'Work',
    });
    assert.equal(data.version, 4);
    const sheet = sheetOf(data);
    assert.equal(sheet.profile.offence.dynamicConcerns, 'Concern');
    assert.equal(sheet.profile.offence.staticConcerns, '');
    assert.deepEqual(sheet.mostConcern, ['family']);
    assert.equal(sheet.supervision, '');
    assert.deepEqual(sheet.intervention, { youngPerson: '', family: 'Work', environment: '' });
  });

  it('reads the report, each section by its id', () => {
    const report = reportOf(reportForm.read({ version: '1', purpose: 'Why', summary: ['a', 'b'], other: 'x' }));
    assert.equal(report.purpose, 'Why');
    assert.equal(report.summary, 'b');
    assert.equal(report.sources, '');
    assert.ok(!('other' in report));
  });
});
