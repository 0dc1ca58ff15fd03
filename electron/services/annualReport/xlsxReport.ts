import ExcelJS from 'exceljs';
import { addTableSheet, sheetName } from '../statistics/xlsxTable';
import { COUNT_NUMBER_FORMAT, DECIMAL_NUMBER_FORMAT, flatHeader, SHARE_NUMBER_FORMAT, type ReportColumnFormat, type ReportTable } from './reportTable';
import type { AnnualReportContent } from './reportContent';

const NUMBER_FORMAT: Record<ReportColumnFormat, string | undefined> = {
  label: undefined,
  hours: DECIMAL_NUMBER_FORMAT,
  count: COUNT_NUMBER_FORMAT,
  decimal: DECIMAL_NUMBER_FORMAT,
  share: SHARE_NUMBER_FORMAT,
};

/**
 * The tables the statistics page's writer cannot hold (texts such as «færre enn 5», percentages), laid
 * out as that writer lays out its own: title in row 1, headings with units in row 2, both frozen with
 * the label column.
 */
function addMixedTableSheet(workbook: ExcelJS.Workbook, table: ReportTable): void {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  const sheet = workbook.addWorksheet(sheetName(table.sheetName, taken), { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  header.values = table.columns.map(flatHeader);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'bottom' };
  table.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(12, Math.min(30, flatHeader(c).length * 0.6 + 4))));
  const write = (values: ReportTable['rows'][number], bold: boolean) => {
    const row = sheet.addRow(values);
    table.columns.forEach((c, i) => {
      const format = NUMBER_FORMAT[c.format];
      if (format && typeof values[i] === 'number') row.getCell(i + 1).numFmt = format;
      if (c.format !== 'label') row.getCell(i + 1).alignment = { horizontal: 'right' };
    });
    if (bold) row.font = { bold: true };
  };
  for (const values of table.rows) write(values, false);
  if (table.total) write(table.total, true);
  for (const note of table.notes ?? []) sheet.addRow([note]).font = { italic: true };
}

/** One sheet per table, in the order the Word report prints them, then the wide spreadsheet-only ones. */
export async function annualReportXlsx(content: AnnualReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ettervern';
  const tables = [...content.sections.flatMap((s) => s.tables), ...content.spreadsheetOnly];
  if (tables.length === 0) {
    const sheet = workbook.addWorksheet(`Årsrapport ${content.year}`);
    sheet.getCell(1, 1).value = `Ingen registreringer i ${content.year}.`;
  }
  for (const table of tables) {
    if (table.source) addTableSheet(workbook, table.source, table.sheetName);
    else addMixedTableSheet(workbook, table);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
