import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEMO_PASSWORD, DEMO_PROJECT_LEADER, DEMO_THERAPISTS } from '../../electron/cli/demo/staff';
import { describeFindings, findTextLeaks, type RenderedPiece } from '../support/renderedText';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { screenWalk, type ScreenWalk } from './support/screenWalk';

/**
 * No English, no internal names and no code-like message on any screen: the accessibility walk's screens
 * (support/screenWalk.ts), at 1366×768 on the demo year, signed in as the administrator and then as a team
 * member. On each screen and dialog the text a person reads (`innerText`), the attributes a tooltip or a
 * screen reader reads, the values shown in fields and the window's title go through the matcher in
 * tests/support/renderedText.ts (proved on known-bad samples by tests/unit/renderedText.test.ts).
 */
describeInBrowser('every screen speaks Norwegian (rendered text)', () => {
  let harness: Harness;
  /** Screens whose text broke a rule, collected so one run names them all; each part of the walk fails on its own. */
  let findings: string[] = [];
  const WALK_TIMEOUT_MS = 300_000;

  /**
   * Phrases that look like code or English to the matcher but are right where they are shown.
   * Keep each one explained.
   */
  const ALLOWED: string[] = [
    // The demo annual report's own prose: «recovery-basert praksis» is the team's word for its method.
    'recovery-basert',
  ];

  beforeAll(async () => {
    harness = await startHarness({ prepare: async (db) => void (await createDemoData({ db }, { toYear: 2020, seed: 1 })) });
    await harness.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** What the screen shows now, in the pieces the matcher reads. */
  function readScreen(): Promise<RenderedPiece[]> {
    return harness.page.evaluate(() => {
      const pieces: { source: string; text: string }[] = [
        { source: 'text', text: document.body.innerText },
        { source: 'document.title', text: document.title },
      ];
      const shown = (element: Element) => !element.closest('[aria-hidden="true"]') && element.checkVisibility();
      for (const element of Array.from(document.querySelectorAll('[title], [aria-label], [placeholder], [alt]'))) {
        if (!shown(element)) continue;
        for (const attribute of ['title', 'aria-label', 'placeholder', 'alt']) {
          const value = element.getAttribute(attribute);
          if (value) pieces.push({ source: attribute, text: value });
        }
      }
      // What a field holds is read as well: a date or a figure filled in by the app is text on the screen too.
      // (Not a radio button's or a tick box's value: that is never shown.)
      for (const field of Array.from(
        document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
          'input:not([type=hidden]):not([type=password]):not([type=radio]):not([type=checkbox]), textarea',
        ),
      )) {
        if (field.value && shown(field)) pieces.push({ source: `verdi i «${field.getAttribute('aria-label') ?? field.name ?? field.id}»`, text: field.value });
      }
      return pieces;
    });
  }

  async function check(name: string): Promise<void> {
    harness.assertNoBrowserErrors();
    await harness.screenshot(name);
    const found = findTextLeaks(await readScreen(), ALLOWED);
    if (found.length > 0) findings.push(describeFindings(name, found));
  }

  /** Runs one part of the walk and fails naming every screen and word it found. */
  const part = (run: () => Promise<void>) => async () => {
    findings = [];
    await run();
    expect(findings.join('\n')).toBe('');
  };

  function walkAs(member: { username: string; displayName: string }, prefix: string, options: { lockAtEnd: boolean }): void {
    let walk: ScreenWalk;
    beforeAll(() => {
      walk = screenWalk(harness, prefix, check);
    });
    const parts: [title: string, run: () => Promise<void>][] = [
      ['the sign-in screen and the shared-database dialog', () => walk.signInScreens(() => harness.signIn({ ...member, password: DEMO_PASSWORD }))],
      ['every page of the menu', () => walk.menuPages()],
      ['every section of Innstillinger', () => walk.settingsSections()],
      ['every tab of Timer and Statistikk', () => walk.timerAndStatisticsTabs()],
      ['every tab of a case in follow-up', () => walk.caseTabs()],
      ["the dialogs of each step of a case's life", () => walk.lifecycleDialogs()],
      ['the forms for new records and a closure, submitted empty', () => walk.emptySubmits()],
      [
        'the dialogs for new records, the password change and the lock screen',
        async () => {
          await walk.newRecordDialogs();
          // Leave the lock screen the way a colleague at the same PC does.
          if (options.lockAtEnd) await harness.page.getByRole('button', { name: 'Logg inn som en annen' }).click();
        },
      ],
    ];
    for (const [title, run] of parts) it(title, part(run), WALK_TIMEOUT_MS);
  }

  describe('as the administrator', () => walkAs(DEMO_PROJECT_LEADER, 'tekst-admin-', { lockAtEnd: true }));
  describe('as a team member', () => walkAs(DEMO_THERAPISTS[0]!, 'tekst-medlem-', { lockAtEnd: false }));
});
