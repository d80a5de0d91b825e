// The real application for route tests: CSRF, sessions and security headers all on, driven
// through fastify.inject with a cookie jar.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { DEMO_PASSWORD, demoEmail, seedDemo } from '../../src/cli/demo-data.ts';
import { type AppDeps, createApp } from '../../src/web/app.ts';
import { pgliteDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** Log lines at warn level and above, as JSON text. */
  logs: string[];
  close(): Promise<void>;
}

export async function startTestApp(
  overrides: Partial<Config> = {},
  database?: TestDatabase,
  deps: Pick<AppDeps, 'scanner'> = {},
): Promise<TestApp> {
  const db = database ?? (await pgliteDatabase());
  if (!database) await seedDemo(db.db);
  // Many people sign in from 127.0.0.1 in a test file: the rate limits are tested where they are set low.
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }),
    signInLimitPerAddress: 100_000,
    signInLimitPerAccount: 100_000,
    apiLimitPerMinute: 100_000,
    ...overrides,
  };
  const logs: string[] = [];
  const app = await createApp({
    ...deps,
    db: db.db,
    config,
    logger: { level: 'warn', stream: { write: (line: string) => logs.push(line) } },
  });
  await app.ready();
  return {
    app,
    database: db,
    config,
    logs,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('No CSRF token on the page');
  return m[1];
}

export class Client {
  cookies = new Map<string, string>();
  lastHtml = '';

  private readonly app: FastifyInstance;

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  private cookieHeader(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if ((res.headers['content-type'] ?? '').toString().includes('text/html')) this.lastHtml = res.body;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(res);
    return res;
  }

  /** Posts a form with the CSRF token of the last page seen (or a fresh one from `tokenFrom`). */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    opts: { tokenFrom?: string; csrf?: string | null } = {},
  ) {
    let token = opts.csrf;
    if (token === undefined) {
      if (opts.tokenFrom) await this.get(opts.tokenFrom);
      token = csrfFrom(this.lastHtml);
    }
    const body = new URLSearchParams();
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.remember(res);
    return res;
  }

  /**
   * Posts a multipart form (multipart/form-data, as a browser sends a form with a file): the CSRF
   * token first, then the fields, then the files, each with its name and bytes.
   */
  async postMultipart(
    url: string,
    form: Record<string, string>,
    files: { field: string; name: string; bytes: Uint8Array; type?: string }[] = [],
    opts: { tokenFrom?: string; csrf?: string | null } = {},
  ) {
    let token = opts.csrf;
    if (token === undefined) {
      if (opts.tokenFrom) await this.get(opts.tokenFrom);
      token = csrfFrom(this.lastHtml);
    }
    const data = new FormData();
    if (token !== null) data.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) data.append(k, v);
    for (const file of files)
      data.append(
        file.field,
        new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
        file.name,
      );
    const encoded = new Request('http://localhost/', { method: 'POST', body: data });
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { cookie: this.cookieHeader(), 'content-type': encoded.headers.get('content-type')! },
    });
    this.remember(res);
    return res;
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    return this.post('/sign-in', { email, password });
  }
}

export async function signedIn(app: FastifyInstance, authority: string, role: string): Promise<Client> {
  const c = new Client(app);
  const res = await c.signIn(demoEmail(authority, role));
  if (res.statusCode !== 303) throw new Error(`Sign-in failed for ${role}@${authority}: ${res.statusCode}`);
  return c;
}

export { DEMO_PASSWORD, demoEmail };
