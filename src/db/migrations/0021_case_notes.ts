// Case notes on a child's own record (issue 15, R-X-1): a visit, a phone call, a direct work
// session, a consultation, a management oversight note or a note, with the day it happened, who
// was present or spoken to, and the words. A note is about one child: a note about two children
// is written on each child's record. A management oversight note is signed by the manager who
// wrote it. Notes are kept as written (a correction is a new note), and enter the chronology.
import { type Kysely, sql } from 'kysely';
import { createAuthorityRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${createAuthorityRecordTable('case_notes')}
      child_id uuid not null references children(id),
      kind text not null check (kind in ('visit', 'phone_call', 'direct_work', 'consultation', 'oversight', 'note')),
      happened_on date not null,
      present text not null default '',
      words text not null,
      written_by uuid not null references users(id),
      written_at timestamptz not null default now(),
      signed_role text,
      constraint case_notes_signed check ((kind = 'oversight') = (signed_role is not null))
    );
    create index case_notes_child_idx on case_notes (child_id, happened_on desc, written_at desc);
    alter table chronology_entries drop constraint chronology_record_type;
    alter table chronology_entries add constraint chronology_record_type check (record_type in (
      'meeting', 'referral', 'assessment', 'panel_referral', 'screening', 'task', 'external_decision', 'plan', 'case_note'
    ));
  `.execute(db);
}
