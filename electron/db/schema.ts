import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable } from 'kysely';
import type {
  CaseContactRole,
  ClosureReason,
  ContactArea,
  ContactKind,
  GoalStatus,
  InstitutionKind,
  NetworkKind,
  RatingOccasion,
} from '@shared/domain/caseLife';
import type { AfterContactMissReason } from '@shared/domain/afterContact';
import type { CaseStatus, TeamRole } from '@shared/domain/caseStatus';
import type { TemplateKind } from '@shared/domain/documents';
import type { MunicipalityKind } from '@shared/domain/municipalities';

/**
 * Kysely's view of the schema. One interface per table, named as the table. Dates are ISO `YYYY-MM-DD`
 * text, timestamps ISO UTC text, durations integer minutes, booleans 0/1. A column checked against a
 * list of values (`status in (…)`) is typed as that list's union, so rows need no casts.
 */

/** `YYYY-MM-DD`. */
type IsoDate = string;
/** ISO 8601 in UTC, as `Date.toISOString()` writes it. */
type IsoTimestamp = string;
/** `integer primary key`: SQLite assigns it on insert. */
type Id = Generated<number>;
type Nullable<T> = T | null;
/** A column with a default in the table: an insert may leave it out. */
type WithDefault<T> = ColumnType<T, T | undefined, T>;
/** A nullable column added after its table's first rows: an insert may leave it out and it stays null. */
type NullByDefault<T> = WithDefault<Nullable<T>>;

export interface MunicipalitiesTable {
  id: Id;
  code: Nullable<string>;
  name: string;
  municipality_number: Nullable<string>;
  kind: MunicipalityKind;
  member_from: Nullable<IsoDate>;
  member_to: Nullable<IsoDate>;
  sort_order: number;
}

export interface CategoriesTable {
  id: Id;
  number: number;
  name: string;
  description: string;
  case_work: number;
  retired_at: Nullable<IsoTimestamp>;
}

export interface TeamMembersTable {
  id: Id;
  username: string;
  display_name: string;
  initials: string;
  role: TeamRole;
  active: WithDefault<number>;
  created_at: IsoTimestamp;
  /** `scrypt$N$r$p$salt$hash` (electron/services/session/passwords.ts); null only for members migrated from before passwords. */
  password_hash: Nullable<string>;
  /** Wrong passwords in a row since the last successful sign-in (electron/services/session/lockout.ts). */
  failed_sign_ins: WithDefault<number>;
  last_failed_sign_in_at: Nullable<IsoTimestamp>;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
  updated_at: NullByDefault<IsoTimestamp>;
  updated_by: NullByDefault<number>;
}

export interface CasesTable {
  id: Id;
  code: string;
  municipality_id: number;
  year: number;
  running_number: number;
  status: CaseStatus;
  referral_date: Nullable<IsoDate>;
  start_date: Nullable<IsoDate>;
  closed_date: Nullable<IsoDate>;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  /** Lifecycle data (migration 0004); all nullable so rows with only the columns above stay valid. */
  rejected_date: NullByDefault<IsoDate>;
  institution_kind: NullByDefault<InstitutionKind>;
  /** Free text (retention empties it). */
  institution_name: NullByDefault<string>;
  institution_from: NullByDefault<IsoDate>;
  expected_discharge_date: NullByDefault<IsoDate>;
  discharge_date: NullByDefault<IsoDate>;
  closure_reason: NullByDefault<ClosureReason>;
  /** Free text (retention empties it). */
  takeover_service: NullByDefault<string>;
  after_contact_date: NullByDefault<IsoDate>;
  risk_assessment_date: NullByDefault<IsoDate>;
  risk_assessed_by: NullByDefault<number>;
  risk_assessment_done: NullByDefault<number>;
  /** Short free text, at most 500 characters; removed by retention. */
  closure_note: NullByDefault<string>;
  /** When retention reduced the case to statistics. */
  reduced_at: NullByDefault<IsoTimestamp>;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
  updated_by: NullByDefault<number>;
  /** Why the case was referred, at most 300 characters (migration 0014); removed by retention. */
  referral_reason: NullByDefault<string>;
  /** The team's assessment and recommendations for the closure report, at most 2000 characters; removed by retention. */
  team_assessment: NullByDefault<string>;
  /** Sum of the case's time entries' minutes, kept by triggers on time_entries (migration 0017). */
  logged_minutes: GeneratedAlways<number>;
}

