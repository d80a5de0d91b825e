// How the case note pages read: a child's notes, the newest first, each with its kind, day, who
// was there, who wrote it and (for management oversight) who signed it; one note; the form. Pure.
import { bodyMapPicture, bodyRegionWords } from '../../../domain/body-map.ts';
import { formatDate, formatDateTime } from '../../../domain/london-time.ts';
import { NOTE_KINDS, type NoteInput, type NoteKind } from '../../../domain/notes.ts';
import type { CaseNote } from '../../../repositories/notes.ts';
import { paths } from '../../paths.ts';

/** A note as the pages show it. */
export function noteView(note: CaseNote) {
  return {
    id: note.id,
    href: paths.notes.show(note.id),
    kind: NOTE_KINDS[note.kind],
    happenedOn: formatDate(note.happenedOn),
    present: note.present,
    words: note.words,
    writtenBy: note.writtenByName,
    writtenAt: formatDateTime(note.writtenAt),
    signed: note.signedRole
      ? `Signed by ${note.writtenByName}, ${note.signedRole}, ${formatDateTime(note.writtenAt)}`
      : null,
    /** The body map, when regions were marked: the words, and the picture of them. */
    bodyRegions: bodyRegionWords(note.bodyRegions),
    bodyMap: note.bodyRegions.length ? bodyMapPicture(note.bodyRegions) : null,
  };
}

/** A child's notes page. */
export function notesModel(
  child: { id: string; firstName: string; lastName: string },
  list: readonly CaseNote[],
  canWrite: boolean,
) {
  return {
    pageTitle: `Case notes: ${child.firstName} ${child.lastName}`,
    child,
    notes: list.map(noteView),
    canWrite,
  };
}

/** The form's kinds: management oversight only for those who may sign it. */
export function kindItems(selected: string, mayOversee: boolean) {
  return (Object.keys(NOTE_KINDS) as NoteKind[])
    .filter((kind) => kind !== 'oversight' || mayOversee)
    .map((kind) => ({ value: kind, text: NOTE_KINDS[kind], checked: kind === selected }));
}

/** A new note's values: nothing typed yet. */
export function emptyNote(): NoteInput {
  return { kind: '', happenedOn: { day: '', month: '', year: '' }, present: '', words: '', bodyRegions: [] };
}

/** The form's body map, with the regions ticked so far. */
export function noteBodyMap(values: NoteInput) {
  return bodyMapPicture(values.bodyRegions ?? []);
}
