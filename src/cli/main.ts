// npm start: open the database (PGlite in ./data unless DATABASE_URL is set), migrate, load
// the demo data on first start, and serve the application.
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/connection.ts';
import { deleteExpiredSessions } from '../repositories/sessions.ts';
import { createApp } from '../web/app.ts';
import { DEMO_PASSWORD, demoEmail, isSeeded, seedDemo, seedDemoScreenings } from './demo-data.ts';

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrateToLatest(handle.db);
if (applied.length) console.log(`Database migrated: ${applied.join(', ')}`);
let seeded = false;
if (config.seedDemo && !(await isSeeded(handle.db))) {
  console.log('Loading demo data for the five authorities (first start only)...');
  await seedDemo(handle.db);
  await seedDemoScreenings(handle.db);
  seeded = true;
}
const app = await createApp({ db: handle.db, config });
await app.listen({ port: config.port, host: config.host });
const where = handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
const address = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
console.log(`
HSB Pathway is running at ${address} (database: ${where}).
${seeded || config.seedDemo ? `
Sign in with a demo account: ${demoEmail('kent', 'social_worker')}, password ${DEMO_PASSWORD}
Every authority (kent, thurrock, north-yorkshire, north-east-lincolnshire, islington) has one user
per role, named ROLE@AUTHORITY.example: dsl, front-door, social-worker, social-worker-b,
team-manager, youth-justice, aim-practitioner, panel-chair, cse-coordinator, police, admin, auditor.
` : ''}
Press Ctrl+C to stop.`);

const sweep = setInterval(() => {
  deleteExpiredSessions(handle.db).catch((err: unknown) => app.log.warn({ err }, 'session sweep failed'));
}, 10 * 60_000);
sweep.unref();

async function shutdown(signal: string) {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await handle.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
