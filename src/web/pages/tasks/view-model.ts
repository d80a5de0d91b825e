// How a task reads in a list: its owner, deadline with the rule behind it, and whether it is overdue.
import { ROLE_LABELS, type Role } from '../../../domain/roles.ts';
import type { Task } from '../../../repositories/tasks.ts';
import { isOverdue } from '../../../services/task-service.ts';

export function ownerText(ownerRole: string): string {
  return ownerRole === 'screener' ? 'The person who screened the incident' : (ROLE_LABELS[ownerRole as Role] ?? ownerRole);
}

export function taskRow(t: Task, today: string) {
  const overdue = isOverdue(t, today);
  return {
    ...t,
    ownerText: ownerText(t.ownerRole),
    overdue,
    statusText: t.status === 'done' ? 'Done' : t.status === 'superseded' ? 'No longer needed' : overdue ? 'Overdue' : t.kind === 'consider' ? 'To consider' : 'To do',
    statusClass: t.status === 'done' ? 'govuk-tag--green' : t.status === 'superseded' ? 'govuk-tag--grey' : overdue ? 'govuk-tag--red' : 'govuk-tag--blue',
  };
}
