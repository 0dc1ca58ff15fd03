import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEMO_PASSWORD } from '../../electron/cli/demo/staff';
import { describeInBrowser, startHarness, type Harness } from './harness';

/** Elements that scroll vertically right now (the document included): the screen should have one. */
const SCROLL_AREAS = `(() => {
  const found = [];
  for (const element of [document.documentElement, ...document.querySelectorAll('body *')]) {
    const style = getComputedStyle(element);
    const scrolls = element === document.documentElement || style.overflowY === 'auto' || style.overflowY === 'scroll';
    if (scrolls && element.scrollHeight > element.clientHeight + 1) found.push(element.getAttribute('aria-label') || element.tagName.toLowerCase());
  }
  return found;
})()`;

/** Rows of the entry list wholly inside both the list's scroll area and the window. */
const VISIBLE_ROWS = `(() => {
  const scroller = document.querySelector('[aria-label="Registreringer, rullbar liste"]');
  const box = scroller.getBoundingClientRect();
  return [...scroller.querySelectorAll('tbody tr[aria-rowindex]')].filter((row) => {
    const r = row.getBoundingClientRect();
    return r.height > 0 && r.top >= box.top && r.bottom <= Math.min(box.bottom, window.innerHeight);
  }).length;
})()`;

/**
 * Timer on the municipal laptop (1366×768) with the demo year: it opens on the member's own entries this
 * month, the list takes the rest of the window and is the screen's only scroll area, and a new filter
 * starts the list at its top.
 */
describeInBrowser('Timer at 1366×768', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ prepare: async (db) => void (await createDemoData({ db }, { toYear: 2020, seed: 1 })) });
    await harness.page.setViewportSize({ width: 1366, height: 768 });
    // «This month» in the demo year.
    await harness.page.clock.setFixedTime(new Date('2020-11-16T10:00:00.000Z'));
    await harness.signIn({ username: 'oystein.berg', displayName: 'Øystein Berg', password: DEMO_PASSWORD });
    // The demo year takes a while to write on a busy machine.
  }, 300_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('opens on my entries this month, fills the window with one scroll area, and a filter starts at the top', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Timer', exact: true }).click();
    const scroller = page.getByRole('region', { name: 'Registreringer, rullbar liste' });
    await scroller.locator('tbody tr[aria-rowindex]').first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Fra dato' }).inputValue()).toBe('01.11.2020');
    expect(await page.getByRole('textbox', { name: 'Til dato' }).inputValue()).toBe('30.11.2020');
    expect(await page.getByRole('combobox', { name: 'Teammedlem' }).textContent()).toContain('Øystein Berg');
    const mine = await page.getByText(/^Sum: /).textContent();

    const rows = (await page.evaluate(VISIBLE_ROWS)) as number;
    expect(rows).toBeGreaterThan(5);
    expect(await page.evaluate(SCROLL_AREAS)).toEqual(['Registreringer, rullbar liste']);
    await harness.visit('93-timer-1366');

    // One click to the whole team; the list starts again at its first row.
    await scroller.evaluate((element) => (element.scrollTop = 600));
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Hele teamet' }).click();
    await expect.poll(() => page.getByText(/^Sum: /).textContent()).not.toBe(mine);
    expect(await scroller.evaluate((element) => element.scrollTop)).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Teammedlem' }).textContent()).toContain('Hele teamet');
    await harness.visit('94-timer-1366-hele-teamet');
    console.info(`Timer at 1366×768: ${rows} list rows in view`);
  });
});
