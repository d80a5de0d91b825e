// Migrations that change what existing data means (R-X-3): a one-off holiday added before holidays
// belonged to an authority applied to every authority, and still does after the change.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Migrator, sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import { migrationProvider } from '../../src/db/migrations/index.ts';

it('keeps a one-off holiday added before 0013 in every authority, each able to remove its own', async () => {
  const handle = await openDatabase({ dataDir: 'memory://' });
  try {
    const { error } = await new Migrator({ db: handle.db, provider: migrationProvider }).migrateTo(
      '0012_panel_referrals',
    );
    assert.equal(error, undefined);
    await sql`insert into authorities (id, name, short_name) values ('kent', 'Kent County Council', 'Kent'), ('islington', 'Islington Council', 'Islington')`.execute(
      handle.db,
    );
    const admin = await sql<{
      id: string;
    }>`insert into users (authority_id, email, display_name, password_hash) values ('kent', 'admin@kent.example', 'Kent admin', 'x') returning id`.execute(
      handle.db,
    );
    await sql`insert into one_off_holidays (day, name, added_by) values ('2027-06-07', 'State occasion', ${admin.rows[0]!.id})`.execute(
      handle.db,
    );
    await migrateToLatest(handle.db);
    const rows = await handle.db
      .selectFrom('one_off_holidays')
      .select(['authority_id', 'day', 'name'])
      .orderBy('authority_id')
      .execute();
    assert.deepEqual(rows, [
      { authority_id: 'islington', day: '2027-06-07', name: 'State occasion' },
      { authority_id: 'kent', day: '2027-06-07', name: 'State occasion' },
    ]);
  } finally {
    await handle.close();
  }
});
