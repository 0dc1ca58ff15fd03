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

/** One line of 11 pt Calibri, with the row's padding. */
const HEADER_LINE_POINTS = 15;

/**
 * How many lines `text` wraps to in a column `width` characters wide (Excel's unit: the width of a digit),
 * words kept whole. Bold letters are wider than digits, so a line holds somewhat fewer.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width * 0.85));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= room || used === 0) used = needed;
    else {
      lines++;
      used = word.length;
    }
    // A word longer than the line breaks where it must.
    while (used > room) {
      lines++;
      used -= room;
    }
  }
  return lines;
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
  // Tall enough for the wrapped headings: LibreOffice keeps a row's stored height, and a heading of three
  // lines in a row of one ran up over the title.
  const lines = (header.values as unknown[]).slice(1).map((v, i) => wrappedLines(String(v ?? ''), sheet.getColumn(i + 1).width ?? 12));
  header.height = HEADER_LINE_POINTS * Math.max(1, ...lines);
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
