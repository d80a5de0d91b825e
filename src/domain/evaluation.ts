// Evaluating a case without saving it: the same screening, age rules and routing the browser
// uses, as one JSON-in, JSON-out function for the API (/api/v1/evaluate) and the command line
// (`npm run evaluate`). The input and output schemas here are the documented contract: the
// OpenAPI description is generated from them.
import { ASSESSMENT_MODEL_IDS } from './assessments.ts';
import { z } from 'zod';
import { ageOn } from './age.ts';
import { FACT_IDS, type Pack } from './pack.ts';
import { SCALE, levelCovering, readAcross } from './scale.ts';
import { type NextStep, ageRules, answerProblems, findTool, route, suggest, toolGuidanceFor } from './screening.ts';
import type { WorkingDayCalendar } from './working-days.ts';

const isoDate = z.iso.date();

const childSchema = z
  .strictObject({
    dateOfBirth: isoDate.optional().describe('Date of birth, YYYY-MM-DD. Give this or age.'),
    age: z
      .number()
      .int()
      .min(0)
      .max(25)
      .optional()
      .describe('Age in whole years on the incident date, when the date of birth is not known.'),
    sex: z.enum(['female', 'male', 'other', 'not_known']).default('not_known'),
    developmentalAge: z
      .number()
      .int()
      .min(0)
      .max(18)
      .optional()
      .describe('Developmental age in years, for a child with a learning disability or SEND.'),
  })
  .refine((child) => child.dateOfBirth !== undefined || child.age !== undefined, {
    message: 'Give the child’s date of birth or age',
  });

export const evaluationInputSchema = z
  .strictObject({
    procedure: z
      .string()
      .describe('Procedure pack id: kent, thurrock, north-yorkshire, north-east-lincolnshire or islington.'),
    incidentDate: isoDate.describe('The date of the incident, YYYY-MM-DD. Ages are taken on this date.'),
    decisionDate: isoDate
      .optional()
      .describe('The date the level of concern is decided; deadlines count from it. Defaults to today in England.'),
    child: childSchema.describe('The child who displayed the behaviour.'),
    otherChildren: z
      .array(
        z.strictObject({
          role: z.enum(['targeted', 'witness']),
          dateOfBirth: isoDate.optional(),
          age: z.number().int().min(0).max(25).optional(),
        }),
      )
      .default([])
      .describe('The other children involved, by their part in the incident.'),
    screening: z
      .strictObject({
        tool: z.string().optional().describe('Screening tool id; defaults to the pack’s primary tool.'),
        answers: z.strictObject({
          ratings: z
            .record(z.string(), z.string())
            .optional()
            .describe('Matrix tools (Carson): dimension id to column id.'),
          items: z.array(z.string()).optional().describe('Checklist tools: the ids of the items that apply.'),
          none: z.boolean().optional().describe('Checklist tools: none of the items apply.'),
        }),
      })
      .optional()
      .describe('Screening answers. Leave out to route a level decided elsewhere (give level).'),
    level: z
      .string()
      .optional()
      .describe('A confirmed level id in the pack’s vocabulary. Defaults to the suggested level.'),
    facts: z
      .partialRecord(z.enum(FACT_IDS), z.boolean())
      .default({})
      .describe('Facts that routing depends on; any not given count as no.'),
  })
  .refine((input) => input.screening !== undefined || input.level !== undefined, {
    message: 'Give screening answers or a level',
  });

export type EvaluationInput = z.input<typeof evaluationInputSchema>;

const levelOut = z.object({ id: z.string(), label: z.string(), scale: z.array(z.enum(SCALE)) });
const stepOut = z.object({
  stepId: z.string(),
  title: z.string(),
  detail: z.string(),
  owner: z.string(),
  ownerLabel: z.string(),
  forChild: z.enum(['displayed', 'targeted']),
  kind: z.enum(['do', 'consider']),
  dueDate: isoDate.nullable(),
  dueRule: z.string(),
  clause: z.string(),
  requirement: z.string(),
  /** The meeting type the step is to hold, if it is a meeting. */
  meeting: z.string().nullable(),
});
const cited = z.object({ text: z.string(), clause: z.string(), requirement: z.string() });

export const evaluationOutputSchema = z.object({
  procedure: z.object({
    id: z.string(),
    authority: z.string(),
    version: z.string(),
    reviewDate: isoDate,
    reviewOverdue: z.boolean(),
  }),
  decisionDate: isoDate,
  suggestion: z
    .object({
      tool: z.object({ id: z.string(), name: z.string(), band: z.string() }),
      level: levelOut,
      scale: z.enum(SCALE),
      reasons: z.array(
        z.object({
          answer: z.string(),
          points: z.enum(SCALE),
          decisive: z.boolean(),
          clause: z.string(),
          requirement: z.string(),
        }),
      ),
      readsAs: z
        .record(z.string(), z.array(z.string()))
        .describe('How the suggested level reads in each other pack’s vocabulary.'),
    })
    .nullable(),
  level: levelOut.extend({ source: z.enum(['suggested', 'given']) }),
  ageRules: z.object({
    ageAtIncident: z.number(),
    developmentalAge: z.number().nullable(),
    stage: z.number(),
    belowCriminalResponsibility: z.boolean(),
    assessmentModel: z
      .object({
        name: z.string(),
        model: z.enum(ASSESSMENT_MODEL_IDS).nullable(),
        why: z.string(),
        clause: z.string(),
        requirement: z.string(),
      })
      .nullable(),
    approaching18: z.boolean(),
    eighteenOn: isoDate.nullable(),
    notes: z.array(cited),
    toolNotes: z.array(cited),
    typicalBehaviour: z.array(z.object({ label: z.string(), behaviours: z.array(z.string()) })),
  }),
  otherChildren: z.array(z.object({ role: z.string(), ageAtIncident: z.number().nullable() })),
  nextSteps: z.array(stepOut),
});
export type EvaluationOutput = z.infer<typeof evaluationOutputSchema>;

