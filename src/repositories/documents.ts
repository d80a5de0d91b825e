// Documents on a child's record (issue 15): their details for lists and pages, and their bytes
// read only when one is downloaded. Kept as uploaded, unless removed in error: then the bytes are
// erased and who removed it, when and why are kept with the rest (migration 0030).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { DocumentKind, DocumentType } from '../domain/documents.ts';

export interface ChildDocument {
  id: string;
  authorityId: string;
  childId: string;
  kind: DocumentKind;
  title: string;
  fileName: string;
  contentType: DocumentType;
  sizeBytes: number;
  sha256: string;
  scanResult: 'clean' | 'not_scanned';
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: Date;
  /** Set once the document is removed in error: its bytes are gone. */
  removal: DocumentRemoval | null;
}

export interface DocumentRemoval {
  removedBy: string;
  removedByName: string;
  removedAt: Date;
  reason: string;
}

/** Every column but the bytes: no list or page reads them. */
function documentsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('documents as d')
    .innerJoin('users as u', 'u.id', 'd.uploaded_by')
    .leftJoin('users as r', 'r.id', 'd.removed_by')
    .select([
      'd.id',
      'd.authority_id',
      'd.child_id',
      'd.kind',
      'd.title',
      'd.file_name',
      'd.content_type',
      'd.size_bytes',
      'd.sha256',
      'd.scan_result',
      'd.uploaded_by',
      'd.uploaded_at',
      'u.display_name as uploaded_by_name',
      'd.removed_at',
      'd.removed_by',
      'd.removal_reason',
      'r.display_name as removed_by_name',
    ]);
}

type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentsQuery>['executeTakeFirstOrThrow']>>;

function toDocument(row: DocumentRow): ChildDocument {
  return {
    id: row.id,
    authorityId: row.authority_id,
    childId: row.child_id,
    kind: row.kind,
    title: row.title,
    fileName: row.file_name,
    contentType: row.content_type as DocumentType,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    scanResult: row.scan_result,
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploaded_by_name,
    uploadedAt: row.uploaded_at,
    removal:
      row.removed_at && row.removed_by
        ? {
            removedBy: row.removed_by,
            removedByName: row.removed_by_name ?? '',
            removedAt: row.removed_at,
            reason: row.removal_reason ?? '',
          }
        : null,
  };
}

export async function insertDocument(
  db: Kysely<Database>,
  document: Omit<ChildDocument, 'id' | 'uploadedByName' | 'uploadedAt' | 'removal'> & { content: Uint8Array },
): Promise<string> {
  const { id } = await db
    .insertInto('documents')
    .values({
      authority_id: document.authorityId,
      child_id: document.childId,
      kind: document.kind,
      title: document.title,
      file_name: document.fileName,
      content_type: document.contentType,
      size_bytes: document.sizeBytes,
      sha256: document.sha256,
      content: document.content,
      scan_result: document.scanResult,
      uploaded_by: document.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A child's documents, the most recently uploaded first, without their bytes. */
export async function documentsForChild(db: Kysely<Database>, childId: string): Promise<ChildDocument[]> {
  const rows = await documentsQuery(db)
    .where('d.child_id', '=', childId)
    .orderBy('d.uploaded_at', 'desc')
    .orderBy('d.id')
    .execute();
  return rows.map(toDocument);
}

export async function findDocument(db: Kysely<Database>, id: string): Promise<ChildDocument | undefined> {
  const row = await documentsQuery(db).where('d.id', '=', id).executeTakeFirst();
  return row && toDocument(row);
}

/** One document's bytes, for its download; none once it has been removed. */
export async function documentContent(db: Kysely<Database>, id: string): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('documents')
    .select('content')
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row?.content ?? undefined;
}

/**
 * Removes a document uploaded in error: erases its bytes and keeps who, when and why. Only a document
 * not already removed; false when it was (someone removed it first), so nothing is written twice.
 */
export async function removeDocument(
  db: Kysely<Database>,
  id: string,
  removal: { removedBy: string; reason: string },
): Promise<boolean> {
  const result = await db
    .updateTable('documents')
    .set({ content: null, removed_at: new Date(), removed_by: removal.removedBy, removal_reason: removal.reason })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
