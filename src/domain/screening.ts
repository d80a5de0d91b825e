// Screening, age rules and routing: pure functions over a procedure pack. Decision support only
// (R-X-9): the suggestion carries every answer that led to it with the pack clause and
// requirement ID, and a named practitioner confirms it or chooses another level with a rationale.
import type { AssessmentModelId } from './assessments.ts';
import { addMonths, ageOn } from './age.ts';
import { type Condition, FACTS, type FactId, type Pack, type PackLevel, type Step, type Tool } from './pack.ts';
import { ROLE_LABELS } from './roles.ts';
import { SCALE_LABELS, type ScaleLevel, levelCovering, maxScale, scaleRank } from './scale.ts';
import type { WorkingDayCalendar } from './working-days.ts';

export interface ScreeningAnswers {
  /** Matrix tools (Carson): dimension id -> column id. */
  ratings?: Record<string, string>;
  /** Checklist tools (Brook, Hackett, Islington, NEL): the ticked item ids. */
  items?: string[];
  /** Checklist tools: the practitioner says none of the items apply. */
  none?: boolean;
}

export interface Reason {
  answer: string;
  points: ScaleLevel;
  /** True for the answers at the level suggested: the ones that decided it. */
  decisive: boolean;
  clause: string;
  requirement: string;
}

export interface Suggestion {
  toolId: string;
  toolName: string;
  /** The tool's own word for the result (Brook 'Red', Carson 'Harmful'). */
  toolBand: string;
  scale: ScaleLevel;
  level: PackLevel;
  reasons: Reason[];
}

export interface AnswerProblem {
  field: string;
  message: string;
}

export function findTool(pack: Pack, toolId: string): Tool | undefined {
  return pack.tools.find((tool) => tool.id === toolId);
}

// A pack's tools do not change once loaded: the ids of each list tool's items are gathered once.
const itemIds = new WeakMap<Tool, ReadonlySet<string>>();
function itemIdsOf(tool: Extract<Tool, { groups: unknown }>): ReadonlySet<string> {
  let ids = itemIds.get(tool);
  if (!ids) {
    ids = new Set(tool.groups.flatMap((group) => group.items.map((i) => i.id)));
    itemIds.set(tool, ids);
  }
  return ids;
}

/** Every missing or contradictory answer at once, in GOV.UK wording, keyed by field. */
export function answerProblems(tool: Tool, answers: ScreeningAnswers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  if (tool.kind === 'matrix') {
    for (const dimension of tool.dimensions) {
      const rating = answers.ratings?.[dimension.id];
      if (!rating || !tool.columns.some((column) => column.id === rating)) {
        problems.push({
          field: `rating-${dimension.id}`,
          message: `Select a rating for ${dimension.label.toLowerCase()}`,
        });
      }
    }
    return problems;
  }
  const known = itemIdsOf(tool);
  const items = answers.items ?? [];
  const unknown = items.filter((i) => !known.has(i));
  if (unknown.length) problems.push({ field: 'items', message: 'Select only the characteristics listed' });
  else if (items.length === 0 && !answers.none) {
    problems.push({
      field: 'items',
      message: tool.noneOption
        ? `Select what applies, or select ‘${tool.noneOption.label}’`
        : 'Select at least one characteristic that applies',
    });
  } else if (items.length > 0 && answers.none) {
    problems.push({
      field: 'items',
      message: `Select characteristics, or ‘${tool.noneOption?.label ?? 'none'}’, not both`,
    });
  }
  return problems;
}

/** The suggested level of concern, with its reasons. Call only with answers that have no problems. */
export function suggest(pack: Pack, tool: Tool, answers: ScreeningAnswers): Suggestion {
  const reasons: Omit<Reason, 'decisive'>[] = [];
  let bandOf: (scaleLevel: ScaleLevel) => string;
  if (tool.kind === 'matrix') {
    for (const dimension of tool.dimensions) {
      const col = tool.columns.find((column) => column.id === answers.ratings?.[dimension.id]);
      if (!col) continue;
      reasons.push({
        answer: `${dimension.label}: ${col.label.toLowerCase()}. ${dimension.descriptors[col.id]}`,
        points: col.scale,
        clause: tool.clause,
        requirement: tool.requirement,
      });
    }
    bandOf = (scaleLevel) =>
      tool.columns.find((column) => column.scale === scaleLevel)?.label ?? SCALE_LABELS[scaleLevel];
  } else {
    const ticked = new Set(answers.items ?? []);
    for (const group of tool.groups) {
      for (const it of group.items) {
        if (!ticked.has(it.id)) continue;
        const points = (it.scale ?? group.scale) as ScaleLevel;
        reasons.push({
          answer: `${it.text} (${group.label})`,
          points,
          clause: group.clause,
          requirement: group.requirement,
        });
      }
    }
    if (!reasons.length && answers.none && tool.noneOption) {
      reasons.push({
        answer: tool.noneOption.label,
        points: tool.noneOption.scale,
        clause: tool.clause,
        requirement: tool.requirement,
      });
    }
    bandOf = (scaleLevel) => {
      const group = tool.groups.find((candidate) => candidate.scale === scaleLevel);
      return group ? group.label : SCALE_LABELS[scaleLevel];
    };
  }
  const scale = maxScale(reasons.map((reason) => reason.points)) ?? 'normal';
  const level = levelCovering(pack.levels, scale);
  if (!level) throw new Error(`Pack ${pack.id} has no level covering ${scale}`);
  return {
    toolId: tool.id,
    toolName: tool.name,
    toolBand: bandOf(scale),
    scale,
    level,
    reasons: reasons
      .map((reason) => ({ ...reason, decisive: reason.points === scale }))
      .sort((first, second) => scaleRank(second.points) - scaleRank(first.points)),
  };
}

