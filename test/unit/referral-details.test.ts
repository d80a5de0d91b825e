// What a referral carries for the receiving team (issue 15): the referrer and a way to reach them;
// the parents or carers told and why not, consent and why not (R-X-6, R-NYO-16); the immediate
// safety steps (R-NYO-2); the ask. Pure checks, every problem at once; the chronology's line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  REFERRAL_DETAIL_LIMITS,
  type ReferralDetailsInput,
  readReferralDetails,
  referralDetailsSummary,
} from '../../src/domain/referrals.ts';

const GIVEN: ReferralDetailsInput = {
  referrerName: ' Sam Referrer ',
  referrerRole: 'DSL, a school',
  referrerPhone: '',
  referrerEmail: 'sam@school.example',
  parentsTold: 'yes',
  parentsNotToldReason: 'left over',
  parentsConsent: 'yes',
  consentReason: 'left over',
  safetySteps: 'Kept apart.',
  request: 'An assessment.',
};

describe('the referral’s details (issue 15)', () => {
  it('are stored trimmed, with the reasons only for the answers that need them', () => {
    const { problems, details } = readReferralDetails(GIVEN);
    assert.deepEqual(problems, []);
    assert.deepEqual(details, {
      referrerName: 'Sam Referrer',
      referrerRole: 'DSL, a school',
      referrerPhone: null,
      referrerEmail: 'sam@school.example',
      parentsTold: true,
      parentsNotToldReason: null,
      parentsConsent: 'yes',
      consentReason: null,
      safetySteps: 'Kept apart.',
      request: 'An assessment.',
    });
  });

  it('need a phone number or an email address, each in the correct format', () => {
    const none = readReferralDetails({ ...GIVEN, referrerEmail: ' ' });
    assert.deepEqual(none.problems, [
      {
        field: 'referrerPhone',
        message: 'Enter a phone number or an email address, so the receiving team can contact you',
      },
    ]);
    assert.equal(
      readReferralDetails({ ...GIVEN, referrerEmail: '', referrerPhone: '+44 (0)1632 960000' }).problems.length,
      0,
    );
    assert.deepEqual(
      readReferralDetails({ ...GIVEN, referrerPhone: '12345', referrerEmail: 'sam@' }).problems.map((p) => p.field),
      ['referrerPhone', 'referrerEmail'],
    );
  });

  it('ask why the parents were not told, and why there is no consent or it was not asked (R-X-6, R-NYO-16)', () => {
    assert.deepEqual(
      readReferralDetails({
        ...GIVEN,
        parentsTold: 'no',
        parentsNotToldReason: '',
        parentsConsent: 'no',
        consentReason: '',
      }).problems,
      [
        { field: 'parentsNotToldReason', message: 'Enter why the parents or carers were not told' },
        {
          field: 'consentReason',
          message: 'Enter why the parents or carers do not consent, and why you are referring without it',
        },
      ],
    );
    const notAsked = readReferralDetails({
      ...GIVEN,
      parentsConsent: 'not_asked',
      consentReason: 'Risk to the child.',
    });
    assert.equal(notAsked.details?.consentReason, 'Risk to the child.');
    assert.equal(notAsked.details?.parentsNotToldReason, null);
  });

  it('list every missing answer at once, in the form’s order, and refuse text over its limit (R-NYO-2)', () => {
    const empty = Object.fromEntries(Object.keys(GIVEN).map((key) => [key, ''])) as unknown as ReferralDetailsInput;
    assert.deepEqual(
      readReferralDetails(empty).problems.map((p) => p.field),
      ['referrerName', 'referrerRole', 'referrerPhone', 'parentsTold', 'parentsConsent', 'safetySteps', 'request'],
    );
    assert.deepEqual(
      readReferralDetails({ ...GIVEN, safetySteps: 'x'.repeat(REFERRAL_DETAIL_LIMITS.details + 1) }).problems,
      [{ field: 'safetySteps', message: 'The immediate safety steps must be 4,000 characters or fewer' }],
    );
  });

  it('read in the chronology without the phone number or email address', () => {
    const { details } = readReferralDetails({ ...GIVEN, referrerPhone: '01632 960 000', request: 'y'.repeat(400) });
    const line = referralDetailsSummary(details!);
    assert.match(
      line,
      /^Referred by Sam Referrer, DSL, a school\. Parents or carers told: yes\. Consent: yes, they consent\. Asked for: y+…$/,
    );
    assert.doesNotMatch(line, /01632|@/);
  });
});
