// Procedure pack rules in plain English, so a manager can check the software against the
// written procedure (the procedures page).
import { type Condition, FACTS, type Pack } from './pack.ts';

export function conditionText(c: Condition, pack: Pack): string {
  const levelLabel = (id: string) => pack.levels.find((l) => l.id === id)?.label ?? id;
  if ('level' in c) {
    const labels = c.level.map(levelLabel);
    return labels.length === 1 ? `the level is ${labels[0]}` : `the level is ${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
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
