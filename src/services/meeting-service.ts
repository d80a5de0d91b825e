// Multi-agency meetings, arranged from the task routing (or a referral or an earlier meeting's
// outcome) set: invitees proposed from the pack and the facts (R-KEN-6, R-KEN-8, R-ISL-5), the
// chair rule including children from different authorities (R-KEN-6, R-ISL-5), the agenda from the
// pack, attendance, minutes approved by the chair and circulated (R-KEN-13), an immediate safety
// plan for every child (R-KEN-6), and each child's outcome recorded separately, setting the next
// tasks (R-KEN-7, R-ISL-7). Every view and change is audited (R-X-7).
import { formatDate, londonParts } from '../domain/london-time.ts';
import {
  type GuestInput,
  type Now,
  type PartnerInput,
  type Schedule,
  type ScheduleInput,
  addInviteeProblems,
  cancelProblems,
  defaultChair,
  guestProblems,
  guestsGiven,
  isNamedInvitee,
  isTypedPartner,
  moveProblems,
  namedInviteeProblems,
  partnerGiven,
  partnerProblems,
  partnerText,
  placeText,
  removeInviteeProblems,
  scheduleProblems,
  scheduleText,
} from '../domain/meeting-schedule.ts';
import { childAccessBases } from '../domain/access.ts';
import { ROLE_LABELS, type Role } from '../domain/roles.ts';
import { childAccessFactsFor } from '../repositories/access.ts';
import { ageOn, londonToday } from '../domain/age.ts';
import { type ActionId, REPRESENTING_ROLES, may } from '../domain/actions.ts';
import {
  INVESTIGATIONS,
  OUTCOMES,
  OUTCOME_FIELD_LABELS,
  type OutcomeField,
  type OutcomeId,
} from '../domain/meeting-outcomes.ts';
import { type OutcomeInput, chairRule, meetingType, outcomeTasks, proposeInvitees } from '../domain/meetings.ts';
import {
  type AttendeeInput,
  type MinutesInput,
  approveProblems,
  arrangeProblems,
  arrangedChildren,
  attendeeProblems,
  circulateProblems,
  circulatedTo,
  closeMeetingProblems,
  meetingOutcomeProblems,
  minutesHeldOn,
  minutesProblems,
  policeQuestionAsked,
} from '../domain/meeting-rules.ts';
import {
  type MeetingAccess,
  type MeetingChildRole,
  anotherChild,
  decideMeetingAccess,
  shownPart,
} from '../domain/meeting-access.ts';
import { FACTS, type MeetingType } from '../domain/pack.ts';
import { conditionText } from '../domain/pack-text.ts';
import type { RuleContext } from '../domain/screening.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as incidents from '../repositories/incidents.ts';
import * as meetings from '../repositories/meetings.ts';
import * as screenings from '../repositories/screenings.ts';
import * as tasks from '../repositories/tasks.ts';
import { listAuthorities } from '../repositories/authorities.ts';
import { findCaseWorker, listCaseWorkers } from '../repositories/users.ts';
import { loadCalendar } from './calendar-service.ts';
import { authorizeChildRecord, basesFor, notFound, requireAction, sightOf, subjectOf } from './access.ts';
import { type Actor, ConflictError, type Db, NotFoundError, ValidationError, isUuid, requireRole } from './context.ts';
import { CASE_ROLES } from '../domain/roles.ts';
import { packFor } from './screening-service.ts';
import { createTask } from './task-service.ts';
import { planFromMinutes } from './plan-service.ts';
import { type AuditedEvent, auditRecordView, auditView, auditedChange } from './audited-change.ts';
import { citeText, getPack, isAimRequest } from '../procedures/index.ts';
import * as plansRepository from '../repositories/plans.ts';
import { contentsOf, inSentence, unaddressed } from '../domain/plans.ts';

/** The same line in the chronology of every child at the meeting (held, moved, cancelled...). */
async function meetingChronology(
  trx: Db,
  actor: Actor,
  id: string,
  meeting: { incidentId: string; children: readonly { childId: string }[] },
  summary: string,
): Promise<void> {
  for (const meetingChild of meeting.children)
    await addChronologyEntry(trx, {
      childId: meetingChild.childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'meeting',
      summary,
      incidentId: meeting.incidentId,
      record: { type: 'meeting', id },
    });
}

async function authorityNames(db: Db) {
  const list = await listAuthorities(db);
  const names = new Map(list.map((authority) => [authority.id, authority.name]));
  return {
    list: list.map((authority) => ({ id: authority.id, name: authority.name })),
    name: (id: string) => names.get(id) ?? id,
  };
}

/** The facts a meeting's invitee rules depend on: the latest decision for the child who harmed, their age today, AIM requested, looked after. */
async function meetingContext(
  db: Db,
  incidentId: string,
  displayedId: string,
  allChildIds: string[],
): Promise<RuleContext> {
  const child = await children.findChild(db, displayedId);
  if (!child) throw new NotFoundError();
  const decided = (await screenings.screeningsFor(db, incidentId, displayedId)).filter(
    (screening) => screening.status === 'decided',
  );
  const latest = decided.at(-1);
  const age = ageOn(child.dateOfBirth, londonToday());
  const stage = child.developmentalAge !== null && child.developmentalAge < age ? child.developmentalAge : age;
  const childTasks = await tasks.tasksForChild(db, displayedId);
  const others = await Promise.all(allChildIds.map((id) => children.findChild(db, id)));
  return {
    level: latest?.decidedLevel ?? null,
    facts: latest?.facts ?? {},
    age,
    stage,
    approaching18: false,
    sex: child.sex,
    learningDisability: stage < age,
    // A referral for an AIM assessment has been made (kent §13: NELFT; elsewhere the AIM or panel referral) (R-KEN-8).
    aimRequested: childTasks.some((task) => task.status === 'done' && isAimRequest(task.authorityId, task.stepId)),
    lookedAfter: others.some((other) => other?.lookedAfter === true),
  };
}

async function arrangeableTask(db: Db, actor: Actor, taskId: string, action: ActionId) {
  const { record: task, bases } = await authorizeChildRecord(
    db,
    actor,
    taskId,
    action,
    'task',
    (loadedId) => tasks.findTask(db, loadedId),
    { auditAs: action === 'meeting.arrange' ? 'meeting.arrange' : 'meeting.arrange_view' },
  );
  const pack = packFor(task.authorityId);
  const type = task.arranges ? meetingType(pack, task.arranges) : undefined;
  if (!type || !task.incidentId) throw new NotFoundError();
  const incident = await incidents.findIncident(db, task.incidentId);
  if (!incident) throw new NotFoundError();
  return { task, pack, type, incident, bases };
}

type Involved = { childId: string; firstName: string; lastName: string; authorityId: string; role: MeetingChildRole };

