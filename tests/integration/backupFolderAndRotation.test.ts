import { existsSync, mkdirSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { backupsToRotate } from '../../electron/services/backups/files';
import { syncedFolderWarning } from '../../electron/services/backups/folderCheck';
import { backupFileName } from '@shared/domain/backups';
import { createTestDatabase, TEST_RESOURCES_DIR, versionOf, type TestDatabase } from '../support/testDatabase';

/** Issue 16, findings 7 and 8: backups that never rotate, a backup folder that takes any path, an export that overwrites. */
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe('rotation of manual copies and copies taken before a restore', () => {
  const file = (iso: string, kind: 'auto' | 'manuell' | 'foer-gjenoppretting') => ({
    fileName: backupFileName(new Date(iso), kind),
    kind,
    createdAt: new Date(iso),
  });

  it('removes those older than the setting, but always keeps the newest copy taken before a restore', () => {
    const files = [
      file('2020-05-01T10:00:00Z', 'manuell'),
      file('2018-01-01T10:00:00Z', 'manuell'),
      file('2018-02-01T10:00:00Z', 'foer-gjenoppretting'),
      file('2017-02-01T10:00:00Z', 'foer-gjenoppretting'),
    ];
    const removed = backupsToRotate(files, { now: new Date('2020-06-15T10:00:00Z'), keepMonths: 12 }).map((f) => f.fileName);
    expect(removed.sort()).toEqual([files[1]!.fileName, files[3]!.fileName].sort());
    expect(backupsToRotate(files)).toEqual([]);
  });
});

describe('the backup folder setting', () => {
  const save = (backupFolder: string) => t.callAsync('settings:update', { version: versionOf(t, 'settings', 0), backupFolder });

  it('refuses a folder that does not exist, a file, and a folder inside the program', async () => {
    expect(await save(join(t.dir, 'finnes-ikke'))).toMatchObject({
      ok: false,
      error: { code: 'validation', fieldErrors: { backupFolder: expect.stringContaining('finnes ikke') } },
    });
    writeFileSync(join(t.dir, 'fil'), '');
    expect(await save(join(t.dir, 'fil'))).toMatchObject({ ok: false, error: { code: 'validation' } });
    const insideProgram = join(TEST_RESOURCES_DIR, 'templates');
    const dispatcher = t.dispatcher;
    expect(await dispatcher.dispatchAsync('settings:update', { version: versionOf(t, 'settings', 0), backupFolder: insideProgram })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('accepts a folder it can write in', async () => {
    const folder = join(t.dir, 'kopier');
    mkdirSync(folder);
    expect((await save(folder)).ok).toBe(true);
  });

  it('warns about a folder synchronised to a cloud service', async () => {
    expect(syncedFolderWarning('C:\\Users\\marit\\OneDrive - Kommunen\\Ettervern')).toContain('skytjeneste');
    expect(syncedFolderWarning('/Users/marit/Library/Mobile Documents/com~apple~CloudDocs/kopier')).toContain('skytjeneste');
    expect(syncedFolderWarning('/home/marit/Dropbox/kopier')).toContain('skytjeneste');
    expect(syncedFolderWarning('D:\\Sikkerhetskopier\\Ettervern')).toBeNull();
    const folder = join(t.dir, 'Dropbox');
    mkdirSync(folder);
    await t.okAsync('settings:update', { version: versionOf(t, 'settings', 0), backupFolder: folder });
    expect(t.ok('backups:list', {}).folderWarning).toContain('skytjeneste');
  });
});

describe('audit export --out', () => {
  const cli = async (...args: string[]) => {
    let stderr = '';
    const status = await runCli(args, { out: () => undefined, err: (text) => (stderr += text), now: () => new Date() });
    return { status, stderr };
  };

  it('refuses an existing file and a symlink, and writes a new file', async () => {
    const existing = join(t.dir, 'finnes.xlsx');
    writeFileSync(existing, 'viktig');
    expect((await cli('audit', 'export', '--db', t.path, '--out', existing)).status).not.toBe(0);
    expect(readFileSync(existing, 'utf8')).toBe('viktig');

    const target = join(t.dir, 'mål.txt');
    const link = join(t.dir, 'lenke.xlsx');
    symlinkSync(target, link);
    expect((await cli('audit', 'export', '--db', t.path, '--out', link)).status).not.toBe(0);
    expect(existsSync(target)).toBe(false);

    const fresh = join(t.dir, 'ny.xlsx');
    expect((await cli('audit', 'export', '--db', t.path, '--out', fresh)).status).toBe(0);
    expect(existsSync(fresh)).toBe(true);
  });
});
