// Sign in and out. Every failure answers the same, whatever the cause (unknown e-mail, wrong
// password, locked or inactive account); the audit log records the real reason.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordSignOut, signIn } from '../../../services/auth-service.ts';
import type { AppDeps } from '../../app.ts';
import { type Body, errorView, str, zodErrors } from '../../forms.ts';
import { paths, safeReturnPath } from '../../paths.ts';

const schema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(320, 'Email address must be 320 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(1000, 'Password must be 1000 characters or fewer'),
});

export const SIGN_IN_FAILED = 'Enter a correct email address and password. If you have tried several times, wait 15 minutes or ask your administrator to unlock your account.';

export default async function signInRoutes(app: FastifyInstance, { db, config }: AppDeps) {
  app.get('/sign-in', { config: { public: true, action: 'session.sign_in' } }, async (request, reply) => {
    if (request.actor) return reply.redirect(paths.home(), 303);
    const q = request.query as Record<string, string | undefined>;
    return reply.page('pages/sign-in/view.njk', {
      pageTitle: 'Sign in',
      timedOut: q.reason === 'timeout',
      signedOut: q.reason === 'signed-out',
      returnTo: safeReturnPath(q.returnTo),
      values: {},
    });
  });

  app.post('/sign-in', { config: { public: true, action: 'session.sign_in' } }, async (request, reply) => {
    const body = request.body as Body;
    const returnTo = safeReturnPath(str(body, 'returnTo'));
    const parsed = schema.safeParse({ email: str(body, 'email'), password: str(body, 'password') });
    const values = { email: str(body, 'email') };
    if (!parsed.success) {
      return reply.code(400).page('pages/sign-in/view.njk', { pageTitle: 'Sign in', errors: errorView(zodErrors(parsed.error)), values, returnTo });
    }
    const result = await signIn(db, config, { ...parsed.data, ip: request.ip, requestId: request.id });
    if (!result.ok) {
      return reply.code(401).page('pages/sign-in/view.njk', {
        pageTitle: 'Sign in',
        errors: errorView([{ field: 'email', message: SIGN_IN_FAILED }]),
        values,
        returnTo,
      });
    }
    // A new session id at sign-in: a session fixed before sign-in is worthless after it.
    await request.session.regenerate();
    request.session.userId = result.userId;
    request.session.lastSeen = Date.now();
    return reply.redirect(returnTo, 303);
  });

  app.post('/sign-out', { config: { public: true, action: 'session.sign_out' } }, async (request, reply) => {
    if (request.actor) await recordSignOut(db, request.actor.user, request.ip, request.id, 'signed_out');
    await request.session.destroy();
    return reply.redirect(`${paths.signIn()}?reason=signed-out`, 303);
  });

  app.post('/session/keep-alive', { config: { action: 'session.keep_alive' } }, async (request, reply) => {
    request.session.lastSeen = Date.now();
    if ((request.headers.accept ?? '').includes('application/json')) return reply.send({ ok: true });
    return reply.redirect(safeReturnPath(str(request.body as Body, 'returnTo')), 303);
  });
}
