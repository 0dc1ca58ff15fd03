import type { RawCell, RawCells } from './rawCells';

/**
 * The kept rows of one sheet as a few flat arrays instead of one object per row: 100,000 row objects
 * cost the worker seconds to structured-clone and the main thread tens of megabytes to hold, while
 * typed arrays are transferred without copying. Texts are stored once each (a sheet repeats a handful
 * of case codes, municipalities and categories) and referred to by index.
 */
export interface PackedRows {
  count: number;
  /** Row number as Excel shows it, per row. */
  rowNumbers: Int32Array;
  /** CELLS_PER_ROW kinds per row (see Kind). */
  kinds: Uint8Array;
  /** Per cell: the number, 0/1 for a boolean, or the index into `texts` for text, date and error. */
  values: Float64Array;
  texts: string[];
}

export const CELLS_PER_ROW = 5;

const enum Kind {
  Empty = 0,
  Text = 1,
  Number = 2,
  Boolean = 3,
  Date = 4,
  Error = 5,
}

export class RowPacker {
  private count = 0;
  private rowNumbers = new Int32Array(1_024);
  private kinds = new Uint8Array(1_024 * CELLS_PER_ROW);
  private values = new Float64Array(1_024 * CELLS_PER_ROW);
  private readonly texts: string[] = [];
  /** A Map: the texts come from the file and must never become object keys. */
  private readonly textIndex = new Map<string, number>();

  add(rowNumber: number, cells: RawCells): void {
    if (this.count === this.rowNumbers.length) this.grow();
    const base = this.count * CELLS_PER_ROW;
    for (let c = 0; c < CELLS_PER_ROW; c++) {
      const [kind, value] = this.encode(cells[c]!);
      this.kinds[base + c] = kind;
      this.values[base + c] = value;
    }
    this.rowNumbers[this.count] = rowNumber;
    this.count += 1;
  }

  /** Exact-length copies, so the arrays transferred to the main thread carry no unused capacity. */
  finish(): PackedRows {
    const n = this.count;
    return {
      count: n,
      rowNumbers: this.rowNumbers.slice(0, n),
      kinds: this.kinds.slice(0, n * CELLS_PER_ROW),
      values: this.values.slice(0, n * CELLS_PER_ROW),
      texts: this.texts,
    };
  }

  private encode(cell: RawCell): [Kind, number] {
    if (cell === null) return [Kind.Empty, 0];
    if (typeof cell === 'string') return [Kind.Text, this.text(cell)];
    if (typeof cell === 'number') return [Kind.Number, cell];
    if (typeof cell === 'boolean') return [Kind.Boolean, cell ? 1 : 0];
    return 'date' in cell ? [Kind.Date, this.text(cell.date)] : [Kind.Error, this.text(cell.error)];
  }

  private text(value: string): number {
    let index = this.textIndex.get(value);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(value);
      this.textIndex.set(value, index);
    }
    return index;
  }

  private grow(): void {
    const rowNumbers = new Int32Array(this.rowNumbers.length * 2);
    rowNumbers.set(this.rowNumbers);
    const kinds = new Uint8Array(rowNumbers.length * CELLS_PER_ROW);
    kinds.set(this.kinds);
    const values = new Float64Array(rowNumbers.length * CELLS_PER_ROW);
    values.set(this.values);
    this.rowNumbers = rowNumbers;
    this.kinds = kinds;
    this.values = values;
  }
}

function decode(rows: PackedRows, at: number): RawCell {
  const value = rows.values[at]!;
  switch (rows.kinds[at] as Kind) {
    case Kind.Text:
      return rows.texts[value]!;
    case Kind.Number:
      return value;
    case Kind.Boolean:
      return value === 1;
    case Kind.Date:
      return { date: rows.texts[value]! };
    case Kind.Error:
      return { error: rows.texts[value]! };
    default:
      return null;
  }
}

/** The five cells of the row at `index`, as the reader produced them. */
export function cellsAt(rows: PackedRows, index: number): RawCells {
  const base = index * CELLS_PER_ROW;
  return [decode(rows, base), decode(rows, base + 1), decode(rows, base + 2), decode(rows, base + 3), decode(rows, base + 4)];
}

/** The typed arrays' buffers, to move to the receiving thread instead of copying them. */
export function transferables(rows: PackedRows): ArrayBuffer[] {
  return [rows.rowNumbers.buffer as ArrayBuffer, rows.kinds.buffer as ArrayBuffer, rows.values.buffer as ArrayBuffer];
}
