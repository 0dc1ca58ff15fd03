import { existsSync, rmSync } from 'node:fs';
import { DatabaseOpenError } from '../db/errors';
import { checkDatabaseFile, type IntegrityReport } from '../db/integrity';
import { openDatabase, type AppDatabase } from '../db/open';
import { CliFailure } from './io';

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
 * and sets pragmas, which already writes). A file that cannot be opened at all is left to openDatabase,
 * which says why.
 */
export function refuseDamagedDatabase(path: string): void {
  let report: IntegrityReport;
  try {
    report = checkDatabaseFile(path, 'quick');
  } catch {
    return;
  }
  // Not an SQLite file at all: openDatabase refuses it as «ikke en Ettervern-database», which is the better answer.
  if (!report.ok && !report.problems.includes('SQLITE_NOTADB')) throw new DamagedDatabaseFailure(path, report);
}

/**
 * Opens (and migrates) the database a command works on. A missing file is refused unless `create`:
 * a mistyped path would otherwise quietly become a new, empty database.
 */
export async function openCliDatabase(path: string, options: { create?: boolean; upgradeDespiteOthers?: boolean } = {}): Promise<AppDatabase> {
  if (!options.create && !existsSync(path)) {
    throw new CliFailure(`Fant ikke databasefilen ${path}. Bruk --create for å lage en ny database.`);
  }
  if (existsSync(path)) refuseDamagedDatabase(path);
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

/** Opens the database for `work` and closes it again, whether the work succeeds or not. */
export async function withCliDatabase<T>(path: string, work: (db: AppDatabase) => T | Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  const db = await openCliDatabase(path, options);
  try {
    return await work(db);
  } catch (error) {
    // quick_check does not read every page: damage can also surface in the middle of the work.
    if (isCorruption(error)) throw damagedBy(path, error);
    throw error;
  } finally {
    db.close();
  }
}

const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Removes a database file with SQLite's files beside it: for a new database a failed command must not leave behind. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(`${path}${suffix}`, { force: true });
}
