// The JSON API (/api/v1) and the command line give the same documented evaluation; tokens are
// issued by an administrator, scoped to an authority and audited like a user.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { evaluationOutputSchema } from '../../src/domain/evaluation.ts';
import { holiday, problem, procedureSummary } from '../../src/api/openapi.ts';
import { packSchema } from '../../src/domain/pack.ts';
import { z } from 'zod';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';

const run = promisify(execFile);
// The parts of the OpenAPI document these tests read.
const openApiDocument = z.object({
  openapi: z.string(),
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        operationId: z.string().optional(),
        requestBody: z.unknown().optional(),
        responses: z.record(z.string(), z.unknown()),
      }),
    ),
  ),
  components: z.object({
    schemas: z.record(
      z.string(),
      z.object({ properties: z.record(z.string(), z.unknown()), required: z.array(z.string()).optional() }),
    ),
  }),
});
const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/islington-case.json');

describe('JSON API and command line', () => {
  let t: TestApp;
  let token = '';
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
  });
  after(async () => t.close());

  const api = (url: string, opts: { method?: 'GET' | 'POST'; body?: unknown; auth?: string | null } = {}) =>
    t.app.inject({
      method: opts.method ?? 'GET',
      url,
      headers: {
        ...(opts.auth === null ? {} : { authorization: `Bearer ${opts.auth ?? token}` }),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(opts.body !== undefined
        ? { payload: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }
        : {}),
    });

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

  it('answers each call with a status its description lists, in the schema it names (issue 12, item 11)', async () => {
    const doc = openApiDocument.parse((await api(paths.api.openapi(), { auth: null })).json());
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    assert.deepEqual(
      ops.map((o) => o.operationId),
      ['listProcedures', 'getProcedure', 'evaluateCase', 'listBankHolidays'],
      'every operation has an operationId',
    );
    const documented = (path: string, method: string, status: number) =>
      Boolean(doc.paths[path]?.[method]?.responses[String(status)]);
    const calls: [string, string, () => Promise<{ statusCode: number; json(): unknown }>, z.ZodType][] = [
      ['/procedures', 'get', () => api(paths.api.procedures()), z.array(procedureSummary)],
      ['/procedures/{id}', 'get', () => api(paths.api.procedure('islington')), packSchema],
      ['/procedures/{id}', 'get', () => api(paths.api.procedure('atlantis')), problem],
      ['/procedures/{id}', 'get', () => api(paths.api.procedure('islington'), { auth: null }), problem],
      ['/bank-holidays', 'get', () => api(`${paths.api.bankHolidays()}?year=2027`), z.array(holiday)],
      ['/bank-holidays', 'get', () => api(`${paths.api.bankHolidays()}?year=nope`), problem],
      [
        '/evaluate',
        'post',
        () =>
          t.app.inject({
            method: 'POST',
            url: paths.api.evaluate(),
            headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
            payload: 'not json',
          }),
        problem,
      ],
    ];
    for (const [path, method, call, shape] of calls) {
      const res = await call();
      assert.ok(
        documented(path, method, res.statusCode),
        `${method} ${path} answered ${res.statusCode}, which its description does not list`,
      );
      const parsed = shape.safeParse(res.json());
      assert.ok(parsed.success, `${method} ${path} ${res.statusCode}: ${parsed.error?.message}`);
    }
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
});
