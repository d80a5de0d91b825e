// What the referral's screening form posts, typed by a page schema (web/page-schema.ts). It checks
// no rule: the referral service says what is missing (R-NYO-8, R-KEN-2, R-NEL-6).
import { field, pageSchema } from '../../page-schema.ts';

export const decisionForm = pageSchema({ version: field.version(), outcome: field.text(), rationale: field.text() });