/**
 * What a meeting for this task is arranged from, which the form and arranging both need: the
 * children it may still be about (named only where the arranger may see them, R-X-1) and the
 * invitees the pack proposes, with why.
 */
async function arrangement(db: Db, actor: Actor, taskId: string, action: 'task.view' | 'meeting.arrange') {
  const { task, pack, type, incident, bases } = await arrangeableTask(db, actor, taskId, action);
  const displayed = incident.children.find((linked) => linked.role === 'displayed');
  const involved = incident.children.filter(
    (linked): linked is (typeof incident.children)[number] & Involved =>
      linked.role === 'displayed' || linked.role === 'targeted',
  );
  if (!displayed) throw new NotFoundError();
  const ctx = await meetingContext(
    db,
    incident.id,
    displayed.childId,
    involved.map((linked) => linked.childId),
  );
  const invitees = proposeInvitees(type, ctx, (condition) =>
    'fact' in condition ? FACTS[condition.fact].ifTrue : conditionText(condition, pack),
  );
  // Separate meetings may be held for each child (R-KEN-6): a child already in a meeting for this task is not offered again.
  const already = new Set(
    (await meetings.childrenMeetingForTask(db, task.id)).map((meetingChild) => meetingChild.childId),
  );
  // A child the arranger may not see is offered by their part only (R-X-1).
  const { visible } = await sightOf(
    db,
    actor,
    involved.map((linked) => linked.childId),
  );
  const nameFor = (linked: Involved) =>
    visible.has(linked.childId) ? `${linked.firstName} ${linked.lastName}` : anotherChild(linked.role);
  return {
    task,
    pack,
    type,
    incident,
    bases,
    ctx,
    invitees,
    alreadyArranged: already.size > 0,
    children: involved
      .filter((linked) => !already.has(linked.childId))
      .map((linked) => ({
        childId: linked.childId,
        name: nameFor(linked),
        role: linked.role,
        authorityId: linked.authorityId,
      })),
  };
}

/** A colleague offered to invite by name: their name, and their job (or roles) and agency. */
function candidateOf(user: { id: string; name: string; jobTitle: string; roles: readonly Role[]; agency: string }) {
  return {
    id: user.id,
    name: user.name,
    roleText: [jobOf(user), user.agency].filter(Boolean).join(', '),
  };
}

/** How a colleague invited by name is described: their job title, else their roles. */
function jobOf(user: { jobTitle: string; roles: readonly Role[] }): string {
  return user.jobTitle || user.roles.map((role) => ROLE_LABELS[role]).join(', ');
}

/** Everything the arrange form needs: the proposed invitees with why, the children, the chair rule and candidates. */
export async function arrangeOptions(
  db: Db,
  actor: Actor,
  taskId: string,
  action: 'task.view' | 'meeting.arrange' = 'task.view',
) {
  const { task, pack, type, incident, bases, ctx, invitees, alreadyArranged, children } = await arrangement(
    db,
    actor,
    taskId,
    action,
  );
  const names = await authorityNames(db);
  const chairCandidates = await Promise.all(
    names.list.map(async (authority) => ({
      authority,
      users: await listCaseWorkers(db, authority.id, type.chair.roles),
    })),
  );
  // Named invitees: the convening authority's people who work with cases, the police officer included (issue 15).
  const inviteCandidates = await listCaseWorkers(db, task.authorityId, CASE_ROLES);
  const displayed = children.find((child) => child.role === 'displayed') ?? children[0];
  const own = chairCandidates.find((group) => group.authority.id === task.authorityId)?.users ?? [];
  const managing = new Set<string>();
  if (displayed && own.length) {
    const facts = await childAccessFactsFor(
      db,
      own.map((user) => user.id),
      displayed.childId,
    );
    for (const user of own) {
      const held = facts.get(user.id);
      if (
        held &&
        childAccessBases({ id: user.id, authorityId: task.authorityId, roles: user.roles }, held).includes('manager')
      )
        managing.add(user.id);
    }
  }
  if (action === 'task.view') {
    await auditRecordView(db, actor, 'meeting.arrange_view', {
      entityType: 'task',
      entityId: task.id,
      childId: task.childId,
    });
  }
  return {
    task,
    pack,
    type,
    incident,
    children,
    alreadyArranged,
    invitees,
    authorities: names.list,
    chairCandidates: chairCandidates.filter((group) => group.users.length),
    // The pack's default chair, preselected (issue 15).
    defaultChairId: defaultChair(own, type.chair.roles, managing, type.chair.independent === true),
    inviteCandidates: inviteCandidates.map(candidateOf),
    policeQuestion: Boolean(type.policeQuestionUnder10) && ctx.age < 10,
    canArrange: may('meeting.arrange', subjectOf(actor, bases)).allowed,
  };
}

export interface ArrangeInput {
  childIds: string[];
  responsible: Record<string, string>;
  chairId: string;
  invite: string[];
  /** For an invitee left out only in exceptional circumstances: the circumstances (`exclude-<invitee id>`). */
  excluded?: Record<string, string>;
  /** When and where it meets (issue 15). */
  schedule: ScheduleInput;
  /** Colleagues invited by name, with their accounts. */
  inviteUserIds: string[];
  /** Partners invited without an account, as typed (blank rows are no one). */
  guests: GuestInput[];
}

/** Today and the time now in London, which a meeting's schedule is checked against. */
function londonNow(): Now {
  const now = londonParts(new Date());
  return {
    today: londonToday(),
    time: `${String(now.hour).padStart(2, '0')}:${String(now.minute).padStart(2, '0')}`,
  };
}

/** The meeting's schedule in a sentence: "10:30am to midday, 1 December 2026, at Room 2". */
function whenAndWhere(schedule: Schedule): string {
  return `${scheduleText(schedule)}, ${schedule.place ? `at ${placeText(schedule)}` : 'by video'}`;
}

