// The OpenAPI description of /api/v1, generated from the declarations of its calls (operations.ts)
// that api/routes.ts registers, checks and answers each call from: the paths, parameters, bodies,
// answers and statuses here are the served ones, and the schemas are the zod schemas the routes
// parse with and send their data through, so the document cannot drift from the code.
import { z } from 'zod';
import { evaluationInputSchema, evaluationOutputSchema } from '../domain/evaluation.ts';
import { packSchema } from '../domain/pack.ts';
import {
  EVERY_CALL_STATUSES,
  type Operation,
  type OperationStatus,
  holiday,
  operations,
  problem,
  procedureSummary,
} from './operations.ts';

// The schemas have their home with the calls; these names are where the API's readers found them.
export {
  PROBLEM_CODES,
  type ProblemCode,
  holiday,
  holidayList,
  problem,
  procedureList,
  procedureSummary,
} from './operations.ts';

/** The named schemas, each written once under components and referred to where a call uses it. */
const components: { name: string; schema: z.ZodType; io: 'input' | 'output' }[] = [
  { name: 'EvaluationInput', schema: evaluationInputSchema, io: 'input' },
  { name: 'EvaluationOutput', schema: evaluationOutputSchema, io: 'output' },
  { name: 'ProcedureSummary', schema: procedureSummary, io: 'output' },
  { name: 'Procedure', schema: packSchema, io: 'output' },
  { name: 'BankHoliday', schema: holiday, io: 'output' },
  { name: 'Problem', schema: problem, io: 'output' },
];

function jsonSchema(zodSchema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(zodSchema, { io, unrepresentable: 'any' });
}

/** A call's body or answer: a reference to its component, or an array of one. */
function reference(zodSchema: z.ZodType): Record<string, unknown> {
  const component = components.find((named) => named.schema === zodSchema);
  if (component) return { $ref: `#/components/schemas/${component.name}` };
  if (zodSchema instanceof z.ZodArray) return { type: 'array', items: reference(zodSchema.element as z.ZodType) };
  throw new Error('A call’s body or answer is not a named schema: add it to the components in api/openapi.ts');
}

function json(zodSchema: z.ZodType) {
  return { 'application/json': { schema: reference(zodSchema) } };
}

function problemResponse(description: string) {
  return { description, content: json(problem) };
}

const errorResponses: Record<OperationStatus | (typeof EVERY_CALL_STATUSES)[number], object> = {
  400: problemResponse('The request is invalid; problems name each field.'),
  401: problemResponse('No valid API token.'),
  403: problemResponse('The token is scoped to another authority.'),
  404: problemResponse('No such record for this token’s authority.'),
  413: problemResponse('The body is larger than the API accepts.'),
  415: problemResponse('The body is not JSON: send it with content-type application/json.'),
  // The limit counts a token’s calls once the token is known, and an address’s before, so a call
  // without a valid token can be limited too.
  429: {
    ...problemResponse(
      'Too many calls in a minute from this token, or from this address without a valid token: ' +
        'wait the seconds Retry-After gives.',
    ),
    headers: {
      'Retry-After': { description: 'Seconds to wait before calling again.', schema: { type: 'integer', minimum: 0 } },
    },
  },
  500: problemResponse('Something went wrong in the service: quote the requestId when reporting it.'),
};

function withoutDialect({ $schema: _dialect, ...schema }: z.core.JSONSchema.BaseSchema) {
  return schema;
}

/** The parameters of a path or a query, one for each field of its schema. */
function parameters(where: 'path' | 'query', schema: Operation['params']) {
  return Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
    name,
    in: where,
    // A path's parameters are always there; a query's may be left out when its schema allows it.
    required: where === 'path' || !field.safeParse(undefined).success,
    // The parameter's schema is part of the parameter, not a JSON Schema document: no $schema.
    schema: withoutDialect(jsonSchema(field, 'input')),
  }));
}

function pathItem(operationId: string, operation: Operation) {
  const parameterList = [...parameters('path', operation.params), ...parameters('query', operation.query)];
  const statuses = [...operation.errors, ...EVERY_CALL_STATUSES].sort((first, second) => first - second);
  return {
    operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    ...(parameterList.length ? { parameters: parameterList } : {}),
    ...(operation.body ? { requestBody: { required: true, content: json(operation.body) } } : {}),
    responses: {
      200: { description: operation.response.description, content: json(operation.response.schema) },
      ...Object.fromEntries(statuses.map((status) => [status, errorResponses[status]])),
    },
  };
}

function documentPaths() {
  const paths: Record<string, Record<string, ReturnType<typeof pathItem>>> = {};
  for (const [operationId, operation] of Object.entries(operations) as [string, Operation][])
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method.toLowerCase()]: pathItem(operationId, operation),
    };
  return paths;
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'HSB Pathway API',
      version: '1.0.0',
      description:
        'Decision support for the multi-agency response to harmful sexual behaviour. ' +
        'Authenticate with an API token an administrator issues (Authorization: Bearer hsbp_...). ' +
        'A token is scoped to one authority and every call is audited. ' +
        'Send a body as JSON (content-type application/json). ' +
        'A token, or an address without a valid token, may make a limited number of calls a minute. ' +
        'Evaluations are not saved.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerToken: [] }],
    paths: documentPaths(),
    components: {
      securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(components.map(({ name, schema, io }) => [name, jsonSchema(schema, io)])),
    },
  };
}
