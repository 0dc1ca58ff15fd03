import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import { printedColumns, printedValue, type PrintedColumn, type ReportTable } from './reportTable';
import type { TextTable } from './networkLog';

/*
 * The annual report's tables in Word: cells and heading rows, column widths that never break a heading
 * word, which rows keep together, and which tables need a landscape page.
 */

const HEADER_FILL = 'DCE6F0';
const TOTAL_FILL = 'F2F2F2';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
/**
 * Every cell's borders and margins, set once on the table rather than on each cell: the same look, and the
 * page layout that fills in the contents' page numbers reads a third less per cell.
 */
const GRID = {
  borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  margins: { top: 40, bottom: 40, left: 80, right: 80 },
};
/** The same width in twentieths of a point, for table columns: A4 (11 906) less two 2,54 cm margins. */
const TEXT_WIDTH_TWIPS = 11_906 - 2 * 1440;
/** A4 on its side (16 838 wide) less the same margins: where a table's heading words do not fit upright. */
const LANDSCAPE_TEXT_WIDTH_TWIPS = 16_838 - 2 * 1440;

interface CellOptions {
  /** Half-points; wide tables print smaller so figures stay on one line. */
  size?: number;
  header?: boolean;
  total?: boolean;
  end?: boolean;
  columnSpan?: number;
  rowSpan?: number;
  /** Keeps this row on the page of the next one: the rows above a total never leave it alone on a page. */
  keepNext?: boolean;
}

/**
 * The paragraph style of a table's text, one per size: the size is given once in the style instead of on
 * every cell's text and paragraph mark (the mark in the table's size too, so an empty cell is not as tall
 * as an 11 pt line). Word lists them as «Tabelltekst …».
 */
export const TABLE_TEXT_STYLES = [
  { size: 18, id: 'Tabelltekst', name: 'Tabelltekst' },
  { size: 16, id: 'TabelltekstLiten', name: 'Tabelltekst liten' },
  { size: 14, id: 'TabelltekstMinst', name: 'Tabelltekst minst' },
] as const;

function tableTextStyle(size = 18): string {
  const style = TABLE_TEXT_STYLES.find((s) => s.size === size);
  if (!style) throw new Error(`Ingen tabellstil for skriftstørrelse ${size}`);
  return style.id;
}

function cell(text: string, options: CellOptions): TableCell {
  // Only what differs from the style is written on each cell: it is read again to lay out the pages.
  const bold = options.header || options.total || undefined;
  const fill = options.header ? HEADER_FILL : options.total ? TOTAL_FILL : undefined;
  return new TableCell({
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    verticalAlign: options.header ? VerticalAlign.BOTTOM : undefined,
    children: [
      new Paragraph({
        style: tableTextStyle(options.size),
        alignment: options.end ? AlignmentType.RIGHT : options.columnSpan ? AlignmentType.CENTER : undefined,
        keepNext: options.header || options.keepNext,
        children: [new TextRun({ text, bold })],
      }),
    ],
  });
}

/** The row label and ungrouped columns span both heading rows; a group («Kjøring») spans its unit columns. */
function headerRows(rowHeader: string, columns: readonly PrintedColumn[], size: number): TableRow[] {
  const grouped = columns.some((c) => c.group);
  const label = cell(rowHeader, { header: true, size, rowSpan: grouped ? 2 : undefined });
  if (!grouped) {
    return [new TableRow({ tableHeader: true, cantSplit: true, children: [label, ...columns.map((c) => cell(c.header, { header: true, size, end: true }))] })];
  }
  const top: TableCell[] = [label];
  for (let i = 0; i < columns.length;) {
    const group = columns[i]!.group;
    if (!group) {
      top.push(cell(columns[i]!.header, { header: true, size, rowSpan: 2, end: true }));
      i++;
      continue;
    }
    let span = 0;
    while (columns[i + span]?.group === group) span++;
    top.push(cell(group, { header: true, size, columnSpan: span }));
    i += span;
  }
  const units = columns.filter((c) => c.group).map((c) => cell(c.header, { header: true, size, end: true }));
  return [new TableRow({ tableHeader: true, cantSplit: true, children: top }), new TableRow({ tableHeader: true, cantSplit: true, children: units })];
}

/** Twips a bold word of `chars` characters needs at `size` half-points, with the cell's side margins. */
export function wordWidth(chars: number, size: number): number {
  // About 0,62 em per bold character: Calibri needs less, but LibreOffice often substitutes a wider font.
  // 1 pt = 20 twips; 160 twips of cell margin.
  return Math.ceil(chars * (size / 2) * 0.62 * 20) + 160;
}

export const longestWord = (text: string) => Math.max(0, ...text.split(/[\s/–-]+/u).map((w) => w.length));

export interface TableLayout {
  /** Twips: the label column first, then one per figure column. */
  widths: number[];
  /** Printed on an A4 page turned on its side, in a section of its own. */
  landscape: boolean;
}

