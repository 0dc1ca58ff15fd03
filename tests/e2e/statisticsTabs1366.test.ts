import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEMO_PASSWORD } from '../../electron/cli/demo/staff';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { insertTestMember } from '../support/testDatabase';

/**
 * Every Statistikk tab at 1366×768, for a year without data and for a demo year, judged on the text
 * it shows: number agreement, no figure per 1 000 inhabitants without a population, and one sentence
 * instead of tables of zeros for an empty period. A screenshot of each.
 */
const TABS = ['Pivot', 'Faste tabeller', 'Saker', 'Varig endring', 'Kostnad og hjelp', 'Brukerevalueringer', 'Årsrapport'] as const;
type TabName = (typeof TABS)[number];

/** Something on each tab that is there once its figures have arrived. */
const LOADED: Record<TabName, RegExp> = {
  Pivot: /Ingen registreringer i|Diagram/,
  'Faste tabeller': /Ingen registreringer i|Kjøring/,
  Saker: /Ingen saker i|Saker per kommune/,
  'Varig endring': /Ingen saker ble avsluttet|Varig endring fra start/,
  'Kostnad og hjelp': /Ingen registreringer eller saker|Andel av kostnad/,
  Brukerevalueringer: /Brukerevalueringer \d{4}/,
  Årsrapport: /Innledende tekster/,
};

/** A count with the plural after a lone «1», or code leaking into the text. */
function problemsIn(text: string): string[] {
  // «1 saker» but not «11 saker», «2 001 saker» or «0,1 timer».
  const wrongPlural = /(?<![\d,])1 (saker|timer|persontimer|registreringer|uker|skjemaer|rader|hendelser|kontakter|personer)\b/u;
  return [...(wrongPlural.test(text) ? [`«${wrongPlural.exec(text)![0]}»`] : []), ...(/undefined|NaN|\[object/.test(text) ? ['code-like text'] : [])];
}

async function openTab(page: Page, tab: TabName): Promise<string> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: tab });
  await panel.getByText(LOADED[tab]).first().waitFor();
  // No spinner left: every query of the tab has answered.
  await panel
    .getByRole('progressbar')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  return panel.innerText();
}

/** The numeric tick labels of every chart on the tab: a value axis never prints the same tick twice («0 0 0 1 1 1»). */
async function repeatedTicks(page: Page): Promise<string[]> {
  const charts = await page
    .getByRole('tabpanel')
    .locator('[role="img"] svg')
    .evaluateAll((svgs) => svgs.map((svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '').filter((t) => /^[\d\s,]+$/.test(t.trim()))));
  return charts.flatMap((ticks) => ticks.filter((tick, i) => ticks.indexOf(tick) !== i));
}

