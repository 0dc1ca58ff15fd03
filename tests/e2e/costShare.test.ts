import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChannelName } from '@shared/contract';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { cellAt, tableText } from './support/ui';
import { insertTestMember } from '../support/testDatabase';

/** Innstillinger → Kostnadsfordeling, and Statistikk → «Kostnad og hjelp», «Saker», «Varig endring». */
describeInBrowser('cost share and case figures', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      prepare: (db) => {
        insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator' });
        insertTestMember(db, { username: 'jonas', displayName: 'Jonas Berg', initials: 'JB', role: 'teammedlem' });
      },
    });
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    const id = (sql: string) => (harness.db.sqlite.prepare(sql).get() as { id: number }).id;
    const municipality = (name: string) => id(`select id from municipalities where name = '${name}'`);
    const marit = id("select id from team_members where username = 'marit'");
    const call = async (channel: ChannelName, input: object) => {
      const result = await harness.dispatcher.dispatchAsync(channel, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { code?: string; id?: number };
    };
    // The case's version as a freshly loaded case page has it (migration 0013).
    const version = (caseId: number) => (harness.db.sqlite.prepare('select version from cases where id = ?').get(caseId) as { version: number }).version;
    const fauskeCase = await call('cases:create', { municipalityId: municipality('Fauske'), referralDate: '2020-03-01', staffIds: [marit] });
    // Dated 2020, more than a year back by now: confirmed, as the entry rules ask.
    const entry = { date: '2020-03-02', categoryId: id('select id from categories where number = 1'), participantIds: [marit], confirmOldDate: true };
    await call('time-entries:create', { ...entry, municipalityId: municipality('Fauske'), caseCode: fauskeCase.code, hours: 6 });
    await call('time-entries:create', { ...entry, municipalityId: municipality('Beiarn'), hours: 2 });
    // One case closed in 2020, rated at start and closure: its lasting change is a cell of 1.
    const rated = (await call('cases:create', { municipalityId: municipality('Saltdal'), referralDate: '2020-02-01', staffIds: [marit] })).id!;
    await call('cases:record-risk-assessment', { id: rated, version: version(rated), date: '2020-02-01', assessedById: marit, done: true });
    await call('cases:start-follow-up', { id: rated, version: version(rated), startDate: '2020-02-03' });
    const bolig = id("select id from life_domains where name = 'Bolig'");
    const rate = (occasion: string, ratedOn: string, level: number) =>
      call('cases:rate-domains', { caseId: rated, version: version(rated), occasion, ratedOn, ratings: [{ domainId: bolig, level }] });
    await rate('start', '2020-02-03', 1);
    await call('cases:close', { id: rated, version: version(rated), closedDate: '2020-05-04', closureReason: 'mal_naadd' });
    await rate('avslutning', '2020-05-04', 3);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('lets the administrator enter the budget and populations for 2020', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByRole('heading', { name: 'Kostnadsfordeling' }).waitFor();
    const year = page.getByRole('spinbutton', { name: 'Budsjettår' });
    await year.fill('2020');
    const rodoy = page.getByRole('textbox', { name: 'Folketall Rødøy' });
    await page.getByText('Rødøy (med fra 01.09.2020)').waitFor();
    expect(await rodoy.inputValue()).toBe('1230');
    await rodoy.fill('1200');
    await page.getByRole('textbox', { name: /^Budsjett/ }).fill('900 000');
    await page.getByRole('textbox', { name: /^Grunnbeløp/ }).fill('60000');
    await page.getByRole('textbox', { name: /^Timepris/ }).fill('1000');
    await page.getByRole('textbox', { name: 'Ekstra timer Fauske' }).fill('10,5');
    await page.getByRole('button', { name: 'Lagre kostnadsfordeling' }).click();
    await page.getByText('Kostnadsfordelingen for 2020 er lagret.').waitFor();
    expect(harness.db.sqlite.prepare('select budget, base_amount, hourly_rate, band_rate_2 from cost_share_years').all()).toEqual([
      { budget: 900000, base_amount: 60000, hourly_rate: 1000, band_rate_2: 0.8 },
    ]);
    const stored = harness.db.sqlite.prepare(
      "select y.population, y.extra_hours from municipality_years y join municipalities m on m.id = y.municipality_id where y.year = 2020 and m.name in ('Rødøy', 'Fauske') order by m.sort_order",
    );
    expect(stored.all()).toEqual([
      { population: 9800, extra_hours: 10.5 },
      { population: 1200, extra_hours: 0 },
    ]);
    await page.getByRole('heading', { name: 'Kostnadsfordeling' }).scrollIntoViewIfNeeded();
    await harness.visit('70-innstillinger-kostnadsfordeling');
  });

  it('shows the cost shares beside the shares of help, with a chart, and exports the table', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Statistikk' }).click();
    await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2020');
    await page.getByRole('tab', { name: 'Kostnad og hjelp' }).click();
    const shares = page.getByRole('table', { name: 'Andel av kostnad og andel av hjelp 2020' });
    await shares.waitFor();
    const rows = await tableText(shares);
    expect(rows[0]![0]).toBe('Kommune');
    const column = (label: string) => rows[0]!.find((h) => h.startsWith(label))!;
    expect(cellAt(rows, 'Fauske', column('Andel timer'))).toBe('75 %');
    expect(cellAt(rows, 'Beiarn', column('Timer per 1 000'))).toMatch(/^1,9 /);
    expect(cellAt(rows, 'Totalsum', column('Kostnad, modell 1'))).toBe('100 %');
    const models = await tableText(page.getByRole('table', { name: 'Kostnad per kommune etter modell 2020' }));
    expect(models.map((r) => r[0])).toContain('Rødøy (4/12)');
    await page.getByRole('img', { name: 'Andel av kostnad og andel av hjelp 2020' }).locator('svg').waitFor();
    await harness.visit('71-statistikk-kostnad-og-hjelp');
    await page.getByRole('img', { name: 'Andel av kostnad og andel av hjelp 2020' }).scrollIntoViewIfNeeded();
    await harness.screenshot('71b-statistikk-kostnad-diagram');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksporter til Excel' }).first().click()]);
    expect(download.suggestedFilename()).toBe('Andel av kostnad og andel av hjelp 2020.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('Andel av kostnad og andel av hjelp 2020');
    harness.assertNoBrowserErrors();
  });

  it('shows the case figures and lasting change tabs', async () => {
    const { page } = harness;
    await page.getByRole('tab', { name: 'Saker' }).click();
    const cases = await tableText(page.getByRole('table', { name: 'Saker per kommune 2020' }));
    expect(
      cellAt(
        cases,
        'Fauske',
        cases[0]!.find((h) => h.startsWith('Henvist'))!,
      ),
    ).toBe('1 sak');
    await harness.visit('72-statistikk-saker');
    await page.getByRole('tab', { name: 'Varig endring' }).click();
    const change = page.getByRole('table', { name: 'Varig endring fra start til avslutning 2020' });
    await change.waitFor();
    // One case: every cell of the row says «skjult», the 1 is nowhere on the page.
    expect((await tableText(change))[1]).toEqual(['Bolig', 'skjult', 'skjult', 'skjult', 'skjult']);
    await harness.visit('73-statistikk-varig-endring');
  });

  it('shows a team member the cost settings read-only', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await harness.signIn({ username: 'jonas', displayName: 'Jonas Berg' });
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByText('Bare en administrator kan endre kostnadsfordelingen.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Folketall Fauske' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Lagre kostnadsfordeling' }).count()).toBe(0);
    harness.assertNoBrowserErrors();
  });
});
