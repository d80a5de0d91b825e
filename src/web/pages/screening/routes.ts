// Screening: answer the pack's tool and facts, see the suggestion and its reasons, then decide
// the level of concern with a rationale (R-X-9). Works without JavaScript.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonToday } from '../../../domain/age.ts';
import { formatDate } from '../../../domain/london-time.ts';
import { FACTS, type Pack, type Tool } from '../../../domain/pack.ts';
import { SCALE_LABELS } from '../../../domain/scale.ts';
import { type AgeRules, toolGuidanceFor } from '../../../domain/screening.ts';
import * as referralService from '../../../services/referral-service.ts';
import * as screeningService from '../../../services/screening-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, str, queryOf } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { taskRow } from '../tasks/view-model.ts';
import { type ScreeningFormValues, errorHref, readScreeningForm } from './schema.ts';

function ageSummary(ages: AgeRules) {
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

function toolView(tool: Tool, values: ScreeningFormValues | null, stage: number) {
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

function factItems(pack: Pack, values: ScreeningFormValues | null, defaults: Record<string, boolean | null>) {
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

export default function screeningRoutes(app: FastifyInstance, { db }: AppDeps): void {
  async function renderForm(
    request: FastifyRequest<{ Params: { id: string; childId: string } }>,
    reply: FastifyReply,
    values: ScreeningFormValues | null,
    extra: Record<string, unknown> = {},
  ) {
    const actor = actorOf(request);
    const { id, childId } = request.params;
    const page = await screeningService.screeningPage(db, actor, id, childId);
    const requested = values?.toolId ?? queryOf(request.query).tool ?? page.pack.primaryTool;
    const entry =
      page.tools.find((candidate) => candidate.tool.id === requested && candidate.allowed) ??
      page.tools.find((candidate) => candidate.tool.id === page.pack.primaryTool)!;
    const defaults = screeningService.factsFromIncident(page.pack, page.incident) as Record<string, boolean>;
    return reply.page('pages/screening/form.njk', {
      pageTitle: `Screen the behaviour: ${page.child.firstName} ${page.child.lastName}`,
      backLink: paths.incidents.show(id),
      incidentId: id,
      child: page.child,
      pack: page.pack,
      today: londonToday(),
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
      facts: factItems(page.pack, values, defaults),
      history: page.history.map((screening) => ({ ...screening, href: paths.screening.show(screening.id) })),
      ...extra,
    });
  }

  app.get<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/screening/:childId',
    { config: { action: 'screening.suggest' } },
    (request, reply) => renderForm(request, reply, null),
  );

  app.post<{ Params: { id: string; childId: string } }>(
    '/incidents/:id/screening/:childId',
    { config: { action: 'screening.suggest' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, childId } = request.params;
      const body = request.body as Body;
      // The child's pack: recordAnswers refuses a child outside the actor's authority.
      const pack = screeningService.packFor(actor.user.authorityId);
      const tool =
        pack.tools.find((candidate) => candidate.id === str(body, 'tool')) ??
        pack.tools.find((candidate) => candidate.id === pack.primaryTool)!;
      const values = readScreeningForm(body, pack, tool);
      return submitForm(request, reply, {
        act: () => screeningService.recordAnswers(db, actor, id, childId, values),
        redirect: (screeningId) => paths.screening.show(screeningId),
        again: (errorReply, errors) => renderForm(request, errorReply, values, { errors }),
        hrefs: (errors) =>
          errors.map((formError) => ({
            field: formError.field,
            message: formError.message,
            href: errorHref(formError.field, tool),
          })),
      });
    },
  );

  async function renderScreening(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { values?: { level: string; rationale: string }; errors?: unknown } = {},
  ) {
    const actor = actorOf(request);
    const { id } = request.params;
    const view = await screeningService.viewScreening(db, actor, id);
    const screening = view.screening;
    const referral = referralService.referralsForScreeningPage(db, screening, view.incident);
    const chosen = extra.values?.level ?? screening.suggestedLevel;
    // Without JavaScript, the next steps for another level are a link away (?preview=level).
    const asked = queryOf(request.query).preview;
    const previewLevel =
      screening.status === 'decided'
        ? (screening.decidedLevel ?? screening.suggestedLevel)
        : view.pack.levels.some((level) => level.id === asked)
          ? asked!
          : chosen;
    return reply.page('pages/screening/show.njk', {
      pageTitle:
        screening.status === 'decided'
          ? `Level of concern: ${view.child.firstName} ${view.child.lastName}`
          : `Suggested level of concern: ${view.child.firstName} ${view.child.lastName}`,
      backLink: paths.screening.start(screening.incidentId, screening.childId),
      s: screening,
      child: view.child,
      pack: view.pack,
      today: londonToday(),
      toolName: view.tool?.name ?? screening.toolId,
      suggested: view.suggestedLevel,
      scaleLabel: SCALE_LABELS[screening.suggestedScale as keyof typeof SCALE_LABELS] ?? screening.suggestedScale,
      readsAs: view.readsAs,
      facts: Object.entries(screening.facts).map(([k, val]) => ({
        text: FACTS[k as keyof typeof FACTS]?.short ?? k,
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
      values: extra.values ?? { level: screening.suggestedLevel, rationale: '' },
      tasks: view.tasks.map((task) => taskRow(task, londonToday())),
      errors: extra.errors,
      referral: await referral,
      can: view.can,
    });
  }

  app.get<{ Params: { id: string } }>('/screenings/:id', { config: { action: 'screening.view' } }, (request, reply) =>
    renderScreening(request, reply),
  );

  app.post<{ Params: { id: string } }>(
    '/screenings/:id/decision',
    { config: { action: 'screening.decide' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const body = request.body as Body;
      const values = { level: str(body, 'level'), rationale: str(body, 'rationale') };
      return submitForm(request, reply, {
        act: () => screeningService.decide(db, actor, id, { levelId: values.level, rationale: values.rationale }),
        flash: (result) => ({
          title: 'Level of concern decided',
          text: `${result.created} new task${result.created === 1 ? '' : 's'} added.${result.superseded ? ` ${result.superseded} earlier task${result.superseded === 1 ? ' is' : 's are'} no longer needed.` : ''}`,
        }),
        redirect: () => paths.screening.show(id),
        again: (errorReply, errors) => renderScreening(request, errorReply, { values, errors }),
      });
    },
  );
}
