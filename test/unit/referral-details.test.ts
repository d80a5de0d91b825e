// What a referral carries for the receiving team (issue 15): the referrer and a way to reach them,
// asked once; for each child referred, their own family's answers: the parents or carers told and
// why not, consent and why not (R-X-6, R-NYO-16); the immediate safety steps (R-NYO-2); the ask.
// Pure checks, every problem at once in the order of the page, each child's problems naming the
// child and linking to that child's fields; each referral only its own child's answers; the
// chronology's line, naming no one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FAMILY_FIELDS,
  type FamilyAnswersInput,
  REFERRAL_DETAIL_LIMITS,
  type ReferralFormInput,
  type ReferredChild,
  familyFieldId,
  readReferralForm,
  referralDetailsSummary,
} from '../../src/domain/referrals.ts';

const MIA_ID = '00000000-0000-4000-8000-00000000000a';
const TOBY_ID = '00000000-0000-4000-8000-00000000000b';
const TOBY: ReferredChild = { childId: TOBY_ID, role: 'displayed', firstName: 'Toby' };
const MIA: ReferredChild = { childId: MIA_ID, role: 'targeted', firstName: 'Mia' };

const REFERRER = {
  referrerName: ' Sam Referrer ',
  referrerRole: 'DSL, a school',
  referrerPhone: '',
  referrerEmail: 'sam@school.example',
};

const TOBY_FAMILY: FamilyAnswersInput = {
  parentsTold: 'yes',
  parentsNotToldReason: 'left over',
  parentsConsent: 'yes',
  consentReason: 'left over',
  safetySteps: 'Kept apart.',
  request: 'An assessment.',
};

const MIA_FAMILY: FamilyAnswersInput = {
  parentsTold: 'no',
  parentsNotToldReason: 'Her father is away; her mother is told tomorrow.',
  parentsConsent: 'not_asked',
  consentReason: 'Not yet told.',
  safetySteps: 'A named adult at school.',
  request: 'Support for her family.',
};

const EMPTY_FAMILY = Object.fromEntries(FAMILY_FIELDS.map((field) => [field, ''])) as FamilyAnswersInput;

/** The form as posted: the referrer, and each child's family answers by the child's id. */
function form(
  referrer: Partial<typeof REFERRER>,
  families: Record<string, Partial<FamilyAnswersInput>>,
): ReferralFormInput {
  const byField = (field: (typeof FAMILY_FIELDS)[number]) =>
    Object.fromEntries(Object.entries(families).map(([id, answers]) => [id, answers[field] ?? '']));
  return {
    ...REFERRER,
    ...referrer,
    parentsTold: byField('parentsTold'),
    parentsNotToldReason: byField('parentsNotToldReason'),
    parentsConsent: byField('parentsConsent'),
    consentReason: byField('consentReason'),
    safetySteps: byField('safetySteps'),
    request: byField('request'),
  };
}

const fields = (result: ReturnType<typeof readReferralForm>) => result.problems.map((problem) => problem.field);

