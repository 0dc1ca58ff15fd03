import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  type ISectionOptions,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { ANNUAL_REPORT_HEADER, ANNUAL_REPORT_TITLE } from '@shared/domain/annualReport';
import type { ChartDefinition } from '@shared/charts/types';
import { formatNorwegianDate } from '@shared/format';
import { renderChartPngAsync } from '../charts/renderChart';
import { forPaper } from '../charts/printChart';
import { CASE_COUNT_EXCEPTION_TEXT, DISCLOSURE_RULE_TEXT } from '@shared/domain/disclosureControl';
import { printedColumns, printedValue, type PrintedColumn, type ReportTable } from './reportTable';
import type { AnnualReportContent, ReportSectionContent, ReportSignOff } from './reportContent';
import type { TextTable } from './networkLog';
import { REPORT_TEXT_NUMBERING, reportTextParagraphs } from './docxText';

const FONT = 'Calibri';
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
/** A4 with 2,54 cm margins leaves 15,9 cm of text width: about 600 px at 96 dpi. */
const TEXT_WIDTH_PX = 600;
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
const TABLE_TEXT_STYLES = [
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
type Block = FileChild | { landscape: FileChild[] };

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

function reportTable({ table, notes }: ReportTable): Block[] {
  const columns = printedColumns(table);
  const size = columns.length > 8 ? 14 : columns.length > 5 ? 16 : 18;
  const row = (label: string, values: readonly (string | number | null)[], total: boolean, keepNext = false) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(label, { total, size, keepNext }),
        ...columns.map((c, i) => cell(printedValue(values[i], c.measure), { total, size, end: true, keepNext })),
      ],
    });
  const keep = keptWithNext(table.rows.length, Boolean(table.totalRow));
  const layout = tableLayout(
    columns.map((c) => c.header),
    [...table.rows.map((r) => r.values), table.totalRow ?? []].map((values) => columns.map((c, i) => printedValue(values[i], c.measure))),
    size,
  );
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
    new Paragraph({ spacing: { after: 200 }, children: [] }),
  ];
  return layout.landscape ? [{ landscape: children }] : children;
}

/** The chart draws its own title (the same builder as on screen); the title is also the image's alt text. */
async function chartFigure(chart: ChartDefinition): Promise<FileChild[]> {
  if (chart.omitted) return [new Paragraph({ spacing: { before: 120, after: 240 }, children: [new TextRun({ text: chart.omitted, italics: true })] })];
  const printed = forPaper(chart);
  const png = await renderChartPngAsync(printed);
  const width = Math.min(TEXT_WIDTH_PX, printed.width);
  const height = Math.round((width * png.height) / png.width);
  return [
    new Paragraph({
      spacing: { before: 120, after: 240 },
      keepLines: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png.data,
          transformation: { width, height },
          altText: { name: chart.title, title: chart.title, description: chart.title },
        }),
      ],
    }),
  ];
}

/** Every chart of the report, drawn at once: resvg draws them side by side on Node's worker threads. */
async function chartFigures(sections: readonly ReportSectionContent[]): Promise<Map<ChartDefinition, FileChild[]>> {
  const charts = sections.flatMap((section) => section.charts);
  return new Map(await Promise.all(charts.map(async (chart) => [chart, await chartFigure(chart)] as const)));
}

/** A table of words (the network log): the same look as the figure tables, left-aligned, no total. */
function textTable(table: TextTable): FileChild[] {
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

/**
 * A chapter's landscape tables come last in it, after its text, upright tables and charts. A landscape table
 * needs a section of its own, which starts a new page: placed where the builders put it, it cut the chapter
 * off mid-page and left that page half empty (the 2025 demo's «Saker» heading and text alone on a third of a
 * page before «Saker per kommune»; «Ressursbruk per kommune» alone on the page before the cost tables), or
 * left the chapter heading at the foot of a page with its table on the next. Moved to the end, the chapter's
 * upright material fills the page before the break, and the break falls where the next chapter would begin.
 * A chapter with nothing upright under its heading takes the heading onto the landscape page with its table.
 */
function sectionBody(section: ReportSectionContent, listInstances: { next: number }, figures: ReadonlyMap<ChartDefinition, FileChild[]>): Block[] {
  const tables = section.tables.flatMap(reportTable);
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] });
  const upright = [
    ...(section.text ? reportTextParagraphs(section.text, listInstances) : []),
    ...section.notices.map((n) => new Paragraph({ spacing: { before: 120, after: 240 }, children: [new TextRun({ text: n.text, italics: true })] })),
    ...tables.filter((b) => !('landscape' in b)),
    ...section.textTables.flatMap(textTable),
    ...section.charts.flatMap((chart) => figures.get(chart) ?? []),
  ];
  const landscape = tables.flatMap((b) => ('landscape' in b ? b.landscape : []));
  if (landscape.length === 0) return [heading, ...upright];
  return upright.length === 0 ? [{ landscape: [heading, ...landscape] }] : [heading, ...upright, { landscape }];
}

