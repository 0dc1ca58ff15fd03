import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { AppDatabase } from '../../electron/db/open';
import { takeBackup } from '../../electron/services/backups/service';
import { fixedClock } from '../../electron/services/context';
import { createDispatcher } from '../../electron/services/dispatcher';
import { RECOVERY_REASON } from '../../electron/main/startup';
import { insertTestMember } from '../support/testDatabase';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { accessibleDescription } from './support/ui';

/**
 * The team's data as it stood at a backup taken on 12 June 2020 (one case), then one more case added
 * afterwards: restoring must bring back exactly the one case.
 */
async function prepareWithBackup(db: AppDatabase): Promise<void> {
  const id = insertTestMember(db, {
    username: 'marit',
    displayName: 'Marit Solvang',
    initials: 'MS',
    role: 'administrator',
    createdAt: '2020-06-01T08:00:00.000Z',
  });
  const steigen = (db.sqlite.prepare("select id from municipalities where name = 'Steigen'").get() as { id: number }).id;
  const session = { actor: { id, username: 'marit', role: 'administrator' as const } };
  const dispatcher = createDispatcher({ db, session, clock: fixedClock('2020-06-12T12:00:00.000Z') });
  const create = (code: string) => dispatcher.dispatch('cases:create', { municipalityId: steigen, referralDate: '2020-06-01', code });
  expect(create('06/20-ST').ok).toBe(true);
  await takeBackup({ db, actor: null, session: { actor: null }, clock: fixedClock('2020-06-12T12:00:00.000Z') }, 'auto');
  expect(create('07/20-ST').ok).toBe(true);
}

const caseCodes = (db: Database.Database) => db.prepare('select code from cases order by code').pluck().all() as string[];

describeInBrowser('backups', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('restores a backup from Innstillinger: pick it, see date and contents, confirm; the current data is kept first', async () => {
    harness = await startHarness({ prepare: prepareWithBackup });
    const { page } = harness;
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    const section = page.getByRole('region', { name: 'Sikkerhetskopier' });
    await section.getByText('12.06.2020 14:00 · Automatisk').waitFor();
    await section.getByText(/1 sak · 0 registreringer · \d+ kB/).waitFor();
    await harness.visit('60-sikkerhetskopier');

    await section.getByRole('radio', { name: /12\.06\.2020 14:00/ }).check();
    await section.getByRole('button', { name: 'Hent fram valgt sikkerhetskopi …' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Hente fram sikkerhetskopien?' });
    await dialog.getByText('12.06.2020 14:00 · Automatisk').waitFor();
    await dialog.getByText(/1 teammedlem · 1 sak/).waitFor();
    await page.waitForTimeout(400); // let the dialog's fade-in finish before the screenshot
    await harness.visit('61-gjenopprett-bekreft');
    expect(caseCodes(harness.db.sqlite)).toEqual(['06/20-ST', '07/20-ST']);

    await dialog.getByRole('button', { name: 'Hent fram' }).click();
    await section.getByText(/Sikkerhetskopien fra 12\.06\.2020 14:00 · Automatisk er hentet fram/).waitFor();
    expect(caseCodes(harness.db.sqlite)).toEqual(['06/20-ST']);
    // The copy taken first holds both cases, and is listed.
    await section.getByText(/Før gjenoppretting/).waitFor();
    await section.getByText(/2 saker/).waitFor();
    await harness.visit('62-gjenopprettet');
  });

  it('says a backup folder that does not exist at the folder field, focused, with no banner, and takes the message away on the next try', async () => {
    harness = await startHarness({ prepare: prepareWithBackup });
    const { page } = harness;
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByRole('navigation', { name: 'Deler av innstillingene' }).getByRole('button', { name: 'Sikkerhetskopier' }).click();
    const folder = page.getByRole('textbox', { name: 'Mappe for sikkerhetskopier' });
    const save = page.getByRole('button', { name: 'Lagre mappe' });
    const missing = 'Mappen finnes ikke. Opprett den først, eller velg en annen.';
    const stored = () => harness!.db.sqlite.prepare("select value from settings where key = 'backupFolder'").pluck().get();
    const before = stored();

    await folder.fill(join(tmpdir(), `finnes-ikke-${Date.now()}`));
    await save.click();
    await expect.poll(() => folder.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibleDescription(folder)).toContain(missing);
    expect(await folder.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator('.fui-MessageBar').filter({ hasText: missing }).count()).toBe(0);
    expect(stored()).toEqual(before);
    await harness.visit('65-sikkerhetskopier-mappe-feil');

    // An empty folder means the default one: saved, and the message is gone.
    await folder.fill('');
    expect(await folder.getAttribute('aria-invalid')).toBeNull();
    await save.click();
    await page.getByText('Mappen for sikkerhetskopier er lagret.').waitFor();
    expect(await page.getByText(missing).count()).toBe(0);
    harness.assertNoBrowserErrors();
  });

  it('shows the recovery screen in recovery mode and restores over the damaged file', async () => {
    let path = '';
    harness = await startHarness({
      prepare: prepareWithBackup,
      readOnly: (db) => {
        path = db.path;
        return { mode: 'recovery', reason: RECOVERY_REASON, allow: ['backups:restore'], databasePath: db.path };
      },
    });
    const { page } = harness;
    await harness.goto();
    await page.getByRole('heading', { name: 'Databasen må hentes fram fra en sikkerhetskopi' }).waitFor();
    await page.getByText(RECOVERY_REASON).waitFor();
    // The newest intact backup is chosen in advance.
    expect(await page.getByRole('radio', { name: /12\.06\.2020 14:00/ }).isChecked()).toBe(true);
    await harness.visit('63-gjenopprettingsmodus');

    await page.getByRole('button', { name: 'Hent fram valgt sikkerhetskopi …' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Hente fram sikkerhetskopien?' });
    await dialog.getByText(/slettes ikke/).waitFor();
    await dialog.getByRole('button', { name: 'Hent fram' }).click();
    await page.getByRole('heading', { name: 'Sikkerhetskopien er hentet fram' }).waitFor();
    await page.getByText(/Ettervern starter på nytt/).waitFor();
    await harness.visit('64-gjenopprettet-etter-skade');

    const reopened = new Database(path, { readonly: true });
    expect(caseCodes(reopened)).toEqual(['06/20-ST']);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });
});
