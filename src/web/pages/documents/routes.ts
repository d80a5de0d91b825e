// Documents on a child's record (issue 15, attachments): the list, the upload form (a plain
// multipart form that works without JavaScript; ADR 0019), each document's download, and the page
// to remove one uploaded in error, with the reason.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentDisposition } from '../../../domain/documents.ts';
import * as documentService from '../../../services/document-service.ts';
import { NO_SCANNER } from '../../../services/upload-scanner.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { documentForm, removeForm } from './schema.ts';
import { documentsModel, fileHint, kindItems, removeModel } from './view-model.ts';

type Id = { Params: { id: string } };

export default function documentRoutes(app: FastifyInstance, { db, config, scanner }: AppDeps): void {
  const limitBytes = config.uploadLimitBytes;

  app.get<Id>('/children/:id/documents', { config: { action: 'document.view' } }, async (request, reply) => {
    const { child, documents, canUpload, removable } = await documentService.childDocuments(
      db,
      actorOf(request),
      request.params.id,
    );
    return reply.page('pages/documents/child.njk', documentsModel(child, documents, canUpload, removable));
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: { title: string; kind: string }; errors?: unknown } = {},
  ) {
    const { child } = await documentService.childDocuments(db, actorOf(request), id, 'form');
    const values = extra.values ?? { title: '', kind: '' };
    return reply.page('pages/documents/new.njk', {
      pageTitle: 'Upload a document',
      backLink: paths.children.documents(id),
      child,
      values,
      kindItems: kindItems(values.kind),
      fileHint: fileHint(limitBytes),
      ...extra,
    });
  }

  app.get<Id>('/children/:id/documents/new', { config: { action: 'document.upload' } }, (request, reply) =>
    renderForm(request, reply, request.params.id),
  );

  // The form is multipart (the file in `file`); a form posted without a file (urlencoded, or none
  // chosen) is answered "Select a file" with the rest of what was typed kept.
  app.post<Id>(
    '/children/:id/documents/new',
    { config: { action: 'document.upload', upload: 'file' } },
    (request, reply) => {
      const { id } = request.params;
      const values = documentForm.read(request.body);
      const received = request.upload;
      return submitForm(request, reply, {
        act: () =>
          documentService.uploadDocument(
            db,
            actorOf(request),
            id,
            {
              ...values,
              file: received?.file ?? null,
              bytes: received?.file?.bytes ?? null,
              unreadable: received?.unreadable ?? false,
            },
            { scanner: scanner ?? NO_SCANNER, limitBytes },
          ),
        flash: 'Document uploaded',
        redirect: () => paths.children.documents(id),
        again: (errorReply, errors) => renderForm(request, errorReply, id, { values, errors }),
      });
    },
  );

  // The bytes as uploaded, always as an attachment (never shown in the page), with the type their
  // content showed, and no sniffing or keeping by the browser.
  app.get<Id>('/documents/:id/download', { config: { action: 'document.view' } }, async (request, reply) => {
    const { document, content } = await documentService.downloadDocument(db, actorOf(request), request.params.id);
    return reply
      .header('content-type', document.contentType)
      .header('content-disposition', contentDisposition(document.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-length', String(content.byteLength))
      .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
  });

  async function renderRemove(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { reason?: string; errors?: unknown; conflict?: unknown } = {},
  ) {
    const { child, document } = await documentService.documentToRemove(db, actorOf(request), id);
    return reply.page('pages/documents/remove.njk', {
      ...removeModel(child, document, extra),
      reasonLimit: documentService.REMOVAL_REASON_LIMIT,
    });
  }

  // Asks why, and warns that the file is erased for good; a document already removed says so, with no form.
  app.get<Id>('/documents/:id/remove', { config: { action: 'document.remove' } }, (request, reply) =>
    renderRemove(request, reply, request.params.id),
  );

  app.post<Id>('/documents/:id/remove', { config: { action: 'document.remove' } }, (request, reply) => {
    const { id } = request.params;
    const { reason } = removeForm.read(request.body);
    return submitForm(request, reply, {
      act: () => documentService.removeDocument(db, actorOf(request), id, reason),
      flash: {
        title: 'Document removed',
        text: 'Its file has been erased. The list shows what it was and why it was removed.',
      },
      redirect: (childId) => paths.children.documents(childId),
      again: (errorReply, errors) => renderRemove(request, errorReply, id, { reason, errors }),
      conflict: (conflictReply, conflict) => renderRemove(request, conflictReply, id, { reason, conflict }),
    });
  });
}
