// How the recording form's pages read: the answers in words, the steps in order, each child's
// part, and the problems that stop a submission with a link to where each is put right. Pure:
// the service has already found the draft, checked it is the author's, and which children the
// viewer may see.
import { ageOn, isoDate } from '../../../domain/age.ts';
import {
  CHILD_ROLE_LABELS,
  CHILD_ROLES,
  answerInWords,
  type IncidentListField,
  type IncidentTextField,
  SECTIONS,
  type SectionDef,
  submitProblems,
} from '../../../domain/recording-form.ts';
import { IMAGE_GUIDANCE_SOURCE, showsImageGuidance } from '../../../domain/image-guidance.ts';
import { formatDateTime } from '../../../domain/london-time.ts';
import type { searchChildrenToLink } from '../../../services/child-service.ts';
import type * as correctionService from '../../../services/incident-correction-service.ts';
import type { CorrectionEntry } from '../../../services/incident-correction-service.ts';
import type * as incidentService from '../../../services/incident-service.ts';
import { paths } from '../../paths.ts';
import { type Incident, type SectionValues, maxLength } from './schema.ts';

export type { Incident };
/** An incident and the children in it, as the viewer may see them. */
export type IncidentView = Awaited<ReturnType<typeof incidentService.viewIncident>>;
/** A child linked to the incident. */
export type LinkedChild = Incident['children'][number];
/** A child found by the search on the children page. */
export type ChildToLink = Awaited<ReturnType<typeof searchChildrenToLink>>[number];

/** Every step of the form: the children, each section, then checking the answers. */
export const STEPS = SECTIONS.length + 2;

export const roleItems = (selected = '') =>
  CHILD_ROLES.map((role) => ({ value: role, text: CHILD_ROLE_LABELS[role], checked: role === selected }));

/** The page after `slug` (the children page or a section): the next section, else checking the answers. */
export function nextAfter(slug: string, id: string): string {
  if (slug === 'children') return paths.incidents.section(id, SECTIONS[0]!.slug);
  const index = SECTIONS.findIndex((section) => section.slug === slug);
  const next = SECTIONS[index + 1];
  return next ? paths.incidents.section(id, next.slug) : paths.incidents.check(id);
}

/** One answer in words: the date and time, the options' texts, or what was typed. */
export function answerText(section: SectionDef, inc: Incident, name: string): string {
  const field = section.fields.find((candidate) => candidate.name === name);
  if (!field) return '';
  const value =
    field.kind === 'datetime'
      ? inc.occurredAt
      : field.kind === 'checkboxes'
        ? inc.lists[name as IncidentListField]
        : inc.text[name as IncidentTextField];
  return answerInWords(section, name, value);
}

/** Every section's answers, the fields shown only for an answer left out when it was not given. */
export function summaryFor(inc: Incident, withChangeLinks: boolean) {
  return SECTIONS.map((section) => ({
    slug: section.slug,
    title: section.title,
    changeHref: withChangeLinks ? `${paths.incidents.section(inc.id, section.slug)}?returnTo=check` : null,
    rows: section.fields
      .filter(
        (field) => !field.showWhen || inc.text[field.showWhen.field as IncidentTextField] === field.showWhen.value,
      )
      .map((field) => ({
        label: field.label.replace(/\s*\(optional\)$/, ''),
        value: answerText(section, inc, field.name),
        name: field.name,
      })),
  }));
}

const withRoleText = <C extends { role: LinkedChild['role'] }>(child: C) => ({
  ...child,
  roleText: CHILD_ROLE_LABELS[child.role],
});

/** What the viewer may do to correct a submitted incident, and the corrections made so far (issue 15). */
export interface CorrectionsView {
  rights: { correct: boolean; relink: boolean };
  corrections: readonly CorrectionEntry[];
}

/** Version 1 as submitted, then one version for each correction, the last being the incident as it is now. */
export function versionRows(corrections: readonly CorrectionEntry[]) {
  return [
    { number: 1, current: corrections.length === 0 },
    ...corrections.map((correction, index) => ({
      ...correction,
      number: correction.version,
      current: index === corrections.length - 1,
    })),
  ];
}

/** A submitted incident: each child's part and age on the day (where the viewer may see them), the answers, and its versions. */
export function incidentModel(view: IncidentView, corrections: CorrectionsView = NO_CORRECTIONS) {
  const inc = view.incident;
  const when = inc.occurredAt ? isoDate(inc.occurredAt) : null;
  return {
    pageTitle: `Incident on ${formatDateTime(inc.occurredAt)}`,
    incident: inc,
    children: view.children.map((child) => ({
      ...withRoleText(child),
      age: child.visible && when ? ageOn(child.dateOfBirth, when) : null,
    })),
    sections: summaryFor(inc, false).map((section) =>
      corrections.rights.correct
        ? { ...section, changeHref: paths.incidents.correct(inc.id, section.slug), changeText: 'Correct' }
        : section,
    ),
    rights: corrections.rights,
    versions: versionRows(corrections.corrections),
    ...imageGuidanceFor(inc),
  };
}

const NO_CORRECTIONS: CorrectionsView = { rights: { correct: false, relink: false }, corrections: [] };

