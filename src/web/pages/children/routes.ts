// A child's record: add (with a duplicate check first), view, edit, chronology, allocation
// and time-limited access grants.
import type { FastifyInstance } from 'fastify';
import { ACCESS_BASIS_LABELS } from '../../../domain/access.ts';
import { ageOn, londonToday } from '../../../domain/age.ts';
import { CHILD_ROLE_LABELS, CHILD_ROLES, LOCATION_TYPES, optionText } from '../../../domain/recording-form.ts';
import { pageCount } from '../../../domain/paging.ts';
import {
  CHRONOLOGY_KINDS,
  type ChronologyKind,
  type ChronologyRecord,
  type ChronologyRow,
} from '../../../repositories/chronology.ts';
import { authorizeChild } from '../../../services/access.ts';
import * as childService from '../../../services/child-service.ts';
import { getDraft, linkChild } from '../../../services/incident-service.ts';
import { ConflictError, ValidationError, isUuid, requireRole } from '../../../services/context.ts';
import { CASE_ROLES } from '../../../domain/roles.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, errorView, list, str, queryOf } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { taskRow } from '../tasks/view-model.ts';
import { inactivityCutoff } from '../../../services/calendar-service.ts';
import { SEX_OPTIONS, childValuesFromBody, childValuesFromRecord, validateChild } from './schema.ts';

function sexItems() {
  return SEX_OPTIONS.map((option) => ({ value: option.value, text: option.text }));
}

/** Where a chronology entry leads: the record it is about, else the incident behind it. */
function chronologyLink(entry: ChronologyRow): { href: string; text: string } | null {
  if (entry.record) {
    const to: Record<ChronologyRecord['type'], [string, string] | null> = {
      meeting: [paths.meetings.show(entry.record.id), 'View the meeting'],
      referral: [paths.referrals.show(entry.record.id), 'View the referral'],
      assessment: [paths.assessments.show(entry.record.id), 'View the assessment'],
      panel_referral: [paths.panel.show(entry.record.id), 'View the panel referral'],
      screening: [paths.screening.show(entry.record.id), 'View the screening'],
      task: [paths.tasks.show(entry.record.id), 'View the task'],
      // Police, prosecution and triage decisions are listed on the child's meetings page.
      external_decision: null,
    };
    const hit = to[entry.record.type];
    if (hit) return { href: hit[0], text: hit[1] };
  }
  return entry.incidentId ? { href: paths.incidents.show(entry.incidentId), text: 'View the incident' } : null;
}

