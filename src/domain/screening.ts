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
  return pack.tools.find((t) => t.id === toolId);
}

/** Every missing or contradictory answer at once, in GOV.UK wording, keyed by field. */
export function answerProblems(tool: Tool, answers: ScreeningAnswers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  if (tool.kind === 'matrix') {
    for (const d of tool.dimensions) {
      const v = answers.ratings?.[d.id];
      if (!v || !tool.columns.some((c) => c.id === v)) {
        problems.push({ field: `rating-${d.id}`, message: `Select a rating for ${d.label.toLowerCase()}` });
      }
    }
    return problems;
  }
  const known = new Set(tool.groups.flatMap((g) => g.items.map((i) => i.id)));
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
  let bandOf: (s: ScaleLevel) => string;
  if (tool.kind === 'matrix') {
    for (const d of tool.dimensions) {
      const col = tool.columns.find((c) => c.id === answers.ratings?.[d.id]);
      if (!col) continue;
      reasons.push({
        answer: `${d.label}: ${col.label.toLowerCase()}. ${d.descriptors[col.id]}`,
        points: col.scale,
        clause: tool.clause,
        requirement: tool.requirement,
      });
    }
    bandOf = (s) => tool.columns.find((c) => c.scale === s)?.label ?? SCALE_LABELS[s];
  } else {
    const ticked = new Set(answers.items ?? []);
    for (const g of tool.groups) {
      for (const it of g.items) {
        if (!ticked.has(it.id)) continue;
        const points = (it.scale ?? g.scale) as ScaleLevel;
        reasons.push({ answer: `${it.text} (${g.label})`, points, clause: g.clause, requirement: g.requirement });
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
    bandOf = (s) => {
      const g = tool.groups.find((x) => x.scale === s);
      return g ? g.label : SCALE_LABELS[s];
    };
  }
  const scale = maxScale(reasons.map((r) => r.points)) ?? 'normal';
  const level = levelCovering(pack.levels, scale);
  if (!level) throw new Error(`Pack ${pack.id} has no level covering ${scale}`);
  return {
    toolId: tool.id,
    toolName: tool.name,
    toolBand: bandOf(scale),
    scale,
    level,
    reasons: reasons
      .map((r) => ({ ...r, decisive: r.points === scale }))
      .sort((a, b) => scaleRank(b.points) - scaleRank(a.points)),
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
  const r = pack.ageRules;
  const eighteenOn = child.dateOfBirth ? addMonths(child.dateOfBirth, 18 * 12) : null;
  const approaching18 = eighteenOn
    ? decisionDate < eighteenOn && addMonths(decisionDate, r.approaching18Months) >= eighteenOn
    : age === 17;
  let assessmentModel: AgeRules['assessmentModel'] = null;
  if (age < 18) {
    if (stage < 12 && r.under12Model) {
      const why =
        age < 12
          ? `aged ${age}, under 12`
          : `aged ${age} with a developmental age of ${dev}: the model for under-12s applies to a developmental stage under 12`;
      assessmentModel = {
        name: r.under12Model.name,
        model: r.under12Model.model ?? null,
        why,
        clause: r.under12Model.clause,
        requirement: r.under12Model.requirement,
      };
    } else if (stage >= 12 && r.olderModel) {
      assessmentModel = {
        name: r.olderModel.name,
        model: r.olderModel.model ?? null,
        why: `aged ${age}, 12 to 17`,
        clause: r.olderModel.clause,
        requirement: r.olderModel.requirement,
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
    belowCriminalResponsibility: age < r.criminalResponsibilityAge,
    assessmentModel,
    approaching18,
    eighteenOn,
    notes: r.notes
      .filter((n) => holds(n.when, ctx))
      .map((n) => ({ text: n.text, clause: n.clause, requirement: n.requirement })),
  };
}

/** Age notes and typical behaviours a tool shows for a child's age or developmental stage (R-X-2, R-NEL-2). */
export function toolGuidanceFor(tool: Tool, stage: number) {
  return {
    notes: tool.ageNotes.filter((n) => stage < n.stageBelow),
    bands: tool.ageBands.filter((b) => stage >= b.from && stage <= b.to),
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

export function holds(c: Condition, ctx: RuleContext): boolean {
  if ('level' in c) return ctx.level !== null && c.level.includes(ctx.level);
  if ('fact' in c) return ctx.facts[c.fact] === true;
  if ('notFact' in c) return ctx.facts[c.notFact] !== true;
  if ('ageAtLeast' in c) return ctx.age >= c.ageAtLeast;
  if ('ageBelow' in c) return ctx.age < c.ageBelow;
  if ('stageBelow' in c) return ctx.stage < c.stageBelow;
  if ('stageAtLeast' in c) return ctx.stage >= c.stageAtLeast;
  if ('approaching18' in c) return ctx.approaching18;
  if ('sex' in c) return ctx.sex === c.sex;
  if ('learningDisability' in c) return ctx.learningDisability;
  if ('aimRequested' in c) return ctx.aimRequested === true;
  if ('lookedAfter' in c) return ctx.lookedAfter === true;
  if ('all' in c) return c.all.every((x) => holds(x, ctx));
  if ('any' in c) return c.any.some((x) => holds(x, ctx));
  return !holds(c.not, ctx);
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
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
    .filter((s) => holds(s.when, ctx))
    .map((s) => ({
      stepId: s.id,
      title: s.title,
      detail: s.detail,
      owner: s.owner,
      ownerLabel: ownerLabel(s.owner),
      forChild: s.forChild,
      kind: s.kind,
      dueDate: !s.due
        ? null
        : 'workingDays' in s.due
          ? calendar.addWorkingDays(decisionDate, s.due.workingDays)
          : addMonths(decisionDate, s.due.calendarMonths),
      dueRule: dueRuleText(s),
      clause: s.clause,
      requirement: s.requirement,
      meeting: s.meeting ?? null,
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
  const ids = new Set(now.map((s) => s.stepId));
  return pack.facts
    .filter((f) => facts[f] === null)
    .map((f) => {
      const then = route(pack, levelId, { ...facts, [f]: true }, ages, decisionDate, calendar);
      const thenIds = new Set(then.map((s) => s.stepId));
      return {
        fact: f,
        ifTrue: FACTS[f].ifTrue,
        added: then.filter((s) => !ids.has(s.stepId)),
        dropped: now.filter((s) => !thenIds.has(s.stepId)),
      };
    });
}

export function factLabel(id: FactId): string {
  return FACTS[id].short;
}
