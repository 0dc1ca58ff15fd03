import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReportFilesDto, ImportSummaryDto } from '@shared/contract';
import { chaptersWithoutText, chaptersWithoutTextMessage } from '@shared/domain/annualReport';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { workbookBytes } from '../support/timesheetFiles';
import { docxTables, readDocx, readXlsx, styledParagraphs, tableAfterTitle, type DocxParts } from '../support/annualReportFiles';
import { printedNumber, printedReportLeaks, printedTableLeaks } from '../support/reportDisclosure';
import { CASES_2020, DRIVING_2020, FOLLOW_UP_2020, PARTNER_ENTRIES_2020, PARTNER_ROW_HOURS, legacy2020Sheet } from '../support/legacy2020Timesheet';
import type ExcelJS from 'exceljs';
import { fixedClock, type ServiceContext } from '../../electron/services/context';
import { annualReportContent } from '../../electron/services/annualReport/reportContent';
import { reportChartLabels } from '../support/reportChartLabels';

/**
 * The 2020 report rebuilt by the app from the team's 2020 time sheet imported into an empty database. The
 * team's real sheet is not in the repository (it names real cases), so the sheet is built in its shape from
 * the figures the 2020 report printed (tests/support/legacy2020Timesheet.ts); the report made from it must
 * print those figures again.
 */

const MEMBERS = ['Fauske', 'Sørfold', 'Hamarøy', 'Steigen', 'Saltdal', 'Meløy', 'Gildeskål', 'Beiarn', 'Rødøy'];

let t: TestDatabase;
let summary: ImportSummaryDto;
let files: AnnualReportFilesDto;
let docx: DocxParts;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  // The day the 2020 report was signed (21/01-2021).
  t = await createTestDatabase({ now: '2021-01-21T10:00:00.000Z' });
  expect(t.count('time_entries') + t.count('cases')).toBe(0);
  const bytes = await workbookBytes({ 2020: legacy2020Sheet() });
  const preview = await t.okAsync('timesheet:read-file', { jobId: randomUUID(), fileName: 'Ressursbruk 2020.xlsx', contentBase64: bytes.toString('base64') });
  summary = await t.okAsync('timesheet:import', { jobId: preview.jobId, strict: true });
  files = await t.okAsync('annual-report:generate', { year: 2020 });
  docx = await readDocx(files.docx);
  workbook = await readXlsx(files.xlsx);
}, 120_000);
afterAll(() => t.close());

/** A printed figure as a number: «1 234,5» → 1234.5, an empty cell 0. */
const figure = (text: string | undefined) => printedNumber(text ?? '') ?? 0;

