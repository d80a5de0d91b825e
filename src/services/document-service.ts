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
  documentProblems,
  documentSummary,
  isDocumentType,
  safeFileName,
} from '../domain/documents.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as documents from '../repositories/documents.ts';
import { authorizeChild, authorizeChildRecord, subjectOf } from './access.ts';
import { auditAttempt, auditView, auditedChange } from './audited-change.ts';
import { type Actor, type Db, NotFoundError, ValidationError } from './context.ts';
import { type UploadScanner, isConfigured } from './upload-scanner.ts';

export { DOCUMENT_KINDS, DOCUMENT_TITLE_LIMIT, type DocumentInput } from '../domain/documents.ts';

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
  return { child, documents: list, canUpload: may('document.upload', subjectOf(actor, bases)).allowed };
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
  if (!content) throw new NotFoundError();
  await auditView(db, actor, {
    action: 'document.download',
    entityType: 'document',
    entityId: id,
    details: { childId: record.childId, sha256: record.sha256 },
  });
  return { document: record, content };
}
