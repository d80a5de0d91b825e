// Corrections to submitted records (issue 15): a submitted incident, a screening decision or
// approved minutes is never edited in place. A correction keeps the record as it stood before,
// whole, with what changed, the reason and who made it; the record then carries the corrected
// answers. Version 1 is the record as first submitted, each correction makes the next version,
// and every earlier version stays readable. Rows are only ever added.
import { type Kysely, sql } from 'kysely';
import { createAuthorityRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${createAuthorityRecordTable('record_corrections')}
      record_type text not null check (record_type in ('incident', 'screening', 'minutes')),
      record_id uuid not null,
      number integer not null check (number >= 1),
      part text not null check (length(part) between 1 and 60),
      changed_fields text[] not null check (cardinality(changed_fields) >= 1),
      before jsonb not null,
      reason text not null check (length(reason) between 1 and 2000),
      corrected_by uuid not null references users(id),
      corrected_at timestamptz not null default now(),
      unique (record_type, record_id, number)
    );
  `.execute(db);
}
