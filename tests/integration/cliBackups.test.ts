import { existsSync, openSync, readdirSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-01', code: '03/20-ST' });
});
afterEach(() => t.close());

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += `${text}\n`), now: () => new Date('2020-06-15T10:00:00Z') });
  return { status, stdout, stderr };
}

describe('backup, restore and verify commands', () => {
  it('backs up the open database while the app holds it, verified, to the file asked for', async () => {
    const out = join(t.dir, 'kopi.sqlite');
    const run = await cli('backup', '--db', t.path, '--out', out);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ out, ok: true, problems: [], foreignKeyViolations: 0 });
    expect(readdirSync(t.dir).filter((name) => name.startsWith('kopi'))).toEqual(['kopi.sqlite']);
    const again = await cli('backup', '--db', t.path, '--out', out);
    expect(again).toMatchObject({ status: 1, stderr: expect.stringContaining('finnes allerede') });
  });

  it('restores a backup, keeping the database as it was beside it', async () => {
    const out = join(t.dir, 'kopi.sqlite');
    await cli('backup', '--db', t.path, '--out', out);
    t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-02', code: '04/20-ST' });
    expect(t.count('cases')).toBe(2);
    const run = await cli('restore', '--db', t.path, '--from', out);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { safetyCopy: string; ok: boolean };
    expect(result.ok).toBe(true);
    expect(existsSync(result.safetyCopy)).toBe(true);
    // The app's own open connection sees the restored content.
    expect(t.count('cases')).toBe(1);
  });

  it('verify reports a healthy database and a damaged one, with exit codes', async () => {
    expect(await cli('verify', '--db', t.path)).toMatchObject({ status: 0 });
    const out = join(t.dir, 'kopi.sqlite');
    await cli('backup', '--db', t.path, '--out', out);
    const fd = openSync(out, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0x33), 0, 4096 * 3, 4096);
    closeSync(fd);
    const run = await cli('verify', '--db', out);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).ok).toBe(false);
    expect(run.stderr).toContain('besto ikke kontrollen');
    expect(await cli('restore', '--db', t.path, '--from', out)).toMatchObject({ status: 1, stderr: expect.stringContaining('skadet') });
    expect(t.count('cases')).toBe(1);
  });

  it('names a missing option in Norwegian', async () => {
    expect(await cli('backup', '--db', t.path)).toMatchObject({ status: 2, stderr: expect.stringContaining('Mangler --out FIL') });
  });
});
