import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteAdapter, SqliteDialect, type DialectAdapter, type MigrationProvider } from 'kysely';
import { DatabaseOpenError } from './errors';
import { LATEST_MIGRATION, MIGRATIONS } from './migrations';
import { registerNorwegianText } from './norwegianText';
import { applyJournalMode, applyPragmas } from './pragmas';
import { isRemotePath } from './remotePath';
import { isMarkedShared } from './sharing';
import { refuseUpgradeWhileOthersOpen } from './upgradeGuard';
import { windowsDriveTypes } from './windowsDrives';
import type { DB } from './schema';

export interface AppDatabase {
  /** Which engine runs the services' SQL (electron/db/engine.ts); a PostgreSQL database says 'postgres'. */
  readonly engine: 'sqlite';
  readonly path: string;
  readonly sqlite: Database.Database;
  /** Query builder and migrator. Services compile its queries and run them synchronously (see exec.ts). */
  readonly kysely: Kysely<DB>;
  /** The native module the connection was opened with; other connections (backups) need the same. */
  readonly nativeBinding?: string;
  /**
   * Opened in shared mode: the file is marked shared or its path may be remote, so it runs with the
   * rollback journal (never WAL) and SQLite's file locks, one short write transaction at a time.
   */
  readonly shared: boolean;
  /** This connection's name among the instances that have the file open (the presence table). */
  readonly instanceId: string;
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
  /** Told every SQL statement the connection runs (better-sqlite3's `verbose`), for tests that watch the SQL. */
  verbose?: (sql: unknown) => void;
  /** Treat the path as remote (no WAL) whatever it looks like; tests and a PC that knows better. */
  remote?: boolean;
  /** Migrate a shared file even though others had it open in the last minutes: the user has confirmed. */
  upgradeDespiteOthers?: boolean;
  /** The time the presence check compares heartbeats with (tests). Default: now. */
  now?: () => Date;
}

/**
 * The only place a database is opened. Sets the pragmas, registers Norwegian text functions, refuses a
 * database from a newer Ettervern, backs up a database that holds data before migrating it, and migrates.
 */
export async function openDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<AppDatabase> {
  const sqlite = new Database(path, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.verbose ? { verbose: options.verbose } : {}),
  });
  try {
    applyPragmas(sqlite);
    registerNorwegianText(sqlite);
    const kysely = new Kysely<DB>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
    const migrations = options.migrations ?? MIGRATIONS;
    const applied = appliedMigrations(sqlite);
    refuseNewerDatabase(applied, migrations);
    // Only after the version check: switching the journal mode rewrites the file header, and a database
    // from a newer version must be left exactly as it was.
    const shared = isMarkedShared(sqlite) || (options.remote ?? isRemotePath(path, windowsDriveTypes()));
    applyJournalMode(sqlite, options.readonly ?? false, shared);
    const pending = Object.keys(migrations).filter((name) => !applied.includes(name));
    if (pending.length > 0 && !options.readonly) {
      if (!options.upgradeDespiteOthers) refuseUpgradeWhileOthersOpen(sqlite, options.now?.() ?? new Date());
      if (applied.length > 0) {
        const target = options.backupPath?.(applied.at(-1)!) ?? defaultBackupPath(path, applied.at(-1)!);
        await sqlite.backup(target);
      }
      await migrate(kysely, migrations);
    }
    return {
      engine: 'sqlite',
      path,
      sqlite,
      kysely,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      shared,
      instanceId: randomUUID(),
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

/**
 * SQLite runs DDL inside a transaction, but Kysely's adapter says it cannot, so the Migrator would run
 * each migration bare and a failure halfway would leave half a schema behind (and a database no later
 * start could migrate). Claiming transactional DDL makes the Migrator wrap the whole run in one
 * transaction. A future migration that rebuilds a table cannot turn foreign keys off inside it; use
 * `pragma defer_foreign_keys = on` instead.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

function appliedMigrations(sqlite: Database.Database): string[] {
  const table = sqlite.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (!table) return [];
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
}

/**
 * For a database whose content was just replaced (a restored backup from an older version): refuses a
 * newer one and runs whatever migrations it lacks, on the connection already open.
 */
export async function migrateOpenDatabase(db: AppDatabase): Promise<void> {
  const applied = appliedMigrations(db.sqlite);
  refuseNewerDatabase(applied, MIGRATIONS);
  if (Object.keys(MIGRATIONS).some((name) => !applied.includes(name))) await migrate(db.kysely, MIGRATIONS);
}

export function refuseNewerDatabase(applied: string[], migrations: typeof MIGRATIONS = MIGRATIONS): void {
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
  // Numbers are reserved per piece of work and merged as they are done, so a database may have run a
  // later migration before an earlier one exists (0016 before 0015). Each migration stands alone; run
  // whatever is missing, in name order.
  const migrator = new Migrator({ db: kysely, provider, allowUnorderedMigrations: true });
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
