// Documents on a child's record (issue 15, attachments): uploaded in a multipart form with its
// CSRF token, the type checked by content (a text file named .pdf is refused), the size limited
// (a file over it is a message, never a 500), kept in the database with its SHA-256, downloaded
// as an attachment with nosniff and no-store; every upload and download audited; a read grant
// cannot upload; a document on the child harmed's record is never seen by someone who sees only
// the child who harmed (R-X-1); the virus scanning hook refuses an infected file.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { seedDemoDocuments } from '../../src/cli/demo-data.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import type { ScanVerdict, UploadScanner } from '../../src/services/upload-scanner.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

/** A small real PDF: one page with a line of text, its cross-reference table at the right offsets. */
function smallPdf(line: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A real 2 x 2 PNG, its chunks' CRCs computed. */
function smallPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal Word document: a zip (stored, not compressed) with its content types and its body. */
function smallDocx(): Buffer {
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="x"><w:body/></w:document>'],
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const documentIds = (html: string) => [...html.matchAll(/\/documents\/([0-9a-f-]{36})\/download"/g)].map((m) => m[1]!);

describe('documents on a child’s record (issue 15, attachments)', () => {
  let t: TestApp;
  let worker: Client;
  let manager: Client;
  let childId: string;
  let harmedId: string;
  const pdf = smallPdf('School report for the test');
  const png = smallPng();

  const upload = (
    who: Client,
    child: string,
    fields: Record<string, string>,
    file?: { name: string; bytes: Uint8Array; type?: string },
  ) =>
    who.postMultipart(paths.children.newDocument(child), fields, file ? [{ field: 'file', ...file }] : [], {
      tokenFrom: paths.children.newDocument(child),
    });

  before(async () => {
    t = await startTestApp();
    worker = await signedIn(t.app, 'kent', 'social-worker');
    manager = await signedIn(t.app, 'kent', 'team-manager');
    ({ childId, targetedId: harmedId } = await demoIncident(t.database.db, 'kent', 'Ellis'));
  });
  after(async () => t.close());

  it('is reached from the child’s record, with an upload form that works as a plain multipart form', async () => {
    const record = await worker.get(paths.children.show(childId));
    assert.ok(record.body.includes(`href="${paths.children.documents(childId)}"`), 'the record links to its documents');
    const list = await worker.get(paths.children.documents(childId));
    assert.equal(list.statusCode, 200);
    assert.match(text(list.body), /No documents uploaded/);
    assert.ok(list.body.includes(`href="${paths.children.newDocument(childId)}"`));
    const form = await worker.get(paths.children.newDocument(childId));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match(form.body, /type="file"/);
    assert.match(text(form.body), /smaller than 10 MB/);
    assert.ok(form.body.indexOf('name="_csrf"') < form.body.indexOf('name="file"'), 'the token comes before the file');
  });

  it('uploads a PDF and a PNG, lists them, and downloads the same bytes as attachments with nosniff and no-store', async () => {
    const saved = await upload(
      worker,
      childId,
      { title: 'School report, autumn term', kind: 'school_report' },
      { name: 'report.pdf', bytes: pdf, type: 'application/pdf' },
    );
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    assert.equal(saved.headers.location, paths.children.documents(childId));
    const image = await upload(
      worker,
      childId,
      { title: 'Photograph of the signed plan', kind: 'signed_plan' },
      // The browser's word for the type is not believed: the content is.
      { name: 'plan.png', bytes: png, type: 'application/pdf' },
    );
    assert.equal(image.statusCode, 303, image.body.slice(0, 500));
    const list = await worker.get(paths.children.documents(childId));
    const page = text(list.body);
    assert.match(page, /Document uploaded/);
    assert.match(page, /School report, autumn term/);
    assert.match(page, /School report · PDF, 1 KB · report\.pdf/);
    assert.match(page, /Signed plan · PNG, 1 KB · plan\.png/);
    assert.ok(page.includes(`on ${formatDate(new Date())}`), 'uploaded on a date in words');
    const [pngId, pdfId] = documentIds(list.body);
    assert.ok(pngId && pdfId);

    const download = await worker.get(paths.documents.download(pdfId));
    assert.equal(download.statusCode, 200);
    assert.ok(download.rawPayload.equals(pdf), 'the bytes downloaded are the bytes uploaded');
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(
      download.headers['content-disposition'],
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(download.headers['cache-control'], 'no-store');
    const picture = await worker.get(paths.documents.download(pngId));
    assert.equal(picture.headers['content-type'], 'image/png');
    assert.ok(picture.rawPayload.equals(png));

    const row = await t.database.db
      .selectFrom('documents')
      .select(['sha256', 'size_bytes', 'content_type', 'scan_result', 'authority_id', 'child_id'])
      .where('id', '=', pdfId)
      .executeTakeFirstOrThrow();
    assert.equal(row.sha256, createHash('sha256').update(pdf).digest('hex'));
    assert.equal(row.size_bytes, pdf.length);
    assert.equal(row.scan_result, 'not_scanned', 'no scanner is configured in tests');
    assert.deepEqual([row.authority_id, row.child_id], ['kent', childId]);

    const chronology = text((await worker.get(`${paths.children.chronology(childId)}?kind=document`)).body);
    assert.match(chronology, /School report uploaded: School report, autumn term/);
    assert.match(chronology, /Signed plan uploaded: Photograph of the signed plan/);

    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'outcome', 'details'])
      .where('action', 'in', ['document.upload', 'document.download'])
      .execute();
    const uploaded = events.find((e) => e.action === 'document.upload' && e.entity_id === pdfId);
    assert.ok(uploaded, 'the upload is audited');
    assert.equal((uploaded.details as { sha256?: string }).sha256, row.sha256);
    assert.ok(events.some((e) => e.action === 'document.download' && e.entity_id === pdfId && e.outcome === 'ok'));
    assert.ok(events.some((e) => e.action === 'document.download' && e.entity_id === pngId && e.outcome === 'ok'));
    // And the auditor reads them in words.
    const auditor = await signedIn(t.app, 'kent', 'auditor');
    const log = text((await auditor.get(`${paths.audit()}?action=document.upload`)).body);
    assert.match(log, /Uploaded a document to the record of Ellis/);
    const downloads = text((await auditor.get(`${paths.audit()}?action=document.download`)).body);
    assert.match(downloads, /Downloaded a document from the record of Ellis/);
  });

  it('takes a Word document, and keeps a safe name for display and the download', async () => {
    const saved = await upload(
      worker,
      childId,
      { title: 'Assessment report', kind: 'assessment' },
      { name: 'C:\\Users\\someone\\Assess\u202Ement "final".docx', bytes: smallDocx() },
    );
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    const list = await worker.get(paths.children.documents(childId));
    assert.match(text(list.body), /Assessment · Word document, 1 KB/);
    const id = documentIds(list.body)[0]!;
    const download = await worker.get(paths.documents.download(id));
    assert.equal(
      download.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(
      download.headers['content-disposition'],
      `attachment; filename="Assessment _final_.docx"; filename*=UTF-8''Assessment%20%22final%22.docx`,
    );
    // A name whose extension is not the type its content shows gets the right one added.
    const renamed = await upload(
      worker,
      childId,
      { title: 'Police summary', kind: 'police_summary' },
      { name: 'summary.exe', bytes: pdf },
    );
    assert.equal(renamed.statusCode, 303);
    const latest = documentIds((await worker.get(paths.children.documents(childId))).body)[0]!;
    assert.match(
      String((await worker.get(paths.documents.download(latest))).headers['content-disposition']),
      /filename="summary\.exe\.pdf"/,
    );
  });

  it('refuses a file whose content is not a type taken, an empty file and no file, every problem at once', async () => {
    const before = await t.database.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const wrongType = await upload(
      worker,
      childId,
      { title: '', kind: '' },
      { name: 'summary.pdf', bytes: Buffer.from('This is plain text, not a PDF.\n'), type: 'application/pdf' },
    );
    assert.equal(wrongType.statusCode, 400);
    const summary = [
      ...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(wrongType.body)?.[1] ?? '').matchAll(/href="(#[^"]+)"/g),
    ].map((m) => m[1]);
    assert.deepEqual(summary, ['#title', '#kind', '#file']);
    const page = text(wrongType.body);
    assert.match(page, /Enter a title for the document/);
    assert.match(page, /Select what kind of document this is/);
    assert.match(page, /The selected file must be a PDF, JPG, PNG or Word document/);
    assert.match(wrongType.body, /id="file-error"/, 'the message is next to the file input');

    const empty = await upload(
      worker,
      childId,
      { title: 'Kept title', kind: 'other' },
      { name: 'empty.pdf', bytes: new Uint8Array(0) },
    );
    assert.equal(empty.statusCode, 400);
    assert.match(text(empty.body), /The selected file is empty/);
    assert.match(empty.body, /value="Kept title"/, 'what was typed is kept');
    assert.match(empty.body, /value="other" checked/);

    const none = await upload(worker, childId, { title: 'No file', kind: 'other' });
    assert.equal(none.statusCode, 400);
    assert.match(text(none.body), /Select a file/);
    // An empty file input: the browser sends a part with no file name.
    const blank = await upload(
      worker,
      childId,
      { title: 'No file', kind: 'other' },
      { name: '', bytes: new Uint8Array(0) },
    );
    assert.equal(blank.statusCode, 400);
    assert.match(text(blank.body), /Select a file/);

    // A form posted without multipart (as the route matrix and a hand-made request do): a message, not a 500.
    const urlencoded = await worker.post(
      paths.children.newDocument(childId),
      { title: 'Typed', kind: 'other' },
      { tokenFrom: paths.children.newDocument(childId) },
    );
    assert.equal(urlencoded.statusCode, 400);
    assert.match(text(urlencoded.body), /Select a file/);
    assert.match(urlencoded.body, /value="Typed"/);
    const after = await t.database.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n, 'nothing refused is kept');
  });

  it('refuses a file over the limit with GOV.UK’s message, never a 500', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(t.config.uploadLimitBytes + 1 - pdf.length, 0x20)]);
    const res = await upload(worker, childId, { title: 'Big file', kind: 'other' }, { name: 'big.pdf', bytes: big });
    assert.equal(res.statusCode, 400);
    assert.match(text(res.body), /The selected file must be smaller than 10 MB/);
    assert.match(res.body, /value="Big file"/);
    // Exactly at the limit is taken.
    const atLimit = Buffer.concat([pdf, Buffer.alloc(t.config.uploadLimitBytes - pdf.length, 0x20)]);
    const taken = await upload(
      worker,
      childId,
      { title: 'Limit file', kind: 'other' },
      { name: 'limit.pdf', bytes: atLimit },
    );
    assert.equal(taken.statusCode, 303);
  });

  it('answers a file over the limit sent over a real connection, promptly and with the message', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    assert.ok(address && typeof address === 'object');
    const url = paths.children.newDocument(childId);
    await worker.get(url);
    const token = /name="_csrf" value="([^"]+)"/.exec(worker.lastHtml)![1]!;
    const form = new FormData();
    form.append('_csrf', token);
    form.append('title', 'Sent over a socket');
    form.append('kind', 'other');
    form.append('file', new Blob([new Uint8Array(t.config.uploadLimitBytes + 512 * 1024)]), 'huge.pdf');
    const res = await fetch(`http://127.0.0.1:${address.port}${url}`, {
      method: 'POST',
      body: form,
      headers: { cookie: [...worker.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      signal: AbortSignal.timeout(20_000),
    });
    assert.equal(res.status, 400);
    assert.match(text(await res.text()), /The selected file must be smaller than 10 MB/);
  });

  it('enforces CSRF on the multipart form, and refuses files on forms that take none', async () => {
    const url = paths.children.newDocument(childId);
    const file = [{ field: 'file', name: 'report.pdf', bytes: pdf }];
    const missing = await worker.postMultipart(url, { title: 'No token', kind: 'other' }, file, { csrf: null });
    assert.equal(missing.statusCode, 403);
    const wrong = await worker.postMultipart(url, { title: 'Wrong token', kind: 'other' }, file, {
      csrf: 'not-the-token',
    });
    assert.equal(wrong.statusCode, 403);
    const elsewhere = await worker.postMultipart(paths.children.newNote(childId), { kind: 'visit' }, file, {
      tokenFrom: paths.children.newNote(childId),
    });
    assert.equal(elsewhere.statusCode, 400);
    assert.match(text(elsewhere.body), /This form does not take files/);
    const titles = (await t.database.db.selectFrom('documents').select('title').execute()).map((r) => r.title);
    assert.ok(!titles.includes('No token') && !titles.includes('Wrong token'));
  });

  it('lets a read grant see and download the documents, never upload one (R-X-7)', async () => {
    const yj = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'youth-justice@kent.example')
      .executeTakeFirstOrThrow();
    const youthJustice = await signedIn(t.app, 'kent', 'youth-justice');
    const granted = await manager.post(
      paths.children.grants(childId),
      { userId: yj.id, reason: 'Out-of-court triage panel', days: '7' },
      { tokenFrom: paths.children.show(childId) },
    );
    assert.equal(granted.statusCode, 303);
    const list = await youthJustice.get(paths.children.documents(childId));
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(`href="${paths.children.newDocument(childId)}"`), 'no upload button on a read grant');
    const id = documentIds(list.body)[0]!;
    assert.equal((await youthJustice.get(paths.documents.download(id))).statusCode, 200);
    assert.equal((await youthJustice.get(paths.children.newDocument(childId))).statusCode, 403);
    const refused = await youthJustice.postMultipart(
      paths.children.newDocument(childId),
      { title: 'From a read grant', kind: 'other' },
      [{ field: 'file', name: 'report.pdf', bytes: pdf }],
      { tokenFrom: paths.children.documents(childId) },
    );
    assert.equal(refused.statusCode, 403);
    const kept = await t.database.db
      .selectFrom('documents')
      .select('id')
      .where('title', '=', 'From a read grant')
      .execute();
    assert.equal(kept.length, 0);
    const event = await t.database.db
      .selectFrom('audit_events')
      .select('outcome')
      .where('action', '=', 'document.upload')
      .where('outcome', '=', 'refused')
      .where('entity_id', '=', childId)
      .executeTakeFirst();
    assert.ok(event, 'the refusal is audited');
  });

  it('keeps a document on the child harmed’s record out of sight of those who see only the child who harmed (R-X-1)', async () => {
    const workerB = await signedIn(t.app, 'kent', 'social-worker-b');
    const saved = await upload(
      workerB,
      harmedId,
      { title: 'Statement of the child harmed', kind: 'police_summary' },
      { name: 'statement.pdf', bytes: smallPdf('Statement') },
    );
    assert.equal(saved.statusCode, 303);
    const id = documentIds((await workerB.get(paths.children.documents(harmedId))).body)[0]!;
    assert.ok(id);
    assert.equal((await workerB.get(paths.documents.download(id))).statusCode, 200);
    assert.equal((await worker.get(paths.documents.download(id))).statusCode, 404);
    assert.equal((await worker.get(paths.children.documents(harmedId))).statusCode, 404);
    const refused = await worker.postMultipart(
      paths.children.newDocument(harmedId),
      { title: 'Should not be kept', kind: 'other' },
      [{ field: 'file', name: 'x.pdf', bytes: pdf }],
      { tokenFrom: paths.children.documents(childId) },
    );
    assert.equal(refused.statusCode, 404);
    const theirs = text((await worker.get(paths.children.documents(childId))).body);
    assert.ok(!theirs.includes('Statement of the child harmed'));
    const chronology = text((await worker.get(paths.children.chronology(childId))).body);
    assert.ok(!chronology.includes('Statement of the child harmed'));
    const refusal = await t.database.db
      .selectFrom('audit_events')
      .select('outcome')
      .where('action', '=', 'document.download')
      .where('entity_id', '=', id)
      .where('outcome', '=', 'refused')
      .executeTakeFirst();
    assert.ok(refusal, 'the refused download is audited');
  });
});

