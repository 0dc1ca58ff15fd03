import type { ChartDefinition } from '@shared/charts/types';
import type { StatisticsTableDto, TableMeasure, TableValue } from '@shared/contract/statistics/pivot';
import { TABLE_UNITS } from '@shared/contract/statistics/pivot';
import { formatMeasureValue, headingWithUnit } from '@shared/domain/statistics';

/**
 * A table of the annual report: one of the Statistikk page's own tables (same builders, so screen,
 * spreadsheet and paper print the same rows and headings), the sheet it goes to, and what to say under it.
 */
export interface ReportTable {
  table: StatisticsTableDto<TableValue>;
  /** Excel allows 31 characters and no []:*?/\ in a sheet name. */
  sheetName: string;
  /** Printed under the table in the document: how to read it, or why part of it is missing. */
  notes?: string[];
  /**
   * The chart drawn from this table, printed right under it in the document (the spreadsheet has the figures):
   * a landscape table's chart goes onto its landscape page rather than stand alone on an upright one.
   */
  chart?: ChartDefinition;
}

export interface PrintedColumn {
  /** Columns that share a label («Kjøring» in hours and entries) print under one spanning heading. */
  group?: string;
  header: string;
  measure: TableMeasure;
}

/** «Kjøring» over «timer» | «registreringer»; a lone column reads «Henvist (saker)», and «Timer» stays «Timer». */
export function printedColumns(table: StatisticsTableDto<TableValue>): PrintedColumn[] {
  return table.columns.map((c, i, all) => {
    const unit = TABLE_UNITS[c.measure];
    if (all[i - 1]?.label === c.label || all[i + 1]?.label === c.label) return { group: c.label, header: unit, measure: c.measure };
    return { header: c.label.toLowerCase() === unit ? c.label : headingWithUnit(c.label, c.measure), measure: c.measure };
  });
}

/**
 * A figure as printed on paper: the page's Norwegian format with a non-breaking thousands space, so
 * «1 234,5» never breaks in a narrow column. Text (such as «skjult») passes through.
 */
export function printedValue(value: TableValue | undefined, measure: TableMeasure): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return formatMeasureValue(value, measure).replace(/ /g, '\u00a0');
}