describe('the referral’s details (issue 15)', () => {
  it('give each child’s referral the referrer once and that child’s own answers, trimmed, with the reasons only where needed', () => {
    const result = readReferralForm(form({}, { [TOBY_ID]: TOBY_FAMILY, [MIA_ID]: MIA_FAMILY }), [TOBY, MIA]);
    assert.deepEqual(result.problems, []);
    const referrer = {
      referrerName: 'Sam Referrer',
      referrerRole: 'DSL, a school',
      referrerPhone: null,
      referrerEmail: 'sam@school.example',
    };
    assert.deepEqual(result.referrals, [
      {
        childId: TOBY_ID,
        details: {
          ...referrer,
          parentsTold: true,
          parentsNotToldReason: null,
          parentsConsent: 'yes',
          consentReason: null,
          safetySteps: 'Kept apart.',
          request: 'An assessment.',
        },
      },
      {
        childId: MIA_ID,
        details: {
          ...referrer,
          parentsTold: false,
          parentsNotToldReason: 'Her father is away; her mother is told tomorrow.',
          parentsConsent: 'not_asked',
          consentReason: 'Not yet told.',
          safetySteps: 'A named adult at school.',
          request: 'Support for her family.',
        },
      },
    ]);
  });

  it('read only the children being referred: an answer sent for another child goes nowhere', () => {
    const result = readReferralForm(form({}, { [TOBY_ID]: TOBY_FAMILY, [MIA_ID]: MIA_FAMILY }), [TOBY]);
    assert.deepEqual(
      result.referrals?.map((referral) => referral.childId),
      [TOBY_ID],
    );
    assert.doesNotMatch(JSON.stringify(result), /named adult|Support for her family|father is away/);
  });

  it('need a phone number or an email address, each in the correct format', () => {
    const none = readReferralForm(form({ referrerEmail: ' ' }, { [TOBY_ID]: TOBY_FAMILY }), [TOBY]);
    assert.deepEqual(none.problems, [
      {
        field: 'referrerPhone',
        message: 'Enter a phone number or an email address, so the receiving team can contact you',
      },
    ]);
    assert.equal(
      readReferralForm(form({ referrerEmail: '', referrerPhone: '+44 (0)1632 960000' }, { [TOBY_ID]: TOBY_FAMILY }), [
        TOBY,
      ]).problems.length,
      0,
    );
    assert.deepEqual(
      fields(
        readReferralForm(form({ referrerPhone: '12345', referrerEmail: 'sam@' }, { [TOBY_ID]: TOBY_FAMILY }), [TOBY]),
      ),
      ['referrerPhone', 'referrerEmail'],
    );
  });

  it('ask why a child’s parents were not told, and why there is no consent or it was not asked, naming the child (R-X-6, R-NYO-16)', () => {
    const result = readReferralForm(
      form(
        {},
        {
          [TOBY_ID]: TOBY_FAMILY,
          [MIA_ID]: { ...MIA_FAMILY, parentsNotToldReason: '', parentsConsent: 'no', consentReason: ' ' },
        },
      ),
      [TOBY, MIA],
    );
    assert.deepEqual(result.problems, [
      { field: `parentsNotToldReason-${MIA_ID}`, message: 'Enter why Mia’s parents or carers were not told' },
      {
        field: `consentReason-${MIA_ID}`,
        message: 'Enter why Mia’s parents or carers do not consent, and why you are referring without it',
      },
    ]);
    const notAsked = readReferralForm(
      form({}, { [TOBY_ID]: { ...TOBY_FAMILY, parentsConsent: 'not_asked', consentReason: '' } }),
      [TOBY],
    );
    assert.deepEqual(notAsked.problems, [
      {
        field: `consentReason-${TOBY_ID}`,
        message: 'Enter why Toby’s parents or carers were not asked for consent',
      },
    ]);
  });

  it('list every missing answer at once, in the order of the page: the referrer, then each child’s section', () => {
    const result = readReferralForm(
      form({ referrerName: '', referrerRole: '', referrerEmail: '' }, { [TOBY_ID]: EMPTY_FAMILY }),
      [TOBY, MIA],
    );
    assert.equal(result.referrals, null);
    const perChild = (childId: string) =>
      (['parentsTold', 'parentsConsent', 'safetySteps', 'request'] as const).map((field) =>
        familyFieldId(field, childId),
      );
    assert.deepEqual(fields(result), [
      'referrerName',
      'referrerRole',
      'referrerPhone',
      ...perChild(TOBY_ID),
      ...perChild(MIA_ID),
    ]);
    assert.deepEqual(
      result.problems.filter((problem) => problem.field.endsWith(MIA_ID)).map((problem) => problem.message),
      [
        'Select yes if Mia’s parents or carers were told about the referral',
        'Select whether Mia’s parents or carers consent to the referral',
        'Enter the immediate steps taken to keep the children safe, in Mia’s referral',
        'Enter what you are asking the receiving team to do, in Mia’s referral',
      ],
    );
  });

  it('name a child whose record the referrer may not see by role only', () => {
    const hidden: ReferredChild = { ...MIA, firstName: null };
    const result = readReferralForm(form({}, { [TOBY_ID]: TOBY_FAMILY }), [TOBY, hidden]);
    assert.equal(
      result.problems[0]?.message,
      'Select yes if the child harmed’s parents or carers were told about the referral',
    );
    assert.doesNotMatch(JSON.stringify(result.problems), /Mia/);
  });

  it('refuse text over its limit, naming the child (R-NYO-2)', () => {
    assert.deepEqual(
      readReferralForm(
        form({}, { [TOBY_ID]: { ...TOBY_FAMILY, safetySteps: 'x'.repeat(REFERRAL_DETAIL_LIMITS.details + 1) } }),
        [TOBY],
      ).problems,
      [
        {
          field: `safetySteps-${TOBY_ID}`,
          message: 'The immediate safety steps in Toby’s referral must be 4,000 characters or fewer',
        },
      ],
    );
  });

  it('read in the chronology by the referrer’s role, never their name, phone number or email address', () => {
    const { referrals } = readReferralForm(
      form({ referrerPhone: '01632 960 000' }, { [TOBY_ID]: { ...TOBY_FAMILY, request: 'y'.repeat(400) } }),
      [TOBY],
    );
    const line = referralDetailsSummary(referrals![0]!.details);
    assert.match(
      line,
      /^Referrer’s role: DSL, a school\. Parents or carers told: yes\. Consent: yes, they consent\. Asked for: y+…$/,
    );
    assert.doesNotMatch(line, /Sam|Referrer,|01632|@/);
  });
});
