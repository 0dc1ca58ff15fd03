import { z } from '../../validation/zodNorwegian';
import { isoDateSchema, yearSchema } from '../common';
import { mutationChannel, queryChannel } from '../channel';
import type { FileDto } from '../common';
import { CASE_TABLE_KEYS, COST_TABLE_KEYS } from '../../domain/statistics';

export {
  PIVOT_DIMENSIONS,
  PIVOT_MEASURES,
  STATISTIC_UNITS,
  TABLE_UNITS,
  type PivotColumnDimension,
  type PivotDimension,
  type StatisticMeasure,
  type TableMeasure,
} from '../../domain/statistics';
import { PIVOT_DIMENSIONS, PIVOT_MEASURES, STATISTIC_UNITS, type StatisticMeasure, type TableMeasure } from '../../domain/statistics';

export interface PivotFigures {
  minutes: number;
  hours: number;
  personHours: number;
  entries: number;
}

export interface AnnualPivotCell extends PivotFigures {
  municipalityId: number;
  municipality: string;
  categoryId: number;
  category: string;
}

export interface AnnualPivotDto {
  year: number;
  from: string;
  to: string;
  units: typeof STATISTIC_UNITS;
  municipalities: { id: number; name: string }[];
  categories: { id: number; number: number; name: string }[];
  /** Only cells with time logged. */
  cells: AnnualPivotCell[];
  byMunicipality: (PivotFigures & { municipalityId: number; municipality: string })[];
  byCategory: (PivotFigures & { categoryId: number; category: string })[];
  total: PivotFigures;
}

/** A year, or a date range (both ends included). */
export const statisticsPeriodSchema = z.union([
  z.strictObject({ year: yearSchema }),
  z
    .strictObject({ from: isoDateSchema, to: isoDateSchema })
    .refine((p) => p.from <= p.to, { message: 'Fra-datoen må være før eller lik til-datoen', path: ['to'] }),
]);
export type StatisticsPeriod = z.output<typeof statisticsPeriodSchema>;

const pivotLayoutFields = {
  rows: z.enum(PIVOT_DIMENSIONS),
  columns: z.enum([...PIVOT_DIMENSIONS, 'none']),
  measure: z.enum(PIVOT_MEASURES as [StatisticMeasure, ...StatisticMeasure[]]),
};
const distinctAxes: [(q: { rows: string; columns: string }) => boolean, { message: string; path: string[] }] = [
  (q) => q.rows !== q.columns,
  { message: 'Velg ulike inndelinger for rader og kolonner', path: ['columns'] },
];

export const pivotQuerySchema = z.strictObject({ period: statisticsPeriodSchema, ...pivotLayoutFields }).refine(...distinctAxes);
export type PivotQuery = z.output<typeof pivotQuerySchema>;

/**
 * A table as the user sees it and as it goes to Excel: row labels down, columns across, each column
 * naming its unit, totals on both axes. `null` is an empty cell (nothing logged), not a zero.
 */
export type TableValue = number | string | null;

export interface StatisticsTableDto<V extends TableValue = number | null> {
  title: string;
  /** What the rows are, e.g. «Kommune». */
  rowHeader: string;
  columns: { key: string; label: string; measure: TableMeasure; total: boolean }[];
  /** A string is a published label in place of a number: «skjult» under the disclosure-control rule. */
  rows: { key: string; label: string; values: V[] }[];
  /** The «Totalsum» row; totals of distinct cases are counted, not summed. */
  totalRow: V[] | null;
}

export interface PivotDto {
  from: string;
  to: string;
  query: PivotQuery;
  unit: (typeof STATISTIC_UNITS)[StatisticMeasure];
  table: StatisticsTableDto;
  /** Whether the totals could be summed from the cells or had to be counted on their own. */
  totalsCounted: boolean;
}

export const FAMILIAR_TABLE_KEYS = ['followUp', 'driving', 'partners'] as const;
export type FamiliarTableKey = (typeof FAMILIAR_TABLE_KEYS)[number];

/** One of the team's three familiar tables: municipalities down, hours and entries for each category. */
export interface FamiliarTableDto {
  key: FamiliarTableKey;
  title: string;
  categories: { id: number; number: number; name: string }[];
  rows: { municipalityId: number; municipality: string; cells: { hours: number; entries: number }[]; total: { hours: number; entries: number } }[];
  totals: { cells: { hours: number; entries: number }[]; total: { hours: number; entries: number } };
  table: StatisticsTableDto;
}

export interface FamiliarTablesDto {
  from: string;
  to: string;
  tables: FamiliarTableDto[];
}

/**
 * One table of the Statistikk page for a period: the pivot as chosen, one of the familiar tables, a case
 * table, or a cost table (the cost tables are per calendar year: a range gives the year it ends in).
 */
export const exportTableInput = z
  .strictObject({
    period: statisticsPeriodSchema,
    pivot: z
      .strictObject(pivotLayoutFields)
      .refine(...distinctAxes)
      .optional(),
    familiarTable: z.enum(FAMILIAR_TABLE_KEYS).optional(),
    caseTable: z.enum(CASE_TABLE_KEYS).optional(),
    costTable: z.enum(COST_TABLE_KEYS).optional(),
  })
  .refine((input) => [input.pivot, input.familiarTable, input.caseTable, input.costTable].filter((x) => x !== undefined).length === 1, {
    message: 'Velg enten pivottabellen eller én av de faste tabellene, sakstabellene eller kostnadstabellene',
    path: ['pivot'],
  });

/** Hours and entries per municipality, category and day, kept by triggers. */
const dailyTotalsTables = ['time_totals_daily', 'municipalities', 'categories'] as const;

export const statisticsChannels = {
  'statistics:annual': queryChannel<AnnualPivotDto>()(
    z.strictObject({ year: yearSchema }),
    'Timer per kommune og hendelse for et år, med antall registreringer',
    dailyTotalsTables,
  ),
  'statistics:pivot': queryChannel<PivotDto>()(pivotQuerySchema, 'Pivottabell for et år eller en periode, med valgt inndeling og mål', [
    ...dailyTotalsTables,
    // Members and cases as rows or columns are counted from the entries themselves.
    'time_entries',
    'time_entry_participants',
    'team_members',
    'cases',
  ]),
  'statistics:familiar-tables': queryChannel<FamiliarTablesDto>()(
    z.strictObject({ period: statisticsPeriodSchema }),
    'De tre faste tabellene: oppfølging i og etter institusjon, kjøring og samarbeidspartnere per kommune',
    dailyTotalsTables,
  ),
  /** A mutation because it is audited: who took which figures out, and when. Nothing else changes. */
  'statistics:export-table': mutationChannel<FileDto>()(exportTableInput, 'Eksporter en statistikktabell til .xlsx', ['audit_log']),
} as const;
