// Step templates for the referral to the front door: the screener's referral, the front door's
// decision within the national timescale (kent §2, thurrock §7, north-east-lincolnshire's referral
// section; islington §3 for the decision), and the referral outcome that asks for a strategy
// discussion. Each pack gives its own words, its own conditions and the clause of its own document;
// the templates add only what is the same in each.
import type { Condition, PackInput } from '../domain/pack.ts';
import { type Cite, withWorkingTogether } from './cite.ts';

type StepInput = PackInput['steps'][number];
type ReferralInput = PackInput['referral'];
type MeetingInput = PackInput['meetings'][number];

/** A step in the pack's own words. */
export type StepWords = { id: string; title: string; detail: string };

/** One working day from receipt to the front door's decision: the national timescale (Working Together 2023). */
const DECISION_WORKING_DAYS = 1;

/** The referral's decision timescale, cited with the pack's clause for the referral and the national framework. */
export function frontDoorDecision(
  cite: Cite,
): Pick<ReferralInput, 'decisionWorkingDays' | 'decisionClause' | 'decisionRequirement'> {
  const national = withWorkingTogether(cite);
  return {
    decisionWorkingDays: DECISION_WORKING_DAYS,
    decisionClause: national.clause,
    decisionRequirement: national.requirement,
  };
}

/**
 * The screener's referral to the front door and the front door's decision on it, due within the
 * national timescale, both when the same condition holds: each completed by the record that does
 * its work (the referral, then its screening decision).
 */
export function referralSteps(when: Condition, cite: Cite, referral: StepWords, decision: StepWords): StepInput[] {
  return [
    {
      id: referral.id,
      completedBy: 'referral',
      title: referral.title,
      detail: referral.detail,
      owner: 'screener',
      when,
      ...cite,
    },
    {
      id: decision.id,
      completedBy: 'referral-decision',
      title: decision.title,
      detail: decision.detail,
      owner: 'front_door',
      due: { workingDays: DECISION_WORKING_DAYS },
      when,
      ...withWorkingTogether(cite),
    },
  ];
}

/**
 * The referral outcome that asks whether the strategy discussion should be held, in the pack's own
 * label, and the task the manager's decision then sets: to hold the pack's meeting of that kind.
 */
export function strategyOutcome(label: string, strategy: MeetingInput, cite: Cite): ReferralInput['outcomes'][number] {
  const meeting = strategy.label.toLowerCase();
  return {
    id: 'strategy',
    label,
    hint: 'When significant harm is suspected.',
    then: {
      title: `Hold a ${meeting}`,
      detail: `The manager decided that a ${meeting} should be held.`,
      owner: 'team_manager',
      meeting: strategy.id,
      ...cite,
    },
  };
}