function titlePage(year: number, generatedOn: string): FileChild[] {
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: 'Fauske kommune – Enhet Helse', size: 28, color: '404040' })] }),
    new Paragraph({
      spacing: { before: 600, after: 240 },
      children: [new TextRun({ text: `Årsrapport for interkommunalt ambulerende ettervernsteam ${year}`, bold: true, size: 52, color: '1F3864' })],
    }),
    new Paragraph({
      spacing: { after: 1200 },
      children: [
        new TextRun({
          text: 'Fauske, Sørfold, Hamarøy, Steigen, Saltdal, Meløy, Gildeskål, Beiarn og Rødøy',
          size: 24,
          color: '404040',
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: `Laget ${generatedOn}`, size: 20, color: '595959' })] }),
    new Paragraph({
      children: [new TextRun({ text: `${DISCLOSURE_RULE_TEXT} ${CASE_COUNT_EXCEPTION_TEXT}`, size: 20, color: '595959' })],
    }),
  ];
}

/** «Utarbeidet av», place and date, as the 2020 report closed. */
function signOffBlock(signOff: ReportSignOff, date: string): FileChild[] {
  const line = (label: string, value: string) =>
    new Paragraph({ keepNext: true, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
  return [
    new Paragraph({ spacing: { before: 480 }, keepNext: true, children: [] }),
    ...(signOff.preparedBy ? [line('Utarbeidet av', `${signOff.preparedBy}, ettervernsteamet`)] : [line('Utarbeidet av', 'Ettervernsteamet')]),
    line('Sted', signOff.place),
    new Paragraph({ children: [new TextRun({ text: 'Dato: ', bold: true }), new TextRun(date)] }),
  ];
}

const pageHeader = new Header({
  children: [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6', space: 4 } },
      children: [new TextRun({ text: ANNUAL_REPORT_HEADER, size: 16, color: '595959' })],
    }),
  ],
});

const pageFooter = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 18, color: '595959' })],
    }),
  ],
});

/**
 * Upright A4 sections, with a landscape section of its own for each table that needs one; every section
 * after the first carries the same header and footer, and page numbers run on.
 */
function pageSections(blocks: readonly Block[]): ISectionOptions[] {
  const sections: ISectionOptions[] = [];
  let upright: FileChild[] = [];
  const closeUpright = () => {
    if (sections.length === 0) {
      sections.push({
        properties: { titlePage: true },
        headers: { default: pageHeader, first: new Header({ children: [new Paragraph({})] }) },
        footers: { default: pageFooter, first: new Footer({ children: [new Paragraph({})] }) },
        children: upright,
      });
    } else if (upright.length > 0) {
      sections.push({ properties: { type: SectionType.NEXT_PAGE }, headers: { default: pageHeader }, footers: { default: pageFooter }, children: upright });
    }
    upright = [];
  };
  for (const block of blocks) {
    if (!('landscape' in block)) {
      upright.push(block);
      continue;
    }
    const previous = sections.at(-1);
    // Landscape tables one after the other share their pages.
    if (upright.length === 0 && previous?.properties?.page?.size?.orientation === PageOrientation.LANDSCAPE) {
      (previous.children as FileChild[]).push(...block.landscape);
      continue;
    }
    closeUpright();
    sections.push({
      properties: { type: SectionType.NEXT_PAGE, page: { size: { orientation: PageOrientation.LANDSCAPE } } },
      headers: { default: pageHeader },
      footers: { default: pageFooter },
      children: block.landscape,
    });
  }
  closeUpright();
  return sections;
}

/**
 * The annual report as a Word document, laid out like the team's 2020 report: a title page, a table of
 * contents, then one Heading 1 chapter per section. The contents are written with page numbers (the docx
 * library lays the pages out as Word would): LibreOffice, and so the PDF made from it, shows the field's
 * written result and never works the numbers out itself. updateFields stays on so Word still refreshes them.
 * The first-page header and footer hold an empty paragraph, not nothing: the page layout cannot read an
 * empty one.
 */
export async function annualReportDocx(content: AnnualReportContent, generatedOnIso: string): Promise<Buffer> {
  const noData = content.hasData
    ? []
    : [new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: `Ingen registreringer i ${content.year}.`, bold: true })] })];
  const listInstances = { next: 1 };
  const figures = await chartFigures(content.sections);
  const document = new Document({
    creator: 'Ettervern',
    numbering: REPORT_TEXT_NUMBERING,
    title: `${ANNUAL_REPORT_TITLE} ${content.year}`,
    description: `Årsrapport for interkommunalt ambulerende ettervernsteam ${content.year}`,
    features: { updateFields: true },
    // Without the estimator's `listNumbers`: it reads the whole body once more to number headings in the
    // contents, and the report's headings carry no numbers (about a tenth of the document's build time).
    pageNumbers: (body, context) => estimatePageNumbers(body, context),
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '262626' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
      paragraphStyles: TABLE_TEXT_STYLES.map(({ id, name, size }) => ({ id, name, basedOn: 'Normal', quickFormat: true, run: { size } })),
    },
    sections: pageSections([
      ...titlePage(content.year, formatNorwegianDate(generatedOnIso)),
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: 'Innhold', font: FONT, size: 32, bold: true, color: '1F3864' })] }),
      new TableOfContents('Innhold', { hyperlink: true, headingStyleRange: '1-2' }),
      new Paragraph({ children: [new PageBreak()] }),
      ...noData,
      ...content.sections.flatMap((section) => sectionBody(section, listInstances, figures)),
      ...signOffBlock(content.signOff, formatNorwegianDate(generatedOnIso)),
    ]),
  });
  return Packer.toBuffer(document);
}
