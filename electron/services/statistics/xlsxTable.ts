import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../lazy/heavyModules';
import type { FileDto, StatisticsTableDto, TableValue } from '@shared/contract';
import { headingWithUnit, measureDecimals } from '@shared/domain/statistics';
import { XLSX_MIME } from '../timesheet/sheetFiles';

/** Excel shows `#,##0.0` with the reader's own separators: «1 234,5» in a Norwegian Excel. */
export const NUMBER_FORMATS = { 0: '#,##0', 1: '#,##0.0' } as const;

/**
 * A cell font that changes only bold or size must still name the workbook's font: without a name Excel
 * and LibreOffice each pick their own (LibreOffice a wider serif, which broke heading words mid-word).
 */
export const SHEET_FONT = { name: 'Calibri', family: 2, size: 11 } as const;

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(title: string, taken: ReadonlySet<string> = new Set()): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 31) || 'Tabell';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return name;
}

/**
 * One statistics table on its own sheet: the title in A1, the header row (units in every heading)
 * frozen with the row labels beside it, totals in bold, figures as numbers with Norwegian formats.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, table: StatisticsTableDto<TableValue>, name?: string): ExcelJS.Worksheet {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  const sheet = workbook.addWorksheet(sheetName(name ?? table.title, taken), { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { ...SHEET_FONT, bold: true, size: 13 };

  const header = sheet.getRow(2);
  header.values = [table.rowHeader, ...table.columns.map((c) => headingWithUnit(c.label, c.measure))];
  header.font = { ...SHEET_FONT, bold: true };
  header.alignment = { wrapText: true, vertical: 'bottom' };

  const bodyRows = [
    ...table.rows.map((r) => ({ label: r.label, values: r.values, total: false })),
    ...(table.totalRow ? [{ label: 'Totalsum', values: table.totalRow, total: true }] : []),
  ];
  bodyRows.forEach((r, index) => {
    const row = sheet.getRow(3 + index);
    row.getCell(1).value = r.label;
    if (r.total) row.getCell(1).font = { ...SHEET_FONT, bold: true };
    r.values.forEach((value, i) => {
      const column = table.columns[i]!;
      const cell = row.getCell(i + 2);
      cell.value = value;
      cell.numFmt = NUMBER_FORMATS[measureDecimals(column.measure)];
      // Totals are bold, the «Totalsum» column all the way down as on screen.
      if (r.total || column.total) cell.font = { ...SHEET_FONT, bold: true };
    });
  });
  table.columns.forEach((c, index) => {
    sheet.getColumn(index + 2).width = Math.max(12, Math.min(30, headingWithUnit(c.label, c.measure).length * 0.6 + 4));
  });
  sheet.getColumn(1).width = Math.max(14, ...bodyRows.map((r) => r.label.length + 2));
  return sheet;
}

/** A workbook of one or more tables, one sheet each, as a file for the renderer to save. */
export async function tablesWorkbookFile(fileName: string, tables: { table: StatisticsTableDto<TableValue>; sheetName?: string }[]): Promise<FileDto> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Ettervern';
  for (const t of tables) addTableSheet(workbook, t.table, t.sheetName);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName, mimeType: XLSX_MIME, contentBase64: buffer.toString('base64') };
}

/** A file name without the characters Windows refuses. */
export function safeFileName(name: string): string {
  return name
    .replace(/[<>:"/\\|?*]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
