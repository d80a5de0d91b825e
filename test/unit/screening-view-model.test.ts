// How the screening pages read (issue 12, item 3): the child's ages, the tool asked for or the
// pack's own, what was typed or what the incident says, and a screening's next steps for the level
// decided, previewed or chosen.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPack } from '../../src/procedures/index.ts';
import type { AgeRules } from '../../src/domain/screening.ts';
import {
  type ScreeningPage,
  type ScreeningReferrals,
  type ScreeningView,
  ageSummary,
  factItems,
  screeningFormModel,
  screeningModel,
  toolView,
} from '../../src/web/pages/screening/view-model.ts';
import { paths } from '../../src/web/paths.ts';

const kent = getPack('kent')!;
const carson = kent.tools[0]!;
const categories = getPack('islington')!.tools[0]!;
const INCIDENT = '00000000-0000-4000-8000-0000000000a1';
const CHILD = '00000000-0000-4000-8000-0000000000c1';

const ages: AgeRules = {
  ageAtIncident: 13,
  developmentalAge: 11,
  stage: 11,
  belowCriminalResponsibility: false,
  assessmentModel: null,
  approaching18: false,
  eighteenOn: null,
  notes: [],
};

describe('the screening form', () => {
  const page = {
    pack: kent,
    child: { firstName: 'Ellis', lastName: 'Hawthorn' },
    incident: {},
    incidentDate: '2026-03-01',
    ages,
    tools: [
      { tool: carson, allowed: true, needs: null },
      { tool: categories, allowed: false, needs: 'Training' },
    ],
    history: [{ id: 's1' }],
  } as unknown as ScreeningPage;
  const options = { incidentId: INCIDENT, childId: CHILD, values: null, defaults: {}, today: '2026-03-02' };

  it('shows the tool asked for only when the person may use it, else the pack’s own, and links the others', () => {
    const model = screeningFormModel(page, { ...options, requestedTool: categories.id });
    assert.equal(model.pageTitle, 'Screen the behaviour: Ellis Hawthorn');
    assert.equal(model.tool.id, 'carson');
    assert.equal(model.backLink, paths.incidents.show(INCIDENT));
    assert.deepEqual(model.otherTools, [
      {
        id: categories.id,
        name: categories.name,
        allowed: false,
        needs: 'Training',
        href: `${paths.screening.start(INCIDENT, CHILD)}?tool=${categories.id}`,
      },
    ]);
    assert.deepEqual(model.history, [{ id: 's1', href: paths.screening.show('s1') }]);
  });

  it('reads the ages in words, the developmental age among them', () => {
    const rows = ageSummary({ ...ages, approaching18: true, eighteenOn: '2030-01-05' });
    assert.deepEqual(
      rows.map((row) => row.key),
      [
        'Age on the day of the incident',
        'Developmental age',
        'Age of criminal responsibility (10)',
        'Assessment model',
        'Approaching 18',
      ],
    );
    assert.equal(rows[2]?.value, 'Above: 10 or over');
    assert.equal(rows[3]?.value, 'This procedure does not name an assessment model');
    assert.equal(rows[4]?.value, 'Yes: 18 on 5 January 2030');
    assert.equal(ageSummary({ ...ages, developmentalAge: null }).length, 4);
  });

  it('ticks what was typed: a rating, a checklist item and "none"; the facts as typed, else as the incident says', () => {
    const values = {
      toolId: 'carson',
      answers: { ratings: { type: 'harmful' }, items: ['c0-single'], none: true },
      facts: { open_case: null },
    };
    const matrix = toolView(carson, values, 11);
    assert.equal(matrix.kind, 'matrix');
    const type = 'dimensions' in matrix ? matrix.dimensions.find((row) => row.name === 'rating-type') : undefined;
    assert.deepEqual(
      type?.items.filter((item) => item.checked).map((item) => item.value),
      ['harmful'],
    );
    const checklist = toolView(categories, values, 11);
    assert.ok('groups' in checklist);
    assert.equal(checklist.groups[0]?.items.find((item) => item.value === 'c0-single')?.checked, true);
    assert.equal(checklist.noneOption?.checked, true);
    const checked = (items: ReturnType<typeof factItems>, name: string) =>
      items.find((fact) => fact.name === name)?.items.find((item) => item.checked)?.value;
    assert.equal(checked(factItems(kent, values, { open_case: true }), 'fact-open_case'), 'not-known');
    assert.equal(checked(factItems(kent, null, { open_case: true }), 'fact-open_case'), 'yes');
    assert.equal(checked(factItems(kent, null, {}), 'fact-open_case'), undefined);
  });
});

describe('a screening', () => {
  const view = (status: 'suggested' | 'decided', decidedLevel: string | null = null) =>
    ({
      screening: {
        id: 's1',
        status,
        suggestedLevel: 'problematic',
        decidedLevel,
        incidentId: INCIDENT,
        childId: CHILD,
        toolId: 'carson',
        suggestedScale: 'abusive',
        facts: { open_case: null, significant_harm: true },
      },
      pack: kent,
      tool: carson,
      child: { firstName: 'Ellis', lastName: 'Hawthorn' },
      ages,
      suggestedLevel: kent.levels[1],
      readsAs: [],
      previewFor: (level: string) => [level],
      ifKnown: (level: string) => [level],
      tasks: [],
      can: { decide: true, refer: false, screen: true },
    }) as unknown as ScreeningView;
  const options = {
    values: undefined,
    errors: undefined,
    preview: undefined,
    referral: {} as ScreeningReferrals,
    today: '2026-03-02',
  };

  it('shows the suggestion, the facts in words, and the next steps for the level chosen or previewed', () => {
    const model = screeningModel(view('suggested'), options);
    assert.equal(model.pageTitle, 'Suggested level of concern: Ellis Hawthorn');
    assert.equal(model.scaleLabel, 'Abusive');
    assert.deepEqual(
      model.facts.map((fact) => fact.value),
      ['Not known', 'Yes'],
    );
    assert.deepEqual(model.preview, ['problematic']);
    assert.deepEqual(model.values, { level: 'problematic', rationale: '' });
    assert.deepEqual(
      model.levelItems.filter((item) => item.checked).map((item) => item.value),
      ['problematic'],
    );
    assert.ok(model.levelItems[1]?.hint.text.startsWith('Suggested. '));
    assert.deepEqual(
      model.previewLinks.map((link) => link.href),
      [
        `${paths.screening.show('s1')}?preview=healthy#next-steps`,
        `${paths.screening.show('s1')}?preview=harmful#next-steps`,
      ],
    );
    assert.deepEqual(screeningModel(view('suggested'), { ...options, preview: 'harmful' }).preview, ['harmful']);
    assert.deepEqual(screeningModel(view('suggested'), { ...options, preview: 'moon' }).preview, ['problematic']);
    const typed = screeningModel(view('suggested'), { ...options, values: { level: 'healthy', rationale: 'x' } });
    assert.deepEqual(typed.unknowns, ['healthy']);
    assert.deepEqual(typed.values, { level: 'healthy', rationale: 'x' });
  });

  it('shows a decided screening’s own level, whatever is previewed', () => {
    const model = screeningModel(view('decided', 'harmful'), { ...options, preview: 'healthy' });
    assert.equal(model.pageTitle, 'Level of concern: Ellis Hawthorn');
    assert.deepEqual(model.preview, ['harmful']);
    assert.equal(model.previewLabel, kent.levels[2]?.label);
    assert.equal(model.backLink, paths.screening.start(INCIDENT, CHILD));
  });
});
