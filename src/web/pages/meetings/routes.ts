// Meetings: arranged from a task, the proposed invitees and agenda, minutes with attendance and the
// immediate safety plans, each child's outcome, the chair's approval, circulation, closing, and a
// printable and downloadable record (R-KEN-6..8, R-KEN-13, R-ISL-5, R-ISL-7). Also each child's
// meetings and the police, prosecution and Out of Court Triage decisions (R-KEN-9, R-NEL-7).
// Each route parses its form (schema.ts), calls a service and renders what view-model.ts builds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OUTCOME_LIMITS } from '../../../domain/meetings.ts';
import * as externalService from '../../../services/external-decision-service.ts';
import * as meetingService from '../../../services/meeting-service.ts';
import { minutesCorrections } from '../../../services/minutes-correction-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { recordForms, submitForm } from '../../submit-form.ts';
import {
  arrangeForm,
  arrangeInput,
  attendeeForm,
  cancelForm,
  circulateForm,
  externalForm,
  externalInput,
  inviteForm,
  inviteInput,
  minutesForm,
  minutesInput,
  outcomeForm,
  partnerForm,
  partnerInput,
  removeInviteeForm,
  rescheduleForm,
  rescheduleInput,
  versionForm,
} from './schema.ts';
import {
  type AttendeeValues,
  EMPTY_ATTENDEE,
  EMPTY_EXTERNAL,
  EMPTY_INVITE,
  type InviteValues,
  type ExternalValues,
  accountItems,
  arrangeDefaults,
  arrangeView,
  decisionGroups,
  decisionRows,
  exportFileName,
  inviteView,
  meetingListRows,
  meetingView,
  minutesDefaults,
  outcomeView,
  scheduleValues,
} from './view-model.ts';
import {
  GUEST_LIMITS,
  INVITEE_LIMITS,
  type PartnerInput,
  SCHEDULE_LIMITS,
  type ScheduleInput,
} from '../../../domain/meeting-schedule.ts';
import type { ConflictError } from '../../../services/context.ts';

type Id = { Params: { id: string } };
type ChildOutcome = { Params: { id: string; childId: string } };
type OneInvitee = { Params: { id: string; inviteeId: string } };

