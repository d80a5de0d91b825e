// Administration: users (roles, teams, trainings) and teams of the administrator's authority. The
// forms are typed in schema.ts, the pages' models built in view-model.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as admin from '../../../services/admin-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type ErrorView, errorView } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { type UserFormValues, teamForm, userForm, userInputOf, userValues } from './schema.ts';
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
    const model = { pageTitle: 'Add a user', values: userValues(request.body), action: paths.admin.newUser() };
    const parsed = userForm.parse(request.body);
    if (!parsed.ok) return renderForm(request, reply.code(400), { ...model, errors: errorView(parsed.errors) });
    const input = userInputOf(parsed.data);
    return submitForm(request, reply, {
      act: () => admin.createUser(db, actor, input),
      flash: ({ temporaryPassword, pending }) => ({
        title: 'User added',
        text:
          `Give them this one-off password in person or by phone: ${temporaryPassword}. ` +
          'They must choose a new one when they first sign in.' +
          (pending ? ' The administrator role waits for another administrator to approve it.' : ''),
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
      const parsed = userForm.parse(request.body);
      const version = parsed.ok ? parsed.data.version : Number(userForm.typed(request.body)['version']);
      const model = { ...userModel(page, userValues(request.body)), version };
      if (!parsed.ok) return renderForm(request, reply.code(400), { ...model, errors: errorView(parsed.errors) });
      const input = userInputOf(parsed.data);
      return submitForm(request, reply, {
        act: () => admin.updateUser(db, actor, id, version, input),
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
    const teams = await admin.listTeams(db, actor);
    const parsed = teamForm.parse(request.body);
    const again = (errorReply: FastifyReply, errors: ErrorView) =>
      errorReply.page('pages/admin/teams.njk', { ...teamsModel(teams, teamForm.typed(request.body)), errors });
    if (!parsed.ok) return again(reply.code(400), errorView(parsed.errors));
    const team = { ...parsed.data, parentTeamId: parsed.data.parentTeamId || null };
    return submitForm(request, reply, {
      act: () => admin.createTeam(db, actor, team),
      flash: `${team.name} added`,
      redirect: () => paths.admin.teams(),
      again,
    });
  });
}
