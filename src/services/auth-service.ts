// Sign-in with argon2id hashes, lockout after repeated failures, and one answer for every
// kind of failure so the page never tells whether an e-mail address has an account.
import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../config.ts';
import { appendAuditEvent } from '../repositories/audit.ts';
import * as users from '../repositories/users.ts';
import { type CurrentUser, type Db, transaction } from './context.ts';

// argon2id (the library's default algorithm) with OWASP's suggested minimum cost.
const HASH_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

let dummyHash: Promise<string> | undefined;
/** A real hash to verify against when the e-mail is unknown, so both paths take as long. */
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  return dummyHash;
}

export type SignInResult = { ok: true; userId: string } | { ok: false };

export async function signIn(
  db: Db,
  config: Pick<Config, 'lockoutThreshold' | 'lockoutMs'>,
  a: { email: string; password: string; ip: string; requestId: string },
): Promise<SignInResult> {
  const creds = await users.findCredentialsByEmail(db, a.email);
  const passwordOk = await verify(creds?.passwordHash ?? (await timingDummy()), a.password).catch(() => false);
  const now = Date.now();
  const locked = !!creds?.lockedUntil && creds.lockedUntil.getTime() > now;
  const reason = !creds ? 'unknown_email' : !creds.active ? 'inactive' : locked ? 'locked' : !passwordOk ? 'wrong_password' : null;

  return transaction(db, async (trx) => {
    const base = { ip: a.ip, requestId: a.requestId, action: 'sign_in', entityType: 'user' } as const;
    if (reason || !creds) {
      let lockedNow = false;
      if (creds && reason === 'wrong_password') {
        lockedNow = creds.failedAttempts + 1 >= config.lockoutThreshold;
        await users.recordFailedSignIn(trx, creds.id, lockedNow ? new Date(now + config.lockoutMs) : null);
      }
      await appendAuditEvent(trx, {
        ...base,
        authorityId: creds?.authorityId ?? null,
        userId: creds?.id ?? null,
        entityId: creds?.id ?? '',
        outcome: 'failed',
        // The address typed is kept only when it matched no account, to spot probing.
        details: { reason, ...(creds ? {} : { email: a.email.trim().toLowerCase().slice(0, 200) }), ...(lockedNow ? { locked: true } : {}) },
      });
      return { ok: false } as const;
    }
    await users.recordSuccessfulSignIn(trx, creds.id);
    await appendAuditEvent(trx, { ...base, authorityId: creds.authorityId, userId: creds.id, entityId: creds.id, outcome: 'ok' });
    return { ok: true, userId: creds.id } as const;
  });
}

export async function loadCurrentUser(db: Db, userId: string): Promise<CurrentUser | undefined> {
  const u = await users.findUserById(db, userId);
  if (!u || !u.active) return undefined;
  return {
    id: u.id,
    authorityId: u.authorityId,
    roles: u.roles,
    displayName: u.displayName,
    jobTitle: u.jobTitle,
    agency: u.agency,
    email: u.email,
    trainings: u.trainings.map((t) => t.training),
    teams: u.teams,
  };
}

export async function recordSignOut(db: Db, user: CurrentUser, ip: string, requestId: string, reason: 'signed_out' | 'idle_timeout') {
  await transaction(db, (trx) =>
    appendAuditEvent(trx, {
      authorityId: user.authorityId,
      userId: user.id,
      action: reason === 'signed_out' ? 'sign_out' : 'session_timeout',
      entityType: 'user',
      entityId: user.id,
      outcome: 'ok',
      ip,
      requestId,
    }),
  );
}
