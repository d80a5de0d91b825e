// Administration: users (roles, teams, trainings) and teams of the administrator's authority.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROLE_LABELS, ROLES, type Role, TRAINING_LABELS, TRAININGS, type Training } from '../../../domain/roles.ts';
import * as admin from '../../../services/admin-service.ts';
import { ConflictError, ValidationError } from '../../../services/context.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, type FormError, errorView, list, parseDateParts, str } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { londonToday } from '../../../domain/age.ts';

interface UserFormValues {
  email: string;
  displayName: string;
  jobTitle: string;
  agency: string;
  active: string;
  roles: string[];
  trainings: Record<string, { held: boolean; day: string; month: string; year: string }>;
  teams: string[];
  managerOf: string[];
}

function valuesFromBody(body: Body): UserFormValues {
  const held = list(body, 'trainings');
  const trainings: UserFormValues['trainings'] = {};
  for (const training of TRAININGS) {
    trainings[training] = {
      held: held.includes(training),
      day: str(body, `${training}-day`),
      month: str(body, `${training}-month`),
      year: str(body, `${training}-year`),
    };
  }
  return {
    email: str(body, 'email'),
    displayName: str(body, 'displayName'),
    jobTitle: str(body, 'jobTitle'),
    agency: str(body, 'agency'),
    active: str(body, 'active') || 'yes',
    roles: list(body, 'roles'),
    trainings,
    teams: list(body, 'teams'),
    managerOf: list(body, 'managerOf'),
  };
}

function validate(values: UserFormValues): { input: admin.UserInput } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const email = values.email.trim();
  if (!email) errors.push({ field: 'email', message: 'Enter an email address' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320)
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (!values.displayName.trim()) errors.push({ field: 'displayName', message: 'Enter the person’s full name' });
  else if (values.displayName.length > 100)
    errors.push({ field: 'displayName', message: 'Full name must be 100 characters or fewer' });
  if (values.jobTitle.length > 100)
    errors.push({ field: 'jobTitle', message: 'Job title must be 100 characters or fewer' });
  if (values.agency.length > 100)
    errors.push({ field: 'agency', message: 'Organisation must be 100 characters or fewer' });
  const roles = values.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  if (roles.length === 0) errors.push({ field: 'roles', message: 'Select at least one role' });
  const trainings: { training: Training; completedOn: string }[] = [];
  for (const training of TRAININGS) {
    const tv = values.trainings[training];
    if (!tv?.held) continue;
    const parsed = parseDateParts(
      tv,
      `Date of ${TRAINING_LABELS[training]} training`,
      `Enter the date ${TRAINING_LABELS[training]} training was completed`,
      {
        past: true,
        today: londonToday(),
      },
    );
    if ('error' in parsed) errors.push({ field: `${training}-day`, message: parsed.error, href: `#${training}-day` });
    else trainings.push({ training, completedOn: parsed.iso });
  }
  if (errors.length) return { errors };
  return {
    input: {
      email,
      displayName: values.displayName.trim(),
      jobTitle: values.jobTitle.trim(),
      agency: values.agency.trim(),
      active: values.active !== 'no',
      roles,
      trainings,
      teams: values.teams.map((teamId) => ({ teamId, isManager: values.managerOf.includes(teamId) })),
    },
  };
}

const TEAM_KINDS = [
  { value: 'front_door', text: 'Front door' },
  { value: 'social_work', text: 'Social work' },
  { value: 'youth_justice', text: 'Youth justice' },
  { value: 'early_help', text: 'Early help' },
  { value: 'school', text: 'School or setting' },
  { value: 'health', text: 'Health' },
  { value: 'police', text: 'Police' },
  { value: 'specialist', text: 'Specialist service' },
  { value: 'management', text: 'Management' },
];

const kindItems = () => [{ value: '', text: 'Select' }, ...TEAM_KINDS];