export async function arrange(db: Db, actor: Actor, taskId: string, input: ArrangeInput): Promise<string> {
  // Not the whole form: the chosen chair is looked up alone, not every authority's candidates.
  const options = await arrangement(db, actor, taskId, 'meeting.arrange');
  const names = await authorityNames(db);
  const authorityIds = new Set(names.list.map((authority) => authority.id));
  const mc = arrangedChildren(options.children, input, authorityIds);
  const rule = chairRule(options.type, options.task.authorityId, mc, names.name);
  const chair = isUuid(input.chairId) ? await findCaseWorker(db, input.chairId, options.type.chair.roles) : undefined;
  const people = await listCaseWorkers(db, options.task.authorityId, CASE_ROLES);
  const named = people.filter((person) => input.inviteUserIds.includes(person.id));
  const timing = scheduleProblems(input.schedule, londonNow());
  const arranging = arrangeProblems(input, {
    taskOpen: options.task.status === 'open',
    offered: options.children,
    authorityIds,
    chair,
    chairAuthorityId: rule.chairAuthorityId,
    chairAuthorityName: names.name(rule.chairAuthorityId),
    crossAuthority: rule.crossAuthority,
    citedClause: citeText(rule.clause),
    exceptional: options.invitees.flatMap((invitee) =>
      invitee.exceptional
        ? [{ inviteeId: invitee.inviteeId, label: invitee.label, clause: citeText(invitee.exceptional) }]
        : [],
    ),
  });
  // With no child left to meet about, or the task closed, the page has no form: that is the one problem.
  if (!options.children.length || options.task.status !== 'open')
    throw new ValidationError(arranging.filter((problem) => problem.field === 'childIds'));
  // Every problem at once, in the order of the page: the children and chair, when and where, then who (issue 15).
  const beforeInvitees = arranging.filter((problem) => !problem.field.startsWith('exclude-'));
  const problems = [
    ...beforeInvitees,
    ...timing.problems,
    ...arranging.filter((problem) => problem.field.startsWith('exclude-')),
    ...namedInviteeProblems(input.inviteUserIds, new Set(people.map((person) => person.id))),
    ...guestProblems(input.guests),
  ];
  if (problems.length || !chair || !timing.schedule) throw new ValidationError(problems);
  const schedule = timing.schedule;
  const guests = guestsGiven(input.guests);
  const exclusions = options.invitees
    .filter((invitee) => invitee.exceptional && !input.invite.includes(invitee.inviteeId))
    .map((invitee) => ({
      inviteeId: invitee.inviteeId,
      label: invitee.label,
      reason: (input.excluded?.[invitee.inviteeId] ?? '').trim(),
    }));
  const invitees: meetings.NewInvitee[] = options.invitees
    .filter((i) => input.invite.includes(i.inviteeId))
    .map((i) => ({
      inviteeId: i.inviteeId,
      roleLabel: i.label,
      reason: i.because ? `${i.reason} ${i.because}` : i.reason,
      clause: i.clause,
      requirementId: i.requirement,
      mode: i.mode,
      name: '',
      agency: '',
      userId: null as string | null,
    }));
  // Each authority responsible for a child is represented (R-KEN-6).
  for (const authorityId of rule.authorities.filter((candidate) => candidate !== options.task.authorityId)) {
    invitees.push({
      inviteeId: `authority-${authorityId}`,
      roleLabel: `Representative of ${names.name(authorityId)}`,
      reason: 'Responsible for a child at this meeting: each authority must be represented.',
      clause: rule.clause,
      requirementId: rule.requirement,
      mode: 'invite',
      name: '',
      agency: names.name(authorityId),
      userId: null,
    });
  }
  // Colleagues invited by name, with their accounts (the chair is already there), then partners without one (issue 15).
  for (const person of named.filter((candidate) => candidate.id !== chair.id)) {
    invitees.push({
      inviteeId: 'named',
      roleLabel: person.jobTitle || person.roles.map((role) => ROLE_LABELS[role]).join(', '),
      reason: '',
      clause: '',
      requirementId: '',
      mode: 'invite',
      name: person.name,
      agency: person.agency || names.name(options.task.authorityId),
      userId: person.id,
    });
  }
  for (const guest of guests) {
    invitees.push({
      inviteeId: 'partner',
      roleLabel: guest.role,
      reason: '',
      clause: '',
      requirementId: '',
      mode: 'invite',
      name: guest.name,
      agency: '',
      userId: null,
      email: guest.email,
    });
  }
  invitees.unshift({
    inviteeId: 'chair',
    roleLabel: 'Chair',
    reason: rule.text,
    clause: rule.clause,
    requirementId: rule.requirement,
    mode: 'invite',
    name: chair.name,
    agency: names.name(chair.authorityId),
    userId: chair.id,
  });
  const agenda = options.type.agenda.flatMap((section) =>
    section.items.map((text) => ({ section: section.heading, text, notes: '' })),
  );
  return auditedChange(
    db,
    actor,
    (id: string) => ({
      action: 'meeting.arrange',
      entityType: 'meeting',
      entityId: id,
      details: {
        type: options.type.id,
        children: mc.map((meetingChild) => meetingChild.childId),
        crossAuthority: rule.crossAuthority,
        meetsOn: schedule.meetsOn,
        startsAt: schedule.startsAt,
        endsAt: schedule.endsAt,
        named: named.length,
        partners: guests.length,
      },
    }),
    async (trx) => {
      const id = await meetings.insertMeeting(trx, {
        authorityId: options.task.authorityId,
        incidentId: options.incident.id,
        typeId: options.type.id,
        typeLabel: options.type.label,
        packVersion: options.pack.version,
        taskId: options.task.id,
        dueOn: options.task.dueOn,
        chairId: chair.id,
        chairAuthorityId: rule.chairAuthorityId,
        chairRule: rule.text,
        agenda,
        exclusions,
        schedule,
        createdBy: actor.user.id,
        children: mc,
        invitees,
      });
      for (const meetingChild of mc) {
        await addChronologyEntry(trx, {
          childId: meetingChild.childId,
          occurredAt: new Date(),
          recordedBy: actor.user.id,
          kind: 'meeting',
          summary: `${options.type.label} arranged for ${whenAndWhere(schedule)}, chaired by ${chair.name}.`,
          incidentId: options.incident.id,
          record: { type: 'meeting', id },
        });
      }
      await children.touchChildren(
        trx,
        mc.map((meetingChild) => meetingChild.childId),
      );
      return id;
    },
  );
}

export interface Access extends MeetingAccess {
  meeting: meetings.Meeting;
  type: MeetingType;
}

/** Gathers the facts of the meeting and the actor's sight of its children, lets the domain decide (domain/meeting-access.ts), and checks `action` (audited). */
export async function authorizeMeeting(
  db: Db,
  actor: Actor,
  id: string,
  action: ActionId,
  auditAs?: string,
): Promise<Access> {
  const meeting = isUuid(id) ? await meetings.findMeeting(db, id) : undefined;
  if (!meeting) return notFound(db, actor, auditAs ?? action, 'meeting', id);
  const sight = await basesFor(
    db,
    actor,
    meeting.children.map((meetingChild) => meetingChild.childId),
  );
  const decided = decideMeetingAccess(actor.user, {
    authorityId: meeting.authorityId,
    chairId: meeting.chairId,
    chairAuthorityId: meeting.chairAuthorityId,
    createdBy: meeting.createdBy,
    inviteeUserIds: meeting.invitees.map((invitee) => invitee.userId),
    children: meeting.children.map((meetingChild) => ({
      childId: meetingChild.childId,
      role: meetingChild.role,
      childAuthorityId: meetingChild.childAuthorityId,
      responsibleAuthorityId: meetingChild.responsibleAuthorityId,
      bases: sight.get(meetingChild.childId) ?? [],
    })),
  });
  await requireAction(db, actor, action, decided.subject, {
    entityType: 'meeting',
    entityId: id,
    auditAs: auditAs ?? action,
  });
  const type = meetingType(packFor(meeting.authorityId), meeting.typeId);
  if (!type) return notFound(db, actor, auditAs ?? action, 'meeting', id, 'unknown_type');
  return { ...decided, meeting, type };
}

