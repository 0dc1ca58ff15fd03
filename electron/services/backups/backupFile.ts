import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupDto, BackupSummaryDto } from '@shared/contract';
import { backupFileName, parseBackupFileName, type BackupKind } from '@shared/domain/backups';
import { checkDatabaseFile, checkIntegrity } from '../../db/integrity';
import { ServiceError } from '../errors/serviceError';
import { passedCheckUnchanged, rememberPassedCheck } from './checkedFiles';

const UNREADABLE = 'Sikkerhetskopien kunne ikke lagres. Kontroller at mappen finnes, at det er plass på disken og at du har skrivetilgang.';

/**
 * An online backup through SQLite's backup API (a file copy of a live database can catch it half-way
 * through a commit), written under a temporary name and renamed only after `integrity_check` passed:
 * a backup that is listed is a backup that can be restored.
 */
export async function createVerifiedBackup(source: Database.Database, folder: string, kind: BackupKind, now: Date, nativeBinding?: string): Promise<BackupDto> {
  const fileName = backupFileName(now, kind);
  await writeVerifiedCopy(source, join(folder, fileName), nativeBinding);
  return inspectBackup(join(folder, fileName), fileName, nativeBinding);
}

/** The backup API into `target`, through a temporary name that becomes `target` only once it checks out. */
export async function writeVerifiedCopy(source: Database.Database, target: string, nativeBinding?: string): Promise<void> {
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    // SQLite would open (and follow) whatever sits at this name; a stale partial or a planted link is
    // removed and the file created exclusively, so the copy is written into a file of our own.
    removeQuietly(partial);
    closeSync(openSync(partial, 'wx', 0o600));
    await source.backup(partial);
    asSingleFile(partial, nativeBinding);
  } catch {
    removeQuietly(partial);
    throw new ServiceError('storage', UNREADABLE);
  }
  if (!checkDatabaseFile(partial, 'full', nativeBinding).ok) {
    removeQuietly(partial);
    throw new ServiceError('storage', 'Sikkerhetskopien besto ikke kontrollen og ble forkastet. Databasen er uendret.');
  }
  renameSync(partial, target);
  // The rename keeps inode, size and modification time: listing the new backup need not read it again.
  rememberPassedCheck(target);
}

/** Clearing up after a failure must not replace the failure with its own (a folder that is a file). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written there, or nothing can be.
  }
}

/**
 * The copy inherits WAL mode from the live database, and a WAL database grows -wal and -shm files the
 * moment it is opened. A backup must be one file that can be carried to another disk on its own.
 */
function asSingleFile(path: string, nativeBinding?: string): void {
  const sqlite = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
}

/**
 * Date, kind, size, integrity and a count of what the backup holds, read from the file itself. The full
 * check is skipped for a file that passed it in this process and has not changed since (checkedFiles.ts),
 * unless `recheck` asks for it: a restore always checks the file it is about to restore.
 */
export function inspectBackup(path: string, fileName: string, nativeBinding?: string, options: { recheck?: boolean } = {}): BackupDto {
  const parsed = parseBackupFileName(fileName);
  if (!parsed) throw new ServiceError('not_found', 'Ukjent sikkerhetskopi', { fileName: 'Ukjent sikkerhetskopi' });
  const base = { fileName, kind: parsed.kind, createdAt: parsed.createdAt.toISOString(), sizeBytes: statSync(path).size };
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    if (options.recheck || !passedCheckUnchanged(path)) {
      if (!checkIntegrity(sqlite, 'full').ok) return { ...base, intact: false, summary: null };
      rememberPassedCheck(path);
    }
    return { ...base, intact: true, summary: summarise(sqlite) };
  } catch {
    // Not a database, truncated, or from a version without these tables: not something to restore.
    return { ...base, intact: false, summary: null };
  } finally {
    sqlite?.close();
  }
}

function summarise(sqlite: Database.Database): BackupSummaryDto {
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const last = sqlite.prepare('select max(entry_date) as date from time_entries').get() as { date: string | null };
  return { teamMembers: count('team_members'), cases: count('cases'), timeEntries: count('time_entries'), lastEntryDate: last.date };
}

/** Names of migrations a backup has applied: a backup from a newer Ettervern must not be restored. */
export function backupMigrations(path: string, nativeBinding?: string): string[] {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((row) => row.name);
  } finally {
    sqlite.close();
  }
}
