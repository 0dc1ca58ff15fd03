import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { fixedClock } from '../../electron/services/context';
import { createDispatcher, type Dispatcher } from '../../electron/services/dispatcher';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import { insertTestMember, TEST_PASSWORD, TEST_PASSWORD_COST } from '../support/testDatabase';
import { describeInBrowser, startHarness, type Harness } from './harness';

/**
 * Two PCs on one database file. The page (Marit's PC) opens a case and starts rejecting the referral;
 * meanwhile Jonas, on another PC (his own connection and dispatcher on the same file), records the risk
 * assessment. Marit's save is refused with a message naming Jonas and the time, her dialog keeps what
 * she typed, and after «Last inn på nytt» she can save on the case as it now is.
 */
describeInBrowser('an edit of a case a colleague saved meanwhile', () => {
  const clock = fixedClock('2021-06-15T10:00:00.000Z'); // 12.00 in Oslo
  let harness: Harness;
  let otherDb: AppDatabase;
  let otherPc: Dispatcher;
  let jonas = 0;

  const onOtherPc = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await otherPc.dispatchAsync(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };

  beforeAll(async () => {
    harness = await startHarness({
      clock,
      prepare: (db) => {
        insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator' });
        jonas = insertTestMember(db, { username: 'jonas', displayName: 'Jonas Berg', initials: 'JB', role: 'teammedlem' });
      },
    });
    otherDb = await openDatabase(harness.db.sqlite.name);
    otherPc = createDispatcher({ db: otherDb, clock, passwordCost: TEST_PASSWORD_COST });
    await onOtherPc('session:sign-in', { username: 'jonas', password: TEST_PASSWORD });
  });
  afterAll(async () => {
    otherDb?.close();
    await harness?.close();
  });

  it('refuses the second save with who and when, keeps the input, and saves after «Last inn på nytt»', async () => {
    const steigen = (harness.db.sqlite.prepare("select id from municipalities where name = 'Steigen'").get() as { id: number }).id;
    const created = await onOtherPc('cases:create', { municipalityId: steigen, referralDate: '2021-06-01' });
    const status = () => (harness.db.sqlite.prepare('select status from cases where id = ?').get(created.id) as { status: string }).status;

    const { page } = harness;
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    await page.getByRole('link', { name: 'Saker' }).click();
    await page.getByRole('table', { name: 'Saker' }).getByRole('link', { name: created.code }).click();
    await page.getByRole('heading', { name: `Sak ${created.code}`, level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Avvis henvisningen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avvis henvisningen' });
    const date = dialog.getByRole('textbox', { name: 'Dato', exact: true });
    await date.fill('14.06.2021');

    // Meanwhile, on the other PC.
    const seen = await onOtherPc('cases:get', { id: created.id });
    await onOtherPc('cases:record-risk-assessment', { id: created.id, version: seen.version, date: '2021-06-02', assessedById: jonas, done: true });

    await dialog.getByRole('button', { name: 'Avvis', exact: true }).click();
    await dialog.getByText('Saken ble endret av Jonas Berg kl. 12.00. Last inn på nytt for å se endringene – det du skrev er ikke lagret.').waitFor();
    expect(await date.inputValue()).toBe('14.06.2021');
    expect(status()).toBe('henvist');
    await harness.screenshot('90-endret-av-en-annen');
    await harness.checkA11y('90-endret-av-en-annen');

    await dialog.getByRole('button', { name: 'Last inn på nytt' }).click();
    await page.getByText('Gjennomført 02.06.2021 av Jonas Berg.').waitFor();
    expect(await date.inputValue()).toBe('14.06.2021');
    await dialog.getByRole('button', { name: 'Avvis', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(status()).toBe('avvist');
    harness.assertNoBrowserErrors();
  });
});
