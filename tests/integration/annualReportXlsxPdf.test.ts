import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { logReportYear, readXlsx } from '../support/annualReportFiles';

const run = promisify(execFile);
const hasLibreOffice = await run('soffice', ['--version'], { timeout: 60_000 }).then(
  () => true,
  () => false,
);

let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'ettervern-xlsx-pdf-'));
});
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A4 in points, either way up. */
const A4 = [595, 842];

// CI installs libreoffice-calc-nogui; without LibreOffice there is nothing to print the sheets with.
describe.skipIf(!hasLibreOffice)('annual report spreadsheet printed (LibreOffice Calc → PDF)', () => {
  it('prints every sheet on A4, one page wide, with the row labels on the page', async () => {
    await logReportYear(t);
    const files = await t.okAsync('annual-report:generate', { year: 2020 });
    const xlsx = join(dir, 'rapport.xlsx');
    writeFileSync(xlsx, Buffer.from(files.xlsx.contentBase64, 'base64'));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 120_000 });
    const pdf = join(dir, 'rapport.pdf');
    const sheets = (await readXlsx(files.xlsx)).worksheets.length;
    const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '999', pdf], { timeout: 30_000 });
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gmu)].map((m) => [Number(m[1]), Number(m[2])]);
    // The year's tables are short: each sheet is one page, none split sideways into a second page of figures.
    expect(sizes).toHaveLength(sheets);
    for (const [width, height] of sizes) {
      expect(A4).toContain(Math.round(width!));
      expect(A4).toContain(Math.round(height!));
    }
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-'], { timeout: 30_000 });
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    // Every page of a municipality table carries its labels: the members and the total row.
    const municipalityPages = pages.filter((p) => /^\s*Kommune\b/mu.test(p));
    expect(municipalityPages.length).toBeGreaterThanOrEqual(5);
    for (const page of municipalityPages) {
      expect(page).toMatch(/^\s*Fauske\b/mu);
      expect(page).toMatch(/^\s*Rødøy\b/mu);
    }
    expect(text).toContain('Totalsum');
  }, 180_000);
});
