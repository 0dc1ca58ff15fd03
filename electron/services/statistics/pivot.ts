import type { PivotColumnDimension, PivotDimension, PivotDto, PivotQuery, StatisticMeasure, StatisticsTableDto } from '@shared/contract';
import { STATISTIC_UNITS } from '@shared/contract';
import { DIMENSION_LABEL, MEASURE_LABEL, monthLabel } from '@shared/domain/statistics';
import { compareNorwegian } from '@shared/format';
import { all, readSnapshot, type Query } from '../../db/query';
import { groupedFigures, measureValue, type GroupSpec, type Key } from './groupedFigures';
import type { DbContext } from '../context';
import { periodRange } from './period';

/** One measure, in its unit, per combination of keys of `dimensions`. */
async function groupedValues(
  ctx: DbContext,
  spec: GroupSpec & { measure: StatisticMeasure },
  dimensions: PivotDimension[],
): Promise<Map<string, { keys: Key[]; value: number }>> {
  const groups = await groupedFigures(ctx, spec, [spec.measure], dimensions);
  return new Map([...groups].map(([id, g]) => [id, { keys: g.keys, value: measureValue(spec.measure, g.raw[0]!) }]));
}

/**
 * Whether the totals over `dropped` may be summed from the cells. Distinct cases never: one case spans
 * several municipalities' months. Hours and entries by member neither: an entry with two members is in
 * both members' figures but once in the total. Person-hours add up across members by definition.
 */
function summable(measure: StatisticMeasure, dropped: PivotColumnDimension): boolean {
  if (dropped === 'none') return true;
  if (measure === 'cases') return false;
  return !(dropped === 'member' && measure !== 'personHours');
}

interface Labelled {
  key: Key;
  label: string;
  order: (number | string)[];
}

/**
 * Names for the keys, in the order the team reads them: municipalities in the founding plan's order (the
 * same in every table and chart), categories by number, months in time, people and cases alphabetically.
 */
async function labelKeys(ctx: DbContext, dimension: PivotDimension, keys: Key[], spansYears: boolean): Promise<Labelled[]> {
  const { kysely } = ctx.db;
  const named = async (query: Query<{ id: number; name: string }>) => new Map((await all(ctx.db, query)).map((r) => [r.id, r.name]));
  let labelled: Labelled[] = [];
  switch (dimension) {
    case 'municipality': {
      const rows = await all(ctx.db, kysely.selectFrom('municipalities').select(['id', 'name', 'sort_order']));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return keys
        .map((k) => ({ key: k, label: byId.get(k as number)?.name ?? '?', order: [byId.get(k as number)?.sort_order ?? 0] }))
        .sort((a, b) => (a.order[0] as number) - (b.order[0] as number));
    }
    case 'category': {
      const rows = await all(ctx.db, kysely.selectFrom('categories').select(['id', 'number', 'name']));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return keys
        .map((k) => ({
          key: k,
          label: `${byId.get(k as number)?.number ?? ''} ${byId.get(k as number)?.name ?? '?'}`.trim(),
          order: [byId.get(k as number)?.number ?? 0],
        }))
        .sort((a, b) => (a.order[0] as number) - (b.order[0] as number));
    }
    case 'month':
      return keys
        .map((k) => ({ key: k, label: monthLabel(String(k), spansYears), order: [String(k)] }))
        .sort((a, b) => String(a.key).localeCompare(String(b.key)));
    case 'member': {
      const names = await named(kysely.selectFrom('team_members').select(['id', 'display_name as name']));
      labelled = keys.map((k) => ({ key: k, label: k === null ? 'Uten registrert deltaker' : (names.get(k as number) ?? '?'), order: [k === null ? 1 : 0] }));
      break;
    }
    case 'case': {
      const codes = await named(kysely.selectFrom('cases').select(['id', 'code as name']));
      labelled = keys.map((k) => ({ key: k, label: k === null ? 'Uten sak (felles arbeid)' : (codes.get(k as number) ?? '?'), order: [k === null ? 1 : 0] }));
      break;
    }
  }
  // Names in Norwegian order; the «without» bucket last.
  return labelled.sort((a, b) => (a.order[0] as number) - (b.order[0] as number) || compareNorwegian(a.label, b.label));
}

const keyId = (key: Key) => JSON.stringify(key);

export interface PivotGridResult {
  table: StatisticsTableDto;
  totalsCounted: boolean;
}

