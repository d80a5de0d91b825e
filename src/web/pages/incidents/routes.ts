// Recording an incident: start a draft, link the children with their part in it and their
// own words, complete each section of the recording form, check answers and submit. The pages'
// models are built in view-model.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OWN_WORDS_MAX, sectionBySlug } from '../../../domain/recording-form.ts';
import { searchChildrenToLink } from '../../../services/child-service.ts';
import { NotFoundError } from '../../../services/context.ts';
import * as incidentService from '../../../services/incident-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { errorView } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import {
  childPartForm,
  childSearchQuery,
  linkChildForm,
  readSection,
  returnToQuery,
  sectionAnswersForm,
  sectionForm,
  submitIncidentForm,
  valuesFromIncident,
} from './schema.ts';
import { checkModel, childPartModel, childrenModel, incidentModel, nextAfter, sectionModel } from './view-model.ts';

export default function incidentRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/incidents', { config: { action: 'incident.create' } }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.page('pages/incidents/start.njk', {
      pageTitle: 'Record an incident of sexual behaviour',
      drafts: await incidentService.myDrafts(db, actor),
    });
  });

  app.post('/incidents', { config: { action: 'incident.create' } }, async (request, reply) => {
    const id = await incidentService.startDraft(db, actorOf(request));
    return reply.redirect(paths.incidents.children(id), 303);
  });

  app.get<{ Params: { id: string } }>(
    '/incidents/:id',
    { config: { action: 'incident.view' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const view = await incidentService.viewIncident(db, actor, id);
      if (view.incident.status === 'draft') return reply.redirect(paths.incidents.check(id), 303);
      return reply.page('pages/incidents/show.njk', incidentModel(view));
    },
  );

  // --- Children in the incident -----------------------------------------------------------
  async function renderChildren(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
    const actor = actorOf(request);
    const inc = await incidentService.getDraft(db, actor, id);
    // A submitted incident is locked: its children are read on the incident's own page.
    if (inc.status !== 'draft') return reply.redirect(paths.incidents.show(id), 303);
    const search = childSearchQuery.read(request.query).q.slice(0, 100);
    const found = search ? await searchChildrenToLink(db, actor, search) : null;
    return reply.page('pages/incidents/children.njk', { ...childrenModel(inc, search, found), ...extra });
  }

  app.get<{ Params: { id: string } }>(
    '/incidents/:id/children',
    { config: { action: 'incident.edit' } },
    async (request, reply) => {
      const { id } = request.params;
      return renderChildren(request, reply, id);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/incidents/:id/children',
    { config: { action: 'incident.link_child' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { childId, role } = linkChildForm.read(request.body);
      return submitForm(request, reply, {
        act: () => incidentService.linkChild(db, actor, id, { childId, role, ownWords: '' }),
        flash: 'Child added to the incident',
        redirect: () => paths.incidents.children(id),
        again: (errorReply, errors) => renderChildren(request, errorReply, id, { errors }),
        // The part is asked on the child's own row of results.
        hrefs: (errors) =>
          errors.map((formError) =>
            formError.field === 'role' ? { ...formError, field: `role-${childId}` } : formError,
          ),
      });
    },
  );

  async function renderChild(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    childId: string,
    extra: Record<string, unknown> = {},
  ) {
    const inc = await incidentService.getDraft(db, actorOf(request), id);
    if (inc.status !== 'draft') return reply.redirect(paths.incidents.show(id), 303);
    const child = inc.children.find((linked) => linked.childId === childId);
    if (!child) throw new NotFoundError();
    return reply.page('pages/incidents/child.njk', {
      ...childPartModel(inc, child, OWN_WORDS_MAX),
      ...extra,
    });
  }

  app.get<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/children/:childId',
    { config: { action: 'incident.edit' } },
    async (request, reply) => {
      const { id, childId } = request.params;
      return renderChild(request, reply, id, childId);
    },
  );

  app.post<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/children/:childId',
    { config: { action: 'incident.link_child' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, childId } = request.params;
      const values = childPartForm.read(request.body);
      return submitForm(request, reply, {
        act: () => incidentService.linkChild(db, actor, id, { childId, ...values }),
        redirect: () => paths.incidents.children(id),
        again: (errorReply, errors) => renderChild(request, errorReply, id, childId, { values, errors }),
      });
    },
  );

  app.post<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/children/:childId/remove',
    { config: { action: 'incident.edit' } },
    async (request, reply) => {
      const { id, childId } = request.params;
      return submitForm(request, reply, {
        act: () => incidentService.unlinkChild(db, actorOf(request), id, childId),
        flash: 'Child removed from the incident',
        redirect: () => paths.incidents.children(id),
      });
    },
  );

  // --- Check answers and submit -----------------------------------------------------------
  async function renderCheck(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
    const inc = await incidentService.getDraft(db, actorOf(request), id);
    if (inc.status !== 'draft') return reply.redirect(paths.incidents.show(id), 303);
    return reply.page('pages/incidents/check.njk', { ...checkModel(inc), ...extra });
  }

  app.get<{ Params: { id: string } }>(
    '/incidents/:id/check',
    { config: { action: 'incident.submit' } },
    async (request, reply) => {
      const { id } = request.params;
      return renderCheck(request, reply, id);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/incidents/:id/submit',
    { config: { action: 'incident.submit' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { version } = submitIncidentForm.read(request.body);
      return submitForm(request, reply, {
        act: () => incidentService.submit(db, actor, id, version),
        flash: { title: 'Recording form submitted', text: 'It is now on each child’s record and chronology.' },
        redirect: () => paths.incidents.show(id),
        // The check page lists what is missing itself.
        again: (errorReply) => renderCheck(request, errorReply, id),
        // Someone else changed the draft: the check page again, with what changed.
        conflict: (conflictReply, conflict) => renderCheck(request, conflictReply, id, { conflict }),
      });
    },
  );

  // --- Sections of the form ---------------------------------------------------------------

  app.get<{ Params: { id: string; slug: string } }>(
    '/incidents/:id/:slug',
    { config: { action: 'incident.edit' } },
    async (request, reply) => {
      const { id, slug } = request.params;
      const section = sectionBySlug(slug);
      if (!section) throw new NotFoundError();
      const inc = await incidentService.getDraft(db, actorOf(request), id);
      if (inc.status !== 'draft') return reply.redirect(paths.incidents.show(id), 303);
      const returnTo = returnToQuery.read(request.query).returnTo;
      return reply.page('pages/incidents/section.njk', {
        ...sectionModel(inc, section, valuesFromIncident(section, inc), returnTo),
        version: inc.version,
      });
    },
  );

  app.post<{ Params: { id: string; slug: string } }>(
    '/incidents/:id/:slug',
    { config: { action: 'incident.edit' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, slug } = request.params;
      const section = sectionBySlug(slug);
      if (!section) throw new NotFoundError();
      const inc = await incidentService.editableDraft(db, actor, id, 'incident.edit');
      const form = sectionForm.read(request.body);
      const returnTo = form.returnTo === 'check' ? 'check' : '';
      const { version } = form;
      const { values, changes, errors } = readSection(section, sectionAnswersForm(section).read(request.body));
      if (errors.length) {
        return reply.code(400).page('pages/incidents/section.njk', {
          ...sectionModel(inc, section, values, returnTo),
          version,
          errors: errorView(errors),
        });
      }
      const exit = form.action === 'save-and-exit';
      return submitForm(request, reply, {
        act: () => incidentService.saveSection(db, actor, inc, version, section, changes),
        flash: () =>
          exit ? { title: 'Draft saved', text: 'You can come back to it from your case list.' } : undefined,
        redirect: () => (exit ? paths.cases() : returnTo === 'check' ? paths.incidents.check(id) : nextAfter(slug, id)),
        // Someone else saved the draft first: the section again, with what was typed and what changed.
        conflict: async (conflictReply, conflict) => {
          const current = await incidentService.editableDraft(db, actor, id, 'incident.edit');
          return conflictReply.page('pages/incidents/section.njk', {
            ...sectionModel(current, section, values, returnTo),
            version: current.version,
            conflict,
          });
        },
      });
    },
  );
}
