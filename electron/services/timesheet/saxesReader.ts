import { cellValue, columnOf, isDateFormat, BUILT_IN_DATE_FORMATS, MAX_COLUMNS, sheetPath, type CellText } from './cellValues';
import type { RawCell } from './types';
import { parseXml } from './xmlEvents';
import type { SheetPart, WorkbookXmlReader } from './xmlReader';

/** A cell's value text is never longer than this is worth reading (numbers, indexes, cut texts). */
const MAX_VALUE_CHARS = 1_024;

function sheetParts(workbookXml: Buffer, relsXml: Buffer): SheetPart[] {
  // A Map: relationship ids come from the file.
  const targets = new Map<string, string>();
  if (relsXml.length > 0)
    parseXml(relsXml, {
      open(name, a) {
        if (name !== 'Relationship') return;
        const { Id: id, Target: target, Type: type = '' } = a;
        if (id && target && type.endsWith('/worksheet') && a.TargetMode !== 'External') targets.set(id, target);
      },
    });
  const sheets: SheetPart[] = [];
  parseXml(workbookXml, {
    open(name, a) {
      if (name !== 'sheet') return;
      const target = targets.get(a['r:id'] ?? '');
      if (target !== undefined) sheets.push({ name: a.name ?? `Ark ${sheets.length + 1}`, path: sheetPath(target) });
    },
  });
  return sheets;
}

function uses1904(workbookXml: Buffer): boolean {
  let found = false;
  parseXml(workbookXml, {
    open(name, a) {
      if (name === 'workbookPr') found = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  return found;
}

function dateStyles(stylesXml: Buffer): boolean[] {
  if (stylesXml.length === 0) return [];
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  parseXml(stylesXml, {
    open(name, a) {
      if (name === 'numFmt') {
        const id = Number(a.numFmtId);
        if (Number.isInteger(id) && a.formatCode !== undefined) custom.set(id, a.formatCode);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
  });
}

function sharedStrings(xml: Buffer, maxChars: number): string[] {
  const strings: string[] = [];
  if (xml.length === 0) return strings;
  let text: string | null = null;
  let inText = false;
  let phonetic = false;
  parseXml(xml, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic = true;
      else if (name === 't') inText = text !== null && !phonetic;
    },
    text(chunk) {
      // Cut while reading: a crafted file may hold megabytes in one string.
      if (inText && text!.length < maxChars) text += chunk;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'si' && text !== null) {
        strings.push(text.slice(0, maxChars));
        text = null;
      }
    },
  });
  return strings;
}

/** Where the text of the current cell goes: its value, its inline string, or nowhere (formulas, phonetics). */
const enum Reading {
  Nothing,
  Value,
  Inline,
}

function forEachSheetRow(xml: Buffer, ctx: Parameters<WorkbookXmlReader['forEachSheetRow']>[1], visit: (rowNumber: number, values: RawCell[]) => void): void {
  let inSheetData = false;
  let inRow = false;
  let rowNumber = 0;
  let values: RawCell[] = [];
  let column = 0;
  let cell: CellText | null = null;
  let inInline = false;
  let phonetic = false;
  let reading = Reading.Nothing;
  parseXml(xml, {
    open(name, a) {
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          if (!inSheetData) return;
          const declared = Number(a.r);
          rowNumber = Number.isInteger(declared) && declared > rowNumber ? declared : rowNumber + 1;
          values = [];
          column = 0;
          inRow = true;
          break;
        }
        case 'c': {
          if (!inRow) return;
          const declared = columnOf(a.r);
          column = declared > column ? declared : column + 1;
          cell = { type: a.t ?? null, style: a.s ?? null, value: null, inline: null };
          break;
        }
        case 'v':
          // The first <v> only, as Excel writes one.
          if (cell && cell.value === null) {
            cell.value = '';
            reading = Reading.Value;
          }
          break;
        case 'is':
          if (cell) {
            inInline = true;
            cell.inline ??= '';
          }
          break;
        case 'rPh':
          phonetic = true;
          break;
        case 't':
          if (inInline && !phonetic) reading = Reading.Inline;
          break;
      }
    },
    text(chunk) {
      if (reading === Reading.Value && cell!.value!.length < MAX_VALUE_CHARS) cell!.value += chunk;
      else if (reading === Reading.Inline && cell!.inline!.length < ctx.maxChars) cell!.inline += chunk;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          reading = Reading.Nothing;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic = false;
          break;
        case 'c':
          if (cell && column <= MAX_COLUMNS) {
            const value = cellValue(cell, ctx);
            if (value !== null) values[column] = value;
          }
          cell = null;
          reading = Reading.Nothing;
          break;
        case 'row':
          if (inRow) visit(rowNumber, values);
          inRow = false;
          break;
        case 'sheetData':
          inSheetData = false;
          break;
      }
    },
  });
}

/** The workbook parts read with saxes: one streaming pass per part, no object per cell kept. */
export const saxesReader: WorkbookXmlReader = { sheetParts, uses1904, dateStyles, sharedStrings, forEachSheetRow };
