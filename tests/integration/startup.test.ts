import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openForStartup, RECOVERY_REASON } from '../../electron/main/startup';
import { fixedClock } from '../../electron/services/context';
import { createDispatcher } from '../../electron/services/dispatcher';
import { startBackupSchedule } from '../../electron/services/backups/schedule';
import { listBackupFiles } from '../../electron/services/backups/files';
import { createSettledDatabase } from '../support/fileState';
import type { TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createSettledDatabase();
});
afterEach(() => t.close());

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const actor = () => ({ actor: { id: t.member!.id, username: 'marit', role: 'administrator' as const } });

function damage(path: string): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 4, 0x77), 0, 4096 * 4, 4096 * 2);
  closeSync(fd);
}

describe('integrity check at start-up', () => {
  it('opens a healthy database for writing', async () => {
    t.db.close();
    const started = await openForStartup({ path: t.path });
    expect(started.readOnly).toBeNull();
    expect(started.db.sqlite.readonly).toBe(false);
    started.db.close();
  });

  it('opens a damaged database read-only in recovery mode, changing nothing, and offers the backups', async () => {
    await t.okAsync('backups:create', {});
    t.db.close();
    damage(t.path);
    const before = hash(t.path);
    const started = await openForStartup({ path: t.path });
    expect(started.readOnly).toMatchObject({ mode: 'recovery', reason: RECOVERY_REASON, databasePath: t.path });
    const dispatcher = createDispatcher({ db: started.db, session: actor(), readOnly: started.readOnly });
    expect(dispatcher.dispatch('system:status', {})).toEqual({ ok: true, value: { mode: 'recovery', message: RECOVERY_REASON } });
    const write = dispatcher.dispatch('cases:create', { municipalityId: 1, referralDate: '2020-03-02' });
    expect(write).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringContaining('skrivebeskyttet') } });
    expect(dispatcher.dispatch('backups:list', {})).toMatchObject({ ok: true, value: { backups: [{ intact: true }] } });
    started.db.close();
    expect(hash(t.path)).toBe(before);
  });

  it('stands in for a file that is not a database at all, so the recovery screen can still run', async () => {
    t.db.close();
    writeFileSync(t.path, Buffer.alloc(10_000, 0x41));
    const started = await openForStartup({ path: t.path });
    expect(started.readOnly?.mode).toBe('recovery');
    expect(started.db.path).toBe(':memory:');
    started.db.close();
    expect(readFileSync(t.path)).toEqual(Buffer.alloc(10_000, 0x41));
  });
});

describe('no lease: every instance on a shared file writes', () => {
  it('opens the same remote file for writing in two instances at once, with the rollback journal', async () => {
    t.db.close();
    const first = await openForStartup({ path: t.path, remote: true });
    const second = await openForStartup({ path: t.path, remote: true });
    for (const started of [first, second]) {
      expect(started.readOnly).toBeNull();
      expect(started.db.shared).toBe(true);
      expect(started.db.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    }
    const cases = () => first.db.sqlite.prepare('select count(*) from cases').pluck().get() as number;
    const before = cases();
    const one = createDispatcher({ db: first.db, session: actor() });
    const two = createDispatcher({ db: second.db, session: actor() });
    expect(one.dispatch('cases:create', { municipalityId: 1, referralDate: '2020-03-02' }).ok).toBe(true);
    expect(two.dispatch('cases:create', { municipalityId: 1, referralDate: '2020-03-03' }).ok).toBe(true);
    expect(one.dispatch('system:status', {})).toEqual({ ok: true, value: { mode: 'normal', message: null } });
    expect(cases()).toBe(before + 2);
    expect(existsSync(`${t.path}-wal`)).toBe(false);
    first.db.close();
    second.db.close();
  });
});

describe('backup schedule', () => {
  it('backs up at start, then once a day', async () => {
    let clock = '2020-06-15T10:00:00.000Z';
    const ctx = { db: t.db, actor: null, session: { actor: null }, clock: { now: () => fixedClock(clock).now() } };
    const errors: unknown[] = [];
    const schedule = startBackupSchedule({ ctx, onError: (e) => errors.push(e), setInterval: () => 0, clearInterval: () => undefined });
    const atStart = await schedule.runIfDue();
    expect(atStart?.kind).toBe('auto');
    expect(await schedule.runIfDue()).toBeNull();
    clock = '2020-06-16T09:00:00.000Z';
    expect((await schedule.runIfDue())?.createdAt).toBe('2020-06-16T09:00:00.000Z');
    expect(listBackupFiles(join(t.dir, 'sikkerhetskopier')).map((f) => f.kind)).toEqual(['auto', 'auto']);
    expect(errors).toEqual([]);
    schedule.stop();
  });
});
