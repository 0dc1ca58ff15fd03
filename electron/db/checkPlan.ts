import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether start-up checks the database file (`quick_check`) before opening it, while the app is already in
 * use, or not at all this time. The command line asks the same question at every command (it has no
 * background, so it checks at once whenever a check is due). A whole-file check on every open cost 2.6 s on a 1M-entry file (255 MB),
 * read across the network by every PC on a shared folder; a damaged page is also reported by SQLite
 * itself when it is read, so a daily check plus a check after every unclean end is enough.
 */
export type CheckPlan = 'before-open' | 'in-background' | 'not-due';

/** Up to this size the check costs well under half a second: the app runs it before every open, as it always has. */
export const SMALL_FILE_BYTES = 64 * 1024 * 1024;
/** A large file is checked again (in the background) when its last good check is older than this. */
export const RECHECK_AFTER_MS = 24 * 60 * 60 * 1000;

/** What this PC remembers about one database file. */
export interface CheckHistory {
  /** The app opened it and did not reach a clean quit (a crash, a power cut, a killed process). */
  openedWithoutClose: boolean;
  /** When a check last found it intact (ISO UTC), or null. */
  lastGoodCheck: string | null;
}

export interface PlanInput {
  sizeBytes: number;
  history: CheckHistory;
  /** SQLite's own sign of a writer that stopped mid-way: a journal (or write-ahead log) left beside the file. */
  journalLeftBehind: boolean;
  now: Date;
  /**
   * Files up to this size are checked before every open (default SMALL_FILE_BYTES): cheap once per app
   * start. The command line, which opens the file once per command, passes 0 when it remembers the file's
   * checks, so a small file follows the same rules as a large one there (see electron/cli/database.ts).
   */
  everyOpenUpToBytes?: number;
}

export function planIntegrityCheck(input: PlanInput): CheckPlan {
  // After an unclean end the file is checked before anything writes to it, whatever its size.
  if (input.history.openedWithoutClose || input.journalLeftBehind) return 'before-open';
  if (input.sizeBytes <= (input.everyOpenUpToBytes ?? SMALL_FILE_BYTES)) return 'before-open';
  const last = input.history.lastGoodCheck === null ? Number.NaN : Date.parse(input.history.lastGoodCheck);
  if (!(input.now.getTime() - last < RECHECK_AFTER_MS)) return 'in-background';
  return 'not-due';
}

/** A non-empty journal or WAL file beside the database. */
export function journalLeftBehind(path: string): boolean {
  return ['-journal', '-wal'].some((suffix) => existsSync(path + suffix) && statSync(path + suffix).size > 0);
}

/** The plan for the file at `path`; a file that is not there yet (a new database) has nothing to check. */
export function planForFile(path: string, history: CheckHistory, now: Date, everyOpenUpToBytes?: number): CheckPlan {
  if (!existsSync(path)) return 'not-due';
  return planIntegrityCheck({
    sizeBytes: statSync(path).size,
    history,
    journalLeftBehind: journalLeftBehind(path),
    now,
    ...(everyOpenUpToBytes === undefined ? {} : { everyOpenUpToBytes }),
  });
}

/** The folder, inside this PC's own folder, that holds one small memory per database file. */
export const HISTORY_FOLDER = 'database-checks';
/** A PC that remembers nothing about the file (the command line without a folder of its own): a check is always due. */
export const NO_HISTORY: CheckHistory = { openedWithoutClose: false, lastGoodCheck: null };

/** Whether process `pid` still runs (signal 0 only asks); EPERM means it runs under another user. */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * This PC's memory of its database files, in its own folder (never beside a shared file): a hash of the
 * path and times only. A missing or unreadable memory is no history, so the worst case is one check too many.
 *
 * Several processes remember at once (the app and command-line runs, or two scripted commands), so nothing
 * is read, changed and written back: each database file has its own memory file, replaced whole, and each
 * open is a marker file of its own process, made at the open and removed at its clean end. A marker left by
 * a process that no longer runs — or by this one, which has not closed — is an unclean end; a marker of a
 * process still running is a colleague command at work, not a crash. (A dead process's number taken by a
 * new process hides its marker until that process ends: then the daily check is the bound, as for a large file.)
 */
export function createCheckHistory(userDataDir: string, databasePath: string) {
  const folder = join(userDataDir, HISTORY_FOLDER);
  const key = createHash('sha256').update(databasePath).digest('hex').slice(0, 32);
  const memoryFile = join(folder, `${key}.json`);
  const markerPrefix = `${key}.open-`;
  const ownMarker = join(folder, `${markerPrefix}${process.pid}`);
  const readLastGood = (): string | null => {
    try {
      const parsed = JSON.parse(readFileSync(memoryFile, 'utf8')) as { lastGoodCheck?: unknown } | null;
      return typeof parsed?.lastGoodCheck === 'string' ? parsed.lastGoodCheck : null;
    } catch {
      return null;
    }
  };
  const uncleanMarkerLeft = (): boolean => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return false;
    }
    return names.some((name) => {
      if (!name.startsWith(markerPrefix)) return false;
      const pid = Number(name.slice(markerPrefix.length));
      return !Number.isSafeInteger(pid) || pid === process.pid || !processRuns(pid);
    });
  };
  const writeLastGood = (lastGoodCheck: string | null) => {
    mkdirSync(folder, { recursive: true });
    // Written beside and renamed over, so a crash while writing leaves the old memory, not half a file.
    const temporary = `${memoryFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ lastGoodCheck }));
    renameSync(temporary, memoryFile);
  };
  return {
    read(): CheckHistory {
      return { openedWithoutClose: uncleanMarkerLeft(), lastGoodCheck: readLastGood() };
    },
    opened: () => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(ownMarker, '');
    },
    closed: () => rmSync(ownMarker, { force: true }),
    checkedGood: (at: Date) => writeLastGood(at.toISOString()),
    /** The check failed: no good check is remembered, so the next open checks again before anything writes. */
    checkedBad: () => writeLastGood(null),
  };
}

export type CheckHistoryStore = ReturnType<typeof createCheckHistory>;
