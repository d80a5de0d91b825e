// The home page of a person who works with cases (issue 11): what is overdue and due soon, the
// referrals waiting, the meetings coming up, their unfinished recording forms and the recent
// changes on their cases. Only children they may see (R-X-7): every list is filtered by the
// need-to-know rule in SQL, a meeting names a child only to those who may see that child's part
// (R-X-1), and each item is offered only when the action model lets them act on it. A few queries
// for the whole page, and one audit event naming the children shown.
import { londonToday } from '../domain/age.ts';
import { REPRESENTING_ROLES, type Relation, may } from '../domain/actions.ts';
import { CASE_ROLES } from '../domain/roles.ts';
import { getPack } from '../procedures/index.ts';
import * as assessments from '../repositories/assessments.ts';
import * as incidents from '../repositories/incidents.ts';
import * as panel from '../repositories/panel-referrals.ts';
import * as tasks from '../repositories/tasks.ts';
import * as work from '../repositories/work.ts';
import { basesFor, subjectOf } from './access.ts';
import { loadCalendar } from './calendar-service.ts';
import type { Actor, Db } from './actor.ts';
import { requireRole } from './context.ts';
import { auditView } from './audited-change.ts';
import { taskRelations } from './task-service.ts';

/** "Due soon": on or before this many working days from today. */
export const DUE_SOON_WORKING_DAYS = 5;
/** Recent changes: those made in the last this many days. */
export const RECENT_CHANGE_DAYS = 14;
/** The most tasks the page lists (My tasks lists them all). */
export const HOME_TASKS_SHOWN = 50;

export interface HomeMeeting {
  id: string;
  typeLabel: string;
  dueOn: string | null;
  heldOn: string | null;
  minutesApproved: boolean;
  chairName: string;
  isChair: boolean;
  /** When it meets, where scheduled (issue 15). */
  schedule: { meetsOn: string; startsAt: string; endsAt: string } | null;
  /** Each child by name, or by their part only when this person may not see them (R-X-1). */
  children: { childId: string; name: string; masked: boolean }[];
  can: { record: boolean; approve: boolean; close: boolean };
}

export interface HomeData {
  userId: string;
  today: string;
  soonUntil: string;
  tasks: tasks.Task[];
  moreTasks: boolean;
  referrals: (work.WaitingReferral & { canDecide: boolean })[];
  toScreen: work.IncidentToScreen[];
  meetings: HomeMeeting[];
  assessments: assessments.Assessment[];
  panel: { referral: panel.PanelReferral; due: 'decision' | 'review' }[];
  drafts: { id: string; occurredAt: Date | null; updatedAt: Date }[];
  changes: work.RecentChange[];
}

const MASKED = {
  displayed: 'Another child (the child who harmed)',
  targeted: 'Another child (a child harmed)',
} as const;

