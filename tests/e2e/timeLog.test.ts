import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { excelDate, workbookBytes } from '../support/timesheetFiles';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { arrangeTwoColleagues } from './support/twoColleagues';
import { accessibleDescription, tableText } from './support/ui';

const NOW = '2020-06-15T10:00:00.000Z';

/**
 * A day's ten entries typed the way the team types into Excel — keyboard only — and an old sheet
 * brought in through the preview.
 */
describeInBrowser('time log at keyboard speed, and the old sheets imported', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ clock: fixedClock(NOW), prepare: arrangeTwoColleagues(NOW) });
    // The page's «today» is the services' today: the list opens on this month (June 2020).
    await harness.page.clock.setFixedTime(new Date(NOW));
  });
  afterAll(async () => {
    await harness?.close();
  });

  const entries = () =>
    harness.db.sqlite
      .prepare(
        `select t.entry_date as date, c.code, m.name as municipality, k.number as category, t.minutes,
                (select group_concat(initials, '+') from (select tm.initials from time_entry_participants p
                  join team_members tm on tm.id = p.team_member_id where p.time_entry_id = t.id order by tm.initials)) as people
         from time_entries t join municipalities m on m.id = t.municipality_id join categories k on k.id = t.category_id
         left join cases c on c.id = t.case_id order by t.id`,
      )
      .all();

  it('logs ten entries for a day with the keyboard only', async () => {
    const { page } = harness;
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    await page.getByRole('link', { name: 'Timer', exact: true }).click();
    const form = page.getByRole('form', { name: 'Ny registrering' });
    const date = form.getByRole('textbox', { name: 'Dato', exact: true });
    await date.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8.6.20');
    await page.keyboard.press('Tab');

    // [Sak, Kommune (empty: from the case), Hendelse, Tidsbruk]
    const day: [string, string, string, string][] = [
      ['2/20', '', '1', '1,5'],
      ['2/20', '', 'kjø', '2'],
      ['2/20', '', '3', '1'],
      ['', 'fel', '8', '1'],
      ['', 'andre', 'samarb', '0,5'],
      ['02/20-st', '', 'bruker opp', '1½'],
      ['2/20', '', '2', '1.5'],
      ['', 'felles', '7', '1'],
      ['2/20', 'fau', '1', '0,5'],
      ['2/20', '', '10', '1'],
    ];
    const saved = page.getByText(/^Lagret:/);
    for (const [i, [caseCode, municipality, category, hours]] of day.entries()) {
      // After a save the cursor waits in «Sak» on the same date: no mouse, no retyping the date.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe('NN/ÅÅ-XX');
      if (caseCode) await page.keyboard.type(caseCode);
      if (caseCode) await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(1);
      await page.keyboard.press('Tab');
      if (municipality) {
        await page.keyboard.press('Control+A');
        await page.keyboard.type(municipality);
      }
      await page.keyboard.press('Tab');
      await page.keyboard.type(category);
      await page.keyboard.press('Tab');
      await page.keyboard.type(hours);
      if (i === 0) await harness.visit('20-timer-tastatur-rad');
      await page.keyboard.press('Enter');
      if (i === 5) {
        // The same date, case, category and hours as the first row: asked before anything is saved.
        const question = page.getByRole('alertdialog', { name: 'Stemmer dette?' });
        await question.getByText(/Det finnes allerede en registrering 08\.06\.2020 med samme sak, hendelse og tidsbruk \(1,5 timer\)/).waitFor();
        expect(harness.db.sqlite.prepare('select count(*) as n from time_entries').get()).toEqual({ n: i });
        await harness.visit('23-timer-mulig-dobbeltregistrering');
        // «Lagre likevel» has the focus: Enter answers.
        await page.keyboard.press('Enter');
      }
      if (i === 8) {
        // Fauske on a Steigen case: refused until the member says why, at the reason field.
        const reason = form.getByRole('textbox', { name: 'Begrunnelse for annen kommune' });
        await form.getByText('Saken hører til Steigen. Velg Steigen, eller skriv hvorfor timene skal føres på en annen kommune').waitFor();
        await expect.poll(() => reason.evaluate((element) => element === document.activeElement)).toBe(true);
        expect(harness.db.sqlite.prepare('select count(*) as n from time_entries').get()).toEqual({ n: i });
        await page.keyboard.type('Møtet var på Fauske legekontor');
        await page.keyboard.press('Enter');
      }
      await expect.poll(() => harness.db.sqlite.prepare('select count(*) as n from time_entries').get()).toEqual({ n: i + 1 });
      await saved.waitFor();
    }

    const both = 'JB+MS';
    expect(entries()).toEqual([
      { date: '2020-06-08', code: '02/20-ST', municipality: 'Steigen', category: 1, minutes: 90, people: both },
      { date: '2020-06-08', code: '02/20-ST', municipality: 'Steigen', category: 2, minutes: 120, people: both },
      { date: '2020-06-08', code: '02/20-ST', municipality: 'Steigen', category: 3, minutes: 60, people: both },
      { date: '2020-06-08', code: null, municipality: 'Felles', category: 8, minutes: 60, people: 'MS' },
      { date: '2020-06-08', code: null, municipality: 'Andre kommuner', category: 3, minutes: 30, people: 'MS' },
      { date: '2020-06-08', code: '02/20-ST', municipality: 'Steigen', category: 1, minutes: 90, people: both },
      { date: '2020-06-08', code: '02/20-ST', municipality: 'Steigen', category: 2, minutes: 90, people: both },
      { date: '2020-06-08', code: null, municipality: 'Felles', category: 7, minutes: 60, people: 'MS' },
      { date: '2020-06-08', code: '02/20-ST', municipality: 'Fauske', category: 1, minutes: 30, people: both },
      { date: '2020-06-08', code: '02/20-ST', municipality: 'Steigen', category: 10, minutes: 60, people: both },
    ]);
    await page.getByText('Sum: 11,5 timer · 20,5 persontimer · 10 registreringer').waitFor();
    const grid = page.getByRole('table', { name: 'Registreringer' });
    await grid.getByText('(annen enn sakens: Møtet var på Fauske legekontor)').waitFor();
    expect((await tableText(grid)).filter((row) => row.length > 1)).toHaveLength(11);
    await harness.visit('21-timer-ti-registreringer');
  });

  it('refuses an empty category and a quarter hour at the field, and writes nothing', async () => {
    const { page } = harness;
    const form = page.getByRole('form', { name: 'Ny registrering' });
    const before = harness.db.sqlite.prepare('select count(*) as n from time_entries').get();
    await page.keyboard.type('2/20');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0,25');
    await page.keyboard.press('Enter');
    await form.getByText('Hendelse mangler').waitFor();
    await form.getByText('Tidsbruk må være i hele eller halve timer').waitFor();
    expect(harness.db.sqlite.prepare('select count(*) as n from time_entries').get()).toEqual(before);
    await harness.visit('22-timer-feil-i-feltene');
  });

  it('refuses a date before the case’s referral at the date field, naming both dates', async () => {
    const { page } = harness;
    const form = page.getByRole('form', { name: 'Ny registrering' });
    const before = harness.db.sqlite.prepare('select count(*) as n from time_entries').get();
    await form.getByRole('textbox', { name: 'Dato', exact: true }).fill('1.5.20');
    await form.getByRole('combobox', { name: 'Sak' }).fill('02/20-ST');
    await form.getByRole('textbox', { name: 'Hendelse' }).fill('1');
    await form.getByRole('textbox', { name: 'Tidsbruk' }).fill('1');
    await page.keyboard.press('Enter');
    await form.getByText('Datoen 01.05.2020 er før saken ble henvist (04.05.2020)').first().waitFor();
    expect(harness.db.sqlite.prepare('select count(*) as n from time_entries').get()).toEqual(before);
    await harness.visit('24-timer-dato-foer-henvisning');
  });

  it('shows the week as a grid with daily sums, and deletes with undo', async () => {
    const { page } = harness;
    const grid = page.getByRole('table', { name: 'Registreringer' });
    await grid.getByRole('button', { name: /^Slett registreringen 08\.06\.2020, 02\/20-ST, Ikke møtt/ }).click();
    await page.getByText('Sum: 10,5 timer').waitFor();
    await page.getByRole('button', { name: 'Angre' }).click();
    await page.getByText('Sum: 11,5 timer').waitFor();

    await page.getByRole('tab', { name: 'Uke' }).click();
    // Opens on the week being logged; the buttons step a week at a time.
    await page.getByRole('button', { name: 'Forrige uke' }).click();
    await page.getByRole('heading', { name: 'Uke 23, 2020' }).waitFor();
    await page.getByText('01.06.2020–07.06.2020').waitFor();
    await page.getByRole('button', { name: 'Neste uke' }).click();
    const week = page.getByRole('table', { name: 'Timer uke 24' });
    await week.getByRole('columnheader', { name: 'Man 08.06.' }).waitFor();
    const rows = await tableText(week);
    // Two entries of category 1 and two of category 2 on the case on Monday: their sums, read-only.
    expect(rows.slice(1, -1).map((r) => [r[0], r[1], r.at(-1)])).toEqual([
      ['02/20-ST', '1 Brukeroppfølging', '3'],
      ['02/20-ST', '2 Kjøring', '3,5'],
      ['02/20-ST', '3 Samarbeidspartnere', '1'],
      ['02/20-ST', '10 Ikke møtt', '1'],
      ['02/20-ST (Fauske)', '1 Brukeroppfølging', '0,5'],
      ['Andre kommuner', '3 Samarbeidspartnere', '0,5'],
      ['Felles', '7 Nettverksarbeid', '1'],
      ['Felles', '8 Veiledning fra prosjektleder', '1'],
    ]);
    expect(rows.at(-1)).toEqual(['Sum', '', '11,5', '0', '0', '0', '0', '0', '0', '11,5']);
    await harness.visit('23-timer-uke');
  });

  it('imports an old sheet through the preview, and the second time nothing', async () => {
    const { page } = harness;
    await page.getByRole('tab', { name: 'Importer timeark' }).click();
    const header = ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk', 'Kommentar'];
    const buffer = await workbookBytes({
      '2020': [
        ['Timeliste'],
        header,
        ['01/20-FA', excelDate('2020-02-03'), 'Fauske', 'Bruker oppfølging', 2],
        ['01/20-FA', '04.02.2020', ' fauske', 'Kjøring', '1,5'],
        ['', '05.02.2020', 'Felles', 'Veiledning', 1],
        ['01/20-FA', '06.02.2020', 'Bodø', 'Kjøring', 1],
      ],
      Notater: [['Husk kilometer']],
    });
    const pick = () =>
      page
        .getByLabel('Timeark som skal importeres')
        .setInputFiles({ name: 'Timer 2020.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await pick();
    const preview = page.getByRole('region', { name: 'Forhåndsvisning av Timer 2020.xlsx' });
    await preview.getByText(/Rader lest: 4 · Til import: 3 \(4,5 timer\) · Importert før: 0 · Finnes allerede: 0 · Avvist: 1/).waitFor();
    expect((await tableText(preview.getByRole('table', { name: 'Timer per kommune i importen' }))).slice(1)).toEqual([
      ['Fauske', '3,5'],
      ['Felles', '1'],
    ]);
    expect((await tableText(preview.getByRole('table', { name: 'Avviste rader' }))).slice(1)).toEqual([['2020', '6', 'Ukjent kommune']]);
    await preview.getByText('Nye saker som opprettes med status «Importert»: 01/20-FA').waitFor();
    expect(harness.db.sqlite.prepare("select count(*) as n from time_entries where source = 'import'").get()).toEqual({ n: 0 });
    await harness.visit('24-import-forhandsvisning');

    await preview.getByRole('button', { name: 'Importer 3 rader' }).click();
    await page.getByText(/Importert 3 rader\. 0 var importert før og 0 fantes allerede/).waitFor();
    expect(harness.db.sqlite.prepare("select sum(minutes) as minutes from time_entries where source = 'import'").get()).toEqual({ minutes: 270 });
    expect(harness.db.sqlite.prepare("select status from cases where code = '01/20-FA'").get()).toEqual({ status: 'importert' });
    await harness.visit('25-import-ferdig');

    await pick();
    await page
      .getByRole('region', { name: 'Forhåndsvisning av Timer 2020.xlsx' })
      .getByText(/Til import: 0 .* Importert før: 3/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Importer 0 rader' }).isDisabled()).toBe(true);
  });

  it('refuses a file that is not a spreadsheet with a clear message', async () => {
    const { page } = harness;
    await page.getByLabel('Timeark som skal importeres').setInputFiles({ name: 'timer.xlsx', mimeType: 'text/plain', buffer: Buffer.from('Sak;Dato\n') });
    await page.getByText(/Filen er ikke et Excel-regneark/).waitFor();
    // Said at «Velg timeark …», which has the focus back and is described by the message.
    const choose = page.getByRole('button', { name: 'Velg timeark …' });
    await expect.poll(() => choose.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await accessibleDescription(choose)).toMatch(/^Filen er ikke et Excel-regneark/);
    await harness.visit('26-import-ikke-regneark');
  });
  it('edits a row of the list with every refusal at its input, the first focused, and nothing saved until it is right', async () => {
    const { page } = harness;
    await page.getByRole('tab', { name: 'Registreringer' }).click();
    const grid = page.getByRole('table', { name: 'Registreringer' });
    await grid.getByRole('button', { name: /^Endre registreringen 08\.06\.2020, 02\/20-ST, Ikke møtt/ }).click();
    const input = (name: string) => grid.getByRole('textbox', { name, exact: true });
    const isFocused = (name: string) => input(name).evaluate((element) => element === document.activeElement);
    const stored = () => JSON.stringify(entries());
    const before = stored();

    // A category the list does not know: said at the input, before anything is sent.
    await input('Endre hendelse').fill('qqq');
    await input('Endre tidsbruk').fill('0,25');
    await input('Endre tidsbruk').press('Enter');
    await expect.poll(() => input('Endre hendelse').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibleDescription(input('Endre hendelse'))).toBe('Velg en hendelse, med nummer eller navn');
    expect(await isFocused('Endre hendelse')).toBe(true);

    // The service's refusals, two at once, each at its input; the first on the row focused; no banner.
    await input('Endre hendelse').fill('10');
    await expect.poll(() => input('Endre hendelse').getAttribute('aria-invalid')).toBeNull();
    await input('Endre dato').fill('40.06.2020');
    await input('Endre dato').press('Enter');
    await expect.poll(() => input('Endre tidsbruk').getAttribute('aria-invalid')).toBe('true');
    expect(await input('Endre dato').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibleDescription(input('Endre dato'))).not.toBe('');
    expect(await accessibleDescription(input('Endre tidsbruk'))).toBe('Tidsbruk må være i hele eller halve timer');
    expect(await isFocused('Endre dato')).toBe(true);
    expect(await grid.locator('.fui-MessageBar').count()).toBe(0);
    expect(stored()).toBe(before);
    await harness.visit('27-timer-endre-rad-feil');

    // Corrected, it saves and the row is a row again.
    await input('Endre dato').fill('08.06.2020');
    await input('Endre tidsbruk').fill('1,5');
    await input('Endre tidsbruk').press('Enter');
    await input('Endre tidsbruk').waitFor({ state: 'detached' });
    expect(stored()).not.toBe(before);
  });
});
