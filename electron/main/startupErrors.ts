import { DatabaseOpenError } from '../db/errors';
import type { LogEvent } from './log';

export const STARTUP_FAILURE_TITLE = 'Ettervern kan ikke starte';

export interface StartupFailure {
  title: string;
  /** Norwegian, for the dialog. */
  message: string;
  /** For the log: the error's class and codes, never its message. */
  log: Extract<LogEvent, { event: 'database-open-failed' }>;
}

/** Turns a failure to open the database into a dialog text the team can act on. */
export function describeDatabaseOpenFailure(error: unknown): StartupFailure {
  const errorName = error instanceof Error ? error.name : typeof error;
  const code = errorCode(error);
  const log: StartupFailure['log'] = { event: 'database-open-failed', errorName };
  if (error instanceof DatabaseOpenError) {
    // These messages are written for the user and name no personal data.
    return { title: STARTUP_FAILURE_TITLE, message: error.message, log: { ...log, kind: error.kind } };
  }
  if (code?.startsWith('SQLITE_')) log.sqliteCode = code;
  return { title: STARTUP_FAILURE_TITLE, message: messageForCode(code), log };
}

function messageForCode(code: string | undefined): string {
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EPERM' || code?.startsWith('SQLITE_READONLY')) {
    return 'Databasefilen kunne ikke åpnes. Kontroller at mappen finnes og at du har skrivetilgang til den.';
  }
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
    return 'Databasen er i bruk av et annet program. Lukk det og start Ettervern på nytt.';
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return 'Databasefilen er skadet eller er ikke en Ettervern-database. Hent fram siste sikkerhetskopi.';
  }
  if (code === 'ERR_DLOPEN_FAILED') {
    return 'Databasemodulen passer ikke til denne versjonen av programmet. Installer Ettervern på nytt.';
  }
  return 'Databasen kunne ikke åpnes. Start Ettervern på nytt, og kontakt den som drifter programmet hvis feilen kommer igjen.';
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
