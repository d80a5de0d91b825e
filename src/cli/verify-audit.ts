// npm run audit:verify: walks the audit log's keyed chain, checks its head row against the newest
// event, and every signed checkpoint kept outside the database against the events it names (R-X-7).
// Exit code 1 on any problem.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { checkpointFile, loadAuditKeys, verifyAudit } from '../services/audit-integrity.ts';

const config = loadConfig();
const keys = loadAuditKeys(config);
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const file = checkpointFile(config.auditDir);
  const result = await verifyAudit(handle.db, keys.all, file, { requireCheckpoint: config.production });
  if (result.ok) {
    console.log(
      `Audit log intact: ${result.checked} events checked with ${keys.all.length} ` +
        `key${keys.all.length === 1 ? '' : 's'}; ${result.checkpoints} ` +
        `checkpoint${result.checkpoints === 1 ? '' : 's'} in ${file} ` +
        `agree${result.newest ? `; the newest event is ${result.newest.seq}` : ''}.`,
    );
    if (!result.checkpoints)
      console.log(
        'No checkpoint to check against: deleting the newest events cannot be detected until one is written (npm start writes them).',
      );
  } else {
    console.error(
      `Audit log BROKEN: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${result.checked} events.`,
    );
    for (const problem of result.problems.slice(0, 50)) console.error(`  ${problem}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
