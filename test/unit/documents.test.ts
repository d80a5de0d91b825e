// The rules of a document upload (issue 15, attachments): every problem at once in the order of the
// form, in GOV.UK's file upload wording; sizes and types as a person reads them; a file name made
// safe to show and to offer for download (RFC 6266).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  contentDisposition,
  documentProblems,
  documentSummary,
  removalProblems,
  safeFileName,
  sizeText,
  typeAndSize,
} from '../../src/domain/documents.ts';

const LIMIT = 10 * 1024 * 1024;
const file = (size: number, tooLarge = false) => ({ fileName: 'a.pdf', size, tooLarge });

describe('a document upload’s problems', () => {
  it('lists every problem at once, title, kind and file in that order', () => {
    assert.deepEqual(
      documentProblems({ title: ' ', kind: 'nonsense', file: null }, null, LIMIT).map((p) => [p.field, p.message]),
      [
        ['title', 'Enter a title for the document'],
        ['kind', 'Select what kind of document this is'],
        ['file', 'Select a file'],
      ],
    );
  });

  it('says which of GOV.UK’s file messages applies', () => {
    const message = (input: Parameters<typeof documentProblems>[0], detected: 'application/pdf' | null = null) =>
      documentProblems(input, detected, LIMIT).map((p) => p.message);
    const base = { title: 'Report', kind: 'school_report' };
    assert.deepEqual(message({ ...base, file: file(0) }), ['The selected file is empty']);
    assert.deepEqual(message({ ...base, file: file(0, true) }), ['The selected file must be smaller than 10 MB']);
    assert.deepEqual(message({ ...base, file: file(10) }), [
      'The selected file must be a PDF, JPG, PNG or Word document',
    ]);
    assert.deepEqual(message({ ...base, file: file(10), unreadable: true }), [
      'The selected file could not be uploaded – try again',
    ]);
    assert.deepEqual(message({ ...base, file: file(10) }, 'application/pdf'), []);
    assert.deepEqual(message({ ...base, title: 'x'.repeat(201), file: file(10) }, 'application/pdf'), [
      'Title must be 200 characters or fewer',
    ]);
  });
});

describe('sizes, types and names', () => {
  it('reads sizes as a person does', () => {
    assert.equal(sizeText(1), '1 KB');
    assert.equal(sizeText(120 * 1024), '120 KB');
    assert.equal(sizeText(1.5 * 1024 * 1024), '1.5 MB');
    assert.equal(sizeText(2 * 1024 * 1024), '2 MB');
    assert.equal(sizeText(10 * 1024 * 1024), '10 MB');
    assert.equal(typeAndSize('application/pdf', 120 * 1024), 'PDF, 120 KB');
    assert.equal(documentSummary('police_summary', 'Interview'), 'Police summary uploaded: Interview');
  });

  it('keeps the last path segment, without control or direction characters, ending in the detected type', () => {
    assert.equal(safeFileName('C:\\Users\\x\\report.pdf', 'application/pdf'), 'report.pdf');
    assert.equal(safeFileName('../../etc/passwd', 'application/pdf'), 'passwd.pdf');
    assert.equal(safeFileName('invoice\u202Efdp.exe', 'application/pdf'), 'invoicefdp.exe.pdf');
    assert.equal(safeFileName('line\r\nbreak.png', 'image/png'), 'linebreak.png');
    assert.equal(safeFileName('photo.JPEG', 'image/jpeg'), 'photo.JPEG');
    assert.equal(safeFileName('', 'image/png'), 'document.png');
    assert.equal(safeFileName('...hidden', 'application/pdf'), 'hidden.pdf');
    const long = safeFileName(
      `${'a'.repeat(300)}.docx`,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(long.length, 150);
    assert.ok(long.endsWith('.docx'));
  });

  it('offers the download as an attachment with an ASCII name and the exact one in filename*', () => {
    assert.equal(contentDisposition('report.pdf'), `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    assert.equal(
      contentDisposition('Zoë’s "report" 100%.pdf'),
      `attachment; filename="Zo__s _report_ 100_.pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20%22report%22%20100%25.pdf`,
    );
    assert.equal(
      contentDisposition("it's (1).pdf"),
      `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`,
    );
  });
});

describe('the reason for removing a document uploaded in error', () => {
  it('is required and at most 2,000 characters, in GOV.UK’s words', () => {
    assert.deepEqual(removalProblems('  \n '), [
      { field: 'reason', message: 'Enter why the document is being removed' },
    ]);
    assert.deepEqual(removalProblems('x'.repeat(2001)), [
      { field: 'reason', message: 'The reason must be 2,000 characters or fewer' },
    ]);
    assert.deepEqual(removalProblems(` ${'x'.repeat(2000)} `), []);
  });
});
