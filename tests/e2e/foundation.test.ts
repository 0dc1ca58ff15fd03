import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOURS_MESSAGES } from '@shared/hours';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { TEST_PASSWORD } from '../support/testDatabase';
import { accessibleDescription, cellAt, chooseOption, tableText } from './support/ui';

/**
 * The foundation issue's flow, driven by role and label like a person would: first member, a
 * colleague, first case, first hours, the annual pivot — on a fresh database, with the real services
 * behind the page.
 */
describeInBrowser('foundation: from a fresh database to the annual statistics', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const count = (table: string) => (harness.db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  it('creates the first member, a colleague, a case, an entry, shows them in the pivot, and signs out', async () => {
    const { page } = harness;
    await harness.goto();

    // «Kom i gang» on a fresh database
    await page.getByRole('heading', { name: 'Kom i gang' }).waitFor();
    await harness.visit('01-kom-i-gang');
    await page.getByRole('textbox', { name: 'Navn', exact: true }).fill('Marit Solvang');
    await page.getByRole('textbox', { name: 'Initialer', exact: true }).fill('MS');
    await page.getByRole('textbox', { name: 'Brukernavn', exact: true }).fill('marit');
    await page.getByLabel('Passord', { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel('Gjenta passordet', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Kom i gang' }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    expect(harness.db.sqlite.prepare('select username, display_name, initials from team_members').all()).toEqual([
      { username: 'marit', display_name: 'Marit Solvang', initials: 'MS' },
    ]);

    // «Team» → «Nytt teammedlem»: the rest of the team is added from the app
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    const team = page.getByRole('table', { name: 'Teammedlemmer' });
    await team.getByRole('cell', { name: 'Marit Solvang', exact: true }).waitFor();
    await harness.visit('01b-team');

    await page.getByRole('button', { name: 'Nytt teammedlem' }).click();
    const memberDialog = page.getByRole('dialog', { name: 'Nytt teammedlem' });
    await memberDialog.waitFor();
    // The name suggests initials and user name, the same rules as on «Kom i gang».
    await memberDialog.getByRole('textbox', { name: 'Navn', exact: true }).fill('Jonas Berg');
    expect(await memberDialog.getByRole('textbox', { name: 'Initialer', exact: true }).inputValue()).toBe('JB');
    expect(await memberDialog.getByRole('textbox', { name: 'Brukernavn', exact: true }).inputValue()).toBe('jonas');
    expect(await memberDialog.getByRole('radio', { name: 'Teammedlem', exact: true }).isChecked()).toBe(true);
    await memberDialog.getByLabel('Passord', { exact: true }).fill(TEST_PASSWORD);
    await memberDialog.getByLabel('Gjenta passordet', { exact: true }).fill(TEST_PASSWORD);
    await harness.visit('01c-team-nytt-teammedlem');
    await memberDialog.getByRole('button', { name: 'Lagre teammedlem' }).click();
    await memberDialog.waitFor({ state: 'hidden' });
    await page.getByText('Jonas Berg (JB) er lagt til i teamet.').waitFor();
    await team.getByRole('cell', { name: 'Jonas Berg', exact: true }).waitFor();
    expect((await tableText(team)).slice(1)).toEqual([
      ['Jonas Berg', 'JB', 'jonas', 'Teammedlem', 'Aktiv', ''],
      ['Marit Solvang', 'MS', 'marit', 'Administrator', 'Aktiv', ''],
    ]);
    const membersInDb = () => harness.db.sqlite.prepare('select username, display_name, initials, role from team_members order by id').all();
    expect(membersInDb()).toEqual([
      { username: 'marit', display_name: 'Marit Solvang', initials: 'MS', role: 'administrator' },
      { username: 'jonas', display_name: 'Jonas Berg', initials: 'JB', role: 'teammedlem' },
    ]);
    await harness.visit('01d-team-lagt-til');

    // A user name already taken is refused at «Brukernavn», and nothing is written
    await page.getByRole('button', { name: 'Nytt teammedlem' }).click();
    await memberDialog.waitFor();
    await memberDialog.getByRole('textbox', { name: 'Navn', exact: true }).fill('Jonas Bakke');
    await memberDialog.getByRole('textbox', { name: 'Initialer', exact: true }).fill('JBA');
    const username = memberDialog.getByRole('textbox', { name: 'Brukernavn', exact: true });
    expect(await username.inputValue()).toBe('jonas');
    await memberDialog.getByLabel('Passord', { exact: true }).fill(TEST_PASSWORD);
    await memberDialog.getByLabel('Gjenta passordet', { exact: true }).fill(TEST_PASSWORD);
    await memberDialog.getByRole('button', { name: 'Lagre teammedlem' }).click();
    await expect.poll(() => username.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibleDescription(username)).toContain('Brukernavnet er allerede i bruk');
    expect(membersInDb()).toHaveLength(2);
    await harness.visit('01e-team-brukernavn-i-bruk');
    await memberDialog.getByRole('button', { name: 'Avbryt' }).click();
    await memberDialog.waitFor({ state: 'hidden' });
    expect(membersInDb()).toHaveLength(2);

    // «Saker» → «Ny sak»
    await page.getByRole('link', { name: 'Saker' }).click();
    await page.getByRole('heading', { name: 'Saker', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Saker' }).getByText('Ingen saker ennå', { exact: false }).waitFor();
    await harness.visit('02-saker-tom');

    await page.getByRole('button', { name: 'Ny sak' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny sak' });
    await dialog.waitFor();
    await chooseOption(dialog, 'Kommune', 'Steigen');
    await dialog.getByRole('textbox', { name: 'Henvisningsdato', exact: true }).fill('01.03.2020');
    await dialog.getByRole('status').getByText('01/20-ST').waitFor();
    await harness.visit('03-ny-sak');
    await dialog.getByRole('button', { name: 'Lagre sak' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const cases = page.getByRole('table', { name: 'Saker' });
    await cases.getByRole('cell', { name: '01/20-ST', exact: true }).waitFor();
    const caseRows = await tableText(cases);
    expect(caseRows.slice(1)).toEqual([['01/20-ST', 'Steigen', '01.03.2020', expect.any(String), 'MS', '0']]);
    await harness.visit('04-saker-med-sak');

    // «Timer»: a refused amount writes nothing, a good one is listed and summed
    await page.getByRole('link', { name: 'Timer', exact: true }).click();
    await page.getByRole('heading', { name: 'Timer', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Registreringer' }).waitFor();
    // The list opens on this month's own entries; this entry is dated in 2020.
    await page.getByRole('button', { name: 'Alle datoer' }).click();
    await harness.visit('05-timer-tom');

    const form = page.getByRole('form', { name: 'Ny registrering' });
    await form.getByRole('textbox', { name: 'Dato', exact: true }).fill('02.03.2020');
    const caseBox = form.getByRole('combobox', { name: 'Sak', exact: true });
    await caseBox.click();
    await caseBox.pressSequentially('01/20');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /^01\/20-ST/ })
      .click();
    await expect.poll(() => form.getByRole('textbox', { name: 'Kommune', exact: true }).inputValue()).toBe('Steigen');
    await form.getByRole('textbox', { name: 'Hendelse', exact: true }).fill('1');

    const hours = form.getByRole('textbox', { name: 'Tidsbruk', exact: true });
    await hours.fill('0,25');
    await form.getByRole('button', { name: 'Lagre' }).click();
    await form.getByText(HOURS_MESSAGES.notHalfHour).waitFor();
    expect(await hours.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibleDescription(hours)).toContain(HOURS_MESSAGES.notHalfHour);
    expect(count('time_entries')).toBe(0);
    await harness.visit('06-timer-feil-tidsbruk');

    await hours.fill('1,5');
    await form.getByRole('button', { name: 'Lagre' }).click();
    // The date is years back: the form asks before saving, and the user confirms.
    const question = page.getByRole('alertdialog', { name: 'Stemmer dette?' });
    await question.waitFor();
    await harness.visit('06b-timer-stemmer-dette');
    await question.getByRole('button', { name: 'Lagre likevel' }).click();
    const entries = page.getByRole('table', { name: 'Registreringer' });
    await entries.getByRole('cell', { name: '01/20-ST', exact: true }).waitFor();
    const entryRows = await tableText(entries);
    expect(entryRows.slice(1).map((row) => row.slice(0, 6))).toEqual([['02.03.2020', '01/20-ST', 'Steigen', '1 Brukeroppfølging', '1,5', 'MS']]);
    await page.getByText(/Sum: 1,5 timer/).waitFor();
    await harness.visit('07-timer-med-registrering');

    // «Statistikk», År 2020
    await page.getByRole('link', { name: 'Statistikk' }).click();
    await page.getByRole('heading', { name: 'Statistikk', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2020');
    const pivot = page.getByRole('table', { name: 'Timer per kommune og hendelse' });
    await pivot.getByRole('rowheader', { name: 'Steigen', exact: true }).waitFor();
    const pivotRows = await tableText(pivot);
    const cell = cellAt(pivotRows, 'Steigen', '1 Brukeroppfølging');
    expect(cell).toBe('1,5 t');
    expect(cellAt(pivotRows, 'Totalsum', 'Totalsum')).toBe(cell);
    expect(cellAt(pivotRows, 'Steigen', 'Totalsum')).toBe(cell);
    await harness.visit('08-statistikk-2020');

    // The database holds exactly what was typed, and the services agree with the screen.
    const steigen = harness.db.sqlite.prepare("select id from municipalities where name = 'Steigen'").get() as { id: number };
    const category = harness.db.sqlite.prepare("select id from categories where name = 'Brukeroppfølging'").get() as { id: number };
    expect(harness.db.sqlite.prepare('select code, municipality_id, year, running_number, referral_date from cases').all()).toEqual([
      { code: '01/20-ST', municipality_id: steigen.id, year: 2020, running_number: 1, referral_date: '2020-03-01' },
    ]);
    expect(
      harness.db.sqlite
        .prepare(
          `select t.entry_date, c.code, t.municipality_id, t.category_id, t.minutes, t.participant_count
             from time_entries t left join cases c on c.id = t.case_id`,
        )
        .all(),
    ).toEqual([{ entry_date: '2020-03-02', code: '01/20-ST', municipality_id: steigen.id, category_id: category.id, minutes: 90, participant_count: 1 }]);
    expect(count('team_members')).toBe(2);
    const annual = await harness.dispatcher.dispatchAsync('statistics:annual', { year: 2020 });
    expect(annual.ok && annual.value).toMatchObject({ total: { minutes: 90, entries: 1 } });

    // «Logg ut» leads back to the sign-in screen
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    expect(harness.dispatcher.session.actor).toBeNull();
    await harness.visit('09-logget-ut');
    harness.assertNoBrowserErrors();
  });
});
