import { all, prepare } from '../db/exec';
import type { AnnualPivotDto, PivotFigures } from '../../shared/contract';
import { STATISTIC_UNITS } from '../../shared/contract';
import { yearRange } from '../../shared/dates';
import type { ServiceContext } from './context';

interface CellSums {
  entries: number;
  minutes: number;
  personMinutes: number;
}

function figures(sums: CellSums): PivotFigures {
  return {
    minutes: sums.minutes,
    hours: sums.minutes / 60,
    personHours: sums.personMinutes / 60,
    entries: sums.entries,
  };
}

function add(into: CellSums, from: CellSums): void {
  into.entries += from.entries;
  into.minutes += from.minutes;
  into.personMinutes += from.personMinutes;
}

const zero = (): CellSums => ({ entries: 0, minutes: 0, personMinutes: 0 });

/**
 * Hours, person-hours and entry counts per municipality × category for a calendar year.
 *
 * Reads the per-day totals that triggers keep beside the entries (migration 0002): each cell is one
 * primary-key range over at most 366 rows, so the cost follows the number of days with time logged,
 * not the number of entries. See `npm run bench`.
 */
export function annualPivot(ctx: ServiceContext, input: { year: number }): AnnualPivotDto {
  const { from, to } = yearRange(input.year);
  const { kysely } = ctx.db;
  const municipalities = all(ctx.db, kysely.selectFrom('municipalities').select(['id', 'name']).orderBy('sort_order'));
  const categories = all(
    ctx.db,
    kysely.selectFrom('categories').select(['id', 'number', 'name', 'retired_at']).orderBy('number'),
  );

  const cellQuery = prepare(
    ctx.db,
    `select coalesce(sum(entries), 0) as entries, coalesce(sum(minutes), 0) as minutes,
            coalesce(sum(person_minutes), 0) as personMinutes
       from time_totals_daily
      where municipality_id = ? and category_id = ? and entry_date between ? and ?`,
  );

  const cells: AnnualPivotDto['cells'] = [];
  const byMunicipality = new Map(municipalities.map((m) => [m.id, zero()]));
  const byCategory = new Map(categories.map((c) => [c.id, zero()]));
  const total = zero();
  const read = ctx.db.sqlite.transaction(() => {
    for (const m of municipalities) {
      for (const c of categories) {
        const sums = cellQuery.get(m.id, c.id, from, to) as CellSums;
        if (sums.entries === 0) continue;
        cells.push({ municipalityId: m.id, municipality: m.name, categoryId: c.id, category: c.name, ...figures(sums) });
        add(byMunicipality.get(m.id)!, sums);
        add(byCategory.get(c.id)!, sums);
        add(total, sums);
      }
    }
  });
  // One read transaction, so the figures come from a single snapshot even while someone logs time.
  read.deferred();

  // A retired category appears only in years where it was used.
  const visibleCategories = categories.filter((c) => c.retired_at === null || byCategory.get(c.id)!.entries > 0);
  return {
    year: input.year,
    from,
    to,
    units: STATISTIC_UNITS,
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
    categories: visibleCategories.map((c) => ({ id: c.id, number: c.number, name: c.name })),
    cells,
    byMunicipality: municipalities.map((m) => ({ municipalityId: m.id, municipality: m.name, ...figures(byMunicipality.get(m.id)!) })),
    byCategory: visibleCategories.map((c) => ({ categoryId: c.id, category: c.name, ...figures(byCategory.get(c.id)!) })),
    total: figures(total),
  };
}
