import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { DatabaseOpenError } from './errors';
import { LATEST_MIGRATION, MIGRATIONS } from './migrations';
import { registerNorwegianText } from './norwegianText';
import type { DB } from './schema';

export interface AppDatabase {
  readonly path: string;
  readonly sqlite: Database.Database;
  /** Query builder and migrator. Services compile its queries and run them synchronously (see exec.ts). */
  readonly kysely: Kysely<DB>;
  close(): void;
}

export interface OpenDatabaseOptions {
  readonly?: boolean;
  /** Path to a better_sqlite3.node built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Where to put the copy taken before migrating a database that holds data. Default: beside the file. */
  backupPath?: (currentMigration: string) => string;
  /** Migrations to run, for tests of a single migration. Default: all. */
  migrations?: typeof MIGRATIONS;
}

/**
 * The only place a database is opened. Sets the pragmas, registers Norwegian text functions, refuses a
 * database from a newer Ettervern, backs up a database that holds data before migrating it, and migrates.
 */
export async function openDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<AppDatabase> {
  const sqlite = new Database(path, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    applyPragmas(sqlite, path, options.readonly ?? false);
    registerNorwegianText(sqlite);
    const kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    const migrations = options.migrations ?? MIGRATIONS;
    const applied = appliedMigrations(sqlite);
    refuseNewerDatabase(applied, migrations);
    const pending = Object.keys(migrations).filter((name) => !applied.includes(name));
    if (pending.length > 0 && !options.readonly) {
      if (applied.length > 0) {
        const target = options.backupPath?.(applied.at(-1)!) ?? defaultBackupPath(path, applied.at(-1)!);
        await sqlite.backup(target);
      }
      await migrate(kysely, migrations);
    }
    return {
      path,
      sqlite,
      kysely,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    if (error instanceof DatabaseOpenError) throw error;
    if (error instanceof Error && /file is not a database|file is encrypted/i.test(error.message)) {
      throw new DatabaseOpenError('not-a-database', 'Filen er ikke en Ettervern-database');
    }
    throw error;
  }
}

function applyPragmas(sqlite: Database.Database, path: string, readonly: boolean): void {
  // SQLite ships with foreign keys off; without this a time entry could point at a deleted case.
  sqlite.pragma('foreign_keys = ON');
  // Another process (the command line, a backup) may hold a lock for a moment; wait instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  if (!readonly && path !== ':memory:') {
    // WAL lets reads run while a write commits, but needs shared memory that network file systems do
    // not provide reliably; on a network path the classic rollback journal is the safe choice.
    sqlite.pragma(`journal_mode = ${isNetworkPath(path) ? 'DELETE' : 'WAL'}`);
  }
  // A committed entry must survive a power cut: sync the journal and the database at every commit.
  sqlite.pragma('synchronous = FULL');
}

/** UNC paths (\\server\share) and mapped network mounts under /mnt, /net or /Volumes count as network. */
export function isNetworkPath(path: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/]/.test(path) || /^\/(net|Volumes)\//.test(path);
}

function appliedMigrations(sqlite: Database.Database): string[] {
  const table = sqlite.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (!table) return [];
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
}

function refuseNewerDatabase(applied: string[], migrations: typeof MIGRATIONS): void {
  const unknown = applied.filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new DatabaseOpenError(
      'newer-version',
      `Databasen er laget av en nyere versjon av Ettervern (${unknown.at(-1)}). Oppdater programmet før du åpner den.`,
    );
  }
}

async function migrate(kysely: Kysely<DB>, migrations: typeof MIGRATIONS): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db: kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'ukjent';
    throw new DatabaseOpenError('migration-failed', `Oppgradering av databasen feilet (${failed}). Ingenting er endret.`);
  }
}

function defaultBackupPath(path: string, currentMigration: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${path}.før-oppgradering-${currentMigration}-${stamp}.sqlite`;
}

export { LATEST_MIGRATION };
