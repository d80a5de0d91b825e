// Hardening found by a probe of the running service (issue 10): a request that crashed the process,
// lockout bypassed by concurrency, session writes overwriting each other, a client-chosen audit
// address, anonymous visits writing session rows, unattributed failures, cross-authority leaks
// through the administrator's pages, and the separation of an administrator's duties.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD, demoEmail } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import { SIGN_IN_LIMITED } from '../../src/web/pages/sign-in/routes.ts';
import { typedAddress } from '../../src/services/auth-service.ts';
import { operatorApproveRoles, operatorResetPassword } from '../../src/services/admin-service.ts';
import { Client, csrfFrom, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { seedDemo } from '../../src/cli/demo-data.ts';

/** A tiny browser over real HTTP: cookies kept, redirects not followed. */
class HttpClient {
  cookies = new Map<string, string>();
  private readonly base: string;
  constructor(base: string) {
    this.base = base;
  }
  async request(method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      this.cookies.set(k!.trim(), v.join('='));
    }
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  }
}

describe('a request never ends the process (issue 10, defect 1)', () => {
  let t: TestApp;
  let base = '';
  before(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(async () => t.close());

  const hostile = [
    '/\n/x',
    '/\r\nSet-Cookie: x=1',
    '/\v/x',
    '/\u0000/x',
    '/\u0100',
    '/caf\u00e9',
    '//evil.example',
    '/\\evil.example',
  ];

  it('answers a keep-alive with a hostile return address by going home, and keeps serving', async () => {
    const c = new HttpClient(base);
    const page = await c.request('GET', paths.signIn());
    const signIn = await c.request('POST', paths.signIn(), {
      _csrf: csrfFrom(page.body),
      email: demoEmail('kent', 'social_worker'),
      password: DEMO_PASSWORD,
    });
    assert.equal(signIn.status, 303);
    const cases = await c.request('GET', paths.cases());
    for (const returnTo of hostile) {
      const res = await c.request('POST', paths.keepAlive(), { _csrf: csrfFrom(cases.body), returnTo });
      // A NUL is refused with the form (nothing could store it); anything else goes home.
      if (returnTo.includes('\u0000')) assert.equal(res.status, 400);
      else {
        assert.equal(res.status, 303, JSON.stringify(returnTo));
        assert.equal(res.location, '/', JSON.stringify(returnTo));
      }
    }
    assert.equal((await c.request('GET', paths.health())).status, 200, 'still serving');
  });

  it('takes an unauthenticated link with a hostile return address safely through sign-in', async () => {
    for (const returnTo of hostile) {
      const c = new HttpClient(base);
      const page = await c.request('GET', `${paths.signIn()}?returnTo=${encodeURIComponent(returnTo)}`);
      // A NUL in the address is refused at once; anything else is a sign-in page with a safe address.
      if (returnTo.includes('\u0000')) {
        assert.equal(page.status, 400);
        continue;
      }
      assert.equal(page.status, 200);
      assert.match(page.body, /name="returnTo" value="\/"/, 'the form carries only a safe address');
      // Even posted by hand, the address never reaches the redirect.
      const res = await c.request('POST', paths.signIn(), {
        _csrf: csrfFrom(page.body),
        email: demoEmail('kent', 'social_worker'),
        password: DEMO_PASSWORD,
        returnTo,
      });
      if (returnTo.includes('\u0000')) assert.equal(res.status, 400);
      else {
        assert.equal(res.status, 303, JSON.stringify(returnTo));
        assert.equal(res.location, '/');
      }
    }
    assert.equal((await new HttpClient(base).request('GET', paths.health())).status, 200, 'still serving');
  });
});

for (const kind of databaseKinds()) {
  describe(`the lockout, decided in the database (issue 10, defect 3) on ${kind.label}`, () => {
    let t: TestApp;
    before(async () => {
      const database = await kind.open();
      await seedDemo(database.db);
      t = await startTestApp({ lockoutThreshold: 5 }, database);
    });
    after(async () => t.close());

    async function attempt(email: string, password: string) {
      const c = new Client(t.app);
      await c.get(paths.signIn());
      return (await c.post(paths.signIn(), { email, password })).statusCode;
    }

    it('locks the account after 40 wrong passwords sent at once, checking no more than five', async () => {
      const email = demoEmail('kent', 'youth_justice');
      const statuses = await Promise.all(Array.from({ length: 40 }, () => attempt(email, 'not the password')));
      assert.ok(statuses.every((s) => s === 401));
      const user = await t.database.db
        .selectFrom('users')
        .select(['id', 'locked_until'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      assert.ok(user.locked_until && user.locked_until > new Date(), 'locked');
      const reasons = (
        await t.database.db
          .selectFrom('audit_events')
          .select('details')
          .where('action', '=', 'sign_in')
          .where('user_id', '=', user.id)
          .execute()
      ).map((r) => r.details['reason']);
      assert.equal(reasons.filter((r) => r === 'wrong_password').length, 5, 'only five passwords were checked');
      assert.equal(reasons.filter((r) => r === 'locked').length, 35);
      assert.equal(await attempt(email, DEMO_PASSWORD), 401, 'the right password is refused while locked');
    });

    it('refuses the right password at the end of a burst of guesses', async () => {
      const email = demoEmail('thurrock', 'youth_justice');
      const statuses = await Promise.all([
        ...Array.from({ length: 29 }, () => attempt(email, 'guess')),
        attempt(email, DEMO_PASSWORD),
      ]);
      assert.equal(statuses.at(-1), 401, 'the burst does not sign in');
      assert.ok(statuses.every((s) => s === 401));
    });
  });
}

describe('sign-in limits, sessions and what the audit log records (issue 10, defects 13, 14)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ signInLimitPerAddress: 1000, signInLimitPerAccount: 3, trustProxy: ['10.9.9.9'] });
  });
  after(async () => t.close());

  it('limits sign-in attempts for one account, saying so next to the field and in the audit log', async () => {
    const email = demoEmail('north-yorkshire', 'police');
    const c = new Client(t.app);
    for (let i = 0; i < 3; i += 1) {
      await c.get(paths.signIn());
      assert.equal((await c.post(paths.signIn(), { email, password: 'wrong' })).statusCode, 401);
    }
    await c.get(paths.signIn());
    const limited = await c.post(paths.signIn(), { email, password: DEMO_PASSWORD });
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.ok(limited.body.includes(SIGN_IN_LIMITED.slice(0, 30)));
    assert.match(limited.body, /href="#email"/);
    const event = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'sign_in')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [event.details['reason'], event.details['limit'], event.authority_id],
      ['rate_limited', 'account', 'north-yorkshire'],
    );
  });

  it('writes no session row for an anonymous visit to the sign-in page', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const start = await count();
    for (let i = 0; i < 5; i += 1) assert.equal((await new Client(t.app).get(paths.signIn())).statusCode, 200);
    assert.equal(await count(), start);
  });

  it('keeps every tab’s form working when eight pages open at once after sign-in', async () => {
    const c = new Client(t.app);
    await c.signIn(demoEmail('kent', 'dsl'));
    const pages = await Promise.all(Array.from({ length: 8 }, () => c.get(paths.incidents.start())));
    const tokens = pages.map((p) => csrfFrom(p.body));
    const posted = await Promise.all(tokens.map((token) => c.post(paths.incidents.start(), {}, { csrf: token })));
    assert.deepEqual(
      posted.map((r) => r.statusCode),
      Array(8).fill(303),
      'no form has expired',
    );
  });

  it('records the address of the connection, not one a client claims, unless a trusted proxy says it', async () => {
    const c = new Client(t.app);
    await c.get(paths.signIn());
    const form = new URLSearchParams({
      _csrf: csrfFrom(c.lastHtml),
      email: 'spoof@kent.example',
      password: 'x',
    }).toString();
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const spoofed = await t.app.inject({
      method: 'POST',
      url: paths.signIn(),
      payload: form,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.7' },
    });
    assert.equal(spoofed.statusCode, 401);
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['ip', 'request_id'])
      .where('request_id', '=', String(spoofed.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    assert.equal(event.ip, '127.0.0.1', 'a client’s X-Forwarded-For is not believed');
    const viaProxy = await t.app.inject({
      method: 'POST',
      url: paths.signIn(),
      payload: form,
      remoteAddress: '10.9.9.9',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.4' },
    });
    const proxied = await t.database.db
      .selectFrom('audit_events')
      .select('ip')
      .where('request_id', '=', String(viaProxy.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    assert.equal(proxied.ip, '198.51.100.4', 'the trusted proxy’s word is taken');
  });

  it('shows a failed sign-in for an unknown address to the auditor of the authority its domain belongs to', async () => {
    const c = new Client(t.app);
    await c.get(paths.signIn());
    await c.post(paths.signIn(), { email: 'no-such-person@islington.example', password: 'x' });
    const auditor = await signedIn(t.app, 'islington', 'auditor');
    const page = await auditor.get(`${paths.audit()}?action=sign_in&outcome=failed`);
    const hash = typedAddress('no-such-person@islington.example').emailHash;
    assert.match(page.body, new RegExp(hash), 'the keyed hash of the address, to tell repeated attempts apart');
    assert.match(page.body, /islington\.example/);
    assert.doesNotMatch(page.body, /no-such-person/, 'never the address itself: people type their password there');
    const kent = await signedIn(t.app, 'kent', 'auditor');
    assert.doesNotMatch((await kent.get(`${paths.audit()}?action=sign_in&outcome=failed`)).body, new RegExp(hash));
  });

  it('tells an administrator nothing of another authority’s accounts: an address used elsewhere is just available', async () => {
    const admin = await signedIn(t.app, 'islington', 'admin');
    const form = {
      email: demoEmail('kent', 'police'),
      displayName: 'Kent officer seconded to Islington',
      roles: 'partner',
      active: 'yes',
    };
    const res = await admin.post(paths.admin.newUser(), form, { tokenFrom: paths.admin.newUser() });
    assert.equal(res.statusCode, 303, 'created in Islington, as if the address were unused');
    const again = await admin.post(paths.admin.newUser(), form, { tokenFrom: paths.admin.newUser() });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /A user with this email address already exists/, 'only its own authority’s accounts');
    // The two accounts are separate: the Kent password signs in to Kent only.
    const police = new Client(t.app);
    await police.signIn(demoEmail('kent', 'police'));
    assert.match((await police.get(paths.procedures.list())).body, /Kent County Council<\/a> \(yours\)/);
  });
});

