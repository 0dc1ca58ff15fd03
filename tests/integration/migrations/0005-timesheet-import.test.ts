import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0005: import batches and the row keys that make a second import of the same file a no-op. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0005.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

function insertEntry(): number {
  const now = '2020-06-15T10:00:00.000Z';
  const municipality = (db.sqlite.prepare('select id from municipalities order by id limit 1').get() as { id: number }).id;
  const category = (db.sqlite.prepare('select id from categories order by id limit 1').get() as { id: number }).id;
  return Number(
    db.sqlite
      .prepare(
        `insert into time_entries (entry_date, municipality_id, category_id, minutes, source, created_at, updated_at)
         values ('2020-02-03', ?, ?, 60, 'import', ?, ?)`,
      )
      .run(municipality, category, now, now).lastInsertRowid,
  );
}

describe('0005-timesheet-import', () => {
  it('keeps each row key once and drops it with its entry', () => {
    const importId = Number(
      db.sqlite
        .prepare(
          `insert into timesheet_imports (imported_at, imported_by, file_sha256, rows_read, rows_imported, rows_rejected, duplicates_skipped, cases_created)
           values ('2020-06-15T10:00:00.000Z', null, 'abc', 1, 1, 0, 0, 0)`,
        )
        .run().lastInsertRowid,
    );
    const entry = insertEntry();
    const insertKey = db.sqlite.prepare('insert into timesheet_import_rows (row_key, import_id, time_entry_id) values (?, ?, ?)');
    insertKey.run('k1', importId, entry);
    expect(() => insertKey.run('k1', importId, entry)).toThrow(/UNIQUE/);
    expect(() => insertKey.run('k2', importId + 99, entry)).toThrow(/FOREIGN KEY/);

    db.sqlite.prepare('delete from time_entries where id = ?').run(entry);
    expect(db.sqlite.prepare('select count(*) as n from timesheet_import_rows').get()).toEqual({ n: 0 });
  });

  it('indexes keys by entry so deleting an entry does not scan every key', () => {
    const plan = db.sqlite.prepare('explain query plan select * from timesheet_import_rows where time_entry_id = 1').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/timesheet_import_rows_by_entry/);
  });

  it('orders municipalities by their sort order from an index', () => {
    const plan = db.sqlite.prepare('explain query plan select id from municipalities order by sort_order').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/municipalities_by_sort_order/);
  });
});
