// A child's family and network, and the alerts on their record (issue 15). Each person is on one
// child's record: parents and carers (with parental responsibility, and whether they live with the
// child), brothers and sisters, others in the household, the school or setting, the GP and other
// professionals, with their role and how to reach them. Nobody is deleted: a person who is no
// longer involved, or an alert that no longer applies, is ended with a reason and stays readable.
import { type Kysely, sql } from 'kysely';
import { createAuthorityRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${createAuthorityRecordTable('child_network')}
      child_id uuid not null references children(id),
      kind text not null check (kind in ('parent_carer', 'sibling', 'household', 'school', 'gp', 'professional')),
      name text not null,
      relationship text not null default '',
      organisation text not null default '',
      phone text not null default '',
      email text not null default '',
      address text not null default '',
      parental_responsibility boolean,
      lives_with_child boolean,
      added_by uuid not null references users(id),
      added_at timestamptz not null default now(),
      ended_at timestamptz,
      ended_by uuid references users(id),
      ended_reason text,
      constraint child_network_ended check ((ended_at is null) = (ended_by is null) and (ended_at is null) = (ended_reason is null))
    );
    create index child_network_child_idx on child_network (child_id, added_at);
    ${createAuthorityRecordTable('child_alerts')}
      child_id uuid not null references children(id),
      words text not null,
      added_by uuid not null references users(id),
      added_at timestamptz not null default now(),
      ended_at timestamptz,
      ended_by uuid references users(id),
      ended_reason text,
      constraint child_alerts_ended check ((ended_at is null) = (ended_by is null) and (ended_at is null) = (ended_reason is null))
    );
    create index child_alerts_child_idx on child_alerts (child_id) where ended_at is null;
  `.execute(db);
}
