// Makes the empty PGlite database that a new data folder is copied from (ADR 0020), so the first
// `npm start` does not wait for PGlite's initdb. `npm install` runs it after the assets; it does
// nothing when the template for this PGlite version and these settings is there already, and
// nothing when DATABASE_URL is set (the service then runs on PostgreSQL and never uses PGlite).
import { ensurePgliteTemplate } from '../src/db/connection.ts';

if (process.env.DATABASE_URL) {
  console.log('PGlite template not needed: DATABASE_URL is set');
} else {
  const started = Date.now();
  const dir = await ensurePgliteTemplate();
  console.log(`PGlite template ready in ${Date.now() - started} ms: ${dir}`);
}
