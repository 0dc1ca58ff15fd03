import { AlignmentType, HeadingLevel, LevelFormat, Paragraph, TextRun, type INumberingOptions } from 'docx';
import { parseReportText, type TextRun as ReportRun } from '@shared/domain/reportText';

const BULLETS = 'report-bullets';
const NUMBERS = 'report-numbers';
const LIST_INDENT = { left: 720, hanging: 360 };

/** Word list definitions the team's texts use: real list numbering, so Word can continue or restyle a list. */
export const REPORT_TEXT_NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: LIST_INDENT } } }],
    },
    {
      reference: NUMBERS,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: LIST_INDENT } } }],
    },
  ],
};

function runs(parts: readonly ReportRun[]): TextRun[] {
  return parts.map((r) => new TextRun({ text: r.text, bold: r.bold || undefined, italics: r.italic || undefined }));
}

/**
 * A chapter text as Word paragraphs: «## …» as Heading 2 (so it is in the contents and the navigation
 * pane), lists as numbered paragraphs. Each numbered list is its own instance, so the second list in a
 * report starts at 1 again; `firstInstance` keeps instances unique across chapters.
 */
export function reportTextParagraphs(text: string, firstInstance: { next: number }): Paragraph[] {
  const blocks = parseReportText(text);
  return blocks.flatMap((block, at) => {
    switch (block.kind) {
      case 'heading':
        return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(block.runs) })];
      case 'paragraph': {
        // The line that introduces a list («Teamet har hatt:») never ends a page without the list under it.
        const next = blocks[at + 1]?.kind;
        const introducesList = next === 'bullets' || next === 'numbered';
        return [
          new Paragraph({
            keepNext: introducesList || undefined,
            spacing: { after: 160 },
            children: block.lines.flatMap((line, i) => (i > 0 ? [new TextRun({ text: '', break: 1 }), ...runs(line)] : runs(line))),
          }),
        ];
      }
      case 'bullets':
      case 'numbered': {
        const reference = block.kind === 'bullets' ? BULLETS : NUMBERS;
        const instance = firstInstance.next++;
        return block.items.map(
          (item, i) =>
            new Paragraph({
              numbering: { reference, level: 0, instance },
              spacing: { after: i === block.items.length - 1 ? 160 : 40 },
              children: runs(item),
            }),
        );
      }
    }
  });
}
