// The web application: security middleware in an explicit order, then the pages.
import { randomBytes, randomUUID } from 'node:crypto';
import { validateHeaderValue } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { bodyMapPicture } from '../domain/body-map.ts';
import { datesInWords, formatDate, formatDateTime } from '../domain/london-time.ts';
import { TEXT_LIMITS } from '../domain/text-limits.ts';
import { type Schedule, scheduleText } from '../domain/meeting-schedule.ts';
import { citeFilter, citeText } from './cite.ts';
import { isActionId } from '../domain/actions.ts';
import { ROLE_LABELS, type Role } from '../domain/roles.ts';
import { loadCurrentUser, recordSignOut } from '../services/auth-service.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../services/context.ts';
import { paths, safeReturnPath, withQuery } from './paths.ts';
import { databaseSessionStore } from './session-store.ts';
import { type ErrorView, summaryInPageOrder } from './forms.ts';
import { MULTIPART_LIMITS, readUpload } from './uploads.ts';
import { getPack } from '../procedures/index.ts';
import { registerPages } from './pages/index.ts';
import { type AppDeps, type RegisteredRoute, actorOf } from './request-context.ts';

export { type AppDeps, type RegisteredRoute, actorOf };
import { type LogicalName, type Manifest, assetsDir, ensureAssets } from '../../scripts/build-assets.ts';
import { registerApi } from '../api/routes.ts';

const require = createRequire(import.meta.url);
const govukDist = path.dirname(require.resolve('govuk-frontend/package.json'));
const mojDist = path.dirname(require.resolve('@ministryofjustice/frontend/package.json'));
const webDir = import.meta.dirname;

