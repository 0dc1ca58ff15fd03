import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { insertTestMember } from '../support/testDatabase';

/** Innstillinger: an administrator changes a setting, a team member sees it but cannot change it. */
describeInBrowser('settings page', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      prepare: (db) => {
        insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator' });
        insertTestMember(db, { username: 'jonas', displayName: 'Jonas Berg', initials: 'JB', role: 'teammedlem' });
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const stored = () => harness.db.sqlite.prepare('select key, value from settings order by key').all();

  it('lets the administrator save a setting and refuses one outside its range', async () => {
    const { page } = harness;
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByRole('heading', { name: 'Innstillinger', level: 1 }).waitFor();
    const weeks = page.getByRole('spinbutton', { name: /Varsel om lang oppfølging/ });
    expect(await weeks.inputValue()).toBe('8');

    await weeks.fill('0');
    await page.getByRole('button', { name: 'Lagre innstillinger' }).click();
    await page
      .getByText(/må være minst 1|for lite/i)
      .first()
      .waitFor();
    expect(stored()).toEqual([]);

    await weeks.fill('10');
    await page.getByRole('button', { name: 'Lagre innstillinger' }).click();
    await page.getByText('Innstillingene er lagret.').waitFor();
    expect(stored()).toEqual([
      { key: 'followUpWarningWeeks', value: '10' },
      { key: 'idleLockMinutes', value: '10' },
      // The form saves every number it shows; the backup rotation keeps its default.
      { key: 'keepOtherBackupsMonths', value: '12' },
      { key: 'retentionYears', value: '5' },
    ]);
    await harness.visit('50-innstillinger');
  });

  it('shows a team member the settings read-only', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await harness.signIn({ username: 'jonas', displayName: 'Jonas Berg' });
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByText('Bare en administrator kan endre innstillingene.').waitFor();
    const weeks = page.getByRole('spinbutton', { name: /Varsel om lang oppfølging/ });
    expect(await weeks.inputValue()).toBe('10');
    expect(await weeks.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Lagre innstillinger' }).count()).toBe(0);
    harness.assertNoBrowserErrors();
  });
});
