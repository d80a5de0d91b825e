// What a referral carries for the receiving team (issue 15): the referrer and how to reach them;
// whether the parents or carers were told, and why not; whether they consent, and why not or why
// they were not asked (R-X-6, R-NYO-16); the immediate safety steps taken (R-NYO-2); and what is
// asked of the receiving team. Referrals made before this migration have none of these (null:
// "Not recorded" on the page).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table referrals
      add column referrer_name text,
      add column referrer_role text,
      add column referrer_phone text,
      add column referrer_email text,
      add column parents_told boolean,
      add column parents_not_told_reason text,
      add column parents_consent text,
      add column consent_reason text,
      add column safety_steps text,
      add column request text,
      add constraint referrals_parents_consent_check check (parents_consent in ('yes', 'no', 'not_asked')),
      add constraint referrals_parents_told_reason check (parents_told is distinct from false or parents_not_told_reason is not null),
      add constraint referrals_consent_reason check (parents_consent is null or parents_consent = 'yes' or consent_reason is not null);
  `.execute(db);
}
