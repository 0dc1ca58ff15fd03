import { existsSync } from 'node:fs';
import { checkDatabaseFile } from '../db/integrity';
import { openDatabase, type AppDatabase } from '../db/open';
import type { ReadOnlyState } from '../services/context';

export const RECOVERY_REASON =
  'Databasen besto ikke kontrollen ved oppstart og er åpnet skrivebeskyttet. Ingenting er endret eller slettet. Hent fram siste gode sikkerhetskopi.';

export interface StartupInput {
  path: string;
  nativeBinding?: string;
  /** Treat the path as remote (no WAL) whatever it looks like (default: judged from the path and Windows's drive types). */
  remote?: boolean;
}

export interface StartupDatabase {
  db: AppDatabase;
  readOnly: ReadOnlyState | null;
}

/**
 * Decides how the database opens: normally (a shared file in shared mode, see openDatabase); or
 * read-only in recovery mode when `quick_check` fails. Recovery never repairs or deletes:
 * it only offers the backups. A file too damaged to open at all is stood in for by an empty in-memory
 * database so the recovery screen can still run.
 */
export async function openForStartup(input: StartupInput): Promise<StartupDatabase> {
  const binding = input.nativeBinding ? { nativeBinding: input.nativeBinding } : {};
  if (existsSync(input.path) && !checkDatabaseFile(input.path, 'quick', input.nativeBinding).ok) {
    const readOnly: ReadOnlyState = { mode: 'recovery', reason: RECOVERY_REASON, allow: ['backups:restore'], databasePath: input.path };
    let db: AppDatabase;
    try {
      db = await openDatabase(input.path, { ...binding, readonly: true });
    } catch {
      db = await openDatabase(':memory:', binding);
    }
    return { db, readOnly };
  }
  return { db: await openDatabase(input.path, { ...binding, ...(input.remote === undefined ? {} : { remote: input.remote }) }), readOnly: null };
}
