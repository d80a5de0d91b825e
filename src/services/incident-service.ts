// Recording an incident on the Sexual Behaviour Recording Form (R-NYO-11, R-X-8): a draft
// only its author sees, saved section by section, then submitted; on submission each child's
// chronology gets the incident from their own side (R-X-1, R-X-9).
import { may } from '../domain/actions.ts';
import {
  type AnswerValue,
  answerInWords,
  CHILD_ROLE_LABELS,
  type ChildRole,
  childPartProblems,
  type IncidentListField,
  type IncidentTextField,
  SECTIONS,
  type SectionDef,
  submitProblems,
} from '../domain/recording-form.ts';
import { CASE_ROLES } from '../domain/roles.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as incidents from '../repositories/incidents.ts';
import * as screenings from '../repositories/screenings.ts';
import { authorizeChild, notFound, requireAction, sightOf, subjectOf } from './access.ts';
import type { Actor, Db } from './actor.ts';
import { auditRefusal, auditView, auditedChange } from './audited-change.ts';
import { isUuid, requireRole } from './context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

/** The person's own drafts, to carry on with: when the incident happened and when last saved (no child named). */
export async function myDrafts(
  db: Db,
  actor: Actor,
): Promise<{ id: string; occurredAt: Date | null; updatedAt: Date }[]> {
  await requireRole(db, actor, CASE_ROLES, 'incident.drafts');
  const rows = await incidents.listDrafts(db, actor.user.id);
  if (rows.length) {
    await auditView(db, actor, {
      action: 'incident.drafts',
      entityType: 'list',
      entityId: actor.user.id,
      details: { shown: rows.map((row) => row.id) },
    });
  }
  return rows.map((row) => ({ id: row.id, occurredAt: row.occurred_at, updatedAt: row.updated_at }));
}

export async function startDraft(db: Db, actor: Actor): Promise<string> {
  await requireRole(db, actor, CASE_ROLES, 'incident.create');
  const role = [actor.user.jobTitle, actor.user.agency].filter(Boolean).join(', ');
  return auditedChange(
    db,
    actor,
    (id: string) => ({ action: 'incident.create', entityType: 'incident', entityId: id }),
    (trx) =>
      incidents.insertDraftIncident(trx, {
        authorityId: actor.user.authorityId,
        createdBy: actor.user.id,
        completedByName: actor.user.displayName,
        completedByRole: role,
      }),
  );
}

/** The incident, when the actor wrote it and may still edit their own; anyone else gets a 404, audited as `action`. */
async function authorsIncident(db: Db, actor: Actor, id: string, action: string): Promise<incidents.Incident> {
  const inc = isUuid(id) ? await incidents.findIncident(db, id) : undefined;
  if (!inc || inc.createdBy !== actor.user.id || inc.authorityId !== actor.user.authorityId) {
    return notFound(db, actor, action, 'incident', id, inc ? 'not_author' : 'not_found');
  }
  await requireAction(db, actor, 'incident.edit', subjectOf(actor, [], ['author']), {
    entityType: 'incident',
    entityId: id,
    auditAs: action,
  });
  return inc;
}

/**
 * A draft is its author's alone until submitted. Anyone else gets a 404, audited. Pages that show
 * a draft also show a submitted incident to its author (they redirect to it); changes need a draft.
 */
export async function getDraft(db: Db, actor: Actor, id: string, action = 'incident.edit') {
  const inc = await authorsIncident(db, actor, id, action);
  await auditView(db, actor, {
    action: 'incident.draft_view',
    entityType: 'incident',
    entityId: id,
    details: { children: inc.children.map((linked) => linked.childId) },
  });
  return inc;
}

declare const checkedEditable: unique symbol;

/** A draft editableDraft has checked its author may change: what a change to it is made on. */
export type EditableDraft = incidents.Incident & { readonly [checkedEditable]: true };

