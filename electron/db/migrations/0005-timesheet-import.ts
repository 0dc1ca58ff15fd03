import { sql, type Kysely } from 'kysely';
import { idColumn, tableOptions } from '../engineDdl';

/**
 * Imports of the team's old Excel time sheets. Each import is one row in `timesheet_imports`; each
 * imported sheet row leaves its key in `timesheet_import_rows`, so importing the same file again (or a
 * later file that repeats the same rows) skips what is already in. The key is the row's content plus
 * its occurrence number among identical rows, so two genuine identical rows in a sheet both come in
 * once — and never twice. Deleting an imported entry drops its key with it (cascade): re-importing
 * brings it back, which is what someone who deleted it by mistake expects.
 * Also an index for the time-entry list sorted by municipality (see the end of `up`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table timesheet_imports (
    id ${idColumn(db)},
    imported_at text not null,
    imported_by integer references team_members (id) on delete restrict,
    file_sha256 text not null,
    rows_read integer not null,
    rows_imported integer not null,
    rows_rejected integer not null,
    duplicates_skipped integer not null,
    cases_created integer not null
  )${tableOptions(db, 'strict')}`.execute(db);

  await sql`create table timesheet_import_rows (
    row_key text primary key,
    import_id integer not null references timesheet_imports (id) on delete restrict,
    time_entry_id integer not null references time_entries (id) on delete cascade
  )${tableOptions(db, 'strict')}`.execute(db);
  // Without it, deleting one entry would scan every imported row to find keys to cascade.
  await sql`create index timesheet_import_rows_by_entry on timesheet_import_rows (time_entry_id)`.execute(db);

  // The time-entry list sorted by municipality walks municipalities in the team's order and takes each
  // one's entries from its index: this index gives that order without sorting a million entries.
  await sql`create index municipalities_by_sort_order on municipalities (sort_order)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0005 cannot be reversed; restore a backup instead.');
}
