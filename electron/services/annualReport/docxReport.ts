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
  TableOfContents,
  TextRun,
  type FileChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { ANNUAL_REPORT_HEADER, ANNUAL_REPORT_TITLE } from '@shared/domain/annualReport';
import type { ChartDefinition } from '@shared/charts/types';
import { formatNorwegianDate } from '@shared/format';
import { renderChartPngAsync } from '../charts/renderChart';
import { asColumns, forPaper } from '../charts/printChart';
import { CASE_COUNT_EXCEPTION_TEXT, DISCLOSURE_RULE_TEXT } from '@shared/domain/disclosureControl';
import type { AnnualReportContent, ReportSectionContent, ReportSignOff } from './reportContent';
import { REPORT_TEXT_NUMBERING, reportTextParagraphs } from './docxText';
import { printsLandscape, reportTable, TABLE_TEXT_STYLES, textTable, type Block } from './docxTables';
import { chapterParts } from './chapterParts';

const FONT = 'Calibri';
/** A4 with 2,54 cm margins leaves 15,9 cm of text width: about 600 px at 96 dpi. */
const TEXT_WIDTH_PX = 600;
/** A4 on its side less the same margins: about 930 px. */
const LANDSCAPE_TEXT_WIDTH_PX = 930;
/**
 * A chart under a landscape table: the room the cost-share table and its notes leave on the page (about
 * 8 cm), less a margin so Word's slightly different layout still keeps it there.
 */
const LANDSCAPE_CHART_HEIGHT_PX = 270;

/** A chart as printed: a paragraph, told whether to keep with the paragraph after it. */
type Figure = (keepNext: boolean) => FileChild[];

/**
 * The chart draws its own title (the same builder as on screen); the title is also the image's alt text.
 * On a landscape page (under its table) the bars stand up, across the page's width.
 */
async function chartFigure(chart: ChartDefinition, landscape: boolean): Promise<Figure> {
  if (chart.omitted) {
    const text = chart.omitted;
    return (keepNext) => [new Paragraph({ spacing: { before: 120, after: 240 }, keepNext, children: [new TextRun({ text, italics: true })] })];
  }
  const printed = forPaper(landscape ? asColumns(chart, LANDSCAPE_TEXT_WIDTH_PX, LANDSCAPE_CHART_HEIGHT_PX) : chart);
  const png = await renderChartPngAsync(printed);
  const width = Math.min(landscape ? LANDSCAPE_TEXT_WIDTH_PX : TEXT_WIDTH_PX, printed.width);
  const height = Math.round((width * png.height) / png.width);
  return (keepNext) => [
    new Paragraph({
      spacing: { before: 120, after: 240 },
      keepLines: true,
      keepNext,
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
async function chartFigures(sections: readonly ReportSectionContent[]): Promise<Map<ChartDefinition, Figure>> {
  const charts = sections.flatMap((section) => [
    ...section.charts.map((chart) => ({ chart, landscape: false })),
    ...section.tables.flatMap((table) => (table.chart ? [{ chart: table.chart, landscape: printsLandscape(table) }] : [])),
  ]);
  return new Map(await Promise.all(charts.map(async ({ chart, landscape }) => [chart, await chartFigure(chart, landscape)] as const)));
}

/**
 * A chapter in the order of chapterParts: its landscape tables last, so the chapter's upright material fills
 * the page before their section break, and the break falls where the next chapter would begin. A chapter
 * with nothing upright under its heading takes the heading onto the landscape page with its table.
 */
function sectionBody(section: ReportSectionContent, listInstances: { next: number }, figures: ReadonlyMap<ChartDefinition, Figure>): Block[] {
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] });
  const upright: FileChild[] = section.text ? reportTextParagraphs(section.text, listInstances) : [];
  const landscape: FileChild[] = [];
  const parts = chapterParts(section);
  parts.forEach((part, i) => {
    if (part.kind === 'notice')
      upright.push(new Paragraph({ spacing: { before: 120, after: 240 }, children: [new TextRun({ text: part.notice.text, italics: true })] }));
    else if (part.kind === 'textTable') upright.push(...textTable(part.table));
    // Charts one after the other keep together: the last of them never starts a page alone (the 2025 demo's
    // follow-up chart did, once the chart before it fitted under the tables).
    else if (part.kind === 'chart') upright.push(...(figures.get(part.chart)?.(parts[i + 1]?.kind === 'chart') ?? []));
    else if (part.kind === 'table') {
      for (const block of reportTable(part.table, (part.table.chart && figures.get(part.table.chart)?.(false)) || [])) {
        if ('landscape' in block) landscape.push(...block.landscape);
        else upright.push(block);
      }
    }
  });
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
