// Sign-in with argon2id hashes, lockout after repeated failures decided atomically in the
// database, one answer for every kind of failure so the page never tells whether an e-mail address
// has an account, and a person's own password change (forced after an administrator's reset).
import { createHmac } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../config.ts';
import { MAX_PASSWORD_LENGTH, passwordChangeProblems } from '../domain/passwords.ts';
import { currentAuditKey } from '../repositories/audit.ts';
import * as authorities from '../repositories/authorities.ts';
import { deleteSessionsForUser } from '../repositories/sessions.ts';
import * as users from '../repositories/users.ts';
import type { Actor, CurrentUser, Db } from './actor.ts';
import { ValidationError } from './errors.ts';
import { auditAttempt, auditedChange } from './audited-change.ts';

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

export type SignInResult =
  | { ok: true; userId: string }
  /** The same address and password open accounts in more than one authority: the person chooses. */
  | { ok: 'choose'; userIds: string[] }
  | { ok: false };

/**
 * Checks the address and password. The lockout is decided in the database, one attempt reserved
 * atomically before each check, so attempts sent at once lock the account as serial ones do. Every
 * failure is audited with its real reason, under the authority of the account (or of the address's
 * domain when no account has it), while the page says the same thing whatever the reason.
 */
export async function signIn(
  db: Db,
  config: Pick<Config, 'lockoutThreshold' | 'lockoutMs'>,
  attempt: { email: string; password: string; ip: string; requestId: string },
): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  const accounts = await users.findAccountsByEmail(db, email);
  const fail = (authorityId: string | null, userId: string | null, details: Record<string, unknown>) =>
    auditAttempt(
      db,
      { authorityId, userId, ip: attempt.ip, requestId: attempt.requestId },
      { action: 'sign_in', entityType: 'user', entityId: userId ?? '', details },
      'failed',
    );
  let verified = false;
  const matched: users.Credentials[] = [];
  for (const acc of accounts) {
    if (!acc.active) {
      await fail(acc.authorityId, acc.id, { reason: 'inactive' });
      continue;
    }
    if (acc.mustChangePassword && acc.oneOffExpiresAt && acc.oneOffExpiresAt.getTime() < Date.now()) {
      await fail(acc.authorityId, acc.id, { reason: 'one_off_password_expired' });
      continue;
    }
    const attempts = await users.reserveSignInAttempt(db, acc.id, config.lockoutThreshold, config.lockoutMs);
    if (attempts === null) {
      await fail(acc.authorityId, acc.id, { reason: 'locked' });
      continue;
    }
    verified = true;
    if (await verify(acc.passwordHash, attempt.password).catch(() => false)) {
      matched.push(acc);
      continue;
    }
    await fail(acc.authorityId, acc.id, {
      reason: 'wrong_password',
      ...(attempts >= config.lockoutThreshold ? { locked: true } : {}),
    });
  }
  // Every path checks one password at least, so the time taken says nothing of the account.
  if (!verified) await verify(await timingDummy(), attempt.password).catch(() => false);
  if (!accounts.length) {
    // To spot probing: the address typed matched no account. Its domain and a keyed hash of it are
    // kept, never the address itself (people type their password there); the authority is the domain's.
    await fail(await users.authorityForEmailDomain(db, email), null, {
      reason: 'unknown_email',
      ...typedAddress(email),
    });
  }
  if (!matched.length) return { ok: false };
  for (const account of matched) await users.recordSuccessfulSignIn(db, account.id);
  if (matched.length > 1) return { ok: 'choose', userIds: matched.map((account) => account.id) };
  await recordSignIn(db, matched[0]!.id, matched[0]!.authorityId, attempt);
  return { ok: true, userId: matched[0]!.id };
}

/** The sign-in itself, once the account is known (after a choice between authorities too). */
export async function recordSignIn(
  db: Db,
  userId: string,
  authorityId: string,
  request: { ip: string; requestId: string },
  details: Record<string, unknown> = {},
) {
  await auditAttempt(
    db,
    { authorityId, userId, ip: request.ip, requestId: request.requestId },
    { action: 'sign_in', entityType: 'user', entityId: userId, details },
    'ok',
  );
}

