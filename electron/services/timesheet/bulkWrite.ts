import type Database from 'better-sqlite3';

/** The per-row trigger migration 0002 put on time_entries to keep time_totals_daily exact. */
const TOTALS_TRIGGER = 'time_totals_after_insert';
/** Enough for the time_entries indexes a large import touches; the default 2 MB makes it re-read pages. */
const BULK_CACHE_KIB = 32 * 1024;

/**
 * Runs `insertRows` (inside the caller's transaction) with the per-row totals trigger lifted, then adds
 * the new rows to time_totals_daily in one grouped upsert. The trigger costs about as much as the
 * insert it rides on (an upsert per row, roughly 2 of 4 s for 100,000 rows); grouped, it is one pass.
 * DDL is transactional in SQLite: the trigger is recreated from its own stored SQL before the
 * transaction commits, and a rollback brings it back untouched. New rows are those above the largest
 * id before: the transaction holds the write lock, and ids of new rows only grow.
 */
export function insertWithGroupedTotals<T>(sqlite: Database.Database, insertRows: () => T): T {
  if (!sqlite.inTransaction) throw new Error('insertWithGroupedTotals must run inside a transaction');
  const triggerSql = sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = ?").pluck().get(TOTALS_TRIGGER) as string | undefined;
  if (!triggerSql) throw new Error(`Trigger ${TOTALS_TRIGGER} is missing`);
  const lastIdBefore = (sqlite.prepare('select coalesce(max(id), 0) from time_entries').pluck().get() as number) ?? 0;
  const cacheBefore = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    sqlite.exec(`drop trigger ${TOTALS_TRIGGER}`);
    const result = insertRows();
    sqlite
      .prepare(
        `insert into time_totals_daily (municipality_id, category_id, entry_date, entries, minutes, person_minutes)
         select municipality_id, category_id, entry_date, count(*), sum(minutes), sum(minutes * participant_count)
           from time_entries where id > ? group by municipality_id, category_id, entry_date
         on conflict (municipality_id, category_id, entry_date) do update set
           entries = entries + excluded.entries,
           minutes = minutes + excluded.minutes,
           person_minutes = person_minutes + excluded.person_minutes`,
      )
      .run(lastIdBefore);
    sqlite.exec(triggerSql);
    return result;
  } finally {
    sqlite.pragma(`cache_size = ${cacheBefore}`);
  }
}
