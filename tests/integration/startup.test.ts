import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLease, leaseFilePath, readLease } from '../../electron/db/lease';
import { LEASE_LOST_REASON, startLeaseHeartbeat } from '../../electron/main/leaseHeartbeat';
import { openForStartup, RECOVERY_REASON } from '../../electron/main/startup';
import { fixedClock } from '../../electron/services/context';
import { createDispatcher } from '../../electron/services/dispatcher';
import { startBackupSchedule } from '../../electron/services/backups/schedule';
import { listBackupFiles } from '../../electron/services/backups/files';
import { createSettledDatabase } from '../support/fileState';
import { makeTempDir, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createSettledDatabase();
});
afterEach(() => t.close());

const now = () => new Date('2020-06-15T10:00:00Z');
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
    const started = await openForStartup({ path: t.path, holder: 'marit', machine: 'KONTOR-1', now });
    expect(started.readOnly).toBeNull();
    expect(started.db.sqlite.readonly).toBe(false);
    started.db.close();
  });

  it('opens a damaged database read-only in recovery mode, changing nothing, and offers the backups', async () => {
    await t.okAsync('backups:create', {});
    t.db.close();
    damage(t.path);
    const before = hash(t.path);
    const started = await openForStartup({ path: t.path, holder: 'marit', machine: 'KONTOR-1', now });
    expect(started.readOnly).toMatchObject({ mode: 'recovery', reason: RECOVERY_REASON, databasePath: t.path });
    const dispatcher = createDispatcher({ db: started.db, session: actor(), readOnly: started.readOnly });
    expect(dispatcher.dispatch('system:status', {})).toEqual({ ok: true, value: { mode: 'recovery', message: RECOVERY_REASON, leaseHolder: null } });
    const write = dispatcher.dispatch('cases:create', { municipalityId: 1, referralDate: '2020-03-02' });
    expect(write).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringContaining('skrivebeskyttet') } });
    expect(dispatcher.dispatch('backups:list', {})).toMatchObject({ ok: true, value: { backups: [{ intact: true }] } });
    started.db.close();
    expect(hash(t.path)).toBe(before);
  });

  it('stands in for a file that is not a database at all, so the recovery screen can still run', async () => {
    t.db.close();
    writeFileSync(t.path, Buffer.alloc(10_000, 0x41));
    const started = await openForStartup({ path: t.path, holder: 'marit', machine: 'KONTOR-1', now });
    expect(started.readOnly?.mode).toBe('recovery');
    expect(started.db.path).toBe(':memory:');
    started.db.close();
    expect(readFileSync(t.path)).toEqual(Buffer.alloc(10_000, 0x41));
  });
});

describe('single-writer lease on a network share', () => {
  it('lets one instance write and opens the second read-only, naming the holder', async () => {
    t.db.close();
    const first = await openForStartup({ path: t.path, holder: 'marit', machine: 'KONTOR-1', now, network: true });
    expect(first.readOnly).toBeNull();
    expect(readLease(t.path)).toMatchObject({ holder: 'marit', machine: 'KONTOR-1' });

    const second = await openForStartup({ path: t.path, holder: 'per', machine: 'KONTOR-2', now, network: true });
    expect(second.readOnly).toMatchObject({ mode: 'read-only', leaseHolder: { holder: 'marit', machine: 'KONTOR-1' } });
    expect(second.readOnly!.reason).toContain('marit på maskinen KONTOR-1');
    const dispatcher = createDispatcher({ db: second.db, session: actor(), readOnly: second.readOnly });
    expect(dispatcher.dispatch('cases:list', {}).ok).toBe(true);
    expect(dispatcher.dispatch('cases:create', { municipalityId: 1, referralDate: '2020-03-02' })).toMatchObject({ ok: false, error: { code: 'storage' } });
    second.db.close();

    first.lease!.release();
    first.db.close();
    const third = await openForStartup({ path: t.path, holder: 'per', machine: 'KONTOR-2', now, network: true });
    expect(third.readOnly).toBeNull();
    third.lease!.release();
    third.db.close();
  });

  it('takes over a lease whose heartbeat stopped, and the old holder learns it lost it', () => {
    const dir = makeTempDir();
    const path = join(dir.dir, 'db.sqlite');
    let clock = new Date('2020-06-15T10:00:00Z');
    const options = (holder: string) => ({ databasePath: path, holder, machine: 'PC', now: () => clock });
    const first = acquireLease(options('marit'));
    expect(first.kind).toBe('acquired');
    clock = new Date('2020-06-15T10:01:00Z');
    expect(acquireLease(options('per')).kind).toBe('held');
    if (first.kind === 'acquired') expect(first.lease.heartbeat()).toBe(true);
    clock = new Date('2020-06-15T10:04:00Z');
    const second = acquireLease(options('per'));
    expect(second.kind).toBe('acquired');
    if (first.kind === 'acquired') {
      expect(first.lease.heartbeat()).toBe(false);
      first.lease.release();
    }
    expect(readLease(path)?.holder).toBe('per');
    dir.cleanup();
  });
});

