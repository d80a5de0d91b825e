// A child's record: add (with a duplicate check first), view, edit, chronology, allocation
// and time-limited access grants. The pages' models are built in view-model.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonToday } from '../../../domain/age.ts';
import { newChildTeamProblems } from '../../../domain/allocation.ts';
import * as childService from '../../../services/child-service.ts';
import { getDraft, linkChild } from '../../../services/incident-service.ts';
import { isUuid, requireRole } from '../../../services/context.ts';
import { CASE_ROLES } from '../../../domain/roles.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { errorView } from '../../forms.ts';
import { singleValue } from '../../page-schema.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { inactivityCutoffFrom } from '../../../services/calendar-service.ts';
import {
  allocationForm,
  childFieldsOf,
  childValues,
  childValuesFromRecord,
  editChildForm,
  grantForm,
  newChildForm,
  newChildQuery,
  useExistingForm,
} from './schema.ts';
import {
  CHRONOLOGY_PAGE_SIZE,
  childRecordModel,
  childRole,
  chronologyFilter,
  chronologyModel,
  editModel,
  newChildModel,
} from './view-model.ts';

export default function childRoutes(app: FastifyInstance, { db }: AppDeps): void {
  // --- Add a child -------------------------------------------------------------------------
  app.get('/children/new', { config: { action: 'child.create' } }, async (request, reply) => {
    const actor = actorOf(request);
    await requireRole(db, actor, CASE_ROLES, 'child.create');
    const query = newChildQuery.read(request.query);
    const incidentId = isUuid(query.incident) ? query.incident : undefined;
    if (incidentId) await getDraft(db, actor, incidentId);
    return reply.page(
      'pages/children/new.njk',
      newChildModel({
        values: { send: '', lookedAfter: '' },
        teams: actor.user.teams,
        teamId: actor.user.teams[0]?.teamId ?? '',
        incidentId,
        role: childRole(query.role),
      }),
    );
  });

  app.post('/children/new', { config: { action: 'child.create' } }, async (request, reply) => {
    const actor = actorOf(request);
    await requireRole(db, actor, CASE_ROLES, 'child.create');
    const parsed = newChildForm.parse(request.body);
    const typed = newChildForm.typed(request.body);
    const values = childValues(typed);
    const incident = singleValue(typed['incident']);
    const incidentId = isUuid(incident) ? incident : undefined;
    const role = singleValue(typed['role']);
    const teamId = singleValue(typed['teamId']);
    if (incidentId) await getDraft(db, actor, incidentId);
    const model = newChildModel({ values, teams: actor.user.teams, teamId, incidentId, role });
    const myTeamIds = actor.user.teams.map((membership) => membership.teamId);
    // The team is asked for only when the child is not added from an incident (R-X-8); one that is
    // not among the recorder's teams the form offers is not an answer.
    const team = incidentId || !myTeamIds.includes(teamId) ? null : teamId;
    const errors = [
      ...newChildTeamProblems({ teamId: team, incidentId }, { myTeamIds }),
      ...(parsed.ok ? [] : parsed.errors),
    ];
    if (!parsed.ok || errors.length)
      return reply
        .code(400)
        .page('pages/children/new.njk', { ...model, errors: errorView(newChildForm.hrefs(errors)) });
    const fields = childFieldsOf(parsed.data);
    if (parsed.data.confirmNew !== 'yes') {
      const matches = await childService.possibleMatches(db, actor, fields);
      if (matches.visible.length || matches.hidden) {
        return reply.page('pages/children/new.njk', {
          ...model,
          pageTitle: 'Check this child is not already recorded',
          matches,
        });
      }
    }
    return submitForm(request, reply, {
      act: () =>
        childService.createChild(db, actor, {
          fields,
          teamId: team,
          incidentId,
          role: role as 'displayed' | 'targeted' | 'witness',
        }),
      flash: `${fields.firstName} ${fields.lastName} added`,
      redirect: (id) => (incidentId ? paths.incidents.children(incidentId) : paths.children.show(id)),
      again: (errorReply, errors) => errorReply.page('pages/children/new.njk', { ...model, errors }),
    });
  });

  // Use an existing record found by the duplicate check, for the incident being recorded.
  app.post('/children/new/use-existing', { config: { action: 'incident.link_child' } }, async (request, reply) => {
    const actor = actorOf(request);
    const { incident: incidentId, childId, role } = useExistingForm.read(request.body);
    // Refused first (not the author's draft, a child they may not link), then the part checked:
    // this form has no page of its own to show again, so a part not given is the bad-request page.
    return submitForm(request, reply, {
      act: () => linkChild(db, actor, incidentId, { childId, role, ownWords: '' }),
      redirect: () => paths.incidents.children(incidentId),
      again: () => {
        throw Object.assign(new Error('Select the child’s part in the incident'), { statusCode: 400 });
      },
    });
  });

  // --- View -------------------------------------------------------------------------------
  async function renderShow(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
    const actor = actorOf(request);
    const view = await childService.viewChild(db, actor, id);
    const today = londonToday();
    const cutoff = inactivityCutoffFrom(actor.user.authorityId, view.workingDays);
    const allocation = view.can['child.allocate'] ? await childService.allocationOptions(db, actor) : null;
    const grantUsers = view.can['child.grant'] ? await childService.grantCandidates(db, actor) : null;
    return reply.page('pages/children/show.njk', {
      ...childRecordModel(view, { today, cutoff, allocation, grantUsers }),
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
      return reply.page(
        'pages/children/edit.njk',
        editModel(view.child, childValuesFromRecord(view.child), view.child.version),
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/children/:id/edit',
    { config: { action: 'child.update' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      // Permission first: a refused user learns nothing, not even what the form would say.
      await childService.authorizeChildUpdate(db, actor, id);
      const parsed = editChildForm.parse(request.body);
      const typed = editChildForm.typed(request.body);
      const version = parsed.ok ? parsed.data.version : Number(typed['version']);
      const model = editModel({ id }, childValues(typed), version);
      if (!parsed.ok)
        return reply.code(400).page('pages/children/edit.njk', { ...model, errors: errorView(parsed.errors) });
      const fields = childFieldsOf(parsed.data);
      return submitForm(request, reply, {
        act: () => childService.updateChild(db, actor, id, version, fields),
        flash: 'Details saved',
        redirect: () => paths.children.show(id),
        again: (errorReply, errors) => errorReply.page('pages/children/edit.njk', { ...model, errors }),
        // Keep what was typed; offer it again against the current version.
        conflict: async (conflictReply, conflict) => {
          const current = await childService.viewChild(db, actor, id);
          return conflictReply.page('pages/children/edit.njk', { ...model, version: current.child.version, conflict });
        },
      });
    },
  );

  // --- Chronology -------------------------------------------------------------------------
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/children/:id/chronology',
    { config: { action: 'child.view' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const filter = chronologyFilter(request.query);
      const result = await childService.viewChronology(db, actor, id, {
        ...filter,
        pageSize: CHRONOLOGY_PAGE_SIZE,
      });
      return reply.page('pages/children/chronology.njk', chronologyModel(id, result, filter));
    },
  );

  // --- Allocation -------------------------------------------------------------------------
  app.post<{ Params: { id: string } }>(
    '/children/:id/allocation',
    { config: { action: 'child.allocate' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const form = allocationForm.read(request.body);
      const workerId = form.workerId || null;
      const teamId = form.teamId || null;
      const youthJusticeWorkerId = form.youthJusticeWorkerId || null;
      return submitForm(request, reply, {
        act: () =>
          childService.allocate(db, actor, id, form.version, {
            workerId,
            teamId,
            youthJusticeWorkerId,
          }),
        flash: 'Allocation saved',
        redirect: () => paths.children.show(id),
        again: (errorReply, errors) =>
          renderShow(request, errorReply, id, {
            errors,
            allocationValues: {
              workerId: workerId ?? '',
              teamId: teamId ?? '',
              youthJusticeWorkerId: youthJusticeWorkerId ?? '',
            },
          }),
      });
    },
  );

  // --- Grants -----------------------------------------------------------------------------
  app.post<{ Params: { id: string } }>(
    '/children/:id/grants',
    { config: { action: 'child.grant' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const grantValues = grantForm.read(request.body);
      return submitForm(request, reply, {
        act: () =>
          childService.grantAccess(db, actor, id, {
            userId: grantValues.userId,
            reason: grantValues.reason,
            days: Number(grantValues.days),
          }),
        flash: 'Access given',
        redirect: () => paths.children.show(id),
        again: (errorReply, errors) => renderShow(request, errorReply, id, { errors, grantValues }),
      });
    },
  );

  app.post<{ Params: { id: string; grantId: string } }>(
    '/children/:id/grants/:grantId/revoke',
    { config: { action: 'child.revoke_grant' } },
    async (request, reply) => {
      const { id, grantId } = request.params;
      return submitForm(request, reply, {
        act: () => childService.revokeAccess(db, actorOf(request), id, grantId),
        flash: 'Access ended',
        redirect: () => paths.children.show(id),
      });
    },
  );
}
