// The columns record tables share: the opening (`create table`, the generated id and, for a record
// that belongs to an authority, its authority) and the closing stamps of a record that is changed in
// place (when it was made and last changed, and its version for detecting concurrent edits).
// Written once here for the migrations to interpolate.
//
// FROZEN. Migrations have already run on councils' databases, and a migration's output must never
// change: these helpers are used by released migrations, so they are never edited, not even their
// white space (the text they give is the SQL those migrations always sent). A later migration that
// wants a different opening writes a new helper, or its own SQL, beside these.
import { type RawBuilder, sql } from 'kysely';

/** A line break and the indentation of a column inside a migration's `create table`. */
const NEXT_COLUMN = '\n      ';

const ID = 'id uuid primary key default gen_random_uuid(),';
const AUTHORITY_ID = 'authority_id text not null references authorities(id),';

/** `create table <name> (` and its generated id column. */
export function createRecordTable(name: string): RawBuilder<unknown> {
  return sql.raw(`create table ${name} (${NEXT_COLUMN}${ID}`);
}

/** `create table <name> (`, its generated id column and the authority the record belongs to. */
export function createAuthorityRecordTable(name: string): RawBuilder<unknown> {
  return sql.raw(`create table ${name} (${NEXT_COLUMN}${ID}${NEXT_COLUMN}${AUTHORITY_ID}`);
}

/**
 * When the record was made and last changed, and the version a change must quote (design principle 3),
 * with no comma after: the migration writes one where columns or constraints follow.
 */
export function changedRecordStamps(): RawBuilder<unknown> {
  return sql.raw(
    [
      'created_at timestamptz not null default now(),',
      'updated_at timestamptz not null default now(),',
      'version integer not null default 1',
    ].join(NEXT_COLUMN),
  );
}