describe('losing the lease while running', () => {
  async function runningInstance() {
    t.db.close();
    let clock = new Date('2020-06-15T10:00:00Z');
    const started = await openForStartup({ path: t.path, holder: 'marit', machine: 'KONTOR-1', now: () => clock, network: true });
    const dispatcher = createDispatcher({ db: started.db, session: actor(), readOnly: started.readOnly });
    const ticks: (() => void)[] = [];
    const cleared: unknown[] = [];
    const lost: unknown[] = [];
    const stop = startLeaseHeartbeat({
      lease: started.lease!,
      databasePath: t.path,
      onLost: (state) => {
        lost.push(state);
        dispatcher.setReadOnly(state);
      },
      setInterval: (run) => (ticks.push(run), 'handle'),
      clearInterval: (handle) => cleared.push(handle),
    });
    return {
      started,
      dispatcher,
      lost,
      cleared,
      stop,
      tick: () => ticks.forEach((run) => run()),
      advance: (iso: string) => (clock = new Date(iso)),
    };
  }

  it('switches to read-only naming the PC that took the lease over, and stops renewing', async () => {
    const app = await runningInstance();
    const create = { municipalityId: 1, referralDate: '2020-03-02' };
    app.advance('2020-06-15T10:00:30Z');
    app.tick();
    expect(app.lost).toEqual([]);
    expect(app.dispatcher.dispatch('system:status', {})).toMatchObject({ ok: true, value: { mode: 'normal' } });
    expect(app.dispatcher.dispatch('cases:create', create).ok).toBe(true);

    // The PC slept past the stale limit; another one took the lease over.
    app.advance('2020-06-15T10:05:00Z');
    const other = acquireLease({ databasePath: t.path, holder: 'per', machine: 'KONTOR-2', now: () => new Date('2020-06-15T10:04:00Z') });
    expect(other.kind).toBe('acquired');
    app.tick();

    expect(app.lost).toHaveLength(1);
    expect(app.cleared).toEqual(['handle']);
    expect(app.dispatcher.dispatch('system:status', {})).toMatchObject({
      ok: true,
      value: { mode: 'read-only', leaseHolder: { holder: 'per', machine: 'KONTOR-2' } },
    });
    expect((app.dispatcher.dispatch('system:status', {}) as { value: { message: string } }).value.message).toContain('per på maskinen KONTOR-2');
    const before = app.started.db.sqlite.prepare('select count(*) as n from cases').get();
    expect(app.dispatcher.dispatch('cases:create', create)).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(app.started.db.sqlite.prepare('select count(*) as n from cases').get()).toEqual(before);
    expect(app.dispatcher.dispatch('cases:list', {}).ok).toBe(true);
    // An idle lock must still open again.
    expect(app.dispatcher.dispatch('session:lock', {}).ok).toBe(true);

    // Later ticks leave the new holder's lease alone.
    app.tick();
    expect(readLease(t.path)).toMatchObject({ holder: 'per', machine: 'KONTOR-2' });
    expect(app.lost).toHaveLength(1);
    app.started.db.close();
  });

  it('says so without a name when the lease file is gone', async () => {
    const app = await runningInstance();
    rmSync(leaseFilePath(t.path));
    app.tick();
    expect(app.dispatcher.dispatch('system:status', {})).toMatchObject({
      ok: true,
      value: { mode: 'read-only', message: LEASE_LOST_REASON, leaseHolder: null },
    });
    app.stop();
    app.started.db.close();
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
