// npm run operator -- <command>: what only the service's operator does, at the server, never
// through the pages (separation of duties, ADR 0009). Each is in the audit log as the operator.
//   reset-password <email> <authority>   a one-off password for any account (an administrator's or
//                                        auditor's included), to be changed at the next sign-in
//   approve-roles <email> <authority>    approve the role change waiting for that account, where
//                                        there is no second administrator to do it
import os from 'node:os';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { configureAuditKey } from '../repositories/audit.ts';
import { operatorApproveRoles, operatorResetPassword } from '../services/admin-service.ts';
import { loadAuditKeys } from '../services/audit-integrity.ts';

const [command, email, authorityId] = process.argv.slice(2);
if (!command || !email || !authorityId || !['reset-password', 'approve-roles'].includes(command)) {
  console.error(
    'Usage: npm run operator -- reset-password <email> <authority>\n       npm run operator -- approve-roles <email> <authority>',
  );
  process.exit(2);
}
const config = loadConfig();
configureAuditKey(loadAuditKeys(config).key);
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const operator = `${os.userInfo().username}@${os.hostname()}`;
try {
  if (command === 'reset-password') {
    const password = await operatorResetPassword(handle.db, { email, authorityId, operator });
    console.log(
      `One-off password for ${email} (${authorityId}): ${password}\nGive it to them in person ` +
        `or by phone; they must choose their own when they sign in, within 3 days.`,
    );
  } else {
    const { before, after } = await operatorApproveRoles(handle.db, { email, authorityId, operator });
    console.log(
      `Role change approved for ${email} (${authorityId}): ${before.join(', ') || 'no role'} to ${after.join(', ') || 'no role'}.`,
    );
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
