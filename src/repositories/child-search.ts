// Searches for children by name: possible duplicates of a child about to be added (counted even
// when the person may not see them), and the children they may see, to link to an incident. The
// need-to-know rule in SQL is access.ts visibleTo.
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Viewer } from '../domain/access.ts';
import { DOB_WINDOW_DAYS, NAME_SIMILARITY_THRESHOLD, WORD_SIMILARITY_THRESHOLD } from '../domain/child-match.ts';
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

/** What "Find a child" looks for; every part given must match. */
export interface FindCriteria {
  /** Each word of the name typed, as the names it may be (the word itself first: nicknames.ts nameVariants). */
  nameWords: readonly (readonly string[])[];
  /** A date of birth, YYYY-MM-DD, and the same with its day and month swapped (null when there is none). */
  dateOfBirth: { exact: string; swapped: string | null } | null;
  /** A school or setting, lower case. */
  school: string;
  /** An NHS number (its 10 digits) or a person ID (upper case), spaces and hyphens taken out. */
  identifier: string;
}

export interface FoundChild {
  id: string;
  firstName: string;
  lastName: string;
  otherNames: string;
  dateOfBirth: string;
  schoolOrSetting: string;
  /** Found by the date of birth with its day and month swapped, not the date itself. */
  bornSwapped: boolean;
}

export interface FindResult {
  /** The closest matches the viewer may see, best first, at most the limit. */
  shown: FoundChild[];
  /** How many children the viewer may see match in all. */
  visible: number;
  /** How many other children of the authority match that the viewer may not see: a count, nothing else. */
  hidden: number;
}

/** Every name of the child, as the search compares them (indexed so by 0025_child_search_index). */
const NAMES = sql<string>`lower(c.first_name || ' ' || c.last_name || ' ' || c.other_names)`;
const SCHOOL = sql<string>`lower(c.school_or_setting)`;

/**
 * Children of the viewer's authority matching every part of the search: each word of the name
 * (or one of its variants) like one of the child's names, allowing typing errors (pg_trgm word
 * similarity at least `WORD_SIMILARITY_THRESHOLD`); the date of birth, or the same with the day and
 * month swapped; the school or setting, allowing typing errors; the NHS number or person ID. The
 * closest first: ranked by strict word similarity (whole words), so "Elis" puts Ellis before
 * Elizabeth, whom the looser test also lets through. One
 * statement finds every match and decides sight of each with the need-to-know rule (visibleTo):
 * the children the viewer may see come back with their details, the others only as a count, so
 * nothing about them (not even which matched first) leaves the database, and the work done is the
 * same whoever may see them.
 */
export async function findChildren(
  db: Kysely<Database>,
  viewer: Viewer,
  criteria: FindCriteria,
  limit = 50,
): Promise<FindResult> {
  const run = async (trx: Kysely<Database>) => {
    // The `<%` operator (which the trigram indexes answer) compares with this setting, for this transaction only.
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`.execute(
      trx,
    );
    const { nameWords: words, dateOfBirth, school, identifier } = criteria;
    const nameScore = words.length
      ? sql.join(
          words.map(
            (variants) =>
              sql`greatest(${sql.join(variants.map((variant) => sql`strict_word_similarity(${variant}, ${NAMES})`))})`,
          ),
          sql` + `,
        )
      : sql`0`;
    const schoolScore = school ? sql`strict_word_similarity(${school}, ${SCHOOL})` : sql`0`;
    const nhsDigits = /^\d{10}$/.test(identifier) ? identifier : null;
    const row = await trx
      .with('m', (qc) =>
        qc
          .selectFrom('children as c')
          .select((eb) => [
            'c.id',
            // True or false: the rule's comparisons with an unallocated child's empty columns are null.
            eb.fn.coalesce(visibleTo(viewer)(eb), sql<SqlBool>`false`).as('visible'),
            sql<number>`${nameScore} + ${schoolScore}`.as('score'),
          ])
          .where('c.authority_id', '=', viewer.authorityId)
          .where((eb) =>
            eb.and([
              ...words.map((variants) => eb.or(variants.map((variant) => sql<SqlBool>`${variant} <% ${NAMES}`))),
              ...(dateOfBirth
                ? [
                    eb('c.date_of_birth', 'in', [
                      dateOfBirth.exact,
                      ...(dateOfBirth.swapped ? [dateOfBirth.swapped] : []),
                    ]),
                  ]
                : []),
              ...(school ? [sql<SqlBool>`${school} <% ${SCHOOL}`] : []),
              ...(identifier
                ? [
                    eb.or([
                      ...(nhsDigits
                        ? [
                            eb.and([
                              eb('c.nhs_number', '<>', ''),
                              eb(sql`translate(c.nhs_number, ' -', '')`, '=', nhsDigits),
                            ]),
                          ]
                        : []),
                      eb.and([
                        eb('c.person_id', '<>', ''),
                        eb(sql`upper(translate(c.person_id, ' -', ''))`, '=', identifier),
                      ]),
                    ]),
                  ]
                : []),
            ]),
          ),
      )
      .with('counts', (qc) =>
        qc
          .selectFrom('m')
          .select([
            sql<string>`count(*) filter (where m.visible)`.as('visible'),
            sql<string>`count(*) filter (where not m.visible)`.as('hidden'),
          ]),
      )
      .with('shown', (qc) =>
        qc
          .selectFrom('m')
          .innerJoin('children as c', 'c.id', 'm.id')
          .select([
            'c.id',
            'c.first_name',
            'c.last_name',
            'c.other_names',
            'c.date_of_birth',
            'c.school_or_setting',
            'm.score',
          ])
          .where('m.visible', '=', true)
          .orderBy('m.score', 'desc')
          .orderBy('c.last_name')
          .orderBy('c.first_name')
          .orderBy('c.date_of_birth')
          .orderBy('c.id')
          .limit(limit),
      )
      .selectFrom('counts')
      .select((eb) => [
        'counts.visible',
        'counts.hidden',
        eb
          .selectFrom('shown')
          .select(
            sql<
              FoundRow[] | null
            >`json_agg(shown order by shown.score desc, shown.last_name, shown.first_name, shown.date_of_birth, shown.id)`.as(
              'rows',
            ),
          )
          .as('rows'),
      ])
      .executeTakeFirstOrThrow();
    return row;
  };
  const row = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  return {
    visible: Number(row.visible),
    hidden: Number(row.hidden),
    shown: (row.rows ?? []).map((found) => ({
      ...namedChild(found),
      otherNames: found.other_names,
      schoolOrSetting: found.school_or_setting,
      bornSwapped: criteria.dateOfBirth !== null && found.date_of_birth !== criteria.dateOfBirth.exact,
    })),
  };
}

interface FoundRow {
  id: string;
  first_name: string;
  last_name: string;
  other_names: string;
  date_of_birth: string;
  school_or_setting: string;
}
