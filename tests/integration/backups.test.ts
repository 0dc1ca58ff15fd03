import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { fixedClock } from '../../electron/services/context';
import { createDispatcher } from '../../electron/services/dispatcher';
import { backupsToRotate, listBackupFiles, resolveBackupFolder } from '../../electron/services/backups/files';
import { backupFileName } from '@shared/domain/backups';
import type { BackupDto, RestoreResultDto } from '@shared/contract';
import { categoryId, createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

const folder = () => join(t.dir, 'sikkerhetskopier');
const addCase = (code: string) => t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-01', code });
const addEntry = async (caseCode: string, date = '2020-03-02') =>
  await t.okAsync('time-entries:create', { date, caseCode, municipalityId: municipalityId(t, 'Steigen'), categoryId: categoryId(t, 2), hours: '1' });

describe('backups', () => {
  it('takes an online backup that is verified, listed with date and contents, and audited', async () => {
    addCase('03/20-ST');
    await addEntry('03/20-ST', '2020-03-05');
    const backup = await t.okAsync('backups:create', {});
    expect(backup).toMatchObject({ kind: 'manuell', createdAt: '2020-06-15T10:00:00.000Z', intact: true });
    expect(backup.summary).toEqual({ teamMembers: 1, cases: 1, timeEntries: 1, lastEntryDate: '2020-03-05' });
    expect(readdirSync(folder())).toEqual([backup.fileName]);
    const list = t.ok('backups:list', {});
    expect(list.folder).toBe(folder());
    expect(list.backups).toEqual([backup]);
    const copy = new Database(join(folder(), backup.fileName), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('writes to the folder the team chose, relative to the database', async () => {
    mkdirSync(join(t.dir, 'annen-disk'));
    await t.okAsync('settings:update', { version: versionOf(t, 'settings', 0), backupFolder: 'annen-disk' });
    const backup = await t.okAsync('backups:create', {});
    expect(existsSync(join(t.dir, 'annen-disk', backup.fileName))).toBe(true);
    expect(resolveBackupFolder('/data/ettervern.sqlite', '/mnt/usb/kopier')).toBe('/mnt/usb/kopier');
  });

  it('lists a damaged backup as not intact and refuses to restore it', async () => {
    const backup = await t.okAsync('backups:create', {});
    const path = join(folder(), backup.fileName);
    const bytes = Buffer.alloc(8192, 0x41);
    writeFileSync(path, bytes);
    expect(t.ok('backups:list', {}).backups[0]).toMatchObject({ fileName: backup.fileName, intact: false, summary: null });
    const result = await t.callAsync('backups:restore', { fileName: backup.fileName });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/skadet/) } });
  });

  it('refuses names that are not backups the app made, before touching the file system', async () => {
    for (const fileName of ['../ettervern.sqlite', 'ettervern.sqlite', 'ettervern-20200615-100000000-auto.sqlite/../../x', '']) {
      const result = await t.dispatcher.dispatchAsync('backups:restore', { fileName });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { fileName: expect.any(String) } } });
    }
    const missing = await t.callAsync('backups:restore', { fileName: backupFileName(new Date('2020-01-01'), 'auto') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('restores a backup after backing up the current database; the member stays signed in as the backup knows them', async () => {
    addCase('03/20-ST');
    const backup = await t.okAsync('backups:create', {});
    addCase('04/20-ST');
    await addEntry('04/20-ST');
    expect(t.count('cases')).toBe(2);

    const result = (await t.okAsync('backups:restore', { fileName: backup.fileName })) as RestoreResultDto;
    expect(result.restored.fileName).toBe(backup.fileName);
    expect(result.restartRequired).toBe(false);
    expect(t.count('cases')).toBe(1);
    expect(t.count('time_entries')).toBe(0);
    expect(t.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await t.okAsync('session:get-current', {})).member).toMatchObject({ username: 'marit' });

    const safety = t.ok('backups:list', {}).backups.find((b) => b.fileName === result.safetyCopy) as BackupDto;
    expect(safety).toMatchObject({ kind: 'foer-gjenoppretting', intact: true, summary: { cases: 2, timeEntries: 1 } });
    // The app keeps working on the restored data.
    addCase('05/20-ST');
    expect(t.count('cases')).toBe(2);
  });

  it('signs out a member the backup does not know', async () => {
    const backup = await t.okAsync('backups:create', {});
    const kari = await t.addMember('kari', 'Kari Nordvik', 'KN');
    t.db.sqlite.prepare("update team_members set role = 'administrator' where id = ?").run(kari.id);
    await t.signInAs('kari');
    await t.okAsync('backups:restore', { fileName: backup.fileName });
    expect((await t.okAsync('session:get-current', {})).member).toBeNull();
  });

  it('lets only an administrator restore', async () => {
    const backup = await t.okAsync('backups:create', {});
    await t.addMember('per', 'Per Hansen', 'PH');
    await t.signInAs('per');
    const result = await t.callAsync('backups:restore', { fileName: backup.fileName });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await t.okAsync('session:sign-out', {});
    expect(await t.callAsync('backups:restore', { fileName: backup.fileName })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('rotation', () => {
  const file = (iso: string, kind: 'auto' | 'manuell' = 'auto') => ({ fileName: backupFileName(new Date(iso), kind), kind, createdAt: new Date(iso) });

  it('keeps the newest automatic backup of each of the last 14 days and 12 months, never manual ones', () => {
    const files = [];
    // Two a day for 400 days, newest first.
    for (let day = 0; day < 400; day++) {
      for (const hour of ['18', '08']) files.push(file(new Date(Date.UTC(2021, 0, 31 - day, +hour)).toISOString()));
    }
    files.push(file('2019-01-01T00:00:00Z', 'manuell'));
    const removed = new Set(backupsToRotate(files).map((f) => f.fileName));
    const kept = files.filter((f) => !removed.has(f.fileName));
    const keptAuto = kept.filter((f) => f.kind === 'auto').map((f) => f.createdAt.toISOString().slice(0, 13));
    // 14 days in January 2021 (18:00 each), then the last day of each of the 11 months before it.
    expect(keptAuto.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, i) => `2021-01-${String(31 - i).padStart(2, '0')}T18`));
    expect(keptAuto.slice(14)).toEqual([
      '2020-12-31T18',
      '2020-11-30T18',
      '2020-10-31T18',
      '2020-09-30T18',
      '2020-08-31T18',
      '2020-07-31T18',
      '2020-06-30T18',
      '2020-05-31T18',
      '2020-04-30T18',
      '2020-03-31T18',
      '2020-02-29T18',
    ]);
    expect(kept.some((f) => f.kind === 'manuell')).toBe(true);
  });

  it('deletes rotated automatic backups when a new one is taken', async () => {
    const { takeBackup } = await import('../../electron/services/backups/service');
    const dir = folder();
    await t.okAsync('backups:create', {});
    const fake = Array.from({ length: 20 }, (_, i) => backupFileName(new Date(Date.UTC(2020, 5, 14 - i, 3)), 'auto'));
    for (const name of fake) writeFileSync(join(dir, name), '');
    const ctx = { db: t.db, actor: null, clock: fixedClock('2020-06-15T10:00:00.000Z'), session: { actor: null } };
    await takeBackup(ctx, 'auto');
    const autos = listBackupFiles(dir).filter((f) => f.kind === 'auto');
    // Today plus 13 earlier days, plus the newest of May (May 31) — April is older than the fakes reach.
    expect(autos).toHaveLength(15);
    expect(listBackupFiles(dir).filter((f) => f.kind === 'manuell')).toHaveLength(1);
  });
});

describe('read-only and recovery mode', () => {
  it('refuses every write with the reason, and leaves the file as it was', async () => {
    const before = t.counts();
    const dispatcher = createDispatcher({
      db: t.db,
      session: { actor: { id: t.member!.id, username: 'marit', role: 'administrator' } },
      readOnly: { mode: 'read-only', reason: 'Kari holder databasen.' },
    });
    const result = dispatcher.dispatch('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-01' });
    expect(result).toEqual({ ok: false, error: { code: 'storage', message: 'Kari holder databasen. Ingenting ble lagret.', fieldErrors: {} } });
    expect(dispatcher.dispatch('system:status', {})).toEqual({ ok: true, value: { mode: 'read-only', message: 'Kari holder databasen.' } });
    expect(t.counts()).toEqual(before);
  });

  it('restores over a damaged file, keeping the damaged copy, and asks for a restart', async () => {
    addCase('03/20-ST');
    const backup = await t.okAsync('backups:create', {});
    const path = t.path;
    t.db.close();
    // Overwrite pages after the header: the file opens but fails its checks.
    const damaged = new Database(path);
    const pageCount = damaged.pragma('page_count', { simple: true }) as number;
    damaged.close();
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(path, 'r+');
    for (let page = 1; page < pageCount; page++) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
    closeSync(fd);

    const standIn = await openDatabase(':memory:');
    const dispatcher = createDispatcher({
      db: standIn,
      clock: fixedClock('2020-06-16T08:00:00.000Z'),
      readOnly: { mode: 'recovery', reason: 'Databasen er skadet.', allow: ['backups:restore'], databasePath: path },
    });
    const list = dispatcher.dispatch('backups:list', {});
    expect(list).toMatchObject({ ok: true, value: { backups: [{ fileName: backup.fileName, intact: true }] } });
    expect(dispatcher.dispatch('cases:create', { municipalityId: 1, referralDate: '2020-03-01' })).toMatchObject({ ok: false, error: { code: 'storage' } });

    const result = await dispatcher.dispatchAsync('backups:restore', { fileName: backup.fileName });
    expect(result).toMatchObject({ ok: true, value: { restartRequired: true, safetyCopy: expect.stringMatching(/foer-gjenoppretting/) } });
    const reopened = await openDatabase(path);
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((reopened.sqlite.prepare('select count(*) as n from cases').get() as { n: number }).n).toBe(1);
    reopened.close();
    const kept = (result as { value: RestoreResultDto }).value.safetyCopy!;
    expect(readdirSync(folder())).toContain(kept);
  });
});
