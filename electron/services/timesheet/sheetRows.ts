import { cellValue, columnOf, MAX_COLUMNS, type CellContext } from './cellValues';
import type { RawCell } from './types';
import { attribute, forEachElement, runText, unescapeXml } from './xmlText';

function innerOf(inner: string, name: string): string | null {
  let found: string | null = null;
  forEachElement(inner, name, (_tag, body) => {
    if (found === null) found = body;
  });
  return found;
}

/** One cell's parts from its start tag and inner XML, for the shared cell rules. */
function scannedCell(tag: string, inner: string, maxChars: number) {
  const type = attribute(tag, 't');
  const is = type === 'inlineStr' ? innerOf(inner, 'is') : null;
  const v = innerOf(inner, 'v');
  return { type, style: attribute(tag, 's'), value: v === null ? null : unescapeXml(v), inline: is === null ? null : runText(is).slice(0, maxChars) };
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
        const value = cellValue(scannedCell(cellTag, cellInner, ctx.maxChars), ctx);
        if (value !== null) values[column] = value;
      });
      visit(rowNumber, values);
    },
    start,
    end,
  );
}
