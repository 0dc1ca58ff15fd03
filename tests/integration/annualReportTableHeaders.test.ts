import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { longestWord, wordWidth } from '../../electron/services/annualReport/docxReport';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { logReportYear, readDocx } from '../support/annualReportFiles';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const attr = (node: Element, name: string) => node.getAttributeNS(W, name) ?? node.getAttribute(`w:${name}`);
const children = (node: Element, name: string) =>
  Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
const first = (node: Element, name: string) => node.getElementsByTagNameNS(W, name)[0];

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe('annual report table headings', () => {
  it('gives every heading word its column: the widths the generator sets hold the longest word at its size', async () => {
    logReportYear(t);
    const files = await t.okAsync('annual-report:generate', { year: 2020 });
    const { document, documentXml } = await readDocx(files.docx);
    let checked = 0;
    let widest = 0;
    for (const table of Array.from(document.getElementsByTagNameNS(W, 'tbl'))) {
      const grid = Array.from(table.getElementsByTagNameNS(W, 'gridCol')).map((c) => Number(attr(c, 'w')));
      widest = Math.max(widest, grid.length);
      // Heading rows: those repeated on each page. A cell spanning rows from above takes up its column too.
      const rows = children(table, 'tr').filter((row) => first(row, 'tblHeader'));
      for (const row of rows) {
        let column = 0;
        for (const tc of children(row, 'tc')) {
          const span = Number(first(tc, 'gridSpan') ? attr(first(tc, 'gridSpan')!, 'val') : 1);
          const width = grid.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          const text = Array.from(tc.getElementsByTagNameNS(W, 't'))
            .map((n) => n.textContent ?? '')
            .join('');
          if (!text) continue;
          // The run's size, not the border's (both are w:sz).
          const size = Number(attr(first(first(tc, 'rPr')!, 'sz')!, 'val'));
          expect(wordWidth(longestWord(text), size), `«${text}» at ${size / 2} pt in ${width} twips`).toBeLessThanOrEqual(width);
          checked++;
        }
      }
    }
    // The share table (a label and ten figure columns) is among those checked, and the tables too wide upright stand on landscape pages.
    expect(widest).toBeGreaterThanOrEqual(11);
    expect(checked).toBeGreaterThan(50);
    expect(documentXml).toMatch(/<w:pgSz[^>]*w:orient="landscape"/u);
  });
});
