import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { createTestDatabase, FIRST_MEMBER, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';
import { logReportYear } from '../support/annualReportFiles';
import { cliInProcess, cliProcess } from '../support/commandLine';

const cli = (...args: string[]) => cliProcess(args, { [PASSWORD_ENV]: TEST_PASSWORD });

let t: TestDatabase;
let out: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await logReportYear(t);
  // The CLI opens the file itself; this connection must let go of it.
  t.db.close();
  out = mkdtempSync(join(tmpdir(), 'ettervern-annual-'));
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(t.dir, { recursive: true, force: true });
});

describe('annual-report command', () => {
  it('writes both files with their Norwegian names, and refuses to overwrite them', async () => {
    const target = join(out, 'rapport');
    const first = await cli('annual-report', '--db', t.path, '--year', '2020', '--out', target, '--actor', FIRST_MEMBER.username);
    // Nothing written for the year: every chapter is named before the report is made.
    expect(first.stderr).toContain('«Om ettervernsteamet», «Avvik og hendelser» og «Planer for 2021» har ingen tekst og blir utelatt fra rapporten.');
    expect(first.stderr).toContain('«Saker»');
    expect(first.status).toBe(0);
    expect(readdirSync(target).sort()).toEqual(['Årsrapport ettervernsteamet 2020.docx', 'Årsrapport ettervernsteamet 2020.xlsx']);
    const summary = JSON.parse(first.stdout) as { year: number; files: { path: string; bytes: number }[] };
    expect(summary.year).toBe(2020);
    expect(summary.files.every((f) => f.bytes > 1000 && existsSync(f.path))).toBe(true);

    const again = await cli('annual-report', '--db', t.path, '--year', '2020', '--out', target, '--actor', FIRST_MEMBER.username);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('finnes allerede');
  }, 120_000);

  it('with --strict refuses to make a report with chapters without text, and writes nothing', async () => {
    const target = join(out, 'streng');
    const strict = await cli('annual-report', '--db', t.path, '--year', '2020', '--out', target, '--actor', FIRST_MEMBER.username, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('Årsrapporten for 2020 er ikke laget.');
    expect(strict.stderr).toContain('«Om ettervernsteamet»');
    expect(existsSync(target)).toBe(false);
  }, 120_000);

  it('refuses a missing or malformed year as a usage error', async () => {
    // Refused while reading the arguments: no process of its own needed.
    const missing = await cliInProcess(['annual-report', '--db', t.path, '--out', out, '--actor', FIRST_MEMBER.username]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Mangler --year ÅÅÅÅ');
    const malformed = await cliInProcess(['annual-report', '--db', t.path, '--year', '20x0', '--out', out, '--actor', FIRST_MEMBER.username]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('--year må være et årstall (ÅÅÅÅ)');
  }, 120_000);
});
