/**
 * A table of the annual report, as data: the Word writer and the spreadsheet writer print the same
 * object, so the two files cannot disagree. Every figure column names its unit in the heading.
 */
export type ReportColumnFormat = 'label' | 'hours' | 'count';

export interface ReportColumn {
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
}

/**
 * Excel number formats: «,» and «.» in a format code are placeholders that Excel shows with the reader's
 * locale, so Norwegian Excel prints «1 234,5».
 */
export const HOURS_NUMBER_FORMAT = '#,##0.0';
export const COUNT_NUMBER_FORMAT = '#,##0';
