import type Database from 'better-sqlite3';

// Kept free of Kysely, like pragmas.ts: opening a file decides its journal mode from this before the
// query builder exists.

/** Whether the file says it is the team's shared database (a row in `database_sharing`, migration 0012). */
export function isMarkedShared(sqlite: Database.Database): boolean {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'database_sharing'").get();
  if (!table) return false;
  return sqlite.prepare('select 1 from database_sharing where id = 1').get() !== undefined;
}

/** Marks the file as shared: from now on every PC opens it with the rollback journal and short write locks. */
export function markShared(sqlite: Database.Database, at: Date, by: number | null): void {
  sqlite
    .prepare(
      'insert into database_sharing (id, shared_at, shared_by) values (1, ?, ?) on conflict (id) do update set shared_at = excluded.shared_at, shared_by = excluded.shared_by',
    )
    .run(at.toISOString(), by);
}

/** How many migrations the file has run: the schema version the change watcher compares. */
export function schemaVersion(sqlite: Database.Database): number {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (!table) return 0;
  return (sqlite.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n;
}
