import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../lazy/heavyModules';
import type { StatisticsTableDto, TableValue } from '@shared/contract';
import { TABLE_UNITS } from '@shared/domain/statistics';
import { addTableSheet, SHEET_FONT, sheetName } from '../statistics/xlsxTable';
import type { TextTable } from './networkLog';
import type { AnnualReportContent, SectionNotice } from './reportContent';
import { printedColumns, type ReportTable } from './reportTable';
import { chapterParts } from './chapterParts';

/** Said under every table that shows a hidden cell, so a sheet printed on its own still explains it. */
export const HIDDEN_CELL_NOTE = '«færre enn 5» (eller en tom celle der tallet er skjult): tallet vises ikke, fordi så små tall kan peke ut enkeltpersoner.';

/**
 * For print: A4, one page wide (as many pages tall as it takes), the title and header rows and the label
 * column repeated on every page, so a printed page is never a block of numbers without row labels.
 */
function forPrint(sheet: ExcelJS.Worksheet, columns: number, headerRows: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: columns > 6 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${headerRows}`,
    printTitlesColumn: 'A:A',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** The unit once: «Timer», not «Timer (timer)»; «Kjøring (timer)» where the label does not say it. */
function headerTexts(table: StatisticsTableDto<TableValue>): string[] {
  return printedColumns(table).map((c) => (c.group ? `${c.group} (${TABLE_UNITS[c.measure]})` : c.header));
}

function writeNotes(sheet: ExcelJS.Worksheet, notes: readonly string[]): void {
  let at = sheet.rowCount + 2;
  for (const text of notes) {
    const cell = sheet.getCell(at++, 1);
    cell.value = text;
    cell.font = { ...SHEET_FONT, italic: true, color: { argb: 'FF595959' } };
  }
}

function hasHiddenCells(table: StatisticsTableDto<TableValue>): boolean {
  return [...table.rows.map((r) => r.values), table.totalRow ?? []].some((values) => values.some((v) => typeof v === 'string'));
}

function addTextSheet(workbook: ExcelJS.Workbook, table: TextTable): void {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  const sheet = workbook.addWorksheet(sheetName(table.sheetName, taken), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { ...SHEET_FONT, bold: true, size: 13 };
  sheet.getRow(2).values = table.header;
  sheet.getRow(2).font = { ...SHEET_FONT, bold: true };
  table.rows.forEach((r, i) => (sheet.getRow(3 + i).values = r));
  table.header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(h.length + 2, ...table.rows.map((r) => Math.min(60, (r[i] ?? '').length + 2)))));
  writeNotes(sheet, table.notes ?? []);
  forPrint(sheet, table.header.length, 2);
}

/** A chapter's sentence in place of all-zero figures, on a sheet of its own so the workbook says it too. */
function addNoticeSheet(workbook: ExcelJS.Workbook, title: string, notice: SectionNotice): void {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  const sheet = workbook.addWorksheet(sheetName(notice.sheetName, taken));
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { ...SHEET_FONT, bold: true, size: 13 };
  sheet.getCell(3, 1).value = notice.text;
  sheet.getColumn(1).width = 100;
  forPrint(sheet, 1, 1);
}

/** A figure table's sheet, written by the Statistikk page's own table writer, then set up for print with its notes. */
function addReportTableSheet(workbook: ExcelJS.Workbook, t: ReportTable): void {
  const sheet = addTableSheet(workbook, t.table, t.sheetName);
  sheet.getRow(2).values = [t.table.rowHeader, ...headerTexts(t.table)];
  writeNotes(sheet, [...(t.notes ?? []), ...(hasHiddenCells(t.table) ? [HIDDEN_CELL_NOTE] : [])]);
  forPrint(sheet, t.table.columns.length + 1, 2);
}

/**
 * One sheet per table, table of words and notice, in the order the Word report prints them (chapterParts),
 * a chapter's spreadsheet-only tables at its end.
 */
export async function annualReportXlsx(content: AnnualReportContent): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Ettervern';
  workbook.title = `Årsrapport ${content.year}`;
  for (const section of content.sections) {
    for (const part of chapterParts(section)) {
      if (part.kind === 'table' || part.kind === 'spreadsheetOnly') addReportTableSheet(workbook, part.table);
      else if (part.kind === 'textTable') addTextSheet(workbook, part.table);
      else if (part.kind === 'notice') addNoticeSheet(workbook, section.heading, part.notice);
    }
  }
  if (workbook.worksheets.length === 0) {
    const sheet = workbook.addWorksheet(`Årsrapport ${content.year}`);
    sheet.getCell(1, 1).value = `Ingen registreringer i ${content.year}.`;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
