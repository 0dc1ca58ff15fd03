/**
 * What the worker hands back: the five known columns of each data row, as plain values. Nothing else
 * from the file (other columns, styles, names of things) leaves the worker, and nothing from the file
 * is ever used as an object key.
 */
export type RawCell = string | number | boolean | { date: string } | { error: string } | null;

/** Sak, Dato, Kommune, Hendelse, Tidsbruk — in that order, whatever the order in the sheet. */
export type RawCells = [RawCell, RawCell, RawCell, RawCell, RawCell];
