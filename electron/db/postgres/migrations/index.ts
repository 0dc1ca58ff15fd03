import type { Migration } from 'kysely';
import * as m0008 from '../../migrations/0008-case-indexes';
import * as m0013 from '../../migrations/0013-record-versions';
import * as m0014 from '../../migrations/0014-closure-fields';
import * as m0016 from '../../migrations/0016-entry-municipality-reason';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../../migrations';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-daily-totals';
import * as m0003 from './0003-settings';
import * as m0004 from './0004-case-lifecycle';
import * as m0005 from './0005-timesheet-import';
import * as m0006 from './0006-access-control';
import * as m0009 from './0009-cost-share';
import * as m0010 from './0010-annual-report-texts';
import * as m0011 from './0011-documents';
import * as m0012 from './0012-shared-database';
import * as m0015 from './0015-after-contact-not-possible';

/**
 * The PostgreSQL schema, one migration per SQLite migration and under the same name, so a database on either
 * engine records the same history and a later `migrate-to-server` can compare them name by name.
 *
 * Why a set of its own instead of one set with engine switches: the SQLite migrations have run in every
 * team's file and their SQL text is stored in each file's schema (`sqlite_master`); rewriting them around
 * engine switches would risk that text for no gain on SQLite. Where the SQL is the same on both engines the
 * SQLite migration is used as it is (0008, 0013, 0014, 0016), seed data comes from the same functions, and a
 * test introspects both schemas and fails when a table or column exists on one engine only.
 */
export const POSTGRES_MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-daily-totals': m0002,
  '0003-settings': m0003,
  '0004-case-lifecycle': m0004,
  '0005-timesheet-import': m0005,
  '0006-access-control': m0006,
  '0008-case-indexes': m0008,
  '0009-cost-share': m0009,
  '0010-annual-report-texts': m0010,
  '0011-documents': m0011,
  '0012-shared-database': m0012,
  '0013-record-versions': m0013,
  '0014-closure-fields': m0014,
  '0015-after-contact-not-possible': m0015,
  '0016-entry-municipality-reason': m0016,
};

/** Names on one engine only: empty while the two sets match (a test asserts it). */
export function migrationsMissingOnPostgres(): string[] {
  return Object.keys(SQLITE_MIGRATIONS).filter((name) => !(name in POSTGRES_MIGRATIONS));
}
