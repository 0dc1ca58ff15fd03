import { readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import { describeInBrowser, invokeInPage, startHarness, type Harness } from './harness';
import { TEST_PASSWORD } from '../support/testDatabase';
import { findHorizontalOverflow } from './support/layout';

/** Proves the fixture itself on a tiny page, independent of the real UI. */
const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'harness-page');

describeInBrowser('browser-test harness', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: FIXTURE_DIR });
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(() => {
    harness.errors.length = 0;
  });

  it('serves files with the app CSP and correct content types, and nothing outside the build', async () => {
    const page = await fetch(harness.baseUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const script = await fetch(new URL('app.js', harness.baseUrl));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe(await readFile(join(FIXTURE_DIR, 'app.js'), 'utf8'));
    expect((await fetch(new URL('style.css', harness.baseUrl))).headers.get('content-type')).toBe('text/css; charset=utf-8');

    expect(await rawStatus(harness.baseUrl, '/missing.js')).toBe(404);
    // Sent as typed, unnormalised: the app's protocol handler itself must refuse to leave the build folder.
    expect(await rawStatus(harness.baseUrl, '/../harness.test.ts')).toBe(403);
    expect(await rawStatus(harness.baseUrl, '/%2e%2e/%2e%2e/%2e%2e/package.json')).toBe(403);
    expect(await rawStatus(harness.baseUrl, '/..%2f..%2f..%2fpackage.json')).toBe(403);
    expect(harness.errors.filter((e) => / → 40[34]$/.test(e))).toHaveLength(4);
  });

  it('runs module scripts and gives the page a window.api backed by the real dispatcher', async () => {
    await harness.goto();
    await harness.page.getByRole('status').filter({ hasText: 'Broen er klar' }).waitFor();

    const before = await invokeInPage(harness.page, 'session:get-current', {});
    expect(before).toEqual({ ok: true, value: { member: null, needsFirstMember: true, locked: false } });

    const created = await invokeInPage(harness.page, 'team-members:create', {
      username: 'marit',
      displayName: 'Marit Solvang',
      initials: 'MS',
      password: TEST_PASSWORD,
    });
    expect(created.ok).toBe(true);
    const rows = harness.db.sqlite.prepare('select username, display_name, initials from team_members').all();
    expect(rows).toEqual([{ username: 'marit', display_name: 'Marit Solvang', initials: 'MS' }]);

    const invalid = await invokeInPage(harness.page, 'team-members:create', {
      username: 'Ugyldig Navn',
      displayName: 'X',
      initials: 'x',
      password: TEST_PASSWORD,
    });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.error.code).toBe('validation');
      expect(Object.keys(invalid.error.fieldErrors)).toEqual(expect.arrayContaining(['username', 'initials']));
    }
    expect(harness.db.sqlite.prepare('select count(*) as n from team_members').get()).toEqual({ n: 1 });

    await harness.visit('harness-fixture');
    const png = await readFile(await harness.screenshot('harness-fixture'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('records a CSP violation and fails on it', async () => {
    await harness.goto('csp-violation.html');
    await expect.poll(() => harness.errors.join('\n')).toMatch(/script-src/);
    expect(await harness.page.title()).toBe('Side som bryter innholdsreglene');
    expect(() => harness.assertNoBrowserErrors()).toThrow(/CSP violation/);
  });

  it('records uncaught exceptions and missing files', async () => {
    await harness.goto('throws.html');
    await expect.poll(() => harness.errors.join('\n')).toMatch(/uncaught: deliberate failure/);
    await harness.goto('does-not-exist.js');
    expect(() => harness.assertNoBrowserErrors()).toThrow(/does-not-exist\.js → 404/);
  });

  it('finds a box that scrolls sideways, and none on a page that fits', async () => {
    await harness.goto();
    expect(await findHorizontalOverflow(harness.page)).toEqual([]);
    await harness.goto('overflow.html');
    expect(await findHorizontalOverflow(harness.page)).toEqual(['div[For bred rad]: content 900px wide in 400px']);
  });

  it('fails the accessibility check with a readable summary', async () => {
    await harness.goto('inaccessible.html');
    const failure = harness.checkA11y('inaccessible');
    await expect(failure).rejects.toThrow(/Accessibility violations on «inaccessible»/);
    await expect(failure).rejects.toThrow(/image-alt/);
    await expect(failure).rejects.toThrow(/label/);
  });
});

function rawStatus(baseUrl: string, path: string): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((done, fail) => {
    get({ hostname, port, path }, (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    }).on('error', fail);
  });
}
