import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { openDatabase } from '../../electron/db/open';
import { createTestDatabase, TEST_PASSWORD } from '../support/testDatabase';
import { excelDate, workbookBytes } from '../support/timesheetFiles';
import { cliInProcess } from '../support/commandLine';

const dir = mkdtempSync(join(tmpdir(), 'ettervern-cli-timer-'));
const db = join(dir, 'team.sqlite');
const sheet = join(dir, 'Timeliste 2020.xlsx');
const badSheet = join(dir, 'bare-feil.xlsx');

/** Every run acts as the administrator, signed in with the password from the environment. */
async function cli(...args: string[]) {
  const run = await cliInProcess([...args, '--actor', 'leder']);
  return { ...run, json: run.stdout ? JSON.parse(run.stdout) : null };
}

const countEntries = async () => {
  const opened = await openDatabase(db);
  try {
    return (opened.sqlite.prepare('select count(*) as n from time_entries').get() as { n: number }).n;
  } finally {
    opened.close();
  }
};

beforeAll(async () => {
  process.env[PASSWORD_ENV] = TEST_PASSWORD;
  // A team database with one administrator, made the way the app makes it.
  const t = await createTestDatabase();
  await t.okAsync('team-members:create', { username: 'leder', displayName: 'Leder Lund', initials: 'LL', role: 'administrator', password: TEST_PASSWORD });
  t.db.sqlite.exec(`vacuum into '${db}'`);
  t.close();
  const header = ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'];
  writeFileSync(
    sheet,
    await workbookBytes({
      Januar: [
        header,
        ['01/20-FA', excelDate('2020-01-06'), 'Fauske', 'Brukeroppfølging', 2],
        ['', '07.01.2020', 'Felles', 'Veiledning', '1,5'],
        ['01/20-FA', '08.01.2020', 'Bodø', 'Kjøring', 1],
      ],
      Februar: [header, ['02/20-SA', '03.02.2020', 'Saltdal', 'Kjøring', '2,5']],
    }),
  );
  writeFileSync(badSheet, await workbookBytes({ Ark1: [header, ['', '07.01.2020', 'Oslo', 'Kaffe', 1]] }));
});
afterAll(() => {
  delete process.env[PASSWORD_ENV];
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- import-timesheet / export-timesheet', () => {
  it('--dry-run prints what would happen and writes nothing', async () => {
    const run = await cli('import-timesheet', sheet, '--db', db, '--dry-run');
    expect(run.status).toBe(0);
    expect(run.json).toMatchObject({ dryRun: true, rowsRead: 4, wouldImport: 3, rejectedCount: 1, casesToCreate: ['01/20-FA', '02/20-SA'] });
    expect(await countEntries()).toBe(0);
  });

  it('--strict refuses and writes nothing when a row is rejected', async () => {
    const run = await cli('import-timesheet', sheet, '--db', db, '--strict');
    expect(run.status).toBe(1);
    expect(run.json).toMatchObject({ committed: false, imported: 0, rejected: [{ sheet: 'Januar', row: 4, reason: 'Ukjent kommune' }] });
    expect(await countEntries()).toBe(0);
  });

  it('imports, prints the summary with each rejected row, and a second run imports nothing', async () => {
    const run = await cli('import-timesheet', sheet, '--db', db);
    expect(run.status).toBe(0);
    expect(run.json).toEqual({
      committed: true,
      rowsRead: 4,
      imported: 3,
      duplicatesSkipped: 0,
      existingSkipped: 0,
      casesCreated: ['01/20-FA', '02/20-SA'],
      rejectedCount: 1,
      rejected: [{ sheet: 'Januar', row: 4, reason: 'Ukjent kommune' }],
    });
    const again = await cli('import-timesheet', sheet, '--db', db, '--sheet', 'Februar');
    expect(again.json).toMatchObject({ committed: true, rowsRead: 1, imported: 0, duplicatesSkipped: 1 });
    expect(await countEntries()).toBe(3);
  });

  it('exits non-zero with a clear message when nothing could be imported', async () => {
    const bad = await cli('import-timesheet', badSheet, '--db', db);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Ingen rader kunne importeres');
    const notXlsx = join(dir, 'notat.xlsx');
    writeFileSync(notXlsx, 'Sak;Dato\n');
    const refused = await cli('import-timesheet', notXlsx, '--db', db);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Filen er ikke et Excel-regneark (.xlsx)');
  });

  it('exports the filtered list to .xlsx and .csv, and never overwrites a file', async () => {
    const out = join(dir, 'fauske.csv');
    const run = await cli('export-timesheet', '--db', db, '--out', out, '--municipality', 'fauske', '--from', '01.01.2020');
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')).toEqual([
      '\uFEFFSak;Dato;Kommune;Hendelse;Tidsbruk;Deltakere',
      '01/20-FA;06.01.2020;Fauske;Brukeroppfølging;2;',
      '',
    ]);
    expect((await cli('export-timesheet', '--db', db, '--out', out)).status).toBe(1);
    const xlsx = join(dir, 'alt.xlsx');
    expect((await cli('export-timesheet', '--db', db, '--out', xlsx)).status).toBe(0);
    expect(existsSync(xlsx)).toBe(true);
    expect((await cli('export-timesheet', '--db', db, '--out', join(dir, 'x.txt'))).status).toBe(2);
  });
});
