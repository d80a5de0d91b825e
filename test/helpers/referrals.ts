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
