import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEMO_PASSWORD } from '../../electron/cli/demo/staff';
import { formatHours, formatTimeTotals } from '@shared/format';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import { describeInBrowser, invokeInPage, startHarness, type Harness } from './harness';
import { cellAt, tableText } from './support/ui';

/**
 * The screens with a realistic year behind them (the demo's 2020): what the page shows must be what
 * the services compute, and the screens must stay usable and accessible with thousands of rows.
 */
describeInBrowser('screens with a year of demo data', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ prepare: async (db) => void (await createDemoData({ db }, { toYear: 2020, seed: 1 })) });
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** What the services say, asked the way the renderer asks: through the page's window.api. */
  async function ask<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await invokeInPage(harness.page, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  }

  it('signs in as a demo member and shows the same cases, totals and pivot as the services', async () => {
    const { page } = harness;
    await harness.signIn({ username: 'oystein.berg', displayName: 'Øystein Berg', password: DEMO_PASSWORD });

    await page.getByRole('link', { name: 'Saker' }).click();
    const caseCount = (harness.db.sqlite.prepare('select count(*) as n from cases').get() as { n: number }).n;
    expect(caseCount).toBeGreaterThanOrEqual(15);
    const caseRows = page.getByRole('table', { name: 'Saker' }).getByRole('row');
    await expect.poll(() => caseRows.count()).toBe(caseCount + 1);
    await harness.visit('10-demo-saker');

    await page.getByRole('link', { name: 'Timer', exact: true }).click();
    // The list opens on the member's own entries this month: one click each to every entry of the team.
    await page.getByRole('button', { name: 'Hele teamet' }).click();
    await page.getByRole('button', { name: 'Alle datoer' }).click();
    const list = await ask('time-entries:list', {});
    await page.getByText(`Sum: ${formatTimeTotals(list.totals)}`).waitFor();
    expect(list.totals.entries).toBeGreaterThan(2000);
    await harness.visit('11-demo-timer');

    await page.getByRole('link', { name: 'Statistikk' }).click();
    await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2020');
    const pivot = await ask('statistics:annual', { year: 2020 });
    const table = page.getByRole('table', { name: 'Timer per kommune og hendelse' });
    await table.waitFor();
    const rows = await tableText(table);
    const figure = (minutes: number) => `${formatHours(minutes)} t`;
    expect(cellAt(rows, 'Totalsum', 'Totalsum')).toBe(figure(pivot.total.minutes));
    const fauske = pivot.byMunicipality.find((m) => m.municipality === 'Fauske')!;
    expect(cellAt(rows, 'Fauske', 'Totalsum')).toBe(figure(fauske.minutes));
    const driving = pivot.cells.find((c) => c.municipality === 'Fauske' && c.category === 'Kjøring')!;
    expect(cellAt(rows, 'Fauske', '2 Kjøring')).toBe(figure(driving.minutes));
    await harness.visit('12-demo-statistikk');
    harness.assertNoBrowserErrors();
  });
});
