import ExcelJS from 'exceljs';
import { addTableSheet } from '../statistics/xlsxTable';
import type { AnnualReportContent } from './reportContent';

/**
 * One sheet per table, in the order the Word report prints them, then the wide spreadsheet-only ones,
 * each written by the Statistikk page's own table writer.
 */
export async function annualReportXlsx(content: AnnualReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ettervern';
  const tables = [...content.sections.flatMap((s) => s.tables), ...content.spreadsheetOnly];
  if (tables.length === 0) {
    const sheet = workbook.addWorksheet(`Årsrapport ${content.year}`);
    sheet.getCell(1, 1).value = `Ingen registreringer i ${content.year}.`;
  }
  for (const t of tables) addTableSheet(workbook, t.table, t.sheetName);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
