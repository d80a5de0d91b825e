// Searches for children by name: possible duplicates of a child about to be added (counted even
// when the person may not see them), and the children they may see, to link to an incident. The
// need-to-know rule in SQL is access.ts visibleTo.
import { type Kysely, sql } from 'kysely';
import type { Viewer } from '../domain/access.ts';
import { DOB_WINDOW_DAYS, NAME_SIMILARITY_THRESHOLD } from '../domain/child-match.ts';
import type { Database } from '../db/types.ts';
import { visibleTo } from './access.ts';
import { namedChild } from './children.ts';

export interface MatchRow {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  schoolOrSetting: string;
  similarity: number;
  visible: boolean;
}

/**
 * Possible existing records for a child about to be added: similar name (pg_trgm) and a
 * date of birth within the window, or with day and month swapped, in the same authority.
 */
export async function findPossibleMatches(
  db: Kysely<Database>,
  viewer: Viewer,
  child: { firstName: string; lastName: string; dateOfBirth: string },
): Promise<MatchRow[]> {
  const name = `${child.firstName} ${child.lastName}`.trim().toLowerCase();
  const born = sql<string>`${child.dateOfBirth}::date`;
  const rows = await db
    .selectFrom('children as c')
    .select((eb) => [
      'c.id',
      'c.first_name',
      'c.last_name',
      'c.date_of_birth',
      'c.school_or_setting',
      sql<number>`similarity(lower(c.first_name || ' ' || c.last_name), ${name})`.as('sim'),
      visibleTo(viewer)(eb).as('visible'),
    ])
    .where('c.authority_id', '=', viewer.authorityId)
    .where(
      sql<boolean>`(c.date_of_birth between ${born} - ${DOB_WINDOW_DAYS}::int and ${born} + ${DOB_WINDOW_DAYS}::int
        or c.date_of_birth = make_date(extract(year from ${born})::int, least(extract(day from ${born})::int, 12), extract(month from ${born})::int))`,
    )
    .where(sql<boolean>`similarity(lower(c.first_name || ' ' || c.last_name), ${name}) >= ${NAME_SIMILARITY_THRESHOLD}`)
    .orderBy('sim', 'desc')
    .limit(10)
    .execute();
  return rows.map((row) => ({
    ...namedChild(row),
    schoolOrSetting: row.school_or_setting,
    similarity: Number(row.sim),
    visible: Boolean(row.visible),
  }));
}

/** Children the viewer may see whose name or person id matches, for linking to an incident. */
export async function searchVisibleChildren(db: Kysely<Database>, viewer: Viewer, term: string, limit = 20) {
  const normalisedTerm = term.trim().toLowerCase();
  if (!normalisedTerm) return [];
  const rows = await db
    .selectFrom('children as c')
    .select(['c.id', 'c.first_name', 'c.last_name', 'c.date_of_birth', 'c.school_or_setting'])
    .where(visibleTo(viewer))
    .where((eb) =>
      eb.or([
        eb(
          sql`lower(c.first_name || ' ' || c.last_name)`,
          'like',
          `%${normalisedTerm.replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
        ),
        eb(sql<number>`similarity(lower(c.first_name || ' ' || c.last_name), ${normalisedTerm})`, '>=', 0.3),
        eb('c.person_id', '=', term.trim()),
      ]),
    )
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...namedChild(row), schoolOrSetting: row.school_or_setting }));
}