// --- Age rules (R-X-2) -------------------------------------------------------------------------

export interface ChildAgeInput {
  dateOfBirth?: string | null;
  /** Whole years, when the date of birth is not known (API). */
  age?: number | null;
  developmentalAge?: number | null;
  sex?: string | null;
}

export interface AgeRules {
  ageAtIncident: number;
  developmentalAge: number | null;
  /** The age the procedure's age rules use: the developmental age when it is lower (SEND). */
  stage: number;
  belowCriminalResponsibility: boolean;
  assessmentModel: {
    name: string;
    model: AssessmentModelId | null;
    why: string;
    clause: string;
    requirement: string;
  } | null;
  approaching18: boolean;
  eighteenOn: string | null;
  notes: { text: string; clause: string; requirement: string }[];
}

export function ageRules(pack: Pack, child: ChildAgeInput, incidentDate: string, decisionDate: string): AgeRules {
  const age = child.dateOfBirth ? ageOn(child.dateOfBirth, incidentDate) : (child.age ?? null);
  if (age === null || age < 0) throw new RangeError('The child’s date of birth or age is needed');
  const dev = child.developmentalAge ?? null;
  const stage = dev !== null && dev < age ? dev : age;
  const rules = pack.ageRules;
  const eighteenOn = child.dateOfBirth ? addMonths(child.dateOfBirth, 18 * 12) : null;
  const approaching18 = eighteenOn
    ? decisionDate < eighteenOn && addMonths(decisionDate, rules.approaching18Months) >= eighteenOn
    : age === 17;
  let assessmentModel: AgeRules['assessmentModel'] = null;
  if (age < 18) {
    if (stage < 12 && rules.under12Model) {
      const why =
        age < 12
          ? `aged ${age}, under 12`
          : `aged ${age} with a developmental age of ${dev}: the model for under-12s applies to a developmental stage under 12`;
      assessmentModel = {
        name: rules.under12Model.name,
        model: rules.under12Model.model ?? null,
        why,
        clause: rules.under12Model.clause,
        requirement: rules.under12Model.requirement,
      };
    } else if (stage >= 12 && rules.olderModel) {
      assessmentModel = {
        name: rules.olderModel.name,
        model: rules.olderModel.model ?? null,
        why: `aged ${age}, 12 to 17`,
        clause: rules.olderModel.clause,
        requirement: rules.olderModel.requirement,
      };
    }
  }
  const ctx: RuleContext = {
    level: null,
    facts: {},
    age,
    stage,
    approaching18,
    sex: child.sex ?? null,
    learningDisability: stage < age,
  };
  return {
    ageAtIncident: age,
    developmentalAge: dev,
    stage,
    belowCriminalResponsibility: age < rules.criminalResponsibilityAge,
    assessmentModel,
    approaching18,
    eighteenOn,
    notes: rules.notes
      .filter((note) => holds(note.when, ctx))
      .map((note) => ({ text: note.text, clause: note.clause, requirement: note.requirement })),
  };
}

/** Age notes and typical behaviours a tool shows for a child's age or developmental stage (R-X-2, R-NEL-2). */
export function toolGuidanceFor(tool: Tool, stage: number) {
  return {
    notes: tool.ageNotes.filter((note) => stage < note.stageBelow),
    bands: tool.ageBands.filter((band) => stage >= band.from && stage <= band.to),
  };
}

// --- Routing -----------------------------------------------------------------------------------

/**
 * The answers about the facts: yes, no, or null for "not known" (issue 11: a school DSL may honestly
 * not know about a mental disorder). Routing takes a fact that is not known as not established,
 * and says which steps would follow if it turned out to be so (ifKnown).
 */
export type Facts = Partial<Record<FactId, boolean | null>>;

