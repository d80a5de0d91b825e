// How the home page reads (issue 11): each item with the child's name, the date in words, a tag
// when it is overdue, due today or due soon, and one link to act. Pure: the service has already
// kept to the children this person may see and the work they may do.
import { ASSESSMENT_MODELS, STAGES, nextStage } from '../../../domain/assessments.ts';
import { datesInWords, formatDate, formatDateTime } from '../../../domain/london-time.ts';
import { scheduleText } from '../../../domain/meeting-schedule.ts';
import { monthsText } from '../../../domain/panel.ts';
import { getPack } from '../../../procedures/index.ts';
import {
  CHRONOLOGY_KINDS,
  type ChronologyKind,
  type HomeData,
  type HomeMeeting,
} from '../../../services/home-service.ts';
import { paths } from '../../paths.ts';

export interface WorkItem {
  /** What to do, the text of the one link. */
  text: string;
  href: string;
  /** The child it is about (or several, for a meeting). */
  childName: string;
  /** A line more: the meeting, the assessment, who made the referral. */
  detail: string;
  dueOn: string | null;
  /** "Due by 1 December 2026", "No set date". */
  dueText: string;
  status: { text: string; tag: string | null };
}

export type DueState = 'overdue' | 'today' | 'soon' | 'later' | 'none';

export function dueState(dueOn: string | null, today: string, soonUntil: string): DueState {
  if (!dueOn) return 'none';
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  return dueOn <= soonUntil ? 'soon' : 'later';
}

const STATUS: Record<DueState, { text: string; tag: string | null }> = {
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  today: { text: 'Due today', tag: 'govuk-tag--orange' },
  soon: { text: 'Due soon', tag: 'govuk-tag--yellow' },
  later: { text: 'To do', tag: null },
  none: { text: 'To do', tag: null },
};

function dueText(dueOn: string | null, what = 'Due by'): string {
  return dueOn ? `${what} ${formatDate(dueOn)}` : 'No set date';
}

