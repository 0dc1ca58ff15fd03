import type { ApiError } from '@shared/contract';
import { TransactionConflictError } from '../../db/errors';
import { ServiceError } from './serviceError';

export type ErrorReporter = (report: { channel: string; errorName: string; sqliteCode?: string }) => void;

interface SqliteLikeError extends Error {
  code: string;
}

function isSqliteError(error: unknown): error is SqliteLikeError {
  return error instanceof Error && error.name === 'SqliteError' && typeof (error as SqliteLikeError).code === 'string';
}

/**
 * Turns anything a service throws into a typed Norwegian error. SQLite's own messages are never passed
 * on: they can quote values from the row.
 */
export function toApiError(error: unknown, channel: string, report?: ErrorReporter): ApiError {
  if (error instanceof ServiceError) {
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  // The server gave up on a write that kept colliding with colleagues' writes: busy, as SQLite's lock is.
  if (error instanceof TransactionConflictError) return { code: 'busy', message: error.message, fieldErrors: {} };
  if (isSqliteError(error)) {
    const code = error.code;
    if (code === 'SQLITE_FULL') return storage('Disken er full. Ingenting ble lagret – frigjør plass og prøv igjen.');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      // busy_timeout has already waited: another PC is writing, or one held its lock too long.
      return { code: 'busy', message: BUSY_MESSAGE, fieldErrors: {} };
    }
    // DBMOVED: the file is no longer where it was opened (its shared folder went away or was renamed);
    // SQLite refuses to write rather than create a journal beside nothing. It comes back with the folder.
    if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_READONLY_DBMOVED') {
      return { code: 'unavailable', message: UNAVAILABLE_MESSAGE, fieldErrors: {} };
    }
    if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
      return storage('Databasen kan ikke skrives til (skrivebeskyttet eller mangler tilgang). Ingenting ble lagret.');
    }
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return { code: 'conflict', message: 'Dette finnes allerede. Ingenting ble lagret.', fieldErrors: {} };
    }
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      return { code: 'validation', message: 'Endringen bryter en regel i databasen. Ingenting ble lagret.', fieldErrors: {} };
    }
    report?.({ channel, errorName: error.name, sqliteCode: code });
    return storage('Databasefeil. Ingenting ble lagret.');
  }
  report?.({ channel, errorName: error instanceof Error ? error.name : typeof error });
  return { code: 'internal', message: 'Noe gikk galt. Ingenting ble lagret.', fieldErrors: {} };
}

export const BUSY_MESSAGE = 'Databasen er opptatt akkurat nå. Prøv igjen om litt. Ingenting ble lagret.';
export const UNAVAILABLE_MESSAGE =
  'Fellesområdet er ikke tilgjengelig. Kontroller nettverket (VPN eller kabel) – Ettervern prøver igjen av seg selv. Ingenting ble lagret.';

function storage(message: string): ApiError {
  return { code: 'storage', message, fieldErrors: {} };
}