export default function adminRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const roleItems = (chosen: string[]) =>
    ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: chosen.includes(role) }));

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: Record<string, unknown> & { values: UserFormValues },
  ) {
    const teams = await admin.listTeams(db, actorOf(request));
    return reply.page('pages/admin/user-form.njk', {
      ...model,
      roleItems: roleItems(model.values.roles),
      roleText: model.values.roles.map((role) => ROLE_LABELS[role as Role] ?? role).join(', ') || 'No role',
      trainingDefs: TRAININGS.map((training) => ({ key: training, label: TRAINING_LABELS[training] })),
      teams: teams.map((team) => ({
        ...team,
        member: model.values.teams.includes(team.id),
        manager: model.values.managerOf.includes(team.id),
      })),
      backLink: paths.admin.users(),
    });
  }

  app.get('/admin/users', { config: { action: 'admin.users.view' } }, async (request, reply) => {
    const users = await admin.listUsers(db, actorOf(request));
    return reply.page('pages/admin/users.njk', {
      pageTitle: 'Users',
      users: users.map((user) => ({
        ...user,
        roleText: user.roles.map((role) => ROLE_LABELS[role]).join(', ') || 'No role yet',
      })),
    });
  });

  app.get('/admin/users/new', { config: { action: 'admin.user.create' } }, async (request, reply) => {
    await admin.listUsers(db, actorOf(request));
    const empty: UserFormValues = {
      email: '',
      displayName: '',
      jobTitle: '',
      agency: '',
      active: 'yes',
      roles: [],
      trainings: {},
      teams: [],
      managerOf: [],
    };
    return renderForm(request, reply, { pageTitle: 'Add a user', values: empty, action: paths.admin.newUser() });
  });

  app.post('/admin/users/new', { config: { action: 'admin.user.create' } }, async (request, reply) => {
    const actor = actorOf(request);
    const values = valuesFromBody(request.body as Body);
    const model = { pageTitle: 'Add a user', values, action: paths.admin.newUser() };
    const result = validate(values);
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

  function userModel(page: Awaited<ReturnType<typeof admin.userPage>>, values?: UserFormValues) {
    const user = page.user;
    const trainings: UserFormValues['trainings'] = {};
    for (const training of user.trainings) {
      const [year, month, day] = training.completedOn.split('-');
      trainings[training.training] = {
        held: true,
        day: String(Number(day)),
        month: String(Number(month)),
        year: year ?? '',
      };
    }
    const labels = (roles: readonly Role[]) => roles.map((role) => ROLE_LABELS[role]).join(', ') || 'no role';
    return {
      pageTitle: user.displayName,
      user,
      version: user.version,
      action: paths.admin.user(user.id),
      can: page.can,
      pending: page.pending && {
        ...page.pending,
        beforeText: labels(page.pending.rolesBefore),
        afterText: labels(page.pending.rolesAfter),
      },
      values: values ?? {
        email: user.email,
        displayName: user.displayName,
        jobTitle: user.jobTitle,
        agency: user.agency,
        active: user.active ? 'yes' : 'no',
        roles: user.roles,
        trainings,
        teams: user.teams.map((membership) => membership.teamId),
        managerOf: user.teams.filter((membership) => membership.isManager).map((membership) => membership.teamId),
      },
    };
  }

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
      const body = request.body as Body;
      const values = valuesFromBody(body);
      const version = Number(str(body, 'version'));
      const model = { ...userModel(page, values), version };
      const result = validate(values);
      if ('errors' in result)
        return renderForm(request, reply.code(400), { ...model, errors: errorView(result.errors) });
      try {
        return await submitForm(request, reply, {
          act: () => admin.updateUser(db, actor, id, version, result.input),
          flash: ({ pending }) =>
            pending
              ? { title: 'User saved', text: 'The change of roles waits for another administrator to approve it.' }
              : 'User saved',
          redirect: ({ pending }) => (pending ? paths.admin.user(id) : paths.admin.users()),
          again: (errorReply, errors) => renderForm(request, errorReply, { ...model, errors }),
        });
      } catch (err) {
        // Someone else changed the user first: the form again, with what was typed and the current version.
        if (!(err instanceof ConflictError)) throw err;
        return renderForm(request, reply.code(409), {
          ...model,
          version: (await admin.getUser(db, actor, id)).version,
          conflict: err,
        });
      }
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
      await admin.unlockUser(db, actorOf(request), id);
      request.session.flash = { title: 'Account unlocked' };
      return reply.redirect(paths.admin.user(id), 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/reset-password',
    { config: { action: 'admin.user.reset_password' } },
    async (request, reply) => {
      const { id } = request.params;
      const password = await admin.resetPassword(db, actorOf(request), id);
      request.session.flash = {
        title: 'Password reset',
        text: `Give them this one-off password in person or by phone: ${password}. They must choose a new one when they next sign in.`,
      };
      return reply.redirect(paths.admin.user(id), 303);
    },
  );

  app.get('/admin/teams', { config: { action: 'admin.teams.view' } }, async (request, reply) => {
    const teams = await admin.listTeams(db, actorOf(request));
    return reply.page('pages/admin/teams.njk', { pageTitle: 'Teams', teams, values: {}, kindItems: kindItems() });
  });

  app.post('/admin/teams', { config: { action: 'admin.team.create' } }, async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body as Body;
    const values = { name: str(body, 'name'), kind: str(body, 'kind'), parentTeamId: str(body, 'parentTeamId') };
    const teams = await admin.listTeams(db, actor);
    const errors: FormError[] = [];
    if (!values.name.trim()) errors.push({ field: 'name', message: 'Enter the team’s name' });
    else if (values.name.length > 100)
      errors.push({ field: 'name', message: 'Team name must be 100 characters or fewer' });
    if (!TEAM_KINDS.some((k) => k.value === values.kind))
      errors.push({ field: 'kind', message: 'Select the kind of team' });
    if (values.parentTeamId && !teams.some((team) => team.id === values.parentTeamId))
      errors.push({ field: 'parentTeamId', message: 'Select a team from the list' });
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
        errorReply.page('pages/admin/teams.njk', {
          pageTitle: 'Teams',
          teams,
          values,
          kindItems: kindItems(),
          errors: errorList,
        }),
    });
  });
}
