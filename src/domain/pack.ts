// The procedure pack: one authority's procedure as data (design principle 2, R-X-10). The code
// implements the vocabulary (tool kinds, facts, conditions, deadlines); each pack says what applies
// where, citing its clause and requirement ID. Packs are validated against this schema when the
// application starts and in the tests, so a broken pack never reaches a practitioner.
import { ASSESSMENT_MODEL_IDS } from './assessments.ts';
import { z } from 'zod';
import { ROLES } from './roles.ts';
import { SCALE } from './scale.ts';
import { TRAININGS } from './roles.ts';
import { OUTCOME_IDS } from './meeting-outcomes.ts';
import { ENGINEER_WORDS, NATIONAL_SOURCES, parseClause } from './citation.ts';
import { PANEL_REFERRERS } from './panel.ts';

/** The facts routing may depend on. Each pack lists the ones its procedure asks about. */
export const FACTS = {
  significant_harm: {
    question:
      'Is there reasonable cause to suspect that a child is suffering, or is likely to suffer, significant harm?',
    short: 'Significant harm suspected',
    ifTrue: 'significant harm is suspected',
  },
  immediate_risk: {
    question: 'Does a child need immediate protection (a risk to life or of serious immediate harm)?',
    short: 'Immediate protection needed',
    ifTrue: 'a child needs immediate protection',
  },
  complex: {
    question: 'Are the concerns particularly complex?',
    short: 'Particularly complex',
    ifTrue: 'the concerns are particularly complex',
  },
  police_involved: {
    question: 'Are the police involved, or should they be told?',
    short: 'Police involved',
    ifTrue: 'the police are involved',
  },
  open_case: {
    question: 'Is the child already open to children’s social care or family help (allocated, or looked after)?',
    short: 'Already an open case',
    ifTrue: 'the child is already an open case',
  },
  youth_justice: {
    question: 'Is Youth Justice involved (out-of-court disposal, court sentence, or charge likely)?',
    short: 'Youth Justice involved',
    ifTrue: 'Youth Justice is involved',
  },
  charge_likely: {
    question: 'Is a charge or prosecution likely?',
    short: 'Charge or prosecution likely',
    ifTrue: 'a charge or prosecution is likely',
  },
  cse_linked: {
    question: 'Is the behaviour linked to child sexual exploitation?',
    short: 'Linked to child sexual exploitation',
    ifTrue: 'the behaviour is linked to child sexual exploitation',
  },
  technology_assisted: {
    question: 'Was the behaviour technology-assisted (online, or using a phone or camera)?',
    short: 'Technology-assisted',
    ifTrue: 'the behaviour was technology-assisted',
  },
  mental_disorder: {
    question: 'Does the child who harmed have an existing mental disorder?',
    short: 'Existing mental disorder',
    ifTrue: 'the child has an existing mental disorder',
  },
  other_children_at_risk: {
    question: 'Are other children in the same setting or household at risk?',
    short: 'Other children in the setting at risk',
    ifTrue: 'other children in the setting are at risk',
  },
  consent_given: {
    question: 'Do both the child and their parent or carer consent to a specialist referral?',
    short: 'Child and parent or carer consent',
    ifTrue: 'both the child and the parent or carer consent',
  },
} as const;
export type FactId = keyof typeof FACTS;
export const FACT_IDS = Object.keys(FACTS) as [FactId, ...FactId[]];

const factId = z.enum(FACT_IDS);
const scaleLevel = z.enum(SCALE);
const role = z.enum(ROLES);
const requirementId = z.string().regex(/^R-(X|KEN|THU|NYO|NEL|ISL)-\d+$/, 'a requirement ID like R-ISL-5');
const clause = z.string().min(3);

