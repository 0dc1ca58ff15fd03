import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { NAVIGATION } from '@renderer/app/routes';
import type { Harness } from '../harness';

/**
 * A walk over every screen a member can reach on the demo data: the screens before sign-in, every page of
 * the menu, every section of Innstillinger, every tab (Timer, Statistikk, a case), and the dialogs that
 * need no server. What is checked on each screen is the caller's: the accessibility walk runs axe, the
 * text walk reads what is shown. `check` gets a name for the screen (its screenshot's file name).
 */
export interface ScreenWalk {
  signInScreens(signIn: () => Promise<void>): Promise<void>;
  menuPages(): Promise<void>;
  settingsSections(): Promise<void>;
  timerAndStatisticsTabs(): Promise<void>;
  caseTabs(): Promise<void>;
  lifecycleDialogs(): Promise<void>;
  newRecordDialogs(): Promise<void>;
  emptySubmits(): Promise<void>;
}

export function screenWalk(harness: Harness, prefix: string, check: (name: string) => Promise<void>): ScreenWalk {
  const { page } = harness;

  /** Nothing still loading: the check judges the screen the member reads, not a spinner. */
  const settled = () => expect.poll(() => page.getByRole('progressbar').count()).toBe(0);

  /** Opens a dialog by its button, checks it, and closes it again with Escape. */
  async function visitDialog(trigger: Locator, name: string): Promise<void> {
    await trigger.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await settled();
    await check(`${prefix}${name}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }

  const caseWithStatus = (status: string) =>
    (harness.db.sqlite.prepare('select id from cases where status = ? order by id limit 1').get(status) as { id: number } | undefined)?.id;

  async function openCase(id: number): Promise<void> {
    await harness.goto(`#/sak/${id}`);
    await page.getByRole('heading', { level: 1, name: /^Sak / }).waitFor();
    await settled();
  }

  /** Clicks through every tab of a tab list, checking each as it shows. */
  async function visitEachTab(tablist: Locator, name: string): Promise<string[]> {
    await tablist.waitFor();
    // innerText, not textContent: a Fluent tab also holds its label in a hidden copy that reserves its bold width.
    const names = (await tablist.getByRole('tab').allInnerTexts()).map((tab) => tab.trim());
    for (const [index, tab] of names.entries()) {
      await tablist.getByRole('tab').nth(index).click();
      await settled();
      await check(`${prefix}${name}${index}-${tab}`);
    }
    return names;
  }

  /**
   * Empties every text field of a form and submits it: the refusal's messages are on the screen to be
   * checked. A form that saves anyway has lost a required field, and fails here.
   */
  async function submitEmpty(form: Locator, submit: Locator, name: string): Promise<void> {
    for (const field of await form.getByRole('textbox').all()) {
      if (await field.isEditable()) await field.fill('');
    }
    await submit.click();
    await expect.poll(() => form.locator('[aria-invalid="true"], .fui-MessageBar').count(), { message: `«${name}» shows no refusal` }).toBeGreaterThan(0);
    await settled();
    await check(`${prefix}${name}`);
  }

  async function submitEmptyDialog(trigger: Locator, name: string): Promise<void> {
    await trigger.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await settled();
    await submitEmpty(dialog, dialog.locator('button[type="submit"]').first(), name);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }

  return {
    async signInScreens(signIn) {
      await harness.goto();
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
      await check(`${prefix}01-logg-inn`);
      await visitDialog(page.getByRole('button', { name: 'Åpne delt database …' }), '02-apne-delt-database');
      await signIn();
    },

    /** The menu items this member is shown (a team member has no Revisjonslogg). */
    async menuPages() {
      const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
      let visited = 0;
      for (const [index, item] of NAVIGATION.entries()) {
        const link = menu.getByRole('link', { name: item.label, exact: true });
        if ((await link.count()) === 0) {
          expect(item.adminOnly, `«${item.label}» is missing from the menu`).toBe(true);
          continue;
        }
        await link.click();
        await page.getByRole('heading', { level: 1, name: item.label, exact: true }).waitFor();
        await settled();
        await check(`${prefix}1${index}-${item.route}`);
        visited += 1;
      }
      expect(visited).toBeGreaterThanOrEqual(NAVIGATION.length - 1);
    },

    async settingsSections() {
      await harness.goto('#/innstillinger');
      const side = page.getByRole('navigation', { name: 'Deler av innstillingene' });
      await side.waitFor();
      await settled();
      const sections = await side.getByRole('button').allTextContents();
      expect(sections.length).toBeGreaterThan(2);
      for (const [index, section] of sections.entries()) {
        await side.getByRole('button', { name: section, exact: true }).click();
        await settled();
        await check(`${prefix}2${index}-innstillinger-${section}`);
      }
    },

    async timerAndStatisticsTabs() {
      await harness.goto('#/timer');
      expect(await visitEachTab(page.getByRole('tablist'), '3')).toContain('Uke');

      await harness.goto('#/statistikk');
      await page.getByRole('heading', { level: 1, name: 'Statistikk' }).waitFor();
      await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2020');
      expect(await visitEachTab(page.getByRole('tablist').first(), '4')).toContain('Årsrapport');
    },

    async caseTabs() {
      const id = caseWithStatus('oppfolging');
      expect(id, 'a case in follow-up in the demo data').toBeDefined();
      await openCase(id!);
      const names = await visitEachTab(page.getByRole('tablist', { name: 'Deler av saken' }), '5');
      expect(names.length).toBeGreaterThanOrEqual(3);
    },

    async lifecycleDialogs() {
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
          await visitDialog(page.getByRole('button', { name: named(button), exact: true }), `6${checked++}-sak-${status}-${button}`);
        }
      }
      // The demo year has cases in most statuses; a demo change that loses them should be seen here.
      expect(checked).toBeGreaterThanOrEqual(4);

      await openCase(caseWithStatus('oppfolging')!);
      await page.getByRole('tab', { name: 'Timer og dokumenter' }).click();
      await visitDialog(page.getByRole('button', { name: 'Registrer evalueringsskjema' }), '69-evalueringsskjema');
    },

    /** New records (those this member may make), the password change and the lock screen. */
    async newRecordDialogs() {
      const dialogs: [route: string, button: string][] = [
        ['saker', 'Ny sak'],
        ['kontakter', 'Ny samarbeidspartner'],
        ['nettverk', 'Nytt møte'],
        ['team', 'Nytt teammedlem'],
      ];
      let opened = 0;
      for (const [index, [route, button]] of dialogs.entries()) {
        await harness.goto(`#/${route}`);
        await settled();
        const trigger = page.getByRole('button', { name: button, exact: true });
        if ((await trigger.count()) === 0) continue;
        await visitDialog(trigger, `7${index}-${route}-${button}`);
        opened += 1;
      }
      expect(opened).toBeGreaterThanOrEqual(3);
      await visitDialog(page.getByRole('button', { name: 'Bytt passord' }), '75-bytt-passord');

      await page.getByRole('button', { name: 'Lås skjermen' }).click();
      await page.getByRole('heading', { name: /låst/i }).waitFor();
      await check(`${prefix}76-last-skjerm`);
    },

    /** The forms for new records and a case's closure, submitted empty: their messages are what is checked. */
    async emptySubmits() {
      const dialogs: [route: string, button: string][] = [
        ['saker', 'Ny sak'],
        ['kontakter', 'Ny samarbeidspartner'],
        ['nettverk', 'Nytt møte'],
        ['team', 'Nytt teammedlem'],
      ];
      for (const [index, [route, button]] of dialogs.entries()) {
        await harness.goto(`#/${route}`);
        await settled();
        const trigger = page.getByRole('button', { name: button, exact: true });
        if ((await trigger.count()) > 0) await submitEmptyDialog(trigger, `8${index}-tomt-${route}-${button}`);
      }
      await openCase(caseWithStatus('oppfolging')!);
      await submitEmptyDialog(page.getByRole('button', { name: 'Avslutt saken', exact: true }), '85-tomt-avslutt-saken');

      await harness.goto('#/timer');
      const form = page.getByRole('form', { name: 'Ny registrering' });
      await form.waitFor();
      await settled();
      await submitEmpty(form, form.getByRole('button', { name: 'Lagre', exact: true }), '86-tomt-ny-registrering');
    },
  };
}
