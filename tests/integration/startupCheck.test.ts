import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDeferredCheck } from '../../electron/main/backgroundCheck';
import { openForStartup, RECOVERY_REASON } from '../../electron/main/startup';
import {
  createCheckHistory,
  HISTORY_FOLDER,
  journalLeftBehind,
  planForFile,
  planIntegrityCheck,
  RECHECK_AFTER_MS,
  SMALL_FILE_BYTES,
} from '../../electron/db/checkPlan';
import type { ReadOnlyState } from '../../electron/services/context';
import { createSettledDatabase } from '../support/fileState';
import type { TestDatabase } from '../support/testDatabase';

const CHECK_HISTORY_CHILD = fileURLToPath(new URL('../support/checkHistoryChild.ts', import.meta.url));
const NOW = new Date('2026-03-02T08:00:00.000Z');
const LARGE = SMALL_FILE_BYTES + 1;
const clean = { openedWithoutClose: false, lastGoodCheck: null };
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3600_000).toISOString();

describe('when start-up checks the file', () => {
  it('checks a small file before every open, as before', () => {
    expect(
      planIntegrityCheck({
        sizeBytes: SMALL_FILE_BYTES,
        history: { openedWithoutClose: false, lastGoodCheck: hoursAgo(1) },
        journalLeftBehind: false,
        now: NOW,
      }),
    ).toBe('before-open');
  });

  it('treats a small file as a large one for an instance that opens per command (everyOpenUpToBytes 0)', () => {
    const small = { sizeBytes: 12 * 1024 * 1024, journalLeftBehind: false, now: NOW, everyOpenUpToBytes: 0 };
    expect(planIntegrityCheck({ ...small, history: { openedWithoutClose: false, lastGoodCheck: hoursAgo(1) } })).toBe('not-due');
    expect(planIntegrityCheck({ ...small, history: { openedWithoutClose: false, lastGoodCheck: hoursAgo(25) } })).toBe('in-background');
    expect(planIntegrityCheck({ ...small, history: { openedWithoutClose: true, lastGoodCheck: hoursAgo(1) } })).toBe('before-open');
    expect(planIntegrityCheck({ ...small, history: clean })).toBe('in-background');
  });

  it('checks a large file before opening after an unclean end: this PC crashed, or a journal was left beside the file', () => {
    const recent = hoursAgo(1);
    expect(planIntegrityCheck({ sizeBytes: LARGE, history: { openedWithoutClose: true, lastGoodCheck: recent }, journalLeftBehind: false, now: NOW })).toBe(
      'before-open',
    );
    expect(planIntegrityCheck({ sizeBytes: LARGE, history: { openedWithoutClose: false, lastGoodCheck: recent }, journalLeftBehind: true, now: NOW })).toBe(
      'before-open',
    );
  });

  it('checks a large file in the background when never checked or last checked a day or more ago, else not', () => {
    expect(planIntegrityCheck({ sizeBytes: LARGE, history: clean, journalLeftBehind: false, now: NOW })).toBe('in-background');
    const dayAgo = new Date(NOW.getTime() - RECHECK_AFTER_MS).toISOString();
    expect(planIntegrityCheck({ sizeBytes: LARGE, history: { openedWithoutClose: false, lastGoodCheck: dayAgo }, journalLeftBehind: false, now: NOW })).toBe(
      'in-background',
    );
    expect(
      planIntegrityCheck({ sizeBytes: LARGE, history: { openedWithoutClose: false, lastGoodCheck: hoursAgo(23) }, journalLeftBehind: false, now: NOW }),
    ).toBe('not-due');
  });
});