export function nunjucksEnv(assets: Manifest): nunjucks.Environment {
  const env = nunjucks.configure([webDir, path.join(govukDist, 'dist'), mojDist], { autoescape: true, noCache: false });
  // The URL of a built asset under its fingerprinted name (ADR 0016).
  env.addGlobal('asset', (name: LogicalName) => {
    const file = assets.files[name];
    if (!file) throw new Error(`No built asset is called ${name}`);
    return `/public/${file}`;
  });
  env.addFilter('govukDate', (date: Date | string | null) => formatDate(date));
  env.addFilter('govukDateTime', (date: Date | null) => formatDateTime(date));
  // When a meeting meets, GOV.UK style: '10:30am to midday, 1 December 2026' (issue 15).
  env.addFilter('meetingWhen', (schedule: Schedule | null | undefined) =>
    schedule ? scheduleText(schedule) : 'Not yet scheduled',
  );
  env.addFilter('cite', citeFilter);
  env.addFilter('citeText', (clause: string | null | undefined) => citeText(clause));
  env.addFilter('datesInWords', (text: string | null | undefined) => datesInWords(text ?? ''));
  env.addGlobal('paths', paths);
  env.addGlobal('bodyMapOf', (ids: unknown) => bodyMapPicture(Array.isArray(ids) ? ids.map(String) : []));
  env.addGlobal('textLimits', TEXT_LIMITS);
  env.addGlobal('withQuery', withQuery);
  env.addGlobal('procedure', (id: string) => getPack(id));
  return env;
}

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const { db, config } = deps;
  // Built by `npm install`; built here only if that did not happen or the sources changed since.
  const assets = await ensureAssets();
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    genReqId: () => randomUUID(),
    // Only the proxies named in TRUST_PROXY are believed about the client's address: otherwise a
    // client could write any address it likes into the audit log.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    bodyLimit: 256 * 1024,
    // On shutdown, idle keep-alive sockets must not hold the process open.
    forceCloseConnections: true,
  });

  // Every route names its action in the action model (domain/actions.ts): a route without one
  // cannot be registered, and the route matrix test checks each does what the model says.
  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path ?? '';
    if (url.startsWith('/assets/') || url.startsWith('/public/')) return;
    const action = (route.config as { action?: string } | undefined)?.action;
    if (!action || !isActionId(action))
      throw new Error(`Route ${String(route.method)} ${url} names no action of the action model`);
    for (const method of [route.method].flat())
      registered.push({
        method: String(method),
        url,
        action,
        public: Boolean((route.config as { public?: boolean }).public),
      });
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // A header Node would refuse to write (a control character, a character above U+00FF) must
    // never reach the socket: it would throw outside any request's error handling.
    const location = reply.getHeader('location');
    if (location !== undefined) {
      try {
        validateHeaderValue('location', String(location));
      } catch {
        request.log.warn({ requestId: request.id }, 'unsafe redirect replaced');
        reply.header('location', '/');
      }
    }
    // Record pages must not be kept by browsers or proxies.
    if (!request.url.startsWith('/assets/') && !request.url.startsWith('/public/'))
      reply.header('cache-control', 'no-store');
  });

  // Pages and other responses over 1 KB are sent compressed to a browser that asks (brotli or
  // gzip); the built assets have compressed copies already. Request bodies are not decompressed,
  // as before. Before any route: the plugin attaches itself to each route as it is added.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    globalDecompression: false,
  });
  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    strictTransportSecurity: config.production,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyFormbody);
  // Limits are applied where they are needed (sign-in, the API), per address and per account or token.
  await app.register(fastifyRateLimit, { global: false });
  const secret = config.sessionSecret ?? randomBytes(32).toString('hex');
  // Signed cookies (the sign-in form's token) use the session secret.
  await app.register(fastifyCookie, { secret });
  await app.register(fastifySession, {
    secret,
    cookieName: 'hsb_session',
    saveUninitialized: false,
    rolling: false,
    store: databaseSessionStore(db, config.idleTimeoutMs + 60_000, (err) =>
      app.log.error({ err }, 'error inside the session store’s callback'),
    ),
    cookie: {
      secure: config.secureCookies,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
    },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });

  const env = nunjucksEnv(assets);
  // Nunjucks directly rather than through @fastify/view: one environment with our filters and
  // globals, rendered synchronously with the common page model (ADR 0001).
  app.decorateReply('page', function page(this: FastifyReply, template: string, model: Record<string, unknown> = {}) {
    const request = this.request;
    const user = request.actor?.user;
    const flash = request.session?.flash;
    if (flash) request.session.flash = undefined;
    // A signed-in page carries the session's CSRF token; before sign-in nothing is stored, and the
    // sign-in pages bring a token of their own.
    const csrfToken = Object.hasOwn(model, 'csrfToken')
      ? model['csrfToken']
      : request.session?.userId
        ? this.generateCsrf()
        : '';
    const context: Record<string, unknown> = {
      flash,
      ...model,
      cspNonce: (this as unknown as { cspNonce?: { script: string } }).cspNonce?.script,
      csrfToken,
      currentUser: user ? { ...user, roleLabels: user.roles.map((role: Role) => ROLE_LABELS[role]) } : null,
      nav: user ? navFor(user.roles, request.url, Boolean(getPack(user.authorityId)?.aimPanel)) : [],
      idle: user
        ? {
            timeoutSeconds: Math.round(config.idleTimeoutMs / 1000),
            warningSeconds: Math.round(config.idleWarningMs / 1000),
          }
        : null,
      requestId: request.id,
    };
    let html = env.render(template, context);
    // One rule for every form: the error summary lists errors in the order of their fields on the
    // page, whatever order the checks ran in; an error linking to nothing on the page is a mistake.
    const errors = model['errors'] as ErrorView | undefined;
    if (errors && Array.isArray(errors.summary) && errors.summary.length) {
      const { ordered, lost } = summaryInPageOrder(html, errors.summary);
      if (lost.length)
        request.log.warn(
          { template, hrefs: lost.map((link) => link.href) },
          'error summary links to nothing on the page',
        );
      if (ordered.some((link, i) => link !== errors.summary[i]))
        html = env.render(template, { ...context, errors: { ...errors, summary: ordered } });
    }
    return this.type('text/html; charset=utf-8').send(html);
  });

  // A whole document outside the page layout (a meeting record to download).
  app.decorateReply(
    'renderDocument',
    function renderDocument(this: FastifyReply, template: string, model: Record<string, unknown> = {}) {
      // Read away from the service: citations in plain words, not links to its pages.
      return env.render(template, { ...model, documentForDownload: true });
    },
  );

  await app.register(fastifyStatic, {
    root: path.join(govukDist, 'dist', 'govuk', 'assets'),
    prefix: '/assets/',
    maxAge: '1d',
  });
  // Built files only, each named by a hash of its content, so a browser may keep it for good; the
  // brotli or gzip copy built beside it is sent to a browser that accepts one.
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: '/public/',
    decorateReply: false,
    preCompressed: true,
    maxAge: 365 * 24 * 60 * 60 * 1000,
    immutable: true,
    // A shared cache must not hand the brotli copy to a browser that did not ask for it.
    setHeaders: (res) => {
      res.setHeader('vary', 'accept-encoding');
    },
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404);
    return renderSimple(reply, request, 'views/not-found.njk');
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number; validation?: unknown }, request, reply) => {
    if (error instanceof NotFoundError) return renderSimple(reply.code(404), request, 'views/not-found.njk');
    if (error instanceof ForbiddenError) {
      return renderSimple(reply.code(403), request, 'views/forbidden.njk', {
        changing: request.method !== 'GET' && request.method !== 'HEAD',
        explanation: error.message === 'Forbidden' ? null : error.message,
      });
    }
    if (error instanceof ConflictError)
      return renderSimple(reply.code(409), request, 'views/conflict.njk', { conflict: error });
    if (typeof error.code === 'string' && error.code.startsWith('FST_CSRF')) {
      request.log.warn({ code: error.code }, 'CSRF token refused');
      return renderSimple(reply.code(403), request, 'views/csrf.njk');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'bad request');
      return renderSimple(reply.code(error.statusCode), request, 'views/bad-request.njk', {
        explanation: error instanceof BadRequestError ? error.message : null,
      });
    }
    request.log.error({ err: error, requestId: request.id }, 'unexpected error');
    return renderSimple(reply.code(500), request, 'views/error.njk');
  });

  function renderSimple(
    reply: FastifyReply,
    request: FastifyRequest,
    template: string,
    model: Record<string, unknown> = {},
  ) {
    try {
      return reply.page(template, model);
    } catch (err) {
      request.log.error({ err }, 'could not render error page');
      return reply
        .type('text/plain; charset=utf-8')
        .send(`Sorry, there is a problem with the service. Reference: ${request.id}`);
    }
  }

  app.get('/health', { config: { public: true, action: 'service.health' } }, async (_request, reply) => {
    await db.selectFrom('authorities').select('id').limit(1).execute();
    return reply.type('application/json').header('cache-control', 'no-store').send({ status: 'ok' });
  });

  await registerApi(app, db, config);

  // The pages' own context. Setting it up only declares parsers, hooks and routes, so the plugin is
  // synchronous and says when it is done: with the error if a route is refused (one naming no action
  // of the action model), so that createApp fails rather than the process.
  await app.register((pages, _options, done) => {
    try {
      pagesContext(pages);
    } catch (err) {
      done(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    done();
  });

  function pagesContext(pages: FastifyInstance): void {
    // Pages take forms, nothing else: a JSON or text body is refused (415) before it reaches a route.
    pages.removeContentTypeParser(['application/json', 'text/plain']);
    // A form with a file (multipart/form-data) only where a route says it takes one (ADR 0019): at
    // most the configured size of the file is kept, and exceeding it is a message on the page.
    void pages.register(fastifyMultipart, {
      limits: { ...MULTIPART_LIMITS, fileSize: config.uploadLimitBytes },
      throwFileSizeLimit: false,
    });
    pages.addHook('preValidation', async (request) => {
      if (!request.isMultipart()) return;
      const field = request.routeOptions.config.upload;
      if (!field) throw new BadRequestError('This form does not take files.');
      await readUpload(request, field);
    });
    // What no form could send is refused at once, in words, before any route reads it: a NUL or a
    // lone surrogate (which the database cannot store), a version that is not a whole number.
    pages.addHook('preValidation', (request, _reply, done) => {
      // A post with no body is an empty form: every route reads fields from an object.
      if (request.method === 'POST' && (request.body === undefined || request.body === null)) request.body = {};
      const problem = formProblem(request.body) ?? textProblem(request.params) ?? textProblem(request.query);
      if (problem) return done(new BadRequestError(problem));
      done();
    });
    // CSRF on every state-changing request. Before sign-in there is no session to protect: the
    // sign-in forms check a token of their own (pages/sign-in), and signing out is harmless.
    pages.addHook('preHandler', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD') return done();
      const route = request.routeOptions.config;
      if (route.action === 'session.sign_in' || (route.public && !request.session.userId)) return done();
      pages.csrfProtection(request, reply, done);
    });
    pages.addHook('preHandler', async (request, reply) => {
      const session = request.session;
      const userId = session.userId;
      if (userId) {
        const now = Date.now();
        const lastSeen = session.lastSeen ?? now;
        const user = await loadCurrentUser(db, userId);
        if (!user || now - lastSeen > config.idleTimeoutMs) {
          if (user) await recordSignOut(db, user, request.ip, request.id, 'idle_timeout');
          await session.regenerate();
          if (!request.routeOptions.config.public)
            return reply.redirect(withQuery(paths.signIn(), { reason: 'timeout' }), 303);
        } else {
          request.actor = { user, ip: request.ip, requestId: request.id };
          // Keep-alive is what the warning's button posts; other page loads count as activity too.
          if (now - lastSeen > 15_000 || !session.lastSeen) session.lastSeen = now;
          // A one-off password from an administrator: a new one first, before anything else.
          const action = request.routeOptions.config.action;
          if (
            user.mustChangePassword &&
            action !== 'account.password' &&
            action !== 'session.sign_out' &&
            action !== 'session.keep_alive'
          ) {
            return reply.redirect(paths.changePassword(), 303);
          }
        }
      }
      if (!request.actor && !request.routeOptions.config.public) {
        if ((request.headers.accept ?? '').includes('application/json'))
          return reply.code(401).send({ error: 'signed_out' });
        const returnTo = request.method === 'GET' ? safeReturnPath(request.url) : undefined;
        return reply.redirect(withQuery(paths.signIn(), { returnTo: returnTo === '/' ? undefined : returnTo }), 303);
      }
      return undefined;
    });
    registerPages(pages, deps);
  }

  return app;
}

