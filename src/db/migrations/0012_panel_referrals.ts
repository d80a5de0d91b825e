// Referrals to North East Lincolnshire's AIM Pathway Panel (R-NEL-10..12, R-X-6): the referral with
// its assessment, eligibility and consent; the panel's decision with reasons, route, lead AIM
// practitioner and co-worker; reviews at least every 3 months; closure with further work.
import { type Kysely, sql } from 'kysely';
import { changedRecordStamps, createAuthorityRecordTable } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${createAuthorityRecordTable('panel_referrals')}
      child_id uuid not null references children(id),
      kind text not null check (kind in ('assessment', 'consultation')),
      referring_service text not null check (referring_service in ('childrens_services', 'youth_justice')),
      assessment_type text not null,
      assessment_summary text not null,
      harm text not null check (harm in ('displayed', 'likely')),
      child_consent boolean not null,
      parent_consent boolean not null,
      consent_exploration text not null default '',
      police_investigation boolean not null,
      charge_likely boolean,
      denies boolean,
      lead_professional text not null check (lead_professional in ('referrer', 'youth_justice')),
      information_gathering_only boolean not null,
      approaching_18 boolean not null,
      status text not null default 'awaiting' check (status in ('awaiting', 'accepted', 'declined', 'closed')),
      decision_reasons text not null default '',
      route text,
      lead_practitioner_id uuid references users(id),
      co_worker_id uuid references users(id),
      exceptional_reason text not null default '',
      decided_by uuid references users(id),
      decided_on date,
      next_review_on date,
      reviews jsonb not null default '[]',
      closed_on date,
      closed_by uuid references users(id),
      closure_summary text not null default '',
      further_work text not null default '',
      referred_by uuid not null references users(id),
      ${changedRecordStamps()}
    );
    create index panel_referrals_child_idx on panel_referrals (child_id);
    create index panel_referrals_status_idx on panel_referrals (authority_id, status);
    create index panel_referrals_lead_idx on panel_referrals (lead_practitioner_id);
    create index panel_referrals_co_idx on panel_referrals (co_worker_id);
    create unique index panel_referrals_one_open on panel_referrals (child_id) where status in ('awaiting', 'accepted');
  `.execute(db);
}
