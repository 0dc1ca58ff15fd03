import type { FamiliarTableDto, FamiliarTableKey, FamiliarTablesDto, StatisticsPeriod, StatisticsTableDto } from '@shared/contract';
import { all, readSnapshot } from '../../db/query';
import type { DbContext } from '../context';
import { periodRange } from './period';
import { pivotGrid } from './pivot';

/**
 * The three tables of the team's annual report («Statistikk av ressursbruk»), by category number so a
 * renamed category keeps its table. In 2020 the partner table counted rows under the heading of hours;
 * here every table has hours and entries side by side, each named.
 */
export const FAMILIAR_TABLES: readonly { key: FamiliarTableKey; title: string; categoryNumbers: readonly number[] }[] = [
  { key: 'followUp', title: 'Brukeroppfølging i institusjon og etter endt opphold i institusjon', categoryNumbers: [4, 1] },
  { key: 'driving', title: 'Kjøring', categoryNumbers: [2] },
  { key: 'partners', title: 'Samarbeidspartnere', categoryNumbers: [3] },
];

type Pair = { hours: number; entries: number };

async function buildTable(
  ctx: DbContext,
  range: { from: string; to: string },
  spec: (typeof FAMILIAR_TABLES)[number],
  categories: { id: number; number: number; name: string }[],
): Promise<FamiliarTableDto> {
  const chosen = spec.categoryNumbers.map((n) => categories.find((c) => c.number === n)).filter((c) => c !== undefined);
  const grid = async (measure: 'hours' | 'entries') =>
    (
      await pivotGrid(ctx, {
        ...range,
        measure,
        rows: 'municipality',
        columns: 'category',
        categoryIds: chosen.map((c) => c.id),
        title: spec.title,
        spansYears: false,
      })
    ).table;
  const hours = await grid('hours');
  const entries = await grid('entries');
  // Both grids have the same rows (a municipality with an entry has hours) but only the categories with time.
  const columnIndex = (table: StatisticsTableDto, category: { id: number }) => table.columns.findIndex((c) => !c.total && c.key === String(category.id));
  const pairAt = (values: (number | null)[], hoursIndex: number, entriesValues: (number | null)[], entriesIndex: number): Pair => ({
    hours: hoursIndex < 0 ? 0 : (values[hoursIndex] ?? 0),
    entries: entriesIndex < 0 ? 0 : (entriesValues[entriesIndex] ?? 0),
  });
  const indexes = chosen.map((c) => ({ h: columnIndex(hours, c), e: columnIndex(entries, c) }));
  const rows = hours.rows.map((row, r) => {
    const entryRow = entries.rows[r]!;
    return {
      municipalityId: Number(row.key),
      municipality: row.label,
      cells: indexes.map((i) => pairAt(row.values, i.h, entryRow.values, i.e)),
      total: pairAt(row.values, row.values.length - 1, entryRow.values, entryRow.values.length - 1),
    };
  });
  const totalCells = indexes.map((i) => pairAt(hours.totalRow ?? [], i.h, entries.totalRow ?? [], i.e));
  const grand =
    rows.length === 0 ? { hours: 0, entries: 0 } : pairAt(hours.totalRow!, hours.totalRow!.length - 1, entries.totalRow!, entries.totalRow!.length - 1);

  const pairColumns = (key: string, label: string, total: boolean) => [
    { key: `${key}:hours`, label, measure: 'hours' as const, total },
    { key: `${key}:entries`, label, measure: 'entries' as const, total },
  ];
  const flat = (cells: Pair[], total: Pair) => [...cells.flatMap((c) => [c.hours || null, c.entries || null]), total.hours, total.entries];
  const table: StatisticsTableDto = {
    title: spec.title,
    rowHeader: 'Kommune',
    columns: [...chosen.flatMap((c) => pairColumns(String(c.id), c.name, false)), ...pairColumns('total', 'Totalsum', true)],
    rows: rows.map((r) => ({ key: String(r.municipalityId), label: r.municipality, values: flat(r.cells, r.total) })),
    totalRow: rows.length === 0 ? null : flat(totalCells, grand),
  };
  return { key: spec.key, title: spec.title, categories: chosen, rows, totals: { cells: totalCells, total: grand }, table };
}

/**
 * The three familiar tables for a year or range (`{ year }` is short for `{ period: { year } }`). The
 * annual report calls this too: each table's `table` goes straight to `addTableSheet`, and
 * `familiarTableChart` draws it.
 */
export async function familiarTables(ctx: DbContext, input: { period: StatisticsPeriod } | { year: number }): Promise<FamiliarTablesDto> {
  const range = periodRange('period' in input ? input.period : { year: input.year });
  const categories = await all(ctx.db, ctx.db.kysely.selectFrom('categories').select(['id', 'number', 'name']).orderBy('number'));
  // One snapshot for all three tables (the grids' own snapshots run inside it).
  const tables = await readSnapshot(ctx.db, async (db) => {
    const built: FamiliarTableDto[] = [];
    for (const spec of FAMILIAR_TABLES) built.push(await buildTable({ db }, range, spec, categories));
    return built;
  });
  return { from: range.from, to: range.to, tables };
}

export async function familiarTable(ctx: DbContext, period: StatisticsPeriod, key: FamiliarTableKey): Promise<FamiliarTableDto> {
  return (await familiarTables(ctx, { period })).tables.find((t) => t.key === key)!;
}
