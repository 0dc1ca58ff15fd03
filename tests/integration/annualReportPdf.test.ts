import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { logReportYear } from '../support/annualReportFiles';

const run = promisify(execFile);

let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'ettervern-pdf-'));
});
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The test the user's «does it open without a repair prompt» comes closest to: LibreOffice reads and lays it out. */
describe('annual report in LibreOffice', () => {
  it('converts to PDF with every chapter that has text or figures, the header, page numbers and the figures', async () => {
    await logReportYear(t);
    await t.okAsync('annual-report:save-text', { year: 2020, section: 'team', text: 'Teamet består av fire miljøterapeuter.', version: 0 });
    const files = await t.okAsync('annual-report:generate', { year: 2020 });
    const docx = join(dir, files.docx.fileName);
    writeFileSync(docx, Buffer.from(files.docx.contentBase64, 'base64'));
    // A profile of its own, so conversions running side by side do not wait on one another's lock.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 90_000 });
    const pdf = join(dir, 'Årsrapport ettervernsteamet 2020.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-'], { timeout: 30_000 });
    // The chapters with content; those without (no evaluations, no text saved) are left out of the report.
    const chapters = ['Om ettervernsteamet', 'Slik registrerer vi', 'Saker', 'Ressursbruk', 'Samarbeidspartnere og nettverksarbeid', 'Varig endring'];
    for (const heading of ['Innhold', ...chapters]) {
      expect(text).toContain(heading);
    }
    for (const heading of ['Brukerevalueringer', 'Avvik og hendelser', 'Planer for 2021']) expect(text).not.toContain(heading);
    expect(text).toContain('Teamet består av fire miljøterapeuter.');
    expect(text).toContain('Interkommunalt ambulerende ettervernsteam');
    expect(text).toMatch(/Side 2 av \d+/u);
    // The contents page (page 2) gives each chapter the page LibreOffice actually prints it on.
    const pages = text.split('\f');
    const contents = pages[1]!;
    // The numbers are Word's layout, worked out by the docx library; LibreOffice lays out the same pages when it
    // has Calibri or its metric twin Carlito. With a wider stand-in font its pages differ, so then only the
    // numbers' presence is checked.
    const sameMetrics = (await run('fc-list', [':family=Carlito'])).stdout.trim() !== '' || (await run('fc-list', [':family=Calibri'])).stdout.trim() !== '';
    for (const heading of chapters) {
      const entry = new RegExp(`^\\s*${heading}[ .]*?(\\d+)\\s*$`, 'mu').exec(contents);
      expect(entry, `${heading} in the contents with a page number`).not.toBeNull();
      const printedOn = pages.findIndex((page, i) => i > 1 && new RegExp(`^\\s*${heading}\\s*$`, 'mu').test(page)) + 1;
      if (sameMetrics) expect(Number(entry![1]), heading).toBe(printedOn);
    }
    // The follow-up table's Fauske row: 1,5 hours in institution, 5 after, 6,5 in all.
    expect(text).toMatch(/Fauske\s+1,5\s+1\s+5\s+2\s+6,5\s+3/u);
  }, 120_000);
});
