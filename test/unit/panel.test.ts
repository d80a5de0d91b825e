// The AIM Pathway Panel's rules are North East Lincolnshire's pack data (R-NEL-10..12): the domain
// reads the ages, the referrers, the lead and denial rules and the review interval from the pack.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALREADY_BEFORE_PANEL,
  type PanelReferralInput,
  type PanelRules,
  informationGatheringOnly,
  leadProfessional,
  nextReviewDue,
  panelAgesText,
  panelClosureProblems,
  referralBarrier,
  referralKind,
  referralProblems,
  referringProblems,
  reviewDates,
  reviewProblems,
} from '../../src/domain/panel.ts';
import { getPack } from '../../src/procedures/index.ts';

const nel = getPack('north-east-lincolnshire')!.aimPanel!;
const input: PanelReferralInput = {
  referringService: 'youth_justice',
  assessmentType: 'AssetPlus',
  assessmentSummary: 'Needs specialist support.',
  harm: 'displayed',
  childConsent: 'yes',
  parentConsent: 'yes',
  consentExploration: '',
  policeInvestigation: 'yes',
  chargeLikely: 'yes',
  denies: 'yes',
};

describe('North East Lincolnshire’s panel rules, from its pack (R-NEL-10..12)', () => {
  it('cites the guidance’s panel section for each rule', () => {
    for (const rule of [nel.ages, nel.referrers, nel.lead, nel.reviewMonths, nel.denial!, nel])
      assert.equal(rule.clause, 'north-east-lincolnshire, aim pathway panel');
    assert.equal(nel.reviewMonths.months, 3);
    assert.equal(nel.lead.training, 'aim3');
  });

  it('takes 12 to 17 for assessment and younger children for consultation (R-NEL-10)', () => {
    assert.equal(referralKind(11, nel), 'consultation');
    assert.equal(referralKind(12, nel), 'assessment');
    assert.equal(referralKind(17, nel), 'assessment');
    assert.equal(referralKind(18, nel), null);
    assert.equal(panelAgesText(nel), 'aged 12 to 18, with consultation for younger children');
  });

  it('takes referrals only from the services the pack names (R-NEL-10)', () => {
    assert.deepEqual(referralProblems(input, nel), []);
    const childrensOnly = { referrers: { services: ['childrens_services'] as const } };
    assert.match(referralProblems(input, childrensOnly)[0]!.message, /referrals come from Children’s Services$/);
  });

  it('applies the lead and denial rules only where the pack gives them (R-NEL-10)', () => {
    assert.equal(leadProfessional(input, nel), 'youth_justice');
    assert.equal(leadProfessional(input, {}), 'referrer');
    assert.equal(informationGatheringOnly(input, nel), true);
    assert.equal(informationGatheringOnly(input, {}), false);
  });

  it('sets the next review the pack’s months ahead (R-NEL-12)', () => {
    assert.equal(nextReviewDue('2026-01-15', nel), '2026-04-15');
    const monthly: Pick<PanelRules, 'reviewMonths'> = { reviewMonths: { months: 1 } };
    assert.equal(nextReviewDue('2026-01-15', monthly), '2026-02-15');
  });

  it('gives no other pack a panel', () => {
    for (const id of ['kent', 'islington', 'north-yorkshire', 'thurrock'])
      assert.equal(getPack(id)!.aimPanel, undefined);
  });
});

describe('what a referral, a review and closing need, at once (issue 12)', () => {
  const barrier = { rules: nel, displayedBehaviour: true, kind: 'assessment' as const, open: false };

  it('says why the panel cannot take the referral, in place of the form (R-NEL-10)', () => {
    assert.equal(referralBarrier(barrier), null);
    assert.equal(
      referralBarrier({ ...barrier, rules: undefined }),
      'This authority’s procedure has no AIM Pathway Panel.',
    );
    assert.match(referralBarrier({ ...barrier, displayedBehaviour: false })!, /no submitted incident records/);
    assert.equal(referralBarrier({ ...barrier, kind: null }), `The panel is for children ${panelAgesText(nel)}.`);
    assert.equal(referralBarrier({ ...barrier, open: true }), ALREADY_BEFORE_PANEL);
    assert.deepEqual(referringProblems({ ...input, harm: '' }, { ...barrier, open: true }), [
      { field: 'cannot', message: ALREADY_BEFORE_PANEL },
    ]);
    assert.deepEqual(referringProblems({ ...input, harm: '' }, barrier), referralProblems({ ...input, harm: '' }, nel));
  });

  const facts = { today: '2026-06-10', acceptedOn: '2026-03-01', lastReviewOn: '2026-05-01', rules: nel };
  const review = {
    heldOn: { day: '2', month: '6', year: '2026' },
    notes: 'Going well.',
    nextReviewOn: { day: '', month: '', year: '' },
  };

  it('dates a review after the last, and the next within the pack’s months, at the latest by default (R-NEL-12)', () => {
    assert.deepEqual(reviewProblems(review, facts), []);
    assert.deepEqual(reviewDates(review, facts), { heldOn: { iso: '2026-06-02' }, next: { iso: '2026-09-02' } });
    assert.deepEqual(reviewProblems({ ...review, nextReviewOn: { day: '3', month: '9', year: '2026' } }, facts), [
      {
        field: 'nextReviewOn',
        message: 'Date of the next review must be within 3 months of this one, by 2 September 2026',
      },
    ]);
    assert.deepEqual(reviewProblems({ ...review, nextReviewOn: { day: '2', month: '6', year: '2026' } }, facts), [
      { field: 'nextReviewOn', message: 'Date of the next review must be after this review' },
    ]);
    assert.deepEqual(
      reviewProblems({ ...review, heldOn: { day: '30', month: '4', year: '2026' }, notes: ' ' }, facts),
      [
        {
          field: 'heldOn',
          message: 'The date of the review must be on or after 1 May 2026, the date of the last review',
        },
        { field: 'notes', message: 'Enter what the review found and decided' },
      ],
    );
    // Without the pack's panel rules no next review can be dated.
    assert.equal(reviewDates(review, { ...facts, rules: undefined }).next, null);
    // The next review is asked only once this review's date is right.
    assert.equal(reviewDates({ ...review, heldOn: { day: '', month: '', year: '' } }, facts).next, null);
  });

  it('closes with what was completed, each box within its limit (R-NEL-12)', () => {
    assert.deepEqual(panelClosureProblems({ summary: 'Done', furtherWork: '' }), []);
    assert.deepEqual(panelClosureProblems({ summary: ' ', furtherWork: 'x'.repeat(4001) }), [
      { field: 'summary', message: 'Enter what was completed' },
      { field: 'furtherWork', message: 'Further work must be 4,000 characters or fewer' },
    ]);
  });
});
