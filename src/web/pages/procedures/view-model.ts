// How the procedure pages read: the packs with their review dates in words (and which is the
// viewer's own), and one pack in plain English: its levels beside the other authorities', the
// questions asked when screening, the age notes, meetings and next steps with their conditions in
// words, the AIM Pathway Panel's referrers, the sections cited and the local settings. Pure: the
// packs are data, read by the route.
import { formatDate } from '../../../domain/london-time.ts';
import { OUTCOMES } from '../../../domain/meeting-outcomes.ts';
import { FACTS, type Pack } from '../../../domain/pack.ts';
import { conditionText, localSettings, sectionUses } from '../../../domain/pack-text.ts';
import { REFERRING_SERVICES } from '../../../domain/panel.ts';
import { TRAINING_LABELS } from '../../../domain/roles.ts';
import { SCALE, SCALE_LABELS, type ScaleLevel } from '../../../domain/scale.ts';
import { dueRuleText, ownerLabel } from '../../../domain/screening.ts';
import { paths } from '../../paths.ts';
import { monthsText } from '../../../domain/panel.ts';

/** The packs, each linking to its page, with its review date in words and whether it has passed. */
export function procedureListModel(packs: readonly Pack[], today: string, authorityId: string | undefined) {
  return {
    pageTitle: 'Procedures',
    packs: packs.map((pack) => ({
      id: pack.id,
      authority: pack.authority,
      href: paths.procedures.show(pack.id),
      yours: pack.id === authorityId,
      version: pack.version,
      reviewDateText: formatDate(pack.reviewDate),
      overdue: pack.reviewDate < today,
    })),
  };
}

/** One pack's page; `others` are the other packs, whose levels are shown beside this one's. */
export function procedureModel(pack: Pack, others: readonly Pack[], today: string) {
  const levelFor = (of: Pack, scale: ScaleLevel) =>
    of.levels.find((level) => level.covers.includes(scale))?.label ?? '';
  return {
    pageTitle: `${pack.authority}: procedure`,
    backLink: paths.procedures.list(),
    pack,
    effectiveFromText: formatDate(pack.effectiveFrom),
    reviewDateText: formatDate(pack.reviewDate),
    reviewOverdue: pack.reviewDate < today,
    scaleRows: SCALE.map((scale) => ({
      scale: SCALE_LABELS[scale],
      here: levelFor(pack, scale),
      others: others.map((other) => levelFor(other, scale)),
    })),
    otherNames: others.map((other) => other.authority),
    facts: pack.facts.map((fact) => FACTS[fact].question),
    // The plans the procedure names, each on a child's own record, with what each must address (issue 14).
    plans: pack.plans.map((kind) => ({
      ...kind,
      whose:
        kind.forChild === 'displayed'
          ? 'On the record of the child who harmed'
          : kind.forChild === 'harmed'
            ? 'On the record of the child harmed'
            : 'On the record of either child',
      reviewText: `Reviewed at least every ${monthsText(kind.review.months)}`,
    })),
    notes: pack.ageRules.notes.map((note) => ({ ...note, whenText: conditionText(note.when, pack) })),
    meetings: pack.meetings.map((meeting) => ({
      ...meeting,
      invitees: meeting.invitees.map((invitee) => ({
        ...invitee,
        whenText: invitee.when ? conditionText(invitee.when, pack) : null,
        informText: invitee.informWhen ? conditionText(invitee.informWhen, pack) : null,
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
  };
}
