// How the referral pages read (issue 12, item 3): each referral's dates in words, whether it waits,
// is overdue or has been screened, the pack's rule for when the decision is due, the level of concern
// it came from and the outcomes a manager chooses from, with what was typed kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPack } from '../../src/procedures/index.ts';
import { paths } from '../../src/web/paths.ts';
import {
  type ReferralList,
  type ReferralView,
  referralListModel,
  referralModel,
} from '../../src/web/pages/referrals/view-model.ts';

type Referral = ReferralList['referrals'][number];

const referral = (over: Partial<Referral> = {}): Referral => ({
  id: 'r1',
  authorityId: 'north-yorkshire',
  incidentId: 'i1',
  childId: 'c1',
  childName: 'Toby Alderbrook',
  screeningId: 's1',
  receivingTeamId: 't1',
  receivingTeamName: 'Front door team',
  // 3:30pm in London (GMT in December).
  receivedAt: new Date('2026-12-01T15:30:00Z'),
  dueOn: '2026-12-02',
  status: 'received',
  outcome: null,
  outcomeLabel: null,
  rationale: null,
  decidedByName: null,
  decidedAt: null,
  createdByName: 'Sam Lee',
  version: 1,
  details: null,
  ...over,
});

const pack = getPack('north-yorkshire')!;

const view = (over: Partial<ReferralView> = {}, referralOver: Partial<Referral> = {}): ReferralView =>
  ({
    referral: referral(referralOver),
    screening: { id: 's1', childId: 'c1', decidedLevelLabel: 'Problematic' },
    pack,
    today: '2026-12-02',
    canDecide: true,
    ...over,
  }) as unknown as ReferralView;

describe('the referrals list', () => {
  it('links each referral and says when it came, from whom and when the decision is due, in words', () => {
    const model = referralListModel({ referrals: [referral()], today: '2026-12-02' });
    assert.equal(model.pageTitle, 'Referrals');
    const [row] = model.referrals;
    assert.equal(row!.childName, 'Toby Alderbrook');
    assert.equal(row!.href, paths.referrals.show('r1'));
    assert.equal(row!.receivedText, '1 December 2026 at 3:30pm');
    assert.equal(row!.fromText, 'from Sam Lee');
    assert.equal(row!.dueText, '2 December 2026');
  });

  it('says a referral is waiting until its due date has passed, then overdue, and once screened its outcome', () => {
    const statuses = (today: string) =>
      referralListModel({
        referrals: [
          referral(),
          referral({ id: 'r2', status: 'screened', outcomeLabel: 'No further action', dueOn: '2026-11-01' }),
        ],
        today,
      }).referrals.map((row) => [row.status.text, row.status.outcome, row.overdue]);
    assert.deepEqual(statuses('2026-12-02'), [
      ['Waiting', '', false],
      ['Screened', 'No further action', false],
    ]);
    assert.deepEqual(statuses('2026-12-03'), [
      ['Overdue', '', true],
      ['Screened', 'No further action', false],
    ]);
  });
});

describe('a referral', () => {
  it('names the child and the receiver, and says when it came and by when it is decided, from the pack', () => {
    const model = referralModel(view());
    assert.equal(model.pageTitle, 'Referral: Toby Alderbrook');
    assert.equal(model.caption, 'Referral to Children and Families Service');
    assert.equal(model.backLink, paths.referrals.list());
    assert.equal(model.childHref, paths.children.show('c1'));
    assert.equal(model.receivedText, '1 December 2026 at 3:30pm, from Sam Lee, by Front door team');
    assert.equal(model.dueText, '2 December 2026');
    assert.equal(model.dueRule, 'Within 1 working day of receipt');
    assert.equal(model.dueClause, pack.referral.decisionClause);
    assert.equal(model.overdue, false);
    assert.equal(model.incidentHref, paths.incidents.show('i1'));
    assert.equal(model.decideHref, paths.referrals.decide('r1'));
    assert.equal(referralModel(view({ today: '2026-12-03' })).overdue, true);
  });

  it('leaves out the team when none received it, and counts working days in the plural', () => {
    const fiveDays = { ...pack, referral: { ...pack.referral, decisionWorkingDays: 5 } };
    const model = referralModel(view({ pack: fiveDays }, { receivingTeamName: null }));
    assert.equal(model.receivedText, '1 December 2026 at 3:30pm, from Sam Lee');
    assert.equal(model.dueRule, 'Within 5 working days of receipt');
  });

  it('links the level of concern to the child’s own screening, or says it was decided for the child who harmed', () => {
    assert.deepEqual(referralModel(view()).level, { text: 'Problematic', href: paths.screening.show('s1') });
    const harmed = referralModel(view({}, { childId: 'c2' }));
    assert.deepEqual(harmed.level, {
      text: 'Problematic, decided for the child who harmed: this is the separate referral for a child harmed',
      href: null,
    });
    assert.equal(referralModel(view({ screening: undefined })).level, null);
  });

  it('offers the pack’s outcomes, ticking the one typed, and keeps the reasons typed', () => {
    const typed = { outcome: pack.referral.outcomes[1]!.id, rationale: 'Seen by the team' };
    const model = referralModel(view(), typed);
    assert.deepEqual(
      model.outcomeItems.map((item) => item.text),
      pack.referral.outcomes.map((outcome) => outcome.label),
    );
    assert.equal(model.outcomeItems[0]!.text, 'Start an assessment by Children and Families Service');
    assert.deepEqual(
      model.outcomeItems.filter((item) => item.checked).map((item) => item.value),
      [typed.outcome],
    );
    assert.equal(model.values, typed);
    assert.deepEqual(referralModel(view()).values, { outcome: '', rationale: '' });
  });

  it('while waiting says a manager decides; once screened shows the outcome, who decided and when', () => {
    assert.equal(referralModel(view()).waitingText, 'A team manager records the screening decision.');
    assert.equal(referralModel(view()).decision, null);
    const screened = referralModel(
      view(
        { canDecide: false },
        {
          status: 'screened',
          outcomeLabel: 'Start an assessment by Children and Families Service',
          decidedByName: 'Mo Khan',
          decidedAt: new Date('2026-12-02T09:05:00Z'),
          rationale: 'Needs an assessment.',
        },
      ),
    );
    assert.equal(screened.waitingText, null);
    assert.equal(screened.canDecide, false);
    assert.deepEqual(screened.decision, {
      outcome: 'Start an assessment by Children and Families Service',
      byText: 'Mo Khan, 2 December 2026 at 9:05am',
      rationale: 'Needs an assessment.',
    });
  });
});