/** An earlier version of a submitted incident, as it stood before a correction. */
export function versionModel(view: Awaited<ReturnType<typeof correctionService.incidentVersion>>) {
  const inc = view.incident;
  return {
    pageTitle: `Incident on ${formatDateTime(inc.occurredAt)}`,
    incident: inc,
    version: view.version,
    replacedAt: view.replacedAt,
    replacedByName: view.replacedByName,
    reason: view.reason,
    partText: view.partText,
    children: view.children.map(withRoleText),
    sections: summaryFor(inc, false),
    backLink: `${paths.incidents.show(inc.id)}#versions`,
  };
}

/** Online or technology-assisted (R-THU-6): the national guidance on images, labelled as national guidance. */
function imageGuidanceFor(inc: Incident) {
  return { imageGuidance: showsImageGuidance(inc.text), imageGuidanceSource: IMAGE_GUIDANCE_SOURCE };
}

/** The children page of a draft: those linked, and the search's results not yet linked. */
export function childrenModel(inc: Incident, search: string, found: readonly ChildToLink[] | null) {
  const linked = new Set(inc.children.map((child) => child.childId));
  return {
    pageTitle: 'Which children were involved?',
    steps: STEPS,
    incident: inc,
    linked: inc.children.map(withRoleText),
    q: search,
    results: found ? found.filter((match) => !linked.has(match.id)) : null,
    roleItems: roleItems(),
    next: nextAfter('children', inc.id),
  };
}

/** One linked child's part in the incident and their own words. */
export function childPartModel(inc: Incident, child: LinkedChild, ownWordsMax: number) {
  return {
    pageTitle: `${child.firstName} ${child.lastName}: part in the incident`,
    incident: inc,
    child,
    values: { role: child.role, ownWords: child.ownWords },
    ownWordsMax,
    roleItems: roleItems(),
    backLink: paths.incidents.children(inc.id),
  };
}

/** Checking the answers: every section, and what must be put right before submitting, each linked to its field. */
export function checkModel(inc: Incident) {
  const problems = submitProblems({ occurredAt: inc.occurredAt, values: inc.text, children: inc.children });
  return {
    pageTitle: 'Check the recording form before you submit it',
    steps: STEPS,
    incident: inc,
    children: inc.children.map(withRoleText),
    sections: summaryFor(inc, true),
    ...imageGuidanceFor(inc),
    problems: problems.map((problem) => ({
      ...problem,
      href:
        problem.section === 'children'
          ? paths.incidents.children(inc.id)
          : `${paths.incidents.section(inc.id, problem.section)}?returnTo=check#${problem.field === 'occurred_at' ? 'occurred_at-day' : problem.field}`,
    })),
  };
}

/** A section of the form: its fields with what was typed, the step it is, and where Back goes. */
export function sectionModel(inc: Incident, section: SectionDef, values: SectionValues, returnTo: string) {
  const index = SECTIONS.indexOf(section);
  return {
    pageTitle: section.title,
    incident: inc,
    section,
    maxLengths: Object.fromEntries(section.fields.map((field) => [field.name, maxLength(field)])),
    values,
    returnTo,
    imageGuidanceSource: IMAGE_GUIDANCE_SOURCE,
    step: index + 2,
    steps: STEPS,
    backLink:
      returnTo === 'check'
        ? paths.incidents.check(inc.id)
        : index === 0
          ? paths.incidents.children(inc.id)
          : paths.incidents.section(inc.id, SECTIONS[index - 1]!.slug),
  };
}

/** The children of a submitted incident, for a manager correcting who it links, and the search for one left out. */
export function correctChildrenModel(
  inc: Incident,
  visible: ReadonlySet<string>,
  search: string,
  found: readonly ChildToLink[] | null,
) {
  const linked = new Set(inc.children.map((child) => child.childId));
  return {
    pageTitle: 'Correct the children involved',
    backLink: paths.incidents.show(inc.id),
    incident: inc,
    children: inc.children.map((child) =>
      visible.has(child.childId)
        ? { ...withRoleText(child), visible: true }
        : { childId: child.childId, roleText: CHILD_ROLE_LABELS[child.role], visible: false },
    ),
    q: search,
    results: found ? found.filter((match) => !linked.has(match.id)) : null,
  };
}

/** One child's part, to correct (or, for a child not linked, to add): the parts, with "take off" for a linked child. */
export function correctChildModel(
  found: Awaited<ReturnType<typeof correctionService.childToCorrect>>,
  values: { role: string; ownWords: string; reason: string },
  ownWordsMax: number,
) {
  const name = `${found.child.firstName} ${found.child.lastName}`;
  const current = found.currentRole;
  const items = roleItems(values.role).filter((item) => item.value !== current);
  return {
    pageTitle: current ? `Correct the part of ${name}` : `Add ${name} to the incident`,
    legend: `What was ${name}’s part in the incident?`,
    backLink: paths.incidents.correctChildren(found.inc.id),
    incident: found.inc,
    version: found.inc.version,
    child: found.child,
    currentRoleText: current ? CHILD_ROLE_LABELS[current] : null,
    roleItems: current
      ? [
          ...items,
          { divider: 'or' },
          {
            value: 'remove',
            text: 'Take the child off this incident: they were linked in error',
            checked: values.role === 'remove',
          },
        ]
      : items,
    values,
    ownWordsMax,
  };
}