/** The meeting with the parts of children this person may not see taken out (R-X-1). */
function masked(access: Access): meetings.Meeting {
  return {
    ...access.meeting,
    children: access.meeting.children.map((meetingChild) => shownPart(meetingChild, access.visibleChildIds)),
  };
}

async function audited(db: Db, actor: Actor, action: string, id: string, details?: Record<string, unknown>) {
  await auditView(db, actor, { action, entityType: 'meeting', entityId: id, ...(details ? { details } : {}) });
}

function describe(access: Access, names: (id: string) => string) {
  const meeting = masked(access);
  const displayed = meeting.children.find((meetingChild) => meetingChild.role === 'displayed');
  const arranged = meeting.status === 'arranged';
  const unheld = arranged && !meeting.heldOn;
  return {
    meeting,
    type: access.type,
    isChair: access.isChair,
    canRecord: arranged && !meeting.minutesApprovedAt && may('meeting.record', access.subject).allowed,
    can: {
      record: arranged && !meeting.minutesApprovedAt && may('meeting.record', access.subject).allowed,
      addAttendee: arranged && may('meeting.add_attendee', access.subject).allowed,
      approve: arranged && may('meeting.approve', access.subject).allowed,
      circulate: may('meeting.circulate', access.subject).allowed,
      close: arranged && may('meeting.close', access.subject).allowed,
      reschedule: unheld && may('meeting.reschedule', access.subject).allowed,
      cancel: unheld && may('meeting.cancel', access.subject).allowed,
      // Approved minutes are corrected with a reason, never edited (issue 15).
      correctMinutes: meeting.minutesApprovedAt !== null && may('meeting.correct_minutes', access.subject).allowed,
      invite: unheld && may('meeting.invite', access.subject).allowed,
      outcomeFor: arranged ? [...access.outcomeChildIds] : [],
      recordPlanFor: [...access.planChildIds],
    },
    visibleChildIds: [...access.visibleChildIds],
    recordChildIds: [...access.recordChildIds],
    authorityName: names,
    outcomeOptions: access.type.outcomes.map((id) => ({
      id,
      label: OUTCOMES[id].label,
      hint: OUTCOMES[id].hint,
      fields: OUTCOMES[id].fields,
    })),
    fieldLabels: OUTCOME_FIELD_LABELS,
    investigations: INVESTIGATIONS,
    displayedId: displayed?.childId ?? null,
    today: londonToday(),
  };
}

/** The child who harmed, when the meeting type asks about police involvement under 10. */
async function policeQuestionChild(db: Db, access: Access): Promise<{ dateOfBirth: string } | null> {
  if (!access.type.policeQuestionUnder10) return null;
  const displayed = access.meeting.children.find((meetingChild) => meetingChild.role === 'displayed');
  if (!displayed) return null;
  return (await children.findChild(db, displayed.childId)) ?? null;
}

async function policeQuestionNeeded(db: Db, access: Access): Promise<boolean> {
  return policeQuestionAsked(access.meeting.heldOn ?? londonToday(), await policeQuestionChild(db, access));
}

/**
 * The meeting as this person may see it. `action` names the audit event (a view, print or
 * download); `need` is what the page is for: the minutes form needs 'meeting.record', a child's
 * outcome form needs 'meeting.outcome' for that child.
 */
export async function viewMeeting(
  db: Db,
  actor: Actor,
  id: string,
  action:
    | 'meeting.view'
    | 'meeting.print'
    | 'meeting.export'
    | 'meeting.reschedule_view'
    | 'meeting.cancel_view'
    | 'meeting.invite_view'
    | 'meeting.extract' = 'meeting.view',
  need: {
    action:
      | 'meeting.record'
      | 'meeting.add_attendee'
      | 'meeting.outcome'
      | 'meeting.reschedule'
      | 'meeting.cancel'
      | 'meeting.invite'
      | 'meeting.extract';
    childId?: string;
  } | null = null,
) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.view', action);
  if (need) {
    if (
      need.childId !== undefined &&
      !access.meeting.children.some((meetingChild) => meetingChild.childId === need.childId)
    )
      return notFound(db, actor, need.action, 'meeting', id);
    await requireAction(
      db,
      actor,
      need.action,
      need.childId ? access.subjectFor(need.childId) : access.subject,
      { entityType: 'meeting', entityId: id },
      undefined,
      access.subject,
    );
  }
  const names = await authorityNames(db);
  const police = await policeQuestionNeeded(db, access);
  const shown = masked(access);
  const agreedPlans = await plansAgreedAt(db, access.type, access.meeting.children);
  const problems = closeMeetingProblems(access.type, {
    heldOn: access.meeting.heldOn,
    minutesApproved: access.meeting.minutesApprovedAt !== null,
    policeQuestionNeeded: police,
    policeInvolvement: access.meeting.policeInvolvement,
    // What is missing for a child this person may not see is said without their name (R-X-1).
    children: access.meeting.children.map((meetingChild, i) => ({
      name: shown.children[i]!.name,
      safetyPlan: meetingChild.safetyPlan,
      hasOutcome: meetingChild.outcome !== null,
      ...(agreedPlans.has(meetingChild.childId) ? { planAgreed: agreedPlans.get(meetingChild.childId)!.agreed } : {}),
    })),
    // Representatives of each responsible authority must attend (R-KEN-6).
    invitees: access.meeting.invitees,
  });
  const followOn = await Promise.all(
    access.meeting.children
      .filter((meetingChild) => access.recordChildIds.has(meetingChild.childId))
      .map((meetingChild) => tasks.tasksForChild(db, meetingChild.childId)),
  );
  await audited(db, actor, action, id, { shown: [...access.visibleChildIds] });
  return {
    ...describe(access, names.name),
    policeQuestion: police,
    closeProblems: problems.map((problem) => problem.message),
    closing: problems,
    // The plan the meeting agrees, for each child who harmed the viewer may see (R-KEN-13).
    meetingPlans: access.meeting.children
      .filter(
        (meetingChild) => agreedPlans.has(meetingChild.childId) && access.recordChildIds.has(meetingChild.childId),
      )
      .map((meetingChild) => ({
        childId: meetingChild.childId,
        name: meetingChild.name,
        ...agreedPlans.get(meetingChild.childId)!,
      })),
    followOnTasks: followOn.flat().filter((task) => task.meetingId === id),
  };
}

/**
 * One child's part of a meeting's record, to share with that child's family (issue 15): refused
 * unless the person may see that child's part (R-X-1); the other children are left out entirely.
 */