/** When a rule applies. Ages are in whole years on the incident date (R-X-2). */
export type Condition =
  | { level: string[] }
  | { fact: FactId }
  | { notFact: FactId }
  | { ageAtLeast: number }
  | { ageBelow: number }
  /** Age, or developmental age when lower (learning disability, SEND: R-X-2). */
  | { stageBelow: number }
  | { stageAtLeast: number }
  | { approaching18: true }
  | { sex: string }
  /** A developmental age is recorded and is below the child's age (learning disability, SEND). */
  | { learningDisability: true }
  /** Meetings only: an AIM assessment has been requested for the child who harmed (R-KEN-8). */
  | { aimRequested: true }
  /** Meetings only: the child is looked after (fostering or residential care). */
  | { lookedAfter: true }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ level: z.array(z.string()).min(1) }),
    z.strictObject({ fact: factId }),
    z.strictObject({ notFact: factId }),
    z.strictObject({ ageAtLeast: z.number().int().min(0).max(18) }),
    z.strictObject({ ageBelow: z.number().int().min(0).max(19) }),
    z.strictObject({ stageBelow: z.number().int().min(0).max(19) }),
    z.strictObject({ stageAtLeast: z.number().int().min(0).max(18) }),
    z.strictObject({ approaching18: z.literal(true) }),
    z.strictObject({ sex: z.string().min(1) }),
    z.strictObject({ learningDisability: z.literal(true) }),
    z.strictObject({ aimRequested: z.literal(true) }),
    z.strictObject({ lookedAfter: z.literal(true) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const cited = { clause, requirement: requirementId };

const levelSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  covers: z.array(scaleLevel).min(1),
  description: z.string().min(1),
  ...cited,
});

const itemSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string().min(1),
  /** Where ticking this item points on the shared scale; defaults to its group's. */
  scale: scaleLevel.optional(),
});

const groupSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  intro: z.string().optional(),
  scale: scaleLevel.optional(),
  items: z.array(itemSchema).min(1),
  ...cited,
});

const ageNoteSchema = z.strictObject({ stageBelow: z.number().int(), text: z.string().min(1), ...cited });

const ageBandSchema = z.strictObject({
  label: z.string().min(1),
  /** Inclusive ages. Bands may share a boundary year, as the source's do (5-9 and 9-13). */
  from: z.number().int().min(0),
  to: z.number().int().max(18),
  behaviours: z.array(z.string().min(1)).min(1),
});

const toolBase = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  summary: z.string().min(1),
  /** Only users with this training may complete the tool (R-X-5, R-NEL-4). */
  requiresTraining: z.enum(TRAININGS).optional(),
  ageNotes: z.array(ageNoteSchema).default([]),
  ageBands: z.array(ageBandSchema).default([]),
  ageBandsCited: z.strictObject(cited).optional(),
  ...cited,
};

const matrixToolSchema = z.strictObject({
  ...toolBase,
  kind: z.literal('matrix'),
  columns: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string(), scale: scaleLevel }))
    .min(2),
  dimensions: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        label: z.string().min(1),
        descriptors: z.record(z.string(), z.string().min(1)),
      }),
    )
    .min(1),
});

const checklistToolSchema = z.strictObject({
  ...toolBase,
  kind: z.literal('checklist'),
  groups: z.array(groupSchema).min(1),
  /** An explicit answer that none of the items apply, and what it suggests. */
  noneOption: z.strictObject({ label: z.string().min(1), scale: scaleLevel }).optional(),
});

export const toolSchema = z.discriminatedUnion('kind', [matrixToolSchema, checklistToolSchema]);

const dueSchema = z.union([
  z.strictObject({ workingDays: z.number().int().min(0).max(60) }),
  z.strictObject({ calendarMonths: z.number().int().min(1).max(12) }),
]);

/**
 * The records whose making does a step's work, so that the task is done when they are made, with
 * a link to them (the stages are bound): a referral to the front door, its screening decision, an
 * AIM assessment planned, a referral to the AIM Pathway Panel, a worker allocated to the child, a
 * plan agreed (`plan`), a plan's review (`plan-review`, for the task to review that plan).
 */
