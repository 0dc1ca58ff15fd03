/**
 * What a channel can read or change, named so the contract can say it: every table of the database
 * (electron/db checks this list against the schema, both ways) and the little state that lives outside
 * it. The renderer's cache is made stale from these names: after a write, every query that reads what
 * the write changed is fetched again.
 */
export const DATA_TABLES = [
  'municipalities',
  'categories',
  'team_members',
  'cases',
  'case_staff',
  'time_entries',
  'time_entry_participants',
  'time_totals_daily',
  'audit_log',
  'settings',
  'case_transitions',
  'after_contact_not_possible',
  'case_goals',
  'life_domains',
  'case_domain_ratings',
  'contacts',
  'contact_people',
  'case_contacts',
  'network_events',
  'network_event_contacts',
  'timesheet_imports',
  'timesheet_import_rows',
  'document_templates',
  'generated_documents',
  'evaluation_responses',
  'evaluation_answers',
  'municipality_years',
  'cost_share_years',
  'annual_report_texts',
  'database_sharing',
  'presence',
  'daily_backup_claims',
] as const;

export type DataTable = (typeof DATA_TABLES)[number];

/**
 * State outside the database that answers depend on. `signed_in_member`: who the services answer for;
 * every channel that needs a signed-in member reads it without saying so. `screen_lock`: whether the
 * screen is locked. `backup_files`: the backup folder's files. `import_jobs`: time sheets read and
 * waiting to be imported, held in memory. `database_file`: which file this instance has open, how it is
 * opened (shared or not) and what it has seen other instances commit.
 */
export const OUTSIDE_DATABASE = ['signed_in_member', 'screen_lock', 'backup_files', 'import_jobs', 'database_file'] as const;

export type OutsideDatabase = (typeof OUTSIDE_DATABASE)[number];

export type DataSource = DataTable | OutsideDatabase;
