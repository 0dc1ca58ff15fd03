import type { MimeType, Tag, TemplateData, TemplateHandler } from 'easy-template-x';
import type { PngImage } from '../charts/renderChart';
import { loadTemplateEngine } from '../lazy/heavyModules';

/**
 * Filling a .docx template. easy-template-x only substitutes values and repeats loops: a template cannot
 * run code, which matters because the team uploads edited templates. It also joins placeholders that Word
 * has split over several formatting runs, and escapes & < > in values.
 */
let handler: Promise<TemplateHandler> | null = null;

/** Loaded with the first document (see heavyModules.ts); one handler serves every fill after that. */
function templateHandler(): Promise<TemplateHandler> {
  handler ??= loadTemplateEngine().then(({ TemplateHandler }) => new TemplateHandler());
  return handler;
}

/**
 * Characters Word's XML cannot hold (C0 controls other than tab/newline/return, U+FFFE/U+FFFF and lone
 * surrogates) would leave a file Word refuses to open; they are dropped. Everything else, { } < > &
 * included, is printed as typed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(value: string): string {
  return value.replace(XML_INVALID, '');
}

/** Values for a template: text, loops of rows of text, and images. */
export type FillValue = string | FillRow[] | { image: PngImage; altText: string; widthCm: number };
/** A row of a loop; a field may itself be a loop (a table inside a section that is printed or left out). */
export type FillRow = { [field: string]: string | FillRow[] };
export type FillData = Record<string, FillValue>;

/** A 96-dpi pixel size for a picture `widthCm` wide, keeping the image's proportions. */
function imageContent(value: { image: PngImage; altText: string; widthCm: number }) {
  const width = Math.round((value.widthCm / 2.54) * 96);
  return {
    _type: 'image' as const,
    source: value.image.data,
    // MimeType.Png as a literal: the library is not loaded yet when the data is prepared.
    format: 'image/png' satisfies MimeType,
    width,
    height: Math.round((width * value.image.height) / value.image.width),
    altText: xmlSafe(value.altText),
  };
}

function rowData(row: FillRow): TemplateData {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? xmlSafe(v) : v.map(rowData)]));
}

function toTemplateData(data: FillData): TemplateData {
  const out: TemplateData = {};
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === 'string') out[name] = xmlSafe(value);
    else if (Array.isArray(value)) out[name] = value.map(rowData);
    else out[name] = imageContent(value);
  }
  return out;
}

export async function fillTemplate(template: Buffer, data: FillData): Promise<Buffer> {
  return (await templateHandler()).process(template, toTemplateData(data));
}

/** Every `{…}` tag in the document, headers and footers included. Throws on a malformed template. */
export async function templateTags(template: Buffer): Promise<Tag[]> {
  return (await templateHandler()).parseTags(template);
}