export const COMPLETING_RECORDS = [
  'referral',
  'referral-decision',
  'assessment',
  'panel-referral',
  'allocation',
  'plan',
  'plan-review',
] as const;
export type CompletingRecord = (typeof COMPLETING_RECORDS)[number];

export const stepSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  detail: z.string().min(1),
  /** Who owes it: an application role, or the person who screened the incident. */
  owner: z.union([role, z.literal('screener')]),
  /** Whose record the task sits on: the child who harmed, or each child harmed (R-X-1). */
  forChild: z.enum(['displayed', 'targeted']).default('displayed'),
  /** 'consider' steps are prompts to decide; 'do' steps must be done. */
  kind: z.enum(['do', 'consider']).default('do'),
  /** Counted from the date of the decision on the level of concern. Absent: no set timescale. */
  due: dueSchema.optional(),
  when: conditionSchema,
  /** The meeting type this step is to hold, when it is a meeting (R-KEN-5, R-ISL-5). */
  meeting: z.string().optional(),
  /** The record that does this step's work and so completes its task. */
  completedBy: z.enum(COMPLETING_RECORDS).optional(),
  /** With `completedBy: 'plan'`: only agreeing a plan of this kind does the step's work (R-ISL-4: the diversion plan). */
  planKind: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  /** Doing this step requests an AIM assessment (a meeting's aimRequested condition: R-KEN-8, NELFT invited). */
  aimRequest: z.literal(true).optional(),
  ...cited,
});

const slug = z.string().regex(/^[a-z0-9-]+$/);

/** Someone a meeting invites, proposed by role and by the facts (R-KEN-6, R-KEN-8, R-ISL-5, R-X-4). */
const inviteeSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  /** Why they are invited, in the procedure's words. */
  reason: z.string().min(1),
  /** Proposed only when this holds; otherwise listed as not proposed, for the convener to decide. */
  when: conditionSchema.optional(),
  /** Informed of the meeting instead of invited when this holds (R-KEN-8: Youth Justice for a child under 10). */
  informWhen: conditionSchema.optional(),
  /** Left out only in exceptional circumstances, with the reasons minuted (R-KEN-13: the parents or carers and the child). */
  onlyExceptionallyExcluded: z.strictObject(cited).optional(),
  ...cited,
});

export const meetingTypeSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  purpose: z.string().min(1),
  /** The roles that may chair, and the rule in words (R-ISL-5: the coordinator chairs). */
  chair: z.strictObject({
    roles: z.array(role).min(1),
    text: z.string().min(1),
    /** The chair is independent of the case's line management: the allocated manager is not preselected (issue 15). */
    independent: z.boolean().optional(),
    ...cited,
  }),
  /** Children the responsibility of different authorities: each is represented, the child harmed's authority chairs (R-KEN-6). */
  crossAuthority: z.strictObject(cited).optional(),
  invitees: z.array(inviteeSchema).min(1),
  agenda: z
    .array(z.strictObject({ heading: z.string().min(1), items: z.array(z.string().min(1)).min(1), ...cited }))
    .min(1),
  /** Child who harmed under 10: the meeting decides whether police involvement is needed (R-KEN-6). */
  policeQuestionUnder10: z.strictObject(cited).optional(),
  /**
   * An immediate safety plan for every child must be agreed before the meeting is closed (R-KEN-6).
   * `becomesPlan`: when the meeting closes, each child's safety plan from the minutes starts a plan
   * of this kind on their record, with the minutes' text in this matter, for the next steps to see,
   * complete, agree and review (issue 14).
   */
  safetyPlan: z
    .strictObject({
      ...cited,
      becomesPlan: z
        .strictObject({
          displayed: z.strictObject({ kind: slug, item: slug }).optional(),
          targeted: z.strictObject({ kind: slug, item: slug }).optional(),
        })
        .optional(),
    })
    .optional(),
  /** Ask whether the child who harmed may also have been harmed, and prompt a conference (R-KEN-7). */
  alsoHarmedPrompt: z.strictObject(cited).optional(),
  /** Convened once the child who harmed's AIM assessment is completed: the task to arrange it is set then (R-KEN-13). */
  convenedAfter: z.strictObject({ record: z.literal('assessment'), ...cited }).optional(),
  /**
   * The meeting shares the child who harmed's draft plan of this kind and agrees its final version:
   * it cannot close until that plan is agreed, every matter addressed or the reason given (R-KEN-13).
   */
  agreesPlan: z.strictObject({ kind: slug, ...cited }).optional(),
  outcomes: z.array(z.enum(OUTCOME_IDS)).min(1),
  outcomesCited: z.strictObject(cited),
  ...cited,
});