/**
 * What the audit log keeps of an address someone typed: its domain, and a hash keyed with the audit
 * key so that repeated attempts at one address can be told apart without storing it.
 */
export function typedAddress(email: string): { emailDomain: string; emailHash: string } {
  const address = email.trim().toLowerCase().slice(0, 320);
  const at = address.lastIndexOf('@');
  return {
    emailDomain: at === -1 ? '' : address.slice(at + 1, at + 101),
    emailHash: createHmac('sha256', currentAuditKey().secret).update(`address:${address}`).digest('hex').slice(0, 16),
  };
}

/** A sign-in refused by the rate limit, audited under the authority of the address's domain. */
export async function auditRateLimited(
  db: Db,
  attempt: { email: string; ip: string; requestId: string; limit: 'address' | 'account' },
) {
  const email = attempt.email.trim().toLowerCase().slice(0, 320);
  const authorityId = await users.authorityForEmailDomain(db, email);
  await auditAttempt(
    db,
    { authorityId, userId: null, ip: attempt.ip, requestId: attempt.requestId },
    {
      action: 'sign_in',
      entityType: 'user',
      entityId: '',
      details: { reason: 'rate_limited', limit: attempt.limit, ...typedAddress(email) },
    },
    'failed',
  );
}

/** The authorities to choose from when one address and password open several accounts. */
export async function accountChoices(
  db: Db,
  userIds: readonly string[],
): Promise<{ value: string; text: string; authorityId: string }[]> {
  const names = new Map((await authorities.listAuthorities(db)).map((authority) => [authority.id, authority.name]));
  const accounts = await Promise.all(userIds.map((id) => users.findUserById(db, id)));
  return accounts
    .filter((account) => account?.active)
    .map((account) => ({
      value: account!.id,
      text: names.get(account!.authorityId) ?? account!.authorityId,
      authorityId: account!.authorityId,
    }));
}

export async function mustChangePassword(db: Db, userId: string): Promise<boolean> {
  return (await users.findUserById(db, userId))?.mustChangePassword ?? false;
}

export { MIN_PASSWORD_LENGTH } from '../domain/passwords.ts';

/** A person changes their own password: after an administrator's reset they must, before anything else. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { current: string; next: string; confirm: string },
  keepSessionId: string,
): Promise<void> {
  const hashed = await users.passwordHashOf(db, actor.user.id);
  // A password too long to be anyone's is not tried against the hash.
  const currentMatches =
    hashed && input.current && input.current.length <= MAX_PASSWORD_LENGTH
      ? await verify(hashed, input.current).catch(() => false)
      : false;
  const errors = passwordChangeProblems(input, { currentMatches });
  if (errors.length) {
    if (errors.some((error) => error.field === 'current' && input.current)) {
      await auditAttempt(
        db,
        actor,
        {
          action: 'account.password',
          entityType: 'user',
          entityId: actor.user.id,
          details: { reason: 'wrong_password' },
        },
        'failed',
      );
    }
    throw new ValidationError(errors);
  }
  const hash = await hashPassword(input.next);
  await auditedChange(
    db,
    actor,
    { action: 'account.password', entityType: 'user', entityId: actor.user.id },
    async (trx) => {
      await users.setPasswordHash(trx, actor.user.id, hash, false);
      // Other sessions of this person end: whoever knew the old password is signed out.
      await deleteSessionsForUser(trx, actor.user.id, keepSessionId);
    },
  );
}

export async function loadCurrentUser(db: Db, userId: string): Promise<CurrentUser | undefined> {
  const user = await users.findUserById(db, userId);
  if (!user || !user.active) return undefined;
  return {
    id: user.id,
    authorityId: user.authorityId,
    roles: user.roles,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    agency: user.agency,
    email: user.email,
    trainings: user.trainings.map((entry) => entry.training),
    teams: user.teams,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function recordSignOut(
  db: Db,
  user: CurrentUser,
  ip: string,
  requestId: string,
  reason: 'signed_out' | 'idle_timeout',
) {
  await auditAttempt(
    db,
    { authorityId: user.authorityId, userId: user.id, ip, requestId },
    { action: reason === 'signed_out' ? 'sign_out' : 'session_timeout', entityType: 'user', entityId: user.id },
    'ok',
  );
}
