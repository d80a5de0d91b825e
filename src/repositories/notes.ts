// Case notes: each on one child's record, kept as written (issue 15).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { NoteKind } from '../domain/notes.ts';

export interface CaseNote {
  id: string;
  authorityId: string;
  childId: string;
  kind: NoteKind;
  happenedOn: string;
  present: string;
  words: string;
  writtenBy: string;
  writtenByName: string;
  writtenAt: Date;
  /** The manager's role as they signed a management oversight note; null on other kinds. */
  signedRole: string | null;
  /** Where the child was touched or injured, as body map regions (issue 15). */
  bodyRegions: string[];
}

function notesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('case_notes as n')
    .innerJoin('users as u', 'u.id', 'n.written_by')
    .selectAll('n')
    .select('u.display_name as written_by_name');
}

type NoteRow = Awaited<ReturnType<ReturnType<typeof notesQuery>['executeTakeFirstOrThrow']>>;

function toNote(row: NoteRow): CaseNote {
  return {
    id: row.id,
    authorityId: row.authority_id,
    childId: row.child_id,
    kind: row.kind,
    happenedOn: row.happened_on,
    present: row.present,
    words: row.words,
    writtenBy: row.written_by,
    writtenByName: row.written_by_name,
    writtenAt: row.written_at,
    signedRole: row.signed_role,
    bodyRegions: row.body_regions,
  };
}

export async function insertNote(
  db: Kysely<Database>,
  note: Omit<CaseNote, 'id' | 'writtenByName' | 'writtenAt'>,
): Promise<string> {
  const { id } = await db
    .insertInto('case_notes')
    .values({
      authority_id: note.authorityId,
      child_id: note.childId,
      kind: note.kind,
      happened_on: note.happenedOn,
      present: note.present,
      words: note.words,
      written_by: note.writtenBy,
      signed_role: note.signedRole,
      body_regions: note.bodyRegions,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A child's notes, the most recent first (by the day it happened, then when written). */
export async function notesForChild(db: Kysely<Database>, childId: string): Promise<CaseNote[]> {
  const rows = await notesQuery(db)
    .where('n.child_id', '=', childId)
    .orderBy('n.happened_on', 'desc')
    .orderBy('n.written_at', 'desc')
    .execute();
  return rows.map(toNote);
}

export async function findNote(db: Kysely<Database>, id: string): Promise<CaseNote | undefined> {
  const row = await notesQuery(db).where('n.id', '=', id).executeTakeFirst();
  return row && toNote(row);
}
