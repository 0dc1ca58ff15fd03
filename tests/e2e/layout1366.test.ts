import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEMO_PASSWORD } from '../../electron/cli/demo/staff';
import { describeInBrowser, startHarness, type Harness } from './harness';

/**
 * The municipal laptop's screen (1366×768) on the demo year: the case page fits two screens, Oversikt
 * and Innstillinger use the width. Every screen gets a screenshot and the axe run.
 */
describeInBrowser('screens at 1366×768', () => {
  let harness: Harness;
  /** The page scrolls inside the shell's main area, not the document. */
  const pageHeight = () => harness.page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0);

  beforeAll(async () => {
    harness = await startHarness({ prepare: async (db) => void (await createDemoData({ db }, { toYear: 2020, seed: 1 })) });
    await harness.page.setViewportSize({ width: 1366, height: 768 });
    await harness.signIn({ username: 'oystein.berg', displayName: 'Øystein Berg', password: DEMO_PASSWORD });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows each tab of a case in at most two screens', async () => {
    const { page } = harness;
    const id = (harness.db.sqlite.prepare("select id from cases where status = 'oppfolging' order by id limit 1").get() as { id: number }).id;
    await harness.goto(`#/sak/${id}`);
    await page.getByRole('heading', { level: 1, name: /^Sak / }).waitFor();
    const tabs = [
      ['Forløp og team', 'Samarbeidspartnere i saken'],
      ['Mål og livsområder', 'Livsområder'],
      ['Timer og dokumenter', 'Evalueringsskjemaer'],
    ] as const;
    for (const [index, [tab, lastRegion]] of tabs.entries()) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('region', { name: lastRegion }).waitFor();
      await harness.visit(`90-sak-1366-${index + 1}`);
      expect(await pageHeight(), tab).toBeLessThanOrEqual(2 * 768);
      // TALL=1 also saves each tab uncropped, for a person judging the layout.
      if (process.env.TALL) {
        await page.setViewportSize({ width: 1366, height: 2000 });
        await harness.screenshot(`90-sak-tall-${index + 1}`);
        await page.setViewportSize({ width: 1366, height: 768 });
      }
    }
  });

  it("opens Oversikt on the member's own cases and hours this week", async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Oversikt' }).click();
    await page.getByRole('region', { name: 'Mine saker' }).waitFor();
    await page
      .getByRole('region', { name: 'Mine timer denne uken' })
      .getByText(/timer$/)
      .waitFor();
    await harness.visit('91-oversikt-1366');
  });

  it('lists the sections of Innstillinger beside them and jumps to one', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    const side = page.getByRole('navigation', { name: 'Deler av innstillingene' });
    await side.getByRole('button', { name: 'Oppbevaring' }).click();
    const retention = page.getByRole('region', { name: 'Oppbevaring' });
    await expect.poll(() => retention.evaluate((el) => el.getBoundingClientRect().top < 768)).toBe(true);
    // The sections use the width beside the list, not a 760 px column.
    expect(await page.getByRole('region', { name: 'Generelt' }).evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(800);
    await harness.visit('92-innstillinger-1366');
  });
});
