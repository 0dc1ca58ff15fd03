/**
 * Backup files are named by the app, so their name alone says when and why they were taken and a name
 * sent from the renderer can be checked against this pattern before it comes near the file system.
 * ASCII only: network shares and older Windows tools mangle «ø».
 */
export const BACKUP_KINDS = ['auto', 'manuell', 'foer-gjenoppretting'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  auto: 'Automatisk',
  manuell: 'Manuell',
  'foer-gjenoppretting': 'Før gjenoppretting',
};

export const BACKUP_FILE_PATTERN = /^ettervern-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})-(auto|manuell|foer-gjenoppretting)\.sqlite$/;

/** How many automatic backups survive rotation: the newest of each of the last N days and months. */
export const BACKUP_RETENTION = { daily: 14, monthly: 12 } as const;

/** Folder used when the team has not chosen one: beside the database file. */
export const DEFAULT_BACKUP_FOLDER_NAME = 'sikkerhetskopier';

export function backupFileName(at: Date, kind: BackupKind): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  // UTC, so a name never depends on the PC's time zone or a daylight-saving jump.
  const stamp =
    `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-` +
    `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}${pad(at.getUTCMilliseconds(), 3)}`;
  return `ettervern-${stamp}-${kind}.sqlite`;
}

export function parseBackupFileName(name: string): { createdAt: Date; kind: BackupKind } | null {
  const match = BACKUP_FILE_PATTERN.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms, kind] = match;
  const createdAt = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, +ms!));
  if (Number.isNaN(createdAt.getTime()) || createdAt.getUTCDate() !== +d!) return null;
  return { createdAt, kind: kind as BackupKind };
}
