import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreviewDto } from '@shared/contract';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';
import { excelDate, workbookBytes, type SheetRows } from '../support/timesheetFiles';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2020-01-10', code: '01/20-FA' });
});
afterEach(() => t.close());

/** The spring sheet: a title above the headings, headings in odd case and spacing, an extra column. */
const spring: SheetRows = [
  ['Timeliste ettervernsteamet 2020'],
  [],
  [' SAK ', 'dato', 'Kommune ', 'HENDELSE', ' Tidsbruk', 'Notat'],
  ['02/20-ST', excelDate('2020-02-03'), 'Steigen', 'Bruker oppfølging', 1.5, 'ikke lagres'],
  ['02/20-st', '3.2.20', '  steigen ', 'Kjøring', '1,5'],
  ['01/20-FA', '04.02.2020', 'FAUSKE', 'kjøring', 2],
  ['', '05.02.2020', 'Felles', 'Veiledning fra prosjektleder', '1'],
  ['01/20-FA', 43_866, 'Fauske', 'Institusjon bruker', { formula: 'A1*0+1.5', result: 1.5 }],
  ['01/20-FA', '06.02.2020', 'Bodø', 'Kjøring', 1],
  ['01/20-FA', '06.02.2020', 'Fauske', 'Kjøring', '0,25'],
  ['01/20-FA', '06.02.2020', 'Fauske', 'Kaffe', 1],
  ['01/20-FA', '31.02.2020', 'Fauske', 'Kjøring', 1],
  ['02/20-ST', excelDate('2020-02-03'), 'Steigen', 'Bruker oppfølging', 1.5],
  [null, null, null, null, null, 'bare notat'],
  ['03/20-SA', '10.03.2020', 'Andre kommuner', '3', '2,5'],
  ['01/20-FA', '01.07.2020', 'Fauske', 'Kjøring', 1],
];

/** The autumn sheet: columns in another order, the case from another municipality. */
const autumn: SheetRows = [
  ['Tidsbruk', 'Hendelse', 'Dato', 'Sak', 'Kommune'],
  [1, '2 Kjøring', '2020-06-01', '01/20-ME', 'Meløy'],
  ['2', 'Samarbeidspartnere', '02.06.2020', '01/20-ME', 'meløy'],
  [1, 'Nettverksarbeid', '03.06.2020', '', 'felles'],
];

const notes: SheetRows = [['Husk å føre kjøring'], ['Ingen overskrifter her']];

async function read(bytes: Buffer, fileName = 'Timeliste 2020.xlsx'): Promise<ImportPreviewDto> {
  return t.okAsync('timesheet:read-file', { jobId: randomUUID(), fileName, contentBase64: bytes.toString('base64') });
}

