// The calls of /api/v1, each declared once: api/routes.ts registers, checks and answers each from
// its declaration, and api/openapi.ts describes each from the same declaration, so the document
// cannot name a call, a parameter, a schema or a status the service does not have (issue 12, point 11).
import { z } from 'zod';
import type { ActionId } from '../domain/actions.ts';
import { evaluationInputSchema, evaluationOutputSchema } from '../domain/evaluation.ts';
import { packSchema } from '../domain/pack.ts';

/** The short codes a problem body's `error` gives, one for each way a call can fail. */
export const PROBLEM_CODES = [
  'invalid',
  'unauthorised',
  'forbidden',
  'not_found',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
  'server_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const problem = z.object({
  error: z.enum(PROBLEM_CODES).describe('A short code for what went wrong; message says it in words.'),
  message: z.string(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
});

export const procedureSummary = z.object({
  id: z.string(),
  authority: z.string(),
  version: z.string(),
  reviewDate: z.iso.date(),
  levels: z.array(z.object({ id: z.string(), label: z.string(), scale: z.array(z.string()) })),
  tools: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), requiresTraining: z.string().nullable() }),
  ),
  facts: z.array(z.string()),
});

export const holiday = z.object({ date: z.iso.date(), name: z.string(), source: z.enum(['standard', 'one-off']) });

/** What the calls answer with when they succeed (the routes send their data through these). */
export const procedureList = z.array(procedureSummary);
export const holidayList = z.array(holiday);

/**
 * The answers every call can give whatever it asks, so no operation declares them: no valid token
 * (401) and too many calls (429) from the check as a request arrives, a fault (500).
 */
export const EVERY_CALL_STATUSES = [401, 429, 500] as const;
/** The refusals a call gives only for what it is asked: an operation declares those it can give. */
export const OPERATION_STATUSES = [400, 403, 404, 413, 415] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

/** A path's or a query's parameters: each field is one parameter, read from the request's strings. */
type Parameters = z.ZodObject<Record<string, z.ZodType>>;

export interface Operation {
  method: 'GET' | 'POST';
  /** Under /api/v1, as OpenAPI writes it: `{id}` for a path parameter (`:id` to Fastify). */
  path: `/${string}`;
  summary: string;
  description?: string;
  /** The action of the action model (domain/actions.ts) the route names, as every route does. */
  action: ActionId;
  params?: Parameters;
  query?: Parameters;
  /**
   * What a 400 says when the path or the query does not fit its schema; the problems are the
   * schema's own messages, one for each parameter.
   */
  invalid?: string;
  /** The body's schema. The handler checks the body itself, after the checks that come first. */
  body?: z.ZodType;
  /** The answer when the call succeeds (200): its data is sent through the schema. */
  response: { description: string; schema: z.ZodType };
  /** The refusals the call can give besides those of every call (EVERY_CALL_STATUSES). */
  errors: readonly OperationStatus[];
}

const YEAR = 'Enter a year from 2000 to 2100';

/** Keyed by operationId, in the order the document lists them. */
export const operations = {
  listProcedures: {
    method: 'GET',
    path: '/procedures',
    summary: 'The procedure packs',
    action: 'api.procedures',
    response: { description: 'Every pack, in summary.', schema: procedureList },
    errors: [],
  },
  getProcedure: {
    method: 'GET',
    path: '/procedures/{id}',
    summary: 'One procedure pack in full: levels, tools, age rules and routing steps with their clauses',
    action: 'api.procedures',
    params: z.object({ id: z.string() }),
    response: { description: 'The pack.', schema: packSchema },
    errors: [404],
  },
  evaluateCase: {
    method: 'POST',
    path: '/evaluate',
    summary: 'Evaluate a case without saving it',
    description:
      'Given the pack, the child, the other children, the incident date, the screening answers and the facts, ' +
      'returns the suggested level in the pack’s vocabulary and on the shared scale, the reasons with requirement ' +
      'IDs, the age rules and the next steps with due dates in working days. ' +
      'The procedure must be the token’s own authority.',
    action: 'api.evaluate',
    // Checked by the evaluation (evaluateCase), with its own messages, once the procedure is the token's.
    body: evaluationInputSchema,
    response: { description: 'The evaluation.', schema: evaluationOutputSchema },
    // 413 and 415 come from reading the body, 400 from reading it or from the evaluation.
    errors: [400, 403, 413, 415],
  },
  listBankHolidays: {
    method: 'GET',
    path: '/bank-holidays',
    summary: 'England and Wales bank holidays on weekdays in a year, with one-off holidays added by administrators',
    action: 'api.bank_holidays',
    // A query's values are text: read as Number() reads them, then a whole number in the range.
    query: z.object({
      year: z.coerce
        .number({ error: YEAR })
        .int({ error: YEAR })
        .min(2000, { error: YEAR })
        .max(2100, { error: YEAR })
        .optional(),
    }),
    invalid: 'year must be a whole number from 2000 to 2100',
    response: { description: 'The holidays.', schema: holidayList },
    errors: [400],
  },
} as const satisfies Record<string, Operation>;

export type Operations = typeof operations;
export type OperationId = keyof Operations;

/** The path as Fastify routes it: `/procedures/:id` for `/procedures/{id}`. */
export function routePath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
