// The OpenAPI description of /api/v1, generated from the same zod schemas that validate the
// requests and describe the responses, so the document cannot drift from the code.
import { z } from 'zod';
import { evaluationInputSchema, evaluationOutputSchema } from '../domain/evaluation.ts';
import { packSchema } from '../domain/pack.ts';

export const problem = z.object({
  error: z.string().describe('A short code: unauthorised, forbidden, not_found, invalid, server_error.'),
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

export const holiday = z.object({ date: z.string(), name: z.string(), source: z.enum(['standard', 'one-off']) });

function schema(zodSchema: z.ZodType, io: 'input' | 'output' = 'output') {
  return z.toJSONSchema(zodSchema, { io, unrepresentable: 'any' });
}

const errorResponses = {
  '400': {
    description: 'The request is invalid; problems name each field.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
  '401': {
    description: 'No valid API token.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
  '403': {
    description: 'The token is scoped to another authority.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
  '404': {
    description: 'No such record for this token’s authority.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
  '415': {
    description: 'The body is not JSON: send content-type application/json.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'HSB Pathway API',
      version: '1.0.0',
      description:
        'Decision support for the multi-agency response to harmful sexual behaviour. Authenticate with an API token an administrator issues (Authorization: Bearer hsbp_...). A token is scoped to one authority and every call is audited. Evaluations are not saved.',
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
            '401': errorResponses['401'],
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
            '401': errorResponses['401'],
            '404': errorResponses['404'],
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
            '401': errorResponses['401'],
            '403': errorResponses['403'],
            '415': errorResponses['415'],
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
            '401': errorResponses['401'],
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
