// The JSON API (/api/v1) and the command line give the same documented evaluation; tokens are
// issued by an administrator, scoped to an authority and audited like a user. Every answer a test
// here receives is checked against the OpenAPI document: its status must be one the document lists
// for that call, its body must fit the schema the document gives, and each answer the document
// lists must be received by some test.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { evaluationOutputSchema } from '../../src/domain/evaluation.ts';
import { holiday, problem, procedureSummary } from '../../src/api/openapi.ts';
import { z } from 'zod';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';

const run = promisify(execFile);
/** A JSON Schema as the document holds it, for zod to read back. */
const jsonSchema = z.custom<z.core.JSONSchema.JSONSchema>((value) => typeof value === 'object' && value !== null);
// The parts of the OpenAPI document these tests read.
const openApiDocument = z.object({
  openapi: z.string(),
  servers: z.array(z.object({ url: z.string() })),
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        operationId: z.string().optional(),
        requestBody: z.unknown().optional(),
        responses: z.record(
          z.string(),
          z.object({
            description: z.string(),
            headers: z.record(z.string(), z.unknown()).optional(),
            content: z.object({ 'application/json': z.object({ schema: jsonSchema }) }),
          }),
        ),
      }),
    ),
  ),
  components: z.object({
    schemas: z.record(
      z.string(),
      z.intersection(
        jsonSchema,
        z.looseObject({ properties: z.record(z.string(), z.unknown()), required: z.array(z.string()).optional() }),
      ),
    ),
  }),
});
type OpenApiDocument = z.infer<typeof openApiDocument>;

/** The zod form of a response schema in the document: a component, or an array of one. */
function fromDocument(doc: OpenApiDocument, schema: unknown): z.ZodType {
  const ref = z.object({ $ref: z.string().startsWith('#/components/schemas/') }).safeParse(schema);
  if (ref.success) {
    const component = doc.components.schemas[ref.data.$ref.slice('#/components/schemas/'.length)];
    assert.ok(component, `the document has no ${ref.data.$ref}`);
    return z.fromJSONSchema(component);
  }
  const array = z.object({ type: z.literal('array'), items: z.unknown() }).safeParse(schema);
  if (array.success) return z.array(fromDocument(doc, array.data.items));
  throw new Error(`a response schema these tests cannot read: ${JSON.stringify(schema)}`);
}

/** The document's path for an address, as `/procedures/{id}` names `/api/v1/procedures/islington`. */
function documentedPath(doc: OpenApiDocument, url: string): string | undefined {
  const base = doc.servers[0]!.url;
  const path = url.split('?')[0]!;
  if (!path.startsWith(`${base}/`)) return undefined;
  const within = path.slice(base.length);
  return Object.keys(doc.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(within),
  );
}
const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/islington-case.json');

