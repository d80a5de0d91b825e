// Case notes on a child's record (issue 15): a visit, a call, direct work, a consultation, a
// management oversight note (written and signed by a manager) or a note. Each is about one child
// (R-X-1: seen only by those who may see that child), kept as written, in the chronology; every
// view and note audited.
import { normaliseBodyRegions } from '../domain/body-map.ts';
import { may } from '../domain/actions.ts';
import { londonToday } from '../domain/age.ts';
import { formatDate } from '../domain/london-time.ts';
import { type NoteInput, type NoteKind, noteDate, noteProblems, noteSummary } from '../domain/notes.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as notes from '../repositories/notes.ts';
import { authorizeChild, authorizeChildRecord, subjectOf } from './access.ts';
import { auditView, auditedChange } from './audited-change.ts';
import { type Actor, type Db, NotFoundError, ValidationError } from './context.ts';

export { NOTE_KINDS, NOTE_LIMITS, type NoteInput } from '../domain/notes.ts';

/** A child's notes, the most recent first; `form` is the page to write one, for those who may. */
export async function childNotes(db: Db, actor: Actor, childId: string, page: 'list' | 'form' = 'list') {
  const { bases } = await authorizeChild(db, actor, childId, page === 'form' ? 'note.write' : 'note.view', {
    auditAs: 'note.view',
  });
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const list = page === 'list' ? await notes.notesForChild(db, childId) : [];
  // The form shows the child too: seeing it is a view of their record, audited like the list.
  await auditView(db, actor, { action: 'note.view', entityType: 'child', entityId: childId, details: { page } });
  const subject = subjectOf(actor, bases);
  return {
    child,
    notes: list,
    canWrite: may('note.write', subject).allowed,
    mayOversee: may('note.oversee', subject).allowed,
  };
}

/** One note, on its own page (the chronology links to it). */
export async function viewNote(db: Db, actor: Actor, id: string) {
  const { record: note } = await authorizeChildRecord(db, actor, id, 'note.view', 'case_note', (noteId) =>
    notes.findNote(db, noteId),
  );
  const child = await children.findChild(db, note.childId);
  if (!child) throw new NotFoundError();
  await auditView(db, actor, {
    action: 'note.view',
    entityType: 'case_note',
    entityId: id,
    details: { childId: note.childId },
  });
  return { note, child };
}

/** Writes a note on the child's record: refused first, then every problem with it at once. */
export async function writeNote(db: Db, actor: Actor, childId: string, input: NoteInput): Promise<string> {
  const { bases } = await authorizeChild(db, actor, childId, 'note.write');
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const facts = {
    today: londonToday(),
    bornOn: child.dateOfBirth,
    mayOversee: may('note.oversee', subjectOf(actor, bases)).allowed,
  };
  const problems = noteProblems(input, facts);
  const date = noteDate(input.happenedOn, facts);
  if (problems.length || !('iso' in date)) throw new ValidationError(problems);
  const kind = input.kind as NoteKind;
  const happenedOn = date.iso;
  const present = input.present.trim();
  // A management oversight note is signed by the manager who writes it, with the role they hold.
  const signedRole = kind === 'oversight' ? ROLE_LABELS.team_manager : null;
  const event = (id: string) => ({
    action: kind === 'oversight' ? 'note.oversee' : 'note.write',
    entityType: 'case_note',
    entityId: id,
    details: { childId, kind },
  });
  return auditedChange(db, actor, event, async (trx) => {
    const id = await notes.insertNote(trx, {
      authorityId: child.authorityId,
      childId,
      kind,
      happenedOn,
      present,
      words: input.words.trim(),
      writtenBy: actor.user.id,
      signedRole,
      bodyRegions: normaliseBodyRegions(input.bodyRegions ?? []),
    });
    await addChronologyEntry(trx, {
      childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'note',
      summary: noteSummary(kind, formatDate(happenedOn), present),
      incidentId: null,
      record: { type: 'case_note', id },
    });
    await children.touchChildren(trx, [childId]);
    return id;
  });
}
