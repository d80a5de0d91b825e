// How the procedure pages read (issue 12, item 3): each pack's review date in words and whether it
// has passed, which is the viewer's own, and one pack in plain English: its levels beside the other
// authorities', conditions and timescales in words, the panel's referrers and the local settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allPacks, getPack } from '../../src/procedures/index.ts';
import { paths } from '../../src/web/paths.ts';
import { procedureListModel, procedureModel } from '../../src/web/pages/procedures/view-model.ts';

const kent = getPack('kent')!;
const nel = getPack('north-east-lincolnshire')!;
const others = allPacks().filter((pack) => pack.id !== nel.id);

describe('the procedures list', () => {
  it('links each pack, gives its review date in words, and marks the viewer’s own and those past review', () => {
    const packs = [
      { ...kent, reviewDate: '2026-12-01' },
      { ...nel, reviewDate: '2027-11-01' },
    ];
    const model = procedureListModel(packs, '2026-12-02', 'kent');
    assert.equal(model.pageTitle, 'Procedures');
    assert.deepEqual(
      model.packs.map((pack) => [pack.authority, pack.href, pack.reviewDateText, pack.overdue, pack.yours]),
      [
        ['Kent County Council', paths.procedures.show('kent'), '1 December 2026', true, true],
        [
          'North East Lincolnshire Council',
          paths.procedures.show('north-east-lincolnshire'),
          '1 November 2027',
          false,
          false,
        ],
      ],
    );
    assert.equal(model.packs[0]!.version, kent.version);
  });

  it('marks no pack as the viewer’s own when nobody is signed in', () => {
    assert.ok(procedureListModel(allPacks(), '2026-12-02', undefined).packs.every((pack) => !pack.yours));
  });
});

describe('a procedure', () => {
  const model = procedureModel({ ...nel, effectiveFrom: '2025-05-01', reviewDate: '2026-12-01' }, others, '2026-12-02');

  it('names the authority, gives its dates in words and warns when the review date has passed', () => {
    assert.equal(model.pageTitle, 'North East Lincolnshire Council: procedure');
    assert.equal(model.backLink, paths.procedures.list());
    assert.equal(model.effectiveFromText, '1 May 2025');
    assert.equal(model.reviewDateText, '1 December 2026');
    assert.equal(model.reviewOverdue, true);
    assert.equal(procedureModel({ ...nel, reviewDate: '2026-12-02' }, others, '2026-12-02').reviewOverdue, false);
  });

  it('shows each level of the shared scale in this authority’s words and the others’', () => {
    assert.deepEqual(model.otherNames, [
      'Kent County Council',
      'Thurrock Council',
      'North Yorkshire Council',
      'London Borough of Islington',
    ]);
    assert.equal(model.scaleRows.length, 5);
    const normal = model.scaleRows[0]!;
    assert.equal(normal.scale, 'Normal');
    assert.equal(normal.here, nel.levels.find((level) => level.covers.includes('normal'))!.label);
    assert.equal(normal.others.length, others.length);
  });

  it('asks the screening questions in words and puts each condition in words', () => {
    assert.ok(
      model.facts.includes(
        'Is there reasonable cause to suspect that a child is suffering, or is likely to suffer, significant harm?',
      ),
    );
    assert.ok(model.notes.every((note) => note.whenText.length > 0));
    const respond = model.steps[0]!;
    assert.equal(respond.title, nel.steps[0]!.title);
    assert.match(respond.whenText, /^the level is /);
    assert.ok(model.steps.some((step) => step.dueText === 'Within 1 working day of the decision'));
    assert.ok(model.steps.some((step) => step.ownerText === 'The person who screened the incident'));
  });

  it('lists each meeting’s outcomes and who is invited, and when, in words', () => {
    const strategy = model.meetings.find((meeting) => meeting.label === 'Strategy discussion')!;
    assert.ok(strategy.outcomeLabels.includes('Section 47 enquiry'));
    const care = strategy.invitees.find((invitee) => invitee.label === 'Fostering or residential care')!;
    assert.equal(care.whenText, 'the child is looked after');
    assert.equal(strategy.invitees[0]!.whenText, null);
  });

  it('names who may refer to the AIM Pathway Panel and the lead’s training, only where the pack has a panel', () => {
    assert.deepEqual(model.panelReferrers, ['Children’s Services', 'Youth Justice Service']);
    assert.equal(model.panelLeadTraining, 'AIM3');
    const kentModel = procedureModel(kent, [], '2026-12-02');
    assert.deepEqual(kentModel.panelReferrers, []);
    assert.equal(kentModel.panelLeadTraining, null);
    assert.deepEqual(kentModel.otherNames, []);
  });

  it('lists the sections cited and the values the procedure does not give', () => {
    assert.ok(model.sections.length > 0);
    assert.ok(model.sections.every((section) => section.uses.length > 0));
    assert.equal(model.localSettings[0]!.what, 'How working days are counted');
    assert.equal(
      model.localSettings[0]!.value,
      'Weekends and England and Wales bank holidays are left out, with any one-off closures an administrator adds.',
    );
  });

  it('lists the plans the procedure names, whose record each is on, how often it is reviewed and what it addresses (issue 14)', () => {
    const kentModel = procedureModel(kent, [], '2026-12-02');
    const safety = kentModel.plans.find((plan) => plan.id === 'safety-intervention')!;
    assert.equal(safety.whose, 'On the record of the child who harmed');
    assert.equal(safety.reviewText, 'Reviewed at least every 3 months');
    assert.ok(safety.contents.length >= 15, 'the fifteen matters of the AIM review meeting (R-KEN-13)');
    assert.equal(
      kentModel.plans.find((plan) => plan.id === 'support-harmed')!.whose,
      'On the record of the child harmed',
    );
  });
});
