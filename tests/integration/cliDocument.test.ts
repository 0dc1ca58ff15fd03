import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';
import { buildClosedCase, type DocumentCase } from '../support/documentCases';
import { assertWellFormed, remainingPlaceholders, visibleText, wordXmlParts } from '../support/docxFiles';
import { cliProcess } from '../support/commandLine';

/** `npm run cli -- document …` as a separate process on a database with a closed case. */
let t: TestDatabase;
let closed: DocumentCase;

/** Acts as the case's staff member, with the password in the environment as a script would set it. */
const cli = (args: string[]) => cliProcess([...args, '--actor', 'marit'], { [PASSWORD_ENV]: TEST_PASSWORD });

beforeAll(async () => {
  t = await createTestDatabase({ now: '2020-06-20T10:00:00.000Z' });
  closed = await buildClosedCase(t);
  t.db.close();
});
afterAll(() => t.close());

describe('npm run cli -- document', () => {
  it('writes a closure report for the case code and logs it', async () => {
    const out = join(t.dir, 'rapport.docx');
    const run = await cli(['document', 'closure-report', '--case', closed.code.toLowerCase(), '--db', t.path, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      out,
      kind: 'closure-report',
      fileName: `Avslutningsrapport ${closed.code.replace('/', '-')}.docx`,
      templateVersion: 1,
    });
    const parts = await wordXmlParts(readFileSync(out));
    for (const [name, xml] of parts) assertWellFormed(name, xml);
    expect(remainingPlaceholders(visibleText(parts.get('word/document.xml')!))).toEqual([]);
    // A second run does not overwrite the file.
    expect((await cli(['document', 'closure-report', '--case', closed.code, '--db', t.path, '--out', out])).status).toBe(1);
  }, 120_000);

  it('writes an evaluation form', async () => {
    const out = join(t.dir, 'skjema.docx');
    const run = await cli(['document', 'evaluation-form', '--case', closed.code, '--db', t.path, '--out', out]);
    expect(run.status).toBe(0);
    expect(visibleText((await wordXmlParts(readFileSync(out))).get('word/document.xml')!)).toContain(closed.code);
  }, 120_000);

  it('refuses an unknown kind, a missing case and a case without closure date with exit codes', async () => {
    expect((await cli(['document', 'brev', '--case', closed.code, '--db', t.path, '--out', join(t.dir, 'a.docx')])).status).toBe(2);
    const missing = await cli(['document', 'closure-report', '--case', '77/20-ST', '--db', t.path, '--out', join(t.dir, 'b.docx')]);
    expect(missing).toMatchObject({ status: 1, stderr: expect.stringContaining('Fant ingen sak med den sakskoden') });
    expect(existsSync(join(t.dir, 'b.docx'))).toBe(false);
  }, 120_000);
});