describe("this PC's memory of its checks", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ettervern-checks-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers an open without a clean quit, a clean quit and the last good check, per database file', () => {
    const history = createCheckHistory(dir, 'S:\\team\\ettervern.sqlite');
    expect(history.read()).toEqual(clean);
    history.opened();
    history.checkedGood(NOW);
    expect(createCheckHistory(dir, 'S:\\team\\ettervern.sqlite').read()).toEqual({ openedWithoutClose: true, lastGoodCheck: NOW.toISOString() });
    expect(createCheckHistory(dir, 'C:\\other.sqlite').read()).toEqual(clean);
    history.closed();
    expect(history.read()).toEqual({ openedWithoutClose: false, lastGoodCheck: NOW.toISOString() });
  });

  it('treats an unreadable memory as none (one check too many, never one too few)', () => {
    const history = createCheckHistory(dir, 'x.sqlite');
    history.checkedGood(NOW);
    const [memoryFile] = readdirSync(join(dir, HISTORY_FOLDER));
    writeFileSync(join(dir, HISTORY_FOLDER, memoryFile!), '{ not json');
    expect(history.read()).toEqual(clean);
  });

  it('loses no mark when several processes remember at once, and tells a colleague command at work from a crash', async () => {
    const child = (name: string, mode: 'good-and-open' | 'open-and-wait') =>
      spawn(process.execPath, ['--import', 'tsx', CHECK_HISTORY_CHILD, dir, name, mode, NOW.toISOString()]);
    const ended = (process: ChildProcess) => new Promise<number | null>((done) => process.on('exit', done));

    // Four command-line runs on four files remember at the same moment: none overwrites another's mark.
    const others = ['a.sqlite', 'b.sqlite', 'c.sqlite', 'd.sqlite'];
    expect(await Promise.all(others.map((name) => ended(child(name, 'good-and-open'))))).toEqual([0, 0, 0, 0]);
    for (const name of others) {
      // Each ended without closing and its process is gone: each file counts as left mid-write.
      expect(createCheckHistory(dir, name).read()).toEqual({ openedWithoutClose: true, lastGoodCheck: NOW.toISOString() });
    }

    // A command still running on the same file is at work, not crashed.
    const running = child('shared.sqlite', 'open-and-wait');
    const exit = ended(running);
    try {
      await new Promise((done) => running.stdout!.once('data', done));
      const shared = createCheckHistory(dir, 'shared.sqlite');
      expect(shared.read().openedWithoutClose).toBe(false);
      // This process opens and closes cleanly beside it; its clean end does not wipe the other's open.
      shared.opened();
      expect(shared.read().openedWithoutClose).toBe(true);
      shared.closed();
      expect(shared.read().openedWithoutClose).toBe(false);
    } finally {
      running.kill('SIGKILL');
      await exit;
    }
    // Killed before its clean end: now it is an unclean end.
    expect(createCheckHistory(dir, 'shared.sqlite').read().openedWithoutClose).toBe(true);
  }, 60_000);

  it('sees a journal left beside the file', () => {
    const path = join(dir, 'db.sqlite');
    writeFileSync(path, Buffer.alloc(10));
    expect(journalLeftBehind(path)).toBe(false);
    writeFileSync(`${path}-journal`, '');
    expect(journalLeftBehind(path)).toBe(false);
    writeFileSync(`${path}-journal`, Buffer.alloc(512));
    expect(journalLeftBehind(path)).toBe(true);
    expect(planForFile(join(dir, 'missing.sqlite'), clean, NOW)).toBe('not-due');
  });
});

describe('the background check', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createSettledDatabase();
  });
  afterEach(() => t.close());

  function damage(path: string): void {
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0x77), 0, 4096 * 4, 4096 * 2);
    closeSync(fd);
  }

  async function deferred(path: string) {
    const outcome: { damaged: ReadOnlyState | null; good: Date | null; failed: unknown } = { damaged: null, good: null, failed: null };
    await runDeferredCheck({
      path,
      history: { checkedGood: (at) => (outcome.good = at) },
      now: () => NOW,
      onDamaged: (state) => (outcome.damaged = state),
      onFailed: (error) => (outcome.failed = error),
    });
    return outcome;
  }

  it('opens without checking when the caller checks, and records a good check of a healthy file', async () => {
    t.db.close();
    const started = await openForStartup({ path: t.path, check: 'by-caller' });
    expect(started.readOnly).toBeNull();
    expect(await deferred(t.path)).toEqual({ damaged: null, good: NOW, failed: null });
    started.db.close();
  });

  it('finds a damaged file while it is open and asks for recovery mode, with restore the only write allowed', async () => {
    t.db.close();
    damage(t.path);
    const outcome = await deferred(t.path);
    expect(outcome.good).toBeNull();
    expect(outcome.damaged).toEqual({ mode: 'recovery', reason: RECOVERY_REASON, allow: ['backups:restore'], databasePath: t.path });
  });
});