export interface RuleContext {
  level: string | null;
  facts: Facts;
  age: number;
  stage: number;
  approaching18: boolean;
  sex: string | null;
  learningDisability: boolean;
  /** Meetings only (R-KEN-8). */
  aimRequested?: boolean;
  lookedAfter?: boolean;
}

export function holds(condition: Condition, ctx: RuleContext): boolean {
  if ('level' in condition) return ctx.level !== null && condition.level.includes(ctx.level);
  if ('fact' in condition) return ctx.facts[condition.fact] === true;
  if ('notFact' in condition) return ctx.facts[condition.notFact] !== true;
  if ('ageAtLeast' in condition) return ctx.age >= condition.ageAtLeast;
  if ('ageBelow' in condition) return ctx.age < condition.ageBelow;
  if ('stageBelow' in condition) return ctx.stage < condition.stageBelow;
  if ('stageAtLeast' in condition) return ctx.stage >= condition.stageAtLeast;
  if ('approaching18' in condition) return ctx.approaching18;
  if ('sex' in condition) return ctx.sex === condition.sex;
  if ('learningDisability' in condition) return ctx.learningDisability;
  if ('aimRequested' in condition) return ctx.aimRequested === true;
  if ('lookedAfter' in condition) return ctx.lookedAfter === true;
  if ('all' in condition) return condition.all.every((part) => holds(part, ctx));
  if ('any' in condition) return condition.any.some((part) => holds(part, ctx));
  return !holds(condition.not, ctx);
}

export interface NextStep {
  stepId: string;
  title: string;
  detail: string;
  owner: Step['owner'];
  ownerLabel: string;
  forChild: 'displayed' | 'targeted';
  kind: 'do' | 'consider';
  dueDate: string | null;
  dueRule: string;
  clause: string;
  requirement: string;
  meeting: string | null;
}

export function ownerLabel(owner: Step['owner']): string {
  return owner === 'screener' ? 'The person who screened the incident' : ROLE_LABELS[owner];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function dueRuleText(step: Pick<Step, 'due' | 'clause'>): string {
  if (!step.due) return 'No set timescale';
  if ('workingDays' in step.due) {
    return step.due.workingDays === 0
      ? 'The same day as the decision'
      : `Within ${plural(step.due.workingDays, 'working day')} of the decision`;
  }
  return `Within ${plural(step.due.calendarMonths, 'month')} of the decision`;
}

/** The next steps a confirmed level and the facts lead to, each with its owner, deadline and clause (R-X-3). */
export function route(
  pack: Pack,
  levelId: string,
  facts: Facts,
  ages: Pick<AgeRules, 'ageAtIncident' | 'stage' | 'approaching18'> & { sex?: string | null },
  decisionDate: string,
  calendar: WorkingDayCalendar,
): NextStep[] {
  const ctx: RuleContext = {
    level: levelId,
    facts,
    age: ages.ageAtIncident,
    stage: ages.stage,
    approaching18: ages.approaching18,
    sex: ages.sex ?? null,
    learningDisability: ages.stage < ages.ageAtIncident,
  };
  return pack.steps
    .filter((step) => holds(step.when, ctx))
    .map((step) => ({
      stepId: step.id,
      title: step.title,
      detail: step.detail,
      owner: step.owner,
      ownerLabel: ownerLabel(step.owner),
      forChild: step.forChild,
      kind: step.kind,
      dueDate: !step.due
        ? null
        : 'workingDays' in step.due
          ? calendar.addWorkingDays(decisionDate, step.due.workingDays)
          : addMonths(decisionDate, step.due.calendarMonths),
      dueRule: dueRuleText(step),
      clause: step.clause,
      requirement: step.requirement,
      meeting: step.meeting ?? null,
    }));
}

/** For each fact not known, the steps that would be added, and those no longer needed, if it turned out to be so. */
export function ifKnown(
  pack: Pack,
  levelId: string,
  facts: Facts,
  ages: Parameters<typeof route>[3],
  decisionDate: string,
  calendar: WorkingDayCalendar,
): { fact: FactId; ifTrue: string; added: NextStep[]; dropped: NextStep[] }[] {
  const now = route(pack, levelId, facts, ages, decisionDate, calendar);
  const ids = new Set(now.map((step) => step.stepId));
  return pack.facts
    .filter((fact) => facts[fact] === null)
    .map((fact) => {
      const then = route(pack, levelId, { ...facts, [fact]: true }, ages, decisionDate, calendar);
      const thenIds = new Set(then.map((step) => step.stepId));
      return {
        fact,
        ifTrue: FACTS[fact].ifTrue,
        added: then.filter((step) => !ids.has(step.stepId)),
        dropped: now.filter((step) => !thenIds.has(step.stepId)),
      };
    });
}

export function factLabel(id: FactId): string {
  return FACTS[id].short;
}
