// The AIM Pathway Panel's rules are North East Lincolnshire's pack data (R-NEL-10..12): the domain
// reads the ages, the referrers, the lead and denial rules and the review interval from the pack.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type PanelReferralInput,
  type PanelRules,
  informationGatheringOnly,
  leadProfessional,
  nextReviewDue,
  panelAgesText,
  referralKind,
  referralProblems,
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
