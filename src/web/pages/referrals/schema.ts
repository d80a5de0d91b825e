// What the referral's screening form posts, typed by a page schema (web/page-schema.ts). It checks
// no rule: the referral service says what is missing (R-NYO-8, R-KEN-2, R-NEL-6).
import { field, pageSchema } from '../../page-schema.ts';

export const decisionForm = pageSchema({ version: field.version(), outcome: field.text(), rationale: field.text() });

/** The referral form as typed: the service checks every answer at once (issue 15). */
export const referralForm = pageSchema({
  referrerName: field.text(),
  referrerRole: field.text(),
  referrerPhone: field.text(),
  referrerEmail: field.text(),
  parentsTold: field.text(),
  parentsNotToldReason: field.text(),
  parentsConsent: field.text(),
  consentReason: field.text(),
  safetySteps: field.text(),
  request: field.text(),
});
