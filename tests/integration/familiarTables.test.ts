import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { familiarTables } from '../../electron/services/statistics/familiarTables';
import { logEntry } from '../support/logEntry';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { DRIVING_2020, FOLLOW_UP_2020, PARTNER_ENTRIES_2020 } from '../support/legacy2020Timesheet';

/**
 * The seed report's «Statistikk av ressursbruk» for 2020. The first two tables sum hours; the partner
 * table is «Antall av Tidsbruk» — a count of rows that the report printed as if it were hours.
 */
const FOLLOW_UP_HOURS = FOLLOW_UP_2020;
const DRIVING_HOURS = DRIVING_2020;
const PARTNER_ENTRIES = PARTNER_ENTRIES_2020;

/** Whole hours as entries of at most `piece` minutes (the team logs in half hours). */
function pieces(hours: number, piece: number): number[] {
  const result: number[] = [];
  for (let left = hours * 60; left > 0; left -= Math.min(piece, left)) result.push(Math.min(piece, left));
  return result;
}

let t: TestDatabase;
let day = 0;
const log = async (municipality: string, category: number, minutes: number, date?: string) =>
  await logEntry(t, { date: date ?? addDays('2020-01-01', day++ % 360), municipality, category, minutes, participantIds: [t.member!.id] });

// Read-only tests (the export adds only its audit row): one database for all of them.
beforeAll(async () => {
  t = await createTestDatabase();
  day = 0;
  for (const [municipality, [institution, after]] of Object.entries(FOLLOW_UP_HOURS)) {
    for (const m of pieces(institution, 120)) await log(municipality, 4, m);
    for (const m of pieces(after, 120)) await log(municipality, 1, m);
  }
  for (const [municipality, hours] of Object.entries(DRIVING_HOURS)) for (const m of pieces(hours, 90)) await log(municipality, 2, m);
  // Each partner entry is half an hour: the count and the hours must come out different.
  for (const [municipality, count] of Object.entries(PARTNER_ENTRIES)) for (let i = 0; i < count; i++) await log(municipality, 3, 30);
  // Outside the tables: other categories, and the neighbouring years.
  await log('Fauske', 5, 60);
  await log('Sørfold', 7, 90);
  await log('Fauske', 1, 300, '2019-12-31');
  await log('Fauske', 2, 300, '2021-01-01');
});
afterAll(() => t.close());

const entriesOf = (hours: number, piece: number) => pieces(hours, piece).length;

describe('the three familiar tables', () => {
  it('rebuild the 2020 follow-up table exactly, with hours and entry counts apart', async () => {
    const { tables } = await t.okAsync('statistics:familiar-tables', { period: { year: 2020 } });
    const followUp = tables.find((x) => x.key === 'followUp')!;
    expect(followUp.title).toBe('Brukeroppfølging i institusjon og etter endt opphold i institusjon');
    expect(followUp.categories.map((c) => c.name)).toEqual(['Institusjon bruker', 'Brukeroppfølging']);
    expect(followUp.rows.map((r) => r.municipality)).toEqual(['Fauske', 'Steigen', 'Saltdal', 'Meløy', 'Gildeskål', 'Beiarn']);
    for (const row of followUp.rows) {
      const [institution, after] = FOLLOW_UP_HOURS[row.municipality]!;
      expect(row.cells).toEqual([
        { hours: institution, entries: entriesOf(institution, 120) },
        { hours: after, entries: entriesOf(after, 120) },
      ]);
      expect(row.total).toEqual({ hours: institution + after, entries: entriesOf(institution, 120) + entriesOf(after, 120) });
    }
    expect(followUp.totals.cells.map((c) => c.hours)).toEqual([30, 499]);
    expect(followUp.totals.total.hours).toBe(529);
    // On screen and in Excel: «Beiarn» has no institution time — an empty cell, not a zero.
    expect(followUp.table.rows.find((r) => r.label === 'Beiarn')!.values).toEqual([null, null, 23, 12, 23, 12]);
    expect(followUp.table.columns.map((c) => `${c.label}|${c.measure}`)).toEqual([
      'Institusjon bruker|hours',
      'Institusjon bruker|entries',
      'Brukeroppfølging|hours',
      'Brukeroppfølging|entries',
      'Totalsum|hours',
      'Totalsum|entries',
    ]);
  });

  it('rebuild the 2020 driving table exactly', async () => {
    const driving = (await t.okAsync('statistics:familiar-tables', { period: { year: 2020 } })).tables.find((x) => x.key === 'driving')!;
    expect(Object.fromEntries(driving.rows.map((r) => [r.municipality, r.total.hours]))).toEqual(DRIVING_HOURS);
    expect(driving.rows.map((r) => r.municipality)).toEqual(['Fauske', 'Sørfold', 'Hamarøy', 'Steigen', 'Saltdal', 'Meløy', 'Gildeskål', 'Beiarn']);
    expect(Object.fromEntries(driving.rows.map((r) => [r.municipality, r.cells[0]!.entries]))).toEqual(
      Object.fromEntries(Object.entries(DRIVING_HOURS).map(([m, h]) => [m, entriesOf(h, 90)])),
    );
    expect(driving.totals.total.hours).toBe(137);
  });

  it('rebuild the 2020 partner table as what it was — a count of entries — and give the hours beside it', async () => {
    const partners = (await t.okAsync('statistics:familiar-tables', { period: { year: 2020 } })).tables.find((x) => x.key === 'partners')!;
    expect(Object.fromEntries(partners.rows.map((r) => [r.municipality, r.cells[0]!.entries]))).toEqual(PARTNER_ENTRIES);
    expect(partners.rows.map((r) => r.municipality)).toEqual(['Fauske', 'Sørfold', 'Hamarøy', 'Steigen', 'Saltdal', 'Meløy', 'Gildeskål', 'Beiarn', 'Felles']);
    expect(partners.totals.total).toEqual({ entries: 200, hours: 100 });
    const fauske = partners.table.rows.find((r) => r.label === 'Fauske')!;
    const hoursColumn = partners.table.columns.findIndex((c) => c.measure === 'hours' && !c.total);
    const entriesColumn = partners.table.columns.findIndex((c) => c.measure === 'entries' && !c.total);
    expect([fauske.values[hoursColumn], fauske.values[entriesColumn]]).toEqual([55.5, 111]);
  });

  it('label every column with its unit in the exported sheet, so a count never reads as hours', async () => {
    const file = await t.okAsync('statistics:export-table', { period: { year: 2020 }, familiarTable: 'partners' });
    expect(file.fileName).toBe('Samarbeidspartnere 2020.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Kommune',
      'Samarbeidspartnere (timer)',
      'Samarbeidspartnere (registreringer)',
      'Totalsum (timer)',
      'Totalsum (registreringer)',
    ]);
    expect(sheet.getCell('C3').numFmt).toBe('#,##0');
    expect(sheet.getCell('B3').numFmt).toBe('#,##0.0');
    // Fauske is the first row: the founding plan's order.
    expect([sheet.getCell('B3').value, sheet.getCell('C3').value]).toEqual([55.5, 111]);
    expect(sheet.getRow(12).values).toEqual([undefined, 'Totalsum', 100, 200, 100, 200]);
  });

  it('are the function the annual report calls, and empty for a year without entries', async () => {
    const empty = await familiarTables({ db: t.db, actor: null, clock: { now: () => new Date() } } as never, { year: 2018 });
    expect(empty.tables.map((x) => [x.key, x.rows.length, x.table.totalRow])).toEqual([
      ['followUp', 0, null],
      ['driving', 0, null],
      ['partners', 0, null],
    ]);
  });
});
