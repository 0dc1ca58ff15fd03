import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupDto, RestoreResultDto } from '@shared/contract';
import { backupFileName } from '@shared/domain/backups';
import { DatabaseOpenError } from '../../db/errors';
import { checkDatabaseFile } from '../../db/integrity';
import { migrateOpenDatabase, refuseNewerDatabase, type AppDatabase } from '../../db/open';
import { ServiceError } from '../errors/serviceError';
import { backupMigrations, createVerifiedBackup, inspectBackup } from './backupFile';
import { endSession } from '../timesheet/importSession';

const RESTORE_FAILED = 'Sikkerhetskopien kunne ikke hentes fram. Databasen er som før.';

/** The backup the user picked, checked before anything is touched. */
export function checkedBackup(folder: string, fileName: string, nativeBinding?: string): { path: string; backup: BackupDto } {
  const path = join(folder, fileName);
  if (!existsSync(path)) throw new ServiceError('not_found', 'Fant ikke sikkerhetskopien', { fileName: 'Fant ikke sikkerhetskopien' });
  const backup = inspectBackup(path, fileName, nativeBinding, { recheck: true });
  if (!backup.intact) {
    throw new ServiceError('validation', 'Sikkerhetskopien er skadet og kan ikke hentes fram. Velg en annen.', { fileName: 'Skadet sikkerhetskopi' });
  }
  try {
    refuseNewerDatabase(backupMigrations(path, nativeBinding));
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw new ServiceError('validation', error.message, { fileName: error.message });
    throw error;
  }
  return { path, backup };
}

/**
 * Normal mode: a verified copy of the current database first, then the backup's pages written into the
 * open database through the backup API (other connections see the whole new content or none of it),
 * then any migrations the older backup lacks.
 */
export async function restoreIntoOpenDatabase(db: AppDatabase, folder: string, fileName: string, now: Date): Promise<RestoreResultDto> {
  const { path, backup } = checkedBackup(folder, fileName, db.nativeBinding);
  const safety = await createVerifiedBackup(db.sqlite, folder, 'foer-gjenoppretting', now, db.nativeBinding);
  const source = new Database(path, { readonly: true, fileMustExist: true, ...(db.nativeBinding ? { nativeBinding: db.nativeBinding } : {}) });
  try {
    await source.backup(db.path);
  } catch {
    throw new ServiceError('storage', `${RESTORE_FAILED} En kopi ligger i ${safety.fileName}.`);
  } finally {
    source.close();
  }
  await migrateOpenDatabase(db);
  return { restored: backup, safetyCopy: safety.fileName, restartRequired: false };
}

/**
 * Recovery mode: the damaged file cannot be trusted to take part in a backup, so the backup is written
 * beside it under a temporary name and checked, the damaged file (with its WAL) is copied into the
 * backup folder — never deleted — and only then replaced. The app starts again to open it for writing.
 */
export async function restoreOverDamagedFile(db: AppDatabase, databasePath: string, folder: string, fileName: string, now: Date): Promise<RestoreResultDto> {
  const { path, backup } = checkedBackup(folder, fileName, db.nativeBinding);
  const staging = `${databasePath}.gjenoppretting`;
  rmSync(staging, { force: true });
  const source = new Database(path, { readonly: true, fileMustExist: true, ...(db.nativeBinding ? { nativeBinding: db.nativeBinding } : {}) });
  try {
    await source.backup(staging);
  } catch {
    rmSync(staging, { force: true });
    throw new ServiceError('storage', RESTORE_FAILED);
  } finally {
    source.close();
  }
  if (!checkDatabaseFile(staging, 'full', db.nativeBinding).ok) {
    rmSync(staging, { force: true });
    throw new ServiceError('storage', RESTORE_FAILED);
  }
  // The damaged database is only read from here on; closing it (and an import's own connection) lets Windows replace the file.
  await endSession();
  db.close();
  const keptName = backupFileName(now, 'foer-gjenoppretting');
  for (const suffix of ['', '-wal']) {
    const file = `${databasePath}${suffix}`;
    if (existsSync(file) && statSync(file).size > 0) copyFileSync(file, join(folder, `${keptName}${suffix}`));
  }
  // A WAL left beside the restored file would be replayed onto it: it belongs to the damaged one.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${databasePath}${suffix}`, { force: true });
  renameSync(staging, databasePath);
  return { restored: backup, safetyCopy: existsSync(join(folder, keptName)) ? keptName : null, restartRequired: true };
}
