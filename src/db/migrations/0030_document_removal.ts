// Removing a document uploaded in error (issue 15): its bytes are erased (the content set to null)
// and who removed it, when and why are kept beside what was there (the title, kind, type, size,
// SHA-256 and who uploaded it), so the record says a document was on the child's record and went
// (ADR 0019, addendum). A document is either whole (its bytes, of its size) or removed (no bytes,
// with all three of who, when and why); never half of each.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table documents alter column content drop not null;
    alter table documents add column removed_at timestamptz;
    alter table documents add column removed_by uuid references users(id);
    alter table documents add column removal_reason text;
    alter table documents drop constraint documents_size;
    alter table documents add constraint documents_kept_or_removed check (
      (removed_at is null and removed_by is null and removal_reason is null
        and content is not null and octet_length(content) = size_bytes)
      or (removed_at is not null and removed_by is not null and removal_reason is not null
        and length(removal_reason) between 1 and 2000
        and content is null)
    );
  `.execute(db);
}