describe('the virus scanning hook (issue 15, ADR 0019)', () => {
  let t: TestApp;
  let verdict: ScanVerdict = 'clean';
  const scanned: number[] = [];
  const scanner: UploadScanner = {
    name: 'test scanner',
    scanUpload: (bytes) => {
      scanned.push(bytes.length);
      return Promise.resolve(verdict);
    },
  };
  before(async () => {
    t = await startTestApp({}, undefined, { scanner });
  });
  after(async () => t.close());

  it('keeps a clean file as scanned, and refuses an infected one or one it could not scan, with a message', async () => {
    const worker = await signedIn(t.app, 'kent', 'social-worker');
    const { childId } = await demoIncident(t.database.db, 'kent', 'Ellis');
    const send = (title: string) =>
      worker.postMultipart(
        paths.children.newDocument(childId),
        { title, kind: 'other' },
        [{ field: 'file', name: 'scan.pdf', bytes: smallPdf(title) }],
        { tokenFrom: paths.children.newDocument(childId) },
      );
    verdict = 'clean';
    assert.equal((await send('Clean file')).statusCode, 303);
    const clean = await t.database.db
      .selectFrom('documents')
      .select('scan_result')
      .where('title', '=', 'Clean file')
      .executeTakeFirstOrThrow();
    assert.equal(clean.scan_result, 'clean');
    verdict = 'infected';
    const infected = await send('Infected file');
    assert.equal(infected.statusCode, 400);
    assert.match(text(infected.body), /The selected file contains a virus/);
    verdict = 'unavailable';
    const unavailable = await send('Unscanned file');
    assert.equal(unavailable.statusCode, 400);
    assert.match(text(unavailable.body), /could not be checked for viruses – try again/);
    assert.equal(scanned.length, 3);
    const kept = await t.database.db
      .selectFrom('documents')
      .select('title')
      .where('title', 'in', ['Infected file', 'Unscanned file'])
      .execute();
    assert.deepEqual(kept, []);
    const refusals = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'document.upload')
      .where('outcome', '=', 'refused')
      .execute();
    assert.deepEqual(refusals.map((r) => (r.details as { reason?: string }).reason).sort(), [
      'infected',
      'unavailable',
    ]);
  });
});