/**
 * The author's draft, to change: a submitted incident is locked (a correction is a new version
 * with a reason, never an edit in place), so its children cannot be added, removed or re-roled.
 */
export async function editableDraft(db: Db, actor: Actor, id: string, action: string): Promise<EditableDraft> {
  const inc = await authorsIncident(db, actor, id, action);
  if (inc.status !== 'draft') {
    await auditRefusal(db, actor, action, 'incident', id, 'submitted_incident_locked');
    throw new ForbiddenError('A submitted incident cannot be changed');
  }
  return inc as EditableDraft;
}

function describeValue(section: SectionDef, field: string, value: AnswerValue): string {
  return answerInWords(section, field, value) || 'Not recorded';
}

/**
 * Saves one section of the draft. `draft` is the draft the page already checked with
 * editableDraft (so it is loaded once), or its id to check here.
 */
export async function saveSection(
  db: Db,
  actor: Actor,
  draft: EditableDraft | string,
  version: number,
  section: SectionDef,
  changes: incidents.IncidentChanges,
) {
  const { id } = typeof draft === 'string' ? await editableDraft(db, actor, draft, 'incident.edit') : draft;
  const event = {
    action: 'incident.update',
    entityType: 'incident',
    entityId: id,
    details: { section: section.slug, fields: Object.keys(changes) },
  };
  await auditedChange(db, actor, event, async (trx) => {
    const ok = await incidents.updateIncident(trx, id, version, actor.user.id, changes);
    if (ok) return;
    const current = await incidents.findIncident(trx, id);
    const differences = Object.entries(changes)
      .map(([field, yours]) => {
        const saved =
          field === 'occurred_at'
            ? current?.occurredAt
            : (current?.text[field as IncidentTextField] ?? current?.lists[field as IncidentListField]);
        const label = section.fields.find((formField) => formField.name === field)?.label ?? field;
        return { label, saved: describeValue(section, field, saved), yours: describeValue(section, field, yours) };
      })
      .filter((difference) => difference.saved !== difference.yours);
    throw new ConflictError(current?.updatedByName ?? null, current?.updatedAt ?? null, differences);
  });
}

/** Links a child the author works with to their draft, with the child's part and own words (R-X-8); refused first, then checked. */
export async function linkChild(
  db: Db,
  actor: Actor,
  id: string,
  part: { childId: string; role: string; ownWords: string },
) {
  const draft = await editableDraft(db, actor, id, 'incident.edit');
  await authorizeChild(db, actor, part.childId, 'incident.link_child', { relations: ['author'] });
  const problems = childPartProblems(part);
  if (problems.length) throw new ValidationError(problems);
  const role = part.role as ChildRole;
  const child = await children.findChild(db, part.childId);
  if (!child) throw new NotFoundError();
  await auditedChange(
    db,
    actor,
    { action: 'incident.link_child', entityType: 'incident', entityId: id, details: { childId: part.childId, role } },
    async (trx) => {
      await incidents.upsertIncidentChild(trx, {
        incidentId: id,
        childId: part.childId,
        role,
        ownWords: part.ownWords.trim(),
      });
      await incidents.bumpIncidentVersion(trx, id, draft.version, actor.user.id);
    },
  );
}

export async function unlinkChild(db: Db, actor: Actor, id: string, childId: string) {
  const draft = await editableDraft(db, actor, id, 'incident.edit');
  if (!draft.children.some((linked) => linked.childId === childId)) throw new NotFoundError();
  await auditedChange(
    db,
    actor,
    { action: 'incident.unlink_child', entityType: 'incident', entityId: id, details: { childId } },
    async (trx) => {
      await incidents.removeIncidentChild(trx, id, childId);
      await incidents.bumpIncidentVersion(trx, id, draft.version, actor.user.id);
    },
  );
}