export async function meetingExtract(db: Db, actor: Actor, id: string, childId: string) {
  if (!isUuid(childId)) return notFound(db, actor, 'meeting.extract', 'meeting', id);
  const details = await viewMeeting(db, actor, id, 'meeting.extract', { action: 'meeting.extract', childId });
  if (!details.visibleChildIds.includes(childId)) return notFound(db, actor, 'meeting.extract', 'meeting', id);
  return details;
}

/**
 * For a meeting that agrees the child who harmed's plan (kent §15, R-KEN-13): each such child's
 * latest plan of that kind still in force, whether it is agreed, and what it still has to address.
 */
async function plansAgreedAt(db: Db, type: MeetingType, meetingChildren: readonly meetings.MeetingChildRow[]) {
  const found = new Map<
    string,
    { agreed: boolean; planId: string | null; kindName: string; kindInSentence: string; stillToAddress: number }
  >();
  if (!type.agreesPlan) return found;
  for (const meetingChild of meetingChildren.filter((one) => one.role === 'displayed')) {
    const plan = (await plansRepository.plansForChild(db, meetingChild.childId)).find(
      (candidate) => candidate.kind === type.agreesPlan!.kind && candidate.status !== 'ended',
    );
    const kind = getPack(meetingChild.childAuthorityId)?.plans.find(
      (candidate) => candidate.id === type.agreesPlan!.kind,
    );
    found.set(meetingChild.childId, {
      agreed: plan?.status === 'agreed',
      planId: plan?.id ?? null,
      kindName: kind?.name ?? type.agreesPlan.kind,
      kindInSentence: inSentence(kind?.name ?? type.agreesPlan.kind),
      stillToAddress:
        plan && kind ? unaddressed(kind, contentsOf(kind, plan.contents)).length : (kind?.contents.length ?? 0),
    });
  }
  return found;
}

/** The longest text each box of the minutes takes (the form's character counts show the same). */
export { MINUTES_LIMITS, type MinutesInput } from '../domain/meeting-rules.ts';

/** Records what happened: date, attendance, notes against each agenda item, the under-10 police decision, each child's immediate safety plan. */
export async function recordMinutes(db: Db, actor: Actor, id: string, version: number, input: MinutesInput) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.record');
  const meeting = access.meeting;
  const plans = access.planChildIds;
  const incident = await incidents.findIncident(db, meeting.incidentId);
  const facts = {
    locked: meeting.status === 'closed' || meeting.minutesApprovedAt !== null,
    today: londonToday(),
    incidentOn: incident?.occurredAt ? londonToday(incident.occurredAt) : null,
    arrangedOn: londonToday(meeting.createdAt),
    policeQuestionFor: await policeQuestionChild(db, access),
    inviteeIds: meeting.invitees.map((inv) => inv.id),
    agendaItems: meeting.agenda.length,
    planChildIds: meeting.children
      .filter((meetingChild) => plans.has(meetingChild.childId))
      .map((meetingChild) => meetingChild.childId),
  };
  const problems = minutesProblems(input, facts);
  const heldOn = minutesHeldOn(input.heldOn, facts);
  if (problems.length || !heldOn) throw new ValidationError(problems);
  // The police question depends on the child’s age on the day.
  const police = policeQuestionAsked(heldOn, facts.policeQuestionFor);
  const pi = input.policeInvolvement;
  const agenda = meeting.agenda.map((item, i) => ({ ...item, notes: (input.notes[i] ?? '').trim() }));
  await auditedChange(
    db,
    actor,
    {
      action: 'meeting.record',
      entityType: 'meeting',
      entityId: id,
      details: { heldOn, policeInvolvement: police ? pi : null },
    },
    async (trx) => {
      const ok = await meetings.recordMinutes(trx, id, version, {
        heldOn,
        agenda,
        policeInvolvement: police ? pi : null,
        policeInvolvementReason: police ? input.policeInvolvementReason.trim() : '',
      });
      if (!ok) throw new ConflictError(null, null, []);
      const attended = new Map<string, boolean>();
      for (const inv of meeting.invitees) {
        const answer = input.attended[inv.id];
        if (answer === 'yes' || answer === 'no') attended.set(inv.id, answer === 'yes');
        const name = (input.names[inv.id] ?? inv.name).trim();
        const agency = (input.agencies[inv.id] ?? inv.agency).trim();
        if (name !== inv.name || agency !== inv.agency) await meetings.setInviteeDetails(trx, id, inv.id, name, agency);
      }
      await meetings.setAttendance(trx, id, attended);
      for (const meetingChild of meeting.children) {
        if (!plans.has(meetingChild.childId)) continue;
        const plan = input.safetyPlans[meetingChild.childId];
        if (plan !== undefined && plan.trim() !== meetingChild.safetyPlan)
          await meetings.setSafetyPlan(trx, id, meetingChild.childId, plan.trim());
      }
    },
  );
}

export async function addAttendee(db: Db, actor: Actor, id: string, input: AttendeeInput) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.add_attendee');
  const closed = access.meeting.status !== 'arranged';
  const accountIds =
    input.userId && !closed ? (await attendeeAccounts(db, access.meeting)).map((account) => account.id) : [];
  const problems = attendeeProblems(input, { closed, accountIds });
  if (problems.length) throw new ValidationError(problems);
  const roleLabel = input.roleLabel.trim();
  const name = input.name.trim();
  const agency = input.agency.trim();
  const userId = input.userId || null;
  const email = (input.email ?? '').trim();
  await auditedChange(
    db,
    actor,
    (inviteeId: string) => ({
      action: 'meeting.add_attendee',
      entityType: 'meeting',
      entityId: id,
      details: { inviteeId, withAccount: userId !== null },
    }),
    async (trx) => {
      const inviteeId = await meetings.addInvitee(trx, id, { roleLabel, name, agency, userId, email });
      await meetings.touchMeeting(trx, id);
      return inviteeId;
    },
  );
}

/** Accounts that can be linked to an attendee: case workers in the authorities taking part. */
export async function attendeeAccounts(db: Db, meeting: meetings.Meeting) {
  const ids = [
    ...new Set([meeting.authorityId, ...meeting.children.map((meetingChild) => meetingChild.responsibleAuthorityId)]),
  ];
  const lists = await Promise.all(
    ids.map((authorityId) =>
      listCaseWorkers(db, authorityId, [
        'social_worker',
        'front_door',
        'youth_justice',
        'team_manager',
        'aim_practitioner',
        'dsl',
        'cse_coordinator',
        'partner',
        'panel_chair',
      ]),
    ),
  );
  return lists.flat();
}

