// One-off holidays belong to an authority: one authority's administrator cannot move another's
// deadlines (R-X-3). A holiday added before applied to every authority, so each keeps it: none of
// their deadlines moves with this change, and each administrator may now remove their own copy.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table one_off_holidays drop constraint one_off_holidays_pkey;
    alter table one_off_holidays add column authority_id text references authorities(id);
    update one_off_holidays h set authority_id = u.authority_id from users u where u.id = h.added_by;
    insert into one_off_holidays (authority_id, day, name, added_by, added_at)
      select a.id, h.day, h.name, h.added_by, h.added_at from one_off_holidays h cross join authorities a where a.id <> h.authority_id;
    alter table one_off_holidays alter column authority_id set not null;
    alter table one_off_holidays add primary key (authority_id, day);
  `.execute(db);
}
