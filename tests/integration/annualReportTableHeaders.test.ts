import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptWithNext, longestWord, wordWidth } from '../../electron/services/annualReport/docxTables';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';
import { logReportYear, readDocx } from '../support/annualReportFiles';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const attr = (node: Element, name: string) => node.getAttributeNS(W, name) ?? node.getAttribute(`w:${name}`);
const children = (node: Element, name: string) =>
  Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
const first = (node: Element, name: string) => node.getElementsByTagNameNS(W, name)[0];
/** A paragraph with Word's keep-with-next on (an element written as off says val="false"). */
const keepsWithNext = (p: Element) => {
  const keep = first(p, 'keepNext');
  return keep !== undefined && !['false', '0'].includes(attr(keep, 'val') ?? '');
};

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe('annual report table headings', () => {
  it('gives every heading word its column: the widths the generator sets hold the longest word at its size', async () => {
    await logReportYear(t);
    const files = await t.okAsync('annual-report:generate', { year: 2020 });
    const { document, documentXml, stylesXml } = await readDocx(files.docx);
    // A cell's text takes its size from its paragraph style (w:pStyle), or from its own run where it has one.
    const styleSizes = new Map(
      [...stylesXml.matchAll(/<w:style [^>]*w:styleId="([^"]+)".*?<\/w:style>/gsu)].flatMap(([style, id]) => {
        const size = /<w:sz w:val="(\d+)"/u.exec(style)?.[1];
        return size ? [[id!, Number(size)] as const] : [];
      }),
    );
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
          const own = first(tc, 'rPr') && first(first(tc, 'rPr')!, 'sz');
          const style = first(tc, 'pStyle');
          const size = own ? Number(attr(own, 'val')) : styleSizes.get(style ? attr(style, 'val')! : '');
          expect(size, `«${text}» has a size`).toBeGreaterThan(0);
          expect(wordWidth(longestWord(text), size!), `«${text}» at ${size! / 2} pt in ${width} twips`).toBeLessThanOrEqual(width);
          checked++;
        }
      }
    }
    // The share table (a label and ten figure columns) is among those checked, and the tables too wide upright stand on landscape pages.
    expect(widest).toBeGreaterThanOrEqual(11);
    expect(checked).toBeGreaterThan(50);
    expect(documentXml).toMatch(/<w:pgSz[^>]*w:orient="landscape"/u);
  });

  it('keeps a short table whole, and a long one never leaves its heading with one row or its total alone', async () => {
    // 14 body rows and a total: every body row keeps with the next, the total ends the chain.
    expect(keptWithNext(14, true)).toEqual(Array(14).fill(true));
    expect(keptWithNext(3, false)).toEqual([true, true, false]);
    // 30 rows: the first two stay with the heading, the last two with the total; the rows between may break.
    const long = keptWithNext(30, true);
    expect(long.slice(0, 2)).toEqual([true, true]);
    expect(long.slice(-2)).toEqual([true, true]);
    expect(long.slice(2, -2).every((keep) => !keep)).toBe(true);

    await logReportYear(t);
    const { document } = await readDocx((await t.okAsync('annual-report:generate', { year: 2020 })).docx);
    const body = document.getElementsByTagNameNS(W, 'body')[0]!;
    const blocks = Array.from(body.childNodes).filter((n): n is Element => n.nodeType === 1);
    const title = blocks.findIndex((n) => n.localName === 'p' && n.textContent === 'Kjøring 2020');
    const table = blocks.slice(title + 1).find((n) => n.localName === 'tbl')!;
    const bodyRows = children(table, 'tr').filter((row) => !first(row, 'tblHeader'));
    const keeps = bodyRows.map((row) => Array.from(row.getElementsByTagNameNS(W, 'p')).every(keepsWithNext));
    // Nine members and the total (the heading rows repeat and never split): all but the total keep with the next row.
    expect(keeps).toEqual([...Array(9).fill(true), false]);
    // The title above keeps with the table too.
    expect(keepsWithNext(blocks[title]!)).toBe(true);
  });

  it('ends a chapter with its landscape tables, so the section break falls where the next chapter begins', async () => {
    await logReportYear(t);
    const { document } = await readDocx((await t.okAsync('annual-report:generate', { year: 2020 })).docx);
    const body = document.getElementsByTagNameNS(W, 'body')[0]!;
    const blocks = Array.from(body.childNodes).filter((n): n is Element => n.nodeType === 1);
    const isHeading1 = (n: Element) => Array.from(n.getElementsByTagNameNS(W, 'pStyle')).some((s) => attr(s, 'val') === 'Heading1');
    // A section's properties stand in its last paragraph; those of a landscape section name the orientation.
    const landscapeEnds = blocks.flatMap((n, i) =>
      n.localName === 'p' && Array.from(n.getElementsByTagNameNS(W, 'pgSz')).some((s) => attr(s, 'orient') === 'landscape') ? [i] : [],
    );
    expect(landscapeEnds.length).toBeGreaterThan(0);
    for (const end of landscapeEnds) {
      // After the landscape pages: the next chapter, or the sign-off at the end of the report.
      const next = blocks.slice(end + 1).find((n) => n.localName === 'tbl' || (n.textContent ?? '').trim() !== '')!;
      expect(isHeading1(next) || (next.textContent ?? '').startsWith('Utarbeidet av'), next.textContent ?? '').toBe(true);
    }
  });
});

