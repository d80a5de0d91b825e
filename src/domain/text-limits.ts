// GOV.UK's message when free text is longer than its limit, naming the field by its short name:
// 'Description of the behaviour must be 10,000 characters or fewer'.
export function tooLong(name: string, max: number): string {
  return `${name} must be ${max.toLocaleString('en-GB')} characters or fewer`;
}

/**
 * The longest text some forms' boxes take, used by their checks and by the pages' character counts
 * (a template global, `textLimits`), so the two cannot differ.
 */
export const TEXT_LIMITS = {
  screeningRationale: 5000,
  referralRationale: 5000,
  referralDetails: 4000,
  referralReason: 2000,
  grantReason: 2000,
  appropriateAdultReason: 2000,
  assessmentText: 4000,
  panelText: 4000,
  correctionReason: 2000,
} as const;
