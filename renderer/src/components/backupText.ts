import type { BackupDto } from '@shared/contract';
import { BACKUP_KIND_LABELS } from '@shared/domain/backups';
import { formatInteger, formatNorwegianDate, formatNorwegianDateTime } from '@shared/format';

const sizeFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} kB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

const count = (n: number, one: string, many: string) => `${formatInteger(n)} ${n === 1 ? one : many}`;

/** «12.06.2020 14:00 · Automatisk» */
export function backupTitle(backup: BackupDto): string {
  return `${formatNorwegianDateTime(backup.createdAt)} · ${BACKUP_KIND_LABELS[backup.kind]}`;
}

/** What the backup holds, in words: what the user would get back. */
export function backupContents(backup: BackupDto): string {
  if (!backup.intact || !backup.summary) return 'Skadet – kan ikke hentes fram';
  const s = backup.summary;
  return [
    count(s.teamMembers, 'teammedlem', 'teammedlemmer'),
    count(s.cases, 'sak', 'saker'),
    count(s.timeEntries, 'registrering', 'registreringer'),
    ...(s.lastEntryDate ? [`siste føring ${formatNorwegianDate(s.lastEntryDate)}`] : []),
    formatFileSize(backup.sizeBytes),
  ].join(' · ');
}
