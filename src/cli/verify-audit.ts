// npm run audit:verify: walks the audit log's hash chain and reports any break (R-X-7).
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { verifyAuditChain } from '../repositories/audit.ts';

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    console.log(`Audit chain intact: ${result.checked} events checked.`);
  } else {
    console.error(`Audit chain BROKEN: ${result.problems.length} problem(s) in ${result.checked} events.`);
    for (const p of result.problems.slice(0, 50)) console.error(`  event ${p.seq}: ${p.problem}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
