import { forEachSheetRow } from './sheetRows';
import { dateStyles, sharedStrings, sheetParts, uses1904 } from './workbookParts';
import type { WorkbookXmlReader } from './xmlReader';

/** The hand-written SpreadsheetML scanner (indexOf over the decoded text), behind the reader interface. */
export const scannerReader: WorkbookXmlReader = {
  sheetParts: (workbookXml, relsXml) => sheetParts(workbookXml.toString('utf8'), relsXml.toString('utf8')),
  uses1904: (workbookXml) => uses1904(workbookXml.toString('utf8')),
  dateStyles: (stylesXml) => dateStyles(stylesXml.toString('utf8')),
  sharedStrings: (xml, maxChars) => sharedStrings(xml.toString('utf8'), maxChars),
  forEachSheetRow: (xml, ctx, visit) => forEachSheetRow(xml.toString('utf8'), ctx, visit),
};
