// Statements are prepared once per connection under a name made from their SQL text (ADR 0017):
// the second run of a query reuses the statement the first one left on the server, queries that
// differ only in how many values they carry are different statements, and raw SQL holding several
// statements (as migrations do) still runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { shouldName, statementName } from '../../src/db/named-statements.ts';
import { databaseKinds, type TestDatabase } from '../helpers/db.ts';

describe('statement names', () => {
  it('are the same for the same SQL and different for different SQL, within the identifier limit', () => {
    const one = 'select id from children where id in ($1)';
    const two = 'select id from children where id in ($1, $2)';
    assert.equal(statementName(one), statementName(one));
    assert.notEqual(statementName(one), statementName(two));
    assert.ok(statementName(one).length <= 63);
  });

  it('are given to data statements, not to transaction control or several statements at once', () => {
    assert.equal(shouldName('select 1', 0), true);
    assert.equal(shouldName('update children set x = $1', 1), true);
    assert.equal(shouldName('begin', 0), false);
    assert.equal(shouldName('create table t (id int); create index on t (id)', 0), false);
  });
});

for (const kind of databaseKinds()) {
  describe(`prepared statements on ${kind.label}`, () => {
    let handle: TestDatabase;
    before(async () => {
      handle = await kind.open();
    });
    after(() => handle.close());

    it('prepares a query once on its connection and runs it again from there', async () => {
      const prepared = await handle.db.transaction().execute(async (trx) => {
        const find = (ids: string[]) => trx.selectFrom('authorities').select('id').where('id', 'in', ids).execute();
        await find(['kent']);
        await find(['islington']);
        await find(['kent', 'islington']);
        return sql<{
          statement: string;
        }>`select statement from pg_prepared_statements where statement like 'select "id" from "authorities"%'`.execute(
          trx,
        );
      });
      const statements = prepared.rows.map((r) => r.statement).sort();
      assert.deepEqual(statements, [
        'select "id" from "authorities" where "id" in ($1)',
        'select "id" from "authorities" where "id" in ($1, $2)',
      ]);
    });

    it('still runs raw SQL holding several statements', async () => {
      await sql
        .raw('create temporary table named_check (n int); insert into named_check values (1); drop table named_check')
        .execute(handle.db);
    });
  });
}
