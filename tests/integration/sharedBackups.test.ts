import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { markShared } from '../../electron/db/sharing';
import { fixedClock, type ServiceContext } from '../../electron/services/context';
import { startBackupSchedule, type BackupSchedule } from '../../electron/services/backups/schedule';
import { listBackupFiles } from '../../electron/services/backups/files';
import { createTestDatabase, makeTempDir, TEST_NOW, versionOf, type TestDatabase } from '../support/testDatabase';

/** Two instances (two connections, two schedules) on one shared file, as two PCs would have. */
let t: TestDatabase;
let other: AppDatabase;
let schedules: BackupSchedule[] = [];
let clock = TEST_NOW;

beforeEach(async () => {
  t = await createTestDatabase({ open: { remote: true } });
  markShared(t.db.sqlite, new Date(TEST_NOW), t.member!.id);
  other = await openDatabase(t.path, { remote: true });
  clock = TEST_NOW;
});
afterEach(() => {
  for (const schedule of schedules) schedule.stop();
  schedules = [];
  other.close();
  t.close();
});

function schedule(db: AppDatabase, errors: unknown[]): BackupSchedule {
  const ctx: ServiceContext = { db, actor: null, session: { actor: null }, clock: { now: () => fixedClock(clock).now() } };
  const started = startBackupSchedule({ ctx, onError: (e) => errors.push(e), setInterval: () => 0, clearInterval: () => undefined });
  schedules.push(started);
  return started;
}

const sharedFolder = () => join(t.dir, 'sikkerhetskopier');
const autoBackups = (folder: string) => listBackupFiles(folder).filter((f) => f.kind === 'auto');
const claims = () =>
  t.db.sqlite.prepare('select day, instance_id, file_name from daily_backup_claims order by day').all() as {
    day: string;
    instance_id: string;
    file_name: string | null;
  }[];

describe('daily backup of a shared database', () => {
  it('two instances starting on the same day make one backup, in sikkerhetskopier beside the shared file', async () => {
    const errors: unknown[] = [];
    const first = schedule(t.db, errors);
    const second = schedule(other, errors);
    const results = [await first.runIfDue(), await second.runIfDue(), await first.runIfDue(), await second.runIfDue()];
    expect(autoBackups(sharedFolder())).toHaveLength(1);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(claims()).toEqual([{ day: '2020-06-15', instance_id: t.db.instanceId, file_name: autoBackups(sharedFolder())[0]!.fileName }]);
    // The next day, whichever instance asks first takes it, once.
    clock = '2020-06-16T08:00:00.000Z';
    expect((await second.runIfDue())?.kind).toBe('auto');
    expect(await first.runIfDue()).toBeNull();
    expect(autoBackups(sharedFolder())).toHaveLength(2);
    expect(claims().map((c) => [c.day, c.instance_id])).toEqual([
      ['2020-06-15', t.db.instanceId],
      ['2020-06-16', other.instanceId],
    ]);
    expect(errors).toEqual([]);
  });

  it('a chosen folder in the settings is ignored as the main place and gets a second copy when it exists on this PC', async () => {
    const local = makeTempDir('ettervern-lokal-');
    try {
      await t.okAsync('settings:update', { backupFolder: local.dir, version: versionOf(t, 'settings', 1) });
      const errors: unknown[] = [];
      const backup = await schedule(t.db, errors).runIfDue();
      expect(backup).not.toBeNull();
      expect(autoBackups(sharedFolder()).map((f) => f.fileName)).toEqual([backup!.fileName]);
      expect(autoBackups(local.dir).map((f) => f.fileName)).toEqual([backup!.fileName]);
      expect(errors).toEqual([]);
    } finally {
      local.cleanup();
    }
  });

  it('a backup that fails gives the day back, so a later try (here or on another PC) takes it', async () => {
    // A file where the backup folder should be: the backup cannot be written.
    const blocker = sharedFolder();
    writeFileSync(blocker, 'ikke en mappe');
    const errors: unknown[] = [];
    const first = schedule(t.db, errors);
    expect(await first.runIfDue()).toBeNull();
    expect(errors).toHaveLength(1);
    expect(claims()).toEqual([]);
    rmSync(blocker);
    expect((await schedule(other, []).runIfDue())?.kind).toBe('auto');
    expect(claims().map((c) => c.instance_id)).toEqual([other.instanceId]);
  });
});
