// Meetings: arranged from a task, the proposed invitees and agenda, minutes with attendance and the
// immediate safety plans, each child's outcome, the chair's approval, circulation, closing, and a
// printable and downloadable record (R-KEN-6..8, R-KEN-13, R-ISL-5, R-ISL-7). Also each child's
// meetings and the police, prosecution and Out of Court Triage decisions (R-KEN-9, R-NEL-7).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EXTERNAL_AGENCIES, EXTERNAL_DECISIONS } from '../../../domain/external-decisions.ts';
import { OUTCOME_LIMITS } from '../../../domain/meetings.ts';
import { ValidationError } from '../../../services/context.ts';
import * as externalService from '../../../services/external-decision-service.ts';
import * as meetingService from '../../../services/meeting-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, dateParts, errorView, list, partsFromIso, str } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { citeHtml, escapeHtml } from '../../cite.ts';

const roleText = { displayed: 'Child who harmed', targeted: 'Child harmed' } as const;

export default function meetingRoutes(app: FastifyInstance, { db }: AppDeps): void {
  // --- Arranging a meeting from the task that calls for it ---
  async function renderArrange(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: meetingService.ArrangeInput; errors?: unknown } = {},
  ) {
    const { id } = request.params as { id: string };
    const options = await meetingService.arrangeOptions(db, actorOf(request), id);
    const values = extra.values ?? {
      childIds: options.children.map((child) => child.childId),
      responsible: Object.fromEntries(options.children.map((child) => [child.childId, child.authorityId])),
      chairId: '',
      invite: options.invitees.filter((i) => i.proposed).map((i) => i.inviteeId),
    };
    return reply.page('pages/meetings/arrange.njk', {
      pageTitle: `Arrange: ${options.type.label}`,
      backLink: paths.tasks.show(options.task.id),
      o: options,
      type: options.type,
      task: options.task,
      canArrange: options.canArrange,
      childItems: options.children.map((child) => ({
        value: child.childId,
        text: `${child.name} (${roleText[child.role].toLowerCase()})`,
        checked: values.childIds.includes(child.childId),
      })),
      responsibleSelects: options.children.map((child) => ({
        childId: child.childId,
        label: `Authority responsible for ${child.name}`,
        items: options.authorities.map((a) => ({
          value: a.id,
          text: a.name,
          selected: values.responsible[child.childId] === a.id,
        })),
      })),
      chairGroups: options.chairCandidates.map((group) => ({
        label: group.authority.name,
        users: group.users.map((user) => ({ ...user, selected: user.id === values.chairId })),
      })),
      inviteItems: options.invitees.map((i) => ({
        value: i.inviteeId,
        text: `${i.label}${i.mode === 'inform' ? ' (to be informed, not invited)' : ''}`,
        hint: { html: `${escapeHtml(`${i.reason}${i.because ? ` ${i.because}` : ''}`)} (${citeHtml(i.clause)})` },
        checked: values.invite.includes(i.inviteeId),
      })),
      ...extra,
    });
  }

  app.get('/tasks/:id/meeting', { config: { action: 'task.view' } }, (request, reply) => renderArrange(request, reply));

  app.post('/tasks/:id/meeting', { config: { action: 'meeting.arrange' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as Body;
    const childIds = list(body, 'childIds');
    const responsible: Record<string, string> = {};
    for (const k of Object.keys(body))
      if (k.startsWith('responsible-')) responsible[k.slice('responsible-'.length)] = str(body, k);
    const values = { childIds, responsible, chairId: str(body, 'chairId'), invite: list(body, 'invite') };
    let meetingId: string;
    try {
      meetingId = await meetingService.arrange(db, actorOf(request), id, values);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderArrange(request, reply.code(400), { values, errors: errorView(err.errors) });
    }
    request.session.flash = {
      title: 'Meeting arranged',
      text: 'Record the minutes, the immediate safety plans and each child’s outcome after the meeting.',
    };
    return reply.redirect(paths.meetings.show(meetingId), 303);
  });

  // --- Lists ---
  app.get('/meetings', { config: { action: 'meetings.list' } }, async (request, reply) => {
    const { meetings, today } = await meetingService.myMeetings(db, actorOf(request));
    return reply.page('pages/meetings/list.njk', {
      pageTitle: 'Meetings',
      meetings: meetings.map((meeting) => ({
        ...meeting,
        overdue: meeting.status === 'arranged' && !meeting.heldOn && meeting.dueOn !== null && meeting.dueOn < today,
      })),
    });
  });

  // --- One meeting ---
  async function renderMeeting(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { id } = request.params as { id: string };
    const details = await meetingService.viewMeeting(db, actorOf(request), id);
    return reply.page('pages/meetings/show.njk', { pageTitle: details.meeting.typeLabel, ...view(details), ...extra });
  }

  function view(details: Awaited<ReturnType<typeof meetingService.viewMeeting>>) {
    const meeting = details.meeting;
    const sections: { heading: string; items: { index: number; text: string; notes: string }[] }[] = [];
    meeting.agenda.forEach((item, index) => {
      const last = sections.at(-1);
      if (last && last.heading === item.section) last.items.push({ index, text: item.text, notes: item.notes });
      else sections.push({ heading: item.section, items: [{ index, text: item.text, notes: item.notes }] });
    });
    return {
      ...details,
      m: meeting,
      sections,
      roleText,
      chairAuthority: details.authorityName(meeting.chairAuthorityId),
      authorities: [
        ...new Set([meeting.authorityId, ...meeting.children.map((child) => child.responsibleAuthorityId)]),
      ].map(details.authorityName),
      overdue:
        meeting.status === 'arranged' && !meeting.heldOn && meeting.dueOn !== null && meeting.dueOn < details.today,
      children: meeting.children.map((child) => ({
        ...child,
        visible: details.recordChildIds.includes(child.childId),
        responsibleName: details.authorityName(child.responsibleAuthorityId),
        roleText: roleText[child.role],
      })),
      circulateItems: meeting.invitees
        .filter((i) => !i.circulatedAt)
        .map((i) => ({
          value: i.id,
          text: `${i.roleLabel}${i.name ? `: ${i.name}` : ''}${i.agency ? `, ${i.agency}` : ''}`,
        })),
    };
  }

  app.get('/meetings/:id', { config: { action: 'meeting.view' } }, (request, reply) => renderMeeting(request, reply));

  // --- Minutes ---
  async function renderMinutes(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: meetingService.MinutesInput; errors?: unknown } = {},
  ) {
    const { id } = request.params as { id: string };
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.view', {
      action: 'meeting.record',
    });
    const meeting = details.meeting;
    const values = extra.values ?? {
      heldOn: partsFromIso(meeting.heldOn),
      notes: meeting.agenda.map((a) => a.notes),
      policeInvolvement: meeting.policeInvolvement ?? '',
      policeInvolvementReason: meeting.policeInvolvementReason,
      attended: Object.fromEntries(
        meeting.invitees.map((i) => [i.id, i.attended === null ? '' : i.attended ? 'yes' : 'no']),
      ),
      names: Object.fromEntries(meeting.invitees.map((i) => [i.id, i.name])),
      agencies: Object.fromEntries(meeting.invitees.map((i) => [i.id, i.agency])),
      safetyPlans: Object.fromEntries(meeting.children.map((child) => [child.childId, child.safetyPlan])),
    };
    return reply.page('pages/meetings/minutes.njk', {
      pageTitle: `Minutes: ${meeting.typeLabel}`,
      backLink: paths.meetings.show(meeting.id),
      ...view(details),
      values,
      limits: meetingService.MINUTES_LIMITS,
      ...extra,
    });
  }

  app.get('/meetings/:id/minutes', { config: { action: 'meeting.record' } }, (request, reply) =>
    renderMinutes(request, reply),
  );

  app.post('/meetings/:id/minutes', { config: { action: 'meeting.record' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as Body;
    const byPrefix = (prefix: string) =>
      Object.fromEntries(
        Object.keys(body)
          .filter((k) => k.startsWith(prefix))
          .map((k) => [k.slice(prefix.length), str(body, k)]),
      );
    const notes: string[] = [];
    for (const [k, note] of Object.entries(byPrefix('note-'))) if (/^\d{1,3}$/.test(k)) notes[Number(k)] = note;
    const values: meetingService.MinutesInput = {
      heldOn: dateParts(body, 'heldOn'),
      notes: Array.from(notes, (n) => n ?? ''),
      policeInvolvement: str(body, 'policeInvolvement'),
      policeInvolvementReason: str(body, 'policeInvolvementReason'),
      attended: byPrefix('attended-'),
      names: byPrefix('name-'),
      agencies: byPrefix('agency-'),
      safetyPlans: byPrefix('safetyPlan-'),
    };
    try {
      await meetingService.recordMinutes(db, actorOf(request), id, Number(str(body, 'version')), values);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const errors = err.errors.map((formError) =>
        formError.field === 'heldOn' ? { ...formError, href: '#heldOn-day' } : formError,
      );
      return renderMinutes(request, reply.code(400), { values, errors: errorView(errors) });
    }
    request.session.flash = { title: 'Minutes saved' };
    return reply.redirect(paths.meetings.show(id), 303);
  });

  // --- Attendees not proposed by the pack ---
  async function renderAttendee(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { id } = request.params as { id: string };
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.view', {
      action: 'meeting.add_attendee',
    });
    const accounts = await meetingService.attendeeAccounts(db, details.meeting);
    const values = (extra['values'] as Record<string, string> | undefined) ?? {
      roleLabel: '',
      name: '',
      agency: '',
      userId: '',
    };
    return reply.page('pages/meetings/attendee.njk', {
      pageTitle: 'Add someone to the meeting',
      backLink: paths.meetings.show(id),
      m: details.meeting,
      values,
      accountItems: [
        { value: '', text: 'No account' },
        ...accounts.map((a) => ({ value: a.id, text: a.name, selected: a.id === values['userId'] })),
      ],
      ...extra,
    });
  }

  app.get('/meetings/:id/attendees', { config: { action: 'meeting.add_attendee' } }, (request, reply) =>
    renderAttendee(request, reply),
  );

  app.post('/meetings/:id/attendees', { config: { action: 'meeting.add_attendee' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as Body;
    const values = {
      roleLabel: str(body, 'roleLabel'),
      name: str(body, 'name'),
      agency: str(body, 'agency'),
      userId: str(body, 'userId'),
    };
    try {
      await meetingService.addAttendee(db, actorOf(request), id, values);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderAttendee(request, reply.code(400), { values, errors: errorView(err.errors) });
    }
    request.session.flash = { title: `${values.name.trim()} added to the meeting` };
    return reply.redirect(paths.meetings.show(id), 303);
  });

  // --- Each child's outcome ---
  async function renderOutcome(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { id, childId } = request.params as { id: string; childId: string };
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.view', {
      action: 'meeting.outcome',
      childId,
    });
    const child = details.meeting.children.find((candidate) => candidate.childId === childId);
    if (!child) return reply.callNotFound();
    const values = (extra['values'] as Record<string, string> | undefined) ?? {};
    return reply.page('pages/meetings/outcome.njk', {
      pageTitle: `Outcome for ${child.name}`,
      backLink: paths.meetings.show(id),
      ...view(details),
      child: { ...child, roleText: roleText[child.role] },
      askAlsoHarmed: Boolean(details.type.alsoHarmedPrompt) && child.role === 'displayed',
      outcomeItems: details.outcomeOptions.map((option) => ({
        value: option.id,
        text: option.label,
        hint: { text: option.hint },
        checked: values['outcome'] === option.id,
      })),
      limits: OUTCOME_LIMITS,
      values,
      ...extra,
    });
  }

  app.get('/meetings/:id/children/:childId/outcome', { config: { action: 'meeting.outcome' } }, (request, reply) =>
    renderOutcome(request, reply),
  );

  app.post(
    '/meetings/:id/children/:childId/outcome',
    { config: { action: 'meeting.outcome' } },
    async (request, reply) => {
      const { id, childId } = request.params as { id: string; childId: string };
      const body = request.body as Body;
      const values = {
        outcome: str(body, 'outcome'),
        rationale: str(body, 'rationale'),
        reasons: str(body, 'reasons'),
        informer: str(body, 'informer'),
        leadAgency: str(body, 'leadAgency'),
        investigation: str(body, 'investigation'),
        timescale: str(body, 'timescale'),
        alsoHarmed: str(body, 'alsoHarmed'),
      };
      try {
        await meetingService.recordOutcome(db, actorOf(request), id, childId, values);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return renderOutcome(request, reply.code(400), { values, errors: errorView(err.errors) });
      }
      request.session.flash = { title: 'Outcome recorded', text: 'The next tasks are on the child’s task list.' };
      return reply.redirect(paths.meetings.show(id), 303);
    },
  );

  // --- The chair approves, the minutes are circulated, the chair closes ---
  async function action(request: FastifyRequest, reply: FastifyReply, run: () => Promise<void>, flash: string) {
    const { id } = request.params as { id: string };
    try {
      await run();
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderMeeting(request, reply.code(400), { errors: errorView(err.errors) });
    }
    request.session.flash = { title: flash };
    return reply.redirect(paths.meetings.show(id), 303);
  }

  app.post('/meetings/:id/approve', { config: { action: 'meeting.approve' } }, (request, reply) => {
    const { id } = request.params as { id: string };
    return action(
      request,
      reply,
      () => meetingService.approveMinutes(db, actorOf(request), id, Number(str(request.body as Body, 'version'))),
      'Minutes approved',
    );
  });

  app.post('/meetings/:id/circulate', { config: { action: 'meeting.circulate' } }, (request, reply) => {
    const { id } = request.params as { id: string };
    return action(
      request,
      reply,
      () => meetingService.circulate(db, actorOf(request), id, list(request.body as Body, 'inviteeIds')),
      'Circulation recorded',
    );
  });

  app.post('/meetings/:id/close', { config: { action: 'meeting.close' } }, (request, reply) => {
    const { id } = request.params as { id: string };
    return action(
      request,
      reply,
      () => meetingService.close(db, actorOf(request), id, Number(str(request.body as Body, 'version'))),
      'Meeting closed',
    );
  });

  // --- Print and download: the same accessible document ---
  app.get('/meetings/:id/print', { config: { action: 'meeting.view' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.print');
    return reply.page('pages/meetings/print.njk', {
      pageTitle: `${details.meeting.typeLabel}: record`,
      backLink: paths.meetings.show(id),
      ...view(details),
    });
  });

  app.get('/meetings/:id/export', { config: { action: 'meeting.view' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const details = await meetingService.viewMeeting(db, actorOf(request), id, 'meeting.export');
    const html = reply.renderDocument('pages/meetings/document.njk', {
      ...view(details),
      pageTitle: `${details.meeting.typeLabel}: record`,
    });
    const slug = details.meeting.typeLabel.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${slug}-${details.meeting.heldOn ?? details.meeting.dueOn ?? 'arranged'}.html"`,
      )
      .send(html);
  });

  // --- A child's meetings and external decisions ---
  async function renderChildMeetings(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) {
    const { id } = request.params as { id: string };
    const { child, decisions, canRecord, meetings } = await externalService.externalDecisions(db, actorOf(request), id);
    return reply.page('pages/meetings/child.njk', {
      pageTitle: `Meetings and decisions: ${child.firstName} ${child.lastName}`,
      child,
      meetings,
      decisions: decisions.map((decision) => ({ ...decision, agencyText: EXTERNAL_AGENCIES[decision.agency] })),
      canRecord,
      ...extra,
    });
  }

  app.get('/children/:id/meetings', { config: { action: 'external_decision.view' } }, (request, reply) =>
    renderChildMeetings(request, reply),
  );

  async function renderExternal(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { id } = request.params as { id: string };
    const { child } = await externalService.externalDecisions(db, actorOf(request), id, 'form');
    const values = (extra['values'] as Record<string, unknown> | undefined) ?? {
      agency: '',
      decision: '',
      decidedOn: { day: '', month: '', year: '' },
      youthJusticeRecommendation: '',
      note: '',
    };
    return reply.page('pages/meetings/external.njk', {
      pageTitle: 'Record a police, prosecution or triage decision',
      backLink: paths.children.meetings(id),
      child,
      values,
      // One question, its options grouped by the agency that makes them: a fieldset for each.
      decisionGroups: Object.entries(EXTERNAL_DECISIONS).map(([agency, options], i) => ({
        agency,
        idPrefix: i === 0 ? 'decision' : `decision-${agency}`,
        label: EXTERNAL_AGENCIES[agency as keyof typeof EXTERNAL_AGENCIES],
        items: Object.entries(options).map(([value, text]) => ({
          value: `${agency}:${value}`,
          text,
          checked: values['agency'] === agency && values['decision'] === value,
        })),
      })),
      limits: externalService.EXTERNAL_LIMITS,
      ...extra,
    });
  }

  app.get(
    '/children/:id/external-decisions/new',
    { config: { action: 'external_decision.record' } },
    (request, reply) => renderExternal(request, reply),
  );

  app.post(
    '/children/:id/external-decisions',
    { config: { action: 'external_decision.record' } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as Body;
      // Each decision names the agency that made it: "cps:charge".
      const [agency, decision] = str(body, 'decision').split(':') as [string, string | undefined];
      const values = {
        agency: decision === undefined ? '' : agency,
        decision: decision ?? '',
        decidedOn: dateParts(body, 'decidedOn'),
        youthJusticeRecommendation: str(body, 'youthJusticeRecommendation'),
        note: str(body, 'note'),
      };
      try {
        await externalService.recordExternalDecision(db, actorOf(request), id, values);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const errors = err.errors.map((formError) =>
          formError.field === 'decidedOn' ? { ...formError, href: '#decidedOn-day' } : formError,
        );
        return renderExternal(request, reply.code(400), { values, errors: errorView(errors) });
      }
      request.session.flash = { title: 'Decision recorded' };
      return reply.redirect(paths.children.meetings(id), 303);
    },
  );
}
