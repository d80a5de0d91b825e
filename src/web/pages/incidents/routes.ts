// Recording an incident: start a draft, link the children with their part in it and their
// own words, complete each section of the recording form, check answers and submit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ageOn, isoDate } from '../../../domain/age.ts';
import {
  CHILD_ROLE_LABELS,
  CHILD_ROLES,
  type IncidentListField,
  type IncidentTextField,
  SECTIONS,
  type SectionDef,
  optionText,
  sectionBySlug,
  submitProblems,
} from '../../../domain/recording-form.ts';
import { formatDateTime } from '../../../domain/london-time.ts';
import type { Incident } from '../../../repositories/incidents.ts';
import { searchChildrenToLink } from '../../../services/child-service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../services/context.ts';
import * as incidentService from '../../../services/incident-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, errorView, str, queryOf } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { maxLength, readSection, type SectionValues, valuesFromIncident } from './schema.ts';

const roleItems = (selected = '') =>
  CHILD_ROLES.map((role) => ({ value: role, text: CHILD_ROLE_LABELS[role], checked: role === selected }));

function nextAfter(slug: string, id: string): string {
  if (slug === 'children') return paths.incidents.section(id, SECTIONS[0]!.slug);
  const i = SECTIONS.findIndex((section) => section.slug === slug);
  const next = SECTIONS[i + 1];
  return next ? paths.incidents.section(id, next.slug) : paths.incidents.check(id);
}

function answerText(section: SectionDef, inc: Incident, name: string): string {
  const field = section.fields.find((x) => x.name === name);
  if (!field) return '';
  if (field.kind === 'datetime') return inc.occurredAt ? formatDateTime(inc.occurredAt) : '';
  if (field.kind === 'checkboxes')
    return inc.lists[name as IncidentListField].map((value) => optionText(field.options, value)).join(', ');
  const answer = inc.text[name as IncidentTextField];
  return field.options ? (answer ? optionText(field.options, answer) : '') : answer;
}

