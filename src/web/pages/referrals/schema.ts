// What the referral's screening form posts, typed by a page schema (web/page-schema.ts). It checks
// no rule: the referral service says what is missing (R-NYO-8, R-KEN-2, R-NEL-6).
import { FAMILY_FIELDS } from '../../../domain/referrals.ts';
import { field, pageSchema } from '../../page-schema.ts';

export const decisionForm = pageSchema({ version: field.version(), outcome: field.text(), rationale: field.text() });

/**
 * The referral form as typed: the referrer once, and each child's own family answers in fields
 * named by the answer and the child's id (`parentsTold-<id>`). The service checks every answer at
 * once (issue 15).
 */
export const referralForm = pageSchema(
  {
    referrerName: field.text(),
    referrerRole: field.text(),
    referrerPhone: field.text(),
    referrerEmail: field.text(),
    parentsTold: field.prefixed(),
    parentsNotToldReason: field.prefixed(),
    parentsConsent: field.prefixed(),
    consentReason: field.prefixed(),
    safetySteps: field.prefixed(),
    request: field.prefixed(),
  },
  { prefixes: Object.fromEntries(FAMILY_FIELDS.map((name) => [name, `${name}-`])) },
);