/** One child's outcome, with what it needs, setting the next tasks on that child's record (R-KEN-7, R-ISL-7). */
export async function recordOutcome(db: Db, actor: Actor, id: string, childId: string, input: OutcomeInput) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.view', 'meeting.outcome');
  const meeting = access.meeting;
  const child = meeting.children.find((meetingChild) => meetingChild.childId === childId);
  if (!child) throw new NotFoundError();
  // Each child's outcome from those who work on that child's case, the chair, or that child's authority (R-KEN-7, R-X-1).
  await requireAction(
    db,
    actor,
    'meeting.outcome',
    access.subjectFor(childId),
    { entityType: 'meeting', entityId: id },
    undefined,
    access.subject,
  );
  const problems = meetingOutcomeProblems(input, {
    closed: meeting.status === 'closed',
    held: meeting.heldOn !== null,
    pack: packFor(meeting.authorityId),
    type: access.type,
    role: child.role,
  });
  if (problems.length || !meeting.heldOn) throw new ValidationError(problems);
  const outcomeId = input.outcome as OutcomeId;
  const def = OUTCOMES[outcomeId];
  const details: Record<string, string> = {};
  for (const field of def.fields as readonly OutcomeField[]) details[field] = (input[field] ?? '').trim();
  const pack = packFor(meeting.authorityId);
  const calendar = await loadCalendar(db, child.childAuthorityId);
  const drafts = outcomeTasks(pack, access.type, outcomeId, input, meeting.heldOn, calendar, child.role);
  const alsoHarmed = access.type.alsoHarmedPrompt && child.role === 'displayed' ? input.alsoHarmed === 'yes' : null;
  await auditedChange(
    db,
    actor,
    {
      action: 'meeting.outcome',
      entityType: 'meeting',
      entityId: id,
      details: { childId, outcome: outcomeId, tasks: drafts.length, alsoHarmed },
    },
    async (trx) => {
      const ok = await meetings.insertOutcome(trx, {
        meetingId: id,
        childId,
        outcomeId,
        outcomeLabel: def.label,
        details,
        rationale: input.rationale.trim(),
        alsoHarmed,
        decidedBy: actor.user.id,
      });
      if (!ok) throw new ConflictError(null, null, []);
      for (const draft of drafts) {
        await createTask(
          trx,
          actor,
          {
            authorityId: child.childAuthorityId,
            childId,
            incidentId: meeting.incidentId,
            screeningId: null,
            meetingId: id,
            arranges: draft.arranges,
            stepId: draft.stepId,
            title: draft.title,
            detail: draft.detail,
            kind: draft.kind,
            ownerRole: draft.ownerRole,
            dueOn: draft.dueOn,
            dueRule: draft.dueRule,
            clause: draft.clause,
            requirementId: draft.requirement,
          },
          { giveTo: 'owners' },
        );
      }
      const fieldText = (field: OutcomeField) =>
        field === 'investigation'
          ? INVESTIGATIONS[details[field] as 'single' | 'joint']
          : `${OUTCOME_FIELD_LABELS[field]}: ${details[field]}`;
      const extra = def.fields.length ? ` (${(def.fields as readonly OutcomeField[]).map(fieldText).join('; ')})` : '';
      await addChronologyEntry(trx, {
        childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'meeting',
        summary: `${meeting.typeLabel}: outcome for this child, ${def.label}${extra}. ${drafts.length} next task${drafts.length === 1 ? '' : 's'} set.`,
        incidentId: meeting.incidentId,
        record: { type: 'meeting', id },
      });
      await children.touchChildren(trx, [childId]);
      await meetings.touchMeeting(trx, id);
    },
  );
}

/** The chair approves the minutes; after that they cannot change (R-KEN-13). */
export async function approveMinutes(db: Db, actor: Actor, id: string, version: number) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.approve');
  const problems = approveProblems({ held: access.meeting.heldOn !== null });
  if (problems.length) throw new ValidationError(problems);
  await auditedChange(db, actor, { action: 'meeting.approve', entityType: 'meeting', entityId: id }, async (trx) => {
    if (!(await meetings.approveMinutes(trx, id, version, actor.user.id))) throw new ConflictError(null, null, []);
  });
}

/** Records to whom the approved minutes were sent, and when (R-KEN-13). */
export async function circulate(db: Db, actor: Actor, id: string, inviteeIds: string[]) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.circulate');
  const approved = access.meeting.minutesApprovedAt !== null;
  const known = access.meeting.invitees.map((i) => i.id);
  const chosen = circulatedTo(inviteeIds, known);
  // Everyone already sent the minutes: the page no longer asks, so the form was out of date.
  if (approved && !chosen.length && access.meeting.invitees.every((i) => i.circulatedAt))
    throw new ConflictError(null, null, []);
  const problems = circulateProblems(inviteeIds, { approved, known });
  if (problems.length) throw new ValidationError(problems);
  await auditedChange(
    db,
    actor,
    {
      action: 'meeting.circulate',
      entityType: 'meeting',
      entityId: id,
      details: { to: chosen.length },
    },
    async (trx) => {
      await meetings.recordCirculation(trx, id, chosen, actor.user.id);
    },
  );
}

/** The chair closes the meeting once everything is recorded; the task it was arranged for is done. */
export async function close(db: Db, actor: Actor, id: string, version: number) {
  await authorizeMeeting(db, actor, id, 'meeting.close');
  const view = await viewMeeting(db, actor, id);
  if (view.closing.length) throw new ValidationError(view.closing);
  const meeting = view.meeting;
  const closing = { action: 'meeting.close', entityType: 'meeting', entityId: id };
  // The close's event, then one for each plan the minutes started.
  await auditedChange(
    db,
    actor,
    (made: AuditedEvent[]) => [closing, ...made],
    async (trx) => {
      if (!(await meetings.closeMeeting(trx, id, version, actor.user.id))) throw new ConflictError(null, null, []);
      if (meeting.taskId) {
        // Separate meetings for each child (R-KEN-6): the task is done once every child involved has had theirs.
        const task = await tasks.findTask(trx, meeting.taskId);
        const incident = await incidents.findIncident(trx, meeting.incidentId);
        const covered = new Set(
          (await meetings.childrenMeetingForTask(trx, meeting.taskId))
            .filter((meetingChild) => meetingChild.closed)
            .map((meetingChild) => meetingChild.childId),
        );
        // A meeting convened after the child's assessment is about that child alone (kent §15).
        const involved = (incident?.children ?? []).filter((linked) =>
          view.type.convenedAfter
            ? linked.childId === task?.childId
            : linked.role === 'displayed' || linked.role === 'targeted',
        );
        if (task && task.status === 'open' && involved.every((linked) => covered.has(linked.childId))) {
          await tasks.completeTask(
            trx,
            task.id,
            task.version,
            actor.user.id,
            `${meeting.typeLabel} held on ${formatDate(meeting.heldOn)}.`,
          );
        }
      }
      // Each child's immediate safety plan from the minutes becomes a plan on their record (R-KEN-6).
      const becomes = view.type.safetyPlan?.becomesPlan;
      const made: AuditedEvent[] = [];
      for (const meetingChild of meeting.children) {
        const target = becomes?.[meetingChild.role];
        if (!target || !meetingChild.safetyPlan.trim()) continue;
        const planId = await planFromMinutes(trx, actor, {
          childId: meetingChild.childId,
          kindId: target.kind,
          itemId: target.item,
          text: meetingChild.safetyPlan,
          meetingLabel: meeting.typeLabel,
        });
        if (planId)
          made.push({
            action: 'plan.create',
            entityType: 'plan',
            entityId: planId,
            details: { childId: meetingChild.childId, kind: target.kind, meetingId: id },
          });
      }
      await meetingChronology(
        trx,
        actor,
        id,
        meeting,
        `${meeting.typeLabel} held on ${formatDate(meeting.heldOn)} and closed by the chair. Immediate safety plan and outcome recorded.`,
      );
      await children.touchChildren(
        trx,
        meeting.children.map((meetingChild) => meetingChild.childId),
      );
      return made;
    },
  );
}

