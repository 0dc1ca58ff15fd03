import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PivotColumnDimension, PivotDimension, PivotDto, StatisticMeasure } from '@shared/contract';
import { PIVOT_DIMENSIONS } from '@shared/contract';
import { logEntry } from '../support/logEntry';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

interface Logged {
  date: string;
  municipality: string;
  category: number;
  minutes: number;
  /** Usernames of the participants; empty: an imported entry with nobody recorded. */
  people: string[];
  caseCode?: string;
}

const CASES = [
  { code: '01/20-FA', municipality: 'Fauske' },
  { code: '02/20-FA', municipality: 'Fauske' },
  { code: '01/20-SA', municipality: 'Saltdal' },
];

// Two years, three months, a case across months and categories, two people on most entries, one with nobody.
const LOG: Logged[] = [
  { date: '2020-01-10', municipality: 'Fauske', category: 1, minutes: 90, people: ['marit', 'orjan'], caseCode: '01/20-FA' },
  { date: '2020-01-11', municipality: 'Fauske', category: 2, minutes: 60, people: ['marit', 'orjan'], caseCode: '01/20-FA' },
  { date: '2020-02-03', municipality: 'Fauske', category: 1, minutes: 120, people: ['aase'], caseCode: '02/20-FA' },
  { date: '2020-02-04', municipality: 'Fauske', category: 4, minutes: 30, people: ['aase', 'orjan'], caseCode: '01/20-FA' },
  { date: '2020-02-20', municipality: 'Saltdal', category: 1, minutes: 240, people: ['marit', 'aase'], caseCode: '01/20-SA' },
  { date: '2020-03-01', municipality: 'Saltdal', category: 2, minutes: 150, people: ['marit'], caseCode: '01/20-SA' },
  { date: '2020-03-05', municipality: 'Felles', category: 3, minutes: 60, people: ['orjan'] },
  { date: '2020-03-06', municipality: 'Fauske', category: 3, minutes: 30, people: [], caseCode: '02/20-FA' },
  { date: '2020-12-31', municipality: 'Beiarn', category: 2, minutes: 30, people: ['marit', 'aase'] },
  { date: '2021-01-01', municipality: 'Fauske', category: 1, minutes: 600, people: ['marit'], caseCode: '01/20-FA' },
];

let t: TestDatabase;
const memberIds = new Map<string, number>();
const memberNames = new Map<string, string>();

beforeEach(async () => {
  t = await createTestDatabase();
  memberIds.set('marit', t.member!.id);
  memberNames.set('marit', t.member!.displayName);
  for (const [username, name, initials] of [
    ['orjan', 'Ørjan Aune', 'ØA'],
    ['aase', 'Åse Berg', 'ÅB'],
  ] as const) {
    const m = await t.addMember(username, name, initials);
    memberIds.set(username, m.id);
    memberNames.set(username, name);
  }
  for (const c of CASES) t.ok('cases:create', { municipalityId: municipalityId(t, c.municipality), referralDate: '2020-01-02', code: c.code });
  for (const e of LOG) {
    const id = await logEntry(t, { ...e, participantIds: e.people.length > 0 ? e.people.map((p) => memberIds.get(p)!) : [t.member!.id] });
    // An imported row may name nobody; the import writes it so, the form cannot.
    if (e.people.length === 0) t.db.sqlite.prepare('delete from time_entry_participants where time_entry_id = ?').run(id);
  }
});
afterEach(() => t.close());

const MONTHS: Record<string, string> = { '01': 'jan.', '02': 'feb.', '03': 'mars', '12': 'des.' };
const CATEGORY_NAMES: Record<number, string> = { 1: 'Brukeroppfølging', 2: 'Kjøring', 3: 'Samarbeidspartnere', 4: 'Institusjon bruker' };

/** The label each dimension gives an entry, per participant for the member dimension. */
function labelsOf(e: Logged, dimension: PivotDimension): string[] {
  switch (dimension) {
    case 'municipality':
      return [e.municipality];
    case 'category':
      return [`${e.category} ${CATEGORY_NAMES[e.category]}`];
    case 'month':
      return [MONTHS[e.date.slice(5, 7)]!];
    case 'case':
      return [e.caseCode ?? 'Uten sak (felles arbeid)'];
    case 'member':
      return e.people.length === 0 ? ['Uten registrert deltaker'] : e.people.map((p) => memberNames.get(p)!);
  }
}

/** The figure for a set of entries, computed the plain way from the log: the test's own oracle. */
function measureOf(entries: { e: Logged; member?: string }[], measure: StatisticMeasure): number {
  const distinct = [...new Set(entries.map((x) => x.e))];
  switch (measure) {
    case 'hours':
      return distinct.reduce((s, e) => s + e.minutes, 0) / 60;
    case 'personHours':
      return distinct.reduce((s, e) => s + e.minutes * e.people.length, 0) / 60;
    case 'entries':
      return distinct.length;
    case 'cases':
      return new Set(distinct.filter((e) => e.caseCode).map((e) => e.caseCode)).size;
  }
}

