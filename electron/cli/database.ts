import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCheckHistory, planForFile, type CheckHistoryStore } from '../db/checkPlan';
import { DatabaseOpenError } from '../db/errors';
import { checkDatabaseFile, type IntegrityReport } from '../db/integrity';
import { openDatabase, type AppDatabase } from '../db/open';
import { updateWitness, type WitnessKey } from '../services/audit/witness';
import { keyFromFile } from '../services/audit/witnessKeyFile';
import { WITNESS_DIR_ENV } from './commandSpecs';
import { CliFailure, type CliIo } from './io';
import { cliStateFolder } from './stateFolder';

/**
 * This PC as a command sees it: its own folder (--vitnemappe, else ETTERVERN_VITNEMAPPE; the command
 * line's counterpart of the app's user-data folder), and the run's clock and output.
 */
export interface CliPc {
  /** Where the witness and its key are kept; without it the command keeps no witness. */
  folder: string | undefined;
  /**
   * Where this user's memory of the file's checks is kept: the folder above, else the command line's own
   * folder beside the app's (stateFolder.ts). The witness is not moved there: a key file is only made
   * where the user asked for one.
   */
  checkFolder: string | null;
  io: CliIo;
}

export function thisPc(option: string | undefined, io: CliIo): CliPc {
  const folder = option ?? (process.env[WITNESS_DIR_ENV]?.trim() || undefined);
  return { folder, checkFolder: folder ?? cliStateFolder(), io };
}

/** The witness key in this PC's folder (made there on first use), for a dispatcher that checks or moves the witness itself. */
export function witnessOptions(pc: CliPc): { userDataDir?: string; witnessKey?: WitnessKey } {
  return pc.folder ? { userDataDir: pc.folder, witnessKey: keyFromFile(pc.folder) } : {};
}

/**
 * The one step every command that opens a database ends with: this PC's signed witness moves to the
 * audit log's head, as after every write in the app. Without it, a tail cut back to the head from before
 * a command-line import, sign-in or restore would pass `audit verify`. updateWitness never moves a
 * witness the chain no longer contains (unless a recorded restore explains it), so this cannot launder an
 * edit made before the command. A witness that cannot be written does not undo the committed work; it is
 * said on stderr.
 */
function moveWitness(db: AppDatabase, pc: CliPc | undefined): void {
  if (!pc?.folder) return;
  try {
    updateWitness(db, pc.folder, keyFromFile(pc.folder), pc.io.now());
  } catch (error) {
    pc.io.err(`Revisjonsvitnet i ${pc.folder} ble ikke oppdatert (${errorCode(error)}).`);
  }
}

export interface CliDatabaseOptions {
  /** Make the file when it is missing. */
  create?: boolean;
  upgradeDespiteOthers?: boolean;
  /** This PC: what it remembers of the file's checks, and its witness, which moves once the work is done (see moveWitness). */
  pc?: CliPc;
  /** False for `audit verify`, which moves the witness itself, and only when the log passed. */
  witnessMoves?: boolean;
}

/** The file failed `quick_check`: nothing is read from it or written to it, as in the app's recovery mode. */
export class DamagedDatabaseFailure extends CliFailure {
  constructor(
    readonly path: string,
    readonly report: IntegrityReport,
  ) {
    super(
      `Databasen ${path} besto ikke kontrollen (quick_check) og er ikke brukt. Ingenting er endret eller slettet. ` +
        'Hent fram siste gode sikkerhetskopi med «restore --db FIL --from SIKKERHETSKOPI»; den skadede filen legges da til side.',
    );
  }
}

/** SQLite's own words for a damaged file, as better-sqlite3 reports them. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

function damagedBy(path: string, error: unknown): DamagedDatabaseFailure {
  return new DamagedDatabaseFailure(path, { ok: false, problems: [String((error as { code: string }).code)], foreignKeyViolations: 0 });
}

/**
 * `quick_check` on a read-only connection before anything opens the file for writing (opening migrates
 * and sets pragmas, which already writes). True when the check ran and found the file intact. A file that
 * cannot be opened at all is left to openDatabase, which says why.
 */
function refuseDamagedDatabase(path: string): boolean {
  let report: IntegrityReport;
  try {
    report = checkDatabaseFile(path, 'quick');
  } catch {
    return false;
  }
  // Not an SQLite file at all: openDatabase refuses it as «ikke en Ettervern-database», which is the better answer.
  if (!report.ok && !report.problems.includes('SQLITE_NOTADB')) throw new DamagedDatabaseFailure(path, report);
  return report.ok;
}

/**
 * This PC's memory of the file's checks, in its folder. Without one (no home folder, or the default folder
 * cannot be made) nothing is remembered and every open checks: the worst case is a check too many.
 */
function checkMemory(path: string, pc: CliPc | undefined): CheckHistoryStore | null {
  if (!pc?.checkFolder) return null;
  // A folder the user named (--vitnemappe) must work, as its witness must; the default one may fail quietly.
  if (pc.checkFolder === pc.folder) {
    mkdirSync(pc.checkFolder, { recursive: true });
    return createCheckHistory(pc.checkFolder, resolve(path));
  }
  try {
    mkdirSync(pc.checkFolder, { recursive: true });
  } catch {
    return null;
  }
  return forgivingMemory(createCheckHistory(pc.checkFolder, resolve(path)), pc);
}

