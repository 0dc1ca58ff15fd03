import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { accessibleDescription, tableText } from './support/ui';
import { TEST_PASSWORD, testPasswordHash } from '../support/testDatabase';

/**
 * Access control in the browser: signing in with a password, the lock screen (Ctrl+L) keeping unsaved
 * input, changing one's own password, team administration, the audit viewer and the retention preview.
 */
describeInBrowser('access control', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      clock: fixedClock('2025-06-02T10:00:00.000Z'),
      prepare: (db) => {
        const stamp = '2020-01-01T10:00:00.000Z';
        const insert = db.sqlite.prepare(
          'insert into team_members (username, display_name, initials, role, created_at, password_hash) values (?, ?, ?, ?, ?, ?)',
        );
        insert.run('marit', 'Marit Solvang', 'MS', 'administrator', stamp, testPasswordHash());
        insert.run('jonas', 'Jonas Berg', 'JB', 'teammedlem', stamp, testPasswordHash());
        const steigen = (db.sqlite.prepare("select id from municipalities where name = 'Steigen'").get() as { id: number }).id;
        db.sqlite
          .prepare(
            `insert into cases (code, municipality_id, year, running_number, status, referral_date, closed_date, created_at, updated_at, closure_note)
             values ('01/20-ST', ?, 2020, 1, 'avsluttet', '2020-02-03', '2020-04-30', ?, ?, 'Overført til kommunen')`,
          )
          .run(steigen, stamp, stamp);
        db.sqlite.prepare('insert into case_staff (case_id, team_member_id) values (1, 1), (1, 2)').run();
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('refuses a wrong password with a clear message, then signs in', async () => {
    const { page } = harness;
    await harness.goto();
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    await harness.visit('07-logg-inn');
    await page.getByRole('textbox', { name: 'Brukernavn', exact: true }).fill('marit');
    await page.getByLabel('Passord', { exact: true }).fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Feil brukernavn eller passord').first().waitFor();
    expect(harness.dispatcher.session.actor).toBeNull();
    await harness.visit('07-logg-inn-feil-passord');
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
  });

  it('locks on Ctrl+L, hides the data, keeps unsaved input, and opens only with the password', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Saker' }).click();
    await page.getByRole('button', { name: 'Ny sak' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny sak' });
    await dialog.waitFor();
    const referral = dialog.getByRole('textbox', { name: 'Henvisningsdato', exact: true });
    await referral.fill('03.02.2025');
    await referral.focus();

    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Skjermen er låst' }).waitFor();
    expect(harness.dispatcher.session.locked).toBe(true);
    // The server refuses data while locked, whatever the page does.
    expect(harness.dispatcher.dispatch('cases:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    // The case dialog is still there (inert, hidden from assistive technology), not readable.
    expect(await page.getByRole('dialog', { name: 'Ny sak' }).count()).toBe(0);
    await harness.visit('07-skjermlas');

    await page.getByLabel('Passord', { exact: true }).fill('feil-passord');
    await page.getByRole('button', { name: 'Lås opp' }).click();
    await page.getByText('Feil passord').first().waitFor();
    await page.getByLabel('Passord', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Lås opp' }).click();
    await page.getByRole('heading', { name: 'Skjermen er låst' }).waitFor({ state: 'hidden' });
    await harness.screenshot('07-etter-opplasing');
    await dialog.waitFor();
    expect(await referral.inputValue()).toBe('03.02.2025');
    expect(await referral.evaluate((element) => element === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
  });

  it('changes the own password: too short and wrong current are refused at the field, the new one signs in', async () => {
    const { page } = harness;
    const newPassword = 'en helt ny setning som passord';
    await page.getByRole('button', { name: 'Bytt passord' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bytt passord' });
    const current = dialog.getByLabel('Nåværende passord', { exact: true });
    const fresh = dialog.getByLabel('Nytt passord', { exact: true });
    const repeat = dialog.getByLabel('Gjenta nytt passord', { exact: true });
    await current.waitFor();
    expect(await current.evaluate((element) => element === document.activeElement)).toBe(true);

    // Keyboard only: type, Tab to the next field, Enter submits.
    await page.keyboard.type('feil-passord');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kort');
    await page.keyboard.press('Tab');
    await page.keyboard.type('annet');
    await page.keyboard.press('Enter');
    await dialog.getByText('Passordet må ha minst 10 tegn').waitFor();
    expect(await accessibleDescription(fresh)).toContain('Passordet må ha minst 10 tegn');
    expect(await accessibleDescription(repeat)).toContain('Passordene er ikke like');

    await fresh.fill(newPassword);
    await repeat.fill(newPassword);
    await repeat.press('Enter');
    await dialog.getByText('Feil passord').waitFor();
    expect(await accessibleDescription(current)).toContain('Feil passord');
    expect(await current.evaluate((element) => element === document.activeElement)).toBe(true);
    await harness.visit('07-bytt-passord-feil');

    await current.fill(TEST_PASSWORD);
    await dialog.getByRole('button', { name: 'Bytt passord' }).click();
    await dialog.getByText('Passordet er byttet').waitFor();
    await harness.visit('07-bytt-passord-ferdig');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    await page.getByRole('textbox', { name: 'Brukernavn', exact: true }).fill('marit');
    await page.getByLabel('Passord', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Feil brukernavn eller passord').first().waitFor();
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang', password: newPassword });
  });

  it('lets the administrator set a password and deactivate a member', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Team' }).click();
    const team = page.getByRole('table', { name: 'Teammedlemmer' });
    await team.getByRole('cell', { name: 'Jonas Berg', exact: true }).waitFor();
    await harness.visit('07-team-admin');
    await page.getByRole('button', { name: 'Handlinger for Jonas Berg' }).click();
    await page.getByRole('menuitem', { name: 'Deaktiver' }).click();
    await team.getByRole('cell', { name: 'Deaktivert' }).waitFor();
    expect((await tableText(team)).slice(1).map((row) => row.slice(0, 5))).toEqual([
      ['Jonas Berg', 'JB', 'jonas', 'Teammedlem', 'Deaktivert'],
      ['Marit Solvang', 'MS', 'marit', 'Administrator', 'Aktiv'],
    ]);
    await page.getByRole('button', { name: 'Handlinger for Jonas Berg' }).click();
    await page.getByRole('menuitem', { name: 'Sett nytt passord' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt passord for Jonas Berg' });
    await dialog.getByLabel('Nytt passord', { exact: true }).fill('et-nytt-langt-passord');
    await dialog.getByLabel('Gjenta passordet', { exact: true }).fill('et-nytt-langt-passord');
    await harness.visit('07-team-nytt-passord');
    await dialog.getByRole('button', { name: 'Lagre passord' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows the audit log with filters, and checks the chain', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Revisjonslogg' }).click();
    await page.getByRole('heading', { name: 'Revisjonslogg', level: 1 }).waitFor();
    const log = page.getByRole('table', { name: 'Revisjonslogg' });
    await log.getByRole('cell', { name: 'Deaktivert' }).waitFor();
    const actions = (await tableText(log)).slice(1).map((row) => row[2]);
    expect(actions).toEqual(expect.arrayContaining(['Nytt passord', 'Deaktivert', 'Skjermlås', 'Låst opp', 'Innlogging', 'Feil passord']));
    await page.getByRole('button', { name: 'Kontroller loggen' }).click();
    await page.getByText(/Loggen er hel: \d+ rader kontrollert/).waitFor();
    await harness.visit('07-revisjonslogg');
  });

  it('previews retention and reduces the due case after confirmation', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    const section = page.getByRole('region', { name: 'Oppbevaring' });
    await section.getByRole('button', { name: 'Forhåndsvis' }).click();
    await section.getByText('1 sak: 01/20-ST').waitFor();
    expect(await section.getByRole('list', { name: 'Dette fjernes' }).innerText()).toContain('Avslutningsnotat (fritekst): 1 rad');
    await harness.visit('07-oppbevaring-forhandsvisning');
    await section.getByRole('button', { name: 'Reduser 1 sak …' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reduser til statistikk' }).click();
    await section.getByText(/1 sak er redusert til statistikk/).waitFor();
    expect(harness.db.sqlite.prepare('select closure_note, reduced_at is not null as reduced from cases').get()).toEqual({ closure_note: null, reduced: 1 });
  });
});
