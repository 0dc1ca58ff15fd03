import type { RawCell } from './types';
import { attribute, forEachElement, runText, unescapeXml } from './xmlText';

export interface CellContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  maxChars: number;
}

const MAX_COLUMNS = 16_384;
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
function columnOf(ref: string | null): number {
  if (!ref) return 0;
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

function innerOf(inner: string, name: string): string | null {
  let found: string | null = null;
  forEachElement(inner, name, (_tag, body) => {
    if (found === null) found = body;
  });
  return found;
}

/** One cell as the plain value the import checks: formulas give their cached result, date-styled numbers a date. */
function cellValue(tag: string, inner: string, ctx: CellContext): RawCell {
  const type = attribute(tag, 't');
  if (type === 'inlineStr') {
    const is = innerOf(inner, 'is');
    return is === null ? null : runText(is).slice(0, ctx.maxChars);
  }
  const v = innerOf(inner, 'v');
  if (v === null) return null;
  switch (type) {
    case 's': {
      const text = ctx.sharedStrings[Number(v)];
      return text === undefined ? null : text;
    }
    case 'str':
      return unescapeXml(v).slice(0, ctx.maxChars);
    case 'b':
      return v === '1' || v === 'true';
    case 'e':
      return { error: unescapeXml(v).slice(0, 20) };
    case 'd': {
      const date = new Date(unescapeXml(v));
      return Number.isNaN(date.getTime()) ? null : { date: date.toISOString().slice(0, 10) };
    }
    default: {
      const number = Number(v);
      if (v.trim() === '' || !Number.isFinite(number)) return null;
      const style = Number(attribute(tag, 's') ?? 0);
      return ctx.dateStyles[style] ? serialDate(number, ctx.date1904) : number;
    }
  }
}

/**
 * Calls `visit` with each row of a worksheet's XML: its number as Excel shows it and its cells by column
 * (index 1 is column A; gaps are holes). Rows and cells without a reference follow the one before.
 */
export function forEachSheetRow(xml: string, ctx: CellContext, visit: (rowNumber: number, values: RawCell[]) => void): void {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return;
  const endTag = xml.indexOf('</sheetData>', start);
  const end = endTag < 0 ? xml.length : endTag;
  let rowNumber = 0;
  forEachElement(
    xml,
    'row',
    (rowTag, rowInner) => {
      const declared = Number(attribute(rowTag, 'r'));
      rowNumber = Number.isInteger(declared) && declared > rowNumber ? declared : rowNumber + 1;
      const values: RawCell[] = [];
      let column = 0;
      forEachElement(rowInner, 'c', (cellTag, cellInner) => {
        const declaredColumn = columnOf(attribute(cellTag, 'r'));
        column = declaredColumn > column ? declaredColumn : column + 1;
        // Excel has 16,384 columns; a reference past them is a crafted file and is not made into a huge array.
        if (cellInner === '' || column > MAX_COLUMNS) return;
        const value = cellValue(cellTag, cellInner, ctx);
        if (value !== null) values[column] = value;
      });
      visit(rowNumber, values);
    },
    start,
    end,
  );
}
