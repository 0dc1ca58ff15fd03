import { createHash } from 'node:crypto';
import { FileRefusedError } from './fileErrors';
import { IMPORT_HEADERS, READ_LIMITS } from './limits';
import { RowPacker } from './packedRows';
import type { CellContext } from './cellValues';
import { scannerReader } from './scannerReader';
import type { ParsedSheet, ParsedWorkbook, RawCell, RawCells } from './types';
import type { WorkbookXmlReader } from './xmlReader';
import { inspectZip } from './zipGuard';

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

/**
 * Column index per heading, when all five are in the row (the first of a heading written twice). Asked of
 * every row, so a row without a heading (every data row) allocates nothing: a Map per row was a tenth of
 * the read. Headings are matched by position in IMPORT_HEADERS, never as keys: they come from the file.
 */
function headerColumns(values: readonly RawCell[]): number[] | null {
  let columns: number[] | null = null;
  let found = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== 'string') continue;
    const heading = (IMPORT_HEADERS as readonly string[]).indexOf(folded(value));
    if (heading < 0) continue;
    columns ??= IMPORT_HEADERS.map(() => -1);
    if (columns[heading] !== -1) continue;
    columns[heading] = index;
    found += 1;
  }
  return found === IMPORT_HEADERS.length ? columns : null;
}

const isBlank = (cell: RawCell) => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** The parts the reader needs; everything else in the zip is counted by the guard and dropped. */
const NEEDED_PART = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;

const EMPTY = Buffer.alloc(0);

export interface ReadOptions {
  onProgress?: (rowsRead: number) => void;
  /** Which XML reader reads the parts (the benchmark compares them side by side). */
  reader?: WorkbookXmlReader;
}

/**
 * Reads every sheet of an .xlsx: finds the heading row in the first rows, then keeps the five known
 * columns of each non-empty row below it. The zip guard is the only reader of the zip: it inflates each
 * entry once through the central directory, counting bytes and refusing bombs and mismatched headers,
 * and hands over the parts read here. Nothing is written to disk. The sheet XML is scanned directly
 * (SpreadsheetML rows are flat): a general XML parser building an object per cell cost most of the time.
 */
export async function readWorkbook(buffer: Buffer, options: ReadOptions = {}): Promise<ParsedWorkbook> {
  const parts = await inspectZip(buffer, READ_LIMITS, 'xl/workbook.xml', (name) => NEEDED_PART.test(name));
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const reader = options.reader ?? scannerReader;
  const sheets: ParsedSheet[] = [];
  let rowsRead = 0;
  try {
    const workbookXml = parts.get('xl/workbook.xml') ?? EMPTY;
    const ctx: CellContext = {
      sharedStrings: reader.sharedStrings(parts.get('xl/sharedStrings.xml') ?? EMPTY, READ_LIMITS.maxCellChars),
      dateStyles: reader.dateStyles(parts.get('xl/styles.xml') ?? EMPTY),
      date1904: reader.uses1904(workbookXml),
      maxChars: READ_LIMITS.maxCellChars,
    };
    for (const part of reader.sheetParts(workbookXml, parts.get('xl/_rels/workbook.xml.rels') ?? EMPTY)) {
      const xml = parts.get(part.path);
      if (!xml) continue;
      // Each sheet's XML is dropped once read, so only one is held as text at a time.
      parts.delete(part.path);
      const packer = new RowPacker();
      let columns: number[] | null = null;
      reader.forEachSheetRow(xml, ctx, (rowNumber, values) => {
        if (!columns) {
          if (rowNumber <= READ_LIMITS.headerSearchRows) columns = headerColumns(values);
          return;
        }
        // A heading row repeated further down (sheets pasted together) is not data.
        if (headerColumns(values)) return;
        const cells = columns.map((index) => values[index] ?? null) as RawCells;
        if (cells.every(isBlank)) return;
        rowsRead += 1;
        if (rowsRead > READ_LIMITS.maxRows) throw new FileRefusedError('too_many_rows');
        if (rowsRead % 5_000 === 0) options.onProgress?.(rowsRead);
        packer.add(rowNumber, cells);
      });
      sheets.push({ name: part.name.slice(0, 100), hasHeader: columns !== null, rows: packer.finish() } satisfies ParsedSheet);
    }
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw new FileRefusedError('unreadable');
  }
  if (!sheets.some((s) => s.hasHeader)) throw new FileRefusedError('no_header');
  options.onProgress?.(rowsRead);
  return { sha256, sheets };
}
