// Each procedure pack in plain English: levels, tools, routing and timescales, each with the
// section of the procedure it comes from (R-X-10), so a manager can check the software against the
// written procedure. The sections cited are listed with what each gives, and the requirement IDs
// engineers use are in a detail section; values the procedure does not give are local settings.
import type { FastifyInstance } from 'fastify';
import { londonToday } from '../../../domain/age.ts';
import { FACTS } from '../../../domain/pack.ts';
import { conditionText, localSettings, sectionUses } from '../../../domain/pack-text.ts';
import { SCALE, SCALE_LABELS } from '../../../domain/scale.ts';
import { dueRuleText, ownerLabel } from '../../../domain/screening.ts';
import { allPacks, getPack } from '../../../procedures/index.ts';
import { OUTCOMES } from '../../../domain/meeting-outcomes.ts';
import { REFERRING_SERVICES } from '../../../domain/panel.ts';
import { TRAINING_LABELS } from '../../../domain/roles.ts';
import { NotFoundError } from '../../../services/context.ts';
import type { AppDeps } from '../../request-context.ts';
import { paths } from '../../paths.ts';

export default function procedureRoutes(app: FastifyInstance, _deps: AppDeps): void {
  app.get('/procedures', { config: { action: 'procedures.view' } }, async (request, reply) => {
    const today = londonToday();
    return reply.page('pages/procedures/list.njk', {
      pageTitle: 'Procedures',
      packs: allPacks().map((pack) => ({
        ...pack,
        overdue: pack.reviewDate < today,
        yours: pack.id === request.actor?.user.authorityId,
      })),
    });
  });

  app.get<{ Params: { id: string } }>(
    '/procedures/:id',
    { config: { action: 'procedures.view' } },
    async (request, reply) => {
      const { id } = request.params;
      const pack = getPack(id);
      if (!pack) throw new NotFoundError();
      const others = allPacks().filter((candidate) => candidate.id !== pack.id);
      return reply.page('pages/procedures/show.njk', {
        pageTitle: `${pack.authority}: procedure`,
        backLink: paths.procedures.list(),
        pack,
        reviewOverdue: pack.reviewDate < londonToday(),
        scaleRows: SCALE.map((scale) => ({
          scale: SCALE_LABELS[scale],
          here: pack.levels.find((level) => level.covers.includes(scale))?.label ?? '',
          others: others.map((other) => other.levels.find((level) => level.covers.includes(scale))?.label ?? ''),
        })),
        otherNames: others.map((other) => other.authority),
        facts: pack.facts.map((fact) => FACTS[fact].question),
        notes: pack.ageRules.notes.map((n) => ({ ...n, whenText: conditionText(n.when, pack) })),
        meetings: pack.meetings.map((meeting) => ({
          ...meeting,
          invitees: meeting.invitees.map((i) => ({
            ...i,
            whenText: i.when ? conditionText(i.when, pack) : null,
            informText: i.informWhen ? conditionText(i.informWhen, pack) : null,
          })),
          outcomeLabels: meeting.outcomes.map((outcome) => OUTCOMES[outcome].label),
        })),
        steps: pack.steps.map((step) => ({
          ...step,
          whenText: conditionText(step.when, pack),
          ownerText: ownerLabel(step.owner),
          dueText: dueRuleText(step),
        })),
        panelReferrers: pack.aimPanel?.referrers.services.map((service) => REFERRING_SERVICES[service]) ?? [],
        panelLeadTraining: pack.aimPanel ? TRAINING_LABELS[pack.aimPanel.lead.training] : null,
        sections: sectionUses(pack),
        localSettings: localSettings(pack),
      });
    },
  );
}
