// For every route: a user without the right is refused (404 for records they may not know
// exist, 403 for pages their role lacks), and the refusal is audited (R-X-7).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';

interface Case {
  name: string;
  who: [authority: string, role: string];
  method: 'GET' | 'POST';
  url: () => string;
  form?: Record<string, string>;
  status: 403 | 404;
  action: string;
  entityId?: () => string;
}

describe('access control on every route', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const clients = new Map<string, Client>();
  const as = async (authority: string, role: string) => {
    const key = `${authority}/${role}`;
    if (!clients.has(key)) clients.set(key, await signedIn(t.app, authority, role));
    return clients.get(key)!;
  };

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    const child = async (first: string) =>
      (
        await db
          .selectFrom('children')
          .select('id')
          .where('authority_id', '=', 'kent')
          .where('first_name', '=', first)
          .executeTakeFirstOrThrow()
      ).id;
    ids.maya = await child('Maya');
    ids.ellis = await child('Ellis');
    ids.kentIncident = (
      await db
        .selectFrom('incidents')
        .select('id')
        .where('authority_id', '=', 'kent')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    // A draft belonging to the Kent DSL.
    const dsl = await as('kent', 'dsl');
    const res = await dsl.post('/incidents', {}, { tokenFrom: '/incidents' });
    ids.draft = String(res.headers.location).split('/')[2]!;
  });
  after(async () => t.close());

  const cases: Case[] = [
    {
      name: 'child record of another team',
      who: ['kent', 'social-worker'],
      method: 'GET',
      url: () => `/children/${ids.maya}`,
      status: 404,
      action: 'child.view',
      entityId: () => ids.maya!,
    },
    {
      name: 'child record from another authority',
      who: ['islington', 'team-manager'],
      method: 'GET',
      url: () => `/children/${ids.ellis}`,
      status: 404,
      action: 'child.view',
      entityId: () => ids.ellis!,
    },
    {
      name: 'child record that does not exist',
      who: ['kent', 'social-worker'],
      method: 'GET',
      url: () => '/children/00000000-0000-4000-8000-000000000000',
      status: 404,
      action: 'child.view',
    },
    {
      name: 'child record for an administrator',
      who: ['kent', 'admin'],
      method: 'GET',
      url: () => `/children/${ids.ellis}`,
      status: 404,
      action: 'child.view',
      entityId: () => ids.ellis!,
    },
    {
      name: 'child record for an auditor',
      who: ['kent', 'auditor'],
      method: 'GET',
      url: () => `/children/${ids.ellis}`,
      status: 404,
      action: 'child.view',
      entityId: () => ids.ellis!,
    },
    {
      name: 'child record for police with no connection',
      who: ['kent', 'police'],
      method: 'GET',
      url: () => `/children/${ids.ellis}`,
      status: 404,
      action: 'child.view',
      entityId: () => ids.ellis!,
    },
    {
      name: 'edit page of another team’s child',
      who: ['kent', 'social-worker'],
      method: 'GET',
      url: () => `/children/${ids.maya}/edit`,
      status: 404,
      action: 'child.view',
      entityId: () => ids.maya!,
    },
    {
      name: 'saving another team’s child',
      who: ['kent', 'social-worker'],
      method: 'POST',
      url: () => `/children/${ids.maya}/edit`,
      form: { version: '1', firstName: 'X' },
      status: 404,
      action: 'child.update',
      entityId: () => ids.maya!,
    },
    {
      name: 'chronology of another team’s child',
      who: ['kent', 'social-worker'],
      method: 'GET',
      url: () => `/children/${ids.maya}/chronology`,
      status: 404,
      action: 'chronology.view',
      entityId: () => ids.maya!,
    },
    {
      name: 'allocating another authority’s child',
      who: ['islington', 'team-manager'],
      method: 'POST',
      url: () => `/children/${ids.ellis}/allocation`,
      form: { version: '1' },
      status: 404,
      action: 'child.allocate',
      entityId: () => ids.ellis!,
    },
    {
      name: 'allocating without the role',
      who: ['kent', 'social-worker'],
      method: 'POST',
      url: () => `/children/${ids.ellis}/allocation`,
      form: { version: '1' },
      status: 403,
      action: 'child.allocate',
      entityId: () => ids.ellis!,
    },
    {
      name: 'granting access without being a manager',
      who: ['kent', 'social-worker'],
      method: 'POST',
      url: () => `/children/${ids.ellis}/grants`,
      form: { userId: '', reason: 'x', days: '1' },
      status: 403,
      action: 'child.grant',
      entityId: () => ids.ellis!,
    },
    {
      name: 'ending a grant without being a manager',
      who: ['kent', 'social-worker'],
      method: 'POST',
      url: () => `/children/${ids.ellis}/grants/00000000-0000-4000-8000-000000000000/revoke`,
      status: 403,
      action: 'child.revoke_grant',
      entityId: () => ids.ellis!,
    },
    {
      name: 'ending a grant on another team’s child',
      who: ['kent', 'social-worker'],
      method: 'POST',
      url: () => `/children/${ids.maya}/grants/00000000-0000-4000-8000-000000000000/revoke`,
      status: 404,
      action: 'child.revoke_grant',
      entityId: () => ids.maya!,
    },
    {
      name: 'incident from another authority',
      who: ['islington', 'dsl'],
      method: 'GET',
      url: () => `/incidents/${ids.kentIncident}`,
      status: 404,
      action: 'incident.view',
      entityId: () => ids.kentIncident!,
    },
    {
      name: 'incident about children the user cannot see',
      who: ['kent', 'youth-justice'],
      method: 'GET',
      url: () => `/incidents/${ids.kentIncident}`,
      status: 404,
      action: 'incident.view',
      entityId: () => ids.kentIncident!,
    },
    {
      name: 'another user’s draft',
      who: ['kent', 'team-manager'],
      method: 'GET',
      url: () => `/incidents/${ids.draft}/check`,
      status: 404,
      action: 'incident.edit',
      entityId: () => ids.draft!,
    },
    {
      name: 'another user’s draft section',
      who: ['kent', 'social-worker'],
      method: 'GET',
      url: () => `/incidents/${ids.draft}/behaviour`,
      status: 404,
      action: 'incident.edit',
      entityId: () => ids.draft!,
    },
    {
      name: 'saving another user’s draft',
      who: ['kent', 'social-worker'],
      method: 'POST',
      url: () => `/incidents/${ids.draft}/behaviour`,
      form: { version: '1', behaviour: 'x' },
      status: 404,
      action: 'incident.edit',
      entityId: () => ids.draft!,
    },
    {
      name: 'linking a child to another user’s draft',
      who: ['kent', 'social-worker'],
      method: 'POST',
      url: () => `/incidents/${ids.draft}/children`,
      form: { childId: '', role: 'displayed' },
      status: 404,
      action: 'incident.edit',
      entityId: () => ids.draft!,
    },
    {
      name: 'linking a child the user cannot see',
      who: ['kent', 'dsl'],
      method: 'POST',
      url: () => `/incidents/${ids.draft}/children`,
      form: { childId: '00000000-0000-4000-8000-000000000001', role: 'displayed' },
      status: 404,
      action: 'incident.link_child',
    },
    {
      name: 'submitting another user’s draft',
      who: ['kent', 'social-worker'],
      method: 'POST',
      url: () => `/incidents/${ids.draft}/submit`,
      form: { version: '1' },
      status: 404,
      action: 'incident.submit',
      entityId: () => ids.draft!,
    },
    {
      name: 'recording an incident as an administrator',
      who: ['kent', 'admin'],
      method: 'POST',
      url: () => '/incidents',
      status: 403,
      action: 'incident.create',
    },
    {
      name: 'case list for an auditor',
      who: ['kent', 'auditor'],
      method: 'GET',
      url: () => '/cases',
      status: 403,
      action: 'cases.view',
    },
    {
      name: 'home page of case work for an administrator',
      who: ['kent', 'admin'],
      method: 'GET',
      url: () => '/home',
      status: 403,
      action: 'home.work',
    },
    {
      name: 'users page without administrator role',
      who: ['kent', 'team-manager'],
      method: 'GET',
      url: () => '/admin/users',
      status: 403,
      action: 'admin.users.view',
    },
    {
      name: 'adding a user without administrator role',
      who: ['kent', 'team-manager'],
      method: 'POST',
      url: () => '/admin/users/new',
      form: { email: 'x@kent.example', displayName: 'X', roles: 'administrator' },
      status: 403,
      action: 'admin.user.create',
    },
    {
      name: 'teams page without administrator role',
      who: ['kent', 'social-worker'],
      method: 'GET',
      url: () => '/admin/teams',
      status: 403,
      action: 'admin.teams.view',
    },
    {
      name: 'adding a team without administrator role',
      who: ['kent', 'social-worker'],
      method: 'POST',
      url: () => '/admin/teams',
      form: { name: 'Mine', kind: 'social_work' },
      status: 403,
      action: 'admin.teams.view',
    },
    {
      name: 'audit log without auditor role',
      who: ['kent', 'admin'],
      method: 'GET',
      url: () => '/audit',
      status: 403,
      action: 'audit.search',
    },
  ];

  for (const c of cases) {
    it(`refuses and audits: ${c.name}`, async () => {
      const client = await as(...c.who);
      const before = await t.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.max('seq').as('m'))
        .executeTakeFirstOrThrow();
      const res =
        c.method === 'GET'
          ? await client.get(c.url())
          : await client.post(c.url(), c.form ?? {}, {
              tokenFrom: c.who[1] === 'admin' ? '/admin/users' : c.who[1] === 'auditor' ? '/audit' : '/cases',
            });
      assert.equal(res.statusCode, c.status, res.body.slice(0, 300));
      if (c.status === 404) assert.match(res.body, /Page not found/);
      const refused = await t.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>', String(before.m ?? 0))
        .where('outcome', '=', 'refused')
        .execute();
      const match = refused.find((r) => r.action === c.action && (!c.entityId || r.entity_id === c.entityId()));
      assert.ok(
        match,
        `no refused ${c.action} event; got ${JSON.stringify(refused.map((r) => [r.action, r.entity_id]))}`,
      );
      const user = await t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', `${c.who[1]}@${c.who[0]}.example`)
        .executeTakeFirstOrThrow();
      assert.equal(match.user_id, user.id);
      assert.ok(match.request_id && match.ip);
    });
  }

  it('lets the right users in, and audits each view', async () => {
    const sw = await as('kent', 'social-worker');
    const ok = await sw.get(`/children/${ids.ellis}`);
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /You are the allocated worker/);
    const manager = await as('kent', 'team-manager');
    assert.equal((await manager.get(`/children/${ids.ellis}`)).statusCode, 200);
    const views = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'child.view')
      .where('entity_id', '=', ids.ellis!)
      .where('outcome', '=', 'ok')
      .execute();
    assert.ok(views.length >= 2);
  });

  it('sends anyone not signed in to the sign-in page', async () => {
    for (const url of [
      '/cases',
      `/children/${ids.ellis}`,
      `/incidents/${ids.kentIncident}`,
      '/admin/users',
      '/audit',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 303, url);
      assert.match(String(res.headers.location), /^\/sign-in/);
    }
  });
});
