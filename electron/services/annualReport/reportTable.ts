import { STATISTIC_UNITS, type StatisticMeasure, type StatisticsTableDto } from '../../../shared/contract/statistics';
import { headingWithUnit, measureDecimals } from '../../../shared/domain/statistics';

/**
 * A table of the annual report, as data: the Word writer prints it, and the spreadsheet gets the same
 * figures. Every figure column names its unit in the heading. Most tables are the statistics page's own
 * `StatisticsTableDto` (see `fromStatisticsTable`); the case, lasting-change and cost tables add what that
 * shape has no room for: «færre enn 5» in place of a number, percentages, weeks.
 */
/** `share` is a fraction 0–1, printed as a percentage. */
export type ReportColumnFormat = 'label' | 'hours' | 'count' | 'decimal' | 'share';

export interface ReportColumn {
  /** Columns that share a group («Kjøring») are printed under one spanning heading, each with its unit. */
  group?: string;
  header: string;
  format: ReportColumnFormat;
}

/** A number, a text (for example «færre enn 5»), or nothing (an empty cell). */
export type ReportValue = string | number | null;

export interface ReportTable {
  title: string;
  /** Excel allows 31 characters and no []:*?/\ in a sheet name. */
  sheetName: string;
  columns: ReportColumn[];
  rows: ReportValue[][];
  /** «Totalsum» row, printed bold. */
  total: ReportValue[] | null;
  /** Printed under the table: how to read it, or why part of it is missing. */
  notes?: string[];
  /** The statistics page's table behind it, when there is one: the spreadsheet then writes that, as the page's export does. */
  source?: StatisticsTableDto;
}

/**
 * Excel number formats for the columns the statistics table shape cannot express: «,» and «.» in a format
 * code are placeholders Excel shows with the reader's locale, so Norwegian Excel prints «1 234,5».
 */
export const DECIMAL_NUMBER_FORMAT = '#,##0.0';
export const COUNT_NUMBER_FORMAT = '#,##0';
export const SHARE_NUMBER_FORMAT = '0.0%';

/** One line of heading, for the spreadsheet: «Kjøring (timer)». */
export function flatHeader(column: ReportColumn): string {
  return column.group ? `${column.group} (${column.header})` : column.header;
}

function formatOf(measure: StatisticMeasure): ReportColumnFormat {
  return measureDecimals(measure) === 1 ? 'hours' : 'count';
}

/**
 * A statistics-page table for the document: a label used by two neighbouring columns (hours and entries
 * of «Kjøring») becomes a spanning heading over their units; a lone column gets «Label (unit)».
 */
export function fromStatisticsTable(table: StatisticsTableDto, options: { title: string; sheetName: string; notes?: string[] }): ReportTable {
  const columns: ReportColumn[] = table.columns.map((c, i, all) => {
    const paired = all[i - 1]?.label === c.label || all[i + 1]?.label === c.label;
    return paired
      ? { group: c.label, header: STATISTIC_UNITS[c.measure], format: formatOf(c.measure) }
      : // «Timer» needs no «(timer)»; «Kjøring» does.
        { header: c.label.toLowerCase() === STATISTIC_UNITS[c.measure] ? c.label : headingWithUnit(c.label, c.measure), format: formatOf(c.measure) };
  });
  return {
    title: options.title,
    sheetName: options.sheetName,
    columns: [{ header: table.rowHeader, format: 'label' }, ...columns],
    rows: table.rows.map((r) => [r.label, ...r.values]),
    total: table.totalRow ? ['Totalsum', ...table.totalRow] : null,
    notes: options.notes,
    source: { ...table, title: options.title },
  };
}
