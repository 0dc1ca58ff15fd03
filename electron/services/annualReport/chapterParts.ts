import type { ChartDefinition } from '@shared/charts/types';
import type { TextTable } from './networkLog';
import type { ReportSectionContent, SectionNotice } from './reportContent';
import type { ReportTable } from './reportTable';
import { printsLandscape } from './docxTables';

/** One thing a chapter prints under its text, in the document, the spreadsheet or both. */
export type ChapterPart =
  | { kind: 'notice'; notice: SectionNotice }
  | { kind: 'table'; table: ReportTable; landscape: boolean }
  | { kind: 'textTable'; table: TextTable }
  | { kind: 'chart'; chart: ChartDefinition }
  /** A table too wide for a page: a sheet of the workbook only, at the end of its chapter. */
  | { kind: 'spreadsheetOnly'; table: ReportTable };

/**
 * The one order of a chapter's parts, which the .docx prints and the .xlsx's sheets follow, so a reader
 * finds the sheets in the order of the document's chapters and tables: a notice in place of figures
 * first, then the upright tables, the tables of words and the charts, and last the tables that need a
 * landscape page (a section of their own, which starts a new page: placed before the chapter's upright
 * material they cut it off mid-page and left that page half empty).
 */
export function chapterParts(section: ReportSectionContent): ChapterPart[] {
  const tables = section.tables.map((table) => ({ kind: 'table' as const, table, landscape: printsLandscape(table) }));
  return [
    ...section.notices.map((notice) => ({ kind: 'notice' as const, notice })),
    ...tables.filter((t) => !t.landscape),
    ...section.textTables.map((table) => ({ kind: 'textTable' as const, table })),
    ...section.charts.map((chart) => ({ kind: 'chart' as const, chart })),
    ...tables.filter((t) => t.landscape),
    ...section.spreadsheetOnly.map((table) => ({ kind: 'spreadsheetOnly' as const, table })),
  ];
}
