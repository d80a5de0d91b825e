// Removing a document uploaded in error (issue 15, attachments): its uploader or a manager of the
// case asks for it on a confirmation page that says why is needed and that the file is erased; on
// removal the bytes are gone from the database while what was there stays listed (title, kind,
// size, SHA-256, who uploaded it) with who removed it, when and why; the download answers 404 and
// is audited as a refusal; the removal is audited with its reason and put in the chronology in
// words naming no one; a second removal is told it was already done, never a 500.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { formatDate } from '../../src/domain/london-time.ts';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

describe('removing a document uploaded in error (issue 15, attachments)', () => {
  let t: TestApp;
  let worker: Client;
  let manager: Client;
  let childId: string;

  const upload = (who: Client, title: string) =>
    who.postMultipart(
      paths.children.newDocument(childId),
      { title, kind: 'police_summary' },
      [{ field: 'file', name: 'summary.pdf', bytes: pdf }],
      { tokenFrom: paths.children.newDocument(childId) },
    );

  /** The id of the document with this title. */
  const idOf = async (title: string) => {
    const row = await t.database.db
      .selectFrom('documents')
      .select('id')
      .where('title', '=', title)
      .executeTakeFirstOrThrow();
    return row.id;
  };

  const nameOf = async (email: string) =>
    (
      await t.database.db
        .selectFrom('users')
        .select('display_name')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).display_name;

  before(async () => {
    t = await startTestApp();
    worker = await signedIn(t.app, 'kent', 'social-worker');
    manager = await signedIn(t.app, 'kent', 'team-manager');
    ({ childId } = await demoIncident(t.database.db, 'kent', 'Ellis'));
  });
  after(async () => t.close());

  it('asks its uploader why, warns that the file is erased, and keeps what was typed when the reason is missing or too long', async () => {
    assert.equal((await upload(worker, 'Police summary for another family')).statusCode, 303);
    const id = await idOf('Police summary for another family');
    const list = await worker.get(paths.children.documents(childId));
    assert.ok(list.body.includes(`href="${paths.documents.remove(id)}"`), 'the uploader is offered the removal');

    const page = await worker.get(paths.documents.remove(id));
    assert.equal(page.statusCode, 200);
    const shown = words(page.body);
    assert.match(shown, /Remove a document uploaded in error/);
    assert.match(shown, /Police summary for another family/);
    assert.match(shown, /The file’s content will be erased\. No one will be able to download it again/);
    assert.match(shown, /Why are you removing this document\?/);
    assert.match(page.body, /govuk-character-count/);
    assert.match(page.body, /data-maxlength="2000"/);

    const empty = await worker.post(
      paths.documents.remove(id),
      { reason: '   ' },
      { tokenFrom: paths.documents.remove(id) },
    );
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /govuk-error-summary/);
    assert.match(words(empty.body), /Enter why the document is being removed/);
    assert.match(empty.body, /href="#reason"/);

    const long = 'Uploaded to the wrong record. '.repeat(70);
    const tooLong = await worker.post(
      paths.documents.remove(id),
      { reason: long },
      { tokenFrom: paths.documents.remove(id) },
    );
    assert.equal(tooLong.statusCode, 400);
    assert.match(words(tooLong.body), /The reason must be 2,000 characters or fewer/);
    assert.ok(tooLong.body.includes(long.slice(0, 200)), 'what was typed is kept');

    const row = await t.database.db
      .selectFrom('documents')
      .select(['content', 'removed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(row.content && Buffer.from(row.content).equals(pdf), 'nothing is erased by a refused form');
    assert.equal(row.removed_at, null);
  });

  it('erases the bytes, lists what was there with who removed it, when and why, audits it and tells the chronology', async () => {
    const id = await idOf('Police summary for another family');
    const reason = 'Uploaded to the wrong child’s record: it is about another family.';
    const removed = await worker.post(
      paths.documents.remove(id),
      { reason },
      { tokenFrom: paths.documents.remove(id) },
    );
    assert.equal(removed.statusCode, 303, removed.body.slice(0, 500));
    assert.equal(removed.headers.location, paths.children.documents(childId));

    const list = await worker.get(paths.children.documents(childId));
    const shown = words(list.body);
    assert.match(shown, /Document removed/);
    assert.match(shown, /Police summary for another family Removed/);
    const workerName = await nameOf('social-worker@kent.example');
    assert.ok(shown.includes(`Removed by ${workerName} on ${formatDate(new Date())}`), shown);
    assert.ok(shown.includes(`Why: ${reason}`));
    assert.ok(!list.body.includes(paths.documents.download(id)), 'no download link for a removed document');
    assert.ok(!list.body.includes(`href="${paths.documents.remove(id)}"`), 'no second removal offered');

    const row = await t.database.db
      .selectFrom('documents')
      .select(['content', 'sha256', 'size_bytes', 'title', 'uploaded_by', 'removed_by', 'removal_reason', 'removed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.content, null, 'the bytes are gone from the database');
    assert.equal(row.sha256, createHash('sha256').update(pdf).digest('hex'), 'the SHA-256 of what was there is kept');
    assert.equal(row.size_bytes, pdf.length);
    assert.equal(row.title, 'Police summary for another family');
    assert.equal(row.removed_by, row.uploaded_by);
    assert.equal(row.removal_reason, reason);
    assert.ok(row.removed_at);

    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['outcome', 'details'])
      .where('action', '=', 'document.remove')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(event.outcome, 'ok');
    assert.equal((event.details as { removalReason?: string }).removalReason, reason);
    assert.equal((event.details as { sha256?: string }).sha256, row.sha256);

    const chronology = words((await worker.get(`${paths.children.chronology(childId)}?kind=document`)).body);
    assert.match(chronology, /Document removed: uploaded in error\./);
    const lines = await t.database.db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('record_id', '=', id)
      .execute();
    assert.deepEqual(lines.map((line) => line.summary).sort(), [
      'Document removed: uploaded in error.',
      'Police summary uploaded: Police summary for another family',
    ]);
    assert.ok(
      lines.every((line) => !line.summary.includes(workerName)),
      'the chronology names no one',
    );

    const auditor = await signedIn(t.app, 'kent', 'auditor');
    const log = words((await auditor.get(`${paths.audit()}?action=document.remove`)).body);
    assert.match(log, /Removed a document uploaded in error from the record of Ellis \w+, erasing its file/);
    assert.ok(log.includes(reason), 'the auditor reads the reason as it was typed');
  });

  it('answers the download of a removed document 404, never its bytes, and audits the refusal', async () => {
    const id = await idOf('Police summary for another family');
    const download = await worker.get(paths.documents.download(id));
    assert.equal(download.statusCode, 404);
    assert.ok(!download.rawPayload.includes(Buffer.from('%PDF')), 'no bytes of the file');
    const refusal = await t.database.db
      .selectFrom('audit_events')
      .select(['outcome', 'details'])
      .where('action', '=', 'document.download')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(refusal.outcome, 'refused');
    assert.equal((refusal.details as { reason?: string }).reason, 'document_removed');
  });

  it('tells a second removal it was already done, writing nothing more, and shows the removed document without a form', async () => {
    const id = await idOf('Police summary for another family');
    const again = await manager.post(
      paths.documents.remove(id),
      { reason: 'Wrong family' },
      { tokenFrom: paths.children.documents(childId) },
    );
    assert.equal(again.statusCode, 409);
    const workerName = await nameOf('social-worker@kent.example');
    assert.ok(
      words(again.body).includes(
        `This document was removed by ${workerName} on ${formatDate(new Date())}, before you confirmed`,
      ),
    );
    assert.ok(!again.body.includes('name="reason"'), 'no form to remove it again');
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('outcome')
      .where('action', '=', 'document.remove')
      .where('entity_id', '=', id)
      .where('outcome', '=', 'ok')
      .execute();
    assert.equal(events.length, 1, 'one removal in the audit log');
    const lines = await t.database.db
      .selectFrom('chronology_entries')
      .select('id')
      .where('record_id', '=', id)
      .where('summary', '=', 'Document removed: uploaded in error.')
      .execute();
    assert.equal(lines.length, 1, 'one line in the chronology');
    const page = await worker.get(paths.documents.remove(id));
    assert.equal(page.statusCode, 200);
    assert.match(words(page.body), /This document has been removed/);
    assert.ok(!page.body.includes('name="reason"'));
  });

  it('lets a manager of the case remove a colleague’s upload, and nobody else who did not upload it (R-X-7)', async () => {
    assert.equal((await upload(worker, 'School report for another school')).statusCode, 303);
    const id = await idOf('School report for another school');
    // The DSL sees Ellis's record (they recorded the incident) but did not upload it and manages no one.
    const dsl = await signedIn(t.app, 'kent', 'dsl');
    const theirs = await dsl.get(paths.children.documents(childId));
    assert.equal(theirs.statusCode, 200);
    assert.ok(!theirs.body.includes(`href="${paths.documents.remove(id)}"`), 'no removal offered to them');
    assert.equal((await dsl.get(paths.documents.remove(id))).statusCode, 403);
    const refused = await dsl.post(
      paths.documents.remove(id),
      { reason: 'Not mine' },
      { tokenFrom: paths.children.documents(childId) },
    );
    assert.equal(refused.statusCode, 403);
    const refusal = await t.database.db
      .selectFrom('audit_events')
      .select('outcome')
      .where('action', '=', 'document.remove')
      .where('entity_id', '=', id)
      .where('outcome', '=', 'refused')
      .executeTakeFirst();
    assert.ok(refusal, 'the refusal is audited');

    const offered = await manager.get(paths.children.documents(childId));
    assert.ok(offered.body.includes(`href="${paths.documents.remove(id)}"`), 'the manager is offered the removal');
    const removed = await manager.post(
      paths.documents.remove(id),
      { reason: 'The school sent the report for another pupil' },
      { tokenFrom: paths.documents.remove(id) },
    );
    assert.equal(removed.statusCode, 303);
    const managerName = await nameOf('team-manager@kent.example');
    assert.ok(words((await worker.get(paths.children.documents(childId))).body).includes(`Removed by ${managerName}`));
    const row = await t.database.db
      .selectFrom('documents')
      .select('content')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.content, null);
  });
});