/**
 * One measure over rows × columns, totals on both axes. Cells and any totals that cannot be summed
 * (see `summable`) are read in one read transaction, so all of them come from the same snapshot.
 */
export async function pivotGrid(
  ctx: DbContext,
  spec: GroupSpec & { measure: StatisticMeasure; rows: PivotDimension; columns: PivotColumnDimension; title: string; spansYears: boolean },
): Promise<PivotGridResult> {
  const colDims: PivotDimension[] = spec.columns === 'none' ? [] : [spec.columns];
  const { cells, rowTotals, columnTotals, grand } = await readSnapshot(ctx.db, async (db) => ({
    cells: await groupedValues({ db }, spec, [spec.rows, ...colDims]),
    rowTotals: summable(spec.measure, spec.columns) ? null : await groupedValues({ db }, spec, [spec.rows]),
    columnTotals: summable(spec.measure, spec.rows) || colDims.length === 0 ? null : await groupedValues({ db }, spec, colDims),
    grand: summable(spec.measure, spec.columns) && summable(spec.measure, spec.rows) ? null : await groupedValues({ db }, spec, []),
  }));

  const rowKeys = [...new Map([...cells.values()].map((c) => [keyId(c.keys[0]!), c.keys[0]!])).values()];
  const colKeys = colDims.length === 0 ? [] : [...new Map([...cells.values()].map((c) => [keyId(c.keys[1]!), c.keys[1]!])).values()];
  const rows = await labelKeys(ctx, spec.rows, rowKeys, spec.spansYears);
  const cols = colDims.length === 0 ? [] : await labelKeys(ctx, colDims[0]!, colKeys, spec.spansYears);
  const cellValue = (r: Key, c: Key | undefined) => cells.get(JSON.stringify(c === undefined ? [r] : [r, c]))?.value ?? null;
  const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

  const measureColumn = (key: string, label: string, total: boolean) => ({ key, label, measure: spec.measure, total });
  const tableRows = rows.map((r) => {
    if (colDims.length === 0) return { key: keyId(r.key), label: r.label, values: [cellValue(r.key, undefined)] };
    const values = cols.map((c) => cellValue(r.key, c.key));
    const total = rowTotals ? (rowTotals.get(JSON.stringify([r.key]))?.value ?? null) : sum(values);
    return { key: keyId(r.key), label: r.label, values: [...values, total] };
  });
  const columnTotalValues =
    colDims.length === 0
      ? []
      : cols.map((c, i) => (columnTotals ? (columnTotals.get(JSON.stringify([c.key]))?.value ?? null) : sum(tableRows.map((r) => r.values[i]!))));
  const grandTotal = grand ? ([...grand.values()][0]?.value ?? 0) : sum(tableRows.map((r) => r.values[r.values.length - 1]!));
  const columns =
    colDims.length === 0
      ? [measureColumn('value', MEASURE_LABEL[spec.measure], false)]
      : [...cols.map((c) => measureColumn(keyId(c.key), c.label, false)), measureColumn('total', 'Totalsum', true)];
  return {
    table: {
      title: spec.title,
      rowHeader: DIMENSION_LABEL[spec.rows],
      columns,
      rows: tableRows,
      totalRow: tableRows.length === 0 ? null : [...columnTotalValues, grandTotal],
    },
    totalsCounted: Boolean(rowTotals || columnTotals || grand),
  };
}

/** «Timer per kommune og hendelse, 2020». */
function pivotTitle(query: PivotQuery, periodLabel: string): string {
  const by =
    query.columns === 'none'
      ? DIMENSION_LABEL[query.rows].toLowerCase()
      : `${DIMENSION_LABEL[query.rows].toLowerCase()} og ${DIMENSION_LABEL[query.columns].toLowerCase()}`;
  return `${MEASURE_LABEL[query.measure]} per ${by}, ${periodLabel}`;
}

/** The Statistikk page's pivot: a year or a range, any two dimensions, one measure with its unit. */
export async function pivot(ctx: DbContext, query: PivotQuery): Promise<PivotDto> {
  const { from, to, label } = periodRange(query.period);
  const grid = await pivotGrid(ctx, {
    from,
    to,
    measure: query.measure,
    rows: query.rows,
    columns: query.columns,
    title: pivotTitle(query, label),
    spansYears: from.slice(0, 4) !== to.slice(0, 4),
  });
  return { from, to, query, unit: STATISTIC_UNITS[query.measure], ...grid };
}
