import type Database from 'better-sqlite3';

/**
 * The daily totals the triggers keep (migration 0002) and the same figures aggregated afresh from the
 * entries, in the same order: equal unless a write was torn or a trigger missed a change.
 */
export function keptAndFreshDailyTotals(sqlite: Database.Database): { kept: unknown[]; fresh: unknown[] } {
  const kept = sqlite
    .prepare('select municipality_id, category_id, entry_date, entries, minutes, person_minutes from time_totals_daily where entries <> 0 order by 1, 2, 3')
    .all();
  const fresh = sqlite
    .prepare(
      'select municipality_id, category_id, entry_date, count(*) as entries, sum(minutes) as minutes, sum(minutes * participant_count) as person_minutes from time_entries group by 1, 2, 3 order by 1, 2, 3',
    )
    .all();
  return { kept, fresh };
}
