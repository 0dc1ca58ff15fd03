import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { verifyChain, type ChainedAuditRow } from '../../auditChain';
import { checkIntegrity } from '../../integrity';
import { MIGRATIONS } from '../../migrations';
import { CopyToServerError } from './copyError';

/** A table of the SQLite file as its own schema describes it. */
export interface SqliteTable {
  readonly name: string;
  /** In the table's own column order. */
  readonly columns: readonly string[];
  /** In key order. */
  readonly primaryKey: readonly string[];
}

/**
 * The SQLite file opened read-only inside one read transaction, so every table is read as of the same moment
 * even while the app keeps writing to the file; nothing is ever written to it. (In WAL mode writers go on
 * beside the read; a shared file's rollback journal makes them wait until the copy ends.)
 */
export interface SqliteSnapshot {
  readonly sqlite: Database.Database;
  readonly tables: ReadonlyMap<string, SqliteTable>;
  /** Rows in the audit log, whose chain has been verified in this snapshot. */
  readonly auditRows: number;
  close(): void;
}

/** Tables Kysely's Migrator keeps for itself: each engine records its own migrations. */
export const MIGRATOR_TABLE = /^kysely_migration/;

/**
 * Opens the file and refuses it unless it is an Ettervern database at exactly this version's migrations,
 * passes `quick_check` and foreign_key_check, and its audit chain verifies: what goes to the server must be
 * whole and its history provably untouched.
 */
export function openSqliteSnapshot(path: string, nativeBinding?: string): SqliteSnapshot {
  if (!existsSync(path)) throw new CopyToServerError(`Fant ikke databasefilen ${path}.`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    throw new CopyToServerError(`Kunne ikke åpne databasefilen ${path}.`);
  }
  try {
    // A deferred read transaction takes its snapshot at the first read below and keeps it until close.
    sqlite.exec('begin');
    refuseOtherVersion(sqlite);
    const integrity = checkIntegrity(sqlite, 'quick');
    if (!integrity.ok) throw new CopyToServerError('Databasefilen besto ikke kontrollen (quick_check og foreign_key_check). Ingenting er kopiert.');
    const tables = describeTables(sqlite);
    const auditRows = verifyAuditChain(sqlite);
    return {
      sqlite,
      tables,
      auditRows,
      close: () => {
        if (sqlite.inTransaction) sqlite.exec('rollback');
        sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    if (error instanceof CopyToServerError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(NOTADB|CORRUPT)/.test(code))
      throw new CopyToServerError('Filen er ikke en Ettervern-database, eller den er skadet.');
    throw error;
  }
}

/** Only a file at this version's schema: an older one is upgraded first, a newer one belongs to a newer Ettervern. */
function refuseOtherVersion(sqlite: Database.Database): void {
  const hasMigrations = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (!hasMigrations) throw new CopyToServerError('Filen er ikke en Ettervern-database.');
  const applied = (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((row) => row.name);
  const newer = applied.filter((name) => !(name in MIGRATIONS));
  if (newer.length > 0) {
    throw new CopyToServerError(`Databasefilen er laget av en nyere versjon av Ettervern (${newer.at(-1)}). Oppdater programmet før du flytter den.`);
  }
  const missing = Object.keys(MIGRATIONS).filter((name) => !applied.includes(name));
  if (missing.length > 0) {
    throw new CopyToServerError(
      `Databasefilen er ikke oppgradert til denne versjonen av Ettervern (mangler ${missing[0]}). Oppgrader den først (åpne den i Ettervern eller kjør «upgrade»), og flytt den så.`,
    );
  }
}

function describeTables(sqlite: Database.Database): Map<string, SqliteTable> {
  const names = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
  const tables = new Map<string, SqliteTable>();
  for (const { name } of names.filter((table) => !MIGRATOR_TABLE.test(table.name))) {
    const columns = sqlite.prepare('select name, pk from pragma_table_info(?) order by cid').all(name) as { name: string; pk: number }[];
    const primaryKey = columns
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    tables.set(name, { name, columns: columns.map((column) => column.name), primaryKey });
  }
  return tables;
}

/** Walks the whole chain row by row (the log can be large); a broken link names the row's number, never its content. */
function verifyAuditChain(sqlite: Database.Database): number {
  const verdict = verifyChain(sqlite.prepare('select * from audit_log order by id').iterate() as IterableIterator<ChainedAuditRow>);
  if (!verdict.ok) {
    throw new CopyToServerError(
      `Revisjonsloggen i databasefilen er brutt (første brutte rad er nr. ${verdict.firstBrokenId}). Filen flyttes ikke; undersøk den med «audit verify».`,
    );
  }
  return verdict.rows;
}
