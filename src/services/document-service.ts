// Documents on a child's record (issue 15, attachments): police summaries, school reports, signed
// plans, assessments. Each is on one child's record (R-X-1: seen and downloaded only by those who
// may see that child), its type checked by its content, its size limited, scanned where a scanner
// is configured, stored in the database with its SHA-256, in the chronology; every list, upload
// and download audited (ADR 0019).
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { may } from '../domain/actions.ts';
import {
  type DocumentInput,
  type DocumentKind,
  type DocumentType,
  REMOVAL_SUMMARY,
  documentProblems,
  documentSummary,
  isDocumentType,
  removalProblems,
  safeFileName,
} from '../domain/documents.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as documents from '../repositories/documents.ts';
import { authorizeChild, authorizeChildRecord, notFound, subjectOf } from './access.ts';
import { auditAttempt, auditView, auditedChange } from './audited-change.ts';
import { type Actor, ConflictError, type Db, NotFoundError, ValidationError } from './context.ts';
import { type UploadScanner, isConfigured } from './upload-scanner.ts';

export { DOCUMENT_KINDS, DOCUMENT_TITLE_LIMIT, REMOVAL_REASON_LIMIT, type DocumentInput } from '../domain/documents.ts';

/** An upload as the page received it: the fields, and the file's bytes when one was chosen. */
export interface Upload extends DocumentInput {
  bytes: Uint8Array | null;
}

/** The type the file's content shows, when it is one the service takes; never the name or the browser's word. */
export async function detectType(bytes: Uint8Array): Promise<DocumentType | null> {
  const found = await fileTypeFromBuffer(bytes);
  return isDocumentType(found?.mime) ? found.mime : null;
}

/** A child's documents, the newest first, without their bytes; `form` is the page to upload one, for those who may. */
export async function childDocuments(db: Db, actor: Actor, childId: string, page: 'list' | 'form' = 'list') {
  const { bases } = await authorizeChild(db, actor, childId, page === 'form' ? 'document.upload' : 'document.view', {
    auditAs: 'document.view',
  });
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const list = page === 'list' ? await documents.documentsForChild(db, childId) : [];
  await auditView(db, actor, { action: 'document.view', entityType: 'child', entityId: childId, details: { page } });
  const subject = subjectOf(actor, bases);
  const mayRemove = (document: documents.ChildDocument) =>
    !document.removal && may('document.remove', subjectOf(actor, bases, uploaderOf(actor, document))).allowed;
  return {
    child,
    documents: list,
    canUpload: may('document.upload', subject).allowed,
    removable: new Set(list.filter(mayRemove).map((document) => document.id)),
  };
}

/** Who the actor is to a document: its uploader, or no one in particular. */
function uploaderOf(actor: Actor, document: { uploadedBy: string }): 'uploader'[] {
  return document.uploadedBy === actor.user.id ? ['uploader'] : [];
}

/** The document as its removal page shows it, for those who may remove it (404 or 403 otherwise, audited). */
export async function documentToRemove(db: Db, actor: Actor, id: string) {
  const { record } = await authorizeChildRecord(
    db,
    actor,
    id,
    'document.remove',
    'document',
    (documentId) => documents.findDocument(db, documentId),
    { relations: (document) => uploaderOf(actor, document) },
  );
  const child = await children.findChild(db, record.childId);
  if (!child) throw new NotFoundError();
  await auditView(db, actor, {
    action: 'document.view',
    entityType: 'document',
    entityId: id,
    details: { childId: record.childId, page: 'remove' },
  });
  return { document: record, child };
}

/**
 * Removes a document uploaded in error (issue 15), by its uploader or a manager of the case: the
 * reason required; its bytes erased, who removed it, when and why kept with the record of what was
 * there (title, kind, type, size, SHA-256, who uploaded it); the audit event (with the reason), a
 * chronology line naming no one and the record touched, in one transaction. A document already
 * removed (a second tab, a colleague first) is a conflict, and nothing is written.
 */
