import type Database from 'better-sqlite3';

// Kept apart from open.ts (and free of Kysely) so a process that only writes, such as the crash test's
// writer, starts fast and still runs with exactly the app's connection settings.

/** Per-connection settings; none of them changes the file. */
export function applyPragmas(sqlite: Database.Database): void {
  // SQLite ships with foreign keys off; without this a time entry could point at a deleted case.
  sqlite.pragma('foreign_keys = ON');
  // Another process (the command line, a backup) may hold a lock for a moment; wait instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  // A committed entry must survive a power cut: sync the journal and the database at every commit.
  sqlite.pragma('synchronous = FULL');
}

/**
 * WAL lets reads run while a write commits, but needs shared memory that two PCs on one network file
 * cannot share. A file marked shared, or on a path that may be remote, gets the classic rollback journal:
 * SQLite's own file locks then hold one writer at a time, for the length of one write transaction.
 * Returns the mode set ('delete' or 'wal'), or null when it was left alone.
 */
export function applyJournalMode(sqlite: Database.Database, readonly: boolean, rollback: boolean): string | null {
  if (readonly || sqlite.memory) return null;
  return String(sqlite.pragma(`journal_mode = ${rollback ? 'DELETE' : 'WAL'}`, { simple: true }));
}
