// How a child's pages read: adding a child, their record (the inactivity flag, open tasks, the
// incidents they are in, who may be allocated or given access), changing their details and their
// chronology, filtered and paged. Pure: the service has already checked the viewer may see the
// record, and says what they may do to it.
import { ACCESS_BASIS_LABELS } from '../../../domain/access.ts';
import { ageOn, londonToday } from '../../../domain/age.ts';
import { pageCount } from '../../../domain/paging.ts';
import { CHILD_ROLE_LABELS, CHILD_ROLES, LOCATION_TYPES, optionText } from '../../../domain/recording-form.ts';
import type { inactivityCutoff } from '../../../services/calendar-service.ts';
import { type closureView, MAX_REASON } from '../../../services/case-closure-service.ts';
import * as childService from '../../../services/child-service.ts';
import { chronologyQuery } from './schema.ts';
import { paths } from '../../paths.ts';
import { taskRow } from '../tasks/view-model.ts';
import { type ChildFormValues, SEX_OPTIONS } from './schema.ts';

const { CHRONOLOGY_KINDS } = childService;
type ChronologyKind = childService.ChronologyKind;

/** A child's record as the service gives it, with what the viewer may do to it. */
export type ChildView = Awaited<ReturnType<typeof childService.viewChild>>;
/** A page of a child's chronology. */
export type ChronologyView = Awaited<ReturnType<typeof childService.viewChronology>>;
/** One entry in a chronology. */
export type ChronologyEntry = ChronologyView['rows'][number];
/** A child's case as closing or reopening it shows it: the child, and what is still open. */
export type ClosureView = Awaited<ReturnType<typeof closureView>>;
/** The number of working days after which an open case is flagged, and the day that falls on. */
export type InactivityCutoff = Awaited<ReturnType<typeof inactivityCutoff>>;

export const CHRONOLOGY_PAGE_SIZE = 25;

export function sexItems() {
  return SEX_OPTIONS.map((option) => ({ value: option.value, text: option.text }));
}

const roleOptions = () => CHILD_ROLES.map((childRole) => ({ value: childRole, text: CHILD_ROLE_LABELS[childRole] }));

/** A child's part in an incident, when it is one of the parts. */
export function childRole(value: string | undefined): string {
  return value && (CHILD_ROLES as readonly string[]).includes(value) ? value : '';
}

/** Adding a child: to one of the person's teams, or to the incident being recorded with their part in it. */
export function newChildModel(options: {
  values: Partial<ChildFormValues>;
  teams: readonly { teamId: string }[];
  teamId: string;
  incidentId: string | undefined;
  role: string;
}) {
  return {
    pageTitle: 'Add a child',
    values: options.values,
    sexOptions: sexItems(),
    teams: options.teams,
    teamId: options.teamId,
    incidentId: options.incidentId,
    role: options.role,
    roleOptions: roleOptions(),
    backLink: options.incidentId ? paths.incidents.children(options.incidentId) : paths.cases(),
  };
}

/** The child's record page. */
export function childRecordModel(
  view: ChildView,
  options: {
    today: string;
    cutoff: InactivityCutoff;
    allocation: Awaited<ReturnType<typeof childService.allocationOptions>> | null;
    grantUsers: Awaited<ReturnType<typeof childService.grantCandidates>> | null;
  },
) {
  const { child, can } = view;
  const { today, cutoff } = options;
  const lastActivity = londonToday(child.lastActivityAt);
  return {
    pageTitle: `${child.firstName} ${child.lastName}`,
    // R-THU-7: an open case with no recorded activity for the set number of working days.
    inactivity: child.status === 'open' && lastActivity < cutoff.since ? { days: cutoff.days, lastActivity } : null,
    decisions: view.decisions,
    // R-ISL-9: what the record must show at the child's level, and what it does not yet.
    recordShows: view.recordShows && {
      items: view.recordShows,
      missing: view.recordShows.filter((item) => !item.shown).length,
      clause: view.recordShows[0]?.clause ?? '',
    },
    openTasks: view.openTasks.map((task) => taskRow(task, today)),
    child,
    age: ageOn(child.dateOfBirth, today),
    basis: ACCESS_BASIS_LABELS[view.basis],
    sex: SEX_OPTIONS.find((option) => option.value === child.sex)?.text ?? child.sex,
    incidents: view.incidents.map((incident) => ({
      ...incident,
      roleText: CHILD_ROLE_LABELS[incident.role],
      location: optionText(LOCATION_TYPES, incident.locationType),
      others: incident.others.map((other) => ({ ...other, roleText: CHILD_ROLE_LABELS[other.role] })),
    })),
    grants: view.grants,
    canEdit: can['child.update'],
    canClose: child.status === 'open' ? can['child.close'] : can['child.reopen'],
    allocation: options.allocation,
    grantUsers: options.grantUsers,
    grantValues: {},
  };
}

