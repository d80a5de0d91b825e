// Screening: answer the pack's tool and facts, see the suggestion and its reasons, then decide
// the level of concern with a rationale (R-X-9). Works without JavaScript.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonToday } from '../../../domain/age.ts';
import { formatDate } from '../../../domain/london-time.ts';
import { FACTS, type Pack, type Tool } from '../../../domain/pack.ts';
import { SCALE_LABELS } from '../../../domain/scale.ts';
import { type AgeRules, toolGuidanceFor } from '../../../domain/screening.ts';
import { ValidationError } from '../../../services/context.ts';
import * as referralService from '../../../services/referral-service.ts';
import * as screeningService from '../../../services/screening-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, errorView, str, queryOf } from '../../forms.ts';
import { paths } from '../../paths.ts';
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
      dimensions: tool.dimensions.map((d) => ({
        name: `rating-${d.id}`,
        label: d.label,
        items: tool.columns.map((c) => ({
          value: c.id,
          text: c.label,
          hint: { text: d.descriptors[c.id] },
          checked: values?.answers.ratings?.[d.id] === c.id,
        })),
      })),
    };
  }
  const ticked = new Set(values?.answers.items ?? []);
  return {
    kind: 'checklist',
    guidance,
    groups: tool.groups.map((g) => ({
      id: g.id,
      label: g.label,
      intro: g.intro ?? null,
      cite: g.clause,
      items: g.items.map((i) => ({ value: i.id, text: i.text, checked: ticked.has(i.id) })),
    })),
    noneOption: tool.noneOption ? { label: tool.noneOption.label, checked: values?.answers.none === true } : null,
  };
}

function factItems(pack: Pack, values: ScreeningFormValues | null, defaults: Record<string, boolean | null>) {
  return pack.facts.map((f) => {
    const v = values ? values.facts[f] : defaults[f];
    return {
      name: `fact-${f}`,
      question: FACTS[f].question,
      items: [
        { value: 'yes', text: 'Yes', checked: v === true },
        { value: 'no', text: 'No', checked: v === false },
        { value: 'not-known', text: 'Not known', checked: v === null },
      ],
    };
  });
}

