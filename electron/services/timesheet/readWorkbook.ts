import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FileRefusedError } from './fileErrors';
import { IMPORT_HEADERS, READ_LIMITS } from './limits';
import { RowPacker } from './packedRows';
import type { ParsedSheet, ParsedWorkbook, RawCell, RawCells } from './types';
import { inspectZip } from './zipGuard';

type CellValue = unknown;

const foldText = (text: string) => text.replace(/\s+/gu, '').toLocaleLowerCase('nb');

/**
 * Every row is checked for a repeated heading, so every text cell is folded: locale lower-casing was a
 * tenth of the read. A sheet repeats a few texts, so each is folded once; the memo is capped (it holds
 * file content, and a hostile file has a million different texts) and skips long texts.
 */
const foldedMemo = new Map<string, string>();
function folded(text: string): string {
  const known = foldedMemo.get(text);
  if (known !== undefined) return known;
  const result = foldText(text);
  if (text.length <= 64 && foldedMemo.size < 1_000) foldedMemo.set(text, result);
  return result;
}

function isoFromUtcDate(date: Date): { date: string } | null {
  if (Number.isNaN(date.getTime())) return null;
  // exceljs turns a date serial into a UTC instant; a date-only cell is midnight UTC on that day.
  const iso = date.toISOString().slice(0, 10);
  return { date: iso };
}

/** exceljs's many cell shapes, reduced to plain values. Formulas give their cached result. */
export function plainCell(value: CellValue, maxChars = READ_LIMITS.maxCellChars): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.slice(0, maxChars);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return isoFromUtcDate(value);
  if (typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if ('formula' in record || 'sharedFormula' in record) return plainCell(record.result, maxChars);
  if (Array.isArray(record.richText)) {
    return record.richText
      .map((part) => (typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : ''))
      .join('')
      .slice(0, maxChars);
  }
  if (typeof record.text === 'string') return record.text.slice(0, maxChars);
  if (typeof record.error === 'string') return { error: record.error.slice(0, 20) };
  return null;
}

/** Column index per heading, when all five are in the row. A Map: headings come from the file. */
function headerColumns(values: readonly CellValue[]): number[] | null {
  const found = new Map<string, number>();
  values.forEach((value, index) => {
    if (typeof value !== 'string') return;
    const key = folded(value);
    if ((IMPORT_HEADERS as readonly string[]).includes(key) && !found.has(key)) found.set(key, index);
  });
  if (found.size !== IMPORT_HEADERS.length) return null;
  return IMPORT_HEADERS.map((h) => found.get(h)!);
}

const isBlank = (cell: RawCell) => cell === null || (typeof cell === 'string' && cell.trim() === '');

export interface ReadOptions {
  onProgress?: (rowsRead: number) => void;
}

/**
 * Reads every sheet of an .xlsx: finds the heading row in the first rows, then keeps the five known
 * columns of each non-empty row below it. Streams the workbook (exceljs's WorkbookReader), so memory
 * follows the rows kept, not the XML. The zip is inspected first: nothing is parsed from a zip bomb.
 */
export async function readWorkbook(buffer: Buffer, options: ReadOptions = {}): Promise<ParsedWorkbook> {
  await inspectZip(buffer);
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const sheets: ParsedSheet[] = [];
  let rowsRead = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      const name = String((worksheet as { name?: unknown }).name ?? `Ark ${sheets.length + 1}`).slice(0, 100);
      const packer = new RowPacker();
      let hasHeader = false;
      let columns: number[] | null = null;
      for await (const row of worksheet) {
        const values = (row.values ?? []) as CellValue[];
        if (!columns) {
          if (row.number > READ_LIMITS.headerSearchRows) continue;
          columns = headerColumns(values);
          hasHeader = columns !== null;
          continue;
        }
        // A heading row repeated further down (sheets pasted together) is not data.
        if (headerColumns(values)) continue;
        const cells = columns.map((index) => plainCell(values[index])) as RawCells;
        if (cells.every(isBlank)) continue;
        rowsRead += 1;
        if (rowsRead > READ_LIMITS.maxRows) throw new FileRefusedError('too_many_rows');
        if (rowsRead % 5_000 === 0) options.onProgress?.(rowsRead);
        packer.add(row.number, cells);
      }
      sheets.push({ name, hasHeader, rows: packer.finish() } satisfies ParsedSheet);
    }
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw new FileRefusedError('unreadable');
  }
  if (!sheets.some((s) => s.hasHeader)) throw new FileRefusedError('no_header');
  options.onProgress?.(rowsRead);
  return { sha256, sheets };
}
