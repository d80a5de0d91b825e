// Creates the two PostgreSQL roles HSB Pathway uses (README, "Two database roles"), when missing:
//   node scripts/db-roles.mjs <superuser connection string> [owner role] [application role]
// The owner runs the migrations and owns the schema; the application's role owns nothing and may
// only read and add to the audit log, and move its head row on (the grants made after migrating,
// src/db/roles.ts). For production, give each a password (ALTER ROLE ... PASSWORD) or use your
// platform's authentication.
import pg from 'pg';

const [url, owner = 'hsb_owner', app = 'hsb_app'] = process.argv.slice(2);
if (!url) {
  console.error('Usage: node scripts/db-roles.mjs <superuser connection string> [owner role] [application role]');
  process.exit(2);
}
for (const role of [owner, app]) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) {
    console.error(`Not a plain role name: ${role}`);
    process.exit(2);
  }
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  for (const role of [owner, app]) {
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    if (exists.rowCount) console.log(`Role ${role} exists.`);
    else {
      await client.query(`create role ${role} login`);
      console.log(`Role ${role} created.`);
    }
  }
  // The owner makes its schema in the database, and pg_trgm is there for both.
  const db = (await client.query('select current_database() as d')).rows[0].d;
  await client.query(`grant create on database "${db.replace(/"/g, '""')}" to ${owner}`);
  await client.query('create extension if not exists pg_trgm');
} finally {
  await client.end();
}
