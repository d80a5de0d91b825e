// A chronology entry links to the record it is about (the meeting, the referral, the assessment),
// not only to the incident behind it. Entries written before this keep their incident link.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table chronology_entries add column record_type text;
    alter table chronology_entries add column record_id uuid;
    alter table chronology_entries add constraint chronology_record_type check (record_type in ('meeting', 'referral', 'assessment', 'panel_referral', 'screening', 'task', 'external_decision'));
  `.execute(db);
}
