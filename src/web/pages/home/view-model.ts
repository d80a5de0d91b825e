// How the home page reads (issue 11): each item with the child's name, the date in words, a tag
// when it is overdue, due today or due soon, and one link to act. Pure: the service has already
// kept to the children this person may see and the work they may do.
import { ASSESSMENT_MODELS, STAGES, nextStage } from '../../../domain/assessments.ts';
import { datesInWords, formatDate, formatDateTime } from '../../../domain/london-time.ts';
import { CHRONOLOGY_KINDS, type ChronologyKind } from '../../../repositories/chronology.ts';
import type { HomeData, HomeMeeting } from '../../../services/home-service.ts';
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

function referralFrom(r: HomeData['referrals'][number]): string {
  const from = r.madeByViewer ? 'You made this referral' : `From ${r.createdByName}`;
  const to = r.receivingTeamName ? `, to ${r.receivingTeamName}` : '';
  return `${from}${to}, received ${formatDate(r.receivedAt)}`;
}

function meetingAction(m: HomeMeeting): { text: string; href: string; state: string } | null {
  if (m.can.close)
    return {
      text: `Close the ${lower(m.typeLabel)}`,
      href: paths.meetings.show(m.id),
      state: 'Minutes approved: to close',
    };
  if (m.can.approve)
    return {
      text: `Approve the minutes of the ${lower(m.typeLabel)}`,
      href: paths.meetings.show(m.id),
      state: 'Minutes to approve',
    };
  if (m.can.record)
    return {
      text: `Record the minutes of the ${lower(m.typeLabel)}`,
      href: paths.meetings.minutes(m.id),
      state: m.heldOn ? 'Minutes started' : 'Minutes to record',
    };
  return null;
}

function meetingState(m: HomeMeeting): string {
  if (m.minutesApproved) return 'Minutes approved';
  if (m.heldOn) return 'Minutes waiting for the chair’s approval';
  return 'Minutes not yet recorded';
}

function lower(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

export function homeView(d: HomeData) {
  const state = (dueOn: string | null) => dueState(dueOn, d.today, d.soonUntil);
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
    ...d.tasks.map((t) =>
      item({
        text: t.title,
        href: paths.tasks.show(t.id),
        childName: t.childName,
        detail:
          t.assignedTo === d.userId
            ? 'Assigned to you'
            : t.assignedToName
              ? `Assigned to ${t.assignedToName}`
              : 'Not yet assigned: for your role',
        dueOn: t.dueOn,
      }),
    ),
    ...d.meetings.flatMap((m) => {
      const a = meetingAction(m);
      return a
        ? [
            item({
              text: a.text,
              href: a.href,
              childName: names(m.children.map((c) => c.name)),
              detail: a.state,
              dueOn: m.dueOn,
            }),
          ]
        : [];
    }),
    ...d.panel.map((p) =>
      p.due === 'decision'
        ? item({
            text: 'Decide on the referral to the panel',
            href: paths.panel.show(p.referral.id),
            childName: p.referral.childName,
            detail: `Referred by ${p.referral.referredByName}`,
            dueOn: null,
          })
        : item({
            text: 'Hold the panel review',
            href: paths.panel.show(p.referral.id),
            childName: p.referral.childName,
            detail: 'A review at least every 3 months',
            dueOn: p.referral.nextReviewOn,
          }),
    ),
    ...d.referrals
      .filter((r) => r.canDecide)
      .map((r) =>
        item({
          text: 'Screen the referral',
          href: paths.referrals.show(r.id),
          childName: r.childName,
          detail: referralFrom(r),
          dueOn: r.dueOn,
          dueWord: 'Decision due by',
        }),
      ),
    ...d.toScreen.map((s) =>
      s.suggestedScreeningId
        ? item({
            text: 'Decide the level of concern',
            href: paths.screening.show(s.suggestedScreeningId),
            childName: s.childName,
            detail: `The incident ${s.occurredAt ? `on ${formatDate(s.occurredAt)}` : 'you recorded'}`,
            dueOn: null,
          })
        : item({
            text: 'Screen the incident',
            href: paths.screening.start(s.incidentId, s.childId),
            childName: s.childName,
            detail: `The incident ${s.occurredAt ? `on ${formatDate(s.occurredAt)}` : 'you recorded'}`,
            dueOn: null,
          }),
    ),
    ...d.assessments.map((a) => {
      const n = nextStage(a.mode, a.stages);
      const next = n === null ? 'the outcome, report and sharing' : STAGES.find((s) => s.n === n)!.label;
      return item({
        text: `Continue the ${ASSESSMENT_MODELS[a.model].label}`,
        href: paths.assessments.show(a.id),
        childName: a.childName,
        detail: `Next: ${next}`,
        dueOn: null,
      });
    }),
  ].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));

  const soon = todo.filter((i) => i.dueOn !== null && i.dueOn <= d.soonUntil);
  const later = todo.filter((i) => !(i.dueOn !== null && i.dueOn <= d.soonUntil));

  const referrals: WorkItem[] = d.referrals.map((r) => {
    const s = state(r.dueOn);
    return {
      text: r.canDecide ? 'Screen the referral' : 'See the referral',
      href: paths.referrals.show(r.id),
      childName: r.childName,
      detail: referralFrom(r),
      dueOn: r.dueOn,
      dueText: `Decision due by ${formatDate(r.dueOn)}`,
      status: s === 'later' || s === 'none' ? { text: 'Waiting for a decision', tag: null } : STATUS[s],
    };
  });

  const meetings = d.meetings.map((m) => ({
    text: m.typeLabel,
    href: paths.meetings.show(m.id),
    childName: names(m.children.map((c) => c.name)),
    detail: `Chaired by ${m.isChair ? 'you' : m.chairName}`,
    dueOn: m.dueOn,
    dueText: m.heldOn ? `Held on ${formatDate(m.heldOn)}` : dueText(m.dueOn, 'To be held by'),
    status: !m.heldOn && state(m.dueOn) === 'overdue' ? STATUS.overdue : { text: meetingState(m), tag: null },
  }));

  const drafts = d.drafts.map((x) => ({
    text: x.occurredAt
      ? `Recording form for an incident on ${formatDate(x.occurredAt)}`
      : 'Recording form, not yet dated',
    href: paths.incidents.check(x.id),
    detail: `Last saved ${formatDateTime(x.updatedAt)}`,
  }));

  const changes = d.changes.map((c) => ({
    childName: c.childName,
    href: paths.children.chronology(c.childId),
    summary: datesInWords(c.summary),
    by: `${CHRONOLOGY_KINDS[c.kind as ChronologyKind] ?? c.kind}, recorded by ${c.recordedByName} on ${formatDateTime(c.recordedAt)}`,
  }));

  return {
    soon,
    later,
    overdueCount:
      todo.filter((i) => i.status.text === 'Overdue').length +
      referrals.filter((r) => r.status.text === 'Overdue').length,
    moreTasks: d.moreTasks,
    referrals,
    meetings,
    drafts,
    changes,
    soonUntilText: formatDate(d.soonUntil),
  };
}
