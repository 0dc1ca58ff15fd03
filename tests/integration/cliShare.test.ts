import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { isMarkedShared } from '../../electron/db/sharing';
import { cliInProcess } from '../support/commandLine';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';

/** `share --db FILE --to FOLDER --actor ADMIN`: the app's «Del databasen med teamet» from the command line. */
let t: TestDatabase;
let folder: string;
beforeEach(async () => {
  t = await createTestDatabase();
  await t.addMember('jonas', 'Jonas Berg', 'JB');
  folder = join(t.dir, 'fellesomraade');
  mkdirSync(folder);
  t.db.close();
});
afterEach(() => {
  delete process.env[PASSWORD_ENV];
  t.close();
});

function inspect(path: string): { shared: boolean; journal: unknown; cases: unknown } {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return {
      shared: isMarkedShared(sqlite),
      journal: sqlite.pragma('journal_mode', { simple: true }),
      cases: sqlite.prepare('select count(*) from cases').pluck().get(),
    };
  } finally {
    sqlite.close();
  }
}

describe('share', () => {
  it('copies the database under its own file name into the folder, marked shared, prints the path, and the CLI then works on it as one more PC', async () => {
    process.env[PASSWORD_ENV] = TEST_PASSWORD;
    const run = await cliInProcess(['share', '--db', t.path, '--to', folder, '--actor', 'marit']);
    const target = join(folder, 'ettervern.sqlite');
    expect(run).toMatchObject({ status: 0, stdout: `${target}\n` });
    expect(run.stderr).toContain('Databasen er delt');
    expect(inspect(target)).toEqual({ shared: true, journal: 'delete', cases: inspect(t.path).cases });
    // The original stays as it was: not shared.
    expect(inspect(t.path).shared).toBe(false);

    const info = await cliInProcess(['call', '--db', target, 'database:info']);
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ path: target, shared: true, journalMode: 'delete' });
    expect(existsSync(`${target}-wal`)).toBe(false);
  });

  it('refuses a colleague who is not an administrator, a synchronised folder, a missing folder and a missing password, creating nothing', async () => {
    expect(await cliInProcess(['share', '--db', t.path, '--to', folder, '--actor', 'marit'])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining(PASSWORD_ENV),
    });
    process.env[PASSWORD_ENV] = TEST_PASSWORD;
    expect(await cliInProcess(['share', '--db', t.path, '--to', folder, '--actor', 'jonas'])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('Bare en administrator kan dele databasen med teamet'),
    });
    const onedrive = join(t.dir, 'OneDrive - Steigen kommune');
    mkdirSync(onedrive);
    expect(await cliInProcess(['share', '--db', t.path, '--to', onedrive, '--actor', 'marit'])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('OneDrive'),
    });
    expect(await cliInProcess(['share', '--db', t.path, '--to', join(t.dir, 'finnes-ikke'), '--actor', 'marit'])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('Fant ikke mappen'),
    });
    expect(existsSync(join(folder, 'ettervern.sqlite'))).toBe(false);
    expect(existsSync(join(onedrive, 'ettervern.sqlite'))).toBe(false);
    expect((await cliInProcess(['share', '--db', t.path, '--actor', 'marit'])).status).toBe(2);
  });
});
