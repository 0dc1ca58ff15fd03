import { accessSync, constants, existsSync } from 'node:fs';
import { checkDatabaseFile } from '../db/integrity';
import { openDatabase, type AppDatabase } from '../db/open';
import type { ReadOnlyState } from '../services/context';

export const RECOVERY_REASON =
  'Databasen besto ikke kontrollen ved oppstart og er åpnet skrivebeskyttet. Ingenting er endret eller slettet. Hent fram siste gode sikkerhetskopi.';

export const READ_ONLY_FILE_REASON =
  'Databasefilen er skrivebeskyttet for denne brukeren. Du kan logge inn og lese, men ikke lagre endringer. Be IT om skrivetilgang til filen.';

/**
 * What still answers when this PC may not write the file: signing in and out, so the data can be read,
 * and locking and unlocking: a screen that locks after idle time must open again.
 */
export const READ_ONLY_ALLOW = ['session:sign-in', 'session:sign-out', 'session:lock', 'session:unlock'] as const;

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Read-only, with restoring a backup as the only change allowed. */
export function recoveryState(databasePath: string): ReadOnlyState {
  return { mode: 'recovery', reason: RECOVERY_REASON, allow: ['backups:restore'], databasePath };
}

export interface StartupInput {
  path: string;
  nativeBinding?: string;
  /** Whether this user may write the file (default: asked of the file system; root may write anything, so tests pass their own). */
  writable?: (path: string) => boolean;
  /** Treat the path as remote (no WAL) whatever it looks like (default: judged from the path and Windows's drive types). */
  remote?: boolean;
  /** The user confirmed upgrading the shared file although colleagues had it open (see upgradeGuard). */
  upgradeDespiteOthers?: boolean;
  /** When `quick_check` runs (see db/checkPlan.ts): before opening (the default), or left to the caller. */
  check?: 'before-open' | 'by-caller';
}

export interface StartupDatabase {
  db: AppDatabase;
  readOnly: ReadOnlyState | null;
}

/**
 * Decides how the database opens: normally (a shared file in shared mode, see openDatabase); or
 * read-only in recovery mode when `quick_check` fails (unless the caller runs the check itself, in the
 * background, and switches to recovery mode if it fails). Recovery never repairs or deletes:
 * it only offers the backups. A file too damaged to open at all is stood in for by an empty in-memory
 * database so the recovery screen can still run.
 */
export async function openForStartup(input: StartupInput): Promise<StartupDatabase> {
  const binding = input.nativeBinding ? { nativeBinding: input.nativeBinding } : {};
  const checkFirst = (input.check ?? 'before-open') === 'before-open';
  if (checkFirst && existsSync(input.path) && !checkDatabaseFile(input.path, 'quick', input.nativeBinding).ok) {
    const readOnly = recoveryState(input.path);
    let db: AppDatabase;
    try {
      db = await openDatabase(input.path, { ...binding, readonly: true });
    } catch {
      db = await openDatabase(':memory:', binding);
    }
    return { db, readOnly };
  }
  if (existsSync(input.path) && !(input.writable ?? writable)(input.path)) {
    // Members can still sign in and read; their sign-ins and case views wait beside the file (or in
    // this PC's folder) until someone who can write opens it.
    const readOnly: ReadOnlyState = { mode: 'read-only', reason: READ_ONLY_FILE_REASON, allow: READ_ONLY_ALLOW, databasePath: input.path };
    return { db: await openDatabase(input.path, { ...binding, readonly: true }), readOnly };
  }
  const remote = input.remote === undefined ? {} : { remote: input.remote };
  return { db: await openDatabase(input.path, { ...binding, ...remote, upgradeDespiteOthers: input.upgradeDespiteOthers ?? false }), readOnly: null };
}
