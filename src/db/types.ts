// Kysely table types: snake_case, as in the database.
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates are read as 'YYYY-MM-DD' strings (the pg type parser is set so in connection.ts). */
type DateOnly = ColumnType<string, string, string>;

export interface AuthoritiesTable {
  id: string;
  name: string;
  short_name: string;
  inactivity_working_days: ColumnType<number | null, number | null | undefined, number | null>;
}

type Json<T> = ColumnType<T, string, string>;

export interface ScreeningsTable {
  id: Generated<string>;
  authority_id: string;
  incident_id: string;
  child_id: string;
  pack_id: string;
  pack_version: string;
  tool_id: string;
  answers: Json<Record<string, unknown>>;
  facts: Json<Record<string, boolean>>;
  suggested_level: string;
  suggested_scale: string;
  reasons: Json<unknown[]>;
  age_rules: Json<Record<string, unknown>>;
  status: Generated<string>;
  decided_level: string | null;
  decided_level_label: string | null;
  agreed_with_suggestion: boolean | null;
  rationale: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_date: DateOnly | null;
  created_by: string;
  created_at: DefaultedTimestamp;
}

export interface TasksTable {
  id: Generated<string>;
  authority_id: string;
  child_id: string;
  incident_id: string | null;
  screening_id: string | null;
  step_id: string;
  title: string;
  detail: string;
  kind: Generated<string>;
  owner_role: string;
  assigned_to: string | null;
  due_on: DateOnly | null;
  due_rule: string;
  clause: string;
  requirement_id: string;
  status: Generated<string>;
  created_at: DefaultedTimestamp;
  completed_at: Date | null;
  completed_by: string | null;
  completion_note: Generated<string>;
  meeting_id: ColumnType<string | null, string | null | undefined, string | null>;
  arranges: ColumnType<string | null, string | null | undefined, string | null>;
  fulfilled_by_type: ColumnType<string | null, string | null | undefined, string | null>;
  fulfilled_by_id: ColumnType<string | null, string | null | undefined, string | null>;
  plan_id: ColumnType<string | null, string | null | undefined, never>;
  version: Generated<number>;
}

export interface ReferralsTable {
  id: Generated<string>;
  authority_id: string;
  incident_id: string;
  child_id: string;
  screening_id: string;
  receiving_team_id: string | null;
  received_at: DefaultedTimestamp;
  due_on: DateOnly;
  status: Generated<string>;
  outcome: string | null;
  outcome_label: string | null;
  rationale: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_by: string;
  version: Generated<number>;
  referrer_name: string | null;
  referrer_role: string | null;
  referrer_phone: string | null;
  referrer_email: string | null;
  parents_told: boolean | null;
  parents_not_told_reason: string | null;
  parents_consent: string | null;
  consent_reason: string | null;
  safety_steps: string | null;
  request: string | null;
}

