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
});
