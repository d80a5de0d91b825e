// The children allocated to a team, read from the index alone (issue 13, ADR 0021): counting
// "all I can see" reads the team's entries in this index, with the authority and the status the
// list filters on, instead of testing every child in the table. It replaces the index on the
// allocated team alone, which it begins with.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index children_team_access_idx on children (allocated_team_id, authority_id, status, id);
    drop index children_team_idx;
  `.execute(db);
}
