import { describe, expect, it } from 'vitest';
import { parseInline, parseReportText } from '@shared/domain/reportText';

const plain = (text: string) => ({ text, bold: false, italic: false });

describe('parseInline', () => {
  it('marks **bold** and *italic*, nested too', () => {
    expect(parseInline('Vi **møtte** *alle* kommunene')).toEqual([
      plain('Vi '),
      { text: 'møtte', bold: true, italic: false },
      plain(' '),
      { text: 'alle', bold: false, italic: true },
      plain(' kommunene'),
    ]);
    expect(parseInline('**fet og *kursiv***')).toEqual([
      { text: 'fet og ', bold: true, italic: false },
      { text: 'kursiv', bold: true, italic: true },
    ]);
  });

  it('prints an unmatched or spaced star as typed', () => {
    expect(parseInline('3 * 4 = 12 og **ikke lukket')).toEqual([plain('3 * 4 = 12 og **ikke lukket')]);
  });
});

describe('parseReportText', () => {
  it('turns ## lines into subheadings and blank-line blocks into paragraphs with their line breaks', () => {
    expect(parseReportText('## Fagutvikling\nFørste linje\nandre linje\n\nNytt avsnitt')).toEqual([
      { kind: 'heading', runs: [plain('Fagutvikling')] },
      { kind: 'paragraph', lines: [[plain('Første linje')], [plain('andre linje')]] },
      { kind: 'paragraph', lines: [[plain('Nytt avsnitt')]] },
    ]);
  });

  it('reads typed and pasted bullets («- », «• », «– ») as one list, not as literal hyphens', () => {
    const blocks = parseReportText('Vi har:\n- ukentlige møter\n• nettverksmøter\n– kurs i MI');
    expect(blocks).toEqual([
      { kind: 'paragraph', lines: [[plain('Vi har:')]] },
      { kind: 'bullets', items: [[plain('ukentlige møter')], [plain('nettverksmøter')], [plain('kurs i MI')]] },
    ]);
  });

  it('keeps numbered lists apart from bullets, and an indented line continues its item', () => {
    expect(parseReportText('1. Først\n   videre\n2) Så\n- kule')).toEqual([
      { kind: 'numbered', items: [[plain('Først videre')], [plain('Så')]] },
      { kind: 'bullets', items: [[plain('kule')]] },
    ]);
  });

  it('leaves a single # and other Markdown as plain text', () => {
    expect(parseReportText('# ikke tittel\n<b>x</b> _y_')).toEqual([{ kind: 'paragraph', lines: [[plain('# ikke tittel')], [plain('<b>x</b> _y_')]] }]);
  });

  it('gives no blocks for blank text', () => {
    expect(parseReportText(' \n\n  ')).toEqual([]);
  });
});
