// Two children, two workers (R-X-1, R-KEN-6, kent §8): the child who harmed and the child harmed
// never share an allocated worker, even when they live in the same household, so that each is
// supported through the enquiry and each has their needs assessed on their own.
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
  return `Select a different worker: ${clash.otherWorkerName ?? 'this worker'} is allocated to ${other}${when}. Each child needs their own worker, even in the same household`;
}
