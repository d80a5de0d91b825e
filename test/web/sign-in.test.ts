// Sign-in, sessions and the security baseline, through the real app (CSRF on).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SIGN_IN_FAILED } from '../../src/web/pages/sign-in/routes.ts';
import { Client, DEMO_PASSWORD, demoEmail, startTestApp, type TestApp } from '../helpers/app.ts';

function withoutTokens(html: string) {
  return html.replace(/value="[^"]*"/g, 'value=""').replace(/nonce="[^"]*"/g, '');
}

async function auditRows(t: TestApp, action: string) {
  return t.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();
}

describe('signing in', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ lockoutThreshold: 3 });
  });
  after(async () => t.close());

  it('answers identically for an unknown e-mail and a wrong password, and audits both with the real reason', async () => {
    const a = new Client(t.app);
    await a.get('/sign-in');
    const unknown = await a.post('/sign-in', { email: 'nobody@kent.example', password: 'whatever' });
    const b = new Client(t.app);
    await b.get('/sign-in');
    const wrong = await b.post('/sign-in', { email: demoEmail('kent', 'social_worker'), password: 'wrong password' });
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, 401);
    assert.equal(withoutTokens(unknown.body), withoutTokens(wrong.body));
    assert.ok(unknown.body.includes(SIGN_IN_FAILED.replace(/’/g, '&#39;').slice(0, 40)));
    const failures = await auditRows(t, 'sign_in');
    const reasons = failures.filter((r) => r.outcome === 'failed').map((r) => r.details['reason']);
    assert.deepEqual(reasons.slice(-2), ['unknown_email', 'wrong_password']);
  });

  it('keeps what was typed in the e-mail box, never the password', async () => {
    const c = new Client(t.app);
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: 'typed@kent.example', password: 'secret-typed' });
    assert.ok(res.body.includes('value="typed@kent.example"'));
    assert.ok(!res.body.includes('secret-typed'));
  });

  it('tells the user what is missing, next to the field', async () => {
    const c = new Client(t.app);
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: '', password: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Enter your email address/);
    assert.match(res.body, /Enter your password/);
    assert.match(res.body, /<title>Error: Sign in/);
  });

  it('locks the account after repeated failures, refusing even the right password, until an administrator unlocks it', async () => {
    const email = demoEmail('thurrock', 'social_worker');
    const c = new Client(t.app);
    await c.get('/sign-in');
    for (let i = 0; i < 3; i += 1)
      assert.equal((await c.post('/sign-in', { email, password: 'nope' })).statusCode, 401);
    const refused = await c.post('/sign-in', { email, password: DEMO_PASSWORD });
    assert.equal(refused.statusCode, 401);
    const last = (await auditRows(t, 'sign_in')).at(-1)!;
    assert.equal(last.details['reason'], 'locked');

    const admin = new Client(t.app);
    await admin.signIn(demoEmail('thurrock', 'administrator'));
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    await admin.get(`/admin/users/${user.id}`);
    assert.equal((await admin.post(`/admin/users/${user.id}/unlock`, {})).statusCode, 303);
    await c.get('/sign-in');
    assert.equal((await c.post('/sign-in', { email, password: DEMO_PASSWORD })).statusCode, 303);
  });

  it('issues a new session id at sign-in, with secure cookie settings', async () => {
    const c = new Client(t.app);
    await c.get('/sign-in');
    // Before sign-in nothing is stored (R-X-7): a session fixed by an attacker is not taken up.
    const before = 's%3Afixed-by-an-attacker.invalid';
    c.cookies.set('hsb_session', before);
    const res = await c.post('/sign-in', { email: demoEmail('kent', 'social_worker'), password: DEMO_PASSWORD });
    assert.equal(res.statusCode, 303);
    const after = c.cookies.get('hsb_session');
    assert.ok(after && after !== before);
    const header = String(res.headers['set-cookie']);
    assert.match(header, /HttpOnly/);
    assert.match(header, /SameSite=Lax/);
    const row = await t.database.db
      .selectFrom('sessions')
      .select('user_id')
      .where('sid', '=', decodeURIComponent(after).split('.')[0]!)
      .executeTakeFirst();
    assert.ok(row?.user_id, 'the session is stored in the database with its user');
  });

  it('signs out, and the old session no longer opens pages', async () => {
    const c = new Client(t.app);
    await c.signIn(demoEmail('kent', 'social_worker'));
    const cookie = c.cookies.get('hsb_session')!;
    await c.get('/cases');
    assert.equal((await c.post('/sign-out', {})).statusCode, 303);
    const replay = await t.app.inject({ method: 'GET', url: '/cases', headers: { cookie: `hsb_session=${cookie}` } });
    assert.equal(replay.statusCode, 303);
    assert.match(String(replay.headers.location), /^\/sign-in/);
    assert.equal((await auditRows(t, 'sign_out')).length >= 1, true);
  });

  it('refuses a form posted without its CSRF token, saving nothing', async () => {
    const c = new Client(t.app);
    await c.signIn(demoEmail('kent', 'dsl'));
    const before = await t.database.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await c.post('/incidents', {}, { csrf: null });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /This form has expired/);
    const forged = await c.post('/incidents', {}, { csrf: 'forged-token' });
    assert.equal(forged.statusCode, 403);
    const afterCount = await t.database.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
  });

  it('sends a strict Content-Security-Policy with a nonce the page uses, and no-store on record pages', async () => {
    const c = new Client(t.app);
    await c.signIn(demoEmail('kent', 'social_worker'));
    const res = await c.get('/cases');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.ok(!csp.includes('unsafe-inline'));
    assert.ok(res.body.includes(`<script nonce="${nonce}">`));
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.ok(res.headers['x-request-id']);
  });
});

describe('idle timeout', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ idleTimeoutMs: 300 });
  });
  after(async () => t.close());

  it('signs the user out after the idle time, audits it, and says why', async () => {
    const c = new Client(t.app);
    await c.signIn(demoEmail('kent', 'social_worker'));
    assert.equal((await c.get('/cases')).statusCode, 200);
    await new Promise((r) => setTimeout(r, 450));
    const res = await c.get('/cases');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sign-in?reason=timeout');
    const page = await c.get('/sign-in?reason=timeout');
    assert.match(page.body, /You were signed out because you had not done anything for a while/);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'session_timeout')
      .execute();
    assert.equal(events.length, 1);
  });

  it('shows a warning before the timeout, with a way to stay signed in that works without JavaScript', async () => {
    const c = new Client(t.app);
    await c.signIn(demoEmail('kent', 'social_worker'));
    const page = await c.get('/cases');
    assert.match(page.body, /id="idle-warning"/);
    assert.match(page.body, /You’re about to be signed out|You&#39;re about to be signed out|You’re about/);
    const kept = await c.post('/session/keep-alive', { returnTo: '/cases' });
    assert.equal(kept.statusCode, 303);
    assert.equal(kept.headers.location, '/cases');
  });
});
