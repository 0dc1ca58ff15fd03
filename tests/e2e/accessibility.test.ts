import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEMO_PASSWORD, DEMO_PROJECT_LEADER } from '../../electron/cli/demo/staff';
import { NAVIGATION } from '@renderer/app/routes';
import { describeInBrowser, startHarness, type Harness } from './harness';

/**
 * Universal design: axe with the WCAG 2.0 and 2.1 A and AA rules (support/a11y.ts) on every screen an
 * administrator can reach on the demo year at 1366×768 — the screens before sign-in, every page of the
 * menu, every tab (case, Timer, Statistikk), and the dialogs that need no server. Each `visit` fails on
 * any violation, of any impact, and on any browser error.
 */
describeInBrowser('every screen passes axe (WCAG 2.1 A and AA)', () => {
  let harness: Harness;
  /** Each walk visits many screens (a screenshot and an axe run each): more than one screen's time. */
  const WALK_TIMEOUT_MS = 300_000;

  beforeAll(async () => {
    harness = await startHarness({ prepare: (db) => void createDemoData({ db }, { toYear: 2020, seed: 1 }) });
    await harness.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Nothing still loading: axe judges the screen the member reads, not a spinner. */
  const settled = () => expect.poll(() => harness.page.getByRole('progressbar').count()).toBe(0);

  /** Opens a dialog by its button, checks it, and closes it again with Escape. */
  async function visitDialog(trigger: Locator, name: string): Promise<void> {
    await trigger.click();
    const dialog = harness.page.getByRole('dialog');
    await dialog.waitFor();
    await settled();
    await harness.visit(name);
    await harness.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }

  const caseWithStatus = (status: string) =>
    (harness.db.sqlite.prepare('select id from cases where status = ? order by id limit 1').get(status) as { id: number } | undefined)?.id;

  async function openCase(id: number): Promise<void> {
    await harness.goto(`#/sak/${id}`);
    await harness.page.getByRole('heading', { level: 1, name: /^Sak / }).waitFor();
    await settled();
  }

  it(
    'checks the sign-in screen and the dialog for opening a shared database',
    async () => {
      const { page } = harness;
      await harness.goto();
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
      await harness.visit('a11y-01-logg-inn');
      await visitDialog(page.getByRole('button', { name: 'Åpne delt database …' }), 'a11y-02-apne-delt-database');
      await harness.signIn({ username: DEMO_PROJECT_LEADER.username, displayName: DEMO_PROJECT_LEADER.displayName, password: DEMO_PASSWORD });
    },
    WALK_TIMEOUT_MS,
  );

  it(
    'checks every page of the menu',
    async () => {
      const { page } = harness;
      const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
      for (const [index, item] of NAVIGATION.entries()) {
        await menu.getByRole('link', { name: item.label, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: item.label, exact: true }).waitFor();
        await settled();
        await harness.visit(`a11y-1${index}-${item.route}`);
      }
    },
    WALK_TIMEOUT_MS,
  );

  it(
    'checks each section of Innstillinger as the side list shows it',
    async () => {
      const { page } = harness;
      await harness.goto('#/innstillinger');
      const side = page.getByRole('navigation', { name: 'Deler av innstillingene' });
      await side.waitFor();
      await settled();
      const sections = await side.getByRole('button').allTextContents();
      expect(sections.length).toBeGreaterThan(5);
      for (const [index, section] of sections.entries()) {
        await side.getByRole('button', { name: section, exact: true }).click();
        await harness.visit(`a11y-2${index}-innstillinger-${section}`);
      }
    },
    WALK_TIMEOUT_MS,
  );

  /** Clicks through every tab of a tab list, checking each as it shows. */
  async function visitEachTab(tablist: Locator, prefix: string): Promise<string[]> {
    await tablist.waitFor();
    // innerText, not textContent: a Fluent tab also holds its label in a hidden copy that reserves its bold width.
    const names = (await tablist.getByRole('tab').allInnerTexts()).map((name) => name.trim());
    for (const [index, tab] of names.entries()) {
      await tablist.getByRole('tab').nth(index).click();
      await settled();
      await harness.visit(`${prefix}${index}-${tab}`);
    }
    return names;
  }

  it(
    'checks every tab of Timer and of Statistikk',
    async () => {
      const { page } = harness;
      await harness.goto('#/timer');
      expect(await visitEachTab(page.getByRole('tablist'), 'a11y-3')).toContain('Uke');

      await harness.goto('#/statistikk');
      await page.getByRole('heading', { level: 1, name: 'Statistikk' }).waitFor();
      await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2020');
      expect(await visitEachTab(page.getByRole('tablist').first(), 'a11y-4')).toContain('Årsrapport');
    },
    WALK_TIMEOUT_MS,
  );

  it(
    'checks every tab of a case in follow-up',
    async () => {
      const { page } = harness;
      const id = caseWithStatus('oppfolging');
      expect(id, 'a case in follow-up in the demo data').toBeDefined();
      await openCase(id!);
      const names = await visitEachTab(page.getByRole('tablist', { name: 'Deler av saken' }), 'a11y-5');
      expect(names.length).toBeGreaterThanOrEqual(3);
    },
    WALK_TIMEOUT_MS,
  );

  it(
    "checks the dialogs of each step of a case's life",
    async () => {
      const { page } = harness;
      // Each status offers its own steps; every one of them opens a dialog.
      const steps: [status: string, buttons: string[]][] = [
        ['henvist', ['Avvis henvisningen', 'Start institusjonsfase']],
        ['institusjonsfase', ['Start oppfølging']],
        ['oppfolging', ['Avslutt saken']],
        ['avsluttet', ['Etteroppfølging utført', 'Etteroppfølging ikke mulig', 'Gjenåpne']],
      ];
      // The three-month contact's buttons name the case too («… for 07/20-FA»), as they do on Oversikt.
      const named = (button: string) => (button.startsWith('Etteroppfølging') ? new RegExp(`^${button} for `) : button);
      let checked = 0;
      for (const [status, buttons] of steps) {
        const id = caseWithStatus(status);
        if (id === undefined) continue;
        await openCase(id);
        for (const button of buttons) {
          await visitDialog(page.getByRole('button', { name: named(button), exact: true }), `a11y-6${checked++}-sak-${status}-${button}`);
        }
      }
      // The demo year has cases in most statuses; a demo change that loses them should be seen here.
      expect(checked).toBeGreaterThanOrEqual(4);

      await openCase(caseWithStatus('oppfolging')!);
      await page.getByRole('tab', { name: 'Timer og dokumenter' }).click();
      await visitDialog(page.getByRole('button', { name: 'Registrer evalueringsskjema' }), 'a11y-69-evalueringsskjema');
    },
    WALK_TIMEOUT_MS,
  );

  it(
    'checks the dialogs for new records, the password change and the lock screen',
    async () => {
      const { page } = harness;
      const dialogs: [route: string, button: string][] = [
        ['saker', 'Ny sak'],
        ['kontakter', 'Ny samarbeidspartner'],
        ['nettverk', 'Nytt møte'],
        ['team', 'Nytt teammedlem'],
      ];
      for (const [index, [route, button]] of dialogs.entries()) {
        await harness.goto(`#/${route}`);
        await settled();
        await visitDialog(page.getByRole('button', { name: button, exact: true }), `a11y-7${index}-${route}-${button}`);
      }
      await visitDialog(page.getByRole('button', { name: 'Bytt passord' }), 'a11y-75-bytt-passord');

      await page.getByRole('button', { name: 'Lås skjermen' }).click();
      await page.getByRole('heading', { name: /låst/i }).waitFor();
      await harness.visit('a11y-76-last-skjerm');
    },
    WALK_TIMEOUT_MS,
  );
});
