import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_latest_incident.ts';
import * as m0003 from './0003_screening_and_tasks.ts';
import * as m0004 from './0004_youth_justice_worker.ts';
import * as m0005 from './0005_referrals.ts';
import * as m0006 from './0006_meetings.ts';
import * as m0007 from './0007_meeting_list_indexes.ts';
import * as m0008 from './0008_case_closure.ts';
import * as m0009 from './0009_assessments.ts';
import * as m0010 from './0010_assessment_report.ts';
import * as m0011 from './0011_one_assessment_in_progress.ts';
import * as m0012 from './0012_panel_referrals.ts';
import * as m0013 from './0013_authority_holidays.ts';
import * as m0014 from './0014_accounts.ts';
import * as m0015 from './0015_keyed_audit_chain.ts';
import * as m0016 from './0016_tasks_fulfilled_by.ts';
import * as m0017 from './0017_due_rules_without_clauses.ts';
import * as m0018 from './0018_chronology_records.ts';
import * as m0019 from './0019_plans.ts';
import * as m0020 from './0020_audit_head.ts';
import * as m0021 from './0021_case_notes.ts';
import * as m0022 from './0022_family_network.ts';
import * as m0023 from './0023_meeting_schedule.ts';
import * as m0024 from './0024_referral_details.ts';
import * as m0025 from './0025_child_search_index.ts';
import * as m0026 from './0026_attachments.ts';
import * as m0027 from './0027_body_map.ts';
import * as m0028 from './0028_record_corrections.ts';
import * as m0029 from './0029_meeting_invitee_changes.ts';
import * as m0030 from './0030_document_removal.ts';
import * as m0031 from './0031_incident_children_linked_by.ts';
import * as m0032 from './0032_children_team_access_index.ts';

/**
 * Forward-only migrations, in order. Add new ones at the end; never change what a released one sends
 * (test/db/migration-sql.test.ts pins each one's SQL; the shared columns in columns.ts are frozen).
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_latest_incident': m0002,
  '0003_screening_and_tasks': m0003,
  '0004_youth_justice_worker': m0004,
  '0005_referrals': m0005,
  '0006_meetings': m0006,
  '0007_meeting_list_indexes': m0007,
  '0008_case_closure': m0008,
  '0009_assessments': m0009,
  '0010_assessment_report': m0010,
  '0011_one_assessment_in_progress': m0011,
  '0012_panel_referrals': m0012,
  '0013_authority_holidays': m0013,
  '0014_accounts': m0014,
  '0015_keyed_audit_chain': m0015,
  '0016_tasks_fulfilled_by': m0016,
  '0017_due_rules_without_clauses': m0017,
  '0018_chronology_records': m0018,
  '0019_plans': m0019,
  '0020_audit_head': m0020,
  '0021_case_notes': m0021,
  '0022_family_network': m0022,
  '0023_meeting_schedule': m0023,
  '0024_referral_details': m0024,
  '0025_child_search_index': m0025,
  '0026_attachments': m0026,
  '0027_body_map': m0027,
  '0028_record_corrections': m0028,
  '0029_meeting_invitee_changes': m0029,
  '0030_document_removal': m0030,
  '0031_incident_children_linked_by': m0031,
  '0032_children_team_access_index': m0032,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
