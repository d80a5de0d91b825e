// The AIM assessor rules in words (R-X-5, R-NYO-9, R-NYO-10, R-NYO-12). North Yorkshire's guidance
// sets them out (§7, Appendix 2); a pack gives only the rules it applies, each with its clause: its
// own document's section, or a labelled local setting where its document does not say.
import type { PackInput } from '../domain/pack.ts';
import { type Cite, localSetting } from './cite.ts';

type AssessorRulesInput = NonNullable<PackInput['assessorRules']>;

export const ASSESSOR_RULE_TEXT = {
  trainedLead: 'Assessments are co-worked by two assessors, and only a practitioner trained in the model leads.',
  assessorConflicts:
    'The social worker of the child harmed is not involved in the assessment; an assessor who was ' +
    'the appropriate adult at the young person’s police interview may be unsuitable, and why they ' +
    'are still suitable is recorded.',
  denial:
    'A young person likely to be prosecuted who denies the offence is not interviewed without a ' +
    'legal representative’s explicit agreement, and the same care applies to the family; without ' +
    'interviews the assessment is a Stage One paperwork assessment, likely to give a limited ' +
    'outcome.',
} as const;

/** The assessor rules a pack applies, each with its clause. */
export function assessorRules(cites: Partial<Record<keyof typeof ASSESSOR_RULE_TEXT, Cite>>): AssessorRulesInput {
  const rules: AssessorRulesInput = {};
  for (const key of Object.keys(ASSESSOR_RULE_TEXT) as (keyof typeof ASSESSOR_RULE_TEXT)[]) {
    const cite = cites[key];
    if (cite) rules[key] = { text: ASSESSOR_RULE_TEXT[key], ...cite };
  }
  return rules;
}

/**
 * The assessor rules of a pack whose document says only who leads the assessment: the rules on
 * conflicts and on denial are kept as that authority's local settings.
 */
export function leadRuleWithLocalSettings(packId: string, trainedLead: Cite): AssessorRulesInput {
  return assessorRules({
    trainedLead,
    assessorConflicts: localSetting(packId, 'R-NYO-12'),
    denial: localSetting(packId, 'R-NYO-10'),
  });
}
