import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transaction } from '../../electron/db/exec';
import { GROUPED_TOTALS, insertWithGroupedTotals } from '../../electron/services/timesheet/bulkWrite';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

const totals = () =>
  t.db.sqlite
    .prepare('select municipality_id, category_id, entry_date, entries, minutes, person_minutes from time_totals_daily where entries > 0 order by 1, 2, 3')
    .all();
const recomputed = () =>
  t.db.sqlite
    .prepare(
      `select municipality_id, category_id, entry_date, count(*) as entries, sum(minutes) as minutes, sum(minutes * participant_count) as person_minutes
         from time_entries group by 1, 2, 3 order by 1, 2, 3`,
    )
    .all();
const triggerSql = () => t.db.sqlite.prepare("select sql from sqlite_master where name = 'time_totals_after_insert'").pluck().get();

function insertEntries(rows: [string, number, number, number][]): void {
  const insert = t.db.sqlite.prepare(
    `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at) values (?, null, ?, ?, ?, 'import', 'x', 'x')`,
  );
  for (const row of rows) insert.run(...row);
}

describe('insertWithGroupedTotals', () => {
  it('keeps the per-day totals exact, added to existing days, and puts the trigger back as it was', () => {
    const fauske = municipalityId(t, 'Fauske');
    const steigen = municipalityId(t, 'Steigen');
    const [one, two] = [categoryId(t, 1), categoryId(t, 2)];
    const before = triggerSql();
    transaction(t.db, () => insertEntries([['2020-03-01', fauske, one, 60]]));
    transaction(t.db, () =>
      insertWithGroupedTotals(t.db.sqlite, () =>
        insertEntries([
          ['2020-03-01', fauske, one, 30],
          ['2020-03-01', fauske, one, 90],
          ['2020-03-02', steigen, two, 120],
        ]),
      ),
    );
    expect(totals()).toEqual(recomputed());
    expect(totals()).toContainEqual({ municipality_id: fauske, category_id: one, entry_date: '2020-03-01', entries: 3, minutes: 180, person_minutes: 0 });
    expect(triggerSql()).toBe(before);
    // The trigger works again for the next ordinary write.
    transaction(t.db, () => insertEntries([['2020-03-02', steigen, two, 30]]));
    expect(totals()).toEqual(recomputed());
  });

  it('leaves trigger, totals and entries untouched when the write fails', () => {
    const fauske = municipalityId(t, 'Fauske');
    const before = { trigger: triggerSql(), totals: totals() };
    const cacheSize = t.db.sqlite.pragma('cache_size', { simple: true });
    expect(() =>
      transaction(t.db, () =>
        insertWithGroupedTotals(t.db.sqlite, () => {
          insertEntries([['2020-03-01', fauske, categoryId(t, 1), 60]]);
          throw new Error('stopp');
        }),
      ),
    ).toThrow('stopp');
    expect({ trigger: triggerSql(), totals: totals() }).toEqual(before);
    expect(t.count('time_entries')).toBe(0);
    expect(t.db.sqlite.pragma('cache_size', { simple: true })).toBe(cacheSize);
  });

  it('reads the added rows as a range of ids, not through an index over every entry', () => {
    for (const { addRowsAbove } of GROUPED_TOTALS) {
      const steps = (t.db.sqlite.prepare(`explain query plan ${addRowsAbove}`).all(0) as { detail: string }[]).map((step) => step.detail);
      expect(steps.filter((step) => step.includes('time_entries'))).toEqual(['SEARCH time_entries USING INTEGER PRIMARY KEY (rowid>?)']);
    }
  });

  it('refuses to run outside a transaction', () => {
    expect(() => insertWithGroupedTotals(t.db.sqlite, () => 0)).toThrow(/inside a transaction/);
  });
});
