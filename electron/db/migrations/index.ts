import type { Migration } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-daily-totals';
import * as m0003 from './0003-settings';
import * as m0004 from './0004-case-lifecycle';
import * as m0005 from './0005-timesheet-import';
import * as m0006 from './0006-access-control';
import * as m0008 from './0008-case-indexes';
import * as m0009 from './0009-cost-share';
import * as m0010 from './0010-annual-report-texts';
import * as m0011 from './0011-documents';
import * as m0012 from './0012-shared-database';
import * as m0013 from './0013-record-versions';
import * as m0014 from './0014-closure-fields';
import * as m0015 from './0015-after-contact-not-possible';
import * as m0016 from './0016-entry-municipality-reason';
import * as m0017 from './0017-case-minutes';
import * as m0018 from './0018-participant-entry-minutes';

/**
 * Every migration, in order. Names are permanent: a database that has run a name not listed here was
 * written by a newer Ettervern and is refused.
 */
export const MIGRATIONS: Record<string, Migration> = {
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
  '0017-case-minutes': m0017,
  '0018-participant-entry-minutes': m0018,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;
