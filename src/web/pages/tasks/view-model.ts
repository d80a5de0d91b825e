// How a task reads in a list: its owner, deadline with the rule behind it, and whether it is overdue.
import { ROLE_LABELS, type Role } from '../../../domain/roles.ts';
import type { Task } from '../../../services/task-service.ts';
import { DONE_BY, isOverdue } from '../../../services/task-service.ts';
import type { CompletingRecord } from '../../../domain/pack.ts';
import { paths } from '../../paths.ts';

/** Where the record that did a task's work is, to link to it. */
export function recordHref(type: CompletingRecord, id: string, childId: string): string {
  switch (type) {
    case 'referral':
    case 'referral-decision':
      return paths.referrals.show(id);
    case 'assessment':
      return paths.assessments.show(id);
    case 'panel-referral':
      return paths.panel.show(id);
    case 'allocation':
      return paths.children.show(childId);
    case 'plan':
    case 'plan-review':
      return paths.plans.show(id);
  }
}

export function ownerText(ownerRole: string): string {
  return ownerRole === 'screener'
    ? 'The person who screened the incident'
    : (ROLE_LABELS[ownerRole as Role] ?? ownerRole);
}

/** "a team manager", "an AIM practitioner", "the person who screened the incident". */
export function ownerWithArticle(ownerRole: string): string {
  if (ownerRole === 'screener') return 'the person who screened the incident';
  const label = ownerText(ownerRole);
  const lower = /^(AIM|CSE)/.test(label) ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  return `${/^[aeiouAEIO]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

export function taskRow(task: Task, today: string) {
  const overdue = isOverdue(task, today);
  return {
    ...task,
    ownerText: ownerText(task.ownerRole),
    ownerArticle: ownerWithArticle(task.ownerRole),
    fulfilled: task.fulfilledBy
      ? {
          text: DONE_BY[task.fulfilledBy.type],
          href: recordHref(task.fulfilledBy.type, task.fulfilledBy.id, task.childId),
        }
      : null,
    overdue,
    statusText:
      task.status === 'done'
        ? 'Done'
        : task.status === 'superseded'
          ? 'No longer needed'
          : overdue
            ? 'Overdue'
            : task.kind === 'consider'
              ? 'To consider'
              : 'To do',
    statusClass:
      task.status === 'done'
        ? 'govuk-tag--green'
        : task.status === 'superseded'
          ? 'govuk-tag--grey'
          : overdue
            ? 'govuk-tag--red'
            : 'govuk-tag--blue',
  };
}
