// Who linked a child to an incident by correcting it (issue 15). A child the author linked while
// the incident was a draft has none; a child a manager added to the submitted incident keeps who
// added them, so that writing the incident never gives its author sight of a child they did not
// link themselves.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table incident_children add column linked_by uuid references users(id);
  `.execute(db);
}
