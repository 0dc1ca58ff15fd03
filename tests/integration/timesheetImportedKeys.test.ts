import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importedKeysOnDatesOf } from '../../electron/services/timesheet/importedKeys';
import { keyRangeOfDates, rowKey } from '../../electron/services/timesheet/rowKey';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

/** Keys left by an earlier import, one entry each, as commit.ts writes them. */
function importedBefore(keys: string[]): void {
  const sqlite = t.db.sqlite;
  const importId = sqlite
    .prepare(
      `insert into timesheet_imports (imported_at, file_sha256, rows_read, rows_imported, rows_rejected, duplicates_skipped, cases_created) values ('x', 'x', 0, 0, 0, 0, 0)`,
    )
    .run().lastInsertRowid;
  const entry = sqlite.prepare(
    `insert into time_entries (entry_date, municipality_id, category_id, minutes, source, created_at, updated_at) values (?, ?, ?, 60, 'import', 'x', 'x')`,
  );
  const key = sqlite.prepare('insert into timesheet_import_rows (row_key, import_id, time_entry_id) values (?, ?, ?)');
  for (const k of keys) key.run(k, importId, entry.run(k.slice(0, 10), municipalityId(t, 'Fauske'), categoryId(t, 1)).lastInsertRowid);
}

const keyOn = (date: string, occurrence = 1) => rowKey(`${date}|02/20-FA|1|1|60`, occurrence);

describe('keys imported before, over the dates a file spans', () => {
  it('finds the keys of the first and the last date and none of the days around them', () => {
    importedBefore([keyOn('2020-02-29'), keyOn('2020-03-01'), keyOn('2020-03-01', 2), keyOn('2020-03-31'), keyOn('2020-04-01')]);
    const rows = [{ date: '2020-03-31' }, { date: '2020-03-01' }, { date: '2020-03-15' }];
    const found = importedKeysOnDatesOf(t.db.sqlite, rows, () => new Set());
    expect([...found].sort()).toEqual([keyOn('2020-03-01'), keyOn('2020-03-01', 2), keyOn('2020-03-31')]);
  });

  it('holds no more keys than the file has rows: past that, only the file’s keys, built once and only then', () => {
    importedBefore([keyOn('2020-03-01'), keyOn('2020-03-01', 2), keyOn('2020-03-02'), keyOn('2020-03-02', 2)]);
    let built = 0;
    const fileKeys = () => {
      built += 1;
      return new Set([keyOn('2020-03-02'), keyOn('2020-03-02', 3)]);
    };
    const fourRows = [{ date: '2020-03-01' }, { date: '2020-03-01' }, { date: '2020-03-02' }, { date: '2020-03-02' }];
    expect(importedKeysOnDatesOf(t.db.sqlite, fourRows, fileKeys).size).toBe(4);
    expect(built).toBe(0);
    const twoRows = [{ date: '2020-03-01' }, { date: '2020-03-02' }];
    expect([...importedKeysOnDatesOf(t.db.sqlite, twoRows, fileKeys)]).toEqual([keyOn('2020-03-02')]);
    expect(built).toBe(1);
    expect(importedKeysOnDatesOf(t.db.sqlite, [{ date: '2021-01-01' }], fileKeys).size).toBe(0);
    expect(importedKeysOnDatesOf(t.db.sqlite, [], fileKeys).size).toBe(0);
    expect(built).toBe(1);
  });

  it('bounds a range that holds every key of its dates and no other', () => {
    const [from, to] = keyRangeOfDates('2020-03-01', '2020-03-31');
    const inside = [keyOn('2020-03-01'), keyOn('2020-03-31', 99), rowKey('2020-03-31|||1|1|1440', 1)];
    const outside = [keyOn('2020-02-29', 99), keyOn('2020-04-01'), '2020-03-01', '2020-03-31~'];
    for (const key of inside) expect(key >= from && key < to).toBe(true);
    for (const key of outside) expect(key >= from && key < to).toBe(false);
  });
});
