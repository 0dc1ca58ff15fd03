import type { DB } from '../../db/schema';

/**
 * Every TEXT column of the database that no reduction rule (rules.ts) empties, and why it may stay.
 * Free text — what a person typed — about a case must go when the case is reduced to statistics; a
 * column a person cannot type into freely (a date, a choice from a fixed list, a code, a hash, what the
 * program writes) holds no such text. A test checks that each TEXT column of the migrated schema is
 * emptied by a rule or named here, so a new column is decided on, not forgotten.
 */
type ColumnReasons = { readonly [T in keyof DB]?: { readonly [C in keyof DB[T]]?: string } };

const DATE = 'a date (YYYY-MM-DD)';
const TIMESTAMP = 'a time the program records';
const CHOICE = 'one of a fixed list of values';
const CODE = 'a code of fixed form';
const HASH = 'a hash';
const INSTANCE = 'a random id the program gives each running instance';

/** TEXT columns no one types freely into. */
export const NOT_FREE_TEXT: ColumnReasons = {
  municipalities: { code: CODE, municipality_number: CODE, kind: CHOICE, member_from: DATE, member_to: DATE },
  categories: { retired_at: TIMESTAMP },
  team_members: { role: CHOICE, created_at: TIMESTAMP, updated_at: TIMESTAMP, password_hash: HASH, last_failed_sign_in_at: TIMESTAMP },
  cases: {
    code: CODE,
    status: CHOICE,
    referral_date: DATE,
    start_date: DATE,
    closed_date: DATE,
    rejected_date: DATE,
    institution_kind: CHOICE,
    institution_from: DATE,
    expected_discharge_date: DATE,
    discharge_date: DATE,
    closure_reason: CHOICE,
    after_contact_date: DATE,
    risk_assessment_date: DATE,
    created_at: TIMESTAMP,
    updated_at: TIMESTAMP,
    reduced_at: TIMESTAMP,
  },
  time_entries: { entry_date: DATE, source: CHOICE, created_at: TIMESTAMP, updated_at: TIMESTAMP },
  audit_log: {
    at: TIMESTAMP,
    action: CHOICE,
    record_type: CHOICE,
    record_id: 'a record id',
    fields: 'names of fields, never their values (JSON)',
    prev_hash: HASH,
    hash: HASH,
  },
  time_totals_daily: { entry_date: DATE },
  settings: { key: CHOICE, updated_at: TIMESTAMP },
  case_transitions: { from_status: CHOICE, to_status: CHOICE, on_date: DATE, at: TIMESTAMP },
  after_contact_not_possible: { decided_on: DATE, reason: CHOICE, created_at: TIMESTAMP, updated_at: TIMESTAMP },
  life_domains: { retired_at: TIMESTAMP, updated_at: TIMESTAMP },
  case_domain_ratings: { occasion: CHOICE, rated_on: DATE },
  contacts: { kind: CHOICE, area: CHOICE, archived_at: TIMESTAMP, created_at: TIMESTAMP, updated_at: TIMESTAMP },
  network_events: { event_date: DATE, kind: CHOICE, created_at: TIMESTAMP, updated_at: TIMESTAMP },
  timesheet_imports: { imported_at: TIMESTAMP, file_sha256: HASH },
  timesheet_import_rows: { row_key: 'an imported row’s date, case code, ids and minutes' },
  municipality_years: { updated_at: TIMESTAMP },
  cost_share_years: { updated_at: TIMESTAMP },
  annual_report_texts: { section: CHOICE, updated_at: TIMESTAMP },
  document_templates: { kind: CHOICE, uploaded_at: TIMESTAMP },
  generated_documents: { kind: CHOICE, generated_at: TIMESTAMP },
  evaluation_responses: { received_date: DATE, created_at: TIMESTAMP, updated_at: TIMESTAMP },
  evaluation_answers: { question_id: 'a question of the evaluation form' },
  database_sharing: { shared_at: TIMESTAMP },
  presence: { instance_id: INSTANCE, machine: 'the PC’s name, as the operating system gives it', opened_at: TIMESTAMP, last_seen_at: TIMESTAMP },
  daily_backup_claims: { day: DATE, instance_id: INSTANCE, claimed_at: TIMESTAMP, file_name: 'a backup file name the program makes' },
};

const REFERENCE = 'reference data the administrator keeps: about no case';
const DIRECTORY = 'the partner directory (services and their staff): about no one the team follows up';

/** Free text retention keeps, because it is not about a case. */
export const FREE_TEXT_KEPT: ColumnReasons = {
  municipalities: { name: REFERENCE },
  categories: { name: REFERENCE, description: REFERENCE },
  team_members: { username: 'the team’s own members', display_name: 'the team’s own members', initials: 'the team’s own members' },
  settings: { value: 'the administrator’s settings (numbers, a folder)' },
  life_domains: { name: REFERENCE },
  contacts: { name: DIRECTORY, other_municipality: DIRECTORY, phone: DIRECTORY, email: DIRECTORY, address: DIRECTORY },
  contact_people: { name: DIRECTORY, role: DIRECTORY, phone: DIRECTORY, email: DIRECTORY },
  network_events: { note: 'the log of meetings and presentations with partners: about no case' },
  annual_report_texts: { text: 'the published annual report: about the year, not a case' },
  document_templates: { file_name: 'the name of an uploaded template' },
};
