import ExcelJS from 'exceljs';
import { COUNT_NUMBER_FORMAT, DECIMAL_NUMBER_FORMAT, HOURS_NUMBER_FORMAT, SHARE_NUMBER_FORMAT, flatHeader, type ReportColumnFormat, type ReportTable } from './reportTable';
import type { AnnualReportContent } from './reportContent';

const NUMBER_FORMAT: Record<ReportColumnFormat, string | undefined> = {
  label: undefined,
  hours: HOURS_NUMBER_FORMAT,
  count: COUNT_NUMBER_FORMAT,
  decimal: DECIMAL_NUMBER_FORMAT,
  share: SHARE_NUMBER_FORMAT,
};

/** Excel refuses []:*?/\ and names over 31 characters, and two sheets of the same name. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/gu, ' ').slice(0, 31).trim() || 'Tabell';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Title in row 1, headings with their units in row 2 (frozen with the label column), figures below. */
function addTableSheet(workbook: ExcelJS.Workbook, table: ReportTable, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  sheet.getCell(1, 1).value = table.title;
  sheet.getRow(1).font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  table.columns.forEach((c, i) => {
    header.getCell(i + 1).value = flatHeader(c);
    sheet.getColumn(i + 1).width = Math.max(12, Math.min(40, flatHeader(c).length + 2));
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'bottom' };
  const write = (values: ReportTable['rows'][number], bold: boolean) => {
    const row = sheet.addRow(values.map((v) => v));
    table.columns.forEach((c, i) => {
      const format = NUMBER_FORMAT[c.format];
      if (format && typeof values[i] === 'number') row.getCell(i + 1).numFmt = format;
      if (c.format !== 'label') row.getCell(i + 1).alignment = { horizontal: 'right' };
    });
    if (bold) row.font = { bold: true };
  };
  for (const values of table.rows) write(values, false);
  if (table.total) write(table.total, true);
  if (table.notes?.length) {
    sheet.addRow([]);
    for (const note of table.notes) sheet.addRow([note]).font = { italic: true };
  }
}

/** One sheet per table, in the order the Word report prints them, then the wide spreadsheet-only ones. */
export async function annualReportXlsx(content: AnnualReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ettervern';
  const taken = new Set<string>();
  const tables = [...content.sections.flatMap((s) => s.tables), ...content.spreadsheetOnly];
  if (tables.length === 0) {
    const sheet = workbook.addWorksheet(sheetName(`Årsrapport ${content.year}`, taken));
    sheet.getCell(1, 1).value = `Ingen registreringer i ${content.year}.`;
  }
  for (const table of tables) addTableSheet(workbook, table, sheetName(table.sheetName, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