/**
 * The label column gets room for «Andre kommuner» and «Totalsum»; every figure column at least the width
 * of its widest figure and of the longest word in its heading, so «Persontimer» never breaks as
 * «Persontim er»; the rest is shared evenly. When the heading words do not fit upright (the 13-column
 * share table, the cost models), the table is laid out on a landscape page instead. Only when even that
 * is too narrow do figures win over heading words (a number never wraps).
 */
export function tableLayout(headers: readonly string[], values: readonly string[][], size: number): TableLayout {
  const figureColumns = headers.length;
  const label = figureColumns > 8 ? 1400 : figureColumns > 3 ? 1800 : 2600;
  const figures = headers.map((_, i) => wordWidth(Math.max(1, ...values.map((v) => v[i]?.length ?? 0)), size));
  const withWords = headers.map((h, i) => Math.max(figures[i]!, wordWidth(longestWord(h), size)));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const landscape = sum(withWords) > TEXT_WIDTH_TWIPS - label;
  const room = (landscape ? LANDSCAPE_TEXT_WIDTH_TWIPS : TEXT_WIDTH_TWIPS) - label;
  const minimum = sum(withWords) <= room ? withWords : figures;
  const slack = Math.max(0, room - sum(minimum));
  const widths = minimum.map((m) => m + Math.floor(slack / Math.max(1, figureColumns)));
  // Wider than the page even for the figures: scale down (the cell then wraps rather than overflowing).
  const total = sum(widths);
  return { landscape, widths: [label, ...(total > room ? widths.map((w) => Math.floor((w * room) / total)) : widths)] };
}

function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text, italics: true, size: 18, color: '595959' })] });
}

/** What a chapter holds: running text and tables, or a table that needs a landscape page of its own. */
export type Block = FileChild | { landscape: FileChild[] };

/** A table of up to this many body rows fits on a page with room to spare: it is kept whole. */
const WHOLE_TABLE_ROWS = 14;

/**
 * Which body rows keep with the row under them (Word's keep-with-next on the row's paragraphs): every row
 * of a short table, so it moves whole to the next page rather than leave its heading and a row at the foot
 * of one; in a long one the first two (never a heading with one row under it) and the last two, which
 * stay with the total. A long table's heading rows repeat on every page it runs over.
 */
export function keptWithNext(bodyRows: number, hasTotal: boolean): boolean[] {
  const last = bodyRows - 1;
  return Array.from({ length: bodyRows }, (_, i) => {
    if (i === last) return hasTotal;
    return bodyRows <= WHOLE_TABLE_ROWS || i < 2 || i >= last - 1;
  });
}

/** The printed columns, the text size and the widths of a table: the same for its layout and its page. */
function tableGeometry(table: ReportTable['table']) {
  const columns = printedColumns(table);
  const size = columns.length > 8 ? 14 : columns.length > 5 ? 16 : 18;
  const layout = tableLayout(
    columns.map((c) => c.header),
    [...table.rows.map((r) => r.values), table.totalRow ?? []].map((values) => columns.map((c, i) => printedValue(values[i], c.measure))),
    size,
  );
  return { columns, size, layout };
}

/** Whether the table is printed on a landscape page (its chart is then drawn for that page too). */
export const printsLandscape = (table: ReportTable): boolean => tableGeometry(table.table).layout.landscape;

/** The table, its notes, and the figure drawn from it (`figure`) right under them, on the same kind of page. */
export function reportTable({ table, notes }: ReportTable, figure: readonly FileChild[] = []): Block[] {
  const { columns, size, layout } = tableGeometry(table);
  const row = (label: string, values: readonly (string | number | null)[], total: boolean, keepNext = false) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(label, { total, size, keepNext }),
        ...columns.map((c, i) => cell(printedValue(values[i], c.measure), { total, size, end: true, keepNext })),
      ],
    });
  const keep = keptWithNext(table.rows.length, Boolean(table.totalRow));
  const children = [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(table.title)] }),
    new Table({
      width: { size: layout.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: layout.widths,
      layout: TableLayoutType.FIXED,
      ...GRID,
      rows: [
        ...headerRows(table.rowHeader, columns, size),
        ...table.rows.map((r, i) => row(r.label, r.values, false, keep[i])),
        ...(table.totalRow ? [row('Totalsum', table.totalRow, true)] : []),
      ],
    }),
    ...(notes ?? []).map(note),
    ...figure,
    new Paragraph({ spacing: { after: 200 }, children: [] }),
  ];
  return layout.landscape ? [{ landscape: children }] : children;
}

/** A table of words (the network log): the same look as the figure tables, left-aligned, no total. */
export function textTable(table: TextTable): FileChild[] {
  const widths = [1300, 2200, 1600, TEXT_WIDTH_TWIPS - 5100];
  const keep = keptWithNext(table.rows.length, false);
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(table.title)] }),
    new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      ...GRID,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: table.header.map((h) => cell(h, { header: true })) }),
        ...table.rows.map((r, i) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v, { keepNext: keep[i] })) })),
      ],
    }),
    ...(table.notes ?? []).map(note),
    new Paragraph({ spacing: { after: 200 }, children: [] }),
  ];
}