export interface OneOffHolidaysTable {
  authority_id: string;
  day: DateOnly;
  name: string;
  added_by: string;
  added_at: DefaultedTimestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  authority_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_by: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface TeamsTable {
  id: Generated<string>;
  authority_id: string;
  name: string;
  kind: string;
  parent_team_id: string | null;
  created_at: DefaultedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  authority_id: string;
  email: string;
  display_name: string;
  job_title: Generated<string>;
  agency: Generated<string>;
  password_hash: string;
  active: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  last_sign_in_at: Date | null;
  must_change_password: Generated<boolean>;
  one_off_expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: DefaultedTimestamp;
  version: Generated<number>;
}

export interface RoleChangeRequestsTable {
  id: Generated<string>;
  authority_id: string;
  user_id: string;
  roles_before: string[];
  roles_after: string[];
  proposed_by: string;
  proposed_at: DefaultedTimestamp;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface UserTrainingsTable {
  user_id: string;
  training: string;
  completed_on: DateOnly;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  is_manager: Generated<boolean>;
}

export interface SessionsTable {
  sid: string;
  user_id: string | null;
  data: ColumnType<unknown, string, string>;
  expires_at: Timestamp;
}

export interface ChildrenTable {
  id: Generated<string>;
  authority_id: string;
  first_name: string;
  last_name: string;
  other_names: Generated<string>;
  date_of_birth: DateOnly;
  sex: string;
  ethnicity: Generated<string>;
  send: Generated<boolean>;
  send_details: Generated<string>;
  developmental_age: number | null;
  looked_after: Generated<boolean>;
  school_or_setting: Generated<string>;
  home_area: Generated<string>;
  person_id: Generated<string>;
  nhs_number: Generated<string>;
  allocated_worker_id: string | null;
  youth_justice_worker_id: ColumnType<string | null, string | null | undefined, string | null>;
  allocated_team_id: string | null;
  status: Generated<'open' | 'closed'>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
  closure_reason: Generated<string>;
  last_activity_at: DefaultedTimestamp;
  latest_incident_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  updated_by: string;
  version: Generated<number>;
}

export interface IncidentsTable {
  id: Generated<string>;
  authority_id: string;
  status: Generated<'draft' | 'submitted'>;
  occurred_at: Date | null;
  completed_by_name: Generated<string>;
  completed_by_role: Generated<string>;
  completed_by_relation: Generated<string>;
  location_type: Generated<string>;
  location_area: Generated<string>;
  location_details: Generated<string>;
  technology_assisted: Generated<string>;
  technology_details: Generated<string>;
  behaviour: Generated<string>;
  context_planning: Generated<string>;
  context_factors: ColumnType<string[], string[] | undefined, string[]>;
  context_details: Generated<string>;
  relationship_details: Generated<string>;
  normally_associate: Generated<string>;
  power_imbalance: ColumnType<string[], string[] | undefined, string[]>;
  /** Where the child harmed was touched or injured, as body map regions (domain/body-map.ts; issue 15). */
  body_regions: ColumnType<string[], string[] | undefined, string[]>;
  others_response: Generated<string>;
  child_response: Generated<string>;
  attempt_to_address: Generated<string>;
  parents_response: Generated<string>;
  other_actions: Generated<string>;
  created_by: string;
  created_at: DefaultedTimestamp;
  updated_by: string;
  updated_at: DefaultedTimestamp;
  submitted_at: Date | null;
  version: Generated<number>;
}

export interface IncidentChildrenTable {
  incident_id: string;
  child_id: string;
  role: 'displayed' | 'targeted' | 'witness';
  own_words: Generated<string>;
  added_at: DefaultedTimestamp;
  /** Who added the child to the submitted incident, correcting it (issue 15); null when linked on the draft. */
  linked_by: ColumnType<string | null, string | null | undefined, never>;
}

export interface ChronologyEntriesTable {
  id: Generated<string>;
  child_id: string;
  occurred_at: Timestamp;
  recorded_at: DefaultedTimestamp;
  recorded_by: string;
  kind: string;
  summary: string;
  incident_id: string | null;
  record_type: ColumnType<string | null, string | null | undefined, never>;
  record_id: ColumnType<string | null, string | null | undefined, never>;
}

export interface AccessGrantsTable {
  id: Generated<string>;
  user_id: string;
  child_id: string;
  reason: string;
  granted_by: string;
  granted_at: DefaultedTimestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
}

export interface AuditEventsTable {
  seq: ColumnType<string, string | number, never>;
  at: Timestamp;
  authority_id: string | null;
  user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  outcome: string;
  ip: string;
  request_id: string;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
  chain: ColumnType<string, string | undefined, never>;
}

export interface Database {
  authorities: AuthoritiesTable;
  teams: TeamsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_trainings: UserTrainingsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  children: ChildrenTable;
  incidents: IncidentsTable;
  incident_children: IncidentChildrenTable;
  chronology_entries: ChronologyEntriesTable;
  access_grants: AccessGrantsTable;
  audit_events: AuditEventsTable;
  screenings: ScreeningsTable;
  tasks: TasksTable;
  referrals: ReferralsTable;
  one_off_holidays: OneOffHolidaysTable;
  api_tokens: ApiTokensTable;
  meetings: MeetingsTable;
  meeting_children: MeetingChildrenTable;
  meeting_invitees: MeetingInviteesTable;
  meeting_invitee_changes: MeetingInviteeChangesTable;
  meeting_schedule_changes: MeetingScheduleChangesTable;
  meeting_circulation: MeetingCirculationTable;
  meeting_outcomes: MeetingOutcomesTable;
  external_decisions: ExternalDecisionsTable;
  case_notes: CaseNotesTable;
  child_network: ChildNetworkTable;
  child_alerts: ChildAlertsTable;
  documents: DocumentsTable;
  record_corrections: RecordCorrectionsTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  plan_reviews: PlanReviewsTable;
  plan_shares: PlanSharesTable;
  assessments: AssessmentsTable;
  panel_referrals: PanelReferralsTable;
  role_change_requests: RoleChangeRequestsTable;
}

export interface AgendaItem {
  section: string;
  text: string;
  notes: string;
}

export interface MeetingsTable {
  id: Generated<string>;
  authority_id: string;
  incident_id: string;
  type_id: string;
  type_label: string;
  pack_version: string;
  task_id: string | null;
  due_on: ColumnType<string | null, string | null, string | null>;
  held_on: ColumnType<string | null, string | null | undefined, string | null>;
  chair_id: string;
  chair_authority_id: string;
  chair_rule: string;
  agenda: ColumnType<AgendaItem[], string, string>;
  exclusions: ColumnType<{ inviteeId: string; label: string; reason: string }[], string | undefined, string>;
  police_involvement: ColumnType<string | null, string | null | undefined, string | null>;
  police_involvement_reason: Generated<string>;
  minutes_approved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  minutes_approved_by: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<'arranged' | 'closed' | 'cancelled'>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** When it meets (London wall-clock), and where: null for a meeting arranged before scheduling (0023). */
  meets_on: ColumnType<string | null, string | null | undefined, string | null>;
  starts_at: ColumnType<string | null, string | null | undefined, string | null>;
  ends_at: ColumnType<string | null, string | null | undefined, string | null>;
  place: Generated<string>;
  video_link: Generated<string>;
  cancelled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  cancelled_by: ColumnType<string | null, string | null | undefined, string | null>;
  cancel_reason: Generated<string>;
  created_by: string;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  version: Generated<number>;
}

export interface MeetingChildrenTable {
  meeting_id: string;
  child_id: string;
  role: 'displayed' | 'targeted';
  responsible_authority_id: string;
  safety_plan: Generated<string>;
}

export interface MeetingInviteesTable {
  id: Generated<string>;
  meeting_id: string;
  invitee_id: string;
  role_label: string;
  reason: Generated<string>;
  clause: Generated<string>;
  requirement_id: Generated<string>;
  mode: Generated<'invite' | 'inform'>;
  name: Generated<string>;
  agency: Generated<string>;
  user_id: string | null;
  email: Generated<string>;
  attended: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  sort: Generated<number>;
  /** An invitee removed before the meeting is held: kept, with who removed them and why (0029). */
  removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  removed_by: ColumnType<string | null, string | null | undefined, string | null>;
  remove_reason: Generated<string>;
}

/** Each addition, removal and change of a partner's details among a meeting's invitees (0029). */
export interface MeetingInviteeChangesTable {
  id: Generated<string>;
  meeting_id: string;
  invitee_id: string;
  kind: 'added' | 'removed' | 'changed';
  name: Generated<string>;
  role_label: Generated<string>;
  agency: Generated<string>;
  email: Generated<string>;
  /** For a change of details: the details before it, in words. */
  was: Generated<string>;
  reason: Generated<string>;
  changed_by: string;
  changed_at: DefaultedTimestamp;
}

/** Each time a meeting was arranged, moved or cancelled: the schedule then, and why (0023). */
export interface MeetingScheduleChangesTable {
  id: Generated<string>;
  meeting_id: string;
  kind: 'arranged' | 'moved' | 'cancelled';
  meets_on: string | null;
  starts_at: string | null;
  ends_at: string | null;
  place: Generated<string>;
  video_link: Generated<string>;
  reason: Generated<string>;
  changed_by: string;
  changed_at: DefaultedTimestamp;
}

export interface MeetingCirculationTable {
  meeting_id: string;
  invitee_id: string;
  circulated_at: DefaultedTimestamp;
  circulated_by: string;
}

export interface MeetingOutcomesTable {
  meeting_id: string;
  child_id: string;
  outcome_id: string;
  outcome_label: string;
  details: ColumnType<Record<string, string>, string, string>;
  rationale: string;
  also_harmed: boolean | null;
  decided_by: string;
  decided_at: DefaultedTimestamp;
}

export interface ExternalDecisionsTable {
  id: Generated<string>;
  authority_id: string;
  child_id: string;
  decided_by_agency: 'police' | 'cps' | 'out_of_court_triage';
  decision: string;
  decision_label: string;
  decided_on: DateOnly;
  youth_justice_recommendation: Generated<string>;
  note: Generated<string>;
  recorded_by: string;
  recorded_at: DefaultedTimestamp;
}

/** A case note on one child's record (issue 15): kept as written. */
export interface CaseNotesTable {
  id: Generated<string>;
  authority_id: string;
  child_id: string;
  kind: 'visit' | 'phone_call' | 'direct_work' | 'consultation' | 'oversight' | 'note';
  happened_on: DateOnly;
  present: Generated<string>;
  words: string;
  written_by: string;
  written_at: DefaultedTimestamp;
  /** The manager's role when they signed a management oversight note; null on every other kind. */
  signed_role: string | null;
  /** Where the child was touched or injured, as body map regions (domain/body-map.ts). */
  body_regions: ColumnType<string[], string[] | undefined, string[]>;
}

/** A person in a child's family or network, on that child's record (issue 15); ended, never deleted. */
export interface ChildNetworkTable {
  id: Generated<string>;
  authority_id: string;
  child_id: string;
  kind: 'parent_carer' | 'sibling' | 'household' | 'school' | 'gp' | 'professional';
  name: string;
  relationship: Generated<string>;
  organisation: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  address: Generated<string>;
  parental_responsibility: boolean | null;
  lives_with_child: boolean | null;
  added_by: string;
  added_at: DefaultedTimestamp;
  ended_at: ColumnType<Date | null, never, Date>;
  ended_by: ColumnType<string | null, never, string>;
  ended_reason: ColumnType<string | null, never, string>;
}

/** An alert on a child's record, shown at the top of every page of it (issue 15); ended, never deleted. */
export interface ChildAlertsTable {
  id: Generated<string>;
  authority_id: string;
  child_id: string;
  words: string;
  added_by: string;
  added_at: DefaultedTimestamp;
  ended_at: ColumnType<Date | null, never, Date>;
  ended_by: ColumnType<string | null, never, string>;
  ended_reason: ColumnType<string | null, never, string>;
}

/** A document on a child's record (migration 0026): its bytes, never read by a list. */
export interface DocumentsTable {
  id: Generated<string>;
  authority_id: string;
  child_id: string;
  kind: 'police_summary' | 'school_report' | 'signed_plan' | 'assessment' | 'other';
  title: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** Null once the document is removed: its bytes erased (migration 0030). */
  content: ColumnType<Uint8Array | null, Uint8Array, null>;
  scan_result: 'clean' | 'not_scanned';
  uploaded_by: string;
  uploaded_at: DefaultedTimestamp;
  removed_at: ColumnType<Date | null, never, Date>;
  removed_by: ColumnType<string | null, never, string>;
  removal_reason: ColumnType<string | null, never, string>;
}

export interface RecordCorrectionsTable {
  id: Generated<string>;
  authority_id: string;
  record_type: 'incident' | 'screening' | 'minutes';
  record_id: string;
  number: number;
  part: string;
  changed_fields: string[];
  before: ColumnType<unknown, string, never>;
  reason: string;
  corrected_by: string;
  corrected_at: DefaultedTimestamp;
}

/** What a plan says on each matter it must address (domain/plans.ts PlanContents). */
type PlanContentsJson = ColumnType<Record<string, { text: string; notAddressed: string }>, string | undefined, string>;

export interface PlansTable {
  id: Generated<string>;
  authority_id: string;
  child_id: string;
  pack_id: string;
  kind: string;
  kind_name: string;
  status: ColumnType<
    'draft' | 'agreed' | 'under_review' | 'ended',
    'draft' | undefined,
    'draft' | 'agreed' | 'under_review' | 'ended'
  >;
  owner_id: string;
  contents: PlanContentsJson;
  next_review_on: ColumnType<string | null, string | null | undefined, string | null>;
  agreed_by: ColumnType<string | null, never, string | null>;
  agreed_at: ColumnType<Date | null, never, Date | null>;
  ended_by: ColumnType<string | null, never, string | null>;
  ended_at: ColumnType<Date | null, never, Date | null>;
  end_reason: Generated<string>;
  created_by: string;
  updated_by: string;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  version: Generated<number>;
}

export interface PlanVersionsTable {
  id: Generated<string>;
  plan_id: string;
  number: number;
  contents: PlanContentsJson;
  owner_id: string;
  agreed_by: string;
  agreed_at: DefaultedTimestamp;
  next_review_on: DateOnly;
  note: Generated<string>;
}

export interface PlanReviewsTable {
  id: Generated<string>;
  plan_id: string;
  reviewed_on: DateOnly;
  done: string;
  changed: string;
  views: Generated<string>;
  outcome: 'continue' | 'revise' | 'end';
  next_review_on: string | null;
  end_reason: Generated<string>;
  recorded_by: string;
  recorded_at: DefaultedTimestamp;
}

export interface PlanSharesTable {
  id: Generated<string>;
  plan_id: string;
  version_number: number;
  shared_with: string;
  shared_on: DateOnly;
  consent: 'given' | 'refused' | 'not_needed';
  views: Generated<string>;
  disagreement: Generated<string>;
  recorded_by: string;
  recorded_at: DefaultedTimestamp;
}

export type ChildRow = Selectable<ChildrenTable>;
export type IncidentRow = Selectable<IncidentsTable>;

export interface AssessmentChecks {
  appropriateAdult: 'none' | 'lead' | 'co';
  appropriateAdultReason: string;
  prosecutionLikely: boolean;
  denies: boolean;
  legalRepAgreed: boolean | null;
  participates: boolean;
}

export interface AssessmentsTable {
  id: Generated<string>;
  authority_id: string;
  child_id: string;
  model: 'aim_under_12' | 'aim2' | 'aim3';
  model_name: string;
  pack_version: string;
  clause: string;
  requirement_id: string;
  lead_assessor_id: string;
  co_assessor_id: string;
  mode: 'full' | 'stage_one_only';
  mode_reason: string;
  checks: Json<AssessmentChecks>;
  stages: ColumnType<Record<string, string>, string | undefined, string>;
  outcome: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  report: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  shared_on: ColumnType<string | null, string | null | undefined, string | null>;
  disagreements: Generated<string>;
  status: Generated<'in_progress' | 'completed'>;
  completed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  completed_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  version: Generated<number>;
}

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface PanelReview {
  heldOn: string;
  notes: string;
  nextReviewOn: string;
  recordedBy: string;
}

export interface PanelReferralsTable {
  id: Generated<string>;
  authority_id: string;
  child_id: string;
  kind: 'assessment' | 'consultation';
  referring_service: 'childrens_services' | 'youth_justice';
  assessment_type: string;
  assessment_summary: string;
  harm: 'displayed' | 'likely';
  child_consent: boolean;
  parent_consent: boolean;
  consent_exploration: Generated<string>;
  police_investigation: boolean;
  charge_likely: Nullable<boolean>;
  denies: Nullable<boolean>;
  lead_professional: 'referrer' | 'youth_justice';
  information_gathering_only: boolean;
  approaching_18: boolean;
  status: Generated<'awaiting' | 'accepted' | 'declined' | 'closed'>;
  decision_reasons: Generated<string>;
  route: Nullable<string>;
  lead_practitioner_id: Nullable<string>;
  co_worker_id: Nullable<string>;
  exceptional_reason: Generated<string>;
  decided_by: Nullable<string>;
  decided_on: Nullable<string>;
  next_review_on: Nullable<string>;
  reviews: ColumnType<PanelReview[], string | undefined, string>;
  closed_on: Nullable<string>;
  closed_by: Nullable<string>;
  closure_summary: Generated<string>;
  further_work: Generated<string>;
  referred_by: string;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  version: Generated<number>;
}
