import { z } from '../validation/zodNorwegian';
import { emptyInput } from './common';
import { mutationChannel, queryChannel } from './channel';
import { BACKUP_FILE_PATTERN, type BackupKind } from '../domain/backups';
import { DATA_TABLES } from '../domain/dataTables';

/** What a backup holds, read from the backup itself so the user sees what they would get back. */
export interface BackupSummaryDto {
  teamMembers: number;
  cases: number;
  timeEntries: number;
  /** Date of the latest time entry (YYYY-MM-DD), or null when there are none. */
  lastEntryDate: string | null;
}

export interface BackupDto {
  fileName: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
  /** False when the file fails `integrity_check`: listed so the user sees it, never offered for restore. */
  intact: boolean;
  summary: BackupSummaryDto | null;
}

export interface BackupListDto {
  folder: string;
  /** Norwegian, when the folder is synchronised to a cloud service; null otherwise. */
  folderWarning: string | null;
  backups: BackupDto[];
}

export interface RestoreResultDto {
  restored: BackupDto;
  /** The copy of the database as it was just before the restore. */
  safetyCopy: string | null;
  /** True in recovery mode: the app must start again to open the restored file for writing. */
  restartRequired: boolean;
}

const backupFileNameSchema = z.string().max(80).regex(BACKUP_FILE_PATTERN, { message: 'Ukjent sikkerhetskopi' });

export const backupChannels = {
  // Anonymous like the restore: in recovery mode nobody may be able to sign in; the service requires a
  // signed-in member otherwise.
  'backups:list': queryChannel<BackupListDto>()(
    emptyInput,
    'Sikkerhetskopiene i mappen, nyeste først, med dato og innhold',
    // settings: the folder can be chosen; database_sharing: a shared file keeps them in sikkerhetskopier/ beside it.
    ['backup_files', 'settings', 'team_members', 'database_sharing'],
    { anonymous: true },
  ),
  'backups:create': mutationChannel<BackupDto>()(emptyInput, 'Ta en sikkerhetskopi nå (kontrollert før den teller)', ['backup_files', 'audit_log']),
  'backups:restore': mutationChannel<RestoreResultDto>()(
    z.strictObject({ fileName: backupFileNameSchema }),
    'Hent fram en sikkerhetskopi (administrator; databasen kopieres først)',
    // The whole database is replaced, after a copy of it is put in the backup folder.
    [...DATA_TABLES, 'backup_files'],
    // In recovery mode no one may be able to sign in; the service decides who may restore.
    { anonymous: true },
  ),
} as const;