/** An AIM assessor rule a pack applies, in words a practitioner reads, with its clause. */
const assessorRuleSchema = z.strictObject({ text: z.string().min(1), ...cited });

/**
 * A plan the procedure names (issue 14): whose record it goes on, the matters it must address
 * (each a box on the plan's form; agreeing needs each addressed or the reason not, R-KEN-13), and
 * how often at most it is reviewed, with the clause that says so or a labelled local setting.
 */
const planKindSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  purpose: z.string().min(1),
  /** The child who harmed's record, the child harmed's, or either child's (R-X-1). */
  forChild: z.enum(['displayed', 'harmed', 'either']),
  contents: z
    .array(
      z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), hint: z.string().optional() }),
    )
    .min(1),
  review: z.strictObject({ months: z.number().int().min(1).max(12), ...cited }),
  ...cited,
});

export const packSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    authority: z.string().min(1),
    /** How practitioners name the document in a citation: "Kent procedure". */
    shortName: z.string().min(1),
    /** The document's sections that the pack cites, so a citation links to its section (R-X-10). */
    sections: z
      .array(z.strictObject({ ref: z.string().regex(/^(\d+(\.\d+)?|[a-z][a-z ]*[a-z])$/), title: z.string().min(1) }))
      .min(1),
    title: z.string().min(1),
    source: z.string().min(1),
    version: z.string().min(1),
    effectiveFrom: z.iso.date(),
    reviewDate: z.iso.date(),
    versionCited: z.strictObject(cited),
    summary: z.string().min(1),
    levels: z.array(levelSchema).min(2),
    levelsCited: z.strictObject(cited),
    tools: z.array(toolSchema).min(1),
    primaryTool: z.string(),
    facts: z.array(factId),
    ageRules: z.strictObject({
      criminalResponsibilityAge: z.number().int(),
      /** The assessment model for a child aged, or at a developmental stage, under 12 (absent: the procedure names none). */
      under12Model: z
        .strictObject({ name: z.string(), model: z.enum(ASSESSMENT_MODEL_IDS).optional(), ...cited })
        .optional(),
      /** The assessment model for 12 to 17; `model` when it is an AIM assessment recorded here. */
      olderModel: z
        .strictObject({ name: z.string(), model: z.enum(ASSESSMENT_MODEL_IDS).optional(), ...cited })
        .optional(),
      /** A child within this many months of 18 counts as approaching 18 (R-X-2, R-NEL-11). */
      approaching18Months: z.number().int().min(1).max(12),
      notes: z.array(z.strictObject({ when: conditionSchema, text: z.string().min(1), ...cited })).default([]),
    }),
    steps: z.array(stepSchema).min(1),
    /** A panel that decides on specialist assessment and intervention (north-east-lincolnshire's AIM Pathway Panel, R-NEL-10..12). */
    aimPanel: z
      .strictObject({
        name: z.string().min(1),
        /** Assessment and intervention from this age up to (not including) `belowAge`; younger: consultation at the panel's discretion (R-NEL-10). */
        ages: z.strictObject({
          assessmentFrom: z.number().int().min(0).max(18),
          belowAge: z.number().int().min(1).max(19),
          consultationYounger: z.boolean(),
          ...cited,
        }),
        /** The services that may refer, with an assessment (R-NEL-10). */
        referrers: z.strictObject({ services: z.array(z.enum(PANEL_REFERRERS)).min(1), ...cited }),
        /** The referrer stays lead professional; when charge or prosecution is likely, Youth Justice AIM practitioners lead (R-NEL-10). */
        youthJusticeLeadsWhenChargeLikely: z.strictObject(cited).optional(),
        /** Denial during a police investigation: information gathering only, unless the panel decides otherwise exceptionally (R-NEL-10). */
        denial: z.strictObject(cited).optional(),
        /** An accepted referral is allocated a lead practitioner with this training, and a co-worker (R-NEL-11). */
        lead: z.strictObject({ training: z.enum(TRAININGS), ...cited }),
        /** The panel reviews the plan at least this often (R-NEL-12). */
        reviewMonths: z.strictObject({ months: z.number().int().min(1).max(12), ...cited }),
        /** The plan of the accepted route that the panel reviews: a plan kind of the pack (R-NEL-11, R-NEL-12). */
        plan: z.strictObject({ kind: slug, ...cited }).optional(),
        ...cited,
      })
      .optional(),
    /** Multi-agency meeting types the procedure names (R-KEN-6, R-KEN-8, R-KEN-10, R-ISL-3..7). */
    meetings: z.array(meetingTypeSchema).min(1),
    /** The plans the procedure names, each kept on a child's own record (issue 14, R-X-1). */
    plans: z.array(planKindSchema).min(1),
    /**
     * What the record of a child at these levels must show (R-ISL-9, islington §8): each item shown
     * by an agreed plan of a kind, a task of a step done, or a closed meeting; `onlyIf` a step's task
     * was set (the MASE record, when the case went to the MASE).
     */
    recordMustShow: z
      .strictObject({
        levels: z.array(z.string()).min(1),
        items: z
          .array(
            z.strictObject({
              id: slug,
              label: z.string().min(1),
              shownBy: z.union([
                z.strictObject({ plan: slug }),
                z.strictObject({ step: slug }),
                z.strictObject({ meeting: z.literal(true) }),
              ]),
              onlyIf: z.strictObject({ step: slug }).optional(),
              ...cited,
            }),
          )
          .min(1),
        ...cited,
      })
      .optional(),
    /**
     * The working days a meeting's outcome gives the next step (R-X-3): each with the clause that sets it, the
     * national framework where the pack's document is silent, or a labelled local setting.
     */
    outcomeTimescales: z.strictObject({
      /** An initial child protection conference, after the strategy discussion that decided it. */
      conference: z.strictObject({ workingDays: z.number().int().min(1).max(60), clause }),
      /** The first core group meeting, after the conference that made the child protection plan. */
      coreGroup: z.strictObject({ workingDays: z.number().int().min(1).max(60), clause }),
      /** Immediate legal action, after the meeting: 0 is the same day. */
      legalAction: z.strictObject({ workingDays: z.number().int().min(0).max(5), clause }),
      /** The longest a meeting may set for a follow-up strategy meeting. */
      followUpMaximum: z.strictObject({ workingDays: z.number().int().min(1).max(60), clause }),
    }),
    /** R-THU-7: an open case with no recorded activity for this many working days is flagged. */
    inactivityWorkingDays: z.number().int().min(1).max(60),
    /** Where the pack's document sets the inactivity period; absent, it is a local setting. */
    inactivityCited: z.strictObject(cited).optional(),
    /**
     * Who may assess, and when the young person is interviewed, in an AIM assessment (R-X-5,
     * R-NYO-9, R-NYO-10, R-NYO-12): North Yorkshire's guidance sets these out (§7, Appendix 2).
     * A rule applies to a pack's assessments only when the pack gives it, with its own clause or as
     * a labelled local setting; the domain reads which apply from here.
     */
    assessorRules: z
      .strictObject({
        /** Co-worked by two assessors, led by a practitioner trained in the model (R-X-5, R-NYO-9). */
        trainedLead: assessorRuleSchema.optional(),
        /** The child harmed's social worker kept out; the appropriate adult at the police interview (R-NYO-12). */
        assessorConflicts: assessorRuleSchema.optional(),
        /** Likely prosecution and denial: no interviews without a legal representative's agreement (R-NYO-10). */
        denial: assessorRuleSchema.optional(),
      })
      .default({}),
    /**
     * Where the pack's document sets out the AIM model's own structure, which every AIM assessment
     * follows (R-NYO-9, R-NYO-13, R-NYO-14). Without a clause here it is shown as the AIM model's
     * practice, which this procedure does not set out.
     */
    aimRulesCited: z
      .strictObject({
        stages: z.strictObject(cited).optional(),
        outcomeSheet: z.strictObject(cited).optional(),
        report: z.strictObject(cited).optional(),
      })
      .default({}),
    /** The referral to the front door and the manager's screening of it (R-NYO-8, R-KEN-2, R-NEL-6). */
    referral: z.strictObject({
      /** Who receives it, as the procedure names them: "the Front Door", "Children and Families Service". */
      receiver: z.string().min(1),
      /** Working days from receipt to the manager's screening decision. */
      decisionWorkingDays: z.number().int().min(0).max(20),
      decisionClause: clause,
      decisionRequirement: requirementId,
      outcomes: z
        .array(
          z.strictObject({
            id: slug,
            label: z.string().min(1),
            hint: z.string().min(1),
            /** The task the outcome sets, due in working days from the decision, on the referred child's list. */
            then: z
              .strictObject({
                title: z.string().min(1),
                detail: z.string().min(1),
                owner: role,
                due: z.strictObject({ workingDays: z.number().int().min(0).max(60) }).optional(),
                meeting: slug.optional(),
                ...cited,
              })
              .optional(),
          }),
        )
        .min(2),
      /** At these levels each child gets a separate referral and record (R-NYO-4). */
      separateForEachChild: z.array(z.string()).min(1),
      ...cited,
    }),
  })
  .superRefine((pack, ctx) => {
    // Each pack cites only its own document's listed sections, or national guidance (R-X-10);
    // requirement IDs and section marks never reach text a practitioner reads.
    const refs = new Set(pack.sections.map((section) => section.ref));
    const walk = (value: unknown, path: (string | number)[]) => {
      if (typeof value === 'string') {
        const key = path.at(-1);
        if (key === 'clause' || key === 'decisionClause') {
          const parsed = parseClause(value);
          if (!parsed) return ctx.addIssue({ code: 'custom', message: `cannot read the clause "${value}"`, path });
          for (const part of parsed.packParts) {
            if (part.packId !== pack.id)
              ctx.addIssue({ code: 'custom', message: `cites another authority's document: "${value}"`, path });
            for (const ref of part.refs)
              if (!refs.has(ref))
                ctx.addIssue({
                  code: 'custom',
                  message: `cites section ${ref}, which is not in the pack's sections`,
                  path,
                });
          }
          for (const source of parsed.national)
            if (!(NATIONAL_SOURCES as readonly string[]).includes(source))
              ctx.addIssue({ code: 'custom', message: `unknown source ${source}`, path });
        } else if (
          key !== 'requirement' &&
          key !== 'decisionRequirement' &&
          key !== 'ref' &&
          ENGINEER_WORDS.test(value)
        ) {
          ctx.addIssue({
            code: 'custom',
            message: `text a practitioner reads holds a requirement ID or section mark: "${value}"`,
            path,
          });
        }
      } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
      else if (value && typeof value === 'object')
        for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    };
    walk(pack, []);
    const levelIds = new Set(pack.levels.map((level) => level.id));
    // Every point of the shared scale is covered by exactly one level of the pack.
    for (const point of SCALE) {
      const covering = pack.levels.filter((level) => level.covers.includes(point)).length;
      if (covering !== 1)
        ctx.addIssue({
          code: 'custom',
          message: `scale level ${point} is covered by ${covering} pack levels`,
          path: ['levels'],
        });
    }
    if (!pack.tools.some((tool) => tool.id === pack.primaryTool)) {
      ctx.addIssue({
        code: 'custom',
        message: `primary tool ${pack.primaryTool} is not defined`,
        path: ['primaryTool'],
      });
    }
    const checkCondition = (condition: Condition, path: (string | number)[]) => {
      if ('level' in condition)
        for (const level of condition.level)
          if (!levelIds.has(level)) ctx.addIssue({ code: 'custom', message: `unknown level ${level}`, path });
      if ('fact' in condition && !pack.facts.includes(condition.fact))
        ctx.addIssue({ code: 'custom', message: `fact ${condition.fact} is not asked`, path });
      if ('notFact' in condition && !pack.facts.includes(condition.notFact))
        ctx.addIssue({ code: 'custom', message: `fact ${condition.notFact} is not asked`, path });
      if ('all' in condition) condition.all.forEach((part, i) => checkCondition(part, [...path, 'all', i]));
      if ('any' in condition) condition.any.forEach((part, i) => checkCondition(part, [...path, 'any', i]));
      if ('not' in condition) checkCondition(condition.not, [...path, 'not']);
    };
    pack.steps.forEach((step, i) => checkCondition(step.when, ['steps', i, 'when']));
    const meetingIds = new Set(pack.meetings.map((meeting) => meeting.id));
    if (meetingIds.size !== pack.meetings.length)
      ctx.addIssue({ code: 'custom', message: 'duplicate meeting type ids', path: ['meetings'] });
    pack.steps.forEach((step, i) => {
      if (step.meeting && !meetingIds.has(step.meeting))
        ctx.addIssue({
          code: 'custom',
          message: `unknown meeting type ${step.meeting}`,
          path: ['steps', i, 'meeting'],
        });
    });
    pack.referral.outcomes.forEach((outcome, i) => {
      if (outcome.then?.meeting && !meetingIds.has(outcome.then.meeting))
        ctx.addIssue({
          code: 'custom',
          message: `unknown meeting type ${outcome.then.meeting}`,
          path: ['referral', 'outcomes', i],
        });
    });
    pack.meetings.forEach((meeting, i) => {
      for (const inv of meeting.invitees) {
        if (inv.when) checkCondition(inv.when, ['meetings', i, 'invitees', inv.id]);
        if (inv.informWhen) checkCondition(inv.informWhen, ['meetings', i, 'invitees', inv.id]);
      }
      if (new Set(meeting.invitees.map((invitee) => invitee.id)).size !== meeting.invitees.length)
        ctx.addIssue({ code: 'custom', message: `${meeting.id}: duplicate invitee ids`, path: ['meetings', i] });
    });
    pack.meetings.forEach((meeting, i) => {
      for (const target of Object.values(meeting.safetyPlan?.becomesPlan ?? {}))
        if (
          target &&
          !pack.plans.some((kind) => kind.id === target.kind && kind.contents.some((item) => item.id === target.item))
        )
          ctx.addIssue({
            code: 'custom',
            message: `${meeting.id}: the safety plan becomes an unknown plan or matter ${target.kind}.${target.item}`,
            path: ['meetings', i, 'safetyPlan'],
          });
      if (meeting.agreesPlan && !pack.plans.some((kind) => kind.id === meeting.agreesPlan!.kind))
        ctx.addIssue({
          code: 'custom',
          message: `${meeting.id}: unknown plan kind ${meeting.agreesPlan.kind}`,
          path: ['meetings', i],
        });
    });
    if (pack.aimPanel?.plan && !pack.plans.some((kind) => kind.id === pack.aimPanel!.plan!.kind))
      ctx.addIssue({
        code: 'custom',
        message: `aimPanel: unknown plan kind ${pack.aimPanel.plan.kind}`,
        path: ['aimPanel'],
      });
    if (pack.recordMustShow) {
      for (const level of pack.recordMustShow.levels)
        if (!levelIds.has(level))
          ctx.addIssue({ code: 'custom', message: `recordMustShow: unknown level ${level}`, path: ['recordMustShow'] });
      for (const item of pack.recordMustShow.items) {
        if (
          'plan' in item.shownBy &&
          !pack.plans.some((kind) => 'plan' in item.shownBy && kind.id === item.shownBy.plan)
        )
          ctx.addIssue({
            code: 'custom',
            message: `recordMustShow ${item.id}: unknown plan kind`,
            path: ['recordMustShow'],
          });
        for (const step of ['step' in item.shownBy ? item.shownBy.step : null, item.onlyIf?.step])
          if (step && !pack.steps.some((one) => one.id === step))
            ctx.addIssue({
              code: 'custom',
              message: `recordMustShow ${item.id}: unknown step ${step}`,
              path: ['recordMustShow'],
            });
      }
    }
    if (new Set(pack.plans.map((kind) => kind.id)).size !== pack.plans.length)
      ctx.addIssue({ code: 'custom', message: 'duplicate plan kind ids', path: ['plans'] });
    pack.plans.forEach((kind, i) => {
      if (new Set(kind.contents.map((item) => item.id)).size !== kind.contents.length)
        ctx.addIssue({ code: 'custom', message: `${kind.id}: duplicate content ids`, path: ['plans', i] });
    });
    for (const level of pack.referral.separateForEachChild) {
      if (!levelIds.has(level))
        ctx.addIssue({ code: 'custom', message: `referral: unknown level ${level}`, path: ['referral'] });
    }
    pack.steps.forEach((step, i) => {
      if (step.completedBy === 'panel-referral' && !pack.aimPanel)
        ctx.addIssue({
          code: 'custom',
          message: `${step.id}: completed by a panel referral, but the procedure has no panel`,
          path: ['steps', i, 'completedBy'],
        });
      if (step.planKind && (step.completedBy !== 'plan' || !pack.plans.some((kind) => kind.id === step.planKind)))
        ctx.addIssue({
          code: 'custom',
          message: `${step.id}: planKind needs completedBy plan and a plan kind of the pack`,
          path: ['steps', i, 'planKind'],
        });
      if (step.completedBy && step.meeting)
        ctx.addIssue({
          code: 'custom',
          message: `${step.id}: a meeting step is completed by its meeting`,
          path: ['steps', i, 'completedBy'],
        });
    });
    for (const tool of pack.tools) {
      if (tool.kind === 'matrix') {
        for (const dimension of tool.dimensions) {
          for (const col of tool.columns) {
            if (!dimension.descriptors[col.id])
              ctx.addIssue({
                code: 'custom',
                message: `${tool.id}.${dimension.id} has no ${col.id} descriptor`,
                path: ['tools'],
              });
          }
        }
      } else {
        for (const group of tool.groups) {
          for (const it of group.items) {
            if (!it.scale && !group.scale)
              ctx.addIssue({ code: 'custom', message: `${tool.id}.${it.id} has no scale level`, path: ['tools'] });
          }
        }
        const ids = tool.groups.flatMap((group) => group.items.map((i) => i.id));
        if (new Set(ids).size !== ids.length)
          ctx.addIssue({ code: 'custom', message: `${tool.id} has duplicate item ids`, path: ['tools'] });
      }
    }
  });

export type Pack = z.output<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
export type Tool = Pack['tools'][number];
export type MatrixTool = Extract<Tool, { kind: 'matrix' }>;
export type ChecklistTool = Extract<Tool, { kind: 'checklist' }>;
export type Step = Pack['steps'][number];
export type PackLevel = Pack['levels'][number];
export type MeetingType = Pack['meetings'][number];
export type Invitee = MeetingType['invitees'][number];
