import type { Locator, Page } from 'playwright-core';

// A referral form as a referrer would fill it in (issue 15): their details once; for each child,
// their own family's answers: the parents told, consent not asked and why, the immediate safety
// steps and what is asked. Fictional contact details.
export const REFERRER = {
  referrerName: 'Test referrer',
  referrerRole: 'Designated safeguarding lead, Test School',
  referrerPhone: '01632 960 000',
  referrerEmail: 'referrer@school.example',
} as const;

/** One child's family answers. */
export const FAMILY = {
  parentsTold: 'yes',
  parentsNotToldReason: '',
  parentsConsent: 'not_asked',
  consentReason: 'Asking could put the younger child at risk.',
  safetySteps: 'The children are kept apart at school and supervised at break times.',
  request: 'An assessment of the child who harmed, and support for the child harmed.',
} as const;

export type FamilyAnswers = { [K in keyof typeof FAMILY]: string };

/** The whole form as one child would have it: the referrer and FAMILY. */
export const REFERRAL_FORM = { ...REFERRER, ...FAMILY } as const;

/**
 * The referral form's body as posted: the referrer (REFERRER, with `referrer`'s changes), and each
 * child's family answers in that child's fields (`parentsTold-<id>`): FAMILY with that child's changes.
 */
export function referralBody(
  families: readonly string[] | Readonly<Record<string, Partial<FamilyAnswers>>>,
  referrer: Partial<Record<keyof typeof REFERRER, string>> = {},
): Record<string, string> {
  const byChild: Readonly<Record<string, Partial<FamilyAnswers>>> = Array.isArray(families)
    ? Object.fromEntries(families.map((id: string) => [id, {}]))
    : (families as Readonly<Record<string, Partial<FamilyAnswers>>>);
  const body: Record<string, string> = { ...REFERRER, ...referrer };
  for (const [childId, answers] of Object.entries(byChild))
    for (const [field, value] of Object.entries({ ...FAMILY, ...answers })) body[`${field}-${childId}`] = value;
  return body;
}

/** Answers one child's section of the form in a browser as FAMILY, with `changes`. */
export async function fillFamilySection(section: Locator, changes: Partial<FamilyAnswers> = {}): Promise<void> {
  const answers = { ...FAMILY, ...changes };
  await section
    .getByRole('group', { name: /parents or carers been told about the referral\?$/ })
    .getByLabel(answers.parentsTold === 'yes' ? 'Yes' : 'No', { exact: true })
    .check();
  if (answers.parentsTold === 'no')
    await section.getByLabel('If they were not told, why not?').fill(answers.parentsNotToldReason);
  await section
    .getByRole('group', { name: /parents or carers consent to the referral\?$/ })
    .getByLabel(
      { yes: 'Yes, they consent', no: 'No, they do not consent', not_asked: 'They were not asked' }[
        answers.parentsConsent as 'yes' | 'no' | 'not_asked'
      ],
    )
    .check();
  if (answers.parentsConsent !== 'yes')
    await section.getByLabel('If they do not consent, or were not asked, why not?').fill(answers.consentReason);
  await section.getByLabel('What immediate steps have been taken to keep the children safe?').fill(answers.safetySteps);
  await section.getByLabel(/What are you asking .+ to do\?/).fill(answers.request);
}

/** Each child's section of the referral form, in the order of the page. */
export function familySections(page: Page): Locator {
  return page.getByRole('group', { name: /\((child who harmed|child harmed)\)$/ });
}

/**
 * Fills the referral form in a browser as REFERRER and, in each child's section, FAMILY, then
 * makes the referral(s). Works with JavaScript on or off.
 */
export async function fillReferralForm(page: Page): Promise<void> {
  await page.getByRole('heading', { name: /^Refer .+ to / }).waitFor();
  await page.getByLabel('Your name').fill(REFERRER.referrerName);
  await page.getByLabel('Your role and organisation').fill(REFERRER.referrerRole);
  await page.getByLabel('Phone number').fill(REFERRER.referrerPhone);
  await page.getByLabel('Email address').fill(REFERRER.referrerEmail);
  const sections = familySections(page);
  const count = await sections.count();
  for (let i = 0; i < count; i++) await fillFamilySection(sections.nth(i));
  await page.getByRole('button', { name: /^Make the referrals?$/ }).click();
}