/** A request no form of ours could send: 400, with what is wrong in words. */
export class BadRequestError extends Error {
  readonly statusCode = 400;
  constructor(message: string) {
    super(message);
    this.name = 'BadRequestError';
  }
}

// eslint-disable-next-line no-control-regex -- a NUL, which the database cannot store, is what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A field's values: a repeated field sends an array, any other one value. */
function valuesOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Why a posted form cannot be taken, or null. */
export function formProblem(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  if (typeof body !== 'object') return 'The form could not be read.';
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    for (const entry of [key, ...valuesOf(value)]) {
      if (typeof entry !== 'string') return 'The form could not be read.';
      if (UNSTORABLE.test(entry))
        return 'The form contained characters that cannot be saved, such as a null character. Remove them and try again.';
    }
    if (key === 'version' && !valuesOf(value).every((entry) => typeof entry === 'string' && /^\d{1,9}$/.test(entry))) {
      return 'The form was not recognised: reload the page and try again.';
    }
  }
  return null;
}

/** Why an address's values cannot be taken (a NUL or a lone surrogate in a path or query), or null. */
export function textProblem(values: unknown): string | null {
  if (!values || typeof values !== 'object') return null;
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    for (const entry of [key, ...valuesOf(value)]) {
      if (typeof entry === 'string' && UNSTORABLE.test(entry))
        return 'The web address contained characters that cannot be read, such as a null character.';
    }
  }
  return null;
}

