import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
let kari: number;
beforeEach(async () => {
  t = await createTestDatabase();
  kari = (await t.addMember('kari', 'Kari Nord', 'KN')).id;
  const steigen = municipalityId(t, 'Steigen');
  t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01', code: '03/20-ST', staffIds: [t.member!.id, kari] });
  await t.okAsync('time-entries:create', {
    date: '2020-03-02',
    caseCode: '03/20-ST',
    municipalityId: steigen,
    categoryId: categoryId(t, 1),
    hours: '1,5',
    participantIds: [t.member!.id, kari],
  });
  await t.okAsync('time-entries:create', { date: '2020-03-03', caseCode: '03/20-ST', municipalityId: steigen, categoryId: categoryId(t, 2), hours: 2 });
  await t.okAsync('time-entries:create', { date: '2020-03-04', municipalityId: municipalityId(t, 'Felles'), categoryId: categoryId(t, 8), hours: '½' });
});
afterEach(() => t.close());

describe('export of the filtered list', () => {
  it('writes .csv with the five familiar columns plus participants, Norwegian dates and decimal commas', async () => {
    const file = await t.okAsync('time-entries:export', { format: 'csv', filter: { caseCode: '03/20' } });
    expect(file.fileName).toBe('Timer 2020-06-15.csv');
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFFSak;Dato;Kommune;Hendelse;Tidsbruk;Deltakere',
      '03/20-ST;02.03.2020;Steigen;Brukeroppfølging;1,5;KN, MS',
      '03/20-ST;03.03.2020;Steigen;Kjøring;2;MS',
      '',
    ]);
  });

  it('writes .xlsx with real dates and numbers, so pivot tables can group and sum them', async () => {
    const file = await t.okAsync('time-entries:export', { format: 'xlsx', filter: {} });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Timer')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk', 'Deltakere']);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(4).values).toEqual([undefined, undefined, new Date('2020-03-04T00:00:00.000Z'), 'Felles', 'Veiledning fra prosjektleder', 0.5, 'MS']);
    const total = [2, 3, 4].reduce((sum, r) => sum + (sheet.getRow(r).getCell(5).value as number), 0);
    expect(total).toBe(4);
  });

  it('an exported sheet imports back as the same hours (into a fresh database)', async () => {
    const file = await t.okAsync('time-entries:export', { format: 'xlsx', filter: {} });
    const fresh = await createTestDatabase();
    try {
      const preview = await fresh.okAsync('timesheet:read-file', { jobId: 'rundtur-12345', fileName: file.fileName, contentBase64: file.contentBase64 });
      expect(preview).toMatchObject({ rowsRead: 3, rowsToImport: 3, rejectedCount: 0, minutes: 240, casesToCreate: ['03/20-ST'] });
    } finally {
      fresh.close();
    }
  });
});

describe('week view and case suggestions', () => {
  it('sums the hours a member took part in per day, Monday to Sunday', async () => {
    const week = await t.okAsync('time-entries:week', { teamMemberId: kari, weekStart: '2020-03-02' });
    expect(week.days.map((d) => d.minutes)).toEqual([90, 0, 0, 0, 0, 0, 0]);
    const mine = await t.okAsync('time-entries:week', { teamMemberId: t.member!.id, weekStart: '2020-03-02' });
    expect(mine.days.slice(0, 3).map((d) => [d.date, d.minutes, d.entries])).toEqual([
      ['2020-03-02', 90, 1],
      ['2020-03-03', 120, 1],
      ['2020-03-04', 30, 1],
    ]);
    expect(mine.minutes).toBe(240);
    expect(await t.callAsync('time-entries:week', { teamMemberId: kari, weekStart: '2020-03-03' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { weekStart: 'Uka må starte på en mandag' } },
    });
  });

  it('finds cases by part of the code, with their staff for the participants', async () => {
    expect(await t.okAsync('time-entries:case-suggestions', { search: '3/20' })).toEqual([
      {
        id: expect.any(Number),
        code: '03/20-ST',
        municipalityId: municipalityId(t, 'Steigen'),
        municipalityName: 'Steigen',
        staffIds: expect.arrayContaining([t.member!.id, kari]),
      },
    ]);
    expect(await t.okAsync('time-entries:case-suggestions', { search: 'fa' })).toEqual([]);
  });
});