describe('JSON API and command line', () => {
  let t: TestApp;
  let token = '';
  let doc: OpenApiDocument;
  /** Each answer received, as `method path status`, to check the document lists none that is not given. */
  const received = new Set<string>();
  before(async () => {
    t = await startTestApp();
    const admin = await signedIn(t.app, 'islington', 'admin');
    await admin.get(paths.admin.apiTokens());
    const bad = await admin.post(paths.admin.apiTokens(), { name: '', days: '400' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter what the token is for/);
    assert.match(bad.body, /Days the token lasts must be a whole number between 1 and 365/);
    const issued = await admin.post(paths.admin.apiTokens(), { name: 'Case management system', days: '30' });
    token = /id="issued-token">([^<]+)</.exec(issued.body)![1]!;
    const list = await admin.get(paths.admin.apiTokens());
    assert.doesNotMatch(list.body, new RegExp(token), 'shown once only');
    assert.match(list.body, new RegExp(`${token.slice(0, 12)}…`));
    doc = openApiDocument.parse((await t.app.inject({ method: 'GET', url: paths.api.openapi() })).json());
  });
  after(async () => t.close());

  /** Checks an answer against the document: a status it lists for the call, a body in its schema, its headers. */
  function conforms(method: string, url: string, res: LightMyRequestResponse): LightMyRequestResponse {
    if (url === paths.api.openapi()) return res; // the document itself
    const path = documentedPath(doc, url);
    assert.ok(path, `${url} is not in the document`);
    const call = `${method.toLowerCase()} ${path} ${res.statusCode}`;
    const documented = doc.paths[path]?.[method.toLowerCase()]?.responses[String(res.statusCode)];
    assert.ok(documented, `${call}: the document does not list this answer`);
    assert.match(String(res.headers['content-type']), /^application\/json/, `${call}: not JSON`);
    for (const header of Object.keys(documented.headers ?? {}))
      assert.ok(res.headers[header.toLowerCase()], `${call}: no ${header} header`);
    const body = fromDocument(doc, documented.content['application/json'].schema).safeParse(res.json());
    assert.ok(body.success, `${call}: the body is not in the document's schema: ${body.error?.message}`);
    received.add(call);
    return res;
  }

  const api = async (
    url: string,
    opts: {
      method?: 'GET' | 'POST';
      body?: unknown;
      auth?: string | null;
      /** The body's content-type, when it is not JSON; the body is then sent as it is. */
      type?: string;
      app?: FastifyInstance;
    } = {},
  ) => {
    const method = opts.method ?? 'GET';
    const res = await (opts.app ?? t.app).inject({
      method,
      url,
      headers: {
        ...(opts.auth === null ? {} : { authorization: `Bearer ${opts.auth ?? token}` }),
        ...(opts.body !== undefined ? { 'content-type': opts.type ?? 'application/json' } : {}),
      },
      ...(opts.body !== undefined
        ? { payload: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }
        : {}),
    });
    return conforms(method, url, res);
  };

  it('evaluates a case without saving it, returning the documented JSON, the same as the command line', async () => {
    const input: unknown = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const before = await t.database.db.selectFrom('screenings').select('id').execute();
    const res = await api(paths.api.evaluate(), { method: 'POST', body: input });
    assert.equal(res.statusCode, 200);
    const body = evaluationOutputSchema.parse(res.json());
    assert.equal(body.level.id, 'category-2');
    assert.deepEqual(
      body.nextSteps.filter((s) => s.dueDate).map((s) => `${s.stepId}@${s.dueDate}`),
      ['hsb-strategy-meeting@2026-12-31'],
    );
    assert.equal(body.suggestion?.reasons[0]?.requirement, 'R-ISL-1');
    assert.deepEqual(await t.database.db.selectFrom('screenings').select('id').execute(), before, 'nothing saved');

    const cli = await run(process.execPath, ['src/cli/evaluate.ts', '--procedure', 'islington', '--file', EXAMPLE], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '' },
    });
    assert.deepEqual(JSON.parse(cli.stdout), res.json());
  });

  it('the command line explains bad input and exits non-zero', async () => {
    await assert.rejects(
      run(process.execPath, ['src/cli/evaluate.ts', '--procedure', 'kent', '--file', EXAMPLE], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '' },
      }),
      (e: { code?: number; stderr?: string }) =>
        e.code === 2 && /file says procedure "islington" but --procedure says "kent"/.test(e.stderr ?? ''),
    );
  });

  it('answers problems as JSON with the field paths', async () => {
    const res = await api(paths.api.evaluate(), {
      method: 'POST',
      body: { incidentDate: '2026-13-01', child: {}, level: 'category-9' },
    });
    assert.equal(res.statusCode, 400);
    const b = problem.parse(res.json());
    assert.equal(b.error, 'invalid');
    assert.ok(b.problems?.some((p) => p.path === 'incidentDate'));
    assert.ok(b.requestId);
    const unknownLevel = await api(paths.api.evaluate(), {
      method: 'POST',
      body: { incidentDate: '2026-12-01', child: { age: 12 }, level: 'category-9' },
    });
    assert.match(
      problem.parse(unknownLevel.json()).problems?.[0]?.message ?? '',
      /has no level category-9: use no-category, category-0/,
    );
    const badJson = await api(paths.api.evaluate(), { method: 'POST', body: '{not json' });
    assert.equal(badJson.statusCode, 400);
    assert.equal(problem.parse(badJson.json()).error, 'invalid');
  });

  it('refuses calls without a valid token, and a token used for another authority, auditing both', async () => {
    assert.equal((await api(paths.api.procedures(), { auth: null })).statusCode, 401);
    assert.equal((await api(paths.api.procedures(), { auth: 'hsbp_not-a-real-token-at-all-000' })).statusCode, 401);
    const other = await api(paths.api.evaluate(), {
      method: 'POST',
      body: { procedure: 'kent', incidentDate: '2026-12-01', child: { age: 12 }, level: 'harmful' },
    });
    assert.equal(other.statusCode, 403);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'details', 'authority_id'])
      .where('action', 'like', 'api.%')
      .orderBy('seq')
      .execute();
    assert.ok(events.some((e) => e.action === 'api.authenticate' && e.outcome === 'refused'));
    const refused = events.find(
      (e) => e.action === 'api.evaluate' && e.outcome === 'refused' && e.details['reason'] === 'other_authority',
    );
    assert.equal(refused?.authority_id, 'islington');
    assert.equal(refused?.details['tokenName'], 'Case management system');
    assert.ok(events.some((e) => e.action === 'api.evaluate' && e.outcome === 'ok'));
  });

  it('lists its own authority’s procedure, in full, and the bank holidays; another authority’s is not found', async () => {
    const list = z.array(procedureSummary).parse((await api(paths.api.procedures())).json());
    assert.deepEqual(
      list.map((p) => p.id),
      ['islington'],
      'a token works for its own authority only',
    );
    const own = z
      .object({ tools: z.array(z.object({ id: z.string(), kind: z.string() })) })
      .parse((await api(paths.api.procedure('islington'))).json());
    assert.equal(own.tools.find((x) => x.id === 'islington-categories')?.kind, 'checklist');
    const other = await api(paths.api.procedure('north-east-lincolnshire'));
    assert.equal(other.statusCode, 404, 'another authority’s procedure pack is not this token’s to read');
    assert.equal(problem.parse(other.json()).error, 'not_found');
    const refused = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'api.procedure')
      .where('outcome', '=', 'refused')
      .execute();
    assert.equal(refused.at(-1)?.details['reason'], 'other_authority');
    assert.equal((await api(paths.api.procedure('atlantis'))).statusCode, 404);
    const holidays = z.array(holiday).parse((await api(`${paths.api.bankHolidays()}?year=2027`)).json());
    assert.deepEqual(holidays.map((h) => h.date).slice(-2), ['2027-12-27', '2027-12-28']);
    assert.equal((await api(`${paths.api.bankHolidays()}?year=nope`)).statusCode, 400);
  });

  it('refuses a body that is not JSON (415), in the problem body, before reading it (issue 12, item 11)', async () => {
    const evaluate = { method: 'POST', type: 'text/plain' } as const;
    const text = await api(paths.api.evaluate(), { ...evaluate, body: '{"procedure":"islington"}' });
    assert.equal(text.statusCode, 415);
    const said = problem.parse(text.json());
    assert.equal(said.error, 'unsupported_media_type');
    assert.match(said.message, /content-type: application\/json/);
    assert.ok(said.requestId);
    assert.equal(said.problems, undefined, 'the body is not read, so no field is named');
    const form = await api(paths.api.evaluate(), {
      ...evaluate,
      type: 'application/x-www-form-urlencoded',
      body: 'procedure=islington&incidentDate=2026-12-01',
    });
    assert.equal(form.statusCode, 415);
    assert.equal(problem.parse(form.json()).error, 'unsupported_media_type');
    const xml = await api(paths.api.evaluate(), { ...evaluate, type: 'application/xml', body: '<case/>' });
    assert.equal(xml.statusCode, 415);
    // JSON with its charset is JSON: read, and refused for what it says.
    const charset = await api(paths.api.evaluate(), {
      ...evaluate,
      type: 'application/json; charset=utf-8',
      body: { procedure: 'kent' },
    });
    assert.equal(charset.statusCode, 403);
    // Without a valid token nothing is read: the answer is that the token is missing.
    assert.equal((await api(paths.api.evaluate(), { ...evaluate, auth: null, body: 'x' })).statusCode, 401);
    assert.equal((await api(paths.api.evaluate(), { method: 'POST', auth: null, body: '{not json' })).statusCode, 401);
    const large = await api(paths.api.evaluate(), { method: 'POST', body: { note: 'x'.repeat(300 * 1024) } });
    assert.equal(large.statusCode, 413);
    assert.equal(problem.parse(large.json()).error, 'too_large');
  });

  it('limits the calls a minute, per token and, before a token is known, per address (429, Retry-After)', async () => {
    const limited = await startTestApp({ apiLimitPerMinute: 1 }, t.database);
    try {
      const anonymous = { app: limited.app, auth: null };
      // The first call without a token uses this address's one call a minute; the rest are limited.
      assert.equal((await api(paths.api.procedures(), anonymous)).statusCode, 401);
      for (const [path, method] of [
        [paths.api.procedures(), 'GET'],
        [paths.api.procedure('islington'), 'GET'],
        [paths.api.evaluate(), 'POST'],
        [`${paths.api.bankHolidays()}?year=2027`, 'GET'],
      ] as const) {
        const res = await api(path, { ...anonymous, method, ...(method === 'POST' ? { body: {} } : {}) });
        assert.equal(res.statusCode, 429, `${method} ${path}`);
      }
      assert.equal((await api(paths.api.procedures(), { app: limited.app })).statusCode, 200, 'the token has its own');
      const again = await api(paths.api.procedures(), { app: limited.app });
      assert.equal(again.statusCode, 429);
      assert.equal(problem.parse(again.json()).error, 'rate_limited');
      assert.match(String(again.headers['retry-after']), /^\d+$/);
      const events = await t.database.db
        .selectFrom('audit_events')
        .select(['authority_id', 'details'])
        .where('action', '=', 'api.rate_limited')
        .execute();
      assert.ok(
        events.some((e) => e.authority_id === 'islington' && e.details['tokenName'] === 'Case management system'),
      );
      assert.ok(events.some((e) => e.authority_id === null));
    } finally {
      await limited.app.close();
    }
  });

  it('checks answers against the document strictly: a missing or unknown field, or an unknown code, does not fit', () => {
    const responses = (path: string, method: string) => doc.paths[path]![method]!.responses;
    const list = fromDocument(doc, responses('/procedures', 'get')['200']!.content['application/json'].schema);
    assert.ok(list.safeParse([]).success);
    assert.equal(list.safeParse([{ id: 'islington' }]).success, false, 'fields missing');
    const said = fromDocument(doc, responses('/evaluate', 'post')['415']!.content['application/json'].schema);
    assert.ok(said.safeParse({ error: 'invalid', message: 'Wrong', requestId: 'r1' }).success);
    assert.equal(said.safeParse({ error: 'invalid', message: 'Wrong', requestId: 'r1', extra: 1 }).success, false);
    assert.equal(said.safeParse({ error: 'teapot', message: 'Wrong', requestId: 'r1' }).success, false);
    assert.equal(said.safeParse({ error: 'invalid', message: 'Wrong' }).success, false);
  });

  it('serves an OpenAPI description generated from the same schemas', async () => {
    const res = await api(paths.api.openapi(), { auth: null });
    assert.equal(res.statusCode, 200);
    const doc = openApiDocument.parse(res.json());
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/evaluate']?.['post']?.requestBody);
    const schemas = doc.components.schemas;
    assert.ok(schemas['EvaluationInput']?.properties['screening']);
    assert.ok(schemas['EvaluationOutput']?.properties['nextSteps']);
    assert.deepEqual(schemas['EvaluationInput']?.required?.sort(), ['child', 'incidentDate', 'procedure']);
  });

  it('stops working when revoked', async () => {
    const admin = await signedIn(t.app, 'islington', 'admin');
    const page = await admin.get(paths.admin.apiTokens());
    const id = /\/admin\/api-tokens\/([0-9a-f-]{36})\/revoke/.exec(page.body)![1]!;
    assert.equal((await admin.post(paths.admin.revokeApiToken(id), {})).statusCode, 303);
    assert.equal((await api(paths.api.procedures())).statusCode, 401);
  });

  // Last: by now every test has made its calls.
  it('gives every answer the document lists, each call named by an operationId (issue 12, item 11)', async () => {
    for (const path of [paths.api.procedure('islington'), `${paths.api.bankHolidays()}?year=2027`])
      assert.equal((await api(path, { auth: null })).statusCode, 401);
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    assert.deepEqual(
      ops.map(({ op }) => op.operationId),
      ['listProcedures', 'getProcedure', 'evaluateCase', 'listBankHolidays'],
      'every operation has an operationId',
    );
    const listed = ops.flatMap(({ path, method, op }) =>
      Object.keys(op.responses)
        // A fault cannot be caused from outside; the problem body it gives is the others' schema.
        .filter((status) => status !== '500')
        .map((status) => `${method} ${path} ${status}`),
    );
    assert.deepEqual(
      listed.filter((call) => !received.has(call)),
      [],
      'answers the document lists that no test received',
    );
  });
});
