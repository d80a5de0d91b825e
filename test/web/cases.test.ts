// Case lists: sorted, filtered and paged on the server, working without JavaScript.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertChild } from '../../src/repositories/children.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { childFields } from '../helpers/factories.ts';

function names(html: string): string[] {
  return [
    ...html.matchAll(/<td class="govuk-table__cell"><a class="govuk-link" href="\/children\/[^"]+">([^<]+)<\/a>/g),
  ].map((m) => m[1]!);
}

describe('case lists', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    const team = await db
      .selectFrom('teams')
      .select('id')
      .where('authority_id', '=', 'thurrock')
      .where('name', '=', 'Children’s Social Work Team A')
      .executeTakeFirstOrThrow();
    const manager = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'team-manager@thurrock.example')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 25; i += 1) {
      await insertChild(db, {
        authorityId: 'thurrock',
        createdBy: manager.id,
        allocatedTeamId: team.id,
        allocatedWorkerId: null,
        fields: childFields({
          firstName: `Test${String(i).padStart(2, '0')}`,
          lastName: i % 2 ? 'Evenbrook' : 'Oddfellow',
          dateOfBirth: `2012-01-${String(i + 1).padStart(2, '0')}`,
          personId: `THU-T${i}`,
        }),
      });
    }
  });
  after(async () => t.close());

  it('sorts by the column chosen, says so to screen readers, and pages 20 at a time', async () => {
    const manager = await signedIn(t.app, 'thurrock', 'team-manager');
    const first = await manager.get('/cases?scope=team&sort=dob&direction=asc');
    assert.equal(first.statusCode, 200);
    const page1 = names(first.body);
    assert.equal(page1.length, 20);
    assert.match(first.body, /aria-sort="ascending"><a[^>]*>Date of birth/);
    assert.match(first.body, /30 children/);
    const second = await manager.get('/cases?scope=team&sort=dob&direction=asc&page=2');
    const page2 = names(second.body);
    assert.equal(page2.length, 10);
    assert.equal(new Set([...page1, ...page2]).size, 30);
    const desc = await manager.get('/cases?scope=team&sort=dob&direction=desc');
    assert.equal(names(desc.body)[0], page2.at(-1));
  });

  it('filters by name or person ID', async () => {
    const manager = await signedIn(t.app, 'thurrock', 'team-manager');
    const res = await manager.get('/cases?scope=team&q=evenbrook');
    assert.equal(names(res.body).length, 12);
    assert.ok(names(res.body).every((n) => n.endsWith('Evenbrook')));
    const byId = await manager.get('/cases?scope=team&q=THU-T7');
    assert.deepEqual(names(byId.body), ['Test07 Evenbrook']);
  });

  it('shows each child’s latest incident, allocated worker and status', async () => {
    const worker = await signedIn(t.app, 'thurrock', 'social-worker');
    const res = await worker.get('/cases');
    assert.deepEqual(names(res.body), ['Ellis Hawthorn']);
    assert.match(res.body, /Thurrock social worker/);
    assert.doesNotMatch(res.body, /None recorded/);
    assert.match(res.body, /Open/);
  });
});
