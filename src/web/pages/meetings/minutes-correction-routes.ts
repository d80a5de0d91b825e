// Correcting a meeting's approved minutes (issue 15): the form with the notes against the agenda
// and the safety plans the person may write, a reason, and the minutes as they were before each
// correction. The service decides who may and keeps every version.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MINUTES_LIMITS } from '../../../domain/meeting-rules.ts';
import type { ConflictError } from '../../../services/errors.ts';
import * as correctionService from '../../../services/minutes-correction-service.ts';
import { field, pageSchema } from '../../page-schema.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import type { ErrorView } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { agendaSections } from './view-model.ts';

type Id = { Params: { id: string } };

/** The correction as posted: a note for each agenda item (`note-<n>`), a plan for each child (`safetyPlan-<id>`), why. */
const correctMinutesForm = pageSchema(
  { version: field.version(), notes: field.prefixed(), safetyPlans: field.prefixed(), reason: field.text() },
  { prefixes: { notes: 'note-', safetyPlans: 'safetyPlan-' } },
);

type Values = { notes: Record<string, string>; safetyPlans: Record<string, string>; reason: string };

export default function minutesCorrectionRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: Values; errors?: ErrorView; conflict?: ConflictError } = {},
  ) {
    const found = await correctionService.minutesToCorrect(db, actorOf(request), id);
    const { meeting } = found;
    const values = extra.values ?? {
      notes: Object.fromEntries(meeting.agenda.map((item, index) => [String(index), item.notes])),
      safetyPlans: Object.fromEntries(found.planChildren.map((child) => [child.childId, child.safetyPlan])),
      reason: '',
    };
    return reply.page('pages/meetings/correct-minutes.njk', {
      pageTitle: 'Correct the minutes',
      backLink: paths.meetings.show(id),
      m: meeting,
      typeLabel: found.typeLabel,
      versionNow: found.versionNow,
      sections: agendaSections(meeting.agenda),
      planChildren: found.planChildren,
      limits: MINUTES_LIMITS,
      values,
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    });
  }

  app.get<Id>('/meetings/:id/minutes/correct', { config: { action: 'meeting.correct_minutes' } }, (request, reply) =>
    render(request, reply, request.params.id),
  );

  app.post<Id>('/meetings/:id/minutes/correct', { config: { action: 'meeting.correct_minutes' } }, (request, reply) => {
    const { id } = request.params;
    const { version, ...values } = correctMinutesForm.read(request.body);
    const notes: Record<number, string> = {};
    for (const [index, note] of Object.entries(values.notes)) if (/^\d{1,3}$/.test(index)) notes[Number(index)] = note;
    return submitForm(request, reply, {
      act: () =>
        correctionService.correctMinutes(db, actorOf(request), id, version, {
          notes,
          safetyPlans: values.safetyPlans,
          reason: values.reason,
        }),
      flash: (number) => ({
        title: 'Minutes corrected',
        text: `This is version ${number + 1}; the minutes as approved are kept. Send the corrected minutes to those who had them.`,
      }),
      redirect: () => paths.meetings.show(id),
      again: (errorReply, errors) => render(request, errorReply, id, { values, errors }),
      conflict: (conflictReply, conflict) => render(request, conflictReply, id, { values, conflict }),
    });
  });

  app.get<{ Params: { id: string; number: string } }>(
    '/meetings/:id/minutes/versions/:number',
    { config: { action: 'meeting.view' } },
    async (request, reply) => {
      const number = Number(request.params.number);
      if (!Number.isInteger(number) || number < 1 || number > 10_000) return reply.callNotFound();
      const view = await correctionService.minutesVersion(db, actorOf(request), request.params.id, number);
      return reply.page('pages/meetings/minutes-version.njk', {
        pageTitle: 'The minutes, as they were',
        backLink: paths.meetings.show(view.meeting.id),
        ...view,
        sections: agendaSections(view.agenda),
      });
    },
  );
}
