import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { cellAt, tableText } from './support/ui';
import { insertTestMember } from '../support/testDatabase';

/** Statistikk: a pivot chosen by the user, its totals, its chart, and its export to Excel; the familiar tables. */
describeInBrowser('statistics page', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      prepare: (db) => {
        insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator' });
        insertTestMember(db, { username: 'orjan', displayName: 'Ørjan Aune', initials: 'ØA', role: 'teammedlem' });
      },
    });
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    const id = (sql: string) => (harness.db.sqlite.prepare(sql).get() as { id: number }).id;
    const member = (username: string) => id(`select id from team_members where username = '${username}'`);
    const municipality = (name: string) => id(`select id from municipalities where name = '${name}'`);
    const category = (n: number) => id(`select id from categories where number = ${n}`);
    const log = async (date: string, place: string, n: number, hours: number, people: string[]) => {
      const result = await harness.dispatcher.dispatchAsync('time-entries:create', {
        date,
        municipalityId: municipality(place),
        categoryId: category(n),
        hours,
        participantIds: people.map(member),
        // Entries of 2020 are more than a year back by now: confirmed, as the entry rules ask.
        confirmOldDate: true,
      });
      if (!result.ok) throw new Error(result.error.message);
    };
    await log('2020-02-03', 'Fauske', 1, 1.5, ['marit', 'orjan']);
    await log('2020-02-04', 'Fauske', 2, 1, ['marit']);
    await log('2020-03-10', 'Saltdal', 1, 2, ['orjan']);
    await log('2020-04-01', 'Sørfold', 3, 0.5, ['marit', 'orjan']);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows the chosen pivot with totals and a chart, and exports it to Excel', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Statistikk' }).click();
    await page.getByRole('heading', { name: 'Statistikk', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2020');
    const hours = page.getByRole('table', { name: 'Timer per kommune og hendelse, 2020' });
    await hours.waitFor();
    const hourRows = await tableText(hours);
    expect(cellAt(hourRows, 'Fauske', '1 Brukeroppfølging')).toBe('1,5 t');
    expect(cellAt(hourRows, 'Totalsum', 'Totalsum')).toBe('5 t');
    await page.getByRole('img', { name: 'Timer per kommune og hendelse, 2020' }).locator('svg').waitFor();

    await page.getByRole('combobox', { name: 'Rader' }).selectOption({ label: 'Teammedlem' });
    await page.getByRole('combobox', { name: 'Kolonner' }).selectOption({ label: 'Måned' });
    await page.getByRole('combobox', { name: 'Mål' }).selectOption({ label: 'Registreringer (registreringer)' });
    const table = page.getByRole('table', { name: 'Registreringer per teammedlem og måned, 2020' });
    await table.waitFor();
    const rows = await tableText(table);
    expect(rows.map((r) => r[0])).toEqual(['Teammedlem', 'Marit Solvang', 'Ørjan Aune', 'Totalsum']);
    expect(rows[0]).toEqual(['Teammedlem', 'feb.', 'mars', 'april', 'Totalsum']);
    expect(cellAt(rows, 'Marit Solvang', 'feb.')).toBe('2 reg.');
    // Two members on one entry: each has it, the total counts it once.
    expect(cellAt(rows, 'Ørjan Aune', 'Totalsum')).toBe('3 reg.');
    expect(cellAt(rows, 'Totalsum', 'feb.')).toBe('2 reg.');
    expect(cellAt(rows, 'Totalsum', 'Totalsum')).toBe('4 reg.');
    const chart = page.getByRole('img', { name: 'Registreringer per teammedlem og måned, 2020' });
    await chart.locator('svg').waitFor();
    expect(await chart.locator('svg').textContent()).toContain('registreringer');
    await harness.visit('60-statistikk-pivot');
    await chart.scrollIntoViewIfNeeded();
    await harness.screenshot('60b-statistikk-pivot-diagram');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksporter til Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('Registreringer per teammedlem og måned, 2020.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Teammedlem',
      'feb. (registreringer)',
      'mars (registreringer)',
      'april (registreringer)',
      'Totalsum (registreringer)',
    ]);
    expect(sheet.getRow(5).values).toEqual([undefined, 'Totalsum', 2, 1, 1, 4]);
    expect(sheet.getCell('B3').numFmt).toBe('#,##0');
    const audit = harness.db.sqlite.prepare("select action, record_type from audit_log where record_type = 'statistics_export'").all();
    expect(audit).toEqual([{ action: 'export', record_type: 'statistics_export' }]);
    harness.assertNoBrowserErrors();
  });

  it('shows the three familiar tables with hours and entries apart, each with a chart', async () => {
    const { page } = harness;
    await page.getByRole('tab', { name: 'Faste tabeller' }).click();
    const partners = page.getByRole('table', { name: 'Samarbeidspartnere' });
    await partners.waitFor();
    const rows = await tableText(partners);
    expect(rows).toEqual([
      ['Kommune', 'Samarbeidspartnere timer', 'Samarbeidspartnere registreringer', 'Totalsum timer', 'Totalsum registreringer'],
      ['Sørfold', '0,5 t', '1 reg.', '0,5 t', '1 reg.'],
      ['Totalsum', '0,5 t', '1 reg.', '0,5 t', '1 reg.'],
    ]);
    await page.getByRole('img', { name: 'Brukeroppfølging i institusjon og etter endt opphold i institusjon – timer' }).locator('svg').waitFor();
    await harness.visit('61-statistikk-faste-tabeller');
    await partners.scrollIntoViewIfNeeded();
    await harness.screenshot('61b-statistikk-faste-tabeller-samarbeidspartnere');
  });

  it('refuses a date range that ends before it starts', async () => {
    const { page } = harness;
    await page.getByRole('radio', { name: 'Datoer' }).check();
    await page.getByRole('textbox', { name: 'Fra' }).fill('01.05.2020');
    await page.getByRole('textbox', { name: 'Til' }).fill('01.04.2020');
    await page.getByText('Fra-datoen må være før eller lik til-datoen.').first().waitFor();
    await harness.visit('62-statistikk-ugyldig-periode');
  });
});
