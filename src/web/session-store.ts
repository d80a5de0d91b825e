// @fastify/session store backed by the sessions table. The store calls back into Fastify, which
// writes the response from inside that callback: an exception there is caught and logged, never
// left to end the process (a crash in one request must not end the service).
import type { SessionStore } from '@fastify/session';
import * as sessions from '../repositories/sessions.ts';
import type { Db } from '../services/context.ts';

type Callback = (err?: unknown) => void;
type GetCallback = (err: unknown, result?: unknown) => void;
type Log = (err: unknown) => void;

export function databaseSessionStore(db: Db, ttlMs: number, log: Log): SessionStore {
  const safely =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (err) {
        log(err);
      }
    };
  return {
    set(sid: string, session: unknown, callback: Callback) {
      const userId = (session as { userId?: string }).userId ?? null;
      const done = safely(callback);
      sessions.setSession(db, sid, session, new Date(Date.now() + ttlMs), userId).then(() => done(), done);
    },
    get(sid: string, callback: GetCallback) {
      const done = safely(callback);
      sessions.getSession(db, sid).then(
        (data) => done(null, data ?? null),
        (err) => done(err),
      );
    },
    destroy(sid: string, callback: Callback) {
      const done = safely(callback);
      sessions.destroySession(db, sid).then(() => done(), done);
    },
  } as SessionStore;
}
