// Two children, two workers (R-X-1, R-KEN-6, kent §8): the child who harmed and the child harmed
// never share an allocated worker, even when they live in the same household, so that each is
// supported through the enquiry and each has their needs assessed on their own. Also the team a new
// child's record belongs to and the allocation form's other choices, every problem at once.
import type { FormProblem } from './form-problem.ts';
import { formatDate } from './london-time.ts';

/** A child on the other side of an incident: this child displayed and they were targeted, or the reverse. */
export interface OtherSide {
  otherWorkerId: string | null;
  otherWorkerName: string | null;
  /** This child's part in the incident. */
  thisRole: 'displayed' | 'targeted';
  occurredAt: Date | null;
}

export function sameWorkerProblem(workerId: string | null, others: readonly OtherSide[]): string | null {
  if (!workerId) return null;
  const clash = others.find((side) => side.otherWorkerId === workerId);
  if (!clash) return null;
  const other = clash.thisRole === 'displayed' ? 'the child harmed' : 'the child who harmed';
  const when = clash.occurredAt ? ` in the incident on ${formatDate(clash.occurredAt)}` : '';
  return (
    `Select a different worker: ${clash.otherWorkerName ?? 'this worker'} is allocated to ` +
    `${other}${when}. Each child needs their own worker, even in the same household`
  );
}

/** Where a new child's record belongs: one of the recorder's own teams, or (recorded in an incident) theirs until allocated. */
export function newChildTeamProblems(
  input: { teamId: string | null; incidentId?: string | undefined },
  facts: { myTeamIds: readonly string[] },
): FormProblem[] {
  if (input.teamId && !facts.myTeamIds.includes(input.teamId))
    return [{ field: 'teamId', message: 'Select one of your teams' }];
  if (!input.teamId && !input.incidentId)
    return [{ field: 'teamId', message: 'Select the team responsible for this child' }];
  return [];
}

/** An allocation as the form gives it: a worker, a team and a Youth Justice worker alongside, each optional. */
export interface AllocationInput {
  workerId: string | null;
  teamId: string | null;
  youthJusticeWorkerId?: string | null | undefined;
}

/** Whom the authority offers, and the workers of the children on the other side of this child's incidents. */
export interface AllocationFacts {
  workerIds: readonly string[];
  teamIds: readonly string[];
  youthJusticeWorkerIds: readonly string[];
  otherSide: readonly OtherSide[];
}

/** Every choice from the lists offered, and never the other child's worker (R-KEN-6, R-X-1). */
export function allocationProblems(input: AllocationInput, facts: AllocationFacts): FormProblem[] {
  const problems: FormProblem[] = [];
  if (input.workerId && !facts.workerIds.includes(input.workerId))
    problems.push({ field: 'workerId', message: 'Select a worker from the list' });
  if (input.teamId && !facts.teamIds.includes(input.teamId))
    problems.push({ field: 'teamId', message: 'Select a team from the list' });
  if (input.youthJusticeWorkerId && !facts.youthJusticeWorkerIds.includes(input.youthJusticeWorkerId))
    problems.push({ field: 'youthJusticeWorkerId', message: 'Select a Youth Justice worker from the list' });
  const clash = sameWorkerProblem(input.workerId, facts.otherSide);
  if (clash) problems.push({ field: 'workerId', message: clash });
  return problems;
}
