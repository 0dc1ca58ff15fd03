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

export function applyJournalMode(sqlite: Database.Database, path: string, readonly: boolean): void {
  if (readonly || path === ':memory:') return;
  // WAL lets reads run while a write commits, but needs shared memory that network file systems do
  // not provide reliably; on a network path the classic rollback journal is the safe choice.
  sqlite.pragma(`journal_mode = ${isNetworkPath(path) ? 'DELETE' : 'WAL'}`);
}

/** UNC paths (\\server\share) and mapped network mounts under /mnt, /net or /Volumes count as network. */
export function isNetworkPath(path: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/]/.test(path) || /^\/(net|Volumes)\//.test(path);
}
