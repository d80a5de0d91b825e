// What the AIM Pathway Panel's forms post, typed by page schemas (web/page-schema.ts): the referral,
// the chair's decision, a review and the closure. They check no rule: an answer not given, or not
// one of the options, is '' and the panel service says what is missing (R-NEL-10..12).
import { ROUTES, type DecisionInput, type PanelReferralInput } from '../../../domain/panel.ts';
import { type PageData, field, pageSchema } from '../../page-schema.ts';

const yesNo = () => field.choice(['yes', 'no']);

export const referralForm = pageSchema({
  referringService: field.choice(['childrens_services', 'youth_justice']),
  assessmentType: field.text(),
  assessmentSummary: field.text(),
  harm: field.choice(['displayed', 'likely']),
  childConsent: yesNo(),
  parentConsent: yesNo(),
  consentExploration: field.text(),
  policeInvestigation: yesNo(),
  chargeLikely: yesNo(),
  denies: yesNo(),
});

export const decisionForm = pageSchema({
  version: field.version(),
  decision: field.choice(['accept', 'decline']),
  reasons: field.text(),
  route: field.choice(Object.keys(ROUTES) as (keyof typeof ROUTES)[]),
  leadId: field.text(),
  coWorkerId: field.text(),
  exceptionalReason: field.text(),
});

export const reviewForm = pageSchema(
  {
    version: field.version(),
    heldOn: field.dateParts(),
    notes: field.text(),
    nextReviewOn: field.dateParts(),
  },
  { dates: ['heldOn', 'nextReviewOn'] },
);

export const closeForm = pageSchema({ version: field.version(), summary: field.text(), furtherWork: field.text() });

/** The decision as the panel service takes it: the form's fields without the version. */
export function decisionInput({ version: _version, ...decision }: PageData<typeof decisionForm>): DecisionInput {
  return decision;
}

/** The referral as the panel service takes it. */
export const referralInput = (data: PageData<typeof referralForm>): PanelReferralInput => data;
