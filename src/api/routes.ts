// The JSON API, /api/v1: authenticated by API tokens an administrator issues, each scoped to
// one authority and audited like a user (R-X-7). No session, no cookies, no CSRF: a token in the
// Authorization header is the only credential. Each call is registered from its declaration
// (operations.ts), the one the OpenAPI document is generated from (openapi.ts): its path and query
// are read through the declared schemas, and every answer, data or problem, is sent through the
// zod schema the document describes it with.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { londonToday } from '../domain/age.ts';
import { EvaluationError, evaluateCase } from '../domain/evaluation.ts';
import { allPacks, getPack, loadPacks } from '../procedures/index.ts';
import { loadCalendar } from '../services/calendar-service.ts';
import { type ApiClient, apiClientFor, auditApiRequest } from '../services/api-service.ts';
import type { Db } from '../services/context.ts';
import { openApiDocument } from './openapi.ts';
import {
  type Operation,
  type OperationId,
  type Operations,
  type ProblemCode,
  operations,
  problem as problemBody,
  routePath,
} from './operations.ts';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyRequest {
    apiClient?: ApiClient;
  }
}

/**
 * Answers with data in the schema the document gives it: what does not fit is a fault (500, and
 * logged), never an answer the document does not describe.
 */
function answer<Schema extends z.ZodType>(reply: FastifyReply, schema: Schema, data: z.input<Schema>) {
  return reply.type('application/json').send(schema.parse(data));
}

function problem(
  reply: FastifyReply,
  status: number,
  error: ProblemCode,
  message: string,
  problems?: { path: string; message: string }[],
) {
  return answer(reply.code(status), problemBody, {
    error,
    message,
    ...(problems ? { problems } : {}),
    requestId: reply.request.id,
  });
}

/** What the body parser's refusals (4xx) say: the status and the problem's code and words. */
function unreadable(status: number): [ProblemCode, string] {
  if (status === 415) return ['unsupported_media_type', 'Send the body as JSON, with content-type: application/json'];
  if (status === 413) return ['too_large', 'The body is too large'];
  return ['invalid', 'The request could not be read: send valid JSON'];
}

/** What a call's handler is given: the request, its parameters as their schemas read them, and its answers. */
interface Call<Declared extends Operation> {
  request: FastifyRequest;
  params: Declared extends { params: z.ZodType } ? z.output<Declared['params']> : Record<string, never>;
  query: Declared extends { query: z.ZodType } ? z.output<Declared['query']> : Record<string, never>;
  /** Answers 200 with data in the call's declared schema. */
  ok: (data: z.input<Declared['response']['schema']>) => FastifyReply;
  /** Refuses with one of the statuses the call declares (the others are every call's, answered elsewhere). */
  refuse: (
    status: Declared['errors'][number],
    error: ProblemCode,
    message: string,
    problems?: { path: string; message: string }[],
  ) => FastifyReply;
}

/** The parameters of a call that declares none: whatever is sent is not read. */
const emptyParameters = z.object({});

/** One problem for each parameter that does not fit, in its schema's words. */
function problemsOf(error: z.ZodError) {
  const problems = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (!problems.has(path)) problems.set(path, issue.message);
  }
  return [...problems].map(([path, message]) => ({ path, message }));
}

/**
 * Registers a call from its declaration (operations.ts): its method, path and action, its path
 * and query read through their schemas, and its answers through its response schema. A path or a
 * query that does not fit is refused (400) before the handler runs.
 */
function serve<Id extends OperationId>(
  api: FastifyInstance,
  operationId: Id,
  handler: (call: Call<Operations[Id]>) => Promise<FastifyReply>,
) {
  const operation: Operation = operations[operationId];
  api.route({
    method: operation.method,
    url: routePath(operation.path),
    config: { action: operation.action },
    handler: async (request, reply) => {
      const params = (operation.params ?? emptyParameters).safeParse(request.params ?? {});
      const query = (operation.query ?? emptyParameters).safeParse(request.query ?? {});
      if (!params.success || !query.success) {
        const problems = [params.error, query.error].flatMap((error) => (error ? problemsOf(error) : []));
        return problem(reply, 400, 'invalid', operation.invalid ?? 'The request is invalid', problems);
      }
      return handler({
        request,
        params: params.data,
        query: query.data,
        ok: (data) => answer(reply, operation.response.schema, data),
        refuse: (status, error, message, problems) => problem(reply, status, error, message, problems),
      } as Call<Operations[Id]>);
    },
  });
}

function audit(
  db: Db,
  request: FastifyRequest,
  action: string,
  outcome: 'ok' | 'refused',
  details: Record<string, unknown> = {},
) {
  return auditApiRequest(db, request.apiClient, request, action, outcome, details);
}