export async function removeDocument(db: Db, actor: Actor, id: string, reason: string): Promise<string> {
  const { document } = await documentToRemove(db, actor, id);
  if (document.removal) throw new ConflictError(document.removal.removedByName, document.removal.removedAt, []);
  const problems = removalProblems(reason);
  if (problems.length) throw new ValidationError(problems);
  const why = reason.trim();
  const event = {
    action: 'document.remove',
    entityType: 'document',
    entityId: id,
    details: {
      childId: document.childId,
      removalReason: why,
      sha256: document.sha256,
      sizeBytes: document.sizeBytes,
      uploadedBy: document.uploadedBy,
    },
  };
  await auditedChange(db, actor, event, async (trx) => {
    if (!(await documents.removeDocument(trx, id, { removedBy: actor.user.id, reason: why }))) {
      const now = await documents.findDocument(trx, id);
      throw new ConflictError(now?.removal?.removedByName ?? null, now?.removal?.removedAt ?? null, []);
    }
    await addChronologyEntry(trx, {
      childId: document.childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'document',
      summary: REMOVAL_SUMMARY,
      incidentId: null,
      record: { type: 'document', id },
    });
    await children.touchChildren(trx, [document.childId]);
  });
  return document.childId;
}

/**
 * Uploads a document to the child's record: refused first when the person may not, then every
 * problem with it at once (the title, the kind, the file: none, empty, too large, not a type its
 * content shows), then the scanner's word. Kept with its SHA-256; the record touched and the
 * chronology told, all with the audit event in one transaction.
 */
export async function uploadDocument(
  db: Db,
  actor: Actor,
  childId: string,
  upload: Upload,
  options: { scanner: UploadScanner; limitBytes: number },
): Promise<string> {
  await authorizeChild(db, actor, childId, 'document.upload');
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const bytes = upload.file && !upload.file.tooLarge && upload.bytes?.length ? upload.bytes : null;
  const detected = bytes ? await detectType(bytes) : null;
  const problems = documentProblems(upload, detected, options.limitBytes);
  if (problems.length || !bytes || !detected || !upload.file) throw new ValidationError(problems);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const verdict = await options.scanner.scanUpload(bytes);
  if (verdict !== 'clean') {
    // Refused, and said so in the log: a virus found, or no answer from the scanner.
    await auditAttempt(
      db,
      actor,
      {
        action: 'document.upload',
        entityType: 'child',
        entityId: childId,
        details: { reason: verdict, scanner: options.scanner.name, sha256, sizeBytes: bytes.length },
      },
      'refused',
    );
    throw new ValidationError([
      {
        field: 'file',
        message:
          verdict === 'infected'
            ? 'The selected file contains a virus'
            : 'The selected file could not be checked for viruses – try again',
      },
    ]);
  }
  const kind = upload.kind as DocumentKind;
  const title = upload.title.trim();
  const fileName = safeFileName(upload.file.fileName, detected);
  const scanResult = isConfigured(options.scanner) ? 'clean' : 'not_scanned';
  const event = (id: string) => ({
    action: 'document.upload',
    entityType: 'document',
    entityId: id,
    details: {
      childId,
      kind,
      contentType: detected,
      sizeBytes: bytes.length,
      sha256,
      scanner: options.scanner.name,
      scanResult,
    },
  });
  return auditedChange(db, actor, event, async (trx) => {
    const id = await documents.insertDocument(trx, {
      authorityId: child.authorityId,
      childId,
      kind,
      title,
      fileName,
      contentType: detected,
      sizeBytes: bytes.length,
      sha256,
      scanResult,
      uploadedBy: actor.user.id,
      content: bytes,
    });
    await addChronologyEntry(trx, {
      childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'document',
      summary: documentSummary(kind, title),
      incidentId: null,
      record: { type: 'document', id },
    });
    await children.touchChildren(trx, [childId]);
    return id;
  });
}

/** One document's bytes to download, for those who may see the child's record; every download audited. */
export async function downloadDocument(db: Db, actor: Actor, id: string) {
  const { record } = await authorizeChildRecord(
    db,
    actor,
    id,
    'document.view',
    'document',
    (documentId) => documents.findDocument(db, documentId),
    { auditAs: 'document.download' },
  );
  const content = await documents.documentContent(db, id);
  // A removed document's bytes are gone: the download is "not found", and the refusal is audited.
  if (!content) return notFound(db, actor, 'document.download', 'document', id, 'document_removed');
  await auditView(db, actor, {
    action: 'document.download',
    entityType: 'document',
    entityId: id,
    details: { childId: record.childId, sha256: record.sha256 },
  });
  return { document: record, content };
}
