import type { ServiceContext } from '../context';
import { annualPivot } from '../statistics/annualPivot';

/**
 * Every figure of every year that has any: the annual pivot (hours, person-hours, entries per
 * municipality × category) and case counts per municipality, year and status. Serialised, so «before
 * == after» is one string comparison.
 */
export function annualFiguresSnapshot(ctx: ServiceContext): { years: number[]; snapshot: string } {
  const span = ctx.db.sqlite
    .prepare(
      `select min(y) as first, max(y) as last from (
         select cast(substr(min(entry_date), 1, 4) as integer) as y from time_entries
         union all select cast(substr(max(entry_date), 1, 4) as integer) from time_entries
         union all select min(year) from cases union all select max(year) from cases)`,
    )
    .get() as { first: number | null; last: number | null };
  const years: number[] = [];
  if (span.first !== null && span.last !== null) for (let y = span.first; y <= span.last; y++) years.push(y);
  const caseCounts = ctx.db.sqlite
    .prepare('select municipality_id, year, status, count(*) as n from cases group by municipality_id, year, status order by 1, 2, 3')
    .all();
  const pivots = years.map((year) => annualPivot(ctx, { year }));
  return { years, snapshot: JSON.stringify({ pivots, caseCounts }) };
}
