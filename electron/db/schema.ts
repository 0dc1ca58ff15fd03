import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Kysely's view of the schema. One interface per table, named as the table. Dates are ISO `YYYY-MM-DD`
 * text, timestamps ISO UTC text, durations integer minutes, booleans 0/1.
 */
export interface MunicipalitiesTable {
  id: Generated<number>;
  code: string | null;
  name: string;
  municipality_number: string | null;
  kind: 'member' | 'other' | 'shared';
  member_from: string | null;
  member_to: string | null;
  sort_order: number;
}

export interface CategoriesTable {
  id: Generated<number>;
  number: number;
  name: string;
  description: string;
  case_work: number;
  retired_at: string | null;
}

export interface TeamMembersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  initials: string;
  role: 'teammedlem' | 'administrator';
  active: ColumnType<number, number | undefined, number>;
  created_at: string;
  /** `scrypt$N$r$p$salt$hash` (electron/services/passwords.ts); null only for members migrated from before passwords. */
  password_hash: string | null;
  /** Wrong passwords in a row since the last successful sign-in (electron/services/lockout.ts). */
  failed_sign_ins: ColumnType<number, number | undefined, number>;
  last_failed_sign_in_at: string | null;
}

export interface CasesTable {
  id: Generated<number>;
  code: string;
  municipality_id: number;
  year: number;
  running_number: number;
  status: string;
  referral_date: string | null;
  start_date: string | null;
  closed_date: string | null;
  created_at: string;
  updated_at: string;
  /** Lifecycle data (migration 0004); all nullable so rows with only the columns above stay valid. */
  rejected_date: ColumnType<string | null, string | null | undefined, string | null>;
  institution_kind: ColumnType<string | null, string | null | undefined, string | null>;
  /** Free text (retention empties it). */
  institution_name: ColumnType<string | null, string | null | undefined, string | null>;
  institution_from: ColumnType<string | null, string | null | undefined, string | null>;
  expected_discharge_date: ColumnType<string | null, string | null | undefined, string | null>;
  discharge_date: ColumnType<string | null, string | null | undefined, string | null>;
  closure_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** Free text (retention empties it). */
  takeover_service: ColumnType<string | null, string | null | undefined, string | null>;
  after_contact_date: ColumnType<string | null, string | null | undefined, string | null>;
  risk_assessment_date: ColumnType<string | null, string | null | undefined, string | null>;
  risk_assessed_by: ColumnType<number | null, number | null | undefined, number | null>;
  risk_assessment_done: ColumnType<number | null, number | null | undefined, number | null>;
  /** Short free text, at most 500 characters; removed by retention. */
  closure_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** When retention reduced the case to statistics. */
  reduced_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseTransitionsTable {
  id: Generated<number>;
  case_id: number;
  from_status: string | null;
  to_status: string;
  on_date: string;
  reopened: ColumnType<number, number | undefined, number>;
  at: string;
  actor_id: number | null;
}

/** Free text (retention deletes a case's goals). */
export interface CaseGoalsTable {
  id: Generated<number>;
  case_id: number;
  text: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface LifeDomainsTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
  retired_at: string | null;
}

export interface CaseDomainRatingsTable {
  case_id: number;
  domain_id: number;
  occasion: string;
  level: number;
  rated_on: string;
  /** Free text (retention empties it). */
  note: string | null;
}

export interface ContactsTable {
  id: Generated<number>;
  name: string;
  kind: string;
  area: string;
  municipality_id: number | null;
  other_municipality: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactPeopleTable {
  id: Generated<number>;
  contact_id: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

export interface CaseContactsTable {
  id: Generated<number>;
  case_id: number;
  contact_id: number;
  person_id: number | null;
  role: string;
}

export interface NetworkEventsTable {
  id: Generated<number>;
  event_date: string;
  kind: string;
  municipality_id: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface NetworkEventContactsTable {
  event_id: number;
  contact_id: number;
}

export interface CaseStaffTable {
  case_id: number;
  team_member_id: number;
}

export interface TimeEntriesTable {
  id: Generated<number>;
  entry_date: string;
  case_id: number | null;
  municipality_id: number;
  category_id: number;
  minutes: number;
  /** Maintained by triggers on time_entry_participants; person-hours = minutes × participant_count. */
  participant_count: ColumnType<number, never, never>;
  source: 'manual' | 'import' | 'demo';
  created_at: string;
  created_by: number | null;
  updated_at: string;
  updated_by: number | null;
}

export interface TimeEntryParticipantsTable {
  time_entry_id: number;
  team_member_id: number;
}

/** Derived from time_entries by triggers (migration 0002): one row per municipality, category and day. */
export interface TimeTotalsDailyTable {
  municipality_id: number;
  category_id: number;
  entry_date: string;
  entries: number;
  minutes: number;
  person_minutes: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  record_type: string;
  record_id: string | null;
  /** JSON array of changed field names — never their values. */
  fields: string;
  /** The previous row's `hash` (a run of zeros for the first row); see electron/services/auditChain.ts. */
  prev_hash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  /** JSON of the value; validated by the setting's schema in shared/domain/settings.ts. */
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface TimesheetImportsTable {
  id: Generated<number>;
  imported_at: string;
  imported_by: number | null;
  file_sha256: string;
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  duplicates_skipped: number;
  cases_created: number;
}

/** One key per imported sheet row (content + occurrence), so the same row is never imported twice. */
export interface TimesheetImportRowsTable {
  row_key: string;
  import_id: number;
  time_entry_id: number;
}

/** Migration 0011: template versions; the newest of a kind is in use. */
export interface DocumentTemplatesTable {
  id: Generated<number>;
  kind: string;
  version: number;
  file_name: string;
  content: Uint8Array;
  size_bytes: number;
  uploaded_at: string;
  uploaded_by: number | null;
  is_default: number;
}

export interface GeneratedDocumentsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  template_version: number;
  generated_at: string;
  generated_by: number | null;
}

export interface EvaluationResponsesTable {
  id: Generated<number>;
  case_id: number;
  received_date: string;
  consent_to_contact: number | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

/** One row per answered question; free text (what worked, what should change) in text_value. */
export interface EvaluationAnswersTable {
  response_id: number;
  case_id: number;
  question_id: string;
  value: number | null;
  text_value: string | null;
}

/** Per member municipality and year: inhabitants and extra hours bought (migration 0009). */
export interface MunicipalityYearsTable {
  municipality_id: number;
  year: number;
  population: number | null;
  extra_hours: number;
  updated_at: string;
  updated_by: number | null;
}

/** Per year: the budget and the cost models' parameters (migration 0009). */
export interface CostShareYearsTable {
  year: number;
  budget: number;
  base_amount: number;
  band_rate_1: number;
  band_rate_2: number;
  band_rate_3: number;
  band_rate_4: number;
  hourly_rate: number;
  updated_at: string;
  updated_by: number | null;
}

/** The annual report's introductory text for one year and section (migration 0010). */
export interface AnnualReportTextsTable {
  year: number;
  section: string;
  text: string;
  updated_at: string;
  updated_by: number | null;
}

export interface DB {
  municipalities: MunicipalitiesTable;
  categories: CategoriesTable;
  team_members: TeamMembersTable;
  cases: CasesTable;
  case_staff: CaseStaffTable;
  time_entries: TimeEntriesTable;
  time_entry_participants: TimeEntryParticipantsTable;
  time_totals_daily: TimeTotalsDailyTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  case_transitions: CaseTransitionsTable;
  case_goals: CaseGoalsTable;
  life_domains: LifeDomainsTable;
  case_domain_ratings: CaseDomainRatingsTable;
  contacts: ContactsTable;
  contact_people: ContactPeopleTable;
  case_contacts: CaseContactsTable;
  network_events: NetworkEventsTable;
  network_event_contacts: NetworkEventContactsTable;
  timesheet_imports: TimesheetImportsTable;
  timesheet_import_rows: TimesheetImportRowsTable;
  document_templates: DocumentTemplatesTable;
  generated_documents: GeneratedDocumentsTable;
  evaluation_responses: EvaluationResponsesTable;
  evaluation_answers: EvaluationAnswersTable;
  municipality_years: MunicipalityYearsTable;
  cost_share_years: CostShareYearsTable;
  annual_report_texts: AnnualReportTextsTable;
}

export type TeamMemberRow = Selectable<TeamMembersTable>;
export type CaseRow = Selectable<CasesTable>;
export type NewTimeEntry = Insertable<TimeEntriesTable>;
