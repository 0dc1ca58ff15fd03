import { sql } from 'kysely';
import type { PivotDimension, StatisticMeasure } from '@shared/contract';
import { all } from '../../db/query';
import type { DbContext } from '../context';

/**
 * The one engine behind every figure from the time log: the Statistikk page's pivot, the familiar
 * tables and `statistics:annual` (which the annual report, the cost share and retention read).
 */

/** A key of one dimension: an id, a «yyyy-mm», or null for «no case» / «no participant». */
export type Key = number | string | null;

/**
 * The per-day totals (migration 0002) answer municipality × category × month for hours, person-hours
 * and entries without touching the entries; anything else reads time_entries. Same column names in both.
 */
const DAILY_DIMENSIONS: ReadonlySet<PivotDimension> = new Set(['municipality', 'category', 'month']);

/**
 * The daily totals are keyed (municipality, category, date). Driving the read from the two small
 * reference tables (CROSS JOIN fixes SQLite's loop order) turns it into one primary-key range per
 * municipality × category over the period's dates, instead of a scan of every year in the file.
 */
const DAILY_SOURCE = 'municipalities dm cross join categories dc cross join time_totals_daily t';

const KEY_SQL: Record<PivotDimension, string> = {
  municipality: 't.municipality_id',
  category: 't.category_id',
  month: 'substr(t.entry_date, 1, 7)',
  member: 'p.team_member_id',
  case: 't.case_id',
};

/**
 * The SQL of a measure's raw figure: minutes for hours, person-minutes for person-hours, counts for
 * entries and cases. Whole numbers, so sums stay exact; `measureValue` turns them into the unit shown.
 */
function rawMeasureSql(measure: StatisticMeasure, source: 'daily' | 'entries', joinsMembers: boolean): string {
  if (source === 'daily') {
    // Distinct cases never come from the daily totals (see groupedFigures).
    const daily: Record<StatisticMeasure, string> = { hours: 'sum(t.minutes)', personHours: 'sum(t.person_minutes)', entries: 'sum(t.entries)', cases: '' };
    return daily[measure];
  }
  switch (measure) {
    case 'hours':
      return 'sum(t.minutes)';
    // Joined to participants there is one row per participant: each carries the entry's minutes.
    case 'personHours':
      return joinsMembers ? 'sum(case when p.team_member_id is null then 0 else t.minutes end)' : 'sum(t.minutes * t.participant_count)';
    case 'entries':
      return 'count(*)';
    case 'cases':
      return 'count(distinct t.case_id)';
  }
}

/** A raw figure in the measure's unit: minutes become hours; counts stay counts. */
export function measureValue(measure: StatisticMeasure, raw: number): number {
  return measure === 'hours' || measure === 'personHours' ? raw / 60 : raw;
}

export interface GroupSpec {
  from: string;
  to: string;
  /** Only these categories (the familiar tables); all when absent. */
  categoryIds?: readonly number[];
}

export interface Group {
  keys: Key[];
  /** Raw figures (see rawMeasureSql), one per requested measure, in order. */
  raw: number[];
}

/** The raw figures of `measures` per combination of keys of `dimensions` (none: one grand figure). */
export async function groupedFigures(
  ctx: DbContext,
  spec: GroupSpec,
  measures: readonly StatisticMeasure[],
  dimensions: readonly PivotDimension[],
): Promise<Map<string, Group>> {
  const useDaily = !measures.includes('cases') && dimensions.every((d) => DAILY_DIMENSIONS.has(d));
  const joinsMembers = dimensions.includes('member');
  const keys = dimensions.map((d, i) => `${KEY_SQL[d]} as k${i}`);
  const values = measures.map((m, i) => `${rawMeasureSql(m, useDaily ? 'daily' : 'entries', joinsMembers)} as v${i}`);
  // `in ()` is SQLite's empty list; PostgreSQL has no such thing, and no category matches either way.
  const categoryFilter = !spec.categoryIds ? sql`` : spec.categoryIds.length === 0 ? sql`and 1 = 0` : sql`and t.category_id in (${sql.join(spec.categoryIds)})`;
  const query = sql<Record<string, Key>>`select ${sql.raw([...keys, ...values].join(', '))}
    from ${sql.raw(useDaily ? DAILY_SOURCE : 'time_entries t')}
    ${sql.raw(joinsMembers ? 'left join time_entry_participants p on p.time_entry_id = t.id' : '')}
    where t.entry_date between ${spec.from} and ${spec.to} ${categoryFilter} ${sql.raw(useDaily ? 'and t.entries > 0 and t.municipality_id = dm.id and t.category_id = dc.id' : '')}
    ${sql.raw(dimensions.length > 0 ? `group by ${dimensions.map((_d, i) => `k${i}`).join(', ')}` : '')}`;
  const rows = await all(ctx.db, query);
  const result = new Map<string, Group>();
  for (const row of rows) {
    const rowKeys = dimensions.map((_d, i) => row[`k${i}`] ?? null);
    // Without a group by an empty period still gives one row, with null sums.
    if (dimensions.length === 0 && row.v0 === null) continue;
    result.set(JSON.stringify(rowKeys), { keys: rowKeys, raw: measures.map((_m, i) => Number(row[`v${i}`] ?? 0)) });
  }
  return result;
}
