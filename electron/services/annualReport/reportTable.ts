/**
 * A table of the annual report, as data: the Word writer and the spreadsheet writer print the same
 * object, so the two files cannot disagree. Every figure column names its unit in the heading.
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
}

/**
 * Excel number formats: «,» and «.» in a format code are placeholders that Excel shows with the reader's
 * locale, so Norwegian Excel prints «1 234,5».
 */
export const HOURS_NUMBER_FORMAT = '#,##0.0';
export const COUNT_NUMBER_FORMAT = '#,##0';
export const DECIMAL_NUMBER_FORMAT = '#,##0.0';
export const SHARE_NUMBER_FORMAT = '0.0%';

/** One line of heading, for the spreadsheet: «Kjøring (timer)». */
export function flatHeader(column: ReportColumn): string {
  return column.group ? `${column.group} (${column.header})` : column.header;
}