describe('timesheet import of a messy sheet', () => {
  it('previews rows read, to import and rejected with reasons, and hours per municipality and category, writing nothing', async () => {
    const before = t.counts();
    const preview = await read(await workbookBytes({ 'Vår 2020': spring, Notater: notes, 'Høst 2020': autumn }));
    expect(t.counts()).toEqual(before);
    expect(preview.sheets).toEqual([
      { name: 'Vår 2020', hasHeader: true, rowsRead: 12, selected: true },
      { name: 'Notater', hasHeader: false, rowsRead: 0, selected: false },
      { name: 'Høst 2020', hasHeader: true, rowsRead: 3, selected: true },
    ]);
    expect(preview.rowsRead).toBe(15);
    expect(preview.rowsToImport).toBe(10);
    expect(preview.casesToCreate.sort()).toEqual(['01/20-ME', '02/20-ST', '03/20-SA']);
    expect(preview.rejected).toEqual([
      { sheet: 'Vår 2020', row: 9, reason: 'Ukjent kommune' },
      { sheet: 'Vår 2020', row: 10, reason: 'Tidsbruk må være i hele eller halve timer' },
      { sheet: 'Vår 2020', row: 11, reason: 'Ukjent hendelse' },
      { sheet: 'Vår 2020', row: 12, reason: 'Dato er ikke en gyldig dato (bruk dd.mm.åååå)' },
      { sheet: 'Vår 2020', row: 16, reason: 'Dato er mer enn en uke fram i tid' },
    ]);
    expect(preview.byMunicipality).toEqual([
      { name: 'Fauske', minutes: 120 + 90 },
      { name: 'Steigen', minutes: 90 + 90 + 90 },
      { name: 'Meløy', minutes: 60 + 120 },
      { name: 'Andre kommuner', minutes: 150 },
      { name: 'Felles', minutes: 60 + 60 },
    ]);
    expect(preview.byCategory).toEqual([
      { number: 1, name: 'Brukeroppfølging', minutes: 180 },
      { number: 2, name: 'Kjøring', minutes: 90 + 120 + 60 },
      { number: 3, name: 'Samarbeidspartnere', minutes: 150 + 120 },
      { number: 4, name: 'Institusjon bruker', minutes: 90 },
      { number: 7, name: 'Nettverksarbeid', minutes: 60 },
      { number: 8, name: 'Veiledning fra prosjektleder', minutes: 60 },
    ]);
    expect(preview.minutes).toBe(930);
  });

  it('imports in one go, creates the missing cases as «importert», and the same file a second time imports nothing', async () => {
    const bytes = await workbookBytes({ 'Vår 2020': spring, 'Høst 2020': autumn });
    const first = await read(bytes);
    const summary = await t.okAsync('timesheet:import', { jobId: first.jobId });
    expect(summary).toMatchObject({ committed: true, rowsRead: 15, imported: 10, duplicatesSkipped: 0, rejectedCount: 5 });
    expect(summary.casesCreated.sort()).toEqual(['01/20-ME', '02/20-ST', '03/20-SA']);
    const created = t.db.sqlite
      .prepare(
        "select c.code, status, year, running_number, referral_date, m.code as mcode from cases c join municipalities m on m.id = c.municipality_id where c.code = '03/20-SA'",
      )
      .get();
    expect(created).toEqual({ code: '03/20-SA', status: 'importert', year: 2020, running_number: 3, referral_date: null, mcode: 'SA' });

    const perPivot = t.db.sqlite
      .prepare(
        `select m.name as municipality, k.number as category, sum(t.minutes) as minutes from time_entries t
         join municipalities m on m.id = t.municipality_id join categories k on k.id = t.category_id
         where t.source = 'import' group by m.name, k.number order by m.name, k.number`,
      )
      .all();
    expect(perPivot).toEqual([
      { municipality: 'Andre kommuner', category: 3, minutes: 150 },
      { municipality: 'Fauske', category: 2, minutes: 120 },
      { municipality: 'Fauske', category: 4, minutes: 90 },
      { municipality: 'Felles', category: 7, minutes: 60 },
      { municipality: 'Felles', category: 8, minutes: 60 },
      { municipality: 'Meløy', category: 2, minutes: 60 },
      { municipality: 'Meløy', category: 3, minutes: 120 },
      { municipality: 'Steigen', category: 1, minutes: 180 },
      { municipality: 'Steigen', category: 2, minutes: 90 },
    ]);
    // The annual statistics see the imported hours too (per-day totals are kept by triggers).
    const annual = t.db.sqlite.prepare("select sum(minutes) as minutes from time_totals_daily where entry_date like '2020-%'").get();
    expect(annual).toEqual({ minutes: 930 });

    const again = await read(bytes);
    expect(again).toMatchObject({ rowsToImport: 0, duplicates: 10, casesToCreate: [] });
    const second = await t.okAsync('timesheet:import', { jobId: again.jobId });
    expect(second).toMatchObject({ committed: true, imported: 0, duplicatesSkipped: 10 });
    expect(t.count('time_entries')).toBe(10);
  });

  it('takes a heading row repeated further down (sheets pasted together) as no data, and a heading written twice from its first column', async () => {
    const pasted: SheetRows = [
      ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk', 'Tidsbruk'],
      ['01/20-FA', '03.02.2020', 'Fauske', 'Kjøring', 1, 9],
      ['Dato', 'Sak', 'Tidsbruk', 'Kommune', 'Hendelse'],
      ['01/20-FA', '04.02.2020', 'Fauske', 'Kjøring', 2],
      // Four of the five headings: not a heading row, so read as data (and rejected).
      ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Notat'],
    ];
    const preview = await read(await workbookBytes({ Ark1: pasted }));
    expect(preview).toMatchObject({ rowsRead: 3, rowsToImport: 2, minutes: 60 + 120 });
    expect(preview.rejected.map((r) => r.row)).toEqual([5]);
  });

  it('lets the user choose sheets', async () => {
    const preview = await read(await workbookBytes({ 'Vår 2020': spring, 'Høst 2020': autumn }));
    const autumnOnly = await t.okAsync('timesheet:preview', { jobId: preview.jobId, sheets: ['Høst 2020'] });
    expect(autumnOnly).toMatchObject({ rowsRead: 3, rowsToImport: 3, rejectedCount: 0, casesToCreate: ['01/20-ME'] });
    const summary = await t.okAsync('timesheet:import', { jobId: preview.jobId, sheets: ['Høst 2020'] });
    expect(summary).toMatchObject({ imported: 3, casesCreated: ['01/20-ME'] });
  });

  it('with strict, writes nothing when any row is rejected', async () => {
    const preview = await read(await workbookBytes({ 'Vår 2020': spring }));
    const before = t.counts();
    const summary = await t.okAsync('timesheet:import', { jobId: preview.jobId, strict: true });
    expect(summary).toMatchObject({ committed: false, imported: 0, rejectedCount: 5 });
    expect(t.counts()).toEqual(before);
  });

  it('rolls every row back when one write fails: nothing is half-imported', async () => {
    const preview = await read(await workbookBytes({ 'Vår 2020': spring }));
    const before = t.counts();
    // A trigger that fails on the sixth imported row stands in for a disk error mid-import.
    t.db.sqlite.exec(`create trigger fail_sixth before insert on time_entries when (select count(*) from time_entries) >= 5
      begin select raise(abort, 'disk'); end`);
    const result = await t.callAsync('timesheet:import', { jobId: preview.jobId });
    expect(result.ok).toBe(false);
    expect(t.counts()).toEqual(before);
    expect(t.db.sqlite.prepare('select count(*) as n from timesheet_imports').get()).toEqual({ n: 0 });
  });

  it('saves the rejected rows as a sheet that can be fixed and imported again', async () => {
    const preview = await read(await workbookBytes({ 'Vår 2020': spring }));
    const file = await t.okAsync('timesheet:rejected-rows', { jobId: preview.jobId });
    expect(file.fileName).toBe('Timeliste 2020 – avviste rader.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Avviste rader')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk', 'Ark', 'Rad', 'Årsak']);
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).values).toEqual([undefined, '01/20-FA', '06.02.2020', 'Bodø', 'Kjøring', 1, 'Vår 2020', 9, 'Ukjent kommune']);

    // Fixed in Excel (Bodø → Fauske, a quarter → a half hour …) and imported again.
    sheet.getCell('C2').value = 'Fauske';
    sheet.getCell('E3').value = '0,5';
    const fixed = await read(Buffer.from(await workbook.xlsx.writeBuffer()), 'rettet.xlsx');
    expect(fixed).toMatchObject({ rowsRead: 5, rowsToImport: 2, rejectedCount: 3 });
  });

  it('writes one audit row for the import (plus one per created case), with no values', async () => {
    const preview = await read(await workbookBytes({ 'Høst 2020': autumn }));
    const before = (t.db.sqlite.prepare('select max(id) as id from audit_log').get() as { id: number }).id;
    const summary = await t.okAsync('timesheet:import', { jobId: preview.jobId });
    const rows = t.db.sqlite.prepare('select action, record_type, record_id, fields from audit_log where id > ? order by id').all(before);
    expect(rows).toEqual([
      { action: 'create', record_type: 'case', record_id: expect.any(String), fields: '["code","municipalityId","status"]' },
      { action: 'import', record_type: 'time_entry_import', record_id: String(summary.importId), fields: '["rows"]' },
    ]);
  });

  it('refuses to preview or import for someone who did not read the file', async () => {
    const preview = await read(await workbookBytes({ 'Høst 2020': autumn }));
    await t.addMember('ola', 'Ola Berg', 'OB');
    await t.signInAs('ola');
    const result = await t.callAsync('timesheet:import', { jobId: preview.jobId });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
