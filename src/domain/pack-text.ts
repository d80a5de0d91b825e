// Procedure pack rules in plain English, so a manager can check the software against the
// written procedure (the procedures page).
import { parseClause, sectionAnchor } from './citation.ts';
import { type Condition, FACTS, type Pack } from './pack.ts';

export function conditionText(condition: Condition, pack: Pack): string {
  const levelLabel = (id: string) => pack.levels.find((level) => level.id === id)?.label ?? id;
  if ('level' in condition) {
    const labels = condition.level.map(levelLabel);
    return labels.length === 1
      ? `the level is ${labels[0]}`
      : `the level is ${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
  }
  if ('fact' in condition) return FACTS[condition.fact].short.toLowerCase();
  if ('notFact' in condition) return `not: ${FACTS[condition.notFact].short.toLowerCase()}`;
  if ('ageAtLeast' in condition) return `aged ${condition.ageAtLeast} or over`;
  if ('ageBelow' in condition) return `aged under ${condition.ageBelow}`;
  if ('stageBelow' in condition) return `under ${condition.stageBelow} in age or developmental stage`;
  if ('stageAtLeast' in condition) return `${condition.stageAtLeast} or over in age and developmental stage`;
  if ('approaching18' in condition) return `within ${pack.ageRules.approaching18Months} months of 18`;
  if ('sex' in condition) return `the child is ${condition.sex}`;
  if ('learningDisability' in condition) return 'a developmental age below the child’s age is recorded';
  if ('aimRequested' in condition) return 'an AIM assessment has been requested';
  if ('lookedAfter' in condition) return 'the child is looked after';
  if ('all' in condition) return condition.all.map((part) => conditionText(part, pack)).join(', and ');
  if ('any' in condition) return `either ${condition.any.map((part) => conditionText(part, pack)).join(', or ')}`;
  return `not (${conditionText(condition.not, pack)})`;
}

export interface SectionUse {
  ref: string;
  title: string;
  anchor: string;
  /** What the pack takes from the section, in words, with the requirement ID for engineers. */
  uses: { what: string; requirement: string }[];
}

const USE_LABEL_KEYS = ['label', 'title', 'name', 'heading', 'text'] as const;

/** Every section of the pack's document that a rule cites, in the document's order, with what cites it. */
export function sectionUses(pack: Pack): SectionUse[] {
  const bySection = new Map<string, Map<string, string>>();
  const localUses = new Map<string, string>();
  const visit = (value: unknown, context: string) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, context));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const label = USE_LABEL_KEYS.map((key) => record[key]).find((text): text is string => typeof text === 'string');
    const here = label ?? context;
    for (const [clauseKey, requirementKey] of [
      ['clause', 'requirement'],
      ['decisionClause', 'decisionRequirement'],
    ] as const) {
      const clause = record[clauseKey];
      const requirement = record[requirementKey];
      if (typeof clause !== 'string' || typeof requirement !== 'string') continue;
      const parsed = parseClause(clause);
      for (const part of parsed?.packParts ?? []) {
        if (part.packId !== pack.id) continue;
        if (part.localSetting) localUses.set(here, requirement);
        for (const ref of part.refs) {
          const uses = bySection.get(ref) ?? new Map<string, string>();
          uses.set(here, requirement);
          bySection.set(ref, uses);
        }
      }
    }
    for (const [key, child] of Object.entries(record))
      if (child && typeof child === 'object') visit(child, label ?? key);
  };
  visit(pack, pack.title);
  return pack.sections
    .filter((section) => bySection.has(section.ref))
    .map((section) => ({
      ref: section.ref,
      title: section.title,
      anchor: sectionAnchor(section.ref),
      uses: [...bySection.get(section.ref)!].map(([what, requirement]) => ({ what, requirement })),
    }));
}

/** Values the pack's document does not give, which the application sets locally, each labelled. */
export function localSettings(pack: Pack): { what: string; value: string }[] {
  const rows: { what: string; value: string }[] = [
    {
      what: 'How working days are counted',
      value:
        'Weekends and England and Wales bank holidays are left out, with any one-off closures an administrator adds.',
    },
  ];
  if (!pack.inactivityCited)
    rows.push({
      what: 'Open case with no activity flagged after',
      value: `${pack.inactivityWorkingDays} working days, unless an administrator sets another number.`,
    });
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (
      typeof record['clause'] === 'string' &&
      parseClause(record['clause'])?.packParts.some((part) => part.localSetting)
    ) {
      const label = USE_LABEL_KEYS.map((key) => record[key]).find((text): text is string => typeof text === 'string');
      rows.push({ what: label ?? 'A rule', value: 'Set locally: the procedure does not say.' });
    }
    for (const child of Object.values(record)) if (child && typeof child === 'object') visit(child);
  };
  // The timescales of a meeting outcome's next steps that no document gives (R-X-3).
  const timescaleLabels = {
    conference: 'Initial child protection conference after the strategy discussion',
    coreGroup: 'First core group meeting after the conference',
    legalAction: 'Immediate legal action after the meeting',
    followUpMaximum: 'The longest a meeting may set for a follow-up strategy meeting',
  } as const;
  for (const [key, timescale] of Object.entries(pack.outcomeTimescales) as [
    keyof typeof timescaleLabels,
    Pack['outcomeTimescales'][keyof typeof timescaleLabels],
  ][]) {
    if (parseClause(timescale.clause)?.packParts.some((part) => part.localSetting))
      rows.push({
        what: timescaleLabels[key],
        value:
          timescale.workingDays === 0
            ? 'The same day. Set locally: the procedure does not say.'
            : `${timescale.workingDays} working days. Set locally: the procedure does not say.`,
      });
  }
  // The assessor rules a pack keeps where its document does not say (R-NYO-9, R-NYO-10, R-NYO-12).
  visit(pack.assessorRules);
  visit(
    pack.meetings.map((meeting) => ({
      ...meeting,
      crossAuthority: meeting.crossAuthority
        ? {
            ...meeting.crossAuthority,
            label: `${meeting.label}: who chairs when the children belong to different authorities`,
          }
        : undefined,
    })),
  );
  return rows;
}
