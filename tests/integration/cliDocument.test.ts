import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';
import { buildClosedCase, type DocumentCase } from '../support/documentCases';
import { assertWellFormed, remainingPlaceholders, visibleText, wordXmlParts } from '../support/docxFiles';

/** `npm run cli -- document …` as a separate process on a database with a closed case. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let t: TestDatabase;
let closed: DocumentCase;

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 90_000, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  t = await createTestDatabase({ now: '2020-06-20T10:00:00.000Z' });
  closed = buildClosedCase(t);
  t.db.close();
});
afterAll(() => t.close());

describe('npm run cli -- document', () => {
  it('writes a closure report for the case code and logs it', async () => {
    const out = join(t.dir, 'rapport.docx');
    const run = await cli(['document', 'closure-report', '--case', closed.code.toLowerCase(), '--db', t.path, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ out, kind: 'closure-report', fileName: `Avslutningsrapport ${closed.code.replace('/', '-')}.docx`, templateVersion: 1 });
    const parts = await wordXmlParts(readFileSync(out));
    for (const [name, xml] of parts) assertWellFormed(name, xml);
    expect(remainingPlaceholders(visibleText(parts.get('word/document.xml')!))).toEqual([]);
    // A second run does not overwrite the file.
    expect((await cli(['document', 'closure-report', '--case', closed.code, '--db', t.path, '--out', out])).status).toBe(1);
  }, 120_000);

  it('signs in as --actor with the password from the environment for an evaluation form', async () => {
    const out = join(t.dir, 'skjema.docx');
    const run = await cli(['document', 'evaluation-form', '--case', closed.code, '--db', t.path, '--out', out, '--actor', 'marit'], { [PASSWORD_ENV]: TEST_PASSWORD });
    expect(run.status).toBe(0);
    expect(visibleText((await wordXmlParts(readFileSync(out))).get('word/document.xml')!)).toContain(closed.code);
  }, 120_000);

  it('refuses an unknown kind, a missing case and a case without closure date with exit codes', async () => {
    expect((await cli(['document', 'brev', '--case', closed.code, '--db', t.path, '--out', join(t.dir, 'a.docx')])).status).toBe(2);
    const missing = await cli(['document', 'closure-report', '--case', '77/20-ST', '--db', t.path, '--out', join(t.dir, 'b.docx')]);
    expect(missing).toMatchObject({ status: 1, stderr: expect.stringContaining('Fant ingen sak med det saksnummeret') });
    expect(existsSync(join(t.dir, 'b.docx'))).toBe(false);
  }, 120_000);
});