export async function myWork(db: Db, actor: Actor): Promise<HomeData> {
  await requireRole(db, actor, CASE_ROLES, 'home.work');
  const user = actor.user;
  const today = londonToday();
  const representing = user.roles.some((role) => REPRESENTING_ROLES.includes(role));
  const chairsPanel = user.roles.includes('panel_chair') && Boolean(getPack(user.authorityId)?.aimPanel);
  const since = new Date(Date.now() - RECENT_CHANGE_DAYS * 86_400_000);
  const [calendar, fetchedTasks, referrals, toScreen, meetings, assessing, panelCases, drafts, changes] =
    await Promise.all([
      loadCalendar(db, user.authorityId),
      tasks.tasksForUser(db, user, HOME_TASKS_SHOWN + 1),
      work.waitingReferrals(
        db,
        user,
        user.teams.map((membership) => membership.teamId),
      ),
      work.incidentsToScreen(db, user),
      work.upcomingMeetings(db, user, representing),
      assessments.assessmentsForAssessor(db, user.id, user.authorityId),
      chairsPanel ? panel.openPanelReferrals(db, user.authorityId) : Promise.resolve([]),
      incidents.listDrafts(db, user.id),
      work.recentChanges(db, user, since),
    ]);
  const childIds = [
    ...fetchedTasks.map((task) => task.childId),
    ...referrals.map((referral) => referral.childId),
    ...toScreen.map((incident) => incident.childId),
    ...meetings.flatMap((meeting) => meeting.children.map((child) => child.childId)),
    ...panelCases.map((panelCase) => panelCase.childId),
  ];
  const sight = await basesFor(db, actor, childIds);
  const bases = (childId: string) => sight.get(childId) ?? [];

  // A task given to them, or one their role owes that they may take on or do (not through a read grant).
  const taskList = fetchedTasks.slice(0, HOME_TASKS_SHOWN).filter((task) => {
    const subject = subjectOf(actor, bases(task.childId), taskRelations(user, task));
    return task.assignedTo === user.id || may('task.assign', subject).allowed || may('task.complete', subject).allowed;
  });

  const meetingList: HomeMeeting[] = [];
  for (const meeting of meetings) {
    const own = user.authorityId;
    const represents = (child: work.UpcomingMeeting['children'][number]) =>
      own !== meeting.authorityId && (child.responsibleAuthorityId === own || child.childAuthorityId === own);
    const isChair = meeting.chairId === user.id;
    const base: Relation[] = [
      ...(isChair ? (['chair'] as const) : []),
      ...(meeting.invited ? (['invitee'] as const) : []),
    ];
    const representsAny =
      own !== meeting.authorityId && (meeting.chairAuthorityId === own || meeting.children.some(represents));
    const subject = subjectOf(
      actor,
      [...new Set(meeting.children.flatMap((child) => bases(child.childId)))],
      [...base, ...(representsAny ? (['representing'] as const) : [])],
    );
    if (!may('meeting.view', subject).allowed) continue;
    const children = meeting.children.map((child) => {
      const seen = may(
        'meeting.view_child',
        subjectOf(actor, bases(child.childId), [...base, ...(represents(child) ? (['representing'] as const) : [])]),
      ).allowed;
      return { childId: child.childId, name: seen ? child.name : MASKED[child.role], masked: !seen };
    });
    meetingList.push({
      id: meeting.id,
      typeLabel: meeting.typeLabel,
      dueOn: meeting.dueOn,
      heldOn: meeting.heldOn,
      minutesApproved: meeting.minutesApproved,
      chairName: meeting.chairName,
      isChair,
      schedule: meeting.schedule,
      children,
      can: {
        record: !meeting.minutesApproved && may('meeting.record', subject).allowed,
        approve: meeting.heldOn !== null && !meeting.minutesApproved && may('meeting.approve', subject).allowed,
        close: meeting.minutesApproved && may('meeting.close', subject).allowed,
      },
    });
  }

  const referralList = referrals.map((referral) => ({
    ...referral,
    canDecide: may('referral.decide', subjectOf(actor, bases(referral.childId))).allowed,
  }));
  const screenList = toScreen.filter(
    (incident) =>
      may(
        incident.suggestedScreeningId ? 'screening.decide' : 'screening.suggest',
        subjectOf(actor, bases(incident.childId)),
      ).allowed,
  );
  const panelList = panelCases.flatMap((panelCase): HomeData['panel'] => {
    const subject = subjectOf(actor, bases(panelCase.childId));
    if (panelCase.status === 'awaiting' && may('panel.decide', subject).allowed)
      return [{ referral: panelCase, due: 'decision' }];
    if (panelCase.status === 'accepted' && panelCase.nextReviewOn && may('panel.review', subject).allowed)
      return [{ referral: panelCase, due: 'review' }];
    return [];
  });
  const assessmentList = assessing.filter((assessment) => assessment.status === 'in_progress');

  const shown = new Set([
    ...taskList.map((task) => task.childId),
    ...referralList.map((referral) => referral.childId),
    ...screenList.map((incident) => incident.childId),
    ...meetingList.flatMap((meeting) =>
      meeting.children.filter((child) => !child.masked).map((child) => child.childId),
    ),
    ...assessmentList.map((assessment) => assessment.childId),
    ...panelList.map((panelItem) => panelItem.referral.childId),
    ...changes.map((change) => change.childId),
  ]);
  await auditView(db, actor, {
    action: 'home.work',
    entityType: 'user',
    entityId: user.id,
    details: {
      shown: [...shown],
      tasks: taskList.length,
      referrals: referralList.length,
      meetings: meetingList.length,
      assessments: assessmentList.length,
      panel: panelList.length,
      drafts: drafts.length,
      changes: changes.length,
    },
  });
  return {
    userId: user.id,
    today,
    soonUntil: calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS),
    tasks: taskList,
    moreTasks: fetchedTasks.length > HOME_TASKS_SHOWN,
    referrals: referralList,
    toScreen: screenList,
    meetings: meetingList,
    assessments: assessmentList,
    panel: panelList,
    drafts: drafts.map((draft) => ({ id: draft.id, occurredAt: draft.occurred_at, updatedAt: draft.updated_at })),
    changes,
  };
}

// The chronology's kinds in words, for the home page's recent changes (no page imports a repository: issue 12, item 5).
export { CHRONOLOGY_KINDS, type ChronologyKind } from '../repositories/chronology.ts';