export interface CaseTransitionsTable {
  id: Id;
  case_id: number;
  from_status: Nullable<CaseStatus>;
  to_status: CaseStatus;
  on_date: IsoDate;
  reopened: WithDefault<number>;
  at: IsoTimestamp;
  actor_id: Nullable<number>;
}

/**
 * A three-month contact that could not be held, and why (migration 0015): at most one per case, removed
 * when the contact is held after all or the case is reopened.
 */
export interface AfterContactNotPossibleTable {
  case_id: number;
  decided_on: IsoDate;
  reason: AfterContactMissReason;
  /** Short free text, at most 200 characters; removed by retention. */
  note: Nullable<string>;
  created_at: IsoTimestamp;
  created_by: Nullable<number>;
  updated_at: IsoTimestamp;
  updated_by: Nullable<number>;
  /** Raised by one on every update; an update names the case's version it read. */
  version: WithDefault<number>;
}

/** Free text (retention deletes a case's goals). */
export interface CaseGoalsTable {
  id: Id;
  case_id: number;
  text: string;
  status: GoalStatus;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
  updated_by: NullByDefault<number>;
}

export interface LifeDomainsTable {
  id: Id;
  name: string;
  sort_order: number;
  retired_at: Nullable<IsoTimestamp>;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
  updated_at: NullByDefault<IsoTimestamp>;
  updated_by: NullByDefault<number>;
}

export interface CaseDomainRatingsTable {
  case_id: number;
  domain_id: number;
  occasion: RatingOccasion;
  level: number;
  rated_on: IsoDate;
  /** Free text (retention empties it). */
  note: Nullable<string>;
}

export interface ContactsTable {
  id: Id;
  name: string;
  kind: ContactKind;
  area: ContactArea;
  municipality_id: Nullable<number>;
  other_municipality: Nullable<string>;
  phone: Nullable<string>;
  email: Nullable<string>;
  address: Nullable<string>;
  archived_at: Nullable<IsoTimestamp>;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
  updated_by: NullByDefault<number>;
}

export interface ContactPeopleTable {
  id: Id;
  contact_id: number;
  name: string;
  role: Nullable<string>;
  phone: Nullable<string>;
  email: Nullable<string>;
}

export interface CaseContactsTable {
  id: Id;
  case_id: number;
  contact_id: number;
  person_id: Nullable<number>;
  role: CaseContactRole;
}

export interface NetworkEventsTable {
  id: Id;
  event_date: IsoDate;
  kind: NetworkKind;
  municipality_id: Nullable<number>;
  note: Nullable<string>;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
  updated_by: NullByDefault<number>;
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
  id: Id;
  entry_date: IsoDate;
  case_id: Nullable<number>;
  municipality_id: number;
  category_id: number;
  minutes: number;
  /** Maintained by triggers on time_entry_participants; person-hours = minutes × participant_count. */
  participant_count: GeneratedAlways<number>;
  source: 'manual' | 'import' | 'demo';
  created_at: IsoTimestamp;
  created_by: Nullable<number>;
  updated_at: IsoTimestamp;
  updated_by: Nullable<number>;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
  /** Why the entry is on another municipality than its case's (migration 0016); null when it follows the case. */
  municipality_override_reason: NullByDefault<string>;
}

export interface TimeEntryParticipantsTable {
  time_entry_id: number;
  team_member_id: number;
  /** Copies of the entry's minutes and participant_count, kept by a trigger (migration 0018) for the member index. */
  entry_minutes: GeneratedAlways<number>;
  entry_participants: GeneratedAlways<number>;
}

