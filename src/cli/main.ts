// npm start: open the database (PGlite in ./data unless DATABASE_URL is set), migrate (as the owner
// role when DATABASE_OWNER_URL is set), load the demo data on first start, and serve the
// application; signed checkpoints of the audit log are written outside the database as it runs.
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/connection.ts';
import { auditPrivileges, grantApplicationRole, privilegeProblems } from '../db/roles.ts';
import { configureAuditKey } from '../repositories/audit.ts';
import { deleteExpiredSessions } from '../repositories/sessions.ts';
import { checkpointFile, loadAuditKeys, startCheckpoints } from '../services/audit-integrity.ts';
import { createApp } from '../web/app.ts';
import { whileStartLocked } from './start-lock.ts';
import {
  DEMO_PASSWORD,
  demoEmail,
  isSeeded,
  seedDemo,
  seedDemoFamily,
  seedDemoDocuments,
  seedDemoNotes,
  seedDemoPlans,
  seedDemoScreenings,
} from './demo-data.ts';
import { NO_SCANNER } from '../services/upload-scanner.ts';

const config = loadConfig();
if (config.production && !config.sessionSecret) {
  // Every process behind the load balancer must sign sessions with the same secret, kept across restarts.
  console.error('Refusing to start: set SESSION_SECRET (at least 32 characters, the same for every process).');
  process.exit(1);
}
const keys = loadAuditKeys(config);
configureAuditKey(keys.key);
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
// One process at a time migrates and loads the demo data; another starting at once waits, then finds it done.
const seeded = await whileStartLocked(handle, async () => {
  if (config.databaseOwnerUrl && handle.kind === 'postgres') {
    // The owner migrates and grants; the application's role owns nothing (README, "Two database roles").
    const owner = await openDatabase({ databaseUrl: config.databaseOwnerUrl });
    try {
      const applied = await migrateToLatest(owner.db);
      if (applied.length) console.log(`Database migrated as the owner: ${applied.join(', ')}`);
      const { role } = await auditPrivileges(handle.db as never).catch(() => ({ role: '' }));
      await grantApplicationRole(owner.db as never, role);
    } finally {
      await owner.close();
    }
  } else {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) console.log(`Database migrated: ${applied.join(', ')}`);
  }
  if (handle.kind === 'postgres') {
    const problems = privilegeProblems(await auditPrivileges(handle.db as never));
    if (problems.length && config.production) {
      console.error(
        `Refusing to start: ${problems.join('; ')}. Connect as a role that may only read and add to the audit log (README, "Two database roles").`,
      );
      process.exit(1);
    }
    for (const problem of problems)
      console.warn(
        `Warning: ${problem}. In production, connect as the application's own role (README, "Two database roles").`,
      );
  }
  if (config.seedDemo && !(await isSeeded(handle.db))) {
    console.log('Loading demo data for the five authorities (first start only)...');
    await seedDemo(handle.db);
    await seedDemoScreenings(handle.db);
    await seedDemoPlans(handle.db);
    await seedDemoNotes(handle.db);
    await seedDemoFamily(handle.db);
    await seedDemoDocuments(handle.db);
    return true;
  }
  return false;
});
// Uploaded documents are scanned for viruses by this scanner (ADR 0019): connect the council's
// here. NO_SCANNER is "no scanner configured": nothing is scanned, and each document says so.
const app = await createApp({ db: handle.db, config, scanner: NO_SCANNER });
await app.listen({ port: config.port, host: config.host });
const checkpoints = startCheckpoints(
  handle.db,
  keys.key,
  checkpointFile(config.auditDir),
  config.auditCheckpointMs,
  app.log,
);
const where = handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
const address = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
console.log(`
HSB Pathway is running at ${address} (database: ${where}; audit log keyed with ${keys.source}, checkpoints in ${checkpointFile(config.auditDir)}).
${
  seeded || config.seedDemo
    ? `
Sign in with a demo account: ${demoEmail('kent', 'social_worker')}, password ${DEMO_PASSWORD}
Every authority (kent, thurrock, north-yorkshire, north-east-lincolnshire, islington) has one user
per role, named ROLE@AUTHORITY.example: dsl, front-door, social-worker, social-worker-b,
team-manager, youth-justice, aim-practitioner, panel-chair, cse-coordinator, police, admin, auditor.
`
    : ''
}
Press Ctrl+C to stop.`);

const sweep = setInterval(() => {
  deleteExpiredSessions(handle.db).catch((err: unknown) => app.log.warn({ err }, 'session sweep failed'));
}, 10 * 60_000);
sweep.unref();

// A failure outside any request (a callback, a timer) is logged and the service carries on; each
// request's own errors already answer with a safe page (README, "Running in production").
process.on('unhandledRejection', (err) => app.log.error({ err }, 'unhandled rejection'));

async function shutdown(signal: string) {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await checkpoints.stop();
  await handle.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
