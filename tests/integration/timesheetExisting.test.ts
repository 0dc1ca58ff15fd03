import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';
import { workbookBytes } from '../support/timesheetFiles';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  const steigen = municipalityId(t, 'Steigen');
  t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01', code: '03/20-ST', staffIds: [t.member!.id] });
  // Two equal visits on one day (the second confirmed as not a duplicate), one without a case, and one in April (outside the exported month).
  for (const day of ['2020-03-02', '2020-03-02', '2020-03-09'])
    await t.okAsync('time-entries:create', {
      date: day,
      caseCode: '03/20-ST',
      municipalityId: steigen,
      categoryId: categoryId(t, 1),
      hours: '1,5',
      confirmDuplicate: true,
    });
  await t.okAsync('time-entries:create', { date: '2020-03-04', municipalityId: municipalityId(t, 'Felles'), categoryId: categoryId(t, 8), hours: '½' });
  await t.okAsync('time-entries:create', { date: '2020-04-01', municipalityId: municipalityId(t, 'Felles'), categoryId: categoryId(t, 8), hours: 1 });
});
afterEach(() => t.close());

const totalMinutes = () => t.db.sqlite.prepare('select sum(minutes) from time_entries').pluck().get() as number;
const dailyTotals = () => t.db.sqlite.prepare('select sum(minutes) from time_totals_daily').pluck().get() as number;

describe('rows that «finnes allerede» in the log', () => {
  it('importing an export of a month changes no hours', async () => {
    const file = await t.okAsync('time-entries:export', { format: 'xlsx', filter: { from: '2020-03-01', to: '2020-03-31' } });
    const before = totalMinutes();
    const preview = await t.okAsync('timesheet:read-file', { jobId: 'eksport-12345', fileName: file.fileName, contentBase64: file.contentBase64 });
    expect(preview).toMatchObject({ rowsRead: 4, rowsToImport: 0, existing: 4, duplicates: 0, includeExisting: false, minutes: 0 });
    const summary = await t.okAsync('timesheet:import', { jobId: 'eksport-12345' });
    expect(summary).toMatchObject({ imported: 0, existingSkipped: 4 });
    expect(totalMinutes()).toBe(before);
    expect(dailyTotals()).toBe(before);
  });

  it('counts equal rows: a third equal visit in the file is new, the first two are already there', async () => {
    const header = ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'];
    const visit = ['03/20-ST', '02.03.2020', 'Steigen', 1, '1,5'];
    const bytes = await workbookBytes({ Ark1: [header, visit, visit, visit] });
    const preview = await t.okAsync('timesheet:read-file', { jobId: 'tre-like-123', fileName: 'f.xlsx', contentBase64: bytes.toString('base64') });
    expect(preview).toMatchObject({ rowsRead: 3, existing: 2, rowsToImport: 1, minutes: 90 });
  });

  it('imports them anyway when the user chooses so in the preview', async () => {
    const file = await t.okAsync('time-entries:export', { format: 'xlsx', filter: { from: '2020-03-01', to: '2020-03-31' } });
    const before = totalMinutes();
    await t.okAsync('timesheet:read-file', { jobId: 'likevel-12345', fileName: file.fileName, contentBase64: file.contentBase64 });
    const preview = await t.okAsync('timesheet:preview', { jobId: 'likevel-12345', includeExisting: true });
    expect(preview).toMatchObject({ rowsToImport: 4, existing: 4, includeExisting: true, minutes: 300 });
    const summary = await t.okAsync('timesheet:import', { jobId: 'likevel-12345', includeExisting: true });
    expect(summary).toMatchObject({ imported: 4, existingSkipped: 0 });
    expect(totalMinutes()).toBe(before + 300);
    expect(dailyTotals()).toBe(before + 300);
  });
});
