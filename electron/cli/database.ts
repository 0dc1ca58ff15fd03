import { existsSync, rmSync } from 'node:fs';
import { DatabaseOpenError } from '../db/errors';
import { openDatabase, type AppDatabase } from '../db/open';
import { CliFailure } from './io';

/**
 * Opens (and migrates) the database a command works on. A missing file is refused unless `create`:
 * a mistyped path would otherwise quietly become a new, empty database.
 */
export async function openCliDatabase(path: string, options: { create?: boolean } = {}): Promise<AppDatabase> {
  if (!options.create && !existsSync(path)) {
    throw new CliFailure(`Fant ikke databasefilen ${path}. Bruk --create for å lage en ny database.`);
  }
  try {
    return await openDatabase(path);
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw new CliFailure(error.message);
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
  } finally {
    db.close();
  }
}

const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Removes a database file with SQLite's files beside it: for a new database a failed command must not leave behind. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(`${path}${suffix}`, { force: true });
}
