import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEFAULT_DEMO_SEED } from '../../electron/cli/commandSpecs';
import { fixedClock, type ServiceContext } from '../../electron/services/context';
import { annualReportFiles } from '../../electron/services/annualReport/generate';
import { bodyParagraphs, docxTables, readDocx, readXlsx, tableAfterTitle } from '../support/annualReportFiles';
import { reportChartLabels } from '../support/reportChartLabels';
import { annualReportContent } from '../../electron/services/annualReport/reportContent';
import { printedReportLeaks } from '../support/reportDisclosure';
import type { AnnualReportFilesDto } from '@shared/contract';
import { HIDDEN_LABEL } from '@shared/domain/disclosureControl';

const LAST_YEAR = 2025;
const dir = mkdtempSync(join(tmpdir(), 'ettervern-members-'));
let db: AppDatabase;
let ctx: ServiceContext;
let members: string[];
let everyName: Set<string>;
/** Each demo year's files, made once for every test of this file. */
const reports = new Map<number, AnnualReportFilesDto>();
const reportOf = async (year: number) => reports.get(year) ?? reports.set(year, await annualReportFiles(ctx, year)).get(year)!;

beforeAll(async () => {
  db = await openDatabase(join(dir, 'demo.sqlite'));
  await createDemoData({ db }, { toYear: LAST_YEAR, seed: DEFAULT_DEMO_SEED });
  ctx = { db, actor: null, clock: fixedClock(`${LAST_YEAR + 1}-01-15T10:00:00.000Z`), session: { actor: null } } as unknown as ServiceContext;
  members = (db.sqlite.prepare("select name from municipalities where kind = 'member' order by sort_order").all() as { name: string }[]).map((r) => r.name);
  everyName = new Set((db.sqlite.prepare('select name from municipalities').all() as { name: string }[]).map((r) => r.name));
}, 600_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** «Rødøy (4/12)» in the cost table is Rødøy, a member for four months. */
const municipalityOf = (label: string) => label.replace(/ \(\d+\/12\)$/u, '');

/** The municipality labels of a table's rows, as printed (header and total rows are no municipality). */
const municipalityRows = (labels: readonly string[]) => labels.map(municipalityOf).filter((l) => everyName.has(l));

describe('every municipality table of the annual report lists the nine members', () => {
  it('in the founding plan order, with 0 where there is nothing, in the .docx and the .xlsx of every demo year', async () => {
    // The founding plan's nine: all were members from 2020 (Rødøy from September).
    expect(members).toEqual(['Fauske', 'Sørfold', 'Hamarøy', 'Steigen', 'Saltdal', 'Meløy', 'Gildeskål', 'Beiarn', 'Rødøy']);
    for (let year = 2020; year <= LAST_YEAR; year++) {
      const files = await reportOf(year);
      const docx = await readDocx(files.docx);
      const tables = docxTables(docx.document).filter((rows) => rows[0]?.[0] === 'Kommune');
      // Cases, hours per municipality, the two cost tables and the three familiar tables at least.
      expect(tables.length, `${year}: municipality tables in the .docx`).toBeGreaterThanOrEqual(6);
      for (const rows of tables) {
        const labels = municipalityRows(rows.map((r) => r[0]!));
        expect(labels.slice(0, members.length), `${year}: ${rows[0]!.join(' | ')}`).toEqual(members);
        // After the members only «Andre kommuner» and «Felles», never a member a second time.
        expect(labels.slice(members.length).every((l) => !members.includes(l))).toBe(true);
        // No member row has an empty figure: 0 or a number (or «skjult»/blank only in the case table's median).
        for (const row of rows.filter((r) => members.includes(municipalityOf(r[0]!)))) {
          const figures = rows[0]!.some((h) => h.startsWith('Median')) ? row.slice(1, -1) : row.slice(1);
          expect(
            figures.every((v) => v !== ''),
            `${year}: ${row.join(' | ')}`,
          ).toBe(true);
        }
      }
      // No table lists municipalities under another row heading, out of this check's sight.
      for (const rows of docxTables(docx.document)) {
        if (rows.slice(1).some((r) => members.includes(municipalityOf(r[0]!)))) expect(rows[0]![0], `${year}: ${rows[0]!.join(' | ')}`).toBe('Kommune');
      }
      const workbook = await readXlsx(files.xlsx);
      const sheets = workbook.worksheets.filter((s) => s.getCell(2, 1).value === 'Kommune');
      expect(sheets.length, `${year}: municipality sheets`).toBeGreaterThanOrEqual(7);
      const paragraphs = bodyParagraphs(docx.document);
      for (const sheet of sheets) {
        const labels: string[] = [];
        sheet.eachRow((row) => labels.push(String(row.getCell(1).value ?? '')));
        expect(municipalityRows(labels).slice(0, members.length), `${year}: sheet ${sheet.name}`).toEqual(members);
        // The same rows as the document's table of the same title: «Andre kommuner» and «Felles» in both or neither.
        const title = String(sheet.getCell(1, 1).value);
        if (!paragraphs.includes(title)) continue;
        const printed = tableAfterTitle(docx.document, title).map((r) => r[0]!);
        expect(municipalityRows(labels), `${year}: sheet ${sheet.name} and the document's table`).toEqual(municipalityRows(printed));
      }
      // The charts drawn from these tables list the members in the same order, none left out for having nothing.
      const charts = reportChartLabels(await annualReportContent(ctx, year)).filter((c) => c.labels.some((l) => members.includes(l)));
      expect(charts.length, `${year}: charts per municipality`).toBeGreaterThanOrEqual(3);
      for (const chart of charts)
        expect(
          chart.labels.filter((l) => members.includes(l)),
          `${year}: ${chart.title}`,
        ).toEqual(members);
    }
  }, 300_000);

  it('with no hidden figure a reader could work out, in any table of any demo year', async () => {
    let hidden = 0;
    for (let year = 2020; year <= LAST_YEAR; year++) {
      const tables = docxTables((await readDocx((await reportOf(year)).docx)).document);
      expect(printedReportLeaks(tables), String(year)).toEqual([]);
      hidden += tables.flat(2).filter((cell) => cell === HIDDEN_LABEL).length;
    }
    // The check has something to check: the demo years print hidden figures.
    expect(hidden).toBeGreaterThan(0);
  }, 300_000);
});

/**
 * Checks that the sheets of a year's workbook follow the .docx's chapters and tables; says whether the
 * workbook has a notice sheet (a sentence in place of the «Varig endring» tables).
 */
async function expectSheetsInDocumentOrder(year: number, files: AnnualReportFilesDto): Promise<boolean> {
  const paragraphs = bodyParagraphs((await readDocx(files.docx)).document);
  const workbook = await readXlsx(files.xlsx);
  // A table's sheet starts with its title, as the document's heading over the table; a notice's sheet has
  // the chapter heading on top and the notice's sentence under it, as the document prints it.
  const isNotice = (sheet: (typeof workbook.worksheets)[number]) => sheet.getCell(2, 1).value === null && typeof sheet.getCell(3, 1).value === 'string';
  const places = workbook.worksheets.map((sheet) => {
    const marker = String(isNotice(sheet) ? sheet.getCell(3, 1).value : sheet.getCell(1, 1).value);
    return { sheet: sheet.name, at: paragraphs.indexOf(marker) };
  });
  const order = `${year}: ${places.map((p) => p.sheet).join(', ')}`;
  // Only the one spreadsheet-only table (too wide for a page) is not in the document.
  expect(
    places.filter((p) => p.at < 0).map((p) => p.sheet),
    order,
  ).toEqual(['Kommune og hendelse']);
  const positions = places.filter((p) => p.at >= 0).map((p) => p.at);
  expect(positions.length, order).toBeGreaterThanOrEqual(10);
  expect(positions, order).toEqual([...positions].sort((a, b) => a - b));
  // It ends its chapter, «Ressursbruk»: after the chapter's last sheet, before the next chapter's first.
  const resources = paragraphs.indexOf('Ressursbruk');
  const nextChapter = paragraphs.indexOf('Samarbeidspartnere og nettverksarbeid');
  const extra = places.findIndex((p) => p.at < 0);
  expect(places[extra - 1]!.at, order).toBeGreaterThan(resources);
  expect(places[extra - 1]!.at, order).toBeLessThan(nextChapter);
  expect(places[extra + 1]!.at, order).toBeGreaterThan(nextChapter);
  return workbook.worksheets.some(isNotice);
}

describe('the annual report spreadsheet', () => {
  it('puts its sheets in the order of the .docx chapters and tables, in a year with the «Varig endring» notice and in one without', async () => {
    for (let year = 2020; year <= LAST_YEAR; year++) expect(await expectSheetsInDocumentOrder(year, await reportOf(year)), String(year)).toBe(false);
    // Every demo year has lasting-change ratings; without those of the cases closed in 2021 that year's
    // chapter prints the notice instead of its tables (the last test of this file: the database is not read after).
    db.sqlite.prepare("delete from case_domain_ratings where case_id in (select id from cases where closed_date between '2021-01-01' and '2021-12-31')").run();
    expect(await expectSheetsInDocumentOrder(2021, await annualReportFiles(ctx, 2021))).toBe(true);
  }, 300_000);
});