/** Each municipality row's figures in the given printed columns, and the «Totalsum» row's. */
function byMunicipality(rows: string[][], columns: number[]): Record<string, number[]> {
  return Object.fromEntries(
    rows.filter((r) => MEMBERS.includes(r[0]!) || r[0] === 'Felles' || r[0] === 'Totalsum').map((r) => [r[0], columns.map((c) => figure(r[c]))]),
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the 2020 annual report from the legacy 2020 time sheet', () => {
  it('imports every row of the sheet and creates the 15 cases the report names', () => {
    const rows = legacy2020Sheet().length - 3;
    expect(summary).toMatchObject({ committed: true, rowsRead: rows, imported: rows, rejectedCount: 0 });
    expect(summary.casesCreated).toHaveLength(15);
  });

  it('prints the follow-up table of the 2020 report: hours in institution and after, per municipality, 30 + 499 = 529', () => {
    // Columns: Institusjon bruker (timer, registreringer), Brukeroppfølging (timer, registreringer), Totalsum (timer, …).
    const table = byMunicipality(tableAfterTitle(docx.document, 'Brukeroppfølging i institusjon og etter endt opphold i institusjon 2020'), [1, 3, 5]);
    for (const municipality of MEMBERS) {
      const [institution, after] = FOLLOW_UP_2020[municipality] ?? [0, 0];
      expect(table[municipality], municipality).toEqual([institution, after, institution + after]);
    }
    expect(table.Totalsum).toEqual([30, 499, 529]);
  });

  it('prints the driving table of the 2020 report: 137 hours', () => {
    const table = byMunicipality(tableAfterTitle(docx.document, 'Kjøring 2020'), [1]);
    for (const municipality of MEMBERS) expect(table[municipality], municipality).toEqual([DRIVING_2020[municipality] ?? 0]);
    expect(table.Totalsum).toEqual([137]);
  });

  it('prints the partner table as what the 2020 report counted — 200 entries — with the hours beside them', () => {
    // Columns: Samarbeidspartnere (timer, registreringer), Totalsum (timer, registreringer).
    const table = byMunicipality(tableAfterTitle(docx.document, 'Samarbeidspartnere 2020'), [1, 2]);
    for (const municipality of [...MEMBERS, 'Felles']) {
      const entries = PARTNER_ENTRIES_2020[municipality] ?? 0;
      expect(table[municipality], municipality).toEqual([entries * PARTNER_ROW_HOURS, entries]);
    }
    expect(table.Totalsum).toEqual([200 * PARTNER_ROW_HOURS, 200]);
  });

  it('counts the cases the 2020 report could only tell in words: ten in Fauske, two in Saltdal, one each in Beiarn, Meløy and Gildeskål', () => {
    const rows = tableAfterTitle(docx.document, 'Saker per kommune 2020');
    const total = rows[0]!.findIndex((h) => h.startsWith('Saker i alt'));
    const table = byMunicipality(rows, [total]);
    for (const municipality of MEMBERS) expect(table[municipality], municipality).toEqual([CASES_2020[municipality] ?? 0]);
    expect(table.Totalsum).toEqual([15]);
  });

  it('adds the hours up to the same total in «Ressursbruk per kommune» and in the spreadsheet', () => {
    const hours = 529 + 137 + sum(Object.values(PARTNER_ENTRIES_2020)) * PARTNER_ROW_HOURS;
    expect(tableAfterTitle(docx.document, 'Ressursbruk per kommune 2020').at(-1)!.slice(0, 2)).toEqual(['Totalsum', String(hours)]);
    // The spreadsheet is made from the same read: its sheets print the same figures as numbers.
    const lastRow = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      let found: unknown[] = [];
      sheet.eachRow((row) => {
        if (row.getCell(1).value === 'Totalsum') found = (row.values as unknown[]).slice(2);
      });
      return found;
    };
    expect(lastRow('Per kommune')[0]).toBe(hours);
    const followUp = lastRow('Brukeroppfølging');
    expect([followUp[0], followUp[2], followUp[4]]).toEqual([30, 499, 529]);
    expect(lastRow('Kjøring')[0]).toBe(137);
    expect(lastRow('Samarbeidspartnere')).toEqual([100, 200, 100, 200]);
  });

  it('says under the person-hour tables that imported hours have no person-hours, in both files', () => {
    const rows = legacy2020Sheet().length - 3;
    const note = `${rows.toLocaleString('nb-NO')} registreringer i 2020 er importert fra timelisten, som ikke viser hvem i teamet som var med: de teller som timer, men ikke som persontimer.`;
    expect(docx.documentXml).toContain(note);
    expect(tableAfterTitle(docx.document, 'Ressursbruk per kommune 2020').at(-1)![2]).toBe('0');
    for (const name of ['Per kommune', 'Per hendelse']) {
      expect(workbook.getWorksheet(name)!.getColumn(1).values, name).toContain(note);
    }
  });

  it('has no hidden figure a reader could work out, in any table of the document', () => {
    const tables = docxTables(docx.document);
    expect(tables.length).toBeGreaterThan(5);
    expect(printedReportLeaks(tables)).toEqual([]);
    // The follow-up time of the year's closed cases is a median: with no case closed it is not printed.
    const cases = tableAfterTitle(docx.document, 'Saker per kommune 2020');
    const median = cases[0]!.findIndex((h) => h.startsWith('Median'));
    expect(cases.slice(1).every((r) => printedNumber(r[median] ?? '') === null)).toBe(true);
  });

  it('lists the nine members in every municipality table and chart, in the founding plan order, those without hours as 0', async () => {
    // Sørfold, Hamarøy and Rødøy have no follow-up hours in 2020, Rødøy no hours at all: present everywhere, or the
    // reader takes them for forgotten.
    for (const rows of docxTables(docx.document).filter((r) => r[0]?.[0] === 'Kommune')) {
      expect(
        rows.map((r) => r[0]!).filter((label) => MEMBERS.includes(label)),
        rows[0]!.join(' | '),
      ).toEqual(MEMBERS);
    }
    const ctx = { db: t.db, actor: null, clock: fixedClock('2021-01-21T10:00:00.000Z'), session: { actor: null } } as unknown as ServiceContext;
    const charts = reportChartLabels(await annualReportContent(ctx, 2020)).filter((c) => c.labels.some((l) => MEMBERS.includes(l)));
    expect(charts.map((c) => c.title)).toEqual([
      'Timer per kommune og hendelse 2020',
      'Brukeroppfølging i institusjon og etter endt opphold i institusjon – timer',
    ]);
    for (const chart of charts)
      expect(
        chart.labels.filter((l) => MEMBERS.includes(l)),
        chart.title,
      ).toEqual(MEMBERS);
  });

  it('prints no bare chapter heading: each chapter has text, a table or a figure, and the chapters left out are the ones the warning names', async () => {
    const chapters = styledParagraphs(docx.document, 'Heading1');
    expect(chapters).toEqual(['Slik registrerer vi', 'Saker', 'Ressursbruk', 'Samarbeidspartnere og nettverksarbeid', 'Varig endring']);
    for (const heading of chapters) expect(chapterHasContent(docx, heading), heading).toBe(true);
    const texts = await t.okAsync('annual-report:texts', { year: 2020 });
    const missing = chaptersWithoutText(texts.sections);
    const leftOut = missing.filter((m) => m.leftOut).map((m) => m.heading);
    expect(leftOut).toEqual(['Om ettervernsteamet', 'Avvik og hendelser', 'Planer for 2021']);
    for (const heading of leftOut) expect(chapters).not.toContain(heading);
    expect(chaptersWithoutTextMessage(missing)).toContain('«Om ettervernsteamet», «Avvik og hendelser» og «Planer for 2021» har ingen tekst og blir utelatt');
  });
});

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Whether anything but empty paragraphs stands between this Heading 1 and the next. */
function chapterHasContent(parts: DocxParts, heading: string): boolean {
  const body = parts.document.getElementsByTagNameNS(W, 'body')[0]!;
  const children = Array.from(body.childNodes).filter((n): n is Element => n.nodeType === 1);
  const isHeading1 = (n: Element) => Array.from(n.getElementsByTagNameNS(W, 'pStyle')).some((s) => s.getAttributeNS(W, 'val') === 'Heading1');
  const start = children.findIndex((n) => isHeading1(n) && n.textContent === heading);
  const rest = children.slice(start + 1);
  const end = rest.findIndex(isHeading1);
  return (end < 0 ? rest : rest.slice(0, end)).some(
    (n) => n.localName === 'tbl' || (n.textContent ?? '').trim() !== '' || n.getElementsByTagNameNS(W, 'drawing').length > 0,
  );
}