export class EvaluationError extends Error {
  readonly problems: { path: string; message: string }[];

  constructor(problems: { path: string; message: string }[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
    this.name = 'EvaluationError';
    this.problems = problems;
  }
}

export function parseEvaluationInput(raw: unknown) {
  const parsed = evaluationInputSchema.safeParse(raw);
  if (!parsed.success)
    throw new EvaluationError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message })),
    );
  return parsed.data;
}

export function evaluateCase(
  packs: ReadonlyMap<string, Pack>,
  raw: unknown,
  calendar: WorkingDayCalendar,
  today: string,
): EvaluationOutput {
  const input = parseEvaluationInput(raw);
  const pack = packs.get(input.procedure);
  if (!pack) throw new EvaluationError([{ path: 'procedure', message: `Unknown procedure: ${input.procedure}` }]);
  const decisionDate = input.decisionDate ?? today;
  if (input.child.dateOfBirth && input.child.dateOfBirth > input.incidentDate) {
    throw new EvaluationError([
      { path: 'child.dateOfBirth', message: 'Date of birth must be before the incident date' },
    ]);
  }
  const ages = ageRules(
    pack,
    {
      dateOfBirth: input.child.dateOfBirth ?? null,
      age: input.child.age ?? null,
      developmentalAge: input.child.developmentalAge ?? null,
      sex: input.child.sex,
    },
    input.incidentDate,
    decisionDate,
  );

  let suggestion: EvaluationOutput['suggestion'] = null;
  let toolGuidance = {
    notes: [] as { text: string; clause: string; requirement: string }[],
    bands: [] as { label: string; behaviours: string[] }[],
  };
  if (input.screening) {
    const toolId = input.screening.tool ?? pack.primaryTool;
    const tool = findTool(pack, toolId);
    if (!tool)
      throw new EvaluationError([
        { path: 'screening.tool', message: `The ${pack.id} procedure has no tool ${toolId}` },
      ]);
    const answers = {
      ...(input.screening.answers.ratings ? { ratings: input.screening.answers.ratings } : {}),
      ...(input.screening.answers.items ? { items: input.screening.answers.items } : {}),
      ...(input.screening.answers.none !== undefined ? { none: input.screening.answers.none } : {}),
    };
    const problems = answerProblems(tool, answers);
    if (problems.length)
      throw new EvaluationError(
        problems.map((problem) => ({ path: `screening.answers.${problem.field}`, message: problem.message })),
      );
    const suggested = suggest(pack, tool, answers);
    const readsAs: Record<string, string[]> = {};
    for (const other of packs.values())
      if (other.id !== pack.id)
        readsAs[other.id] = readAcross(suggested.level, other.levels).map((otherLevel) => otherLevel.label);
    suggestion = {
      tool: { id: tool.id, name: tool.name, band: suggested.toolBand },
      level: { id: suggested.level.id, label: suggested.level.label, scale: [...suggested.level.covers] },
      scale: suggested.scale,
      reasons: suggested.reasons,
      readsAs,
    };
    const guidance = toolGuidanceFor(tool, ages.stage);
    toolGuidance = {
      notes: guidance.notes.map((note) => ({ text: note.text, clause: note.clause, requirement: note.requirement })),
      bands: guidance.bands.map((band) => ({ label: band.label, behaviours: band.behaviours })),
    };
  }

  let level = suggestion ? pack.levels.find((packLevel) => packLevel.id === suggestion.level.id) : undefined;
  let source: 'suggested' | 'given' = 'suggested';
  if (input.level !== undefined) {
    level = pack.levels.find((packLevel) => packLevel.id === input.level);
    if (!level)
      throw new EvaluationError([
        {
          path: 'level',
          message: `The ${pack.id} procedure has no level ${input.level}: use ${pack.levels.map((packLevel) => packLevel.id).join(', ')}`,
        },
      ]);
    source = 'given';
  }
  if (!level) level = levelCovering(pack.levels, 'normal')!;

  const nextSteps: NextStep[] = route(
    pack,
    level.id,
    input.facts,
    { ...ages, sex: input.child.sex },
    decisionDate,
    calendar,
  );
  return {
    procedure: {
      id: pack.id,
      authority: pack.authority,
      version: pack.version,
      reviewDate: pack.reviewDate,
      reviewOverdue: pack.reviewDate < today,
    },
    decisionDate,
    suggestion,
    level: { id: level.id, label: level.label, scale: [...level.covers], source },
    ageRules: {
      ageAtIncident: ages.ageAtIncident,
      developmentalAge: ages.developmentalAge,
      stage: ages.stage,
      belowCriminalResponsibility: ages.belowCriminalResponsibility,
      assessmentModel: ages.assessmentModel,
      approaching18: ages.approaching18,
      eighteenOn: ages.eighteenOn,
      notes: ages.notes,
      toolNotes: toolGuidance.notes,
      typicalBehaviour: toolGuidance.bands,
    },
    otherChildren: input.otherChildren.map((otherChild) => ({
      role: otherChild.role,
      ageAtIncident: otherChild.dateOfBirth
        ? ageOn(otherChild.dateOfBirth, input.incidentDate)
        : (otherChild.age ?? null),
    })),
    nextSteps,
  };
}