describe('the demo data’s documents (issue 15)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemoDocuments(t.database.db);
  });
  after(async () => t.close());

  it('puts a small PDF school report, marked as demo data, on Ellis’s record in each authority', async () => {
    const rows = await t.database.db
      .selectFrom('documents as d')
      .innerJoin('children as c', 'c.id', 'd.child_id')
      .select(['d.authority_id', 'd.title', 'd.content_type', 'c.first_name'])
      .execute();
    assert.equal(rows.length, 5);
    for (const row of rows) {
      assert.equal(row.title, 'School report (demo data)');
      assert.equal(row.content_type, 'application/pdf');
      assert.equal(row.first_name, 'Ellis');
    }
    const worker = await signedIn(t.app, 'thurrock', 'social-worker');
    const ellis = rows.find((r) => r.authority_id === 'thurrock')!;
    assert.ok(ellis);
    const childRow = await t.database.db
      .selectFrom('children')
      .select('id')
      .where('authority_id', '=', 'thurrock')
      .where('first_name', '=', 'Ellis')
      .executeTakeFirstOrThrow();
    const list = await worker.get(paths.children.documents(childRow.id));
    assert.match(text(list.body), /School report \(demo data\)/);
    const download = await worker.get(paths.documents.download(documentIds(list.body)[0]!));
    assert.equal(download.statusCode, 200);
    assert.ok(download.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
  });
});
