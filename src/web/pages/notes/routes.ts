// Case notes (issue 15): a child's notes, writing one, and one note on its own page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as noteService from '../../../services/note-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { noteForm } from './schema.ts';
import { emptyNote, kindItems, noteBodyMap, notesModel, noteView } from './view-model.ts';

type Id = { Params: { id: string } };

export default function noteRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get<Id>('/children/:id/notes', { config: { action: 'note.view' } }, async (request, reply) => {
    const { child, notes, canWrite } = await noteService.childNotes(db, actorOf(request), request.params.id);
    return reply.page('pages/notes/child.njk', notesModel(child, notes, canWrite));
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: noteService.NoteInput; errors?: unknown } = {},
  ) {
    const { child, mayOversee } = await noteService.childNotes(db, actorOf(request), id, 'form');
    const values = extra.values ?? emptyNote();
    return reply.page('pages/notes/new.njk', {
      pageTitle: 'Write a case note',
      backLink: paths.children.notes(id),
      child,
      values,
      kindItems: kindItems(values.kind, mayOversee),
      bodyMap: noteBodyMap(values),
      limits: noteService.NOTE_LIMITS,
      ...extra,
    });
  }

  app.get<Id>('/children/:id/notes/new', { config: { action: 'note.write' } }, (request, reply) =>
    renderForm(request, reply, request.params.id),
  );

  app.post<Id>('/children/:id/notes/new', { config: { action: 'note.write' } }, (request, reply) => {
    const { id } = request.params;
    const values = noteForm.read(request.body);
    return submitForm(request, reply, {
      act: () => noteService.writeNote(db, actorOf(request), id, values),
      flash: 'Note saved',
      redirect: () => paths.children.notes(id),
      again: (errorReply, errors) => renderForm(request, errorReply, id, { values, errors }),
      hrefs: noteForm.hrefs,
    });
  });

  app.get<Id>('/notes/:id', { config: { action: 'note.view' } }, async (request, reply) => {
    const { note, child } = await noteService.viewNote(db, actorOf(request), request.params.id);
    const view = noteView(note);
    return reply.page('pages/notes/show.njk', {
      pageTitle: `${view.kind}, ${view.happenedOn}`,
      backLink: paths.children.notes(child.id),
      child,
      note: view,
    });
  });
}