const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : typeof error;
};

/**
 * The default folder's memory, whose writes never fail a command (a full or locked-down profile folder).
 * One that could not be written is said on stderr: until it can, an unclean end may go unremembered, and
 * only the journal rule catches a write left half-done.
 */
function forgivingMemory(store: CheckHistoryStore, pc: CliPc): CheckHistoryStore {
  let told = false;
  const forgiving =
    <A extends unknown[]>(write: (...args: A) => void) =>
    (...args: A) => {
      try {
        write(...args);
      } catch (error) {
        if (!told) pc.io.err(`Kunne ikke huske kontrollen av databasefilen i ${pc.checkFolder} (${errorCode(error)}).`);
        told = true;
      }
    };
  return {
    read: store.read,
    opened: forgiving(store.opened),
    closed: forgiving(store.closed),
    checkedGood: forgiving(store.checkedGood),
    checkedBad: forgiving(store.checkedBad),
  };
}

/**
 * The app's own decision (db/checkPlan.ts) instead of a whole-file read on every command, which on a shared
 * folder crosses the network for every scripted call: checked after an unclean end or with a journal left
 * beside the file, while its last check failed, and otherwise once a day. The command line has no
 * background, so a due check runs before the open. A failed check leaves no good check remembered, so the
 * file is checked, and refused, again at the next command before anything writes to it.
 *
 * Small files too: the app checks them at every open because that is once per start, but a command is a
 * start of its own, and scripts run many (0.2–0.4 s measured on the 12 MB demo file: most of a status call).
 * What the check is for stays covered: an interrupted write (the usual cause of damage) by the unclean-end
 * and journal rules; damage in a page a command reads by SQLite itself (SQLITE_CORRUPT: the command is
 * refused and the failed check remembered, so the next one checks before writing); damage nobody reads by
 * the daily check, the bound the app has for large files. Without a memory of the file (a file never seen,
 * no home folder) every open is checked, as before.
 */
function checkWhenDue(path: string, memory: CheckHistoryStore | null, now: Date): void {
  if (!existsSync(path)) return;
  if (memory && planForFile(path, memory.read(), now, 0) === 'not-due') return;
  let intact: boolean;
  try {
    intact = refuseDamagedDatabase(path);
  } catch (error) {
    memory?.checkedBad();
    throw error;
  }
  if (intact) memory?.checkedGood(now);
}

/**
 * Opens (and migrates) the database a command works on. A missing file is refused unless `create`:
 * a mistyped path would otherwise quietly become a new, empty database.
 */
async function openCliDatabase(path: string, options: CliDatabaseOptions, memory: CheckHistoryStore | null): Promise<AppDatabase> {
  if (!options.create && !existsSync(path)) {
    throw new CliFailure(`Fant ikke databasefilen ${path}. Bruk --create for å lage en ny database.`);
  }
  checkWhenDue(path, memory, options.pc?.io.now() ?? new Date());
  try {
    return await openDatabase(path, { upgradeDespiteOthers: options.upgradeDespiteOthers ?? false });
  } catch (error) {
    if (error instanceof DatabaseOpenError && error.kind === 'others-present') {
      throw new CliFailure(`${error.message} Når de har lukket, eller du har avtalt det med dem: «upgrade --db ${path} --force».`);
    }
    if (error instanceof DatabaseOpenError) throw new CliFailure(error.message);
    if (isCorruption(error)) throw damagedBy(path, error);
    if (error instanceof Error && error.name === 'SqliteError') {
      throw new CliFailure(`Kunne ikke åpne databasefilen ${path} (mangler tilgang, eller mappen finnes ikke).`);
    }
    throw error;
  }
}

/**
 * Opens the database for `work` and closes it again, whether the work succeeds or not. The witness moves
 * after a refusal too: a refused sign-in is itself a row in the log.
 */
export async function withCliDatabase<T>(path: string, work: (db: AppDatabase) => T | Promise<T>, options: CliDatabaseOptions = {}): Promise<T> {
  const memory = checkMemory(path, options.pc);
  const db = await openCliDatabase(path, options, memory);
  // Until the command ends cleanly, this PC counts the file as possibly left mid-write (checked at the next open).
  memory?.opened();
  let damaged = false;
  try {
    return await work(db);
  } catch (error) {
    // quick_check does not read every page (and is not run on every open): damage can surface mid-work.
    if (isCorruption(error)) {
      damaged = true;
      memory?.checkedBad();
      throw damagedBy(path, error);
    }
    throw error;
  } finally {
    // A damaged file's log cannot be trusted to move a witness on.
    if (!damaged && options.witnessMoves !== false) moveWitness(db, options.pc);
    db.close();
    memory?.closed();
  }
}

const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Removes a database file with SQLite's files beside it: for a new database a failed command must not leave behind. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(`${path}${suffix}`, { force: true });
}
