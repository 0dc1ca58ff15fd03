import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { insertTestMember } from '../support/testDatabase';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { cellAt, chooseOption, tableText, toggleOption, toggleOptionWithKeyboard } from './support/ui';

/**
 * A case from referral to the three-month contact, on a fixed clock (15 June 2021): risk assessment,
 * two staff, a goal, life-domain ratings, institution phase, start, closure — and the contact showing
 * as due on Oversikt, then done.
 */
describeInBrowser('a case through its whole life', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      clock: fixedClock('2021-06-15T10:00:00.000Z'),
      prepare: (db) => {
        const createdAt = '2021-01-01T00:00:00.000Z';
        insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator', createdAt });
        insertTestMember(db, { username: 'jonas', displayName: 'Jonas Berg', initials: 'JB', role: 'teammedlem', createdAt });
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const status = () => (harness.db.sqlite.prepare('select status from cases').get() as { status: string }).status;

  it('walks referral → risk → staff → goals → ratings → institution → follow-up → closure → three-month contact', async () => {
    const { page } = harness;
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    await page.getByRole('heading', { name: 'Oversikt', level: 1 }).waitFor();
    await harness.visit('60-oversikt-tom');

    await page.getByRole('link', { name: 'Saker' }).click();
    await page.getByRole('button', { name: 'Ny sak' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny sak' });
    await chooseOption(dialog, 'Kommune', 'Steigen');
    await dialog.getByRole('textbox', { name: 'Henvisningsdato', exact: true }).fill('04.01.2021');
    await dialog.getByRole('status').getByText('01/21-ST').waitFor();
    await dialog.getByRole('button', { name: 'Lagre sak' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Saken er registrert med sakskode 01/21-ST.').waitFor();
    await page.getByRole('table', { name: 'Saker' }).getByRole('link', { name: '01/21-ST' }).waitFor();
    await harness.visit('61-saker');
    await page.getByRole('table', { name: 'Saker' }).getByRole('link', { name: '01/21-ST' }).click();
    await page.getByRole('heading', { name: 'Sak 01/21-ST', level: 1 }).waitFor();
    await page.getByText('Oppfølgingen kan ikke starte før farlighetsvurderingen er registrert som gjennomført.').waitFor();
    expect(await page.getByRole('region', { name: 'Ansatte på saken' }).getByText('bare én ansatt', { exact: false }).isVisible()).toBe(true);

    // Start is refused before the risk assessment, with the reason
    await page.getByRole('button', { name: 'Start oppfølging' }).click();
    let step = page.getByRole('dialog', { name: 'Start oppfølging' });
    await step.getByRole('textbox', { name: 'Startdato', exact: true }).fill('01.02.2021');
    await step.getByRole('button', { name: 'Start oppfølging' }).click();
    await step.getByText(/Farlighetsvurderingen må være gjennomført/).waitFor();
    await step.getByRole('button', { name: 'Avbryt' }).click();
    expect(status()).toBe('henvist');

    // Risk assessment, second staff member, a goal
    const risk = page.getByRole('region', { name: 'Farlighetsvurdering' });
    await risk.getByRole('textbox', { name: 'Dato for vurdering', exact: true }).fill('06.01.2021');
    await chooseOption(risk, 'Vurdert av', 'Jonas Berg');
    // Nothing is ticked for the user: an assessment is «gjennomført» only when someone says so.
    const carriedOut = risk.getByRole('checkbox', { name: 'Gjennomført' });
    expect(await carriedOut.isChecked()).toBe(false);
    await carriedOut.check();
    await risk.getByRole('button', { name: 'Lagre farlighetsvurdering' }).click();
    await risk.getByText(/Gjennomført 06\.01\.2021 av Jonas Berg/).waitFor();

    // The second staff member, with the keyboard only: tick Jonas in «Ansatte», Tab to the save button.
    const staff = page.getByRole('region', { name: 'Ansatte på saken' });
    await toggleOptionWithKeyboard(staff, 'Ansatte', 'Jonas Berg (JB)');
    expect(await staff.getByRole('combobox', { name: 'Ansatte', exact: true }).textContent()).toBe('JB, MS');
    await page.keyboard.press('Tab');
    expect(await staff.getByRole('button', { name: 'Lagre ansatte' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await staff.getByText('Teamet går to på hver sak.', { exact: false }).waitFor({ state: 'hidden' });
    await staff.getByText('Aktive saker nå: JB 1 · MS 1').waitFor();
    const staffNames = harness.db.sqlite
      .prepare('select m.display_name as name from case_staff s join team_members m on m.id = s.team_member_id order by m.display_name')
      .all() as { name: string }[];
    expect(staffNames.map((m) => m.name)).toEqual(['Jonas Berg', 'Marit Solvang']);
    await page
      .getByRole('region', { name: 'Farlighetsvurdering' })
      .getByText(/Gjennomført 06\.01\.2021/)
      .waitFor();

    await page.getByRole('tab', { name: 'Mål og livsområder' }).click();
    const goals = page.getByRole('region', { name: 'Mål' });
    await goals.getByRole('textbox', { name: 'Nytt mål', exact: true }).fill('Få egen leilighet');
    await goals.getByRole('button', { name: 'Legg til mål' }).click();
    await goals.getByRole('cell', { name: 'Få egen leilighet', exact: true }).waitFor();

    const ratings = page.getByRole('region', { name: 'Livsområder' });
    await ratings.getByRole('radiogroup', { name: 'Nivå for Bolig' }).getByRole('radio', { name: '1 Krevende' }).check();
    await ratings.getByRole('radiogroup', { name: 'Nivå for Økonomi' }).getByRole('radio', { name: '2 Delvis på plass' }).check();
    await ratings.getByRole('textbox', { name: 'Vurdert dato', exact: true }).fill('06.01.2021');
    await ratings.getByRole('button', { name: 'Lagre livsområder' }).click();
    await ratings.getByRole('cell', { name: '1 Krevende', exact: true }).waitFor();

    // Institution phase, then follow-up from the release
    await page.getByRole('button', { name: 'Start institusjonsfase' }).click();
    step = page.getByRole('dialog', { name: 'Institusjonsfase' });
    await step.getByRole('textbox', { name: 'Fra dato', exact: true }).fill('10.01.2021');
    await chooseOption(step, 'Type institusjon', 'Fengsel');
    await step.getByRole('button', { name: 'Lagre' }).click();
    await step.waitFor({ state: 'hidden' });
    expect(status()).toBe('institusjonsfase');

    await page.getByRole('button', { name: 'Start oppfølging' }).click();
    step = page.getByRole('dialog', { name: 'Start oppfølging' });
    await step.getByRole('textbox', { name: 'Startdato', exact: true }).fill('01.02.2021');
    await step.getByRole('textbox', { name: 'Utskrevet/løslatt', exact: true }).fill('31.01.2021');
    await step.getByRole('button', { name: 'Start oppfølging' }).click();
    await step.waitFor({ state: 'hidden' });
    expect(status()).toBe('oppfolging');

    await page.getByRole('button', { name: 'Avslutt saken' }).click();
    step = page.getByRole('dialog', { name: 'Avslutt saken' });
    await step.getByRole('textbox', { name: 'Avslutningsdato', exact: true }).fill('20.03.2021');
    await chooseOption(step, 'Årsak til avslutning', 'Overført til kommunen');
    await step.getByRole('button', { name: 'Avslutt' }).click();
    await step.waitFor({ state: 'hidden' });
    expect(status()).toBe('avsluttet');
    await page.getByRole('tab', { name: 'Forløp og team' }).click();
    await page.getByText('Frist 20.06.2021').waitFor();
    await harness.visit('62-sak-avsluttet');

    // Oversikt: the three-month contact is due within 14 days
    await page.getByRole('link', { name: 'Oversikt' }).click();
    const due = page.getByRole('table', { name: 'Etteroppfølging' });
    await due.getByRole('link', { name: '01/21-ST' }).waitFor();
    expect((await tableText(due))[1]).toEqual(['01/21-ST', 'Steigen', '20.03.2021', '20.06.2021', 'Snart', 'UtførtIkke mulig']);
    await harness.visit('63-oversikt-etteroppfolging');

    await due.getByRole('link', { name: '01/21-ST' }).click();
    await page.getByRole('button', { name: 'Etteroppfølging utført' }).click();
    step = page.getByRole('dialog', { name: 'Etteroppfølging etter tre måneder' });
    await step.getByRole('textbox', { name: 'Dato for etteroppfølging', exact: true }).fill('14.06.2021');
    await step.getByRole('button', { name: 'Lagre' }).click();
    await step.waitFor({ state: 'hidden' });
    expect(status()).toBe('etteroppfolging_utfort');
    const timeline = await tableText(page.getByRole('table', { name: 'Statusendringer' }));
    expect(timeline.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['04.01.2021', 'Henvist'],
      ['10.01.2021', 'Henvist → Institusjonsfase'],
      ['01.02.2021', 'Institusjonsfase → Oppfølging'],
      ['20.03.2021', 'Oppfølging → Avsluttet'],
      ['14.06.2021', 'Avsluttet → Etteroppfølging utført'],
    ]);
    await harness.visit('64-sak-ferdig');

    await page.getByRole('link', { name: 'Oversikt' }).click();
    await page.getByRole('table', { name: 'Etteroppfølging' }).getByText('Ingen etteroppfølginger de neste 14 dagene.').waitFor();
    await harness.visit('65-oversikt-ferdig');
  });

  it('keeps a partner directory searchable the Norwegian way, and a network log', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Samarbeidspartnere' }).click();
    for (const [name, municipality] of [
      ['NAV Sørfold', 'Sørfold'],
      ['Åsen behandlingssenter', null],
      ['Øvre legekontor', null],
    ] as const) {
      await page.getByRole('button', { name: 'Ny samarbeidspartner' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ny samarbeidspartner' });
      await dialog.getByRole('textbox', { name: 'Navn', exact: true }).fill(name);
      await chooseOption(dialog, 'Type', name.startsWith('NAV') ? 'NAV' : 'Behandlingsinstitusjon');
      if (municipality) await chooseOption(dialog, 'Kommune', municipality);
      else await chooseOption(dialog, 'Tilhørighet', 'Regional');
      await dialog.getByRole('button', { name: 'Lagre samarbeidspartner' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    const table = page.getByRole('table', { name: 'Samarbeidspartnere' });
    await table.getByRole('cell', { name: 'Åsen behandlingssenter', exact: true }).waitFor();
    expect((await tableText(table)).slice(1).map((r) => r[0])).toEqual(['NAV Sørfold', 'Øvre legekontor', 'Åsen behandlingssenter']);
    await harness.visit('66-samarbeidspartnere');
    await page.getByRole('searchbox').fill('sørf');
    await expect.poll(async () => (await tableText(table)).slice(1).map((r) => r[0])).toEqual(['NAV Sørfold']);

    // Editing reuses the create forms, filled with what is stored.
    await page.getByRole('button', { name: 'Endre NAV Sørfold', exact: true }).click();
    let edit = page.getByRole('dialog', { name: 'Endre NAV Sørfold' });
    expect(await edit.getByRole('textbox', { name: 'Navn', exact: true }).inputValue()).toBe('NAV Sørfold');
    expect(await edit.getByRole('combobox', { name: 'Kommune', exact: true }).textContent()).toBe('Sørfold');
    await edit.getByRole('textbox', { name: 'Telefon', exact: true }).fill('75 69 00 00');
    await harness.visit('66b-samarbeidspartner-endre');
    await edit.getByRole('button', { name: 'Lagre samarbeidspartner' }).click();
    await edit.waitFor({ state: 'hidden' });
    await table.getByText('75 69 00 00').waitFor();

    await page.getByRole('button', { name: 'Legg til person hos NAV Sørfold' }).click();
    edit = page.getByRole('dialog', { name: 'Ny kontaktperson hos NAV Sørfold' });
    await edit.getByRole('textbox', { name: 'Navn', exact: true }).fill('Kari Veileder');
    await edit.getByRole('textbox', { name: 'Rolle', exact: true }).fill('Veileder');
    await edit.getByRole('button', { name: 'Lagre person' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Endre Kari Veileder hos NAV Sørfold' }).click();
    edit = page.getByRole('dialog', { name: 'Endre kontaktperson hos NAV Sørfold' });
    expect(await edit.getByRole('textbox', { name: 'Rolle', exact: true }).inputValue()).toBe('Veileder');
    await edit.getByRole('textbox', { name: 'Rolle', exact: true }).fill('Ettervernskontakt');
    await edit.getByRole('button', { name: 'Lagre person' }).click();
    await edit.waitFor({ state: 'hidden' });
    expect(cellAt(await tableText(table), 'NAV Sørfold', 'Personer')).toBe('Kari Veileder – Ettervernskontakt');
    const stored = harness.db.sqlite.prepare('select o.phone, p.role from contacts o join contact_people p on p.contact_id = o.id').all();
    expect(stored).toEqual([{ phone: '75 69 00 00', role: 'Ettervernskontakt' }]);
    await page.getByRole('searchbox').fill('');
    await harness.visit('66c-samarbeidspartnere-endret');

    await page.getByRole('link', { name: 'Nettverkslogg' }).click();
    await page.getByRole('button', { name: 'Nytt møte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt møte eller ny presentasjon' });
    await dialog.getByRole('textbox', { name: 'Dato', exact: true }).fill('02.03.2021');
    await chooseOption(dialog, 'Type', 'Informasjonsmøte');
    await toggleOption(dialog, 'Samarbeidspartnere', 'NAV Sørfold');
    await dialog.getByRole('textbox', { name: 'Notat', exact: true }).fill('Presentasjon av teamet');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Nettverkslogg' }).getByRole('cell', { name: 'Presentasjon av teamet' }).waitFor();
    expect(cellAt(await tableText(page.getByRole('table', { name: 'Nettverkslogg' })), '02.03.2021', 'Samarbeidspartnere')).toBe('NAV Sørfold');
    await page.getByRole('button', { name: 'Endre møtet 02.03.2021' }).click();
    const editEvent = page.getByRole('dialog', { name: 'Endre møtet 02.03.2021' });
    expect(await editEvent.getByRole('textbox', { name: 'Notat', exact: true }).inputValue()).toBe('Presentasjon av teamet');
    expect(await editEvent.getByRole('combobox', { name: 'Samarbeidspartnere', exact: true }).textContent()).toBe('NAV Sørfold');
    await chooseOption(editEvent, 'Type', 'Samarbeidsmøte');
    await editEvent.getByRole('textbox', { name: 'Notat', exact: true }).fill('Rutiner for overgang til kommunen');
    await harness.visit('67b-nettverkslogg-endre');
    await editEvent.getByRole('button', { name: 'Lagre' }).click();
    await editEvent.waitFor({ state: 'hidden' });
    const log = await tableText(page.getByRole('table', { name: 'Nettverkslogg' }));
    expect([cellAt(log, '02.03.2021', 'Type'), cellAt(log, '02.03.2021', 'Notat'), cellAt(log, '02.03.2021', 'Samarbeidspartnere')]).toEqual([
      'Samarbeidsmøte',
      'Rutiner for overgang til kommunen',
      'NAV Sørfold',
    ]);
    await harness.visit('67-nettverkslogg');

    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByRole('table', { name: 'Livsområder' }).getByRole('cell', { name: 'Daglig fungering', exact: true }).waitFor();
    await harness.visit('68-innstillinger-livsomrader');
  });
});
