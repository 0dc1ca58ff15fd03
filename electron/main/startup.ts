import { accessSync, constants, existsSync } from 'node:fs';
import { checkDatabaseFile } from '../db/integrity';
import { acquireLease, describeLeaseHolder, type Lease, type LeaseInfo } from '../db/lease';
import { isNetworkPath, openDatabase, type AppDatabase } from '../db/open';
import type { ReadOnlyState } from '../services/context';

export const RECOVERY_REASON =
  'Databasen besto ikke kontrollen ved oppstart og er åpnet skrivebeskyttet. Ingenting er endret eller slettet. Hent fram siste gode sikkerhetskopi.';

export const READ_ONLY_FILE_REASON =
  'Databasefilen er skrivebeskyttet for denne brukeren. Du kan logge inn og lese, men ikke lagre endringer. Be IT om skrivetilgang til filen.';

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface StartupInput {
  path: string;
  nativeBinding?: string;
  /** Who this instance is, for the lease on a network share: the Windows user and the PC's name. */
  holder: string;
  machine: string;
  now: () => Date;
  /** Whether this user may write the file (default: asked of the file system; root may write anything, so tests pass their own). */
  writable?: (path: string) => boolean;
  /** Treat the path as a network share (default: judged from the path). */
  network?: boolean;
}

export interface StartupDatabase {
  db: AppDatabase;
  readOnly: ReadOnlyState | null;
  lease: Lease | null;
}

/**
 * What still answers while another PC holds the lease. Signing in and out, so the data can be read, and
 * locking and unlocking: a screen that locks after idle time must open again.
 */
export const LEASE_READ_ONLY_ALLOW = ['session:sign-in', 'session:sign-out', 'session:lock', 'session:unlock'] as const;

/** Read-only because another PC holds the lease, naming who. */
export function leaseHeldElsewhere(by: LeaseInfo): ReadOnlyState {
  const { holder, machine, heartbeatAt } = by;
  return {
    mode: 'read-only',
    reason: describeLeaseHolder(by),
    leaseHolder: { holder, machine, heartbeatAt },
    allow: LEASE_READ_ONLY_ALLOW,
  };
}

/**
 * Decides how the database opens: normally; read-only when another PC holds the lease on a network
 * share; or read-only in recovery mode when `quick_check` fails. Recovery never repairs or deletes:
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
    return { db, readOnly, lease: null };
  }
  if (existsSync(input.path) && !(input.writable ?? writable)(input.path)) {
    // Members can still sign in and read; their sign-ins and case views wait beside the file (or in
    // this PC's folder) until someone who can write opens it.
    const readOnly: ReadOnlyState = { mode: 'read-only', reason: READ_ONLY_FILE_REASON, allow: LEASE_READ_ONLY_ALLOW, databasePath: input.path };
    return { db: await openDatabase(input.path, { ...binding, readonly: true }), readOnly, lease: null };
  }
  if (input.network ?? isNetworkPath(input.path)) {
    const outcome = acquireLease({ databasePath: input.path, holder: input.holder, machine: input.machine, now: input.now });
    if (outcome.kind === 'held') {
      return { db: await openDatabase(input.path, { ...binding, readonly: true }), readOnly: leaseHeldElsewhere(outcome.by), lease: null };
    }
    try {
      return { db: await openDatabase(input.path, binding), readOnly: null, lease: outcome.lease };
    } catch (error) {
      outcome.lease.release();
      throw error;
    }
  }
  return { db: await openDatabase(input.path, binding), readOnly: null, lease: null };
}
