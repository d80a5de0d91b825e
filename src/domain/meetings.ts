// Multi-agency meetings as decision support: who to invite and why (R-KEN-6, R-KEN-8, R-ISL-5),
// who chairs (R-ISL-5; R-KEN-6 across authorities), what stops a meeting being closed (R-KEN-6:
// the immediate safety plan for both children; the under-10 police question), and the tasks each
// child's outcome sets, with working-day deadlines from the day the meeting was held (R-KEN-7,
// R-ISL-7, R-X-3). Pure functions over the pack; the services store and audit the results.
import {
  OUTCOMES,
  type OutcomeDefinition,
  type OutcomeField,
  type OutcomeId,
  type OutcomeTimescale,
} from './meeting-outcomes.ts';
import type { MeetingType, Pack } from './pack.ts';
import { type RuleContext, holds } from './screening.ts';
import type { WorkingDayCalendar } from './working-days.ts';
import { tooLong } from './text-limits.ts';

export interface ProposedInvitee {
  inviteeId: string;
  label: string;
  reason: string;
  clause: string;
  requirement: string;
  /** Proposed by the procedure for this case; otherwise listed for the convener to decide. */
  proposed: boolean;
  /** Why a conditional invitee is or is not proposed. */
  because: string | null;
  mode: 'invite' | 'inform';
  /** Left out only in exceptional circumstances, with the reasons minuted (R-KEN-13): the clause, else null. */
  exceptional: string | null;
}

export function meetingType(pack: Pack, id: string): MeetingType | undefined {
  return pack.meetings.find((meeting) => meeting.id === id);
}

/** The invitees a meeting type proposes for this case: by role, and by the facts (R-KEN-6, R-KEN-8, R-ISL-5). */
export function proposeInvitees(
  type: MeetingType,
  ctx: RuleContext,
  because: (condition: NonNullable<MeetingType['invitees'][number]['when']>) => string,
): ProposedInvitee[] {
  return type.invitees.map((inv) => {
    const proposed = inv.when ? holds(inv.when, ctx) : true;
    const inform = inv.informWhen ? holds(inv.informWhen, ctx) : false;
    const reasonFor = inv.when ? because(inv.when) : null;
    return {
      inviteeId: inv.id,
      label: inv.label,
      reason: inv.reason,
      clause: inv.clause,
      requirement: inv.requirement,
      proposed,
      because: inv.when
        ? proposed
          ? `Proposed: ${reasonFor}.`
          : `Not proposed: it is not recorded that ${reasonFor}.`
        : inform && inv.informWhen
          ? `Informed, not invited: the child who harmed is ${because(inv.informWhen)}.`
          : null,
      mode: inform ? 'inform' : 'invite',
      exceptional: inv.onlyExceptionallyExcluded?.clause ?? null,
    };
  });
}

export interface MeetingChild {
  childId: string;
  role: 'displayed' | 'targeted';
  responsibleAuthorityId: string;
}

export interface ChairRule {
  chairAuthorityId: string;
  /** Every authority responsible for a child at the meeting: each must be represented (R-KEN-6). */
  authorities: string[];
  crossAuthority: boolean;
  text: string;
  clause: string;
  requirement: string;
}

/**
 * Who chairs. Within one authority, the pack's rule (islington's coordinator, R-ISL-5). When the
 * children are the responsibility of different authorities, each is represented and the authority
 * of the child harmed convenes and chairs (R-KEN-6, kent §8).
 */
export function chairRule(
  type: MeetingType,
  conveningAuthorityId: string,
  children: MeetingChild[],
  authorityName: (id: string) => string,
): ChairRule {
  const authorities = [...new Set([conveningAuthorityId, ...children.map((child) => child.responsibleAuthorityId)])];
  const victimAuthorities = [
    ...new Set(children.filter((child) => child.role === 'targeted').map((child) => child.responsibleAuthorityId)),
  ];
  const crossAuthority = authorities.length > 1;
  if (crossAuthority && type.crossAuthority) {
    const chairAuthorityId = victimAuthorities[0] ?? conveningAuthorityId;
    return {
      chairAuthorityId,
      authorities,
      crossAuthority,
      text:
        `The children are the responsibility of different authorities ` +
        `(${authorities.map(authorityName).join(' and ')}): each must be represented, and ` +
        `${authorityName(chairAuthorityId)}, where the child harmed lives, chairs. ` +
        `${type.chair.text}`,
      clause: type.crossAuthority.clause,
      requirement: type.crossAuthority.requirement,
    };
  }
  return {
    chairAuthorityId: conveningAuthorityId,
    authorities,
    crossAuthority,
    text: type.chair.text,
    clause: type.chair.clause,
    requirement: type.chair.requirement,
  };
}

