// Recording an incident: start a draft, link the children with their part in it and their
// own words, complete each section of the recording form, check answers and submit. The pages'
// models are built in view-model.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OWN_WORDS_MAX, type SectionDef, sectionBySlug } from '../../../domain/recording-form.ts';
import { searchChildrenToLink } from '../../../services/child-service.ts';
import { NotFoundError } from '../../../services/context.ts';
import * as correctionService from '../../../services/incident-correction-service.ts';
import * as incidentService from '../../../services/incident-service.ts';
import { correctionReasonProblems } from '../../../domain/corrections.ts';
import { type RelinkChange, relinkRole } from '../../../domain/incident-corrections.ts';
import type { ErrorView } from '../../forms.ts';
import type { ConflictError } from '../../../services/errors.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { errorView } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import {
  childPartForm,
  childSearchQuery,
  correctChildForm,
  correctSectionForm,
  type SectionValues,
  linkChildForm,
  readSection,
  returnToQuery,
  sectionAnswersForm,
  sectionForm,
  submitIncidentForm,
  valuesFromIncident,
} from './schema.ts';
import {
  checkModel,
  childPartModel,
  childrenModel,
  correctChildModel,
  correctChildrenModel,
  incidentModel,
  nextAfter,
  sectionModel,
  versionModel,
} from './view-model.ts';

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
      const corrections = {
        rights: await correctionService.correctionRights(db, actor, view.incident),
        corrections: await correctionService.correctionsFor(db, actor, id),
      };
      return reply.page('pages/incidents/show.njk', incidentModel(view, corrections));
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

  // --- Correcting a submitted incident: a new version with a reason (issue 15) ---------------
  async function renderCorrectChildren(request: FastifyRequest, reply: FastifyReply, id: string) {
    const actor = actorOf(request);
    const { inc, visible } = await correctionService.childrenToCorrect(db, actor, id);
    const search = childSearchQuery.read(request.query).q.slice(0, 100);
    const found = search ? await searchChildrenToLink(db, actor, search) : null;
    return reply.page('pages/incidents/correct-children.njk', correctChildrenModel(inc, visible, search, found));
  }

  app.get<{ Params: { id: string } }>(
    '/incidents/:id/correct/children',
    { config: { action: 'incident.relink' } },
    (request, reply) => renderCorrectChildren(request, reply, request.params.id),
  );

  type CorrectChildValues = { role: string; ownWords: string; reason: string };
  async function renderCorrectChild(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    childId: string,
    extra: { values?: CorrectChildValues; errors?: ErrorView; conflict?: ConflictError } = {},
  ) {
    const found = await correctionService.childToCorrect(db, actorOf(request), id, childId);
    return reply.page('pages/incidents/correct-child.njk', {
      ...correctChildModel(found, extra.values ?? { role: '', ownWords: '', reason: '' }, OWN_WORDS_MAX),
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    });
  }

  app.get<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/correct/children/:childId',
    { config: { action: 'incident.relink' } },
    (request, reply) => renderCorrectChild(request, reply, request.params.id, request.params.childId),
  );

  app.post<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/correct/children/:childId',
    { config: { action: 'incident.relink' } },
    (request, reply) => {
      const { id, childId } = request.params;
      const { version, ...values } = correctChildForm.read(request.body);
      const change: Omit<RelinkChange, 'role'> & { role: RelinkChange['role'] | null } = {
        childId,
        role: relinkRole(values.role),
        ownWords: values.ownWords,
        reason: values.reason,
      };
      return submitForm(request, reply, {
        act: () => correctionService.relink(db, actorOf(request), id, version, change),
        flash: ({ number, rescreen }) => ({
          title: 'Incident corrected',
          text:
            `This is version ${number + 1}. The earlier version is kept and each child’s chronology says what changed.` +
            (rescreen
              ? ' A level of concern was decided before this correction: screen the incident again, so that each child’s tasks follow who was involved.'
              : ''),
        }),
        redirect: () => paths.incidents.show(id),
        again: (errorReply, errors) => renderCorrectChild(request, errorReply, id, childId, { values, errors }),
        conflict: (conflictReply, conflict) =>
          renderCorrectChild(request, conflictReply, id, childId, { values, conflict }),
      });
    },
  );

  async function renderCorrectSection(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    section: SectionDef,
    extra: { values?: SectionValues; reason?: string; errors?: ErrorView; conflict?: ConflictError } = {},
  ) {
    const inc = await correctionService.sectionToCorrect(db, actorOf(request), id, section);
    return reply.page('pages/incidents/correct-section.njk', {
      ...sectionModel(inc, section, extra.values ?? valuesFromIncident(section, inc), ''),
      pageTitle: `Correct: ${section.title}`,
      backLink: paths.incidents.show(id),
      version: inc.version,
      versionNow: await correctionService.versionNow(db, id),
      reason: extra.reason ?? '',
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    });
  }

  app.get<{ Params: { id: string; slug: string } }>(
    '/incidents/:id/correct/:slug',
    { config: { action: 'incident.correct' } },
    (request, reply) => {
      const section = sectionBySlug(request.params.slug);
      if (!section) throw new NotFoundError();
      return renderCorrectSection(request, reply, request.params.id, section);
    },
  );

  app.post<{ Params: { id: string; slug: string } }>(
    '/incidents/:id/correct/:slug',
    { config: { action: 'incident.correct' } },
    (request, reply) => {
      const actor = actorOf(request);
      const { id, slug } = request.params;
      const section = sectionBySlug(slug);
      if (!section) throw new NotFoundError();
      const { version, reason } = correctSectionForm.read(request.body);
      const { values, changes, errors } = readSection(section, sectionAnswersForm(section).read(request.body));
      if (errors.length) {
        // The answers' own problems and the reason's, at once, in page order.
        const all = [...errors, ...correctionReasonProblems(reason)];
        return renderCorrectSection(request, reply.code(400), id, section, { values, reason, errors: errorView(all) });
      }
      return submitForm(request, reply, {
        act: () => correctionService.correctSection(db, actor, id, version, section, changes, reason),
        flash: (number) => ({
          title: 'Incident corrected',
          text: `This is version ${number + 1}. The earlier version is kept and each child’s chronology says what was corrected.`,
        }),
        redirect: () => paths.incidents.show(id),
        again: (errorReply, formErrors) =>
          renderCorrectSection(request, errorReply, id, section, { values, reason, errors: formErrors }),
        hrefs: (formErrors) =>
          formErrors.map((formError) =>
            formError.field === 'occurred_at' ? { ...formError, href: '#occurred_at-day' } : formError,
          ),
        conflict: (conflictReply, conflict) =>
          renderCorrectSection(request, conflictReply, id, section, { values, reason, conflict }),
      });
    },
  );

  app.get<{ Params: { id: string; number: string } }>(
    '/incidents/:id/versions/:number',
    { config: { action: 'incident.view' } },
    async (request, reply) => {
      const number = Number(request.params.number);
      if (!Number.isInteger(number) || number < 1 || number > 10_000) throw new NotFoundError();
      const view = await correctionService.incidentVersion(db, actorOf(request), request.params.id, number);
      return reply.page('pages/incidents/version.njk', versionModel(view));
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