describe('the printed-table check', () => {
  const header = [
    'Spørsmål',
    'Svarte (svar)',
    '1 helt uenig (svar)',
    '2 uenig (svar)',
    '3 nøytral (svar)',
    '4 enig (svar)',
    '5 helt enig (svar)',
    'Snitt (snitt)',
  ];

  it('catches the old leak: «Helse og rus» 9 answers = 0 + 0 + 0 + X + 6 gives X = 3', () => {
    expect(printedTableLeaks([header, ['Helse og rus', '9', '0', '0', '0', 'skjult', '6', '4,7']])).toEqual([
      'brukerevaluering «Helse og rus»: ett skjult tall ved siden av summen 9 kan regnes ut (3)',
      'brukerevaluering «Helse og rus»: snittet 4,7 vises ved skjulte tall eller under 5 svar',
    ]);
    expect(printedTableLeaks([header, ['Teamet lyttet', '10', '0', '0', 'skjult', 'skjult', '8', 'skjult']])).toEqual([
      'brukerevaluering «Teamet lyttet»: de skjulte tallene holder 2 til sammen, under 5',
    ]);
    expect(printedTableLeaks([header, ['Helse og rus', '9', 'skjult', 'skjult', 'skjult', 'skjult', 'skjult', 'skjult']])).toEqual([]);
  });

  it('catches a median of fewer than 5 closed cases and «skjult» in a table it does not know', () => {
    const cases = [
      ['Kommune', 'Avsluttet (saker)', 'Median varighet, start til avslutning (uker)'],
      ['Beiarn', '1', '12'],
    ];
    expect(printedTableLeaks(cases)).toEqual(['Beiarn: medianen 12 bygger på 1 avsluttede saker']);
    expect(
      printedTableLeaks([
        ['Kommune', 'Timer'],
        ['Beiarn', 'skjult'],
      ]),
    ).toEqual(['Kommune | Timer: skjulte tall i en tabell uten kjent form']);
  });
});