function summaryFor(inc: Incident, withChangeLinks: boolean) {
  return SECTIONS.map((section) => ({
    slug: section.slug,
    title: section.title,
    changeHref: withChangeLinks ? `${paths.incidents.section(inc.id, section.slug)}?returnTo=check` : null,
    rows: section.fields
      .filter(
        (field) => !field.showWhen || inc.text[field.showWhen.field as IncidentTextField] === field.showWhen.value,
      )
      .map((field) => ({
        label: field.label.replace(/\s*\(optional\)$/, ''),
        value: answerText(section, inc, field.name),
        name: field.name,
      })),
  }));
}

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
      const inc = view.incident;
      const when = inc.occurredAt ? isoDate(inc.occurredAt) : null;
      return reply.page('pages/incidents/show.njk', {
        pageTitle: `Incident on ${formatDateTime(inc.occurredAt)}`,
        incident: inc,
        children: view.children.map((child) => ({
          ...child,
          roleText: CHILD_ROLE_LABELS[child.role],
          age: child.visible && when ? ageOn(child.dateOfBirth, when) : null,
        })),
        sections: summaryFor(inc, false),
      });
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
    const search = queryOf(request.query).q?.slice(0, 100) ?? '';
    const linked = new Set(inc.children.map((child) => child.childId));
    const results = search
      ? (await searchChildrenToLink(db, actor, search)).filter((match) => !linked.has(match.id))
      : null;
    return reply.page('pages/incidents/children.njk', {
      pageTitle: 'Which children were involved?',
      steps: SECTIONS.length + 2,
      incident: inc,
      linked: inc.children.map((child) => ({ ...child, roleText: CHILD_ROLE_LABELS[child.role] })),
      q: search,
      results,
      roleItems: roleItems(),
      next: nextAfter('children', id),
      ...extra,
    });
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
      const body = request.body as Body;
      const childId = str(body, 'childId');
      try {
        await incidentService.linkChild(db, actor, id, { childId, role: str(body, 'role'), ownWords: '' });
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return renderChildren(request, reply.code(400), id, {
          errors: errorView(
            err.errors.map((formError) =>
              formError.field === 'role' ? { ...formError, field: `role-${childId}` } : formError,
            ),
          ),
        });
      }
      request.session.flash = { title: 'Child added to the incident' };
      return reply.redirect(paths.incidents.children(id), 303);
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
    const child = inc.children.find((x) => x.childId === childId);
    if (!child) throw new NotFoundError();
    return reply.page('pages/incidents/child.njk', {
      pageTitle: `${child.firstName} ${child.lastName}: part in the incident`,
      incident: inc,
      child,
      values: { role: child.role, ownWords: child.ownWords },
      ownWordsMax: incidentService.OWN_WORDS_MAX,
      roleItems: roleItems(),
      backLink: paths.incidents.children(id),
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
      const body = request.body as Body;
      const values = { role: str(body, 'role'), ownWords: str(body, 'ownWords') };
      try {
        await incidentService.linkChild(db, actor, id, { childId, ...values });
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return renderChild(request, reply.code(400), id, childId, { values, errors: errorView(err.errors) });
      }
      return reply.redirect(paths.incidents.children(id), 303);
    },
  );

  app.post<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/children/:childId/remove',
    { config: { action: 'incident.edit' } },
    async (request, reply) => {
      const { id, childId } = request.params;
      await incidentService.unlinkChild(db, actorOf(request), id, childId);
      request.session.flash = { title: 'Child removed from the incident' };
      return reply.redirect(paths.incidents.children(id), 303);
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
    const problems = submitProblems({ occurredAt: inc.occurredAt, values: inc.text, children: inc.children });
    return reply.page('pages/incidents/check.njk', {
      pageTitle: 'Check the recording form before you submit it',
      steps: SECTIONS.length + 2,
      incident: inc,
      children: inc.children.map((child) => ({ ...child, roleText: CHILD_ROLE_LABELS[child.role] })),
      sections: summaryFor(inc, true),
      problems: problems.map((problem) => ({
        ...problem,
        href:
          problem.section === 'children'
            ? paths.incidents.children(id)
            : `${paths.incidents.section(id, problem.section)}?returnTo=check#${problem.field === 'occurred_at' ? 'occurred_at-day' : problem.field}`,
      })),
      ...extra,
    });
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
      const version = Number(str(request.body as Body, 'version'));
      try {
        await incidentService.submit(db, actor, id, version);
      } catch (err) {
        if (err instanceof ValidationError) return renderCheck(request, reply.code(400), id);
        if (err instanceof ConflictError) return renderCheck(request, reply.code(409), id, { conflict: err });
        throw err;
      }
      request.session.flash = {
        title: 'Recording form submitted',
        text: 'It is now on each child’s record and chronology.',
      };
      return reply.redirect(paths.incidents.show(id), 303);
    },
  );

  // --- Sections of the form ---------------------------------------------------------------
  function sectionModel(inc: Incident, section: SectionDef, values: SectionValues, returnTo: string) {
    const index = SECTIONS.indexOf(section);
    return {
      pageTitle: section.title,
      incident: inc,
      section,
      maxLengths: Object.fromEntries(section.fields.map((field) => [field.name, maxLength(field)])),
      values,
      returnTo,
      step: index + 2,
      steps: SECTIONS.length + 2,
      backLink:
        returnTo === 'check'
          ? paths.incidents.check(inc.id)
          : index === 0
            ? paths.incidents.children(inc.id)
            : paths.incidents.section(inc.id, SECTIONS[index - 1]!.slug),
    };
  }

  app.get<{ Params: { id: string; slug: string } }>(
    '/incidents/:id/:slug',
    { config: { action: 'incident.edit' } },
    async (request, reply) => {
      const { id, slug } = request.params;
      const section = sectionBySlug(slug);
      if (!section) throw new NotFoundError();
      const inc = await incidentService.getDraft(db, actorOf(request), id);
      if (inc.status !== 'draft') return reply.redirect(paths.incidents.show(id), 303);
      const returnTo = queryOf(request.query).returnTo === 'check' ? 'check' : '';
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
      const body = request.body as Body;
      const returnTo = str(body, 'returnTo') === 'check' ? 'check' : '';
      const version = Number(str(body, 'version'));
      const { values, changes, errors } = readSection(section, body);
      if (errors.length) {
        return reply.code(400).page('pages/incidents/section.njk', {
          ...sectionModel(inc, section, values, returnTo),
          version,
          errors: errorView(errors),
        });
      }
      try {
        await incidentService.saveSection(db, actor, id, version, section, changes);
      } catch (err) {
        if (err instanceof ConflictError) {
          const current = await incidentService.editableDraft(db, actor, id, 'incident.edit');
          return reply.code(409).page('pages/incidents/section.njk', {
            ...sectionModel(current, section, values, returnTo),
            version: current.version,
            conflict: err,
          });
        }
        throw err;
      }
      if (str(body, 'action') === 'save-and-exit') {
        request.session.flash = { title: 'Draft saved', text: 'You can come back to it from your case list.' };
        return reply.redirect(paths.cases(), 303);
      }
      return reply.redirect(returnTo === 'check' ? paths.incidents.check(id) : nextAfter(slug, id), 303);
    },
  );
}