describeInBrowser('Statistikk at 1366×768', () => {
  describe('a year without data', () => {
    let harness: Harness;
    const year = new Date().getFullYear();

    beforeAll(async () => {
      harness = await startHarness({
        prepare: (db) => void insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator' }),
      });
      await harness.page.setViewportSize({ width: 1366, height: 768 });
      await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
      await harness.page.getByRole('link', { name: 'Statistikk' }).click();
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('says so in one sentence on every tab, with no table of zeros and no empty chart', async () => {
      const { page } = harness;
      const expected: Partial<Record<TabName, string>> = {
        Pivot: `Ingen registreringer i ${year}.`,
        'Faste tabeller': `Ingen registreringer i ${year}.`,
        Saker: `Ingen saker i ${year}.`,
        'Varig endring': `Ingen saker ble avsluttet i ${year}.`,
        'Kostnad og hjelp': `Ingen registreringer eller saker i ${year}.`,
        Brukerevalueringer: `Ingen evalueringsskjemaer er registrert med mottatt dato i ${year}.`,
      };
      for (const tab of TABS) {
        const text = await openTab(page, tab);
        if (expected[tab]) expect(text, tab).toContain(expected[tab]);
        expect(problemsIn(text), tab).toEqual([]);
        if (tab !== 'Årsrapport') {
          expect(await page.getByRole('tabpanel').locator('table').count(), `${tab}: no table`).toBe(0);
          expect(await page.getByRole('tabpanel').locator('[role="img"]').count(), `${tab}: no chart`).toBe(0);
        }
        await harness.visit(`95-statistikk-1366-tom-${TABS.indexOf(tab) + 1}`);
      }
      // Seven tabs, each with a screenshot and an axe run.
    }, 420_000);

    it('writes «mangler innbyggertall» where the population is missing, linked to the setting for that year', async () => {
      const { page } = harness;
      const id = (sql: string) => (harness.db.sqlite.prepare(sql).get() as { id: number }).id;
      const call = async (channel: 'cost-share:get-settings' | 'cost-share:save-settings' | 'time-entries:create', input: object) => {
        const result = await harness.dispatcher.dispatchAsync(channel, input as never);
        if (!result.ok) throw new Error(result.error.message);
        return result.value as { version: number };
      };
      const rodoy = id("select id from municipalities where name = 'Rødøy'");
      // 2021 with a budget but Rødøy's population cleared, and one hour for Rødøy that year.
      await call('cost-share:save-settings', {
        year: 2021,
        version: (await call('cost-share:get-settings', { year: 2021 })).version,
        parameters: { budget: 900_000, baseAmount: 50_000, bandRates: [1, 0.8, 0.6, 0.4], hourlyRate: 1000 },
        municipalities: [{ municipalityId: rodoy, population: null, extraHours: 0 }],
      });
      await call('time-entries:create', {
        date: '2021-03-01',
        municipalityId: rodoy,
        categoryId: id('select id from categories where number = 1'),
        hours: 1,
        participantIds: [id("select id from team_members where username = 'marit'")],
        confirmOldDate: true,
      });
      await harness.goto('#/statistikk');
      await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2021');
      const text = await openTab(page, 'Kostnad og hjelp');
      expect(problemsIn(text)).toEqual([]);
      expect(text).toContain('Folketall mangler for Rødøy for 2021.');
      await page.getByText('Kostnadsfordelingen for 2021 kan ikke regnes ut').waitFor();
      const table = page.getByRole('table', { name: 'Andel av kostnad og andel av hjelp 2021' });
      const rows = await table.getByRole('row').allInnerTexts();
      expect(rows.find((r) => r.startsWith('Rødøy'))).toMatch(/\b1 t\b.*mangler innbyggertall$/su);
      // Rødøy and the total: not «0 t per 1 000 innb.» but a link to where the population is set; a
      // municipality with its population and no hours has a true 0.
      expect(await table.getByRole('link', { name: 'mangler innbyggertall' }).count()).toBe(2);
      expect(rows.find((r) => r.startsWith('Beiarn'))).toMatch(/0 t per 1 000 innb\.$/);
      await harness.visit('95-statistikk-1366-mangler-innbyggertall');

      await table.getByRole('link', { name: 'mangler innbyggertall' }).first().click();
      await page.getByRole('heading', { name: 'Kostnadsfordeling' }).waitFor();
      // The year the statistics were about, not this year.
      await expect.poll(() => page.getByRole('spinbutton', { name: 'Budsjettår' }).inputValue()).toBe('2021');
      await page.getByRole('textbox', { name: 'Folketall Rødøy' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Folketall Rødøy' }).inputValue()).toBe('');
      await harness.visit('95-statistikk-1366-lenke-til-innstillinger');
    });
  });

  describe('a demo year', () => {
    let harness: Harness;

    beforeAll(async () => {
      harness = await startHarness({ prepare: async (db) => void (await createDemoData({ db }, { toYear: 2020, seed: 1 })) });
      await harness.page.setViewportSize({ width: 1366, height: 768 });
      await harness.signIn({ username: 'ragnhild.aasen', displayName: 'Ragnhild Aasen', password: DEMO_PASSWORD });
      await harness.page.getByRole('link', { name: 'Statistikk' }).click();
      await harness.page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2020');
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('shows figures on every tab, each count agreeing with its noun, no axis repeating a tick', async () => {
      const { page } = harness;
      for (const tab of TABS) {
        const text = await openTab(page, tab);
        expect(problemsIn(text), tab).toEqual([]);
        expect(text, tab).not.toMatch(/Ingen (registreringer|saker) i 2020/);
        expect(await repeatedTicks(page), tab).toEqual([]);
        await harness.visit(`96-statistikk-1366-2020-${TABS.indexOf(tab) + 1}`);
      }
    }, 420_000);
  });
});