describe('a chart under its landscape table', () => {
  it('prints the cost-share chart on the landscape page of its table, bars standing up across the page', async () => {
    await logReportYear(t);
    const names = ['Fauske', 'Sørfold', 'Hamarøy', 'Steigen', 'Saltdal', 'Meløy', 'Gildeskål', 'Beiarn', 'Rødøy'];
    await t.okAsync('cost-share:save-settings', {
      year: 2020,
      version: (await t.okAsync('cost-share:get-settings', { year: 2020 })).version,
      parameters: { budget: 1_000_000, baseAmount: 60_000, bandRates: [1, 0.5, 0.25, 0.1], hourlyRate: 1000 },
      municipalities: names.map((name) => ({ municipalityId: municipalityId(t, name), population: 2000, extraHours: 0 })),
    });
    const { document } = await readDocx((await t.okAsync('annual-report:generate', { year: 2020 })).docx);
    const body = document.getElementsByTagNameNS(W, 'body')[0]!;
    const blocks = Array.from(body.childNodes).filter((n): n is Element => n.nodeType === 1);
    const title = 'Andel av kostnad og andel av hjelp 2020';
    const heading = blocks.findIndex((n) => n.localName === 'p' && (n.textContent ?? '').trim() === title);
    const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
    const drawingOf = (n: Element) => Array.from(n.getElementsByTagNameNS(WP, 'docPr')).find((d) => d.getAttribute('descr') === title);
    const figure = blocks.findIndex((n) => drawingOf(n) !== undefined);
    expect(heading).toBeGreaterThan(0);
    // After its table, with no section break between: the same (landscape) page, not an upright page of its own.
    expect(figure).toBeGreaterThan(heading);
    const sectionEnd = blocks.findIndex((n, i) => i >= heading && n.getElementsByTagNameNS(W, 'sectPr').length > 0);
    expect(figure).toBeLessThanOrEqual(sectionEnd);
    const orientation = first(blocks[sectionEnd]!, 'pgSz');
    expect(attr(orientation!, 'orient')).toBe('landscape');
    // Across the landscape page's width (about 24,6 cm), lower than it is wide.
    const extent = blocks[figure]!.getElementsByTagNameNS(WP, 'extent')[0]!;
    const [cx, cy] = [Number(extent.getAttribute('cx')), Number(extent.getAttribute('cy'))];
    expect(cx / 360_000).toBeGreaterThan(24);
    expect(cy).toBeLessThan(cx / 2);
    // No upright copy of it elsewhere.
    expect(blocks.filter((n) => drawingOf(n) !== undefined)).toHaveLength(1);
  });
});

describe('charts one after the other', () => {
  it('keep together: every chart but the last of a run keeps with the next, so the last never starts a page alone', async () => {
    await logReportYear(t);
    const { document } = await readDocx((await t.okAsync('annual-report:generate', { year: 2020 })).docx);
    const body = document.getElementsByTagNameNS(W, 'body')[0]!;
    const isChart = (n: Element | undefined) => n !== undefined && n.getElementsByTagNameNS(W, 'drawing').length > 0;
    // What prints: tables, paragraphs with text, and pictures (empty spacing paragraphs left out).
    const blocks = Array.from(body.childNodes).filter((n): n is Element => n.nodeType === 1 && ((n.textContent ?? '').trim() !== '' || isChart(n as Element)));
    let runs = 0;
    blocks.forEach((n, i) => {
      if (!isChart(n)) return;
      expect(keepsWithNext(n), `chart ${i}`).toBe(isChart(blocks[i + 1]));
      if (isChart(blocks[i + 1])) runs++;
    });
    // The test year has two charts in a row under «Ressursbruk» (hours per municipality, follow-up).
    expect(runs).toBeGreaterThan(0);
  });
});
