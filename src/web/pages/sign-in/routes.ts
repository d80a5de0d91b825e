// Sign in and out, choosing between authorities, staying signed in, and changing one's own
// password. Every sign-in failure answers the same, whatever the cause (unknown e-mail, wrong
// password, locked or inactive account); the audit log records the real reason. Sign-in is
// limited per address and per account; before sign-in nothing is stored: the form's CSRF token is
// a signed cookie of its own, so an anonymous visit writes no session row.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  accountChoices,
  auditRateLimited,
  changePassword,
  mustChangePassword,
  recordSignIn,
  recordSignOut,
  signIn,
} from '../../../services/auth-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { errorView } from '../../forms.ts';
import { paths, safeReturnPath } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { authorityForm, credentialsForm, keepAliveForm, passwordForm, signInForm, signInQuery } from './schema.ts';
import { authorityModel, passwordModel, signInModel } from './view-model.ts';

export const SIGN_IN_FAILED =
  'Enter a correct email address and password. If you have tried several times, wait 15 minutes or ask your administrator to unlock your account.';
export const SIGN_IN_LIMITED = 'You have tried to sign in too many times. Wait 15 minutes, then try again.';

const PRE_SESSION_COOKIE = 'hsb_signin';
const WINDOW_MS = 15 * 60_000;
/** How long the choice between authorities waits after the password was checked. */
const CHOICE_MS = 5 * 60_000;

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** Accounts in several authorities matched the address and password: the person chooses one. */
    choose?: { userIds: string[]; at: number; returnTo: string };
  }
}

