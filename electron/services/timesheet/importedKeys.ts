import type Database from 'better-sqlite3';
import { keyRangeOfDates } from './rowKey';

/** The earliest and the latest date of the rows, or null when there are none. */
export function dateSpan(rows: readonly { date: string }[]): { first: string; last: string } | null {
  if (rows.length === 0) return null;
  let first = rows[0]!.date;
  let last = first;
  for (const { date } of rows) {
    if (date < first) first = date;
    if (date > last) last = date;
  }
  return { first, last };
}

/**
 * The keys imported before on the dates the rows span: one range scan of the key's index (a key begins
 * with its row's date, rowKey.ts). A row was imported before when its key is in the answer. What is held
 * is bounded by the file: the range's keys are kept while they are no more than the file's rows; past
 * that, the file's keys are built and only those the range holds are kept. Usually a file's dates hold
 * few keys or none (a year not imported before). Asking for the file's keys in slices of 5,000 through
 * json_each, as before, cost some 100 ms per 100,000 rows in the check and again in the write.
 */
export function importedKeysOnDatesOf(sqlite: Database.Database, rows: readonly { date: string }[], fileKeys: () => ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const span = dateSpan(rows);
  if (!span) return found;
  const [from, to] = keyRangeOfDates(span.first, span.last);
  let keys: ReadonlySet<string> | null = null;
  for (const key of sqlite.prepare('select row_key from timesheet_import_rows where row_key >= ? and row_key < ?').pluck().iterate(from, to)) {
    if (keys === null) {
      found.add(key as string);
      if (found.size <= rows.length) continue;
      keys = fileKeys();
      for (const kept of found) if (!keys.has(kept)) found.delete(kept);
    } else if (keys.has(key as string)) found.add(key as string);
  }
  return found;
}
