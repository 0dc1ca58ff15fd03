import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEMO_PASSWORD } from '../../electron/cli/demo/staff';
import { fixedClock } from '../../electron/services/context';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { chooseOption, tableText } from './support/ui';

/**
 * Oversikt at 1366×768 on the demo year 2020, a few days into 2021: overdue three-month contacts are
 * resolved from the list — one as not possible with a reason, one as held — and leave it; a long
 * follow-up that is still being worked on is not flagged.
 */
describeInBrowser('three-month contacts resolved from Oversikt', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      clock: fixedClock('2021-01-06T10:00:00.000Z'),
      prepare: async (db) => {
        await createDemoData({ db }, { toYear: 2020, seed: 1 });
      },
    });
    await harness.page.setViewportSize({ width: 1366, height: 768 });
    await harness.signIn({ username: 'oystein.berg', displayName: 'Øystein Berg', password: DEMO_PASSWORD });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const overdueCodes = async () =>
    (await tableText(harness.page.getByRole('table', { name: 'Etteroppfølging' })))
      .slice(1)
      .filter((row) => row.includes('Forfalt'))
      .map((row) => row[0]!);
  const stored = (code: string) =>
    harness.db.sqlite
      .prepare(
        `select c.status, c.after_contact_date as held, n.reason, n.note
           from cases c left join after_contact_not_possible n on n.case_id = c.id where c.code = ?`,
      )
      .get(code);

  it('registers one overdue contact as not possible and another as held, and both leave the list', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Oversikt' }).click();
    const contacts = page.getByRole('table', { name: 'Etteroppfølging' });
    await contacts.getByText('Forfalt').first().waitFor();
    const before = await overdueCodes();
    expect(before.length).toBeGreaterThanOrEqual(2);
    await harness.visit('93-oversikt-etteroppfolging-1366');

    const [first, second] = before as [string, string];
    await contacts.getByRole('button', { name: `Etteroppfølging ikke mulig for ${first}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Etteroppfølging ikke mulig' });
    // Saved without a reason: refused at the field, nothing stored.
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.getByText('Velg hvorfor etteroppfølgingen ikke var mulig').first().waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Hvorfor', exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(stored(first)).toMatchObject({ status: 'avsluttet', reason: null });
    await chooseOption(dialog, 'Hvorfor', 'Brukeren har flyttet');
    await dialog.getByRole('textbox', { name: 'Dato', exact: true }).fill('06.01.2021');
    await dialog.getByRole('textbox', { name: 'Merknad' }).fill('Tre forsøk på telefon');
    await harness.visit('94-etteroppfolging-ikke-mulig-dialog');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(overdueCodes).not.toContain(first);
    expect(stored(first)).toEqual({ status: 'avsluttet', held: null, reason: 'flyttet', note: 'Tre forsøk på telefon' });

    await contacts.getByRole('button', { name: `Etteroppfølging utført for ${second}` }).click();
    const held = page.getByRole('dialog', { name: 'Etteroppfølging etter tre måneder' });
    await held.getByRole('textbox', { name: 'Dato for etteroppfølging', exact: true }).fill('05.01.2021');
    await held.getByRole('button', { name: 'Lagre' }).click();
    await held.waitFor({ state: 'hidden' });
    await expect.poll(overdueCodes).not.toContain(second);
    expect(stored(second)).toMatchObject({ status: 'etteroppfolging_utfort', held: '2021-01-05', reason: null });
    expect(await overdueCodes()).toEqual(before.filter((code) => code !== first && code !== second));
    await harness.visit('95-oversikt-etteroppfolging-registrert-1366');
  });

  it('shows the reason on the case page', async () => {
    const { page } = harness;
    const code = (harness.db.sqlite.prepare('select c.code from cases c join after_contact_not_possible n on n.case_id = c.id').get() as { code: string }).code;
    await page.getByRole('link', { name: 'Oversikt' }).click();
    await page.getByRole('link', { name: 'Saker' }).click();
    await page.getByRole('link', { name: code }).first().click();
    await page.getByText(/^Ikke mulig \(Brukeren har flyttet\), registrert 06\.01\.2021 – Tre forsøk på telefon$/).waitFor();
    await harness.visit('96-sak-etteroppfolging-ikke-mulig');
  });

  it('flags only the active cases that need action', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Oversikt' }).click();
    const rows = (await tableText(page.getByRole('table', { name: 'Aktive saker' }))).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    const flagged = rows.filter((row) => row[4] !== '');
    // Every flag says what to do; cases worked on lately are not flagged however long they have run.
    for (const row of flagged) expect(row[4]).toMatch(/^(Ingen timer siden \d\d\.\d\d\.\d{4}|Ingen timer ført|Utskrevet – start oppfølgingen)$/);
    expect(flagged.length).toBeLessThan(rows.length);
  });
});
