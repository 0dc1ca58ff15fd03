import { PassThrough } from 'node:stream';
import { loadExcelJs } from '../lazy/heavyModules';
import type { FileDto } from '@shared/contract/common';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';

export type SheetValue = string | number | Date | null;

export interface SheetSpec {
  name: string;
  columns: { header: string; width: number; numFmt?: string }[];
  rows: Iterable<SheetValue[]>;
}

/**
 * Writes an .xlsx with exceljs's streaming writer, row by row, so a long export never holds a whole
 * workbook model in memory. Strings are written as string cells, so Excel never runs them as formulas.
 */
export async function writeXlsx(fileName: string, sheet: SheetSpec): Promise<FileDto> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.columns = sheet.columns.map((c, i) => ({ key: String(i), header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  worksheet.getRow(1).font = { bold: true };
  for (const values of sheet.rows) worksheet.addRow(values).commit();
  worksheet.commit();
  await workbook.commit();
  return { fileName, mimeType: XLSX_MIME, contentBase64: Buffer.concat(chunks).toString('base64') };
}
