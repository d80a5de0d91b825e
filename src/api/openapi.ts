// The OpenAPI description of /api/v1, generated from the same zod schemas that validate the
// requests and shape the responses (api/routes.ts sends its data through them), so the document
// cannot drift from the code.
import { z } from 'zod';
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

function schema(zodSchema: z.ZodType, io: 'input' | 'output' = 'output') {
  return z.toJSONSchema(zodSchema, { io, unrepresentable: 'any' });
}

function problemResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } };
}

const errorResponses = {
  '400': problemResponse('The request is invalid; problems name each field.'),
  '401': problemResponse('No valid API token.'),
  '403': problemResponse('The token is scoped to another authority.'),
  '404': problemResponse('No such record for this token’s authority.'),
  '413': problemResponse('The body is larger than the API accepts.'),
  '415': problemResponse('The body is not JSON: send it with content-type application/json.'),
  // The limit counts a token’s calls once the token is known, and an address’s before, so a call
  // without a valid token can be limited too.
  '429': {
    ...problemResponse(
      'Too many calls in a minute from this token, or from this address without a valid token: wait the seconds Retry-After gives.',
    ),
    headers: {
      'Retry-After': { description: 'Seconds to wait before calling again.', schema: { type: 'integer', minimum: 0 } },
    },
  },
  '500': problemResponse('Something went wrong in the service: quote the requestId when reporting it.'),
};

/** The answers every call can give whatever it asks: no valid token, too many calls, a fault. */
const everyCall = { '401': errorResponses['401'], '429': errorResponses['429'], '500': errorResponses['500'] };

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'HSB Pathway API',
      version: '1.0.0',
      description:
        'Decision support for the multi-agency response to harmful sexual behaviour. Authenticate with an API token an administrator issues (Authorization: Bearer hsbp_...). A token is scoped to one authority and every call is audited. Send a body as JSON (content-type application/json). A token, or an address without a valid token, may make a limited number of calls a minute. Evaluations are not saved.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerToken: [] }],
    paths: {
      '/procedures': {
        get: {
          operationId: 'listProcedures',
          summary: 'The procedure packs',
          responses: {
            '200': {
              description: 'Every pack, in summary.',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/ProcedureSummary' } },
                },
              },
            },
            ...everyCall,
          },
        },
      },
      '/procedures/{id}': {
        get: {
          operationId: 'getProcedure',
          summary: 'One procedure pack in full: levels, tools, age rules and routing steps with their clauses',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The pack.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Procedure' } } },
            },
            '404': errorResponses['404'],
            ...everyCall,
          },
        },
      },
      '/evaluate': {
        post: {
          operationId: 'evaluateCase',
          summary: 'Evaluate a case without saving it',
          description:
            'Given the pack, the child, the other children, the incident date, the screening answers and the facts, returns the suggested level in the pack’s vocabulary and on the shared scale, the reasons with requirement IDs, the age rules and the next steps with due dates in working days. The procedure must be the token’s own authority.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/EvaluationInput' } } },
          },
          responses: {
            '200': {
              description: 'The evaluation.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/EvaluationOutput' } } },
            },
            '400': errorResponses['400'],
            '403': errorResponses['403'],
            '413': errorResponses['413'],
            '415': errorResponses['415'],
            ...everyCall,
          },
        },
      },
      '/bank-holidays': {
        get: {
          operationId: 'listBankHolidays',
          summary:
            'England and Wales bank holidays on weekdays in a year, with one-off holidays added by administrators',
          parameters: [
            { name: 'year', in: 'query', required: false, schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
          ],
          responses: {
            '200': {
              description: 'The holidays.',
              content: {
                'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/BankHoliday' } } },
              },
            },
            '400': errorResponses['400'],
            ...everyCall,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer' } },
      schemas: {
        EvaluationInput: schema(evaluationInputSchema, 'input'),
        EvaluationOutput: schema(evaluationOutputSchema),
        ProcedureSummary: schema(procedureSummary),
        Procedure: schema(packSchema),
        BankHoliday: schema(holiday),
        Problem: schema(problem),
      },
    },
  };
}
