import { afterAll, beforeAll, it } from 'vitest';
import { leaseHeldElsewhere } from '../../electron/main/startup';
import { insertTestMember } from '../support/testDatabase';
import { describeInBrowser, startHarness, type Harness } from './harness';

/**
 * A running window whose main process has lost the network share's lease to another PC: the banner
 * naming that PC comes up by itself within one heartbeat, without a restart or a refused write.
 */
describeInBrowser('lease lost while running', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      prepare: (db) => {
        insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator', createdAt: '2020-06-01T08:00:00.000Z' });
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows the read-only banner naming the new holder after the next status check', async () => {
    const { page } = harness;
    await page.clock.install();
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    harness.dispatcher.setReadOnly(leaseHeldElsewhere({ holder: 'per', machine: 'KONTOR-2', heartbeatAt: '2020-06-15T10:04:00.000Z', token: 'x' }));
    await page.clock.fastForward(31_000);
    await page.getByText('Bare lesing').waitFor();
    await page.getByText('Databasen er i bruk av per på maskinen KONTOR-2').waitFor();
    // The fake clock also drives the drawer's entrance motion: let it finish before the screenshot.
    await page.clock.runFor(10_000);
    await harness.visit('07-lease-mistet');
  });
});
