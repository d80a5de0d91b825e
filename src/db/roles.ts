// Two database roles on PostgreSQL: an owner that runs the migrations and owns every table, and the
// application's role, which owns nothing and may only read and add to the audit log (R-X-7): it
// cannot update, delete or truncate audit events, nor switch off the triggers that refuse them. It
// may update the log's head row, which each append locks and moves on (migration 0020).
import { type Kysely, sql } from 'kysely';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Gives the application's role what it needs on the owner's current schema, and no more. Run as the owner after migrating. */
export async function grantApplicationRole(owner: Kysely<unknown>, appRole: string): Promise<void> {
  if (!IDENTIFIER.test(appRole)) throw new Error(`Not a plain role name: ${appRole}`);
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(owner)).rows[0]!.s;
  if (!IDENTIFIER.test(schema)) throw new Error(`Not a plain schema name: ${schema}`);
  const app = sql.id(appRole);
  const schemaId = sql.id(schema);
  await sql`grant usage on schema ${schemaId} to ${app}`.execute(owner);
  await sql`grant select, insert, update, delete on all tables in schema ${schemaId} to ${app}`.execute(owner);
  await sql`grant usage, select on all sequences in schema ${schemaId} to ${app}`.execute(owner);
  // The audit log: read and add to, nothing else.
  await sql`revoke all on ${schemaId}.audit_events from ${app}`.execute(owner);
  await sql`grant select, insert on ${schemaId}.audit_events to ${app}`.execute(owner);
  // Its head row (migration 0020): read, locked and moved on by each append, never added or removed.
  // Moving it by hand breaks the chain where the next event is added, which the verifier reports.
  await sql`revoke all on ${schemaId}.audit_head from ${app}`.execute(owner);
  await sql`grant select, update on ${schemaId}.audit_head to ${app}`.execute(owner);
  // The migrations' own bookkeeping is the owner's alone.
  for (const table of ['kysely_migration', 'kysely_migration_lock']) {
    const exists = await sql<{ t: string | null }>`select to_regclass(${`${schema}.${table}`}) as t`.execute(owner);
    if (exists.rows[0]?.t) await sql`revoke all on ${schemaId}.${sql.id(table)} from ${app}`.execute(owner);
  }
}

export interface AuditPrivileges {
  role: string;
  ownsAuditLog: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  canTruncate: boolean;
}

/** What the connected role may do to the audit log: the application must own it not and may not change it. */
export async function auditPrivileges(db: Kysely<unknown>): Promise<AuditPrivileges> {
  const result = await sql<{ role: string; owns: boolean; u: boolean; d: boolean; t: boolean }>`
    select current_user as role,
      (select tableowner = current_user from pg_tables where schemaname = current_schema() and tablename = 'audit_events') as owns,
      has_table_privilege(current_user, 'audit_events', 'UPDATE') as u,
      has_table_privilege(current_user, 'audit_events', 'DELETE') as d,
      has_table_privilege(current_user, 'audit_events', 'TRUNCATE') as t`.execute(db);
  const row = result.rows[0]!;
  return { role: row.role, ownsAuditLog: Boolean(row.owns), canUpdate: row.u, canDelete: row.d, canTruncate: row.t };
}

export function privilegeProblems(privileges: AuditPrivileges): string[] {
  const out: string[] = [];
  if (privileges.ownsAuditLog)
    out.push(`the role ${privileges.role} owns the audit log (it could switch off its triggers)`);
  if (privileges.canUpdate || privileges.canDelete || privileges.canTruncate)
    out.push(
      `the role ${privileges.role} may ` +
        `${[privileges.canUpdate && 'update', privileges.canDelete && 'delete', privileges.canTruncate && 'truncate'].filter(Boolean).join(', ')} ` +
        `audit events`,
    );
  return out;
}