/**
 * Expected cell for a row label and column label. With the member dimension each member's figure
 * covers the entries they took part in; person-hours split by member count only that member.
 */
function expectedCell(
  inYear: Logged[],
  rows: PivotDimension,
  columns: PivotColumnDimension,
  row: string | null,
  column: string | null,
  measure: StatisticMeasure,
) {
  const matching = inYear.filter(
    (e) => (row === null || labelsOf(e, rows).includes(row)) && (column === null || columns === 'none' || labelsOf(e, columns).includes(column)),
  );
  if (matching.length === 0) return null;
  const memberSplit = (rows === 'member' && row !== null) || (columns === 'member' && column !== null);
  if (measure === 'personHours' && memberSplit) {
    // One member's person-hours: the entry's hours once for that member; the «nobody» bucket has none.
    const member = rows === 'member' ? row : column;
    return member === 'Uten registrert deltaker' ? 0 : matching.reduce((s, e) => s + e.minutes, 0) / 60;
  }
  return measureOf(
    matching.map((e) => ({ e })),
    measure,
  );
}

const IN_2020 = LOG.filter((e) => e.date.startsWith('2020'));

function checkAgainstOracle(result: PivotDto, rows: PivotDimension, columns: PivotColumnDimension, measure: StatisticMeasure) {
  const { table } = result;
  const dataColumns = table.columns.filter((c) => !c.total);
  const expectedRows = [...new Set(IN_2020.flatMap((e) => labelsOf(e, rows)))];
  expect(table.rows.map((r) => r.label).sort()).toEqual(expectedRows.sort());
  if (columns !== 'none') expect(dataColumns.map((c) => c.label).sort()).toEqual([...new Set(IN_2020.flatMap((e) => labelsOf(e, columns)))].sort());
  for (const r of table.rows) {
    dataColumns.forEach((c, i) => {
      expect(r.values[i], `${r.label} × ${c.label}`).toBe(expectedCell(IN_2020, rows, columns, r.label, columns === 'none' ? null : c.label, measure));
    });
    if (columns !== 'none') expect(r.values.at(-1), `${r.label} totalt`).toBe(expectedCell(IN_2020, rows, columns, r.label, null, measure));
  }
  dataColumns.forEach((c, i) => {
    if (columns !== 'none') expect(table.totalRow![i], `Totalsum × ${c.label}`).toBe(expectedCell(IN_2020, rows, columns, null, c.label, measure));
  });
  expect(table.totalRow!.at(-1), 'Totalsum').toBe(expectedCell(IN_2020, rows, 'none', null, null, measure));
  expect(table.columns.every((c) => c.measure === measure)).toBe(true);
}

