import { attribute, forEachElement, runText } from './xmlText';

export interface SheetPart {
  name: string;
  /** The part's name in the zip, e.g. xl/worksheets/sheet1.xml. */
  path: string;
}

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
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    sheets.push({ name: attribute(tag, 'name') ?? `Ark ${sheets.length + 1}`, path });
  });
  return sheets;
}

/** Whether dates count from 1904 (old Mac workbooks) instead of 1900. */
export function uses1904(workbookXml: string): boolean {
  const match = /<workbookPr\b[^>]*\sdate1904=["'](1|true)["']/.exec(workbookXml);
  return match !== null;
}

/** Excel's built-in number formats that show a date. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** A format code shows a date when it has d, m, y or h outside quoted text, brackets and escapes. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
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
