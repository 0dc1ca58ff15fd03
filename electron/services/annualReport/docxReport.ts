import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
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
import { ANNUAL_REPORT_HEADER, ANNUAL_REPORT_TITLE } from '@shared/domain/annualReport';
import type { ChartDefinition } from '@shared/charts/types';
import { formatNorwegianDate } from '@shared/format';
import { renderChartPng } from '../charts/renderChart';
import { forPaper } from '../charts/printChart';
import { CASE_COUNT_EXCEPTION_TEXT, DISCLOSURE_RULE_TEXT } from '@shared/domain/disclosureControl';
import { printedColumns, printedValue, type PrintedColumn, type ReportTable } from './reportTable';
import type { AnnualReportContent, ReportSectionContent } from './reportContent';
import { REPORT_TEXT_NUMBERING, reportTextParagraphs } from './docxText';

const FONT = 'Calibri';
const HEADER_FILL = 'DCE6F0';
const TOTAL_FILL = 'F2F2F2';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
/** A4 with 2,54 cm margins leaves 15,9 cm of text width: about 600 px at 96 dpi. */
const TEXT_WIDTH_PX = 600;
/** The same width in twentieths of a point, for table columns: A4 (11 906) less two 2,54 cm margins. */
const TEXT_WIDTH_TWIPS = 11_906 - 2 * 1440;

interface CellOptions {
  /** Half-points; wide tables print smaller so figures stay on one line. */
  size?: number;
  header?: boolean;
  total?: boolean;
  end?: boolean;
  columnSpan?: number;
  rowSpan?: number;
}

function cell(text: string, options: CellOptions): TableCell {
  const bold = options.header || options.total;
  const fill = options.header ? HEADER_FILL : options.total ? TOTAL_FILL : undefined;
  return new TableCell({
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    verticalAlign: options.header ? VerticalAlign.BOTTOM : undefined,
    children: [
      new Paragraph({
        alignment: options.end ? AlignmentType.RIGHT : options.columnSpan ? AlignmentType.CENTER : AlignmentType.LEFT,
        keepNext: options.header,
        children: [new TextRun({ text, bold, size: options.size ?? 18 })],
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

/** The label column gets room for «Andre kommuner» and «Totalsum»; the figures share the rest evenly. */
function columnWidths(figureColumns: number): number[] {
  const label = figureColumns > 8 ? 1400 : figureColumns > 3 ? 1800 : 2600;
  const figure = Math.floor((TEXT_WIDTH_TWIPS - label) / Math.max(1, figureColumns));
  return [label, ...Array.from({ length: figureColumns }, () => figure)];
}

function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text, italics: true, size: 18, color: '595959' })] });
}

function reportTable({ table, notes }: ReportTable): FileChild[] {
  const columns = printedColumns(table);
  const size = columns.length > 8 ? 14 : columns.length > 5 ? 16 : 18;
  const row = (label: string, values: readonly (string | number | null)[], total: boolean) =>
    new TableRow({
      cantSplit: true,
      children: [cell(label, { total, size }), ...columns.map((c, i) => cell(printedValue(values[i], c.measure), { total, size, end: true }))],
    });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(table.title)] }),
    new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: columnWidths(columns.length),
      layout: TableLayoutType.FIXED,
      rows: [
        ...headerRows(table.rowHeader, columns, size),
        ...table.rows.map((r) => row(r.label, r.values, false)),
        ...(table.totalRow ? [row('Totalsum', table.totalRow, true)] : []),
      ],
    }),
    ...(notes ?? []).map(note),
    new Paragraph({ spacing: { after: 200 }, children: [] }),
  ];
}

/** The chart draws its own title (the same builder as on screen); the title is also the image's alt text. */
function chartFigure(chart: ChartDefinition): FileChild[] {
  if (chart.omitted) return [new Paragraph({ spacing: { before: 120, after: 240 }, children: [new TextRun({ text: chart.omitted, italics: true })] })];
  const printed = forPaper(chart);
  const png = renderChartPng(printed);
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

function sectionBody(section: ReportSectionContent, listInstances: { next: number }): FileChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
    ...(section.text ? reportTextParagraphs(section.text, listInstances) : []),
    ...section.tables.flatMap(reportTable),
    ...section.charts.flatMap(chartFigure),
  ];
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
 * The annual report as a Word document, laid out like the team's 2020 report: a title page, a table of
 * contents Word fills in when it opens the file (updateFields), then one Heading 1 chapter per section.
 */
export async function annualReportDocx(content: AnnualReportContent, generatedOnIso: string): Promise<Buffer> {
  const noData = content.hasData
    ? []
    : [new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: `Ingen registreringer i ${content.year}.`, bold: true })] })];
  const listInstances = { next: 1 };
  const document = new Document({
    creator: 'Ettervern',
    numbering: REPORT_TEXT_NUMBERING,
    title: `${ANNUAL_REPORT_TITLE} ${content.year}`,
    description: `Årsrapport for interkommunalt ambulerende ettervernsteam ${content.year}`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '262626' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { titlePage: true },
        headers: { default: pageHeader, first: new Header({ children: [] }) },
        footers: { default: pageFooter, first: new Footer({ children: [] }) },
        children: [
          ...titlePage(content.year, formatNorwegianDate(generatedOnIso)),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: 'Innhold', font: FONT, size: 32, bold: true, color: '1F3864' })] }),
          new TableOfContents('Innhold', { hyperlink: true, headingStyleRange: '1-2' }),
          new Paragraph({ children: [new PageBreak()] }),
          ...noData,
          ...content.sections.flatMap((section) => sectionBody(section, listInstances)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