describe('an administrator’s duties are separated (issue 10, defect 8)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  const userId = async (email: string) =>
    (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const roles = async (id: string) =>
    (await t.database.db.selectFrom('user_roles').select('role').where('user_id', '=', id).execute())
      .map((r) => r.role)
      .sort();
  const form = (html: string, overrides: Record<string, string | string[]>) => {
    const v = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? '';
    return {
      version: v('version'),
      displayName: v('displayName'),
      email: v('email'),
      jobTitle: v('jobTitle'),
      agency: v('agency'),
      active: 'yes',
      ...overrides,
    };
  };

  it('cannot give themselves a case role, nor read a child’s record by holding one', async () => {
    const admin = await signedIn(t.app, 'kent', 'admin');
    const me = await userId(demoEmail('kent', 'administrator'));
    const page = await admin.get(paths.admin.user(me));
    assert.match(page.body, /You cannot change your own roles: another administrator must/);
    const res = await admin.post(paths.admin.user(me), form(page.body, { roles: ['administrator', 'team_manager'] }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /You cannot change your own roles: another administrator must/);
    assert.deepEqual(await roles(me), ['administrator']);
    const refusal = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'admin.user.roles')
      .where('outcome', '=', 'refused')
      .executeTakeFirstOrThrow();
    assert.equal(refusal.details['reason'], 'separation_of_duties');
    const child = await t.database.db
      .selectFrom('children')
      .select('id')
      .where('authority_id', '=', 'kent')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.equal((await admin.get(paths.children.show(child.id))).statusCode, 404);
  });

  it('never gives an administrator or auditor account a case role', async () => {
    const admin = await signedIn(t.app, 'kent', 'admin');
    const auditor = await userId(demoEmail('kent', 'auditor'));
    const page = await admin.get(paths.admin.user(auditor));
    const res = await admin.post(paths.admin.user(auditor), form(page.body, { roles: ['auditor', 'social_worker'] }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /An administrator or auditor account cannot also have a case role/);
    assert.deepEqual(await roles(auditor), ['auditor']);
  });

  it('lets a second administrator, and only a second one, approve a change to an administrator’s roles, with before and after in the audit log', async () => {
    const first = await signedIn(t.app, 'kent', 'admin');
    // A new administrator: the role waits for approval, and the first administrator cannot approve their own proposal.
    const created = await first.post(
      paths.admin.newUser(),
      {
        email: 'second-admin@kent.example',
        displayName: 'Second administrator',
        roles: 'administrator',
        active: 'yes',
      },
      { tokenFrom: paths.admin.newUser() },
    );
    assert.equal(created.statusCode, 303);
    const secondId = await userId('second-admin@kent.example');
    assert.deepEqual(await roles(secondId), [], 'no role until approved');
    let page = await first.get(paths.admin.user(secondId));
    assert.match(page.body, /A change of roles is waiting for approval/);
    assert.doesNotMatch(page.body, /Approve the change/);
    const requestId =
      /role-changes\/([0-9a-f-]{36})\/approve/.exec(page.body)?.[1] ??
      (
        await t.database.db
          .selectFrom('role_change_requests')
          .select('id')
          .where('user_id', '=', secondId)
          .executeTakeFirstOrThrow()
      ).id;
    assert.equal(
      (await first.post(paths.admin.approveRoles(secondId, requestId), {})).statusCode,
      403,
      'not by the one who proposed it',
    );
    assert.deepEqual(await roles(secondId), []);
    // A third administrator, made by the database operator, approves.
    const third = await userId(demoEmail('thurrock', 'administrator'));
    await t.database.db
      .updateTable('users')
      .set({ authority_id: 'kent', email: 'third-admin@kent.example' })
      .where('id', '=', third)
      .execute();
    const approver = new Client(t.app);
    await approver.signIn('third-admin@kent.example');
    page = await approver.get(paths.admin.user(secondId));
    assert.match(page.body, /Approve the change/);
    assert.equal((await approver.post(paths.admin.approveRoles(secondId, requestId), {})).statusCode, 303);
    assert.deepEqual(await roles(secondId), ['administrator']);
    const approved = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'admin.user.roles_approved')
      .executeTakeFirstOrThrow();
    assert.deepEqual([approved.details['rolesBefore'], approved.details['rolesAfter']], [[], ['administrator']]);
    // Taking a case worker's role away is immediate, and audited with before and after.
    const worker = await userId('social-worker-b@kent.example');
    page = await first.get(paths.admin.user(worker));
    assert.equal(
      (await first.post(paths.admin.user(worker), form(page.body, { roles: ['front_door'] }))).statusCode,
      303,
    );
    assert.deepEqual(await roles(worker), ['front_door']);
    const update = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'admin.user.update')
      .where('entity_id', '=', worker)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [update.details['rolesBefore'], update.details['rolesAfter']],
      [['social_worker'], ['front_door']],
    );
  });

  it('makes a person choose their own password after an administrator resets it, before anything else', async () => {
    const admin = await signedIn(t.app, 'kent', 'admin');
    const worker = await userId(demoEmail('kent', 'front_door'));
    await admin.get(paths.admin.user(worker));
    const reset = await admin.post(paths.admin.resetPassword(worker), {});
    assert.equal(reset.statusCode, 303);
    const flash = (await admin.get(String(reset.headers.location))).body;
    const oneOff = /one-off password in person or by phone: ([A-Za-z0-9_-]{16})/.exec(flash)?.[1];
    assert.ok(oneOff, 'shown once to the administrator');
    assert.match(flash, /They must choose a new one when they next sign in/);
    const person = new Client(t.app);
    const signIn = await person.signIn(demoEmail('kent', 'front_door'), oneOff);
    assert.equal(signIn.headers.location, paths.changePassword());
    const blocked = await person.get(paths.cases());
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, paths.changePassword());
    await person.get(paths.changePassword());
    const short = await person.post(paths.changePassword(), { current: oneOff, next: 'short', confirm: 'short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /New password must be 12 characters or more/);
    const changed = await person.post(paths.changePassword(), {
      current: oneOff,
      next: 'three rivers meet here',
      confirm: 'three rivers meet here',
    });
    assert.equal(changed.statusCode, 303);
    assert.equal((await person.get(paths.cases())).statusCode, 200);
    assert.equal(
      (
        await admin.post(
          paths.admin.resetPassword(await userId(demoEmail('kent', 'administrator'))),
          {},
          { tokenFrom: paths.admin.users() },
        )
      ).statusCode,
      403,
      'never their own',
    );
  });

  it('leaves an administrator’s or auditor’s password to the operator, and a one-off password lasts three days', async () => {
    const { db } = t.database;
    const admin = await signedIn(t.app, 'kent', 'admin');
    const auditor = await userId(demoEmail('kent', 'auditor'));
    const page = await admin.get(paths.admin.user(auditor));
    assert.doesNotMatch(page.body, /Reset password/);
    assert.equal(
      (await admin.post(paths.admin.resetPassword(auditor), {})).statusCode,
      403,
      'an administrator could otherwise sign in as the account they reset',
    );
    const refusal = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'admin.user.reset_password')
      .where('outcome', '=', 'refused')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.equal(refusal.details['reason'], 'separation_of_duties');
    // The operator, at the server.
    const oneOff = await operatorResetPassword(db, {
      email: demoEmail('kent', 'auditor'),
      authorityId: 'kent',
      operator: 'test-operator',
    });
    const event = await db
      .selectFrom('audit_events')
      .select(['user_id', 'details'])
      .where('action', '=', 'operator.reset_password')
      .executeTakeFirstOrThrow();
    assert.deepEqual([event.user_id, event.details['operator']], [null, 'test-operator']);
    const person = new Client(t.app);
    assert.equal((await person.signIn(demoEmail('kent', 'auditor'), oneOff)).headers.location, paths.changePassword());
    // Three days on, the one-off password no longer works.
    await db
      .updateTable('users')
      .set({ one_off_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', auditor)
      .execute();
    assert.equal((await new Client(t.app).signIn(demoEmail('kent', 'auditor'), oneOff)).statusCode, 401);
    const failed = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'sign_in')
      .where('user_id', '=', auditor)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.equal(failed.details['reason'], 'one_off_password_expired');
  });

  it('lets the operator approve a role change where there is no second administrator', async () => {
    const { db } = t.database;
    const admin = await signedIn(t.app, 'islington', 'admin');
    assert.equal(
      (
        await admin.post(
          paths.admin.newUser(),
          {
            email: 'deputy-admin@islington.example',
            displayName: 'Deputy administrator',
            roles: 'administrator',
            active: 'yes',
          },
          { tokenFrom: paths.admin.newUser() },
        )
      ).statusCode,
      303,
    );
    const deputy = await userId('deputy-admin@islington.example');
    assert.deepEqual(await roles(deputy), []);
    const { after } = await operatorApproveRoles(db, {
      email: 'deputy-admin@islington.example',
      authorityId: 'islington',
      operator: 'test-operator',
    });
    assert.deepEqual(after, ['administrator']);
    assert.deepEqual(await roles(deputy), ['administrator']);
  });
});
