// The application as the bench measures it, in a process of its own (npm run bench forks it after
// the seed): nothing but the service, so its memory and CPU time are the service's. Counts every
// statement through Kysely, begin and commit included, with its time as the driver saw it (round
// trip to the database), and answers the bench's questions over the IPC channel.
//
//   BENCH_DATA_DIR (PGlite) or DATABASE_URL   BENCH_AUDIT_KEY
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { auditKey } from '../src/domain/audit-chain.ts';
import { configureAuditKey } from '../src/repositories/audit.ts';
import { createApp } from '../src/web/app.ts';

export interface ServerStats {
  statements: number;
  statementMs: number;
  /** process.cpuUsage(), microseconds. */
  cpu: { user: number; system: number };
  rss: number;
  auditEvents?: number;
}

configureAuditKey(auditKey(process.env.BENCH_AUDIT_KEY!));
const statements = { count: 0, ms: 0 };
const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.BENCH_DATA_DIR ?? '',
  log: (event) => {
    statements.count += 1;
    statements.ms += event.queryDurationMillis;
  },
});
const app = await createApp({ db: handle.db, config: { ...loadConfig({}), logLevel: 'silent' }, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const stats = (): ServerStats => ({
  statements: statements.count,
  statementMs: statements.ms,
  cpu: process.cpuUsage(),
  rss: process.memoryUsage().rss,
});
async function closeAndReport() {
  const audit = await handle.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const last = { ...stats(), auditEvents: Number(audit.n) };
  await app.close();
  await handle.close();
  process.send!(last, () => process.exit(0));
}
process.on('message', (message: string) => {
  if (message === 'stats') process.send!(stats());
  if (message === 'close') void closeAndReport();
});
process.send!({ port: (app.server.address() as { port: number }).port });