export interface MoveInput extends ScheduleInput {
  reason: string;
}

/**
 * Moves a meeting not yet held to another day, time or place, with the reason (issue 15): the
 * arranger, the chair or a manager of the case; the schedule history, each child's chronology and
 * the audit log say from what to what and why. A form opened before someone else's change is refused (409).
 */
export async function reschedule(db: Db, actor: Actor, id: string, version: number, input: MoveInput) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.reschedule');
  const meeting = access.meeting;
  const { problems, schedule } = moveProblems(input, meeting.schedule, meeting, londonNow());
  if (problems.length || !schedule) throw new ValidationError(problems);
  const reason = input.reason.trim();
  const previous = meeting.schedule;
  await auditedChange(
    db,
    actor,
    {
      action: 'meeting.reschedule',
      entityType: 'meeting',
      entityId: id,
      details: {
        meetsOn: schedule.meetsOn,
        startsAt: schedule.startsAt,
        endsAt: schedule.endsAt,
        previous: previous ? scheduleText(previous) : null,
      },
    },
    async (trx) => {
      if (!(await meetings.moveMeeting(trx, id, version, schedule))) throw new ConflictError(null, null, []);
      await meetings.addScheduleChange(trx, id, 'moved', schedule, reason, actor.user.id);
      await meetingChronology(
        trx,
        actor,
        id,
        meeting,
        `${meeting.typeLabel} moved to ${whenAndWhere(schedule)}${previous ? ` (it was ${whenAndWhere(previous)})` : ''}. Reason: ${reason}`,
      );
      await children.touchChildren(
        trx,
        meeting.children.map((meetingChild) => meetingChild.childId),
      );
    },
  );
}

/**
 * Cancels a meeting not yet held, with the reason (issue 15): the tasks tied to it are no longer
 * needed (superseded); the task it was arranged for stays open, so that another meeting is arranged.
 */
export async function cancel(db: Db, actor: Actor, id: string, version: number, reason: string) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.cancel');
  const meeting = access.meeting;
  const problems = cancelProblems(reason, meeting);
  if (problems.length) throw new ValidationError(problems);
  const why = reason.trim();
  await auditedChange(
    db,
    actor,
    (superseded: number) => ({
      action: 'meeting.cancel',
      entityType: 'meeting',
      entityId: id,
      details: { superseded },
    }),
    async (trx) => {
      if (!(await meetings.cancelMeeting(trx, id, version, actor.user.id, why)))
        throw new ConflictError(null, null, []);
      await meetings.addScheduleChange(trx, id, 'cancelled', meeting.schedule, why, actor.user.id);
      const open = await meetings.openTasksOfMeeting(trx, id);
      await tasks.supersedeTasks(trx, open);
      await meetingChronology(
        trx,
        actor,
        id,
        meeting,
        `${meeting.typeLabel}${meeting.schedule ? ` for ${scheduleText(meeting.schedule)}` : ''} cancelled. Reason: ${why}`,
      );
      await children.touchChildren(
        trx,
        meeting.children.map((meetingChild) => meetingChild.childId),
      );
      return open.length;
    },
  );
}

// --- Who is invited, changed until the meeting is held (issue 15) ---

/**
 * The colleagues who can still be invited by name: as when arranging, the convening authority's
 * people who work with cases, the police officer included; not the chair, nor anyone invited now.
 */
async function invitableColleagues(db: Db, meeting: meetings.Meeting) {
  const people = await listCaseWorkers(db, meeting.authorityId, CASE_ROLES);
  const invited = new Set<string>([meeting.chairId]);
  for (const invitee of meeting.invitees) if (invitee.userId) invited.add(invitee.userId);
  return people.filter((person) => !invited.has(person.id));
}

/** The form to invite more people: the meeting, and the colleagues who can still be invited. */
export async function inviteOptions(db: Db, actor: Actor, id: string) {
  const details = await viewMeeting(db, actor, id, 'meeting.invite_view', { action: 'meeting.invite' });
  const candidates = await invitableColleagues(db, details.meeting);
  return { details, candidates: candidates.map(candidateOf) };
}

/** One of those invited by name whose invitation can be changed, for its form: refused as not found otherwise. */
export async function inviteeToChange(db: Db, actor: Actor, id: string, inviteeId: string, doing: 'remove' | 'edit') {
  const details = await viewMeeting(db, actor, id, 'meeting.invite_view', { action: 'meeting.invite' });
  const invitee = changeable(details.meeting.invitees, inviteeId, doing);
  if (!invitee) return notFound(db, actor, 'meeting.invite', 'meeting', id);
  return { details, invitee };
}

/** Of those invited now, the one whose invitation is changed: someone invited by name (a partner, to correct their details). */
function changeable(invitees: readonly meetings.InviteeRow[], inviteeId: string, doing: 'remove' | 'edit') {
  const invitee = invitees.find((candidate) => candidate.id === inviteeId);
  if (!invitee || !isNamedInvitee(invitee) || (doing === 'edit' && !isTypedPartner(invitee))) return undefined;
  return invitee;
}

export interface AddInviteesInput {
  inviteUserIds: string[];
  guests: GuestInput[];
}

/** The same line in each child's chronology, naming nobody (issue 15). */
function peopleCount(count: number): string {
  return count === 1 ? 'one more person' : `${count} more people`;
}

/**
 * Invites more people to a meeting not yet held (issue 15): colleagues by name, as when arranging,
 * and partners without an account. Each is kept in the meeting's history of who is invited; each
 * child's chronology says how many, naming no one. A form opened before someone else's change is refused (409).
 */
