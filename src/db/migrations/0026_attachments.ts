// Documents on a child's record (issue 15, attachments): a police summary, a school report, a
// signed plan, an assessment or another document, uploaded as a PDF, JPG, PNG or Word document
// (the type its content shows). The bytes are kept here, in the database, so that backups and
// retention cover them like every other record; with them their SHA-256, size, type, the name
// the file was sent with (made safe), who uploaded it and when, and whether a virus scanner
// passed it or none was configured (ADR 0019). A document is on one child's record (R-X-1) and is
// kept as uploaded; it enters the chronology.
import { type Kysely, sql } from 'kysely';
import { createAuthorityRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${createAuthorityRecordTable('documents')}
      child_id uuid not null references children(id),
      kind text not null check (kind in ('police_summary', 'school_report', 'signed_plan', 'assessment', 'other')),
      title text not null check (length(title) between 1 and 200),
      file_name text not null check (length(file_name) between 1 and 150),
      content_type text not null check (content_type in (
        'application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      )),
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      scan_result text not null check (scan_result in ('clean', 'not_scanned')),
      uploaded_by uuid not null references users(id),
      uploaded_at timestamptz not null default now(),
      constraint documents_size check (octet_length(content) = size_bytes)
    );
    create index documents_child_idx on documents (child_id, uploaded_at desc);
    alter table chronology_entries drop constraint chronology_record_type;
    alter table chronology_entries add constraint chronology_record_type check (record_type in (
      'meeting', 'referral', 'assessment', 'panel_referral', 'screening', 'task', 'external_decision', 'plan', 'case_note', 'document'
    ));
  `.execute(db);
}
