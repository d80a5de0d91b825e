// A document removed in error (issue 15, migration 0030), on PGlite and (when TEST_DATABASE_URL is
// set) on PostgreSQL as the application's role: its bytes erased and who, when and why kept; a
// second removal writes nothing; the database itself refuses a document half removed, or without
// its bytes and not removed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import * as documents from '../../src/repositories/documents.ts';
import { describeOnEachDatabase } from '../helpers/db.ts';

const bytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

describeOnEachDatabase('documents removed in error', (database) => {
  async function newDocument(title: string): Promise<{ id: string; uploadedBy: string }> {
    const { db } = database();
    const child = await db
      .selectFrom('children')
      .select('id')
      .where('authority_id', '=', 'kent')
      .executeTakeFirstOrThrow();
    const user = await db.selectFrom('users').select('id').where('authority_id', '=', 'kent').executeTakeFirstOrThrow();
    const id = await documents.insertDocument(db, {
      authorityId: 'kent',
      childId: child.id,
      kind: 'police_summary',
      title,
      fileName: 'summary.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      scanResult: 'not_scanned',
      uploadedBy: user.id,
      content: bytes,
    });
    return { id, uploadedBy: user.id };
  }

  it('erases the bytes once, keeps who removed it, when and why beside what was there, and writes nothing the second time', async () => {
    const { db } = database();
    const { id, uploadedBy } = await newDocument('Uploaded to the wrong record');
    assert.ok((await documents.documentContent(db, id))?.length === bytes.length);
    assert.equal(await documents.removeDocument(db, id, { removedBy: uploadedBy, reason: 'Wrong family' }), true);
    assert.equal(await documents.documentContent(db, id), undefined, 'no bytes to download');
    const row = await db
      .selectFrom('documents')
      .select(['content', 'size_bytes'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.content, null);
    assert.equal(row.size_bytes, bytes.length);
    const found = (await documents.findDocument(db, id))!;
    assert.equal(found.title, 'Uploaded to the wrong record');
    assert.equal(found.removal?.removedBy, uploadedBy);
    assert.equal(found.removal?.reason, 'Wrong family');
    assert.ok(found.removal?.removedByName);
    const removedAt = found.removal.removedAt;
    assert.equal(await documents.removeDocument(db, id, { removedBy: uploadedBy, reason: 'Again' }), false);
    const again = (await documents.findDocument(db, id))!;
    assert.equal(again.removal?.reason, 'Wrong family', 'the first reason stands');
    assert.equal(again.removal?.removedAt.getTime(), removedAt.getTime());
  });

  it('refuses a document without its bytes that is not removed, or removed without who or why', async () => {
    const { db } = database();
    const { id, uploadedBy } = await newDocument('Kept whole');
    await assert.rejects(
      db.updateTable('documents').set({ content: null }).where('id', '=', id).execute(),
      /documents_kept_or_removed/,
    );
    await assert.rejects(
      db
        .updateTable('documents')
        .set({ content: null, removed_at: new Date(), removed_by: uploadedBy })
        .where('id', '=', id)
        .execute(),
      /documents_kept_or_removed/,
    );
    await assert.rejects(
      db
        .updateTable('documents')
        .set({ removed_at: new Date(), removed_by: uploadedBy, removal_reason: 'Bytes kept' })
        .where('id', '=', id)
        .execute(),
      /documents_kept_or_removed/,
    );
    assert.ok(await documents.documentContent(db, id), 'still whole');
  });
});