export default function signInRoutes(app: FastifyInstance, { db, config }: AppDeps): void {
  const perAddress = app.createRateLimit({
    max: config.signInLimitPerAddress,
    timeWindow: WINDOW_MS,
    keyGenerator: (req) => `sign-in-address:${req.ip}`,
  });
  const perAccount = app.createRateLimit({
    max: config.signInLimitPerAccount,
    timeWindow: WINDOW_MS,
    keyGenerator: (req) => `sign-in-account:${signInForm.read(req.body).email.trim().toLowerCase().slice(0, 320)}`,
  });
  const cookieOptions = {
    path: '/sign-in',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
    signed: true,
    maxAge: 2 * 60 * 60,
  };

  /** The sign-in form's CSRF token: a random value kept in a signed cookie of its own (no session before sign-in). */
  function preSessionToken(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[PRE_SESSION_COOKIE];
    const unsigned = existing ? request.unsignCookie(existing) : null;
    if (unsigned?.valid && unsigned.value && /^[A-Za-z0-9_-]{32,64}$/.test(unsigned.value)) return unsigned.value;
    const token = randomBytes(24).toString('base64url');
    reply.setCookie(PRE_SESSION_COOKIE, token, cookieOptions);
    return token;
  }

  /** Whether the token the form sent is the one in its cookie. */
  function preSessionTokenValid(request: FastifyRequest, token: string): boolean {
    const cookie = request.cookies[PRE_SESSION_COOKIE];
    const unsigned = cookie ? request.unsignCookie(cookie) : null;
    const sent = Buffer.from(token);
    const kept = Buffer.from(unsigned?.valid ? (unsigned.value ?? '') : '');
    return kept.length > 0 && sent.length === kept.length && timingSafeEqual(sent, kept);
  }

  function renderSignIn(request: FastifyRequest, reply: FastifyReply, model: Record<string, unknown>) {
    return reply.page('pages/sign-in/view.njk', signInModel(model, preSessionToken(request, reply)));
  }

  /** The signed-in session: a new id (a session fixed before sign-in is worthless after it) with its CSRF secret made now, so pages opened at once share it. */
  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string, returnTo: string) {
    await request.session.regenerate();
    request.session.userId = userId;
    request.session.lastSeen = Date.now();
    reply.generateCsrf();
    reply.clearCookie(PRE_SESSION_COOKIE, { path: '/sign-in' });
    return reply.redirect((await mustChangePassword(db, userId)) ? paths.changePassword() : returnTo, 303);
  }

  app.get('/sign-in', { config: { public: true, action: 'session.sign_in' } }, async (request, reply) => {
    if (request.actor) return reply.redirect(paths.home(), 303);
    const query = signInQuery.read(request.query);
    return renderSignIn(request, reply, {
      timedOut: query.reason === 'timeout',
      signedOut: query.reason === 'signed-out',
      returnTo: safeReturnPath(query.returnTo),
    });
  });

  app.post('/sign-in', { config: { public: true, action: 'session.sign_in' } }, async (request, reply) => {
    const form = signInForm.read(request.body);
    if (!preSessionTokenValid(request, form._csrf))
      return reply.code(403).page('views/csrf.njk', { pageTitle: 'This form has expired', csrfToken: '' });
    const returnTo = safeReturnPath(form.returnTo);
    const values = { email: form.email };
    // isAllowed means "on the allow list"; isExceeded is the limit reached.
    const limited = [await perAddress(request), await perAccount(request)].find(
      (check) => !check.isAllowed && check.isExceeded,
    );
    if (limited && !limited.isAllowed) {
      await auditRateLimited(db, {
        email: values.email,
        ip: request.ip,
        requestId: request.id,
        limit: limited.key.startsWith('sign-in-address') ? 'address' : 'account',
      });
      reply.header('retry-after', String(limited.ttlInSeconds));
      return renderSignIn(request, reply.code(429), {
        errors: errorView([{ field: 'email', message: SIGN_IN_LIMITED }]),
        values,
        returnTo,
      });
    }
    const parsed = credentialsForm.parse(request.body);
    if (!parsed.ok)
      return renderSignIn(request, reply.code(400), { errors: errorView(parsed.errors), values, returnTo });
    const result = await signIn(db, config, { ...parsed.data, ip: request.ip, requestId: request.id });
    if (result.ok === false)
      return renderSignIn(request, reply.code(401), {
        errors: errorView([{ field: 'email', message: SIGN_IN_FAILED }]),
        values,
        returnTo,
      });
    if (result.ok === 'choose') {
      await request.session.regenerate();
      request.session.choose = { userIds: result.userIds, at: Date.now(), returnTo };
      return reply.redirect(paths.chooseAuthority(), 303);
    }
    return startSession(request, reply, result.userId, returnTo);
  });

  // The same address and password open accounts in more than one authority: which one now?
  async function choices(request: FastifyRequest) {
    const choice = request.session.choose;
    if (!choice || Date.now() - choice.at > CHOICE_MS) return null;
    return { returnTo: choice.returnTo, items: await accountChoices(db, choice.userIds) };
  }

  app.get('/sign-in/authority', { config: { public: true, action: 'session.sign_in' } }, async (request, reply) => {
    const choice = await choices(request);
    if (!choice) return reply.redirect(paths.signIn(), 303);
    return reply.page('pages/sign-in/authority.njk', authorityModel(choice.items, preSessionToken(request, reply)));
  });

  app.post('/sign-in/authority', { config: { public: true, action: 'session.sign_in' } }, async (request, reply) => {
    const form = authorityForm.read(request.body);
    if (!preSessionTokenValid(request, form._csrf))
      return reply.code(403).page('views/csrf.njk', { pageTitle: 'This form has expired', csrfToken: '' });
    const choice = await choices(request);
    if (!choice) return reply.redirect(paths.signIn(), 303);
    const chosen = choice.items.find((i) => i.value === form.account);
    if (!chosen) {
      const errors = errorView([{ field: 'account', message: 'Select the authority you are working for' }]);
      return reply
        .code(400)
        .page('pages/sign-in/authority.njk', authorityModel(choice.items, preSessionToken(request, reply), errors));
    }
    await recordSignIn(
      db,
      chosen.value,
      chosen.authorityId,
      { ip: request.ip, requestId: request.id },
      { chosenFrom: choice.items.length },
    );
    return startSession(request, reply, chosen.value, choice.returnTo);
  });

  app.post('/sign-out', { config: { public: true, action: 'session.sign_out' } }, async (request, reply) => {
    if (request.actor) await recordSignOut(db, request.actor.user, request.ip, request.id, 'signed_out');
    await request.session.destroy();
    return reply.redirect(`${paths.signIn()}?reason=signed-out`, 303);
  });

  app.post('/session/keep-alive', { config: { action: 'session.keep_alive' } }, async (request, reply) => {
    request.session.lastSeen = Date.now();
    if ((request.headers.accept ?? '').includes('application/json')) return reply.send({ ok: true });
    return reply.redirect(safeReturnPath(keepAliveForm.read(request.body).returnTo), 303);
  });

  // --- One's own password -------------------------------------------------------------------
  function renderPassword(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    return reply.page('pages/sign-in/password.njk', { ...passwordModel(actorOf(request).user), ...extra });
  }

  app.get('/account/password', { config: { action: 'account.password' } }, (request, reply) =>
    renderPassword(request, reply),
  );

  app.post('/account/password', { config: { action: 'account.password' } }, async (request, reply) => {
    const password = passwordForm.read(request.body);
    return submitForm(request, reply, {
      act: () => changePassword(db, actorOf(request), password, request.session.sessionId),
      flash: { title: 'Password changed', text: 'You are signed out everywhere else.' },
      redirect: () => paths.home(),
      again: (errorReply, errors) => renderPassword(request, errorReply, { errors }),
    });
  });
}
