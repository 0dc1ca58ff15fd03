import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ServiceError } from '../errors/serviceError';
import { BACKUP_RETENTION, DEFAULT_BACKUP_FOLDER_NAME, parseBackupFileName, type BackupKind } from '@shared/domain/backups';

export interface BackupFileInfo {
  fileName: string;
  kind: BackupKind;
  createdAt: Date;
}

/**
 * The chosen folder (a relative one counts from the database's folder), or `sikkerhetskopier` beside the
 * database. The team points it at another disk so one broken disk cannot take both.
 */
export function resolveBackupFolder(databasePath: string, chosen: string | null | undefined): string {
  const base = dirname(resolve(databasePath));
  const trimmed = chosen?.trim();
  if (!trimmed) return join(base, DEFAULT_BACKUP_FOLDER_NAME);
  return isAbsolute(trimmed) ? trimmed : resolve(base, trimmed);
}

/** Only files the app named itself, newest first. Anything else in the folder is not ours to touch. */
export function listBackupFiles(folder: string): BackupFileInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return [];
    throw new ServiceError('storage', 'Mappen for sikkerhetskopier kan ikke leses. Kontroller mappen i Innstillinger.');
  }
  const files: BackupFileInfo[] = [];
  for (const fileName of names) {
    const parsed = parseBackupFileName(fileName);
    if (parsed) files.push({ fileName, ...parsed });
  }
  return files.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.fileName.localeCompare(a.fileName));
}

/**
 * Automatic backups beyond the newest of each of the last 14 days and the newest of each of the last 12
 * months. With `others`, manual copies and the copies taken before a restore older than that many months
 * go too (they would otherwise keep text removed by retention for ever), except the newest copy taken
 * before a restore: it is the way back from a mistaken restore.
 */
export function backupsToRotate(files: readonly BackupFileInfo[], others?: { now: Date; keepMonths: number }): BackupFileInfo[] {
  const rotatedOthers = others ? oldOtherBackups(files, others.now, others.keepMonths) : [];
  const automatic = files.filter((file) => file.kind === 'auto').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  const keepNewestPer = (period: (date: Date) => string, limit: number) => {
    const seen = new Set<string>();
    for (const file of automatic) {
      const key = period(file.createdAt);
      if (seen.has(key)) continue;
      if (seen.size === limit) break;
      seen.add(key);
      keep.add(file.fileName);
    }
  };
  keepNewestPer((date) => date.toISOString().slice(0, 10), BACKUP_RETENTION.daily);
  keepNewestPer((date) => date.toISOString().slice(0, 7), BACKUP_RETENTION.monthly);
  return [...automatic.filter((file) => !keep.has(file.fileName)), ...rotatedOthers];
}

function oldOtherBackups(files: readonly BackupFileInfo[], now: Date, keepMonths: number): BackupFileInfo[] {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - keepMonths);
  const newestBeforeRestore = files.filter((file) => file.kind === 'foer-gjenoppretting').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return files.filter((file) => file.kind !== 'auto' && file !== newestBeforeRestore && file.createdAt.getTime() < cutoff.getTime());
}