export async function registerApi(app: FastifyInstance, db: Db, config: Pick<Config, 'apiLimitPerMinute'>) {
  // Per token once it is known, per address before: a guessed token is limited as a used one is.
  const limit = app.createRateLimit({
    max: config.apiLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => (req.apiClient ? `api-token:${req.apiClient.tokenId}` : `api-address:${req.ip}`),
  });
  await app.register(
    (api, _options, done) => {
      // JSON bodies only: a form, text or anything else is refused (415) rather than parsed, and
      // so is any parser the root app may gain. The JSON parser is Fastify's own, with its defaults.
      api.removeAllContentTypeParsers();
      api.addContentTypeParser('application/json', { parseAs: 'string' }, api.getDefaultJsonParser('error', 'error'));

      api.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
        if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
          const [code, message] = unreadable(error.statusCode);
          return problem(reply, error.statusCode, code, message);
        }
        request.log.error({ err: error, requestId: request.id }, 'unexpected API error');
        return problem(reply, 500, 'server_error', `Something went wrong. Quote this reference: ${request.id}`);
      });
      api.setNotFoundHandler((_request, reply) => problem(reply, 404, 'not_found', 'No such endpoint'));

      api.get('/openapi.json', { config: { action: 'api.openapi' } }, async (_request, reply) =>
        reply.type('application/json').send(openApiDocument()),
      );

      // The token and the limit are checked as the request arrives, before its body is read: a
      // caller without a valid token, or over the limit, is refused whatever it sends.
      api.addHook('onRequest', async (request, reply) => {
        if (request.routeOptions.url === '/api/v1/openapi.json') return undefined;
        const header = request.headers.authorization ?? '';
        const bearer = /^Bearer (hsbp_[A-Za-z0-9_-]{20,100})$/.exec(header);
        const client = bearer ? await apiClientFor(db, bearer[1]!) : undefined;
        if (client) request.apiClient = client;
        const limited = await limit(request);
        if (!limited.isAllowed && limited.isExceeded) {
          await audit(db, request, 'api.rate_limited', 'refused', { path: request.url.slice(0, 200) });
          reply.header('retry-after', String(limited.ttlInSeconds));
          return problem(
            reply,
            429,
            'rate_limited',
            `Too many requests: wait ${limited.ttlInSeconds} seconds, then try again`,
          );
        }
        if (!client) {
          await audit(db, request, 'api.authenticate', 'refused', {
            reason: bearer ? 'unknown_expired_or_revoked' : 'no_token',
            path: request.url.slice(0, 200),
          });
          return problem(reply, 401, 'unauthorised', 'Send a valid API token: Authorization: Bearer hsbp_...');
        }
        return undefined;
      });

      serve(api, 'listProcedures', async ({ request, ok }) => {
        await audit(db, request, 'api.procedures', 'ok');
        // A token works for its own authority only: the list is its procedure.
        return ok(
          allPacks()
            .filter((pack) => pack.id === request.apiClient!.authorityId)
            .map((pack) => ({
              id: pack.id,
              authority: pack.authority,
              version: pack.version,
              reviewDate: pack.reviewDate,
              levels: pack.levels.map((level) => ({ id: level.id, label: level.label, scale: level.covers })),
              tools: pack.tools.map((tool) => ({
                id: tool.id,
                name: tool.name,
                kind: tool.kind,
                requiresTraining: tool.requiresTraining ?? null,
              })),
              facts: pack.facts,
            })),
        );
      });

      serve(api, 'getProcedure', async ({ request, params, ok, refuse }) => {
        const pack = getPack(params.id);
        // Another authority's procedure answers as if it did not exist, and the refusal is audited.
        if (!pack || pack.id !== request.apiClient!.authorityId) {
          await audit(db, request, 'api.procedure', 'refused', {
            reason: pack ? 'other_authority' : 'not_found',
            procedure: params.id.slice(0, 50),
          });
          return refuse(404, 'not_found', 'No such procedure');
        }
        await audit(db, request, 'api.procedure', 'ok', { procedure: pack.id });
        return ok(pack);
      });

      serve(api, 'listBankHolidays', async ({ request, query, ok }) => {
        const year = query.year ?? Number(londonToday().slice(0, 4));
        await audit(db, request, 'api.bank_holidays', 'ok', { year });
        return ok((await loadCalendar(db, request.apiClient!.authorityId)).holidays(year));
      });

      // The body is checked by the evaluation's own schema (evaluateCase); here only its procedure is read.
      serve(api, 'evaluateCase', async ({ request, ok, refuse }) => {
        const client = request.apiClient!;
        const sent: unknown = request.body;
        const body = sent && typeof sent === 'object' && !Array.isArray(sent) ? sent : {};
        const procedure =
          'procedure' in body && typeof body.procedure === 'string' ? body.procedure : client.authorityId;
        if (procedure !== client.authorityId) {
          await audit(db, request, 'api.evaluate', 'refused', {
            reason: 'other_authority',
            procedure: String(procedure).slice(0, 50),
          });
          return refuse(
            403,
            'forbidden',
            `This token is for ${client.authorityId}: it cannot evaluate with ${procedure}`,
          );
        }
        try {
          const out = evaluateCase(
            loadPacks(),
            { ...body, procedure },
            await loadCalendar(db, client.authorityId),
            londonToday(),
          );
          await audit(db, request, 'api.evaluate', 'ok', {
            procedure,
            level: out.level.id,
            steps: out.nextSteps.length,
          });
          return ok(out);
        } catch (err) {
          if (!(err instanceof EvaluationError)) throw err;
          await audit(db, request, 'api.evaluate', 'refused', { reason: 'invalid' });
          return refuse(400, 'invalid', 'The case could not be evaluated', err.problems);
        }
      });
      done();
    },
    { prefix: '/api/v1' },
  );
}
