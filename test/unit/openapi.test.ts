// The OpenAPI document and the routes of /api/v1 come from one declaration of each call
// (src/api/operations.ts, issue 12, point 11): every route the app registers under /api/v1 is an
// operation of the served document and every operation a route, with the declared action, and each
// operation lists the answers it gives.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import {
  EVERY_CALL_STATUSES,
  type Operation,
  type OperationId,
  operations,
  routePath,
} from '../../src/api/operations.ts';
import { openApiDocument } from '../../src/api/openapi.ts';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';

// The parts of the served document these tests read.
const documentShape = z.object({
  servers: z.tuple([z.object({ url: z.string() })]),
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        operationId: z.string(),
        parameters: z
          .array(z.object({ name: z.string(), in: z.string(), required: z.boolean(), schema: z.unknown() }))
          .optional(),
        requestBody: z.unknown().optional(),
        responses: z.record(z.string(), z.unknown()),
      }),
    ),
  ),
});
type Document = z.infer<typeof documentShape>;

/** Each operation of a document with its method and path. */
function operationsOf(document: Document) {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
}

const declared = Object.entries(operations) as [OperationId, Operation][];

/**
 * The answers test/web/api.test.ts receives from each call (it checks that each is in the
 * document and that the document lists no other, a fault aside): the declarations must give them.
 */
const seenByApiTests: Record<OperationId, number[]> = {
  listProcedures: [200, 401, 429],
  getProcedure: [200, 401, 404, 429],
  evaluateCase: [200, 400, 401, 403, 413, 415, 429],
  listBankHolidays: [200, 400, 401, 429],
};

describe('the OpenAPI document and the routes of /api/v1', () => {
  let testApp: TestApp;
  let document: Document;
  let token = '';
  before(async () => {
    testApp = await startTestApp();
    document = documentShape.parse((await testApp.app.inject({ method: 'GET', url: paths.api.openapi() })).json());
    const admin = await signedIn(testApp.app, 'islington', 'admin');
    await admin.get(paths.admin.apiTokens());
    const issued = await admin.post(paths.admin.apiTokens(), { name: 'OpenAPI test', days: '1' });
    token = /id="issued-token">([^<]+)</.exec(issued.body)?.[1] ?? '';
    assert.ok(token, 'a token is issued');
  });
  after(async () => testApp.close());

  it('serves the document it generates', () => {
    assert.deepEqual(document, documentShape.parse(openApiDocument()));
  });

  it('has an operation for every route under /api/v1, and a route for every operation, with its action', () => {
    const base = document.servers[0].url;
    const routes = testApp.app.registeredRoutes.filter(
      // The document describes the calls, not itself; Fastify answers HEAD for each GET on its own.
      (route) => route.url.startsWith(`${base}/`) && route.url !== paths.api.openapi() && route.method !== 'HEAD',
    );
    const served = routes.map((route) => `${route.method} ${route.url}`).sort();
    const documented = operationsOf(document)
      .map(({ method, path }) => `${method} ${base}${routePath(path)}`)
      .sort();
    assert.deepEqual(served, documented);
    for (const [operationId, operation] of declared) {
      const route = routes.find(
        (candidate) => candidate.method === operation.method && candidate.url === base + routePath(operation.path),
      );
      assert.equal(route?.action, operation.action, `${operationId} names its declared action`);
      const listed = document.paths[operation.path]?.[operation.method.toLowerCase()];
      assert.equal(listed?.operationId, operationId, `${operation.method} ${operation.path} is ${operationId}`);
    }
  });

  it('lists for each operation its success, the refusals it declares and every call’s, and no other', () => {
    for (const [operationId, operation] of declared) {
      const listed = document.paths[operation.path]![operation.method.toLowerCase()]!;
      assert.deepEqual(
        Object.keys(listed.responses),
        ['200', ...operation.errors, ...EVERY_CALL_STATUSES].sort().map(String),
        operationId,
      );
      for (const status of seenByApiTests[operationId])
        assert.ok(String(status) in listed.responses, `${operationId} gives ${status}, as the API tests see`);
    }
  });

  it('declares the refusals its checks can give: a body’s reading (400, 413, 415), a query’s schema (400)', () => {
    for (const [operationId, operation] of declared) {
      if (operation.body)
        for (const status of [400, 413, 415] as const)
          assert.ok(operation.errors.includes(status), `${operationId} has a body, so can answer ${status}`);
      // A path parameter that is any text cannot be refused; any other can, and so can a query.
      const refusable = [
        ...Object.values(operation.params?.shape ?? {}).filter((field) => !(field instanceof z.ZodString)),
        ...Object.values(operation.query?.shape ?? {}),
      ];
      if (refusable.length) {
        assert.ok(operation.errors.includes(400), `${operationId} reads parameters that can be refused`);
        assert.ok(operation.invalid, `${operationId} says what is wrong with its parameters`);
      }
    }
  });

  it('describes the parameters its schemas read', () => {
    const parameters = (path: string) => document.paths[path]!['get']!.parameters;
    assert.deepEqual(parameters('/procedures/{id}'), [
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    assert.deepEqual(parameters('/bank-holidays'), [
      { name: 'year', in: 'query', required: false, schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
    ]);
  });

  it('reads the bank holidays’ year through its schema, refusing one not from 2000 to 2100 as before', async () => {
    const call = (query: string) =>
      testApp.app.inject({
        method: 'GET',
        url: `${paths.api.bankHolidays()}${query}`,
        headers: { authorization: `Bearer ${token}` },
      });
    for (const year of ['nope', '1999', '2101', '2027.5', '', '2027&year=2028']) {
      const res = await call(`?year=${year}`);
      assert.equal(res.statusCode, 400, `year=${year}`);
      const body = z
        .object({ error: z.string(), message: z.string(), problems: z.array(z.unknown()) })
        .parse(res.json());
      assert.deepEqual(
        { error: body.error, message: body.message, problems: body.problems },
        {
          error: 'invalid',
          message: 'year must be a whole number from 2000 to 2100',
          problems: [{ path: 'year', message: 'Enter a year from 2000 to 2100' }],
        },
        `year=${year}`,
      );
    }
    const holidayDates = z.array(z.object({ date: z.string() }));
    const given = holidayDates.parse((await call('?year=2000')).json());
    assert.ok(given.every((holiday) => holiday.date.startsWith('2000-')));
    const thisYear = holidayDates.parse((await call('')).json());
    assert.ok(thisYear.length > 0, 'without a year, this year’s');
  });
});
