// Administration: users (roles, teams, trainings) and teams of the administrator's authority. The
// forms are typed in schema.ts, the pages' models built in view-model.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as admin from '../../../services/admin-service.ts';
import { ValidationError } from '../../../services/context.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { errorView } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { type UserFormValues, teamForm, teamProblems, userForm, userValues, validateUser } from './schema.ts';
import { newUserValues, teamsModel, userFormModel, userModel, usersModel } from './view-model.ts';

export default function adminRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: Record<string, unknown> & { values: UserFormValues },
  ) {
    const teams = await admin.listTeams(db, actorOf(request));
    return reply.page('pages/admin/user-form.njk', userFormModel(model, teams));
  }

  app.get('/admin/users', { config: { action: 'admin.users.view' } }, async (request, reply) => {
    const users = await admin.listUsers(db, actorOf(request));
    return reply.page('pages/admin/users.njk', usersModel(users));
  });

  app.get('/admin/users/new', { config: { action: 'admin.user.create' } }, async (request, reply) => {
    await admin.listUsers(db, actorOf(request));
    return renderForm(request, reply, {
      pageTitle: 'Add a user',
      values: newUserValues(),
      action: paths.admin.newUser(),
    });
  });

  app.post('/admin/users/new', { config: { action: 'admin.user.create' } }, async (request, reply) => {
    const actor = actorOf(request);
    const values = userValues(userForm.read(request.body));
    const model = { pageTitle: 'Add a user', values, action: paths.admin.newUser() };
    const result = validateUser(values);
    if ('errors' in result) return renderForm(request, reply.code(400), { ...model, errors: errorView(result.errors) });
    return submitForm(request, reply, {
      act: () => admin.createUser(db, actor, result.input),
      flash: ({ temporaryPassword, pending }) => ({
        title: 'User added',
        text: `Give them this one-off password in person or by phone: ${temporaryPassword}. They must choose a new one when they first sign in.${pending ? ' The administrator role waits for another administrator to approve it.' : ''}`,
      }),
      redirect: ({ id }) => paths.admin.user(id),
      again: (errorReply, errors) => renderForm(request, errorReply, { ...model, errors }),
    });
  });

  app.get<{ Params: { id: string } }>(
    '/admin/users/:id',
    { config: { action: 'admin.users.view' } },
    async (request, reply) => {
      const { id } = request.params;
      return renderForm(request, reply, userModel(await admin.userPage(db, actorOf(request), id)));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id',
    { config: { action: 'admin.user.update' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const page = await admin.userPage(db, actor, id);
      const data = userForm.read(request.body);
      const values = userValues(data);
      const { version } = data;
      const model = { ...userModel(page, values), version };
      const result = validateUser(values);
      if ('errors' in result)
        return renderForm(request, reply.code(400), { ...model, errors: errorView(result.errors) });
      return submitForm(request, reply, {
        act: () => admin.updateUser(db, actor, id, version, result.input),
        flash: ({ pending }) =>
          pending
            ? { title: 'User saved', text: 'The change of roles waits for another administrator to approve it.' }
            : 'User saved',
        redirect: ({ pending }) => (pending ? paths.admin.user(id) : paths.admin.users()),
        again: (errorReply, errors) => renderForm(request, errorReply, { ...model, errors }),
        // Someone else changed the user first: the form again, with what was typed and the current version.
        conflict: async (conflictReply, conflict) =>
          renderForm(request, conflictReply, {
            ...model,
            version: (await admin.getUser(db, actor, id)).version,
            conflict,
          }),
      });
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post<{ Params: { id: string; requestId: string } }>(
      `/admin/users/:id/role-changes/:requestId/${decision}`,
      { config: { action: 'admin.user.approve_roles' } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { id, requestId } = request.params;
        return submitForm(request, reply, {
          act: () => admin.decideRoleChange(db, actor, id, requestId, decision),
          flash: decision === 'approve' ? 'Role change approved' : 'Role change rejected',
          redirect: () => paths.admin.user(id),
          again: async (errorReply, errors) =>
            renderForm(request, errorReply, { ...userModel(await admin.userPage(db, actor, id)), errors }),
        });
      },
    );
  }

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/unlock',
    { config: { action: 'admin.user.unlock' } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(request, reply, {
        act: () => admin.unlockUser(db, actorOf(request), id),
        flash: 'Account unlocked',
        redirect: () => paths.admin.user(id),
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/reset-password',
    { config: { action: 'admin.user.reset_password' } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(request, reply, {
        act: () => admin.resetPassword(db, actorOf(request), id),
        flash: (password) => ({
          title: 'Password reset',
          text: `Give them this one-off password in person or by phone: ${password}. They must choose a new one when they next sign in.`,
        }),
        redirect: () => paths.admin.user(id),
      });
    },
  );

  app.get('/admin/teams', { config: { action: 'admin.teams.view' } }, async (request, reply) => {
    const teams = await admin.listTeams(db, actorOf(request));
    return reply.page('pages/admin/teams.njk', teamsModel(teams));
  });

  app.post('/admin/teams', { config: { action: 'admin.team.create' } }, async (request, reply) => {
    const actor = actorOf(request);
    const values = teamForm.read(request.body);
    const teams = await admin.listTeams(db, actor);
    const errors = teamProblems(values, teams);
    return submitForm(request, reply, {
      // The form's own checks first, every one at once; the service's only when they pass.
      act: () => {
        if (errors.length) throw new ValidationError(errors);
        return admin.createTeam(db, actor, {
          name: values.name.trim(),
          kind: values.kind,
          parentTeamId: values.parentTeamId || null,
        });
      },
      flash: `${values.name.trim()} added`,
      redirect: () => paths.admin.teams(),
      again: (errorReply, errorList) =>
        errorReply.page('pages/admin/teams.njk', { ...teamsModel(teams, values), errors: errorList }),
    });
  });
}
