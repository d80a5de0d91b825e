// Administration of working days (one-off bank holidays, the inactivity threshold) and API tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonToday } from '../../../domain/age.ts';
import { ValidationError } from '../../../services/context.ts';
import * as settings from '../../../services/settings-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { errorView } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { holidayForm, inactivityForm, tokenForm } from './schema.ts';
import { tokensModel, workingDaysModel } from './view-model.ts';

export default function settingsRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function renderWorkingDays(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const page = await settings.workingDaysPage(db, actorOf(request));
    return reply.page('pages/admin/working-days.njk', { ...workingDaysModel(page), ...extra });
  }

  app.get('/admin/working-days', { config: { action: 'admin.working_days.view' } }, (request, reply) =>
    renderWorkingDays(request, reply),
  );

  app.post('/admin/working-days/holidays', { config: { action: 'admin.holiday.add' } }, async (request, reply) => {
    const holidayValues = holidayForm.typed(request.body);
    const parsed = holidayForm.parse(request.body);
    if (!parsed.ok)
      return renderWorkingDays(request, reply.code(400), { holidayValues, errors: errorView(parsed.errors) });
    const holiday = parsed.data;
    return submitForm(request, reply, {
      act: () => settings.addOneOffHoliday(db, actorOf(request), holiday),
      flash: { title: 'Holiday added', text: 'Deadlines from now on skip it.' },
      redirect: () => paths.admin.workingDays(),
      again: (errorReply, errorList) => renderWorkingDays(request, errorReply, { holidayValues, errors: errorList }),
      hrefs: holidayForm.hrefs,
    });
  });

  app.post<{ Params: { date: string } }>(
    '/admin/working-days/holidays/:date/remove',
    { config: { action: 'admin.holiday.remove' } },
    async (request, reply) => {
      const { date } = request.params;
      return submitForm(request, reply, {
        act: () => settings.removeOneOffHoliday(db, actorOf(request), date),
        flash: 'Holiday removed',
        redirect: () => paths.admin.workingDays(),
      });
    },
  );

  app.post('/admin/working-days/inactivity', { config: { action: 'admin.inactivity.set' } }, async (request, reply) => {
    const value = inactivityForm.read(request.body).inactivityDays;
    return submitForm(request, reply, {
      act: () => settings.setInactivity(db, actorOf(request), value),
      flash: 'Inactivity flag updated',
      redirect: () => paths.admin.workingDays(),
      again: (errorReply, errors) => renderWorkingDays(request, errorReply, { inactivityValue: value, errors }),
    });
  });

  async function renderTokens(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const tokens = await settings.listTokens(db, actorOf(request));
    return reply.page('pages/admin/api-tokens.njk', { ...tokensModel(tokens, new Date(), londonToday()), ...extra });
  }

  app.get('/admin/api-tokens', { config: { action: 'admin.api_tokens.view' } }, (request, reply) =>
    renderTokens(request, reply),
  );

  app.post('/admin/api-tokens', { config: { action: 'admin.api_token.issue' } }, async (request, reply) => {
    const values = tokenForm.read(request.body);
    // Not submitForm: on success this page is rendered, not redirected to, because the token is
    // shown once, on this response only: never stored, never in a redirect or the session.
    try {
      const issued = await settings.issueToken(db, actorOf(request), values);
      return renderTokens(request, reply, { issued: issued.token });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderTokens(request, reply.code(400), { values, errors: errorView(err.errors) });
    }
  });

  app.post<{ Params: { id: string } }>(
    '/admin/api-tokens/:id/revoke',
    { config: { action: 'admin.api_token.revoke' } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(request, reply, {
        act: () => settings.revokeToken(db, actorOf(request), id),
        flash: { title: 'Token revoked', text: 'It no longer works.' },
        redirect: () => paths.admin.apiTokens(),
      });
    },
  );
}
