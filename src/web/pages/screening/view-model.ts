// How the screening pages read: the form (the child's ages, the tool's questions, the facts, the
// other tools and earlier screenings) and a screening (its suggestion and reasons, how other
// authorities read the level, the next steps for the level chosen or previewed, the decision form).
// Pure: the service has already checked the viewer may see them and says what they may do.
import { formatDate } from '../../../domain/london-time.ts';
import { FACTS, type Pack, type Tool } from '../../../domain/pack.ts';
import { SCALE_LABELS } from '../../../domain/scale.ts';
import { type AgeRules, type Facts, toolGuidanceFor } from '../../../domain/screening.ts';
import type * as referralService from '../../../services/referral-service.ts';
import type * as screeningService from '../../../services/screening-service.ts';
import { paths } from '../../paths.ts';
import { taskRow } from '../tasks/view-model.ts';
import type { ScreeningFormValues } from './schema.ts';

/** The screening form's page as the service gives it: the incident, the child, the pack, their ages, the tools and earlier screenings. */
export type ScreeningPage = Awaited<ReturnType<typeof screeningService.screeningPage>>;
/** A screening as the service gives it to its page. */
export type ScreeningView = screeningService.ScreeningView;
/** The referrals the screening's page offers or lists. */
export type ScreeningReferrals = Awaited<ReturnType<typeof referralService.referralsForScreeningPage>>;

/** The child's ages and what follows from them: criminal responsibility, the assessment model, approaching 18. */
export function ageSummary(ages: AgeRules) {
  const rows: { key: string; value: string; cite?: string }[] = [
    { key: 'Age on the day of the incident', value: `${ages.ageAtIncident}` },
  ];
  if (ages.developmentalAge !== null) rows.push({ key: 'Developmental age', value: `${ages.developmentalAge}` });
  rows.push({
    key: 'Age of criminal responsibility (10)',
    value: ages.belowCriminalResponsibility ? 'Below: under 10' : 'Above: 10 or over',
  });
  rows.push({
    key: 'Assessment model',
    value: ages.assessmentModel
      ? `${ages.assessmentModel.name} (${ages.assessmentModel.why})`
      : 'This procedure does not name an assessment model',
    ...(ages.assessmentModel ? { cite: ages.assessmentModel.clause } : {}),
  });
  rows.push({
    key: 'Approaching 18',
    value: ages.approaching18
      ? `Yes: 18 on ${ages.eighteenOn ? formatDate(ages.eighteenOn) : 'their 18th birthday'}`
      : 'No',
  });
  return rows;
}

/** The tool's questions with what was typed ticked: a matrix's ratings, or a checklist's groups and its "none of these". */
export function toolView(tool: Tool, values: ScreeningFormValues | null, stage: number) {
  const guidance = toolGuidanceFor(tool, stage);
  if (tool.kind === 'matrix') {
    return {
      kind: 'matrix',
      guidance,
      dimensions: tool.dimensions.map((dimension) => ({
        name: `rating-${dimension.id}`,
        label: dimension.label,
        items: tool.columns.map((column) => ({
          value: column.id,
          text: column.label,
          hint: { text: dimension.descriptors[column.id] },
          checked: values?.answers.ratings?.[dimension.id] === column.id,
        })),
      })),
    };
  }
  const ticked = new Set(values?.answers.items ?? []);
  return {
    kind: 'checklist',
    guidance,
    groups: tool.groups.map((group) => ({
      id: group.id,
      label: group.label,
      intro: group.intro ?? null,
      cite: group.clause,
      items: group.items.map((i) => ({ value: i.id, text: i.text, checked: ticked.has(i.id) })),
    })),
    noneOption: tool.noneOption ? { label: tool.noneOption.label, checked: values?.answers.none === true } : null,
  };
}

/** Each fact the pack asks about as yes, no or not known: as typed, else as the incident says. */
export function factItems(pack: Pack, values: ScreeningFormValues | null, defaults: Facts) {
  return pack.facts.map((fact) => {
    const answer = values ? values.facts[fact] : defaults[fact];
    return {
      name: `fact-${fact}`,
      question: FACTS[fact].question,
      items: [
        { value: 'yes', text: 'Yes', checked: answer === true },
        { value: 'no', text: 'No', checked: answer === false },
        { value: 'not-known', text: 'Not known', checked: answer === null },
      ],
    };
  });
}

/**
 * The screening form: the tool asked for (`?tool=`, or the one typed in) when the person may use
 * it, else the pack's own; what was typed, else the facts the incident gives.
 */