/** "Ellis Hawthorn", "Ellis Hawthorn and Another child (a child harmed)". */
function names(list: readonly string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** How often the authority's AIM Pathway Panel reviews a case, from its pack (R-NEL-12: 3 months). */
function reviewInterval(authorityId: string): string {
  const panel = getPack(authorityId)?.aimPanel;
  return panel ? `A review at least every ${monthsText(panel.reviewMonths.months)}` : 'A panel review';
}

function referralFrom(referral: HomeData['referrals'][number]): string {
  const from = referral.madeByViewer ? 'You made this referral' : `From ${referral.createdByName}`;
  const to = referral.receivingTeamName ? `, to ${referral.receivingTeamName}` : '';
  return `${from}${to}, received ${formatDate(referral.receivedAt)}`;
}

function meetingAction(meeting: HomeMeeting): { text: string; href: string; state: string } | null {
  if (meeting.can.close)
    return {
      text: `Close the ${lower(meeting.typeLabel)}`,
      href: paths.meetings.show(meeting.id),
      state: 'Minutes approved: to close',
    };
  if (meeting.can.approve)
    return {
      text: `Approve the minutes of the ${lower(meeting.typeLabel)}`,
      href: paths.meetings.show(meeting.id),
      state: 'Minutes to approve',
    };
  if (meeting.can.record)
    return {
      text: `Record the minutes of the ${lower(meeting.typeLabel)}`,
      href: paths.meetings.minutes(meeting.id),
      state: meeting.heldOn ? 'Minutes started' : 'Minutes to record',
    };
  return null;
}

function meetingState(meeting: HomeMeeting): string {
  if (meeting.minutesApproved) return 'Minutes approved';
  if (meeting.heldOn) return 'Minutes waiting for the chair’s approval';
  return 'Minutes not yet recorded';
}

function lower(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

export function homeView(data: HomeData) {
  const state = (dueOn: string | null) => dueState(dueOn, data.today, data.soonUntil);
  const item = (i: Omit<WorkItem, 'dueText' | 'status'> & { dueWord?: string }): WorkItem => ({
    text: i.text,
    href: i.href,
    childName: i.childName,
    detail: i.detail,
    dueOn: i.dueOn,
    dueText: dueText(i.dueOn, i.dueWord),
    status: STATUS[state(i.dueOn)],
  });

  const todo: WorkItem[] = [
    ...data.tasks.map((task) =>
      item({
        text: task.title,
        href: paths.tasks.show(task.id),
        childName: task.childName,
        detail:
          task.assignedTo === data.userId
            ? 'Assigned to you'
            : task.assignedToName
              ? `Assigned to ${task.assignedToName}`
              : 'Not yet assigned: for your role',
        dueOn: task.dueOn,
      }),
    ),
    ...data.meetings.flatMap((meeting) => {
      const action = meetingAction(meeting);
      return action
        ? [
            item({
              text: action.text,
              href: action.href,
              childName: names(meeting.children.map((child) => child.name)),
              detail: action.state,
              dueOn: meeting.dueOn,
            }),
          ]
        : [];
    }),
    ...data.panel.map((panelItem) =>
      panelItem.due === 'decision'
        ? item({
            text: 'Decide on the referral to the panel',
            href: paths.panel.show(panelItem.referral.id),
            childName: panelItem.referral.childName,
            detail: `Referred by ${panelItem.referral.referredByName}`,
            dueOn: null,
          })
        : item({
            text: 'Hold the panel review',
            href: paths.panel.show(panelItem.referral.id),
            childName: panelItem.referral.childName,
            detail: reviewInterval(panelItem.referral.authorityId),
            dueOn: panelItem.referral.nextReviewOn,
          }),
    ),
    ...data.referrals
      .filter((referral) => referral.canDecide)
      .map((referral) =>
        item({
          text: 'Screen the referral',
          href: paths.referrals.show(referral.id),
          childName: referral.childName,
          detail: referralFrom(referral),
          dueOn: referral.dueOn,
          dueWord: 'Decision due by',
        }),
      ),
    ...data.toScreen.map((unscreened) =>
      unscreened.suggestedScreeningId
        ? item({
            text: 'Decide the level of concern',
            href: paths.screening.show(unscreened.suggestedScreeningId),
            childName: unscreened.childName,
            detail: `The incident ${unscreened.occurredAt ? `on ${formatDate(unscreened.occurredAt)}` : 'you recorded'}`,
            dueOn: null,
          })
        : item({
            text: 'Screen the incident',
            href: paths.screening.start(unscreened.incidentId, unscreened.childId),
            childName: unscreened.childName,
            detail: `The incident ${unscreened.occurredAt ? `on ${formatDate(unscreened.occurredAt)}` : 'you recorded'}`,
            dueOn: null,
          }),
    ),
    ...data.assessments.map((assessment) => {
      const nextNumber = nextStage(assessment.mode, assessment.stages);
      const next =
        nextNumber === null ? 'the outcome, report and sharing' : STAGES.find((stage) => stage.n === nextNumber)!.label;
      return item({
        text: `Continue the ${ASSESSMENT_MODELS[assessment.model].label}`,
        href: paths.assessments.show(assessment.id),
        childName: assessment.childName,
        detail: `Next: ${next}`,
        dueOn: null,
      });
    }),
  ].sort((first, second) => (first.dueOn ?? '9999').localeCompare(second.dueOn ?? '9999'));

  const soon = todo.filter((i) => i.dueOn !== null && i.dueOn <= data.soonUntil);
  const later = todo.filter((i) => !(i.dueOn !== null && i.dueOn <= data.soonUntil));

  const referrals: WorkItem[] = data.referrals.map((referral) => {
    const due = state(referral.dueOn);
    return {
      text: referral.canDecide ? 'Screen the referral' : 'See the referral',
      href: paths.referrals.show(referral.id),
      childName: referral.childName,
      detail: referralFrom(referral),
      dueOn: referral.dueOn,
      dueText: `Decision due by ${formatDate(referral.dueOn)}`,
      status: due === 'later' || due === 'none' ? { text: 'Waiting for a decision', tag: null } : STATUS[due],
    };
  });

  const meetings = data.meetings.map((meeting) => ({
    text: meeting.typeLabel,
    href: paths.meetings.show(meeting.id),
    childName: names(meeting.children.map((child) => child.name)),
    detail: `Chaired by ${meeting.isChair ? 'you' : meeting.chairName}`,
    dueOn: meeting.dueOn,
    dueText: meeting.heldOn
      ? `Held on ${formatDate(meeting.heldOn)}`
      : meeting.schedule
        ? `Meets ${scheduleText(meeting.schedule)}`
        : dueText(meeting.dueOn, 'To be held by'),
    status:
      !meeting.heldOn && state(meeting.dueOn) === 'overdue'
        ? STATUS.overdue
        : { text: meetingState(meeting), tag: null },
  }));

  const drafts = data.drafts.map((draft) => ({
    text: draft.occurredAt
      ? `Recording form for an incident on ${formatDate(draft.occurredAt)}`
      : 'Recording form, not yet dated',
    href: paths.incidents.check(draft.id),
    detail: `Last saved ${formatDateTime(draft.updatedAt)}`,
  }));

  const changes = data.changes.map((change) => ({
    childName: change.childName,
    href: paths.children.chronology(change.childId),
    summary: datesInWords(change.summary),
    by: `${CHRONOLOGY_KINDS[change.kind as ChronologyKind] ?? change.kind}, recorded by ${change.recordedByName} on ${formatDateTime(change.recordedAt)}`,
  }));

  return {
    soon,
    later,
    overdueCount:
      todo.filter((i) => i.status.text === 'Overdue').length +
      referrals.filter((referral) => referral.status.text === 'Overdue').length,
    moreTasks: data.moreTasks,
    referrals,
    meetings,
    drafts,
    changes,
    soonUntilText: formatDate(data.soonUntil),
  };
}