describe('statistics:pivot', () => {
  const pairs = PIVOT_DIMENSIONS.flatMap((rows) => [...PIVOT_DIMENSIONS, 'none' as const].filter((c) => c !== rows).map((columns) => [rows, columns] as const));
  const measures: StatisticMeasure[] = ['hours', 'personHours', 'entries', 'cases'];

  it.each(pairs)('%s × %s gives the figures of the log for every measure, totals included', async (rows, columns) => {
    for (const measure of measures) {
      const result = await t.okAsync('statistics:pivot', { period: { year: 2020 }, rows, columns, measure });
      checkAgainstOracle(result, rows, columns, measure);
    }
  });

  it('counts distinct cases in the totals rather than summing the cells', async () => {
    const result = await t.okAsync('statistics:pivot', { period: { year: 2020 }, rows: 'municipality', columns: 'month', measure: 'cases' });
    const fauske = result.table.rows.find((r) => r.label === 'Fauske')!;
    // 01/20-FA in January and February, 02/20-FA in February and March: four case-months, two cases.
    expect(fauske.values).toEqual([1, 2, 1, null, 2]);
    // December has time (Beiarn, no case) but no case: zero cases, not an empty cell.
    expect(result.table.totalRow).toEqual([1, 3, 2, 0, 3]);
    expect(result.unit).toBe('saker');
    expect(result.totalsCounted).toBe(true);
  });

  it('gives each member the full hours of the entries they were on, and counts each entry once in the total', async () => {
    const result = await t.okAsync('statistics:pivot', { period: { year: 2020 }, rows: 'member', columns: 'none', measure: 'hours' });
    expect(result.table.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ['Marit Solvang', 9.5],
      ['Ørjan Aune', 4],
      ['Åse Berg', 7],
      ['Uten registrert deltaker', 0.5],
    ]);
    expect(result.table.totalRow).toEqual([13.5]);
  });

  it('sorts names the Norwegian way and names months as the team writes them', async () => {
    const byMonth = await t.okAsync('statistics:pivot', { period: { year: 2020 }, rows: 'month', columns: 'none', measure: 'entries' });
    expect(byMonth.table.rows.map((r) => r.label)).toEqual(['jan.', 'feb.', 'mars', 'des.']);
    const span = await t.okAsync('statistics:pivot', {
      period: { from: '2020-12-01', to: '2021-01-31' },
      rows: 'month',
      columns: 'municipality',
      measure: 'hours',
    });
    expect(span.table.rows.map((r) => r.label)).toEqual(['des. 2020', 'jan. 2021']);
    // Municipalities in the founding plan's order, as in every table.
    expect(span.table.columns.map((c) => c.label)).toEqual(['Fauske', 'Beiarn', 'Totalsum']);
    expect(span.table.totalRow).toEqual([10, 0.5, 10.5]);
    expect(span.table.title).toBe('Timer per måned og kommune, 01.12.2020–31.01.2021');
  });

  it('refuses a range that ends before it starts, in Norwegian', async () => {
    const result = await t.callAsync('statistics:pivot', {
      period: { from: '2020-05-02', to: '2020-05-01' },
      rows: 'municipality',
      columns: 'none',
      measure: 'hours',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Fra-datoen må være før eller lik til-datoen/);
  });

  it('gives an empty table for a year without entries, not an error', async () => {
    const result = await t.okAsync('statistics:pivot', { period: { year: 2019 }, rows: 'municipality', columns: 'category', measure: 'cases' });
    expect(result.table.rows).toEqual([]);
    expect(result.table.totalRow).toBeNull();
    expect(result.from).toBe('2019-01-01');
  });

  it('keeps statistics:annual working beside it', async () => {
    const annual = await t.okAsync('statistics:annual', { year: 2020 });
    const pivot = await t.okAsync('statistics:pivot', { period: { year: 2020 }, rows: 'municipality', columns: 'category', measure: 'hours' });
    expect(annual.total.hours).toBe(pivot.table.totalRow!.at(-1));
  });
});

describe('table export', () => {
  it('writes the pivot the user sees as .xlsx: units in the headings, number formats, frozen header, bold totals', async () => {
    const file = await t.okAsync('statistics:export-table', { period: { year: 2020 }, pivot: { rows: 'municipality', columns: 'category', measure: 'hours' } });
    expect(file.fileName).toBe('Timer per kommune og hendelse, 2020.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('Timer per kommune og hendelse, 2020');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Kommune',
      '1 Brukeroppfølging (timer)',
      '2 Kjøring (timer)',
      '3 Samarbeidspartnere (timer)',
      '4 Institusjon bruker (timer)',
      'Totalsum (timer)',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => n > 2 && rows.set(String(row.getCell(1).value), row));
    expect([...rows.keys()]).toEqual(['Fauske', 'Saltdal', 'Beiarn', 'Felles', 'Totalsum']);
    expect(rows.get('Fauske')!.values).toEqual([undefined, 'Fauske', 3.5, 1, 0.5, 0.5, 5.5]);
    expect(rows.get('Totalsum')!.values).toEqual([undefined, 'Totalsum', 7.5, 4, 1.5, 0.5, 13.5]);
    expect(rows.get('Fauske')!.getCell(2).numFmt).toBe('#,##0.0');
    expect(rows.get('Totalsum')!.getCell(1).font?.bold).toBe(true);
    expect(rows.get('Totalsum')!.getCell(3).font?.bold).toBe(true);
    expect(rows.get('Fauske')!.getCell(3).font?.bold).toBeFalsy();
    expect(rows.get('Fauske')!.getCell(6).font?.bold).toBe(true);
    expect(sheet.getRow(2).font?.bold).toBe(true);
  });

  it('refuses an export that names both a pivot and a familiar table, or neither', async () => {
    for (const input of [
      { period: { year: 2020 } },
      { period: { year: 2020 }, familiarTable: 'driving', pivot: { rows: 'municipality', columns: 'none', measure: 'hours' } },
    ]) {
      const result = await t.callAsync('statistics:export-table', input as never);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/Velg enten pivottabellen eller én av de faste tabellene/);
    }
    expect(t.db.sqlite.prepare("select count(*) as n from audit_log where record_type = 'statistics_export'").get()).toEqual({ n: 0 });
  });

  it('writes counts with a whole-number format and the unit «saker»', async () => {
    const file = await t.okAsync('statistics:export-table', { period: { year: 2020 }, pivot: { rows: 'municipality', columns: 'none', measure: 'cases' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Kommune', 'Saker (saker)']);
    // Fauske, first in the founding plan's order.
    expect(sheet.getCell('B3').value).toBe(2);
    expect(sheet.getCell('B3').numFmt).toBe('#,##0');
  });
});
