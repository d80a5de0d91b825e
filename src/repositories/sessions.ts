// Sessions kept in the database, so they survive a restart and can be ended centrally.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export async function getSession(db: Kysely<Database>, sid: string): Promise<unknown> {
  const row = await db
    .selectFrom('sessions')
    .select(['data'])
    .where('sid', '=', sid)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row?.data;
}

export async function setSession(
  db: Kysely<Database>,
  sid: string,
  data: unknown,
  expiresAt: Date,
  userId: string | null,
): Promise<void> {
  const json = JSON.stringify(data);
  await db
    .insertInto('sessions')
    .values({ sid, data: json, expires_at: expiresAt, user_id: userId })
    .onConflict((oc) => oc.column('sid').doUpdateSet({ data: json, expires_at: expiresAt, user_id: userId }))
    .execute();
}

export async function destroySession(db: Kysely<Database>, sid: string): Promise<void> {
  await db.deleteFrom('sessions').where('sid', '=', sid).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<number> {
  const res = await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Ends every session of this person, except the one given (their own, when they change their password). */
export async function deleteSessionsForUser(db: Kysely<Database>, userId: string, exceptSid?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSid) query = query.where('sid', '!=', exceptSid);
  await query.execute();
}