export function screeningFormModel(
  page: ScreeningPage,
  options: {
    incidentId: string;
    childId: string;
    values: ScreeningFormValues | null;
    requestedTool: string | undefined;
    defaults: Facts;
    today: string;
  },
) {
  const { incidentId: id, childId, values } = options;
  const requested = values?.toolId ?? options.requestedTool ?? page.pack.primaryTool;
  const entry =
    page.tools.find((candidate) => candidate.tool.id === requested && candidate.allowed) ??
    page.tools.find((candidate) => candidate.tool.id === page.pack.primaryTool)!;
  return {
    pageTitle: `Screen the behaviour: ${page.child.firstName} ${page.child.lastName}`,
    backLink: paths.incidents.show(id),
    incidentId: id,
    child: page.child,
    pack: page.pack,
    today: options.today,
    incidentDate: page.incidentDate,
    ageRows: ageSummary(page.ages),
    ageNotes: page.ages.notes,
    tool: entry.tool,
    toolView: toolView(entry.tool, values, page.ages.stage),
    otherTools: page.tools
      .filter((other) => other.tool.id !== entry.tool.id)
      .map((other) => ({
        id: other.tool.id,
        name: other.tool.name,
        allowed: other.allowed,
        needs: other.needs,
        href: `${paths.screening.start(id, childId)}?tool=${other.tool.id}`,
      })),
    facts: factItems(page.pack, values, options.defaults),
    history: page.history.map((screening) => ({ ...screening, href: paths.screening.show(screening.id) })),
  };
}

/** The level a screening's next steps are shown for: the decided one, else the one previewed (`?preview=`) when a level, else the one chosen. */
export function previewLevelOf(view: ScreeningView, asked: string | undefined, chosen: string): string {
  const { screening } = view;
  return screening.status === 'decided'
    ? (screening.decidedLevel ?? screening.suggestedLevel)
    : view.pack.levels.some((level) => level.id === asked)
      ? asked!
      : chosen;
}

/**
 * A screening: its suggestion with the reasons and how other authorities read it, the next steps
 * for the level previewed (the others a link away, without JavaScript), and the decision form with
 * the level chosen (the suggested one until another is typed).
 */
export function screeningModel(
  view: ScreeningView,
  options: {
    values: { level: string; rationale: string } | undefined;
    errors: unknown;
    preview: string | undefined;
    referral: ScreeningReferrals;
    today: string;
    /** The corrections of the reasons for the decision, oldest first (issue 15). */
    corrections?: readonly { version: number; correctedAt: Date; correctedByName: string; reason: string }[];
  },
) {
  const screening = view.screening;
  const chosen = options.values?.level ?? screening.suggestedLevel;
  const previewLevel = previewLevelOf(view, options.preview, chosen);
  return {
    pageTitle:
      screening.status === 'decided'
        ? `Level of concern: ${view.child.firstName} ${view.child.lastName}`
        : `Suggested level of concern: ${view.child.firstName} ${view.child.lastName}`,
    backLink: paths.screening.start(screening.incidentId, screening.childId),
    s: screening,
    corrections: options.corrections ?? [],
    child: view.child,
    pack: view.pack,
    today: options.today,
    toolName: view.tool?.name ?? screening.toolId,
    suggested: view.suggestedLevel,
    scaleLabel: SCALE_LABELS[screening.suggestedScale as keyof typeof SCALE_LABELS] ?? screening.suggestedScale,
    readsAs: view.readsAs,
    facts: Object.entries(screening.facts).map(([fact, val]) => ({
      text: FACTS[fact as keyof typeof FACTS]?.short ?? fact,
      value: val === null ? 'Not known' : val ? 'Yes' : 'No',
    })),
    unknowns: view.ifKnown(previewLevel),
    ageRows: ageSummary(view.ages),
    ageNotes: view.ages.notes,
    preview: view.previewFor(previewLevel),
    previewLabel: view.pack.levels.find((level) => level.id === previewLevel)?.label ?? previewLevel,
    previewLinks: view.pack.levels
      .filter((level) => level.id !== previewLevel)
      .map((level) => ({
        text: level.label,
        href: `${paths.screening.show(screening.id)}?preview=${level.id}#next-steps`,
      })),
    levelItems: view.pack.levels.map((level) => ({
      value: level.id,
      text: level.label,
      hint: { text: `${level.id === screening.suggestedLevel ? 'Suggested. ' : ''}${level.description}` },
      checked: level.id === chosen,
    })),
    values: options.values ?? { level: screening.suggestedLevel, rationale: '' },
    tasks: view.tasks.map((task) => taskRow(task, options.today)),
    errors: options.errors,
    referral: options.referral,
    can: view.can,
  };
}