export default function childRoutes(app: FastifyInstance, { db }: AppDeps): void {
  // --- Add a child -------------------------------------------------------------------------
  app.get('/children/new', { config: { action: 'child.create' } }, async (request, reply) => {
    const actor = actorOf(request);
    await requireRole(db, actor, CASE_ROLES, 'child.create');
    const query = queryOf(request.query);
    const incidentId = query.incident && isUuid(query.incident) ? query.incident : undefined;
    if (incidentId) await getDraft(db, actor, incidentId);
    return reply.page('pages/children/new.njk', {
      pageTitle: 'Add a child',
      values: { send: '', lookedAfter: '' },
      sexOptions: sexItems(),
      teams: actor.user.teams,
      teamId: actor.user.teams[0]?.teamId ?? '',
      incidentId,
      role: query.role && (CHILD_ROLES as readonly string[]).includes(query.role) ? query.role : '',
      roleOptions: CHILD_ROLES.map((childRole) => ({ value: childRole, text: CHILD_ROLE_LABELS[childRole] })),
      backLink: incidentId ? paths.incidents.children(incidentId) : paths.cases(),
    });
  });

  app.post('/children/new', { config: { action: 'child.create' } }, async (request, reply) => {
    const actor = actorOf(request);
    await requireRole(db, actor, CASE_ROLES, 'child.create');
    const body = request.body as Body;
    const values = childValuesFromBody(body);
    const incidentId = isUuid(str(body, 'incident')) ? str(body, 'incident') : undefined;
    const role = str(body, 'role');
    const teamId = str(body, 'teamId');
    const confirmedNew = str(body, 'confirmNew') === 'yes';
    if (incidentId) await getDraft(db, actor, incidentId);
    const model = {
      pageTitle: 'Add a child',
      values,
      sexOptions: sexItems(),
      teams: actor.user.teams,
      teamId,
      incidentId,
      role,
      roleOptions: CHILD_ROLES.map((childRole) => ({ value: childRole, text: CHILD_ROLE_LABELS[childRole] })),
      backLink: incidentId ? paths.incidents.children(incidentId) : paths.cases(),
    };
    const result = validateChild(values);
    const extra: { field: string; message: string }[] = [];
    if (incidentId && !(CHILD_ROLES as readonly string[]).includes(role))
      extra.push({ field: 'role', message: 'Select the child’s part in the incident' });
    if (!incidentId && !actor.user.teams.some((membership) => membership.teamId === teamId))
      extra.push({ field: 'teamId', message: 'Select the team responsible for this child' });
    if ('errors' in result || extra.length) {
      return reply.code(400).page('pages/children/new.njk', {
        ...model,
        errors: errorView([...('errors' in result ? result.errors : []), ...extra]),
      });
    }
    if (!confirmedNew) {
      const matches = await childService.possibleMatches(db, actor, result.fields);
      if (matches.visible.length || matches.hidden) {
        return reply.page('pages/children/new.njk', {
          ...model,
          pageTitle: 'Check this child is not already recorded',
          matches,
        });
      }
    }
    try {
      const id = await childService.createChild(db, actor, {
        fields: result.fields,
        teamId: incidentId ? null : teamId,
        incidentId,
        role: role as 'displayed' | 'targeted' | 'witness',
      });
      request.session.flash = { title: `${result.fields.firstName} ${result.fields.lastName} added` };
      return reply.redirect(incidentId ? paths.incidents.children(incidentId) : paths.children.show(id), 303);
    } catch (err) {
      if (err instanceof ValidationError)
        return reply.code(400).page('pages/children/new.njk', { ...model, errors: errorView(err.errors) });
      throw err;
    }
  });

  // Use an existing record found by the duplicate check, for the incident being recorded.
  app.post('/children/new/use-existing', { config: { action: 'incident.link_child' } }, async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body as Body;
    const incidentId = str(body, 'incident');
    // Refused first (not the author's draft, a child they may not link), then the part checked.
    await linkChild(db, actor, incidentId, {
      childId: str(body, 'childId'),
      role: str(body, 'role'),
      ownWords: '',
    }).catch((err: unknown) => {
      if (err instanceof ValidationError)
        throw Object.assign(new Error('Select the child’s part in the incident'), { statusCode: 400 });
      throw err;
    });
    return reply.redirect(paths.incidents.children(incidentId), 303);
  });

  // --- View -------------------------------------------------------------------------------
  async function renderShow(
    request: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
    const actor = actorOf(request);
    const view = await childService.viewChild(db, actor, id);
    const today = londonToday();
    const can = view.can;
    const cutoff = await inactivityCutoff(db, actor.user.authorityId);
    const lastActivity = londonToday(view.child.lastActivityAt);
    return reply.page('pages/children/show.njk', {
      pageTitle: `${view.child.firstName} ${view.child.lastName}`,
      // R-THU-7: an open case with no recorded activity for the set number of working days.
      inactivity:
        view.child.status === 'open' && lastActivity < cutoff.since ? { days: cutoff.days, lastActivity } : null,
      decisions: view.decisions,
      openTasks: view.openTasks.map((task) => taskRow(task, today)),
      child: view.child,
      age: ageOn(view.child.dateOfBirth, today),
      basis: ACCESS_BASIS_LABELS[view.basis],
      sex: SEX_OPTIONS.find((option) => option.value === view.child.sex)?.text ?? view.child.sex,
      incidents: view.incidents.map((i) => ({
        ...i,
        roleText: CHILD_ROLE_LABELS[i.role],
        location: optionText(LOCATION_TYPES, i.locationType),
        others: i.others.map((other) => ({ ...other, roleText: CHILD_ROLE_LABELS[other.role] })),
      })),
      grants: view.grants,
      canEdit: can['child.update'],
      canClose: view.child.status === 'open' ? can['child.close'] : can['child.reopen'],
      allocation: can['child.allocate'] ? await childService.allocationOptions(db, actor) : null,
      grantUsers: can['child.grant'] ? await childService.grantCandidates(db, actor) : null,
      grantValues: {},
      ...extra,
    });
  }

  app.get<{ Params: { id: string } }>('/children/:id', { config: { action: 'child.view' } }, async (request, reply) => {
    const { id } = request.params;
    return renderShow(request, reply, id);
  });

  // --- Edit -------------------------------------------------------------------------------
  app.get<{ Params: { id: string } }>(
    '/children/:id/edit',
    { config: { action: 'child.update' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const view = await childService.viewChild(db, actor, id, 'edit');
      return reply.page('pages/children/edit.njk', {
        pageTitle: `Change ${view.child.firstName} ${view.child.lastName}’s details`,
        child: view.child,
        values: childValuesFromRecord(view.child),
        version: view.child.version,
        sexOptions: sexItems(),
        backLink: paths.children.show(id),
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/children/:id/edit',
    { config: { action: 'child.update' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      // Permission first: a refused user learns nothing, not even what the form would say.
      await authorizeChild(db, actor, id, 'child.update');
      const body = request.body as Body;
      const values = childValuesFromBody(body);
      const version = Number(str(body, 'version'));
      const result = validateChild(values);
      const model = {
        pageTitle: 'Change the child’s details',
        child: { id },
        values,
        version,
        sexOptions: sexItems(),
        backLink: paths.children.show(id),
      };
      if ('errors' in result)
        return reply.code(400).page('pages/children/edit.njk', { ...model, errors: errorView(result.errors) });
      try {
        await childService.updateChild(db, actor, id, version, result.fields);
      } catch (err) {
        if (err instanceof ConflictError) {
          // Keep what was typed; offer it again against the current version.
          const current = await childService.viewChild(db, actor, id);
          return reply
            .code(409)
            .page('pages/children/edit.njk', { ...model, version: current.child.version, conflict: err });
        }
        throw err;
      }
      request.session.flash = { title: 'Details saved' };
      return reply.redirect(paths.children.show(id), 303);
    },
  );

  // --- Chronology -------------------------------------------------------------------------
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/children/:id/chronology',
    { config: { action: 'child.view' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const query = request.query;
      const kinds = list(query, 'kind').filter((k): k is ChronologyKind => k in CHRONOLOGY_KINDS);
      const dateOk = (value: unknown) =>
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
      const from = dateOk(query['from']);
      const to = dateOk(query['to']);
      const page = Math.max(1, Math.min(10_000, Number(query['page']) || 1));
      const pageSize = 25;
      const result = await childService.viewChronology(db, actor, id, { kinds, from, to, page, pageSize });
      const pages = pageCount(result.total, pageSize);
      const base = { from, to };
      const href = (pageNumber: number) => {
        const params = new URLSearchParams();
        for (const k of kinds) params.append('kind', k);
        if (from) params.set('from', from);
        if (to) params.set('to', to);
        params.set('page', String(pageNumber));
        return `${paths.children.chronology(id)}?${params.toString()}`;
      };
      return reply.page('pages/children/chronology.njk', {
        pageTitle: `Chronology: ${result.child.firstName} ${result.child.lastName}`,
        child: result.child,
        rows: result.rows.map((entry) => ({
          ...entry,
          kindText: CHRONOLOGY_KINDS[entry.kind],
          link: chronologyLink(entry),
        })),
        total: result.total,
        kindOptions: Object.entries(CHRONOLOGY_KINDS).map(([value, text]) => ({
          value,
          text,
          checked: kinds.includes(value as ChronologyKind),
        })),
        filter: base,
        pagination: {
          previous: page > 1 ? { href: href(page - 1) } : undefined,
          next: page < pages ? { href: href(page + 1) } : undefined,
        },
        page,
        pages,
        backLink: paths.children.show(id),
      });
    },
  );

  // --- Allocation -------------------------------------------------------------------------
  app.post<{ Params: { id: string } }>(
    '/children/:id/allocation',
    { config: { action: 'child.allocate' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const body = request.body as Body;
      const workerId = str(body, 'workerId') || null;
      const teamId = str(body, 'teamId') || null;
      const youthJusticeWorkerId = str(body, 'youthJusticeWorkerId') || null;
      try {
        await childService.allocate(db, actor, id, Number(str(body, 'version')), {
          workerId,
          teamId,
          youthJusticeWorkerId,
        });
      } catch (err) {
        if (err instanceof ValidationError) {
          return renderShow(request, reply.code(400), id, {
            errors: errorView(err.errors),
            allocationValues: {
              workerId: workerId ?? '',
              teamId: teamId ?? '',
              youthJusticeWorkerId: youthJusticeWorkerId ?? '',
            },
          });
        }
        throw err;
      }
      request.session.flash = { title: 'Allocation saved' };
      return reply.redirect(paths.children.show(id), 303);
    },
  );

  // --- Grants -----------------------------------------------------------------------------
  app.post<{ Params: { id: string } }>(
    '/children/:id/grants',
    { config: { action: 'child.grant' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const body = request.body as Body;
      const grantValues = { userId: str(body, 'userId'), reason: str(body, 'reason'), days: str(body, 'days') };
      try {
        await childService.grantAccess(db, actor, id, {
          userId: grantValues.userId,
          reason: grantValues.reason,
          days: Number(grantValues.days),
        });
      } catch (err) {
        if (err instanceof ValidationError) {
          return renderShow(request, reply.code(400), id, { errors: errorView(err.errors), grantValues });
        }
        throw err;
      }
      request.session.flash = { title: 'Access given' };
      return reply.redirect(paths.children.show(id), 303);
    },
  );

  app.post<{ Params: { id: string; grantId: string } }>(
    '/children/:id/grants/:grantId/revoke',
    { config: { action: 'child.revoke_grant' } },
    async (request, reply) => {
      const { id, grantId } = request.params;
      await childService.revokeAccess(db, actorOf(request), id, grantId);
      request.session.flash = { title: 'Access ended' };
      return reply.redirect(paths.children.show(id), 303);
    },
  );
}
