import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

/**
 * What this connection has seen other connections commit. `PRAGMA data_version` changes whenever another
 * connection (another PC, the command line) has committed since this one last looked; reading it costs
 * one page read and no lock held beyond the read. When it moves, the migrations table is read too: a newer
 * Ettervern that migrated the shared file makes this instance stop writing.
 *
 * Not every commit changes what the team works with: each open instance renews its presence every 30 s,
 * and refreshing every cached answer for that would reload every screen twice a minute per colleague.
 * Every write a user makes is audited in its own transaction, so the audit log's last id is a marker of
 * the last data write that nothing has to keep by hand: a commit that leaves it where it was (a heartbeat)
 * counts as presence only.
 */
export interface DatabaseChanges {
  /** Other connections' commits that wrote data. */
  changeCount: number;
  /** Other connections' commits that wrote no data: who has the file open (the presence heartbeat). */
  presenceCount: number;
  upgradedByNewer: boolean;
  unavailable: boolean;
}

interface WatchState {
  dataVersion: number | null;
  lastAuditId: number;
  changeCount: number;
  presenceCount: number;
  upgradedByNewer: boolean;
}

const states = new WeakMap<Database.Database, WatchState>();

function stateOf(sqlite: Database.Database): WatchState {
  let state = states.get(sqlite);
  if (!state) {
    state = { dataVersion: null, lastAuditId: 0, changeCount: 0, presenceCount: 0, upgradedByNewer: false };
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

/** The newest audit row's id: the end of the rowid tree, a page read or two however long the log is. */
function lastAuditId(sqlite: Database.Database): number {
  return (sqlite.prepare('select coalesce(max(id), 0) from audit_log').pluck().get() as number) ?? 0;
}

/** Looks once: has anything been committed elsewhere since the last look, and is the schema still ours? */
export function pollChanges(sqlite: Database.Database, known: Record<string, unknown> = MIGRATIONS): DatabaseChanges {
  const state = stateOf(sqlite);
  try {
    const version = sqlite.pragma('data_version', { simple: true }) as number;
    // Read on every look, so this instance's own writes (which do not move data_version) are not taken
    // for a colleague's; while nobody else commits, the pages it reads are in the cache already.
    const audited = lastAuditId(sqlite);
    if (state.dataVersion === null) {
      state.dataVersion = version;
      state.upgradedByNewer = unknownMigrations(sqlite, known).length > 0;
    } else if (version !== state.dataVersion) {
      state.dataVersion = version;
      // Sticky: once a newer version has been here, this code may not write into the file again.
      state.upgradedByNewer ||= unknownMigrations(sqlite, known).length > 0;
      // Any other id than the last seen (lower too: a restored copy) means data was written. An own write
      // since the last look counts too: one refresh more than needed, never one too few.
      if (audited !== state.lastAuditId) state.changeCount += 1;
      else state.presenceCount += 1;
    }
    state.lastAuditId = audited;
    return answer(state, false);
  } catch (error) {
    if (isUnavailable(error)) return answer(state, true);
    throw error;
  }
}

function answer(state: WatchState, unavailable: boolean): DatabaseChanges {
  return { changeCount: state.changeCount, presenceCount: state.presenceCount, upgradedByNewer: state.upgradedByNewer, unavailable };
}

/** The file or its folder cannot be reached: a network share gone (VPN down, cable out) or a file removed. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    // The file is no longer where it was opened: its folder went away (see toApiError).
    code === 'SQLITE_READONLY_DBMOVED' ||
    code === 'ENOENT' ||
    code === 'EHOSTDOWN' ||
    code === 'ENETUNREACH'
  );
}
