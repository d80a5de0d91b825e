// Decisions other agencies make, recorded on the child's record as external decisions: the police
// and the Crown Prosecution Service decide on criminal proceedings, informed by Youth Justice's
// recommendations (R-KEN-9, kent §11); Out of Court Triage decides on diversion under the local
// Diversion Policy (R-NEL-7). The application records them; it does not make them.

export const EXTERNAL_AGENCIES = {
  police: 'Police',
  cps: 'Crown Prosecution Service',
  out_of_court_triage: 'Out of Court Triage',
} as const;
export type ExternalAgency = keyof typeof EXTERNAL_AGENCIES;

export const EXTERNAL_DECISIONS: Record<ExternalAgency, Record<string, string>> = {
  police: {
    investigating: 'Investigation under way',
    'no-further-action': 'No further action',
    'refer-out-of-court': 'Referred to Out of Court Triage',
    'refer-yjs-diversion': 'Referred to the Youth Justice Service for diversion',
    'refer-cps': 'File passed to the Crown Prosecution Service',
    'sexual-risk-order': 'Sexual Risk Order sought',
  },
  cps: {
    'no-prosecution': 'No prosecution',
    'out-of-court': 'Out-of-court disposal',
    charge: 'Charge',
  },
  out_of_court_triage: {
    'no-further-action': 'No further action',
    diversion: 'Diversion (Youth Justice Service)',
    'community-resolution': 'Community resolution',
    'youth-caution': 'Youth caution',
    'youth-conditional-caution': 'Youth conditional caution',
  },
};

export function isExternalAgency(value: string): value is ExternalAgency {
  return value in EXTERNAL_AGENCIES;
}
