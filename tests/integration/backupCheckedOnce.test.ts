import Database from 'better-sqlite3';
import { closeSync, openSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../electron/db/integrity';
import { passedCheckUnchanged, rememberPassedCheck } from '../../electron/services/backups/checkedFiles';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * A new backup is checked in full once, before it is kept; listing it does not read it again unless the
 * file changed, and a restore always checks again.
 */
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

const backupPath = (fileName: string) => join(t.dir, 'sikkerhetskopier', fileName);

/**
 * Damage an index so that `integrity_check` fails while every table still reads and counts: the last
 * byte of the index's only page is the rowid of its last entry, pointed at a row that does not exist.
 */
function damageIndex(path: string): void {
  const sqlite = new Database(path);
  let page: number;
  let pageSize: number;
  try {
    sqlite.exec('create table skade (a integer); insert into skade (rowid, a) values (50, 100), (60, 200); create index skade_a on skade (a);');
    page = sqlite.prepare("select rootpage from sqlite_master where name = 'skade_a'").pluck().get() as number;
    pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  } finally {
    sqlite.close();
  }
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from([9]), 0, 1, page * pageSize - 1);
  } finally {
    closeSync(fd);
  }
}

describe('a backup checked once', () => {
  it('is remembered as checked when kept, and forgotten when the file changes', async () => {
    const backup = await t.okAsync('backups:create', {});
    const path = backupPath(backup.fileName);
    expect(backup.intact).toBe(true);
    expect(passedCheckUnchanged(path)).toBe(true);
    expect(t.ok('backups:list', {}).backups[0]).toMatchObject({ fileName: backup.fileName, intact: true });
    utimesSync(path, new Date('2021-01-01'), new Date('2021-01-01'));
    expect(passedCheckUnchanged(path)).toBe(false);
  });

  it('is checked again when listed after it changed, and shown as damaged', async () => {
    const backup = await t.okAsync('backups:create', {});
    const path = backupPath(backup.fileName);
    damageIndex(path);
    expect(checkDatabaseFile(path, 'full').ok).toBe(false);
    expect(t.ok('backups:list', {}).backups[0]).toMatchObject({ fileName: backup.fileName, intact: false, summary: null });
  });

  it('is checked again before a restore even when remembered as checked', async () => {
    const backup = await t.okAsync('backups:create', {});
    const path = backupPath(backup.fileName);
    damageIndex(path);
    // As if the damage came after the check without touching size or time (a disk error): the list trusts it …
    rememberPassedCheck(path);
    expect(t.ok('backups:list', {}).backups[0]).toMatchObject({ fileName: backup.fileName, intact: true });
    // … the restore does not.
    const result = await t.callAsync('backups:restore', { fileName: backup.fileName });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/skadet/) } });
  });
});
