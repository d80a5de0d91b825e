// How the documents pages read: a child's documents, the newest first, each with its title, kind,
// type and size ("PDF, 120 KB"), who uploaded it and when ("1 December 2026"), and its download
// link, or, once removed in error, who removed it, when and why, and no link; the upload form's
// kinds. Pure.
import { DOCUMENT_KINDS, type DocumentKind, limitText, typeAndSize } from '../../../domain/documents.ts';
import { formatDate } from '../../../domain/london-time.ts';
import type { ChildDocument } from '../../../repositories/documents.ts';
import { paths } from '../../paths.ts';

/** A document as the list shows it; `removable` when the person may remove it. */
export function documentView(document: ChildDocument, removable = false) {
  const removal = document.removal;
  return {
    id: document.id,
    title: document.title,
    kind: DOCUMENT_KINDS[document.kind],
    typeAndSize: typeAndSize(document.contentType, document.sizeBytes),
    fileName: document.fileName,
    uploadedBy: document.uploadedByName,
    uploadedOn: formatDate(document.uploadedAt),
    href: removal ? null : paths.documents.download(document.id),
    notScanned: document.scanResult === 'not_scanned',
    removed: removal ? { by: removal.removedByName, on: formatDate(removal.removedAt), reason: removal.reason } : null,
    removeHref: removable && !removal ? paths.documents.remove(document.id) : null,
  };
}

/** A child's documents page. */
export function documentsModel(
  child: { id: string; firstName: string; lastName: string },
  list: readonly ChildDocument[],
  canUpload: boolean,
  removable: ReadonlySet<string> = new Set(),
) {
  return {
    pageTitle: `Documents: ${child.firstName} ${child.lastName}`,
    child,
    documents: list.map((document) => documentView(document, removable.has(document.id))),
    canUpload,
  };
}

/** The page to remove a document uploaded in error, or to say it has been removed already. */
export function removeModel(
  child: { id: string; firstName: string; lastName: string },
  document: ChildDocument,
  extra: { reason?: string; errors?: unknown; conflict?: unknown } = {},
) {
  return {
    pageTitle: document.removal ? 'This document has been removed' : 'Remove a document uploaded in error',
    backLink: paths.children.documents(child.id),
    child,
    document: documentView(document),
    reason: extra.reason ?? '',
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.conflict ? { conflict: extra.conflict } : {}),
  };
}

/** The form's kinds, the one chosen checked. */
export function kindItems(selected: string) {
  return (Object.keys(DOCUMENT_KINDS) as DocumentKind[]).map((kind) => ({
    value: kind,
    text: DOCUMENT_KINDS[kind],
    checked: kind === selected,
  }));
}

/** The upload form's hint: the types taken and the limit, in GOV.UK's words. */
export function fileHint(limitBytes: number): string {
  return `The file must be a PDF, JPG, PNG or Word document, and smaller than ${limitText(limitBytes)}`;
}