export default async function screeningRoutes(app: FastifyInstance, { db }: AppDeps) {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: ScreeningFormValues | null,
    extra: Record<string, unknown> = {},
  ) {
    const actor = actorOf(request);
    const { id, childId } = request.params as { id: string; childId: string };
    const page = await screeningService.screeningPage(db, actor, id, childId);
    const requested = values?.toolId ?? queryOf(request.query).tool ?? page.pack.primaryTool;
    const entry =
      page.tools.find((t) => t.tool.id === requested && t.allowed) ??
      page.tools.find((t) => t.tool.id === page.pack.primaryTool)!;
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
        .filter((t) => t.tool.id !== entry.tool.id)
        .map((t) => ({
          id: t.tool.id,
          name: t.tool.name,
          allowed: t.allowed,
          needs: t.needs,
          href: `${paths.screening.start(id, childId)}?tool=${t.tool.id}`,
        })),
      facts: factItems(page.pack, values, defaults),
      history: page.history.map((s) => ({ ...s, href: paths.screening.show(s.id) })),
      ...extra,
    });
  }

  app.get('/incidents/:id/screening/:childId', { config: { action: 'screening.suggest' } }, (request, reply) =>
    renderForm(request, reply, null),
  );

  app.post('/incidents/:id/screening/:childId', { config: { action: 'screening.suggest' } }, async (request, reply) => {
    const actor = actorOf(request);
    const { id, childId } = request.params as { id: string; childId: string };
    const body = request.body as Body;
    // The child's pack: recordAnswers refuses a child outside the actor's authority.
    const pack = screeningService.packFor(actor.user.authorityId);
    const tool =
      pack.tools.find((t) => t.id === str(body, 'tool')) ?? pack.tools.find((t) => t.id === pack.primaryTool)!;
    const values = readScreeningForm(body, pack, tool);
    try {
      const screeningId = await screeningService.recordAnswers(db, actor, id, childId, values);
      return reply.redirect(paths.screening.show(screeningId), 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const errors = errorView(
        err.errors.map((e) => ({ field: e.field, message: e.message, href: errorHref(e.field, tool) })),
      );
      return renderForm(request, reply.code(400), values, { errors });
    }
  });

  async function renderScreening(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: { level: string; rationale: string }; errors?: unknown } = {},
  ) {
    const actor = actorOf(request);
    const { id } = request.params as { id: string };
    const v = await screeningService.viewScreening(db, actor, id);
    const s = v.screening;
    const referral = referralService.referralsForScreeningPage(db, s, v.incident);
    const chosen = extra.values?.level ?? s.suggestedLevel;
    // Without JavaScript, the next steps for another level are a link away (?preview=level).
    const asked = queryOf(request.query).preview;
    const previewLevel =
      s.status === 'decided'
        ? (s.decidedLevel ?? s.suggestedLevel)
        : v.pack.levels.some((l) => l.id === asked)
          ? asked!
          : chosen;
    return reply.page('pages/screening/show.njk', {
      pageTitle:
        s.status === 'decided'
          ? `Level of concern: ${v.child.firstName} ${v.child.lastName}`
          : `Suggested level of concern: ${v.child.firstName} ${v.child.lastName}`,
      backLink: paths.screening.start(s.incidentId, s.childId),
      s,
      child: v.child,
      pack: v.pack,
      today: londonToday(),
      toolName: v.tool?.name ?? s.toolId,
      suggested: v.suggestedLevel,
      scaleLabel: SCALE_LABELS[s.suggestedScale as keyof typeof SCALE_LABELS] ?? s.suggestedScale,
      readsAs: v.readsAs,
      facts: Object.entries(s.facts).map(([k, val]) => ({
        text: FACTS[k as keyof typeof FACTS]?.short ?? k,
        value: val === null ? 'Not known' : val ? 'Yes' : 'No',
      })),
      unknowns: v.ifKnown(previewLevel),
      ageRows: ageSummary(v.ages),
      ageNotes: v.ages.notes,
      preview: v.previewFor(previewLevel),
      previewLabel: v.pack.levels.find((l) => l.id === previewLevel)?.label ?? previewLevel,
      previewLinks: v.pack.levels
        .filter((l) => l.id !== previewLevel)
        .map((l) => ({ text: l.label, href: `${paths.screening.show(s.id)}?preview=${l.id}#next-steps` })),
      levelItems: v.pack.levels.map((l) => ({
        value: l.id,
        text: l.label,
        hint: { text: `${l.id === s.suggestedLevel ? 'Suggested. ' : ''}${l.description}` },
        checked: l.id === chosen,
      })),
      values: extra.values ?? { level: s.suggestedLevel, rationale: '' },
      tasks: v.tasks.map((t) => taskRow(t, londonToday())),
      errors: extra.errors,
      referral: await referral,
      can: v.can,
    });
  }

  app.get('/screenings/:id', { config: { action: 'screening.view' } }, (request, reply) =>
    renderScreening(request, reply),
  );

  app.post('/screenings/:id/decision', { config: { action: 'screening.decide' } }, async (request, reply) => {
    const actor = actorOf(request);
    const { id } = request.params as { id: string };
    const body = request.body as Body;
    const values = { level: str(body, 'level'), rationale: str(body, 'rationale') };
    try {
      const result = await screeningService.decide(db, actor, id, {
        levelId: values.level,
        rationale: values.rationale,
      });
      request.session.flash = {
        title: 'Level of concern decided',
        text: `${result.created} new task${result.created === 1 ? '' : 's'} added.${result.superseded ? ` ${result.superseded} earlier task${result.superseded === 1 ? ' is' : 's are'} no longer needed.` : ''}`,
      };
      return reply.redirect(paths.screening.show(id), 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderScreening(request, reply.code(400), { values, errors: errorView(err.errors) });
    }
  });
}
