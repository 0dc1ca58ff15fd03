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
  timesheet_imports: TimesheetImportsTable;
  timesheet_import_rows: TimesheetImportRowsTable;
}

export type TeamMemberRow = Selectable<TeamMembersTable>;
export type CaseRow = Selectable<CasesTable>;
export type NewTimeEntry = Insertable<TimeEntriesTable>;
