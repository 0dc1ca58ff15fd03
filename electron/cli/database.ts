import { existsSync } from 'node:fs';
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
