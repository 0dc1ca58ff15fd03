import type { PackedRows } from './packedRows';

export type { RawCell, RawCells } from './rawCells';

export interface ParsedSheet {
  name: string;
  hasHeader: boolean;
  rows: PackedRows;
}

export interface ParsedWorkbook {
  sha256: string;
  sheets: ParsedSheet[];
}

export type WorkerRequest = { task: 'parse'; bytes: Uint8Array };

export type WorkerMessage = { type: 'progress'; rowsRead: number } | { type: 'done'; workbook: ParsedWorkbook } | { type: 'refused'; refusal: string };
