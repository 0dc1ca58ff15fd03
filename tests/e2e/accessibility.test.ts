import { afterAll, beforeAll, it } from 'vitest';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEMO_PASSWORD, DEMO_PROJECT_LEADER } from '../../electron/cli/demo/staff';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { screenWalk, type ScreenWalk } from './support/screenWalk';

/**
 * Universal design: axe with the WCAG 2.0 and 2.1 A and AA rules (support/a11y.ts) on every screen an
 * administrator can reach on the demo year at 1366×768 — the screens before sign-in, every page of the
 * menu, every tab (case, Timer, Statistikk), and the dialogs that need no server (support/screenWalk.ts).
 * Each `visit` fails on any violation, of any impact, and on any browser error.
 */
describeInBrowser('every screen passes axe (WCAG 2.1 A and AA)', () => {
  let harness: Harness;
  let walk: ScreenWalk;
  /** Each walk visits many screens (a screenshot and an axe run each): more than one screen's time. */
  const WALK_TIMEOUT_MS = 300_000;

  beforeAll(async () => {
    harness = await startHarness({ prepare: async (db) => void (await createDemoData({ db }, { toYear: 2020, seed: 1 })) });
    await harness.page.setViewportSize({ width: 1366, height: 768 });
    walk = screenWalk(harness, 'a11y-', (name) => harness.visit(name));
  });
  afterAll(async () => {
    await harness?.close();
  });

  it(
    'checks the sign-in screen and the dialog for opening a shared database',
    () =>
      walk.signInScreens(() =>
        harness.signIn({ username: DEMO_PROJECT_LEADER.username, displayName: DEMO_PROJECT_LEADER.displayName, password: DEMO_PASSWORD }),
      ),
    WALK_TIMEOUT_MS,
  );
  it('checks every page of the menu', () => walk.menuPages(), WALK_TIMEOUT_MS);
  it('checks each section of Innstillinger as the side list shows it', () => walk.settingsSections(), WALK_TIMEOUT_MS);
  it('checks every tab of Timer and of Statistikk', () => walk.timerAndStatisticsTabs(), WALK_TIMEOUT_MS);
  it('checks every tab of a case in follow-up', () => walk.caseTabs(), WALK_TIMEOUT_MS);
  it("checks the dialogs of each step of a case's life", () => walk.lifecycleDialogs(), WALK_TIMEOUT_MS);
  it('checks the dialogs for new records, the password change and the lock screen', () => walk.newRecordDialogs(), WALK_TIMEOUT_MS);
});
