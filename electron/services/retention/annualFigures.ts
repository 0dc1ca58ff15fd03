import { sql } from 'kysely';
import { all, first, readSnapshot } from '../../db/query';
import type { DbContext } from '../context';
import { annualPivot } from '../statistics/annualPivot';

/**
 * Every figure of every year that has any: the annual pivot (hours, person-hours, entries per
 * municipality × category) and case counts per municipality, year and status. Serialised, so «before
 * == after» is one string comparison.
 */
export async function annualFiguresSnapshot(ctx: DbContext): Promise<{ years: number[]; snapshot: string }> {
  return readSnapshot(ctx.db, async (db) => {
    const span = await first(
      db,
      sql<{ first: number | null; last: number | null }>`select min(y) as first, max(y) as last from (
         select cast(substr(min(entry_date), 1, 4) as integer) as y from time_entries
         union all select cast(substr(max(entry_date), 1, 4) as integer) from time_entries
         union all select min(year) from cases union all select max(year) from cases) as span`,
    );
    const years: number[] = [];
    if (span && span.first !== null && span.last !== null) for (let y = span.first; y <= span.last; y++) years.push(y);
    const caseCounts = await all(
      db,
      sql`select municipality_id, year, status, count(*) as n from cases group by municipality_id, year, status order by 1, 2, 3`,
    );
    const pivots: unknown[] = [];
    for (const year of years) pivots.push(await annualPivot({ db }, { year }));
    return { years, snapshot: JSON.stringify({ pivots, caseCounts }) };
  });
}
