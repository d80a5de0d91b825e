// Procedure pack rules in plain English, so a manager can check the software against the
// written procedure (the procedures page).
import { parseClause, sectionAnchor } from './citation.ts';
import { type Condition, FACTS, type Pack } from './pack.ts';

export function conditionText(c: Condition, pack: Pack): string {
  const levelLabel = (id: string) => pack.levels.find((l) => l.id === id)?.label ?? id;
  if ('level' in c) {
    const labels = c.level.map(levelLabel);
    return labels.length === 1
      ? `the level is ${labels[0]}`
      : `the level is ${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
  }
  if ('fact' in c) return FACTS[c.fact].short.toLowerCase();
  if ('notFact' in c) return `not: ${FACTS[c.notFact].short.toLowerCase()}`;
  if ('ageAtLeast' in c) return `aged ${c.ageAtLeast} or over`;
  if ('ageBelow' in c) return `aged under ${c.ageBelow}`;
  if ('stageBelow' in c) return `under ${c.stageBelow} in age or developmental stage`;
  if ('stageAtLeast' in c) return `${c.stageAtLeast} or over in age and developmental stage`;
  if ('approaching18' in c) return `within ${pack.ageRules.approaching18Months} months of 18`;
  if ('sex' in c) return `the child is ${c.sex}`;
  if ('learningDisability' in c) return 'a developmental age below the child’s age is recorded';
  if ('aimRequested' in c) return 'an AIM assessment has been requested';
  if ('lookedAfter' in c) return 'the child is looked after';
  if ('all' in c) return c.all.map((x) => conditionText(x, pack)).join(', and ');
  if ('any' in c) return `either ${c.any.map((x) => conditionText(x, pack)).join(', or ')}`;
  return `not (${conditionText(c.not, pack)})`;
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
  const visit = (v: unknown, context: string) => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, context));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const label = USE_LABEL_KEYS.map((k) => o[k]).find((x): x is string => typeof x === 'string');
    const here = label ?? context;
    for (const [clauseKey, requirementKey] of [
      ['clause', 'requirement'],
      ['decisionClause', 'decisionRequirement'],
    ] as const) {
      const clause = o[clauseKey];
      const requirement = o[requirementKey];
      if (typeof clause !== 'string' || typeof requirement !== 'string') continue;
      const parsed = parseClause(clause);
      for (const p of parsed?.packParts ?? []) {
        if (p.packId !== pack.id) continue;
        if (p.localSetting) localUses.set(here, requirement);
        for (const ref of p.refs) {
          const uses = bySection.get(ref) ?? new Map<string, string>();
          uses.set(here, requirement);
          bySection.set(ref, uses);
        }
      }
    }
    for (const [k, x] of Object.entries(o)) if (x && typeof x === 'object') visit(x, label ?? k);
  };
  visit(pack, pack.title);
  return pack.sections
    .filter((s) => bySection.has(s.ref))
    .map((s) => ({
      ref: s.ref,
      title: s.title,
      anchor: sectionAnchor(s.ref),
      uses: [...bySection.get(s.ref)!].map(([what, requirement]) => ({ what, requirement })),
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
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o['clause'] === 'string' && parseClause(o['clause'])?.packParts.some((p) => p.localSetting)) {
      const label = USE_LABEL_KEYS.map((k) => o[k]).find((x): x is string => typeof x === 'string');
      rows.push({ what: label ?? 'A rule', value: 'Set locally: the procedure does not say.' });
    }
    for (const x of Object.values(o)) if (x && typeof x === 'object') visit(x);
  };
  visit(
    pack.meetings.map((m) => ({
      ...m,
      crossAuthority: m.crossAuthority
        ? { ...m.crossAuthority, label: `${m.label}: who chairs when the children belong to different authorities` }
        : undefined,
    })),
  );
  return rows;
}
