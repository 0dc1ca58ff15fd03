import { all, readSnapshot } from '../../db/query';
import { groupedFigures } from './groupedFigures';
import type { AnnualPivotDto, PivotFigures } from '@shared/contract';
import { STATISTIC_UNITS } from '@shared/contract';
import { yearRange } from '@shared/dates';
import type { DbContext } from '../context';

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
 * Hours, person-hours and entry counts per municipality × category for a calendar year, from the same
 * engine as the Statistikk page's pivot (groupedFigures): one grouped read of the per-day totals, so
 * the cost follows the number of days with time logged, not the number of entries. See `npm run bench`.
 */
export async function annualPivot(ctx: DbContext, input: { year: number }): Promise<AnnualPivotDto> {
  const { from, to } = yearRange(input.year);
  const { kysely } = ctx.db;
  // One read snapshot, so the figures agree with each other even while someone logs time.
  const { municipalities, categories, groups } = await readSnapshot(ctx.db, async (db) => ({
    municipalities: await all(db, kysely.selectFrom('municipalities').select(['id', 'name']).orderBy('sort_order')),
    categories: await all(db, kysely.selectFrom('categories').select(['id', 'number', 'name', 'retired_at']).orderBy('number')),
    groups: await groupedFigures({ db }, { from, to }, ['hours', 'personHours', 'entries'], ['municipality', 'category']),
  }));

  const cells: AnnualPivotDto['cells'] = [];
  const byMunicipality = new Map(municipalities.map((m) => [m.id, zero()]));
  const byCategory = new Map(categories.map((c) => [c.id, zero()]));
  const total = zero();
  for (const m of municipalities) {
    for (const c of categories) {
      const group = groups.get(JSON.stringify([m.id, c.id]));
      if (!group) continue;
      const [minutes, personMinutes, entries] = group.raw as [number, number, number];
      const sums = { minutes, personMinutes, entries };
      cells.push({ municipalityId: m.id, municipality: m.name, categoryId: c.id, category: c.name, ...figures(sums) });
      add(byMunicipality.get(m.id)!, sums);
      add(byCategory.get(c.id)!, sums);
      add(total, sums);
    }
  }

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