export interface MeetingState {
  heldOn: string | null;
  minutesApproved: boolean;
  policeQuestionNeeded: boolean;
  policeInvolvement: string | null;
  /** `planAgreed`: for a meeting that agrees the child who harmed's plan, whether that child's plan is agreed (R-KEN-13). */
  children: { name: string; safetyPlan: string; hasOutcome: boolean; planAgreed?: boolean }[];
}

/** What must be done before the meeting can be closed (R-KEN-6, R-KEN-7, R-KEN-13). */
export function closeProblems(type: MeetingType, meeting: MeetingState): string[] {
  const problems: string[] = [];
  if (!meeting.heldOn) problems.push('Record the date the meeting was held');
  if (meeting.policeQuestionNeeded && !meeting.policeInvolvement)
    problems.push('Record whether police involvement in the enquiry is needed (the child who harmed is under 10)');
  if (type.safetyPlan) {
    for (const child of meeting.children)
      if (!child.safetyPlan.trim()) problems.push(`Record the immediate safety plan for ${child.name}`);
  }
  if (type.agreesPlan) {
    for (const child of meeting.children)
      if (child.planAgreed === false)
        problems.push(
          `Agree the final version of the plan for ${child.name}: each matter it must address addressed, or the reason it is not`,
        );
  }
  for (const child of meeting.children) if (!child.hasOutcome) problems.push(`Record the outcome for ${child.name}`);
  if (!meeting.minutesApproved) problems.push('The chair must approve the minutes');
  return problems;
}

export interface OutcomeInput {
  outcome: string;
  rationale: string;
  reasons?: string;
  informer?: string;
  leadAgency?: string;
  investigation?: string;
  timescale?: string;
  alsoHarmed?: string;
}

export interface OutcomeProblem {
  field: string;
  message: string;
}

const FIELD_MESSAGES: Record<OutcomeField, string> = {
  reasons: 'Enter why no further action is needed',
  informer: 'Enter who will tell the child and family',
  leadAgency: 'Enter the lead agency',
  investigation: 'Select whether the enquiry is single or joint with the police',
  timescale: 'Enter the number of working days until the follow-up meeting',
};

/** Short names for error messages, and the longest answer each takes (the form's character counts show the same). */
const SHORT_NAMES: Record<'reasons' | 'informer' | 'leadAgency', string> = {
  reasons: 'Reasons for no further action',
  informer: 'Who will tell the child and family',
  leadAgency: 'Lead agency',
};
export const OUTCOME_LIMITS = { rationale: 5000, reasons: 2000, informer: 2000, leadAgency: 2000 } as const;

/** Checks a child's outcome against what the chosen outcome needs, in GOV.UK wording. */
export function outcomeProblems(
  pack: Pack,
  type: MeetingType,
  role: 'displayed' | 'targeted',
  input: OutcomeInput,
): OutcomeProblem[] {
  const followUpMaximum = pack.outcomeTimescales.followUpMaximum.workingDays;
  const problems: OutcomeProblem[] = [];
  const id = type.outcomes.find((outcome) => outcome === input.outcome);
  if (!id) problems.push({ field: 'outcome', message: 'Select the outcome for this child' });
  if (!input.rationale.trim()) problems.push({ field: 'rationale', message: 'Enter the reasons for the decision' });
  else if (input.rationale.length > OUTCOME_LIMITS.rationale)
    problems.push({ field: 'rationale', message: tooLong('Reasons for the decision', OUTCOME_LIMITS.rationale) });
  if (id) {
    for (const field of OUTCOMES[id].fields as readonly OutcomeField[]) {
      const answer = (input[field] ?? '').trim();
      if (field === 'investigation') {
        if (answer !== 'single' && answer !== 'joint') problems.push({ field, message: FIELD_MESSAGES[field] });
      } else if (field === 'timescale') {
        if (!/^\d{1,2}$/.test(answer) || Number(answer) < 1 || Number(answer) > followUpMaximum)
          problems.push({ field, message: `${FIELD_MESSAGES[field]}, from 1 to ${followUpMaximum}` });
      } else if (!answer) problems.push({ field, message: FIELD_MESSAGES[field] });
      else if (answer.length > OUTCOME_LIMITS[field])
        problems.push({ field, message: tooLong(SHORT_NAMES[field], OUTCOME_LIMITS[field]) });
    }
  }
  if (type.alsoHarmedPrompt && role === 'displayed' && input.alsoHarmed !== 'yes' && input.alsoHarmed !== 'no') {
    problems.push({ field: 'alsoHarmed', message: 'Select yes if the child who harmed may also have been harmed' });
  }
  return problems;
}

