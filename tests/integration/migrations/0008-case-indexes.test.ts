import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0008: a case's logged minutes are summed from an index, without reading the entries. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0008.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const CASE_MINUTES = 'select coalesce(sum(t.minutes), 0) as minutes from time_entries t where t.case_id = ?';

describe('0008-case-indexes', () => {
  it('indexes time entries by case with their minutes', () => {
    const columns = db.sqlite.prepare('select name from pragma_index_info(?) order by seqno').all('time_entries_case_minutes');
    expect(columns).toEqual([{ name: 'case_id' }, { name: 'minutes' }]);
  });

  it('answers the sum on a case from the index alone, with the right total', () => {
    const plan = (db.sqlite.prepare(`explain query plan ${CASE_MINUTES}`).all(1) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual(['SEARCH t USING COVERING INDEX time_entries_case_minutes (case_id=?)']);

    const now = '2020-06-15T10:00:00.000Z';
    const municipality = (db.sqlite.prepare("select id from municipalities where kind = 'member' limit 1").get() as { id: number }).id;
    const category = (db.sqlite.prepare('select id from categories limit 1').get() as { id: number }).id;
    const caseId = Number(
      db.sqlite
        .prepare(
          "insert into cases (code, municipality_id, year, running_number, status, referral_date, created_at, updated_at) values ('01/20-XX', ?, 2020, 1, 'henvist', '2020-06-01', ?, ?)",
        )
        .run(municipality, now, now).lastInsertRowid,
    );
    const entry = db.sqlite.prepare(
      "insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at) values ('2020-06-02', ?, ?, ?, ?, 'manual', ?, ?)",
    );
    for (const [id, minutes] of [
      [caseId, 30],
      [caseId, 90],
      [null, 60],
    ] as const)
      entry.run(id, municipality, category, minutes, now, now);
    db.sqlite.prepare('update time_entries set minutes = 60 where minutes = 30').run();
    expect(db.sqlite.prepare(CASE_MINUTES).get(caseId)).toEqual({ minutes: 150 });
  });
});