export async function submit(db: Db, actor: Actor, id: string, version: number) {
  const draft = await editableDraft(db, actor, id, 'incident.submit');
  const problems = submitProblems({ occurredAt: draft.occurredAt, values: draft.text, children: draft.children });
  if (problems.length)
    throw new ValidationError(problems.map((problem) => ({ field: problem.field, message: problem.message })));
  const event = {
    action: 'incident.submit',
    entityType: 'incident',
    entityId: id,
    details: { children: draft.children.map((linked) => linked.childId) },
  };
  await auditedChange(db, actor, event, async (trx) => {
    if (!(await incidents.markSubmitted(trx, id, version, actor.user.id))) {
      throw new ConflictError(draft.updatedByName, draft.updatedAt, []);
    }
    const occurredAt = draft.occurredAt ?? new Date();
    for (const linked of draft.children) {
      const others = draft.children.filter((other) => other.childId !== linked.childId);
      const othersText = others.length
        ? ` Other children: ${others.map((other) => CHILD_ROLE_LABELS[other.role].toLowerCase()).join('; ')}.`
        : '';
      await addChronologyEntry(trx, {
        childId: linked.childId,
        occurredAt,
        recordedBy: actor.user.id,
        kind: 'incident',
        summary: `Incident recorded. This child: ${CHILD_ROLE_LABELS[linked.role].toLowerCase()}.${othersText}`,
        incidentId: id,
      });
    }
    await children.recordIncidentOnChildren(
      trx,
      draft.children.map((linked) => linked.childId),
      occurredAt,
    );
    // A new incident reopens a closed case: there is something to respond to again.
    for (const childId of await children.reopenClosed(
      trx,
      draft.children.map((linked) => linked.childId),
      actor.user.id,
    )) {
      await addChronologyEntry(trx, {
        childId,
        occurredAt: new Date(),
        recordedBy: actor.user.id,
        kind: 'case_status',
        summary: 'Case reopened: a new incident was recorded.',
        incidentId: id,
      });
    }
  });
}

/**
 * A submitted incident is visible to its author and to anyone who may see at least one of
 * the children it links. Children the viewer may not see are shown by role only (R-X-1).
 */
export async function viewIncident(db: Db, actor: Actor, id: string) {
  const inc = isUuid(id) ? await incidents.findIncident(db, id) : undefined;
  const refuse = async (reason: string) => {
    await auditRefusal(db, actor, 'incident.view', 'incident', id.slice(0, 64), reason);
    return new NotFoundError();
  };
  if (!inc || inc.authorityId !== actor.user.authorityId) throw await refuse('not_found');
  if (inc.status === 'draft' && inc.createdBy !== actor.user.id) throw await refuse('draft_of_another_user');
  const { bases, visible } = await sightOf(
    db,
    actor,
    inc.children.map((linked) => linked.childId),
  );
  const isAuthor = inc.createdBy === actor.user.id;
  const allBases = [...bases.values()].flat();
  if (!may('incident.view', subjectOf(actor, allBases, isAuthor ? ['author'] : [])).allowed)
    throw await refuse('no_need_to_know');
  await auditView(db, actor, {
    action: 'incident.view',
    entityType: 'incident',
    entityId: id,
    details: {
      shown: inc.children.filter((linked) => visible.has(linked.childId)).map((linked) => linked.childId),
    },
  });
  // The latest screening of each child who displayed the behaviour, where the viewer may see them.
  const screened = new Map<string, screenings.Screening | undefined>();
  for (const linked of inc.children) {
    if (linked.role === 'displayed' && visible.has(linked.childId))
      screened.set(linked.childId, (await screenings.screeningsFor(db, id, linked.childId))[0]);
  }
  return {
    incident: inc,
    children: inc.children.map((linked) =>
      visible.has(linked.childId)
        ? { ...linked, visible: true as const, screening: screened.get(linked.childId) ?? null }
        : { childId: linked.childId, role: linked.role, visible: false as const, screening: null },
    ),
  };
}

export { SECTIONS };