/**
 * Changing the child's details, with the values shown: as saved (the record, named in the title),
 * or as typed (only the record's id is at hand).
 */
export function editModel(
  child: { id: string; firstName?: string; lastName?: string },
  values: ChildFormValues,
  version: number,
) {
  return {
    pageTitle: child.firstName ? `Change ${child.firstName} ${child.lastName}’s details` : 'Change the child’s details',
    child,
    values,
    version,
    sexOptions: sexItems(),
    backLink: paths.children.show(child.id),
  };
}

/**
 * Where a chronology entry leads: the record it is about, else the incident behind it. A document's
 * entries lead to it in the child's documents (`childId`), where a removed one says why it went.
 */
export function chronologyLink(entry: ChronologyEntry, childId?: string): { href: string; text: string } | null {
  if (entry.record) {
    const to: Record<NonNullable<ChronologyEntry['record']>['type'], [string, string] | null> = {
      meeting: [paths.meetings.show(entry.record.id), 'View the meeting'],
      referral: [paths.referrals.show(entry.record.id), 'View the referral'],
      assessment: [paths.assessments.show(entry.record.id), 'View the assessment'],
      panel_referral: [paths.panel.show(entry.record.id), 'View the panel referral'],
      screening: [paths.screening.show(entry.record.id), 'View the screening'],
      task: [paths.tasks.show(entry.record.id), 'View the task'],
      plan: [paths.plans.show(entry.record.id), 'View the plan'],
      case_note: [paths.notes.show(entry.record.id), 'View the note'],
      document: childId
        ? [`${paths.children.documents(childId)}#document-${entry.record.id}`, 'View the document']
        : null,
      // Police, prosecution and triage decisions are listed on the child's meetings page.
      external_decision: null,
    };
    const hit = to[entry.record.type];
    if (hit) return { href: hit[0], text: hit[1] };
  }
  return entry.incidentId ? { href: paths.incidents.show(entry.incidentId), text: 'View the incident' } : null;
}

export interface ChronologyFilter {
  kinds: ChronologyKind[];
  from: string | undefined;
  to: string | undefined;
  page: number;
}

/** The chronology's filter from its query string: known kinds only, dates as YYYY-MM-DD, a page from 1 to 10,000. */
export function chronologyFilter(query: unknown): ChronologyFilter {
  const asked = chronologyQuery.read(query);
  const kinds = asked.kind.filter((kind): kind is ChronologyKind => kind in CHRONOLOGY_KINDS);
  const dateOk = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  return {
    kinds,
    from: dateOk(asked.from),
    to: dateOk(asked.to),
    page: Math.max(1, Math.min(10_000, Number(asked.page) || 1)),
  };
}

/** A page of the chronology: each entry with its kind in words and its link, the filter, and the pages around. */
export function chronologyModel(id: string, result: ChronologyView, filter: ChronologyFilter) {
  const { kinds, from, to, page } = filter;
  const pages = pageCount(result.total, CHRONOLOGY_PAGE_SIZE);
  const href = (pageNumber: number) => {
    const params = new URLSearchParams();
    for (const kind of kinds) params.append('kind', kind);
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    params.set('page', String(pageNumber));
    return `${paths.children.chronology(id)}?${params.toString()}`;
  };
  return {
    pageTitle: `Chronology: ${result.child.firstName} ${result.child.lastName}`,
    child: result.child,
    rows: result.rows.map((entry) => ({
      ...entry,
      kindText: CHRONOLOGY_KINDS[entry.kind],
      link: chronologyLink(entry, id),
    })),
    total: result.total,
    kindOptions: Object.entries(CHRONOLOGY_KINDS).map(([value, text]) => ({
      value,
      text,
      checked: kinds.includes(value as ChronologyKind),
    })),
    filter: { from, to },
    pagination: {
      previous: page > 1 ? { href: href(page - 1) } : undefined,
      next: page < pages ? { href: href(page + 1) } : undefined,
    },
    page,
    pages,
    backLink: paths.children.show(id),
  };
}

/** Closing an open case (what is still open, listed) or reopening a closed one, with the reasons empty. */
export function closureModel(id: string, view: ClosureView) {
  const { child, blockers } = view;
  const name = `${child.firstName} ${child.lastName}`;
  return {
    pageTitle: child.status === 'open' ? `Close ${name}’s case` : `Reopen ${name}’s case`,
    child,
    name,
    blockers,
    values: { reason: '' },
    maxReason: MAX_REASON,
    backLink: paths.children.show(id),
  };
}
