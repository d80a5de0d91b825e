// The AIM Pathway Panel pages' view models, as pure functions (issue 12, item 3): what the pack's
// panel rules put in the words (R-NEL-10..12), and what the routes used to build inline.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMPTY_DECISION,
  EMPTY_REFERRAL,
  type Panel,
  letterView,
  monthsText,
  panelListView,
  panelAssessment,
  panelOf,
  panelWords,
  referView,
  referralView,
  reviewOverdue,
} from '../../src/web/pages/panel/view-model.ts';

type ReferOptions = Parameters<typeof referView>[0];
type ReferralView = Parameters<typeof referralView>[0];
type Letter = Parameters<typeof letterView>[0];
type List = Parameters<typeof panelListView>[0];

const nel = panelOf('north-east-lincolnshire')!;
const referral = {
  id: 'r1',
  authorityId: 'north-east-lincolnshire',
  childId: 'c1',
  childName: 'Ann Lee',
  status: 'accepted',
  referringService: 'youth_justice',
  harm: 'likely',
  route: 'intervention',
  nextReviewOn: '2026-11-30',
} as const;

describe('panel view model', () => {
  it('takes the ages, the review interval and the clause from the pack', () => {
    assert.deepEqual(panelWords(nel), {
      panelClause: nel.clause,
      panelAges: '12 to 18',
      reviewEvery: '3 months',
    });
    assert.deepEqual(panelWords(undefined), { panelClause: null, panelAges: null, reviewEvery: null });
    assert.equal(panelOf('kent'), undefined);
    const monthly: Panel = {
      ...nel,
      ages: { ...nel.ages, assessmentFrom: 10 },
      reviewMonths: { ...nel.reviewMonths, months: 1 },
    };
    assert.equal(panelWords(monthly).panelAges, '10 to 18');
    assert.equal(panelWords(monthly).reviewEvery, '1 month');
    assert.equal(monthsText(6), '6 months');
  });

  it('finds an accepted case overdue once its next review has passed', () => {
    assert.equal(reviewOverdue({ status: 'accepted', nextReviewOn: '2026-11-30' }, '2026-12-01'), true);
    assert.equal(reviewOverdue({ status: 'accepted', nextReviewOn: '2026-12-01' }, '2026-12-01'), false);
    assert.equal(reviewOverdue({ status: 'accepted', nextReviewOn: null }, '2026-12-01'), false);
    assert.equal(reviewOverdue({ status: 'closed', nextReviewOn: '2026-11-30' }, '2026-12-01'), false);
  });

  it('builds the referral form with the answers chosen', () => {
    const options = {
      child: { id: 'c1', firstName: 'Ann', lastName: 'Lee' },
      pack: { aimPanel: nel },
      kind: 'assessment',
      cannot: null,
      ages: { approaching18: false },
    } as unknown as ReferOptions;
    const view = referView(options, { ...EMPTY_REFERRAL, referringService: 'youth_justice', childConsent: 'no' });
    assert.equal(view.pageTitle, 'Refer to the AIM Pathway Panel: Ann Lee');
    assert.equal(view.backLink, '/children/c1/assessments');
    assert.equal(view.panelAges, '12 to 18');
    // The assessment its lead is trained for, from the pack (R-NEL-11).
    assert.equal(view.panelAssessment, 'AIM3 assessment');
    assert.equal(panelAssessment({ ...nel, lead: { ...nel.lead, training: 'brook_traffic_light' } }), 'assessment');
    assert.equal(panelAssessment(undefined), 'assessment');
    assert.deepEqual(
      view.serviceItems.map((item) => [item.value, item.checked]),
      [
        ['childrens_services', false],
        ['youth_justice', true],
      ],
    );
    assert.deepEqual(view.childConsentItems, [
      { value: 'yes', text: 'Yes', checked: false },
      { value: 'no', text: 'No', checked: true },
    ]);
    assert.equal(
      view.harmItems.some((item) => item.checked),
      false,
    );
  });

  it("marks the practitioners trained as the pack's lead must be, and words the review from the pack", () => {
    const view = {
      referral,
      chair: true,
      today: '2026-12-01',
      routes: ['assessment_and_intervention', 'intervention'],
      practitioners: [
        { id: 'u1', name: 'Sam', trainings: ['aim3'] },
        { id: 'u2', name: 'Kim', trainings: ['aim2'] },
      ],
    } as unknown as ReferralView;
    const shown = referralView(view, nel, { ...EMPTY_DECISION, route: 'intervention', coWorkerId: 'u2' });
    assert.equal(shown.pageTitle, 'AIM Pathway Panel: Ann Lee');
    assert.equal(shown.backLink, '/children/c1/assessments');
    assert.equal(shown.reviewOverdue, true);
    assert.equal(
      shown.overdueWarning,
      'The review was due by 30 November 2026: the panel reviews at least every 3 months.',
    );
    assert.equal(shown.nextReviewHint, 'Within 3 months of this review. Leave blank for 3 months.');
    assert.deepEqual(shown.leadItems, [
      { value: '', text: 'Select a person' },
      { value: 'u1', text: 'Sam (AIM3 trained)', selected: false },
      { value: 'u2', text: 'Kim', selected: false },
    ]);
    assert.deepEqual(shown.coItems, [
      { value: '', text: 'Select a person' },
      { value: 'u1', text: 'Sam', selected: false },
      { value: 'u2', text: 'Kim', selected: true },
    ]);
    assert.deepEqual(
      shown.routeItems.map((item) => item.checked),
      [false, true],
    );
    assert.equal(shown.serviceText, 'Youth Justice Service');
    assert.match(shown.harmText, /^Is assessed as likely/);
    assert.equal(shown.routeText, 'Intervention without an assessment (approaching 18)');
    assert.deepEqual(shown.decision, { ...EMPTY_DECISION, route: 'intervention', coWorkerId: 'u2' });
    assert.deepEqual(referralView(view, nel).decision, EMPTY_DECISION);
    const twoMonthly: Panel = { ...nel, reviewMonths: { ...nel.reviewMonths, months: 2 } };
    assert.equal(
      referralView(view, twoMonthly).nextReviewHint,
      'Within 2 months of this review. Leave blank for 2 months.',
    );
  });

  it('words the closure letter and the chair’s list', () => {
    const letter = letterView({ referral, child: { firstName: 'Ann' } } as unknown as Letter, nel);
    assert.equal(letter.pageTitle, 'AIM Pathway Panel closure letter: Ann Lee');
    assert.equal(letter.backLink, '/panel-referrals/r1');
    assert.equal(letter.serviceText, 'Youth Justice Service');
    assert.equal(letter.panelClause, nel.clause);
    const list = panelListView(
      {
        referrals: [referral, { ...referral, status: 'awaiting', route: null }],
        today: '2026-12-01',
      } as unknown as List,
      nel,
    );
    assert.equal(list.reviewEvery, '3 months');
    assert.deepEqual(
      list.referrals.map((row) => [row.overdue, row.routeText]),
      [
        [true, 'Intervention without an assessment (approaching 18)'],
        [false, null],
      ],
    );
  });
});
