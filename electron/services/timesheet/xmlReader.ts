import type { CellContext } from './cellValues';
import type { RawCell } from './types';

export interface SheetPart {
  name: string;
  /** The part's name in the zip, e.g. xl/worksheets/sheet1.xml. */
  path: string;
}

/**
 * What the import needs from a workbook's XML parts, whichever parser reads them. Every part is a
 * buffer the zip guard inflated and checked; a missing part is an empty buffer.
 */
export interface WorkbookXmlReader {
  /** The worksheets in the workbook's own order, each with the zip part that holds it. */
  sheetParts(workbookXml: Buffer, relsXml: Buffer): SheetPart[];
  /** Whether dates count from 1904 (old Mac workbooks) instead of 1900. */
  uses1904(workbookXml: Buffer): boolean;
  /** Per cell style index (`s` on a cell): whether numbers in it are dates. */
  dateStyles(stylesXml: Buffer): boolean[];
  /** Every shared string, cut to `maxChars` (the file may hold megabytes in one). */
  sharedStrings(xml: Buffer, maxChars: number): string[];
  /**
   * Calls `visit` with each row of a worksheet: its number as Excel shows it and its cells by column
   * (index 1 is column A; gaps are holes). Rows and cells without a reference follow the one before.
   */
  forEachSheetRow(xml: Buffer, ctx: CellContext, visit: (rowNumber: number, values: RawCell[]) => void): void;
}
