import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Playwright gives every non-persistent launch its own throwaway profile (--user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const MISSING_MESSAGE = `Chromium was not found at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`;

/**
 * `describe` for tests that need the browser. Without Chromium, CI fails loudly (browser tests must
 * never pass by being skipped there); a developer's machine skips with a warning.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable()) {
    describe(name, body);
    return;
  }
  if (runningOnCi()) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${MISSING_MESSAGE} The browser tests cannot be skipped on CI.`);
      });
    });
    return;
  }
  console.warn(`\n!!!!!!!!!!\n!!! SKIPPING BROWSER TESTS «${name}»: ${MISSING_MESSAGE}\n!!!!!!!!!!\n`);
  describe.skip(name, body);
}

function runningOnCi(): boolean {
  const value = (process.env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}
