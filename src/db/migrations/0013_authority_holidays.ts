// One-off holidays belong to an authority: one authority's administrator cannot move another's
// deadlines (R-X-3). Existing holidays go to the authority of the administrator who added them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table one_off_holidays add column authority_id text references authorities(id);
    update one_off_holidays h set authority_id = u.authority_id from users u where u.id = h.added_by;
    alter table one_off_holidays alter column authority_id set not null;
    alter table one_off_holidays drop constraint one_off_holidays_pkey;
    alter table one_off_holidays add primary key (authority_id, day);
  `.execute(db);
}