function navFor(roles: readonly Role[], url: string, hasPanel: boolean) {
  const items: { href: string; text: string }[] = [];
  const caseWork = roles.some((role) => role !== 'administrator' && role !== 'auditor');
  if (caseWork) {
    items.push(
      { href: paths.homePage(), text: 'Home' },
      { href: paths.cases(), text: 'Cases' },
      { href: paths.findChild(), text: 'Find a child' },
      { href: paths.tasks.mine(), text: 'My tasks' },
    );
    if (roles.includes('front_door') || roles.includes('team_manager'))
      items.push({ href: paths.referrals.list(), text: 'Referrals' });
    items.push({ href: paths.meetings.mine(), text: 'Meetings' });
    if (
      roles.some(
        (role) =>
          role === 'social_worker' ||
          role === 'aim_practitioner' ||
          role === 'youth_justice' ||
          role === 'team_manager',
      )
    )
      items.push({ href: paths.assessments.mine(), text: 'Assessments' });
    if (hasPanel && roles.includes('panel_chair')) items.push({ href: paths.panel.list(), text: 'AIM Pathway Panel' });
    items.push({ href: paths.incidents.start(), text: 'Record an incident' });
  }
  if (roles.includes('administrator')) {
    items.push(
      { href: paths.admin.users(), text: 'Users' },
      { href: paths.admin.teams(), text: 'Teams' },
      { href: paths.admin.workingDays(), text: 'Working days' },
      { href: paths.admin.apiTokens(), text: 'API tokens' },
    );
  }
  if (roles.includes('auditor')) items.push({ href: paths.audit(), text: 'Audit log' });
  if (roles.includes('auditor') || roles.includes('administrator'))
    items.push({ href: paths.whoCanDoWhat(), text: 'Who can do what' });
  items.push({ href: paths.procedures.list(), text: 'Procedures' });
  return items.map((i) => ({
    ...i,
    active: url === i.href || url.startsWith(`${i.href}?`) || url.startsWith(`${i.href}/`),
  }));
}