export default function meetingRoutes(app: FastifyInstance, { db }: AppDeps): void {
  // --- Arranging a meeting from the task that calls for it ---
  async function renderArrange(
    request: FastifyRequest,
    reply: FastifyReply,
    taskId: string,
    extra: { values?: meetingService.ArrangeInput; errors?: unknown } = {},
  ) {
    const options = await meetingService.arrangeOptions(db, actorOf(request), taskId);
    return reply.page('pages/meetings/arrange.njk', {
      ...arrangeView(options, extra.values ?? arrangeDefaults(options)),
      backLink: paths.tasks.show(options.task.id),
      ...extra,
    });
  }

  app.get<Id>('/tasks/:id/meeting', { config: { action: 'task.view' } }, (request, reply) =>
    renderArrange(request, reply, request.params.id),
  );

  app.post<Id>('/tasks/:id/meeting', { config: { action: 'meeting.arrange' } }, (request, reply) => {
    const { id } = request.params;
    const values = arrangeInput(arrangeForm.read(request.body));
    return submitForm(request, reply, {
      act: () => meetingService.arrange(db, actorOf(request), id, values),
      flash: {
        title: 'Meeting arranged',
        text: 'Record the minutes, the immediate safety plans and each child’s outcome after the meeting.',
      },
      redirect: (meetingId) => paths.meetings.show(meetingId),
      again: (errorReply, errors) => renderArrange(request, errorReply, id, { values, errors }),
      hrefs: arrangeForm.hrefs,
    });
  });

  // --- Lists ---
  app.get('/meetings', { config: { action: 'meetings.list' } }, async (request, reply) => {
    const { meetings, today } = await meetingService.myMeetings(db, actorOf(request));
    return reply.page('pages/meetings/list.njk', { pageTitle: 'Meetings', meetings: meetingListRows(meetings, today) });
  });

  // --- One meeting ---
  async function renderMeeting(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
    const details = await meetingService.viewMeeting(db, actorOf(request), id);
    return reply.page('pages/meetings/show.njk', {
      pageTitle: details.meeting.typeLabel,
      ...meetingView(details),
      minutesCorrections: await minutesCorrections(db, id),
      ...extra,
    });
  }

  app.get<Id>('/meetings/:id', { config: { action: 'meeting.view' } }, (request, reply) =>
    renderMeeting(request, reply, request.params.id),
  );

  // --- Minutes ---
  async function renderMinutes(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: meetingService.MinutesInput; errors?: unknown } = {},
  ) {
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.view', {
      action: 'meeting.record',
    });
    const meeting = details.meeting;
    return reply.page('pages/meetings/minutes.njk', {
      pageTitle: `Minutes: ${meeting.typeLabel}`,
      backLink: paths.meetings.show(meeting.id),
      ...meetingView(details),
      values: extra.values ?? minutesDefaults(meeting),
      limits: meetingService.MINUTES_LIMITS,
      ...extra,
    });
  }

  app.get<Id>('/meetings/:id/minutes', { config: { action: 'meeting.record' } }, (request, reply) =>
    renderMinutes(request, reply, request.params.id),
  );

  app.post<Id>('/meetings/:id/minutes', { config: { action: 'meeting.record' } }, (request, reply) => {
    const { id } = request.params;
    const data = minutesForm.read(request.body);
    const values = minutesInput(data);
    return submitForm(request, reply, {
      act: () => meetingService.recordMinutes(db, actorOf(request), id, data.version, values),
      flash: 'Minutes saved',
      redirect: () => paths.meetings.show(id),
      again: (errorReply, errors) => renderMinutes(request, errorReply, id, { values, errors }),
      hrefs: minutesForm.hrefs,
    });
  });

  // --- Attendees not proposed by the pack ---
  async function renderAttendee(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: AttendeeValues; errors?: unknown } = {},
  ) {
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.view', {
      action: 'meeting.add_attendee',
    });
    const accounts = await meetingService.attendeeAccounts(db, details.meeting);
    const values = extra.values ?? EMPTY_ATTENDEE;
    return reply.page('pages/meetings/attendee.njk', {
      pageTitle: 'Add someone to the meeting',
      backLink: paths.meetings.show(id),
      m: details.meeting,
      values,
      accountItems: accountItems(accounts, values.userId),
      ...extra,
    });
  }

  app.get<Id>('/meetings/:id/attendees', { config: { action: 'meeting.add_attendee' } }, (request, reply) =>
    renderAttendee(request, reply, request.params.id),
  );

  app.post<Id>('/meetings/:id/attendees', { config: { action: 'meeting.add_attendee' } }, (request, reply) => {
    const { id } = request.params;
    const values = attendeeForm.read(request.body);
    return submitForm(request, reply, {
      act: () => meetingService.addAttendee(db, actorOf(request), id, values),
      flash: `${values.name.trim()} added to the meeting`,
      redirect: () => paths.meetings.show(id),
      again: (errorReply, errors) => renderAttendee(request, errorReply, id, { values, errors }),
    });
  });

  // --- Each child's outcome ---
  async function renderOutcome(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    childId: string,
    extra: { values?: Record<string, string>; errors?: unknown } = {},
  ) {
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.view', {
      action: 'meeting.outcome',
      childId,
    });
    const child = details.meeting.children.find((candidate) => candidate.childId === childId);
    if (!child) return reply.callNotFound();
    const values = extra.values ?? {};
    return reply.page('pages/meetings/outcome.njk', {
      backLink: paths.meetings.show(id),
      ...meetingView(details),
      ...outcomeView(details, child, values['outcome']),
      limits: OUTCOME_LIMITS,
      values,
      ...extra,
    });
  }

  app.get<ChildOutcome>(
    '/meetings/:id/children/:childId/outcome',
    { config: { action: 'meeting.outcome' } },
    (request, reply) => renderOutcome(request, reply, request.params.id, request.params.childId),
  );

  app.post<ChildOutcome>(
    '/meetings/:id/children/:childId/outcome',
    { config: { action: 'meeting.outcome' } },
    (request, reply) => {
      const { id, childId } = request.params;
      const values = outcomeForm.read(request.body);
      return submitForm(request, reply, {
        act: () => meetingService.recordOutcome(db, actorOf(request), id, childId, values),
        flash: { title: 'Outcome recorded', text: 'The next tasks are on the child’s task list.' },
        redirect: () => paths.meetings.show(id),
        again: (errorReply, errors) => renderOutcome(request, errorReply, id, childId, { values, errors }),
      });
    },
  );

  // --- The chair approves, the minutes are circulated, the chair closes ---
  const post = recordForms(app, { show: paths.meetings.show, render: renderMeeting });
  const nothingTyped = () => ({});

  post(
    '/meetings/:id/approve',
    'meeting.approve',
    'Minutes approved',
    versionForm,
    (request, id, { version }) => meetingService.approveMinutes(db, actorOf(request), id, version),
    nothingTyped,
  );

  // The approved minutes' circulation posts no version: who they went to is added, never changed.
  app.post<Id>('/meetings/:id/circulate', { config: { action: 'meeting.circulate' } }, (request, reply) => {
    const { id } = request.params;
    const { inviteeIds } = circulateForm.read(request.body);
    return submitForm(request, reply, {
      act: () => meetingService.circulate(db, actorOf(request), id, inviteeIds),
      flash: 'Circulation recorded',
      redirect: () => paths.meetings.show(id),
      again: (errorReply, errors) => renderMeeting(request, errorReply, id, { errors }),
    });
  });

  post(
    '/meetings/:id/close',
    'meeting.close',
    'Meeting closed',
    versionForm,
    (request, id, { version }) => meetingService.close(db, actorOf(request), id, version),
    nothingTyped,
  );

  // --- Moving and cancelling a meeting not yet held, with the reason (issue 15) ---
  async function renderReschedule(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: ScheduleInput & { reason: string }; errors?: unknown; conflict?: ConflictError } = {},
  ) {
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.reschedule_view', {
      action: 'meeting.reschedule',
    });
    const view = meetingView(details);
    return reply.page('pages/meetings/reschedule.njk', {
      pageTitle: 'Move the meeting',
      backLink: paths.meetings.show(id),
      m: details.meeting,
      whenText: view.whenText,
      whereText: view.whereText,
      version: details.meeting.version,
      schedule: extra.values ?? scheduleValues(details.meeting.schedule),
      reason: extra.values?.reason ?? '',
      limits: SCHEDULE_LIMITS,
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    });
  }

  app.get<Id>('/meetings/:id/reschedule', { config: { action: 'meeting.reschedule' } }, (request, reply) =>
    renderReschedule(request, reply, request.params.id),
  );

  app.post<Id>('/meetings/:id/reschedule', { config: { action: 'meeting.reschedule' } }, (request, reply) => {
    const { id } = request.params;
    const data = rescheduleForm.read(request.body);
    const values = rescheduleInput(data);
    return submitForm(request, reply, {
      act: () => meetingService.reschedule(db, actorOf(request), id, data.version, values),
      flash: { title: 'Meeting moved', text: 'Tell everyone invited of the new day, time or place.' },
      redirect: () => paths.meetings.show(id),
      again: (errorReply, errors) => renderReschedule(request, errorReply, id, { values, errors }),
      // Someone else changed the meeting first: what was typed, against the meeting as it is now.
      conflict: (conflictReply, conflict) => renderReschedule(request, conflictReply, id, { values, conflict }),
      hrefs: rescheduleForm.hrefs,
    });
  });

  async function renderCancel(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { reason?: string; errors?: unknown; conflict?: ConflictError } = {},
  ) {
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.cancel_view', {
      action: 'meeting.cancel',
    });
    const view = meetingView(details);
    return reply.page('pages/meetings/cancel.njk', {
      pageTitle: 'Cancel the meeting',
      backLink: paths.meetings.show(id),
      m: details.meeting,
      whenText: view.whenText,
      whereText: view.whereText,
      version: details.meeting.version,
      reason: extra.reason ?? '',
      limits: SCHEDULE_LIMITS,
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    });
  }

  app.get<Id>('/meetings/:id/cancel', { config: { action: 'meeting.cancel' } }, (request, reply) =>
    renderCancel(request, reply, request.params.id),
  );

  app.post<Id>('/meetings/:id/cancel', { config: { action: 'meeting.cancel' } }, (request, reply) => {
    const { id } = request.params;
    const { version, reason } = cancelForm.read(request.body);
    return submitForm(request, reply, {
      act: () => meetingService.cancel(db, actorOf(request), id, version, reason),
      flash: { title: 'Meeting cancelled', text: 'Tell everyone invited that it is not going ahead.' },
      redirect: () => paths.meetings.show(id),
      again: (errorReply, errors) => renderCancel(request, errorReply, id, { reason, errors }),
      conflict: (conflictReply, conflict) => renderCancel(request, conflictReply, id, { reason, conflict }),
    });
  });

  // --- Who is invited, changed until the meeting is held (issue 15) ---
  async function renderInvite(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: InviteValues; errors?: unknown; conflict?: ConflictError } = {},
  ) {
    const { details, candidates } = await meetingService.inviteOptions(db, actorOf(request), id);
    const view = meetingView(details);
    return reply.page('pages/meetings/invite.njk', {
      pageTitle: 'Invite more people',
      backLink: paths.meetings.show(id),
      m: details.meeting,
      whenText: view.whenText,
      whereText: view.whereText,
      version: details.meeting.version,
      ...inviteView(candidates, extra.values ?? EMPTY_INVITE),
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    });
  }

  app.get<Id>('/meetings/:id/invitees/new', { config: { action: 'meeting.invite' } }, (request, reply) =>
    renderInvite(request, reply, request.params.id),
  );

  app.post<Id>('/meetings/:id/invitees/new', { config: { action: 'meeting.invite' } }, (request, reply) => {
    const { id } = request.params;
    const data = inviteForm.read(request.body);
    const values = inviteInput(data);
    return submitForm(request, reply, {
      act: () => meetingService.addInvitees(db, actorOf(request), id, data.version, values),
      flash: (count) => ({
        title: count === 1 ? 'One more person invited' : `${count} more people invited`,
        text: 'Send them the day, time and place of the meeting.',
      }),
      redirect: () => paths.meetings.show(id),
      again: (errorReply, errors) => renderInvite(request, errorReply, id, { values, errors }),
      conflict: (conflictReply, conflict) => renderInvite(request, conflictReply, id, { values, conflict }),
    });
  });

  async function renderRemoveInvitee(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    inviteeId: string,
    extra: { reason?: string; errors?: unknown; conflict?: ConflictError } = {},
  ) {
    const { details, invitee } = await meetingService.inviteeToChange(db, actorOf(request), id, inviteeId, 'remove');
    return reply.page('pages/meetings/invitee-remove.njk', {
      pageTitle: `Remove ${invitee.name || 'this person'} from the meeting`,
      backLink: paths.meetings.show(id),
      m: details.meeting,
      invitee,
      version: details.meeting.version,
      reason: extra.reason ?? '',
      limits: INVITEE_LIMITS,
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    });
  }

  app.get<OneInvitee>(
    '/meetings/:id/invitees/:inviteeId/remove',
    { config: { action: 'meeting.invite' } },
    (request, reply) => renderRemoveInvitee(request, reply, request.params.id, request.params.inviteeId),
  );

  app.post<OneInvitee>(
    '/meetings/:id/invitees/:inviteeId/remove',
    { config: { action: 'meeting.invite' } },
    (request, reply) => {
      const { id, inviteeId } = request.params;
      const { version, reason } = removeInviteeForm.read(request.body);
      return submitForm(request, reply, {
        act: () => meetingService.removeInvitee(db, actorOf(request), id, inviteeId, version, reason),
        flash: (name) => ({
          title: `${name || 'They are'} no longer invited`,
          text: 'Tell them that they are no longer invited to the meeting.',
        }),
        redirect: () => paths.meetings.show(id),
        again: (errorReply, errors) => renderRemoveInvitee(request, errorReply, id, inviteeId, { reason, errors }),
        conflict: (conflictReply, conflict) =>
          renderRemoveInvitee(request, conflictReply, id, inviteeId, { reason, conflict }),
      });
    },
  );

  async function renderEditInvitee(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    inviteeId: string,
    extra: { values?: PartnerInput; errors?: unknown; conflict?: ConflictError } = {},
  ) {
    const { details, invitee } = await meetingService.inviteeToChange(db, actorOf(request), id, inviteeId, 'edit');
    return reply.page('pages/meetings/invitee-edit.njk', {
      pageTitle: 'Change a partner’s details',
      backLink: paths.meetings.show(id),
      m: details.meeting,
      invitee,
      version: details.meeting.version,
      values: extra.values ?? meetingService.partnerOf(invitee),
      limits: { ...GUEST_LIMITS, ...INVITEE_LIMITS },
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    });
  }

  app.get<OneInvitee>(
    '/meetings/:id/invitees/:inviteeId/edit',
    { config: { action: 'meeting.invite' } },
    (request, reply) => renderEditInvitee(request, reply, request.params.id, request.params.inviteeId),
  );

  app.post<OneInvitee>(
    '/meetings/:id/invitees/:inviteeId/edit',
    { config: { action: 'meeting.invite' } },
    (request, reply) => {
      const { id, inviteeId } = request.params;
      const data = partnerForm.read(request.body);
      const values = partnerInput(data);
      return submitForm(request, reply, {
        act: () => meetingService.changePartner(db, actorOf(request), id, inviteeId, data.version, values),
        flash: (name) => `${name}’s details changed`,
        redirect: () => paths.meetings.show(id),
        again: (errorReply, errors) => renderEditInvitee(request, errorReply, id, inviteeId, { values, errors }),
        conflict: (conflictReply, conflict) =>
          renderEditInvitee(request, conflictReply, id, inviteeId, { values, conflict }),
      });
    },
  );

  // --- Print and download: the same accessible document ---
  app.get<Id>('/meetings/:id/print', { config: { action: 'meeting.view' } }, async (request, reply) => {
    const { id } = request.params;
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.print');
    return reply.page('pages/meetings/print.njk', {
      pageTitle: `${details.meeting.typeLabel}: record`,
      backLink: paths.meetings.show(id),
      ...meetingView(details),
    });
  });

  app.get<ChildOutcome>(
    '/meetings/:id/children/:childId/extract',
    { config: { action: 'meeting.extract' } },
    async (request, reply) => {
      const { id, childId } = request.params;
      const details = await meetingService.meetingExtract(db, actorOf(request), id, childId);
      const view = meetingView(details);
      const child = view.children.find((one) => one.childId === childId)!;
      return reply.page('pages/meetings/extract.njk', {
        pageTitle: `${details.meeting.typeLabel}: extract for ${child.firstName}’s family`,
        backLink: paths.meetings.show(id),
        ...view,
        child,
        attended: details.meeting.invitees.filter((invitee) => invitee.attended === true),
      });
    },
  );

  app.get<Id>('/meetings/:id/export', { config: { action: 'meeting.view' } }, async (request, reply) => {
    const { id } = request.params;
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.export');
    const html = reply.renderDocument('pages/meetings/document.njk', {
      ...meetingView(details),
      pageTitle: `${details.meeting.typeLabel}: record`,
    });
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="${exportFileName(details.meeting)}"`)
      .send(html);
  });

  // --- A child's meetings and external decisions ---
  app.get<Id>('/children/:id/meetings', { config: { action: 'external_decision.view' } }, async (request, reply) => {
    const { child, decisions, canRecord, meetings } = await externalService.externalDecisions(
      db,
      actorOf(request),
      request.params.id,
    );
    return reply.page('pages/meetings/child.njk', {
      pageTitle: `Meetings and decisions: ${child.firstName} ${child.lastName}`,
      child,
      meetings,
      decisions: decisionRows(decisions),
      canRecord,
    });
  });

  async function renderExternal(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: ExternalValues; errors?: unknown } = {},
  ) {
    const { child } = await externalService.externalDecisions(db, actorOf(request), id, 'form');
    const values = extra.values ?? EMPTY_EXTERNAL;
    return reply.page('pages/meetings/external.njk', {
      pageTitle: 'Record a police, prosecution or triage decision',
      backLink: paths.children.meetings(id),
      child,
      values,
      decisionGroups: decisionGroups(values),
      limits: externalService.EXTERNAL_LIMITS,
      ...extra,
    });
  }

  app.get<Id>(
    '/children/:id/external-decisions/new',
    { config: { action: 'external_decision.record' } },
    (request, reply) => renderExternal(request, reply, request.params.id),
  );

  app.post<Id>(
    '/children/:id/external-decisions',
    { config: { action: 'external_decision.record' } },
    (request, reply) => {
      const { id } = request.params;
      const values = externalInput(externalForm.read(request.body));
      return submitForm(request, reply, {
        act: () => externalService.recordExternalDecision(db, actorOf(request), id, values),
        flash: 'Decision recorded',
        redirect: () => paths.children.meetings(id),
        again: (errorReply, errors) => renderExternal(request, errorReply, id, { values, errors }),
        hrefs: externalForm.hrefs,
      });
    },
  );
}
