import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

/**
 * What this connection has seen other connections commit. `PRAGMA data_version` changes whenever another
 * connection (another PC, the command line) has committed since this one last looked; reading it costs
 * one page read and no lock held beyond the read. When it moves, the migrations table is read too: a newer
 * Ettervern that migrated the shared file makes this instance stop writing.
 */
export interface DatabaseChanges {
  changeCount: number;
  upgradedByNewer: boolean;
  unavailable: boolean;
}

interface WatchState {
  dataVersion: number | null;
  changeCount: number;
  upgradedByNewer: boolean;
}

const states = new WeakMap<Database.Database, WatchState>();

function stateOf(sqlite: Database.Database): WatchState {
  let state = states.get(sqlite);
  if (!state) {
    state = { dataVersion: null, changeCount: 0, upgradedByNewer: false };
    states.set(sqlite, state);
  }
  return state;
}

/** Migrations the file has run that this code does not know: written by a newer Ettervern. */
export function unknownMigrations(sqlite: Database.Database, known: Record<string, unknown> = MIGRATIONS): string[] {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (!table) return [];
  const names = sqlite.prepare('select name from kysely_migration').pluck().all() as string[];
  return names.filter((name) => !(name in known));
}

/** Looks once: has anything been committed elsewhere since the last look, and is the schema still ours? */
export function pollChanges(sqlite: Database.Database, known: Record<string, unknown> = MIGRATIONS): DatabaseChanges {
  const state = stateOf(sqlite);
  try {
    const version = sqlite.pragma('data_version', { simple: true }) as number;
    if (state.dataVersion === null) {
      state.dataVersion = version;
      state.upgradedByNewer = unknownMigrations(sqlite, known).length > 0;
    } else if (version !== state.dataVersion) {
      state.dataVersion = version;
      state.changeCount += 1;
      // Sticky: once a newer version has been here, this code may not write into the file again.
      state.upgradedByNewer ||= unknownMigrations(sqlite, known).length > 0;
    }
    return { changeCount: state.changeCount, upgradedByNewer: state.upgradedByNewer, unavailable: false };
  } catch (error) {
    if (isUnavailable(error)) return { changeCount: state.changeCount, upgradedByNewer: state.upgradedByNewer, unavailable: true };
    throw error;
  }
}

/** The file or its folder cannot be reached: a network share gone (VPN down, cable out) or a file removed. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT' || code === 'EHOSTDOWN' || code === 'ENETUNREACH';
}