export interface TaskDraft {
  stepId: string;
  title: string;
  detail: string;
  kind: 'do' | 'consider';
  ownerRole: string;
  dueOn: string | null;
  dueRule: string;
  clause: string;
  requirement: string;
  arranges: string | null;
}

/** The outcome's clause, and the clause of the pack's timescale when it cites another (R-X-3). */
function withTimescale(clause: string, pack: Pack, timescale: OutcomeTimescale): string {
  const cited = pack.outcomeTimescales[timescale].clause;
  return clause.split(';').some((part) => part.trim() === cited) ? clause : `${clause}; ${cited}`;
}

/** The tasks a child's outcome sets, due in working days from the day the meeting was held (R-KEN-7, R-ISL-7, R-X-3). */
export function outcomeTasks(
  pack: Pack,
  type: MeetingType,
  outcomeId: OutcomeId,
  input: OutcomeInput,
  heldOn: string,
  calendar: WorkingDayCalendar,
  role: 'displayed' | 'targeted',
): TaskDraft[] {
  const def: OutcomeDefinition = OUTCOMES[outcomeId];
  const { clause, requirement } = type.outcomesCited;
  const drafts: TaskDraft[] = def.tasks.map((task, i) => {
    let dueOn: string | null = null;
    let dueRule = 'No set timescale';
    if (task.due === 'entered') {
      const days = Number(input.timescale);
      dueOn = calendar.addWorkingDays(heldOn, days);
      dueRule = `Within ${days} working day${days === 1 ? '' : 's'} of the meeting, as the meeting set`;
    } else if (task.due) {
      const days = pack.outcomeTimescales[task.due.timescale].workingDays;
      dueOn = calendar.addWorkingDays(heldOn, days);
      dueRule =
        days === 0
          ? `The same day as ${task.due.after}`
          : `Within ${days} working day${days === 1 ? '' : 's'} of ${task.due.after}`;
    }
    const detail =
      outcomeId === 'section-47' && input.investigation
        ? `${task.detail} ${input.investigation === 'joint' ? 'Joint enquiry with the police.' : 'Single enquiry by children’s social care.'}`
        : task.detail;
    const arranges = task.arranges
      ? meetingType(pack, task.arranges)
        ? task.arranges
        : task.arranges === 'follow-up-strategy'
          ? type.id
          : null
      : null;
    return {
      stepId: `outcome-${outcomeId}-${i + 1}`,
      title: task.title,
      detail,
      kind: task.kind ?? 'do',
      ownerRole: task.owner,
      dueOn,
      dueRule,
      clause: task.due && task.due !== 'entered' ? withTimescale(clause, pack, task.due.timescale) : clause,
      requirement,
      arranges,
    };
  });
  // Kent §9: the child who harmed may also be a victim: consider a child protection conference (R-KEN-7).
  if (
    type.alsoHarmedPrompt &&
    role === 'displayed' &&
    input.alsoHarmed === 'yes' &&
    outcomeId !== 'child-protection-conference' &&
    outcomeId !== 'child-protection-plan'
  ) {
    drafts.push({
      stepId: 'outcome-also-harmed',
      title: 'Consider a child protection conference for the child who harmed',
      detail:
        'The child who harmed may also be a victim, or potential victim, of harm including neglect: ' +
        'consider whether a child protection conference is needed for them too.',
      kind: 'consider',
      ownerRole: 'team_manager',
      dueOn: null,
      dueRule: 'No set timescale',
      clause: type.alsoHarmedPrompt.clause,
      requirement: type.alsoHarmedPrompt.requirement,
      arranges: meetingType(pack, 'child-protection-conference') ? 'child-protection-conference' : null,
    });
  }
  return drafts;
}
