import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Database } from '../../src/db/types.ts';
import { visibleTo } from '../../src/repositories/access.ts';
import { sharedWith } from '../../src/repositories/meetings.ts';
import { aboutChild, changedOne, childName } from '../../src/repositories/shared-columns.ts';
import type { Role } from '../../src/domain/roles.ts';

// Compiles queries without a database, to read the SQL the shared pieces give.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (introspected) => new PostgresIntrospector(introspected),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('what the repositories share', () => {
  it('names the child as lists show it, and maps the child a row is about', () => {
    const query = db.selectFrom('children as c').select(childName.as('child_name')).compile();
    assert.equal(query.sql, `select c.first_name || ' ' || c.last_name as "child_name" from "children" as "c"`);
    assert.deepEqual(aboutChild({ child_id: 'k1', child_name: 'Ellis Hawthorn' }), {
      childId: 'k1',
      childName: 'Ellis Hawthorn',
    });
  });

  it('reads a versioned change as done only when exactly one row changed', () => {
    assert.equal(changedOne({ numUpdatedRows: 1n }), true);
    assert.equal(changedOne({ numUpdatedRows: 0n }), false);
    assert.equal(changedOne({ numUpdatedRows: 2n }), false);
  });

  it('shares a meeting with the authority a representative is from only when they represent it', () => {
    const compile = (representing: boolean) =>
      db
        .selectFrom('meetings as m')
        .select('m.id')
        .where(sharedWith({ id: 'u1', authorityId: 'a1' }, representing))
        .compile();
    assert.doesNotMatch(compile(false).sql, /responsible_authority_id/);
    // One IN over a union of lookups, never an OR that PostgreSQL can only test meeting by meeting.
    assert.match(compile(true).sql, /^select "m"\."id" from "meetings" as "m" where "m"\."id" in \(/);
    assert.doesNotMatch(compile(true).sql, / or /);
    assert.match(
      compile(true).sql,
      /from "meeting_children" as "shared" inner join "meetings" as "held" on "held"\."id" = "shared"\."meeting_id" where "shared"\."responsible_authority_id" = \$\d+ and "held"\."authority_id" != \$\d+/,
    );
    assert.deepEqual(compile(true).parameters, ['u1', 'u1', 'u1', 'a1', 'a1']);
  });

  it('asks the need-to-know rule of one viewer with uncorrelated lists, and of nobody without a case role', () => {
    const compile = (roles: Role[]) =>
      db
        .selectFrom('children as c')
        .select('c.id')
        .where(visibleTo({ id: 'u1', authorityId: 'a1', roles }))
        .compile();
    assert.equal(compile([]).sql, 'select "c"."id" from "children" as "c" where $1');
    assert.deepEqual(compile([]).parameters, [false]);
    const listed = compile(['social_worker']).sql;
    // Every basis subquery is about the one viewer, never correlated with the child row.
    assert.doesNotMatch(listed, /= "c"\."id"/);
    assert.match(listed, /"c"\."id" in \(select "g"\."child_id" from "access_grants" as "g"/);
  });
});
