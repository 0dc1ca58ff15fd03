import type { Migration } from 'kysely';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../../migrations';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-daily-totals';
import * as m0003 from './0003-settings';
import * as m0006 from './0006-access-control';
import * as m0017 from './0017-case-minutes';
import * as m0018 from './0018-participant-entry-minutes';
import * as m0019 from './0019-teams';

/**
 * The PostgreSQL schema, under the same migration names as SQLite's, so a database on either engine records
 * the same history and a later `migrate-to-server` can compare them name by name.
 *
 * Most migrations are SQLite's own: the words the engines spell differently (row ids, table options, float
 * and byte types, glob checks) are named functions in electron/db/engineDdl.ts. Six have a PostgreSQL
 * version of their own because their triggers and functions are in another language (PL/pgSQL): 0001
 * (participant counts, the append-only audit log, the app's role), 0002 (daily totals), 0003 (json_valid)
 * 0006 (the audit chain's insert guard), 0017 (case minutes) and 0018 (participants' copies of their entry). 0019 (teams) exists on PostgreSQL only. A test introspects both
 * engines' schemas and fails when a table, column, index or trigger exists on one side only and is not
 * declared in ../teamSchema.ts.
 */
export const POSTGRES_MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-daily-totals': m0002,
  '0003-settings': m0003,
  '0004-case-lifecycle': SQLITE_MIGRATIONS['0004-case-lifecycle']!,
  '0005-timesheet-import': SQLITE_MIGRATIONS['0005-timesheet-import']!,
  '0006-access-control': m0006,
  '0008-case-indexes': SQLITE_MIGRATIONS['0008-case-indexes']!,
  '0009-cost-share': SQLITE_MIGRATIONS['0009-cost-share']!,
  '0010-annual-report-texts': SQLITE_MIGRATIONS['0010-annual-report-texts']!,
  '0011-documents': SQLITE_MIGRATIONS['0011-documents']!,
  '0012-shared-database': SQLITE_MIGRATIONS['0012-shared-database']!,
  '0013-record-versions': SQLITE_MIGRATIONS['0013-record-versions']!,
  '0014-closure-fields': SQLITE_MIGRATIONS['0014-closure-fields']!,
  '0015-after-contact-not-possible': SQLITE_MIGRATIONS['0015-after-contact-not-possible']!,
  '0016-entry-municipality-reason': SQLITE_MIGRATIONS['0016-entry-municipality-reason']!,
  '0017-case-minutes': m0017,
  '0018-participant-entry-minutes': m0018,
  '0019-teams': m0019,
};

/**
 * Migrations on PostgreSQL only, with the reason; a copy between the engines compares every other name. A
 * SQLite file is one team, so it has nothing to separate.
 */
export const POSTGRES_ONLY_MIGRATIONS: Readonly<Record<string, string>> = {
  '0019-teams': 'several teams on one database, kept apart by row-level security and member roles on the server',
};

/** Names on one engine only: empty while the two sets match (a test asserts it). */
export function migrationsMissingOnPostgres(): string[] {
  return Object.keys(SQLITE_MIGRATIONS).filter((name) => !(name in POSTGRES_MIGRATIONS));
}
