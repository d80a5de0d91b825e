// Accounts: an e-mail address is unique within an authority, not across them, so an administrator
// cannot learn that an address has an account elsewhere (a partner working for two authorities has
// an account in each); a forced password change after an administrator's reset, the one-off
// password lasting a few days only; role changes that touch an administrator's account wait for a
// second administrator (separation of duties).
import { type Kysely, sql } from 'kysely';
import { createAuthorityRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users add column must_change_password boolean not null default false;
    alter table users add column one_off_expires_at timestamptz;
    drop index users_email_key;
    create unique index users_authority_email_key on users (authority_id, lower(email));
    create index users_email_idx on users (lower(email));

    ${createAuthorityRecordTable('role_change_requests')}
      user_id uuid not null references users(id),
      roles_before text[] not null,
      roles_after text[] not null,
      proposed_by uuid not null references users(id),
      proposed_at timestamptz not null default now(),
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      decided_by uuid references users(id),
      decided_at timestamptz
    );
    create unique index role_change_requests_one_pending on role_change_requests (user_id) where status = 'pending';
  `.execute(db);
}
