// @fastify/session store backed by the sessions table.
import type { SessionStore } from '@fastify/session';
import * as sessions from '../repositories/sessions.ts';
import type { Db } from '../services/context.ts';

type Callback = (err?: unknown) => void;
type GetCallback = (err: unknown, result?: unknown) => void;

export function databaseSessionStore(db: Db, ttlMs: number): SessionStore {
  return {
    set(sid: string, session: unknown, callback: Callback) {
      const userId = (session as { userId?: string }).userId ?? null;
      sessions.setSession(db, sid, session, new Date(Date.now() + ttlMs), userId).then(() => callback(), callback);
    },
    get(sid: string, callback: GetCallback) {
      sessions.getSession(db, sid).then(
        (data) => callback(null, data ?? null),
        (err) => callback(err),
      );
    },
    destroy(sid: string, callback: Callback) {
      sessions.destroySession(db, sid).then(() => callback(), callback);
    },
  } as SessionStore;
}