export async function addInvitees(db: Db, actor: Actor, id: string, version: number, input: AddInviteesInput) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.invite');
  const meeting = access.meeting;
  const candidates = await invitableColleagues(db, meeting);
  const problems = addInviteeProblems(input, new Set(candidates.map((person) => person.id)), meeting);
  if (problems.length) throw new ValidationError(problems);
  const named = candidates.filter((person) => input.inviteUserIds.includes(person.id));
  const guests = guestsGiven(input.guests);
  const names = await authorityNames(db);
  await auditedChange(
    db,
    actor,
    {
      action: 'meeting.invite',
      entityType: 'meeting',
      entityId: id,
      details: { change: 'added', userIds: named.map((person) => person.id), partners: guests.length },
    },
    async (trx) => {
      if (!(await meetings.bumpIfUnheld(trx, id, version))) throw new ConflictError(null, null, []);
      const added = [
        ...named.map((person) => ({
          as: 'named' as const,
          roleLabel: jobOf(person),
          name: person.name,
          agency: person.agency || names.name(meeting.authorityId),
          userId: person.id,
          email: '',
        })),
        ...guests.map((guest) => ({
          as: 'partner' as const,
          roleLabel: guest.role,
          name: guest.name,
          agency: '',
          userId: null,
          email: guest.email,
        })),
      ];
      for (const { as, ...invitee } of added) {
        const rowId = await meetings.addInvitee(trx, id, invitee, as);
        await meetings.addInviteeChange(
          trx,
          id,
          rowId,
          { kind: 'added', ...invitee, was: '', reason: '' },
          actor.user.id,
        );
      }
      await meetingChronology(trx, actor, id, meeting, `${meeting.typeLabel}: ${peopleCount(added.length)} invited.`);
      await children.touchChildren(
        trx,
        meeting.children.map((meetingChild) => meetingChild.childId),
      );
    },
  );
  return named.length + guests.length;
}

/** The invitee a change is about, among those invited by name; refused as not found otherwise. */
async function namedInvitee(db: Db, actor: Actor, access: Access, inviteeId: string, doing: 'remove' | 'edit') {
  const invitee = changeable(access.meeting.invitees, inviteeId, doing);
  if (!invitee) return notFound(db, actor, 'meeting.invite', 'meeting', access.meeting.id);
  return invitee;
}

/**
 * Removes someone invited by name from a meeting not yet held, with the reason (issue 15): their
 * invitation is kept, marked removed, in the meeting's history; an account that saw the meeting
 * only through it no longer does. Each child's chronology says someone was removed, naming no one.
 */
export async function removeInvitee(
  db: Db,
  actor: Actor,
  id: string,
  inviteeId: string,
  version: number,
  reason: string,
) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.invite');
  const meeting = access.meeting;
  const invitee = await namedInvitee(db, actor, access, inviteeId, 'remove');
  const problems = removeInviteeProblems(reason, meeting);
  if (problems.length) throw new ValidationError(problems);
  const why = reason.trim();
  await auditedChange(
    db,
    actor,
    {
      action: 'meeting.invite',
      entityType: 'meeting',
      entityId: id,
      details: {
        change: 'removed',
        withAccount: invitee.userId !== null,
        ...(invitee.userId ? { userId: invitee.userId } : {}),
      },
    },
    async (trx) => {
      if (!(await meetings.bumpIfUnheld(trx, id, version))) throw new ConflictError(null, null, []);
      await meetings.removeInvitee(trx, id, invitee.id, actor.user.id, why);
      await meetings.addInviteeChange(
        trx,
        id,
        invitee.id,
        {
          kind: 'removed',
          name: invitee.name,
          roleLabel: invitee.roleLabel,
          agency: invitee.agency,
          email: invitee.email,
          was: '',
          reason: why,
        },
        actor.user.id,
      );
      await meetingChronology(trx, actor, id, meeting, `${meeting.typeLabel}: one person is no longer invited.`);
      await children.touchChildren(
        trx,
        meeting.children.map((meetingChild) => meetingChild.childId),
      );
    },
  );
  return invitee.name;
}

/** A partner's details as they are now, as the form to change them shows them. */
export function partnerOf(invitee: meetings.InviteeRow): PartnerInput {
  return { name: invitee.name, role: invitee.roleLabel, agency: invitee.agency, email: invitee.email };
}

/**
 * Corrects the details of a partner invited without an account (issue 15): their name, role or
 * organisation, agency and email address; the history keeps what they were.
 */
export async function changePartner(
  db: Db,
  actor: Actor,
  id: string,
  inviteeId: string,
  version: number,
  input: PartnerInput,
) {
  const access = await authorizeMeeting(db, actor, id, 'meeting.invite');
  const meeting = access.meeting;
  const invitee = await namedInvitee(db, actor, access, inviteeId, 'edit');
  const current = partnerOf(invitee);
  const problems = partnerProblems(input, current, meeting);
  if (problems.length) throw new ValidationError(problems);
  const given = partnerGiven(input);
  const fields = (Object.keys(given) as (keyof PartnerInput)[]).filter((key) => given[key] !== current[key].trim());
  await auditedChange(
    db,
    actor,
    { action: 'meeting.invite', entityType: 'meeting', entityId: id, details: { change: 'changed', fields } },
    async (trx) => {
      if (!(await meetings.bumpIfUnheld(trx, id, version))) throw new ConflictError(null, null, []);
      const details = { name: given.name, roleLabel: given.role, agency: given.agency, email: given.email };
      await meetings.setPartnerDetails(trx, id, invitee.id, details);
      await meetings.addInviteeChange(
        trx,
        id,
        invitee.id,
        { kind: 'changed', ...details, was: partnerText(current), reason: '' },
        actor.user.id,
      );
    },
  );
  return given.name;
}

/** Meetings for a child's record, and those shared with this user (chair, invitee, or representing their authority). */
export async function myMeetings(db: Db, actor: Actor) {
  await requireRole(db, actor, CASE_ROLES, 'meetings.list');
  const list = await meetings.meetingsSharedWith(
    db,
    actor.user.authorityId,
    actor.user.id,
    actor.user.roles.some((role) => REPRESENTING_ROLES.includes(role)),
  );
  await auditView(db, actor, {
    action: 'meetings.list',
    entityType: 'user',
    entityId: actor.user.id,
    details: { count: list.length },
  });
  return { meetings: list, today: londonToday() };
}

/** For a task page: the meetings arranged for it, and whether a child involved still has none (separate meetings, R-KEN-6). */
export async function taskMeetings(db: Db, task: tasks.Task) {
  const list = await meetings.meetingsForTask(db, task.id);
  if (!task.incidentId) return { meetings: list, canArrange: false, partly: false };
  const incident = await incidents.findIncident(db, task.incidentId);
  const covered = new Set(
    (await meetings.childrenMeetingForTask(db, task.id)).map((meetingChild) => meetingChild.childId),
  );
  const remaining = (incident?.children ?? []).filter(
    (linked) => (linked.role === 'displayed' || linked.role === 'targeted') && !covered.has(linked.childId),
  );
  return {
    meetings: list,
    canArrange: task.status === 'open' && remaining.length > 0,
    // Some children already have a meeting (not cancelled) for this task: the next is a separate one.
    partly: covered.size > 0,
  };
}

export { meetingType };
