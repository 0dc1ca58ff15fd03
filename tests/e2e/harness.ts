import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EttervernApi } from '@shared/api';
import type { ApiResult, ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { createDispatcher, type Dispatcher } from '../../electron/services/dispatcher';
import type { Clock, ReadOnlyState } from '../../electron/services/context';
import { checkA11y } from './support/a11y';
import { TEST_PASSWORD, TEST_PASSWORD_COST, TEST_RESOURCES_DIR } from '../support/testDatabase';
import { launchChromium } from './support/chromium';
import { findHorizontalOverflow } from './support/layout';
import { startStaticServer, type StaticServer } from './support/staticServer';

export { checkA11y } from './support/a11y';
export { chromiumAvailable, describeInBrowser } from './support/chromium';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILT_RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'tests', 'artifacts', 'screenshots');

export interface HarnessOptions {
  /** Folder with a built renderer (index.html + assets). Default: the electron-vite build output. */
  rendererDir?: string;
  /** The services' clock. Default: the real one. */
  clock?: Clock;
  /** Fills the fresh database before the page opens (e.g. with demo data). */
  prepare?: (db: AppDatabase) => void | Promise<void>;
  /** Start the dispatcher read-only or in recovery mode, as the main process does after its checks. */
  readOnly?: (db: AppDatabase) => ReadOnlyState;
  /**
   * Open this database file (another PC on the same file) instead of a fresh one; the caller owns it
   * and removes it. Default: a new file in a throwaway folder.
   */
  databaseFile?: string;
}

export interface Harness {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly db: AppDatabase;
  /** The same dispatcher the page talks to: use it to arrange data and to check what was stored. */
  readonly dispatcher: Dispatcher;
  readonly baseUrl: string;
  /** Console errors, uncaught exceptions, CSP violations, failed or refused requests, service failures. */
  readonly errors: string[];
  /** Loads a page of the served renderer (default: its start page). */
  goto(path?: string): Promise<void>;
  /**
   * Opens the app and signs in as an existing member the way a person does (username and password,
   * TEST_PASSWORD unless given), ending on the signed-in shell. Every browser test signs in through this, so how signing in looks is decided in one place.
   */
  signIn(member: { username: string; displayName: string; password?: string }): Promise<void>;
  screenshot(name: string): Promise<string>;
  checkA11y(name: string): Promise<void>;
  /**
   * What every screen gets: no browser errors so far, a screenshot, an axe run, and a warning for
   * anything that scrolls sideways at 1280×800.
   */
  visit(name: string): Promise<void>;
  assertNoBrowserErrors(): void;
  close(): Promise<void>;
}

/**
 * The browser-test fixture: a throwaway database behind the real dispatcher, the built renderer on
 * loopback HTTP with the app's CSP, and Debian's Chromium whose `window.api` forwards every call to
 * that dispatcher. Everything but Electron's own IPC transport is the real thing.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = options.rendererDir ?? BUILT_RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first (npm test does).`);
  }

  const cleanups: (() => Promise<void> | void)[] = [];
  const runCleanups = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  };

  try {
    const tempDir = await mkdtemp(join(tmpdir(), 'ettervern-e2e-'));
    cleanups.push(() => rm(tempDir, { recursive: true, force: true }));
    const db = await openDatabase(options.databaseFile ?? join(tempDir, 'ettervern.sqlite'));
    cleanups.push(() => db.close());
    await options.prepare?.(db);

    const errors: string[] = [];
    const dispatcher = createDispatcher({
      db,
      passwordCost: TEST_PASSWORD_COST,
      resourcesDir: TEST_RESOURCES_DIR,
      // Nothing opens Word in a browser test; the path is dropped.
      desktop: { openPath: async () => '' },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.readOnly ? { readOnly: options.readOnly(db) } : {}),
      reportError: (report) => errors.push(`service failure on ${report.channel}: ${report.errorName}`),
    });

    const server = await startStaticServer(rendererDir, (failure) => errors.push(`server: ${failure}`));
    cleanups.push(() => server.close());

    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
    });
    const page = await context.newPage();
    // A missing element should fail a step quickly and by name, well inside the test's own timeout.
    page.setDefaultTimeout(10_000);
    await installBridge(page, dispatcher);
    await collectBrowserErrors(page, server, errors);

    const screenshot = async (name: string) => {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${safeName(name)}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    };
    const assertNoBrowserErrors = () => {
      if (errors.length > 0) throw new Error(`Browser errors (${errors.length}):\n  ${errors.join('\n  ')}`);
    };

    return {
      browser,
      context,
      page,
      db,
      dispatcher,
      baseUrl: server.url,
      errors,
      goto: async (path = '') => {
        await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      },
      signIn: async (member) => {
        await page.goto(server.url, { waitUntil: 'load' });
        await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
        await page.getByRole('textbox', { name: 'Brukernavn', exact: true }).fill(member.username);
        await page.getByLabel('Passord', { exact: true }).fill(member.password ?? TEST_PASSWORD);
        await page.getByRole('button', { name: 'Logg inn' }).click();
        await page.getByText(`Innlogget som ${member.displayName}`).waitFor();
      },
      screenshot,
      checkA11y: (name) => checkA11y(page, name),
      visit: async (name) => {
        assertNoBrowserErrors();
        await screenshot(name);
        await checkA11y(page, name);
        // A warning, not a failure, for now: layout is judged from the screenshots by a person.
        const overflow = await findHorizontalOverflow(page);
        if (overflow.length > 0) console.warn(`Layout: «${name}» scrolls sideways:\n  ${overflow.join('\n  ')}`);
      },
      assertNoBrowserErrors,
      close: runCleanups,
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

/**
 * Stands in for the preload: `window.api.invoke` goes straight to the dispatcher. Payloads and results
 * take a JSON round trip, close to the structured clone Electron's IPC does, so nothing that could not
 * cross a process boundary slips through.
 */
async function installBridge(page: Page, dispatcher: Dispatcher): Promise<void> {
  await page.exposeBinding('__ettervernInvoke', async (_source, channel: unknown, payload: unknown) => {
    const result = await dispatcher.dispatchAsync(channel, jsonRoundTrip(payload));
    return jsonRoundTrip(result);
  });
  // Init scripts go as plain text: a function would be serialised after the test runner's transform,
  // which may add helpers (such as esbuild's __name) that do not exist in the page.
  await page.addInitScript('window.api = Object.freeze({ invoke: function (channel, payload) { return window.__ettervernInvoke(channel, payload); } });');
}

async function collectBrowserErrors(page: Page, server: StaticServer, errors: string[]): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('request', (request) => {
    // The app must never reach beyond its own origin; the CSP should already stop it, this names it.
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      errors.push(`request outside the app: ${url}`);
    }
  });
  // Chromium does not always surface CSP violations as console messages; the DOM event always fires.
  await page.exposeBinding('__ettervernCspViolation', (_source, description: string) => {
    errors.push(`CSP violation: ${description}`);
  });
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', function (event) {" +
      " window.__ettervernCspViolation(event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline')); });",
  );
}

function jsonRoundTrip(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'screen';
}

/**
 * Calls `window.api` inside the page, typed by the contract: proves the bridge from the page's side
 * without a UI, and lets a test act the way the renderer would.
 */
export function invokeInPage<C extends ChannelName>(page: Page, channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>> {
  return page.evaluate(([c, i]) => (window as unknown as { api: EttervernApi }).api.invoke(c as C, i as ChannelInput<C>), [channel, input] as const) as Promise<
    ApiResult<ChannelOutput<C>>
  >;
}
