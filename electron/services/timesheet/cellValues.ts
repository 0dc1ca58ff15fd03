import type { RawCell } from './types';

/**
 * What a SpreadsheetML cell means, whatever read its XML: a cell's type (`t`), style (`s`) and the text
 * of its `<v>` or inline string, turned into the plain value the import checks.
 */
export interface CellContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  maxChars: number;
}

/** Excel has 16,384 columns; a reference past them is a crafted file and is not made into a huge array. */
export const MAX_COLUMNS = 16_384;
const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 system is 30.12.1899 (Excel's phantom 29.02.1900 included); 1904 is four years on. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A sheet has a few hundred distinct dates in 100,000 rows: each serial is turned into a day once. */
const dayMemo = new Map<number, { date: string } | null>();

/** A date serial as the ISO day it shows (a time of day is dropped), or null when it is no real date. */
function serialDate(serial: number, date1904: boolean): { date: string } | null {
  const key = date1904 ? -serial - 1 : serial;
  const known = dayMemo.get(key);
  if (known !== undefined) return known;
  const day = daysFromSerial(serial, date1904);
  if (dayMemo.size < 10_000) dayMemo.set(key, day);
  return day;
}

function daysFromSerial(serial: number, date1904: boolean): { date: string } | null {
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * MS_PER_DAY);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : { date: date.toISOString().slice(0, 10) };
}

/** Column number (A = 1) from a cell reference such as «AB12»; 0 when there is none. */
export function columnOf(ref: string | null | undefined): number {
  if (!ref) return 0;
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** The raw parts of one cell, XML entities already resolved. */
export interface CellText {
  type: string | null;
  style: string | null;
  /** The text of the first `<v>`, or null when there is none. */
  value: string | null;
  /** The runs of an inline string (`<is>`), or null when there is none. */
  inline: string | null;
}

/** One cell as the plain value the import checks: formulas give their cached result, date-styled numbers a date. */
export function cellValue(cell: CellText, ctx: CellContext): RawCell {
  if (cell.type === 'inlineStr') return cell.inline === null ? null : cell.inline.slice(0, ctx.maxChars);
  const v = cell.value;
  if (v === null) return null;
  switch (cell.type) {
    case 's': {
      const text = ctx.sharedStrings[Number(v)];
      return text === undefined ? null : text;
    }
    case 'str':
      return v.slice(0, ctx.maxChars);
    case 'b':
      return v === '1' || v === 'true';
    case 'e':
      return { error: v.slice(0, 20) };
    case 'd': {
      const date = new Date(v);
      return Number.isNaN(date.getTime()) ? null : { date: date.toISOString().slice(0, 10) };
    }
    default: {
      const number = Number(v);
      if (v.trim() === '' || !Number.isFinite(number)) return null;
      return ctx.dateStyles[Number(cell.style ?? 0)] ? serialDate(number, ctx.date1904) : number;
    }
  }
}

/** Excel's built-in number formats that show a date. */
export const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** A format code shows a date when it has d, m, y or h outside quoted text, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Where a worksheet relationship's target lives in the zip (relative to xl/, or absolute from the root). */
export function sheetPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}
