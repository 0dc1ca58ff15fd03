import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import type { FileDto } from '@shared/contract';
import { categoryId, municipalityId, type TestDatabase } from './testDatabase';

/**
 * Reading the annual report's files back in tests: the .docx is a zip of XML parts, parsed strictly so a
 * malformed part (what makes Word offer a repair) fails the test.
 */
export function parseXml(xml: string, part: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (message: string) => errors.push(message),
      fatalError: (message: string) => errors.push(message),
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length > 0) throw new Error(`${part} er ikke gyldig XML: ${errors.join('; ')}`);
  return doc as unknown as Document;
}

export interface DocxParts {
  names: string[];
  document: Document;
  documentXml: string;
  headers: string[];
  footers: string[];
  settingsXml: string;
  stylesXml: string;
  media: Buffer[];
}

export async function readDocx(file: FileDto): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64, 'base64'));
  const names = Object.keys(zip.files);
  const text = (name: string) => zip.file(name)!.async('string');
  // Every XML part must parse, not only the body.
  for (const name of names.filter((n) => /\.(xml|rels)$/u.test(n))) parseXml(await text(name), name);
  const documentXml = await text('word/document.xml');
  return {
    names,
    document: parseXml(documentXml, 'word/document.xml'),
    documentXml,
    headers: await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/u.test(n)).map(text)),
    footers: await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/u.test(n)).map(text)),
    settingsXml: await text('word/settings.xml'),
    stylesXml: await text('word/styles.xml'),
    media: await Promise.all(names.filter((n) => n.startsWith('word/media/')).map((n) => zip.file(n)!.async('nodebuffer'))),
  };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function textOf(node: Element): string {
  return Array.from(node.getElementsByTagNameNS(W, 't'))
    .map((t) => t.textContent ?? '')
    .join('');
}

/** Paragraph texts of a given style (Heading1 …), in order. */
export function styledParagraphs(doc: Document, style: string): string[] {
  return Array.from(doc.getElementsByTagNameNS(W, 'p'))
    .filter((p) => Array.from(p.getElementsByTagNameNS(W, 'pStyle')).some((s) => s.getAttributeNS(W, 'val') === style))
    .map(textOf);
}

/** The texts of the body's own paragraphs (not those inside tables), in the order the document prints them. */
export function bodyParagraphs(doc: Document): string[] {
  const body = doc.getElementsByTagNameNS(W, 'body')[0]!;
  return Array.from(body.childNodes)
    .filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === 'p')
    .map(textOf);
}

/** Every table as rows of cell texts. */
export function docxTables(doc: Document): string[][][] {
  return Array.from(doc.getElementsByTagNameNS(W, 'tbl')).map((table) =>
    Array.from(table.getElementsByTagNameNS(W, 'tr')).map((row) => Array.from(row.getElementsByTagNameNS(W, 'tc')).map(textOf)),
  );
}

/** The table printed right after the Heading 3 with this title. */
export function tableAfterTitle(doc: Document, title: string): string[][] {
  const body = doc.getElementsByTagNameNS(W, 'body')[0]!;
  const children = Array.from(body.childNodes).filter((n): n is Element => n.nodeType === 1);
  const at = children.findIndex((n) => n.localName === 'p' && textOf(n) === title);
  if (at < 0) throw new Error(`Fant ikke tabellen «${title}»`);
  const table = children.slice(at + 1).find((n) => n.localName === 'tbl')!;
  return Array.from(table.getElementsByTagNameNS(W, 'tr')).map((row) => Array.from(row.getElementsByTagNameNS(W, 'tc')).map(textOf));
}

export async function readXlsx(file: FileDto): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

export interface LoggedTime {
  municipality: string;
  category: number;
  hours: number;
  date: string;
}

/** A small year in the shape of the seed's tables: follow-up in institution and after, driving, partners. */
export const REPORT_LOG: LoggedTime[] = [
  { municipality: 'Fauske', category: 1, hours: 2, date: '2020-02-03' },
  { municipality: 'Fauske', category: 1, hours: 3, date: '2020-03-04' },
  { municipality: 'Fauske', category: 4, hours: 1.5, date: '2020-01-20' },
  { municipality: 'Steigen', category: 2, hours: 2.5, date: '2020-02-10' },
  { municipality: 'Steigen', category: 2, hours: 2.5, date: '2020-04-14' },
  { municipality: 'Meløy', category: 3, hours: 1, date: '2020-05-05' },
];

export async function logReportYear(t: TestDatabase, log: readonly LoggedTime[] = REPORT_LOG): Promise<void> {
  for (const e of log) {
    await t.okAsync('time-entries:create', {
      date: e.date,
      municipalityId: municipalityId(t, e.municipality),
      categoryId: categoryId(t, e.category),
      hours: e.hours,
      participantIds: [t.member!.id],
    });
  }
}
