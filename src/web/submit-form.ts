// A form that changes a record: on success a confirmation and a 303 to where the user goes next;
// on a ValidationError the same page again (400) with each error next to its field and everything
// typed kept. Any other error goes to the app's error handler (a safe page, nothing written).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActionId } from '../domain/actions.ts';
import { ValidationError } from '../services/context.ts';
import { type Body, type ErrorView, type FormError, errorView, str } from './forms.ts';

export async function submitForm<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    act: () => Promise<T>;
    flash: string;
    redirect: (result: T) => string;
    again: (reply: FastifyReply, errors: ErrorView) => unknown;
    /** Where the error summary links, when not the field's own id (the day box of a date). */
    hrefs?: (errors: readonly FormError[]) => FormError[];
  },
) {
  let result: T;
  try {
    result = await options.act();
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return options.again(reply.code(400), errorView(options.hrefs ? options.hrefs(err.errors) : err.errors));
  }
  request.session.flash = { title: options.flash };
  return reply.redirect(options.redirect(result), 303);
}

type Act = (request: FastifyRequest, id: string, body: Body, version: number) => Promise<void>;

/**
 * The forms on one record's page (`/things/:id/...`): each posts with the record's version, then
 * returns to the page, or shows it again with the errors and what was typed (`keep`).
 */
export function recordForms(
  app: FastifyInstance,
  options: {
    show: (id: string) => string;
    render: (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown>) => unknown;
    hrefs?: (errors: readonly FormError[]) => FormError[];
  },
) {
  return (path: string, action: ActionId, flash: string, act: Act, keep: (body: Body) => Record<string, unknown>) =>
    app.post(path, { config: { action } }, (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as Body;
      return submitForm(request, reply, {
        act: () => act(request, id, body, Number(str(body, 'version'))),
        flash,
        redirect: () => options.show(id),
        again: (errorReply, errors) => options.render(request, errorReply, { ...keep(body), errors }),
        ...(options.hrefs ? { hrefs: options.hrefs } : {}),
      });
    });
}
