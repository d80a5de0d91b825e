// A form that changes a record: on success a confirmation and a 303 to where the user goes next;
// on a ValidationError (a page schema's or a service's) the same page again (400) with each error
// next to its field and everything typed kept; on a ConflictError (someone else changed the record
// first), when the page says how, the page again (409) with what was typed and what changed. Any
// other error goes to the app's error handler (a safe page, nothing written).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActionId } from '../domain/actions.ts';
import { ConflictError, ValidationError } from '../services/context.ts';
import { type ErrorView, type FormError, errorView } from './forms.ts';
import type { PageSchema } from './page-schema.ts';

/** The confirmation shown on the next page: a title, and a line of text under it when needed. */
export type Flash = string | { title: string; text: string };

export async function submitForm<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    act: () => Promise<T>;
    /** Without it (or when it gives undefined) the next page shows no confirmation. */
    flash?: Flash | ((result: T) => Flash | undefined);
    redirect: (result: T) => string;
    /** The page again with the errors; without it (a button with no fields) the error goes to the app's error handler. */
    again?: (reply: FastifyReply, errors: ErrorView) => unknown;
    /** Where the error summary links, when not the field's own id (the day box of a date). */
    hrefs?: (errors: readonly FormError[]) => FormError[];
    /** The page again when someone else changed the record first; without it, the app's conflict page. */
    conflict?: (reply: FastifyReply, conflict: ConflictError) => unknown;
  },
) {
  let result: T;
  try {
    result = await options.act();
  } catch (err) {
    if (err instanceof ConflictError && options.conflict) return options.conflict(reply.code(409), err);
    if (!(err instanceof ValidationError) || !options.again) throw err;
    return options.again(reply.code(400), errorView(options.hrefs ? options.hrefs(err.errors) : err.errors));
  }
  const flash = typeof options.flash === 'function' ? options.flash(result) : options.flash;
  if (flash !== undefined) request.session.flash = typeof flash === 'string' ? { title: flash } : flash;
  return reply.redirect(options.redirect(result), 303);
}

type Act<D> = (request: FastifyRequest, id: string, data: D) => Promise<unknown>;

/**
 * The forms on one record's page (`/things/:id/...`): each posts the record's version with fields
 * its page schema types, then returns to the page, or shows it again with the errors and what was
 * typed (`keep`). A date's error links to its day box (the schema's `dates`).
 */
export function recordForms(
  app: FastifyInstance,
  options: {
    show: (id: string) => string;
    render: (request: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown>) => unknown;
  },
) {
  return <D extends { version: number }>(
    path: string,
    action: ActionId,
    flash: string,
    form: PageSchema<D>,
    act: Act<D>,
    keep: (data: D) => Record<string, unknown>,
  ) =>
    app.post<{ Params: { id: string } }>(path, { config: { action } }, (request, reply) => {
      const { id } = request.params;
      const parsed = form.parse(request.body);
      if (!parsed.ok)
        return options.render(request, reply.code(400), id, {
          values: parsed.values,
          errors: errorView(parsed.errors),
        });
      const data = parsed.data;
      return submitForm(request, reply, {
        act: () => act(request, id, data),
        flash,
        redirect: () => options.show(id),
        again: (errorReply, errors) => options.render(request, errorReply, id, { ...keep(data), errors }),
        hrefs: form.hrefs,
      });
    });
}
