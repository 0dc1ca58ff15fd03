import type Database from 'better-sqlite3';

/**
 * The per-row insert triggers on time_entries that keep derived totals exact, each with the grouped
 * statement that adds every row above a given id at once: time_totals_daily (migration 0002) and each
 * case's logged_minutes (migration 0017). `not indexed` keeps the new rows a range of the table's ids:
 * left to itself, SQLite read the new cases' minutes through the index on (case_id, minutes), scanning
 * every entry with a case (some 40–100 ms on a million entries) to find the few thousand added.
 */
export const GROUPED_TOTALS: readonly { trigger: string; addRowsAbove: string }[] = [
  {
    trigger: 'time_totals_after_insert',
    addRowsAbove: `insert into time_totals_daily (municipality_id, category_id, entry_date, entries, minutes, person_minutes)
       select municipality_id, category_id, entry_date, count(*), sum(minutes), sum(minutes * participant_count)
         from time_entries not indexed where id > ? group by municipality_id, category_id, entry_date
       on conflict (municipality_id, category_id, entry_date) do update set
         entries = entries + excluded.entries,
         minutes = minutes + excluded.minutes,
         person_minutes = person_minutes + excluded.person_minutes`,
  },
  {
    trigger: 'case_minutes_after_insert',
    addRowsAbove: `update cases set logged_minutes = logged_minutes + added.minutes
       from (select case_id, sum(minutes) as minutes from time_entries not indexed where id > ? and case_id is not null group by case_id) as added
       where cases.id = added.case_id`,
  },
];
/** Enough for the time_entries indexes a large import touches; the default 2 MB makes it re-read pages. */
const BULK_CACHE_KIB = 32 * 1024;

/**
 * Runs `insertRows` (inside the caller's transaction) with the per-row totals triggers lifted, then adds
 * the new rows to the totals in one grouped statement each. A trigger costs about as much as the
 * insert it rides on (an upsert per row, roughly 2 of 4 s for 100,000 rows); grouped, it is one pass.
 * DDL is transactional in SQLite: the triggers are recreated from their own stored SQL before the
 * transaction commits, and a rollback brings them back untouched. New rows are those above the largest
 * id before: the transaction holds the write lock, and ids of new rows only grow.
 */
export function insertWithGroupedTotals<T>(sqlite: Database.Database, insertRows: () => T): T {
  if (!sqlite.inTransaction) throw new Error('insertWithGroupedTotals must run inside a transaction');
  const storedSql = sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = ?").pluck();
  const lifted = GROUPED_TOTALS.map((totals) => {
    const triggerSql = storedSql.get(totals.trigger) as string | undefined;
    if (!triggerSql) throw new Error(`Trigger ${totals.trigger} is missing`);
    return { ...totals, triggerSql };
  });
  const lastIdBefore = (sqlite.prepare('select coalesce(max(id), 0) from time_entries').pluck().get() as number) ?? 0;
  const cacheBefore = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    for (const totals of lifted) sqlite.exec(`drop trigger ${totals.trigger}`);
    const result = insertRows();
    for (const totals of lifted) {
      sqlite.prepare(totals.addRowsAbove).run(lastIdBefore);
      sqlite.exec(totals.triggerSql);
    }
    return result;
  } finally {
    sqlite.pragma(`cache_size = ${cacheBefore}`);
  }
}
