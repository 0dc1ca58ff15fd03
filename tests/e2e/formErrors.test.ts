import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { insertTestMember } from '../support/testDatabase';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { accessibleDescription, chooseOption } from './support/ui';

/**
 * A refused form shows all its mistakes at once, each under its field, with the first one focused; a
 * field's message goes when the field is edited, and a banner (for what concerns no field) goes on the
 * next attempt. The example: closing a case with no reason and a date in the future, on a fixed
 * clock (15 June 2021).
 */
describeInBrowser('errors of a form, all at once and at their fields', () => {
  let harness: Harness;
  let caseId: number;

  beforeAll(async () => {
    harness = await startHarness({
      clock: fixedClock('2021-06-15T10:00:00.000Z'),
      prepare: (db) => {
        insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator', createdAt: '2021-01-01T00:00:00.000Z' });
      },
    });
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    const call = (channel: string, input: Record<string, unknown>) => {
      const result = harness.dispatcher.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as { id: number };
    };
    const steigen = (harness.db.sqlite.prepare("select id from municipalities where name = 'Steigen'").get() as { id: number }).id;
    const marit = (harness.db.sqlite.prepare("select id from team_members where username = 'marit'").get() as { id: number }).id;
    caseId = call('cases:create', { municipalityId: steigen, referralDate: '2021-01-04' }).id;
    call('cases:record-risk-assessment', { id: caseId, version: version(), date: '2021-01-06', assessedById: marit, done: true });
    call('cases:start-follow-up', { id: caseId, version: version(), startDate: '2021-02-01' });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const version = () => (harness.db.sqlite.prepare('select version from cases where id = ?').get(caseId) as { version: number }).version;
  const status = () => (harness.db.sqlite.prepare('select status from cases where id = ?').get(caseId) as { status: string }).status;
  const isFocused = (field: ReturnType<Harness['page']['getByRole']>) => field.evaluate((element) => element === document.activeElement);

  it('closing with no reason and a future date: both messages at their fields, the first focused, the banner gone on the next try', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Saker' }).click();
    await page.getByRole('table', { name: 'Saker' }).getByRole('link', { name: '01/21-ST' }).click();
    await page.getByRole('heading', { name: 'Sak 01/21-ST', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Avslutt saken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avslutt saken' });
    const date = dialog.getByRole('textbox', { name: 'Avslutningsdato', exact: true });
    const reason = dialog.getByRole('combobox', { name: 'Årsak til avslutning', exact: true });
    const banners = dialog.locator('.fui-MessageBar');

    // 1. Two mistakes: both named at once, each at its field; no banner repeats them.
    await date.fill('01.07.2021');
    await dialog.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await dialog.getByText('Datoen kan ikke være fram i tid').waitFor();
    await dialog.getByText('Velg årsak til avslutning').waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibleDescription(date)).toBe('Datoen kan ikke være fram i tid');
    expect(await accessibleDescription(reason)).toBe('Velg årsak til avslutning');
    expect(await isFocused(date)).toBe(true);
    expect(await banners.count()).toBe(0);
    await harness.visit('90-skjemafeil-alle-samtidig');

    // 2. Choosing a reason clears that field's message at once; the date's stays until the date is edited.
    await chooseOption(dialog, 'Årsak til avslutning', 'Målene er nådd');
    await dialog.getByText('Velg årsak til avslutning').waitFor({ state: 'hidden' });
    expect(await reason.getAttribute('aria-invalid')).toBeNull();
    expect(await dialog.getByText('Datoen kan ikke være fram i tid').isVisible()).toBe(true);
    await date.fill('10.06.2021');
    await dialog.getByText('Datoen kan ikke være fram i tid').waitFor({ state: 'hidden' });

    // 3. A colleague saves the case meanwhile: a refusal with no field, so a banner.
    const saved = harness.dispatcher.dispatch('cases:set-texts', { id: caseId, version: version(), teamAssessment: 'Vurdert på teammøtet' });
    expect(saved.ok).toBe(true);
    await dialog.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await dialog.getByRole('button', { name: 'Last inn på nytt' }).waitFor();
    expect(await banners.count()).toBe(1);
    expect(await date.getAttribute('aria-invalid')).toBeNull();

    // 4. The next try clears the banner, whatever it brings: here the date again, at its field.
    await dialog.getByRole('button', { name: 'Last inn på nytt' }).click();
    await date.fill('01.07.2021');
    await dialog.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await dialog.getByText('Datoen kan ikke være fram i tid').waitFor();
    expect(await banners.count()).toBe(0);
    expect(await isFocused(date)).toBe(true);

    // 5. Corrected, it saves.
    await date.fill('10.06.2021');
    await dialog.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(status()).toBe('avsluttet');
    harness.assertNoBrowserErrors();
  });

  it('cost share: «abc» is marked at its own field, not under the table, and a service refusal lands at its field too', async () => {
    const { page } = harness;
    const stored = () => harness.db.sqlite.prepare('select count(*) from cost_share_years').pluck().get();
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByRole('heading', { name: 'Kostnadsfordeling' }).waitFor();
    const save = page.getByRole('button', { name: 'Lagre kostnadsfordeling' });
    const fauskeHours = page.getByRole('textbox', { name: 'Ekstra timer Fauske' });
    const rodoy = page.getByRole('textbox', { name: 'Folketall Rødøy' });
    await page.getByRole('textbox', { name: /^Budsjett/ }).fill('900 000');
    await fauskeHours.fill('x');
    await rodoy.fill('abc');
    await save.click();
    await page.getByText('Skriv folketallet for Rødøy som et tall').waitFor();
    expect(await accessibleDescription(rodoy)).toBe('Skriv folketallet for Rødøy som et tall');
    expect(await rodoy.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibleDescription(fauskeHours)).toBe('Skriv ekstra timer for Fauske som et tall');
    // Fauske's row comes first on the screen.
    expect(await isFocused(fauskeHours)).toBe(true);
    expect(
      await page
        .locator('.fui-MessageBar')
        .filter({ hasText: /som et tall/ })
        .count(),
    ).toBe(0);
    expect(stored()).toBe(0);

    // Editing a field takes its message away; the other stays until the next save.
    await rodoy.fill('1200');
    await page.getByText('Skriv folketallet for Rødøy som et tall').waitFor({ state: 'hidden' });
    expect(await rodoy.getAttribute('aria-invalid')).toBeNull();
    expect(await fauskeHours.getAttribute('aria-invalid')).toBe('true');

    // A number the contract refuses (negative) comes back from the service, at the same field.
    await fauskeHours.fill('-5');
    await save.click();
    await page.waitForFunction(() => document.querySelector('[aria-label="Ekstra timer Fauske"]')?.getAttribute('aria-invalid') === 'true');
    expect(await accessibleDescription(fauskeHours)).not.toBe('');
    expect(stored()).toBe(0);
    await harness.visit('91-kostnadsfordeling-feil-ved-feltet');

    await fauskeHours.fill('10,5');
    await save.click();
    await page.getByText(/Kostnadsfordelingen for \d{4} er lagret\./).waitFor();
    expect(stored()).toBe(1);
    harness.assertNoBrowserErrors();
  });
});
