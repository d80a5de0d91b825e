// The audit log's head (issue 13, ADR 0009): one row holding the newest event's number and hash.
// An append locks the row (select ... for update) instead of taking an advisory lock and then
// reading the newest event: under READ COMMITTED a second appender waits for the row and is then
// given its newest version, so it chains on the event committed before it, in one statement. A
// trigger moves the head with every insert into audit_events, whoever makes it (the bench's seed,
// a process of the previous version still running beside a new one), so it cannot fall behind.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The trigger comes before the head is filled in: creating it locks audit_events against
  // inserts until this transaction commits, so no event is added between the two.
  await sql`
    create table audit_head (
      id smallint primary key check (id = 1),
      seq bigint not null,
      hash text not null
    );

    create function audit_head_follows() returns trigger language plpgsql as $$
    begin
      update audit_head h set seq = n.seq, hash = n.hash
        from (select seq, hash from inserted_events order by seq desc limit 1) n
       where h.id = 1 and n.seq >= h.seq;
      return null;
    end;
    $$;
    create trigger audit_events_move_head after insert on audit_events
      referencing new table as inserted_events
      for each statement execute function audit_head_follows();

    insert into audit_head (id, seq, hash)
      select 1, coalesce(max(seq), 0), coalesce((select hash from audit_events order by seq desc limit 1), repeat('0', 64))
        from audit_events;
  `.execute(db);
}
