// The body map (issue 15): where a child was touched or injured, as the regions of front and back
// outlines (domain/body-map.ts), on the Sexual Behaviour Recording Form and on a case note.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table incidents add column body_regions text[] not null default '{}';
    alter table case_notes add column body_regions text[] not null default '{}';
  `.execute(db);
}
