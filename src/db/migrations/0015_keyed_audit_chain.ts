// The audit chain is keyed from here on (domain/audit-chain.ts): each event says how its hash was
// made. Events already written keep their unkeyed SHA-256 and the label 'sha256'.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_events add column chain text not null default 'sha256'`.execute(db);
}
