// Working-day settings: each authority's one-off holidays and inactivity threshold (R-X-3,
// R-THU-7); API tokens.
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db/types.ts';
import { changedOne, type RowOf } from './shared-columns.ts';

export async function listOneOffHolidays(
  db: Kysely<Database>,
  authorityId: string,
): Promise<{ date: string; name: string; addedByName: string; addedAt: Date }[]> {
  const rows = await db
    .selectFrom('one_off_holidays as h')
    .innerJoin('users as u', 'u.id', 'h.added_by')
    .select(['h.day', 'h.name', 'h.added_at', 'u.display_name'])
    .where('h.authority_id', '=', authorityId)
    .orderBy('h.day')
    .execute();
  return rows.map((row) => ({ date: row.day, name: row.name, addedByName: row.display_name, addedAt: row.added_at }));
}

export async function insertOneOffHoliday(
  db: Kysely<Database>,
  holiday: { authorityId: string; date: string; name: string; addedBy: string },
): Promise<boolean> {
  const result = await db
    .insertInto('one_off_holidays')
    .values({ authority_id: holiday.authorityId, day: holiday.date, name: holiday.name, added_by: holiday.addedBy })
    .onConflict((oc) => oc.columns(['authority_id', 'day']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deleteOneOffHoliday(db: Kysely<Database>, authorityId: string, date: string): Promise<boolean> {
  const result = await db
    .deleteFrom('one_off_holidays')
    .where('authority_id', '=', authorityId)
    .where('day', '=', date)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function inactivitySetting(db: Kysely<Database>, authorityId: string): Promise<number | null> {
  const row = await db
    .selectFrom('authorities')
    .select('inactivity_working_days')
    .where('id', '=', authorityId)
    .executeTakeFirst();
  return row?.inactivity_working_days ?? null;
}

/** An authority's working-day settings: its one-off holidays and its inactivity setting. */
export interface WorkingDaySettings {
  holidays: { date: string; name: string }[];
  inactivityWorkingDays: number | null;
}

/** The query of an authority's working-day settings, for `workingDaySettings` and the child's record in one statement. */
export function workingDaySettingsQuery(db: Kysely<Database>, authorityId: string) {
  return db
    .selectFrom('authorities as a')
    .select((eb) => [
      'a.inactivity_working_days',
      jsonArrayFrom(
        eb
          .selectFrom('one_off_holidays as h')
          .select(['h.day', 'h.name'])
          .whereRef('h.authority_id', '=', 'a.id')
          .orderBy('h.day'),
      ).as('holidays'),
    ])
    .where('a.id', '=', authorityId);
}

/** The settings from the query's row (no row: an unknown authority, no holidays and no setting). */
export function toWorkingDaySettings(
  row: RowOf<typeof workingDaySettingsQuery> | null | undefined,
): WorkingDaySettings {
  return {
    holidays: (row?.holidays ?? []).map((holiday) => ({ date: holiday.day, name: holiday.name })),
    inactivityWorkingDays: row?.inactivity_working_days ?? null,
  };
}

/** An authority's working-day settings in one statement. */
export async function workingDaySettings(db: Kysely<Database>, authorityId: string): Promise<WorkingDaySettings> {
  return toWorkingDaySettings(await workingDaySettingsQuery(db, authorityId).executeTakeFirst());
}

export async function setInactivitySetting(
  db: Kysely<Database>,
  authorityId: string,
  days: number | null,
): Promise<void> {
  await db.updateTable('authorities').set({ inactivity_working_days: days }).where('id', '=', authorityId).execute();
}

export interface ApiTokenRow {
  id: string;
  authorityId: string;
  name: string;
  prefix: string;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export async function insertApiToken(
  db: Kysely<Database>,
  token: { authorityId: string; name: string; tokenHash: string; prefix: string; createdBy: string; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      authority_id: token.authorityId,
      name: token.name,
      token_hash: token.tokenHash,
      prefix: token.prefix,
      created_by: token.createdBy,
      expires_at: token.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listApiTokens(db: Kysely<Database>, authorityId: string): Promise<ApiTokenRow[]> {
  const rows = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.created_by')
    .selectAll('t')
    .select('u.display_name')
    .where('t.authority_id', '=', authorityId)
    .orderBy('t.created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    authorityId: row.authority_id,
    name: row.name,
    prefix: row.prefix,
    createdByName: row.display_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  }));
}

/** The live token with this hash, marking it used. */
export async function useApiToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<{ id: string; authorityId: string; name: string } | undefined> {
  const row = await db
    .updateTable('api_tokens')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['id', 'authority_id', 'name'])
    .executeTakeFirst();
  return row ? { id: row.id, authorityId: row.authority_id, name: row.name } : undefined;
}

export async function revokeApiToken(db: Kysely<Database>, authorityId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('authority_id', '=', authorityId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return changedOne(result);
}
