// Migrations have run on councils' databases, so what each sends must never change, however it is
// written (src/db/migrations/columns.ts's helpers are frozen for this). Each migration's SQL is
// compiled without a database and compared with the SHA-256 it has had since it was released. Pin a
// new migration's hash here once it is released; a hash that no longer matches means a released
// migration (or a helper it uses) was changed: write a new migration instead.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { migrations } from '../../src/db/migrations/index.ts';

const RELEASED: Record<string, string> = {
  '0001_foundation': 'd299eddc67d9a75d7bfd5ddc7ed2bec1a5127b932e559afec38e74c3df8115b6',
  '0002_latest_incident': 'c4548b9812d470c10e5a77f8f748950ff03469442f12b23b3d312c46f3f21013',
  '0003_screening_and_tasks': 'f0f6947a0a4f1d0023b23308e991e70c51dc52dd8d2b97ff89a98eae446bd0ca',
  '0004_youth_justice_worker': 'a83abebf7499b7e8398e981c26d7426d8ae179af704eef3216eae5beca4f6a70',
  '0005_referrals': 'e129223b7f80b9be368eed814eaa17146c10ff9ece84035eb33f9d062e206534',
  '0006_meetings': '59c124a15eaf39a56761d1b4cea21f90374d60612afccb01a9caaa28779823ea',
  '0007_meeting_list_indexes': '52fb3d39b6b93d23c59692cc16a1ff59ad8fd8de1ba431a4d74bc503f5686efe',
  '0008_case_closure': '5e47bd34a2088291dbe3c4ec62487cd4f2dd2422c136dca752e8d7dcfed6f06b',
  '0009_assessments': 'dc15793d37b9ba92d2c219fdcc0c89232a0dc18de23eecf4707f7bb7ced20ce6',
  '0010_assessment_report': 'f5872508c0c620c0adf974d7393b0d2990f3616acf54db461c9f298429e408c7',
  '0011_one_assessment_in_progress': '5415f0709e7e18126a25da3cd1df6ddf9e402514f87eaea81d6e074e04703de0',
  '0012_panel_referrals': '55a88ddce69f4bfdc658a60bb5bc680abbdfd6bcf6ad697faf752b508b779edd',
  '0013_authority_holidays': '54bdc35f9950a367cd4b417e9243987741cfa70e76c738afdd18e53de4a8a812',
  '0014_accounts': '23c15308c99dd789c4336be665926aeac5f58e0086869417d607413a16d1772a',
  '0015_keyed_audit_chain': 'df20184c79d37fbf53194ae338a3426d9d6ee25354284de199415104bcf6b6f5',
  '0016_tasks_fulfilled_by': 'c50c4ec8ac9f6c2e23b4e66cb0ff0eacf19099835ed5bf0dd649abb30d8febec',
  '0017_due_rules_without_clauses': '4e7e519354c3914da061a79d627e36a25a7faeb486df4d8cf8ebeae96720a214',
  '0018_chronology_records': 'e19e5246daf7bc7a4c197140bbfd78c413043871d731fcc7a62db22d61291420',
  '0019_plans': 'b1a101ca3eb20f90d0377aad2190cbbe0aaf0b54dcaf34c3c571cf72a1c23424',
  '0020_audit_head': '90e578106d72b39e4293de7520c7ef1228f082efdb56102edd3141ef1697e998',
  '0021_case_notes': '577333adf6b9c6d6c97d2a14ac7c47de3c304ebd141d7ad1f6d0586f2d0befee',
  '0022_family_network': 'b7155ebc22647be0eff9d8a62683134e05bdd2c6f9bc27dd4a0c23fdcec6bbd2',
  '0023_meeting_schedule': '74045702ac2b2404ce8fe2ec44444f110cb8f2211f7f0ca22d95fa3dacc4d06e',
  '0024_referral_details': '1110f0927785d36bf0a92762729a9d4b9f321c5988a50ddecfb91865266c94e6',
  '0025_child_search_index': '6c1348679854c0dc53463f6e21b3d1e17f39eefcda9ff750ea69e19c8916f144',
  '0026_attachments': '2f240027bb34e1520a30a025ce387ddbc2d54443a23027ae1137d5113dba516a',
  '0027_body_map': '042b5366ea16ab9751da42874798e2e074917ecff72a66ea3ce67a166314ad0f',
  '0028_record_corrections': '1f2b40da70e9e84aac7e698977663dc62ee0c02238a3d62a98578e61b8f2f7fb',
  '0029_meeting_invitee_changes': '42294c4b9087af794bca761b80b9af4a2fa1d3186e81610635fa7afcf3b94f0e',
  '0030_document_removal': 'cb104ad18ab56469848098e8907102f4e9aabd60df9f5f1471841714ee113a4b',
  '0031_incident_children_linked_by': '9332ad2602266abe93db1b7a2c42381826099d5555ec7e96434ee3b325b4bbed',
  '0032_children_team_access_index': '57b1f83f06a099ab0f8fadee14376edeb0f198d21af046db5589d3c09fe1b404',
};

/** The statements a migration sends, compiled by Kysely's PostgreSQL compiler and never executed. */
async function statementsOf(name: string): Promise<{ sql: string; parameters: readonly unknown[] }[]> {
  const sent: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (inner) => new PostgresIntrospector(inner),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      sent.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  const migration = migrations[name];
  assert.ok(migration, `no migration ${name}`);
  await migration.up(db);
  return sent;
}

it('sends the SQL each released migration has always sent, to the byte', async () => {
  for (const [name, released] of Object.entries(RELEASED)) {
    const statements = await statementsOf(name);
    assert.ok(statements.length > 0, `${name} sends nothing`);
    for (const statement of statements) assert.deepEqual(statement.parameters, [], `${name} sends parameters`);
    const hash = createHash('sha256')
      .update(statements.map((statement) => statement.sql).join('\n;\n'))
      .digest('hex');
    assert.equal(hash, released, `${name}'s SQL changed: a released migration is never edited`);
  }
});
