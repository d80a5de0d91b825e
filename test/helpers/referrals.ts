import type { Page } from 'playwright-core';

// A referral form as a referrer would fill it in (issue 15): their details, the parents told,
// consent not asked and why, the immediate safety steps and what is asked. Fictional contact details.
export const REFERRAL_FORM = {
  referrerName: 'Test referrer',
  referrerRole: 'Designated safeguarding lead, Test School',
  referrerPhone: '01632 960 000',
  referrerEmail: 'referrer@school.example',
  parentsTold: 'yes',
  parentsNotToldReason: '',
  parentsConsent: 'not_asked',
  consentReason: 'Asking could put the younger child at risk.',
  safetySteps: 'The children are kept apart at school and supervised at break times.',
  request: 'An assessment of the child who harmed, and support for the child harmed.',
} as const;

/**
 * Fills the referral form in a browser as REFERRAL_FORM (the account's name, role and email kept
 * where given), then makes the referral(s). Works with JavaScript on or off.
 */
export async function fillReferralForm(page: Page): Promise<void> {
  await page.getByRole('heading', { name: /^Refer .+ to / }).waitFor();
  await page.getByLabel('Your name').fill(REFERRAL_FORM.referrerName);
  await page.getByLabel('Your role and organisation').fill(REFERRAL_FORM.referrerRole);
  await page.getByLabel('Phone number').fill(REFERRAL_FORM.referrerPhone);
  await page.getByLabel('Email address').fill(REFERRAL_FORM.referrerEmail);
  await page
    .getByRole('group', { name: 'Have the parents or carers been told about the referral?' })
    .getByLabel('Yes', { exact: true })
    .check();
  await page
    .getByRole('group', { name: 'Do the parents or carers consent to the referral?' })
    .getByLabel('They were not asked')
    .check();
  await page.getByLabel('If they do not consent, or were not asked, why not?').fill(REFERRAL_FORM.consentReason);
  await page
    .getByLabel('What immediate steps have been taken to keep the children safe?')
    .fill(REFERRAL_FORM.safetySteps);
  await page.getByLabel(/What are you asking .+ to do\?/).fill(REFERRAL_FORM.request);
  await page.getByRole('button', { name: /^Make the referrals?$/ }).click();
}
