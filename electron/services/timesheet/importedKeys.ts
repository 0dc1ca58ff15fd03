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
 * Which of the file's keys were imported before: one range scan of the key's index over the dates the
 * file spans (a key begins with its row's date, rowKey.ts). The file's keys are built only when that
 * range holds any key at all, and each key found is kept only when the file has it, so what is held grows
 * with the file, not with the log. (Asking for the file's keys in slices of 5,000 through json_each cost
 * some 100 ms per 100,000 rows, twice per import, even for a year never imported before: the usual case.)
 */
export function importedKeysAmong(
  sqlite: Database.Database,
  rows: readonly { date: string }[],
  fileKeys: () => ReadonlySet<string> | ReadonlyMap<string, unknown>,
): Set<string> {
  const found = new Set<string>();
  const span = dateSpan(rows);
  if (!span) return found;
  const [from, to] = keyRangeOfDates(span.first, span.last);
  let keys: ReadonlySet<string> | ReadonlyMap<string, unknown> | null = null;
  for (const key of sqlite.prepare('select row_key from timesheet_import_rows where row_key >= ? and row_key < ?').pluck().iterate(from, to)) {
    keys ??= fileKeys();
    if (keys.has(key as string)) found.add(key as string);
  }
  return found;
}
