import { BUILT_IN_DATE_FORMATS, isDateFormat, sheetPath } from './cellValues';
import { attribute, forEachElement, runText } from './xmlText';
import type { SheetPart } from './xmlReader';

/** The worksheets in the workbook's own order, each with the zip part that holds it. */
export function sheetParts(workbookXml: string, relsXml: string): SheetPart[] {
  const targets = new Map<string, string>();
  forEachElement(relsXml, 'Relationship', (tag) => {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    const type = attribute(tag, 'Type') ?? '';
    if (id && target && type.endsWith('/worksheet') && attribute(tag, 'TargetMode') !== 'External') targets.set(id, target);
  });
  const sheets: SheetPart[] = [];
  forEachElement(workbookXml, 'sheet', (tag) => {
    const target = targets.get(attribute(tag, 'r:id') ?? '');
    if (target === undefined) return;
    sheets.push({ name: attribute(tag, 'name') ?? `Ark ${sheets.length + 1}`, path: sheetPath(target) });
  });
  return sheets;
}

/** Whether dates count from 1904 (old Mac workbooks) instead of 1900. */
export function uses1904(workbookXml: string): boolean {
  const match = /<workbookPr\b[^>]*\sdate1904=["'](1|true)["']/.exec(workbookXml);
  return match !== null;
}

/** Per cell style index (`s` on a cell): whether numbers in it are dates. */
export function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  forEachElement(stylesXml, 'numFmt', (tag) => {
    const id = Number(attribute(tag, 'numFmtId'));
    const code = attribute(tag, 'formatCode');
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  });
  const styles: boolean[] = [];
  forEachElement(stylesXml, 'cellXfs', (_tag, inner) =>
    forEachElement(inner, 'xf', (xf) => {
      const id = Number(attribute(xf, 'numFmtId') ?? 0);
      const code = custom.get(id);
      styles.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
    }),
  );
  return styles;
}

/** Every shared string, cut to `maxChars` (the file may hold megabytes in one). */
export function sharedStrings(xml: string, maxChars: number): string[] {
  const strings: string[] = [];
  forEachElement(xml, 'si', (_tag, inner) => strings.push(runText(inner).slice(0, maxChars)));
  return strings;
}