/** Derived from time_entries by triggers (migration 0002): one row per municipality, category and day. */
export interface TimeTotalsDailyTable {
  municipality_id: number;
  category_id: number;
  entry_date: IsoDate;
  entries: number;
  minutes: number;
  person_minutes: number;
}

export interface AuditLogTable {
  id: Id;
  at: IsoTimestamp;
  actor_id: Nullable<number>;
  action: string;
  record_type: string;
  record_id: Nullable<string>;
  /** JSON array of changed field names — never their values. */
  fields: string;
  /** The previous row's `hash` (a run of zeros for the first row); see electron/db/auditChain.ts. */
  prev_hash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  /** JSON of the value; validated by the setting's schema in shared/domain/settings.ts. */
  value: string;
  updated_at: IsoTimestamp;
  updated_by: Nullable<number>;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
}

export interface TimesheetImportsTable {
  id: Id;
  imported_at: IsoTimestamp;
  imported_by: Nullable<number>;
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
  id: Id;
  kind: TemplateKind;
  version: number;
  file_name: string;
  content: Uint8Array;
  size_bytes: number;
  uploaded_at: IsoTimestamp;
  uploaded_by: Nullable<number>;
  is_default: number;
}

export interface GeneratedDocumentsTable {
  id: Id;
  case_id: number;
  kind: TemplateKind;
  template_version: number;
  generated_at: IsoTimestamp;
  generated_by: Nullable<number>;
}

export interface EvaluationResponsesTable {
  id: Id;
  case_id: number;
  received_date: IsoDate;
  consent_to_contact: Nullable<number>;
  /** 1 when the user agreed that the answers are shared with the municipality, 0 no, null not ticked (migration 0014). */
  consent_to_share: NullByDefault<number>;
  created_at: IsoTimestamp;
  created_by: Nullable<number>;
  updated_at: IsoTimestamp;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
  updated_by: NullByDefault<number>;
}

/** One row per answered question; free text (what worked, what should change) in text_value. */
export interface EvaluationAnswersTable {
  response_id: number;
  case_id: number;
  question_id: string;
  value: Nullable<number>;
  text_value: Nullable<string>;
}

/** Per member municipality and year: inhabitants and extra hours bought (migration 0009). */
export interface MunicipalityYearsTable {
  municipality_id: number;
  year: number;
  population: Nullable<number>;
  extra_hours: number;
  updated_at: IsoTimestamp;
  updated_by: Nullable<number>;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
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
  updated_at: IsoTimestamp;
  updated_by: Nullable<number>;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
}

/** The annual report's introductory text for one year and section (migration 0010). */
export interface AnnualReportTextsTable {
  year: number;
  section: string;
  text: string;
  updated_at: IsoTimestamp;
  updated_by: Nullable<number>;
  /** Raised by one on every update (migration 0013); an update or delete names the version it read. */
  version: WithDefault<number>;
}

/** One row once the file is shared with the team (migration 0012). */
export interface DatabaseSharingTable {
  id: number;
  shared_at: IsoTimestamp;
  shared_by: Nullable<number>;
}

/** One running instance that has the database open, renewed by its heartbeat. */
export interface PresenceTable {
  instance_id: string;
  member_id: Nullable<number>;
  machine: string;
  opened_at: IsoTimestamp;
  last_seen_at: IsoTimestamp;
}

/** Which instance took (or is taking) the day's backup of a shared database. */
export interface DailyBackupClaimsTable {
  day: string;
  instance_id: string;
  claimed_at: IsoTimestamp;
  file_name: Nullable<string>;
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
  after_contact_not_possible: AfterContactNotPossibleTable;
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
  database_sharing: DatabaseSharingTable;
  presence: PresenceTable;
  daily_backup_claims: DailyBackupClaimsTable;
}

export type TeamMemberRow = Selectable<TeamMembersTable>;
export type CaseRow = Selectable<CasesTable>;
export type NewTimeEntry = Insertable<TimeEntriesTable>;
