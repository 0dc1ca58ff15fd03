import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { DOCUMENT_ISSUER } from '@shared/domain/documents';

/**
 * The look both default templates share: Fauske kommune's letterhead, a footer with the exemption from
 * public access and page numbers, plain tables with a shaded heading row. Kept in one place so the two
 * documents look like they come from the same office.
 */
export const FONT = 'Calibri';
export const ACCENT = '1F4E79';
export const HEADING_FILL = 'DCE6F1';
export const LABEL_FILL = 'F2F2F2';
const RULE = { style: BorderStyle.SINGLE, size: 6, color: ACCENT };
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

export function text(value: string, options: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}): TextRun {
  return new TextRun({ text: value, font: FONT, ...options });
}

export function para(children: (TextRun | string)[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ ...options, children: children.map((c) => (typeof c === 'string' ? text(c) : c)) });
}

/**
 * A heading in one of Word's own heading styles, so it shows in the navigation pane and a contents field;
 * the look comes from the style (documentStyles), not from the run.
 */
export function heading(value: string, level: 1 | 2 | 3 = 2): Paragraph {
  const styles = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ heading: styles[level], children: [new TextRun(value)] });
}

/** The styleId of the table style every grid uses: Word's built-in «Table Grid» («Tabellrutenett»). */
export const TABLE_STYLE = 'TableGrid';

/**
 * «Table Grid» as the templates define it: thin grey lines and the cell margins the grids use. The docx
 * library writes no table styles, so the build adds this one to styles.xml; tables name it by styleId.
 */
export const TABLE_STYLE_XML =
  `<w:style w:type="table" w:styleId="${TABLE_STYLE}"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>` +
  '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>`).join('') +
  '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>';

/** Normal and Heading 1–3 for a document whose body text is `bodySize` half-points. */
export function documentStyles(bodySize: number, headingSizes: [number, number, number]) {
  const headingStyle = (size: number, before: number, rule: boolean) => ({
    run: { font: FONT, bold: true, size, color: ACCENT },
    paragraph: {
      spacing: { before, after: 80 },
      keepNext: true,
      keepLines: true,
      ...(rule ? { border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: ACCENT, space: 2 } } } : {}),
    },
  });
  return {
    default: {
      document: { run: { font: FONT, size: bodySize }, paragraph: { spacing: { after: 60 } } },
      heading1: headingStyle(headingSizes[0], 120, false),
      heading2: headingStyle(headingSizes[1], 240, true),
      heading3: headingStyle(headingSizes[2], 120, false),
    },
  };
}

export function letterhead(caseLabel: string, size = 20): Header {
  return new Header({
    children: [
      new Table({
        style: TABLE_STYLE,
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { ...NO_BORDERS, bottom: RULE },
        rows: [
          new TableRow({
            children: [
              new TableCell({
                width: { size: 65, type: WidthType.PERCENTAGE },
                borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: RULE },
                children: [
                  para([text(DOCUMENT_ISSUER.organisation, { bold: true, size: size + 4, color: ACCENT })]),
                  para([text(DOCUMENT_ISSUER.team, { size, color: '404040' })], { spacing: { after: 80 } }),
                ],
              }),
              new TableCell({
                width: { size: 35, type: WidthType.PERCENTAGE },
                verticalAlign: VerticalAlign.BOTTOM,
                borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: RULE },
                children: [para([text(caseLabel, { size, color: '404040' })], { alignment: AlignmentType.RIGHT, spacing: { after: 80 } })],
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

export function pageFooter(note: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6', space: 4 } },
        tabStops: [{ type: 'right', position: 9600 }],
        children: [
          text(note, { size: 16, color: '595959' }),
          new TextRun({ font: FONT, size: 16, color: '595959', children: ['\tSide ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

export function cell(content: string | TextRun[], options: { fill?: string; bold?: boolean; width?: number; center?: boolean; size?: number } = {}): TableCell {
  const runs = typeof content === 'string' ? [text(content, { bold: options.bold, size: options.size })] : content;
  return new TableCell({
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    width: options.width === undefined ? undefined : { size: options.width, type: WidthType.PERCENTAGE },
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [para(runs, { alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT })],
  });
}

/** A table whose first row is a shaded heading; `rows` are the cell texts (placeholders included). */
export function grid(headings: string[], widths: number[], rows: string[][], size?: number): Table {
  return new Table({
    style: TABLE_STYLE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headings.map((h, i) => cell(h, { fill: HEADING_FILL, bold: true, width: widths[i], size })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, { width: widths[i], size })) })),
    ],
  });
}

/** Label/value pairs, the label column shaded. */
export function factTable(pairs: [string, string][]): Table {
  return new Table({
    style: TABLE_STYLE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: pairs.map(
      ([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, { fill: LABEL_FILL, bold: true, width: 32 }), cell(value, { width: 68 })] }),
    ),
  });
}

/** Signature lines side by side, without borders except the line to sign on. */
export function signatureLines(labels: string[]): Table {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  return new Table({
    style: TABLE_STYLE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: labels.flatMap((label, i) => [
          ...(i > 0
            ? [
                new TableCell({
                  borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
                  width: { size: 8, type: WidthType.PERCENTAGE },
                  children: [para([])],
                }),
              ]
            : []),
          new TableCell({
            borders: { top: line, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
            width: { size: Math.floor((100 - 8 * (labels.length - 1)) / labels.length), type: WidthType.PERCENTAGE },
            children: [para([text(label, { size: 18, color: '404040' })], { spacing: { before: 40 } })],
          }),
        ]),
      }),
    ],
  });
}
