import type { BackupDto, BackupListDto, ChannelParsedInput, RestoreResultDto } from '@shared/contract';
import { transaction } from '../../db/exec';
import { requireAdministrator, signedInContextSync } from '../session/actor';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';
import { readSettingsSync } from '../settings/settings';
import { findTeamMemberByUsername, toActor } from '../team/teamMembers';
import { isMarkedShared } from '../../db/sharing';
import { createVerifiedBackup, inspectBackup, writeVerifiedCopy } from './backupFile';
import { backupsToRotate, listBackupFiles, resolveBackupFolder } from './files';
import { restoreIntoOpenDatabase, restoreOverDamagedFile } from './restore';
import { syncedFolderWarning } from './folderCheck';
import { rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The database file on disk: in recovery mode the connection may be a stand-in for it. */
function databasePath(ctx: ServiceContext): string {
  return ctx.readOnly?.databasePath ?? ctx.db.path;
}

/** The team's chosen folder; a damaged database may not even have readable settings. */
function chosenBackupFolder(ctx: ServiceContext): string | null {
  try {
    return readSettingsSync(ctx).backupFolder;
  } catch {
    return null;
  }
}

/** A damaged file may not answer; it is then treated as unshared, as recovery mode always did. */
export function isSharedDatabase(ctx: ServiceContext): boolean {
  try {
    return isMarkedShared(ctx.db.sqlite);
  } catch {
    return false;
  }
}

/**
 * Where the backups are. A shared database keeps them in `sikkerhetskopier` beside it on the share, the
 * one folder every PC reaches; a folder chosen in the settings may exist on one PC only (see
 * `localBackupFolder`). An unshared one uses the team's chosen folder.
 */
export function backupFolder(ctx: ServiceContext): string {
  return resolveBackupFolder(databasePath(ctx), isSharedDatabase(ctx) ? null : chosenBackupFolder(ctx));
}

/**
 * For a shared database: the chosen folder as a second place for the daily backup, when it is another
 * folder and exists on this PC (the administrator's own disk, typically). Not created: on a colleague's
 * PC the path means nothing, and a folder made there would only hide that.
 */
export function localBackupFolder(ctx: ServiceContext): string | null {
  if (!isSharedDatabase(ctx)) return null;
  const chosen = chosenBackupFolder(ctx);
  if (!chosen) return null;
  const folder = resolveBackupFolder(databasePath(ctx), chosen);
  if (resolve(folder) === resolve(backupFolder(ctx)) || !isDirectory(folder)) return null;
  return folder;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function listBackups(ctx: ServiceContext): BackupListDto {
  // The channel is anonymous for recovery mode only; otherwise listing needs a signed-in member.
  if (ctx.readOnly?.mode !== 'recovery') signedInContextSync(ctx);
  const folder = backupFolder(ctx);
  const backups = listBackupFiles(folder).map((file) => inspectBackup(join(folder, file.fileName), file.fileName, ctx.db.nativeBinding));
  return { folder, folderWarning: syncedFolderWarning(folder), backups };
}

/** A verified backup, then rotation of the automatic ones. Returns the new backup. */
export async function takeBackup(ctx: ServiceContext, kind: 'auto' | 'manuell'): Promise<BackupDto> {
  const folder = backupFolder(ctx);
  const backup = await createVerifiedBackup(ctx.db.sqlite, folder, kind, ctx.clock.now(), ctx.db.nativeBinding);
  const keepMonths = readSettingsSync(ctx).keepOtherBackupsMonths;
  for (const old of backupsToRotate(listBackupFiles(folder), { now: ctx.clock.now(), keepMonths })) rmSync(join(folder, old.fileName), { force: true });
  return backup;
}

/** The same backup again (the backup API, verified) under the same name in a second folder, then rotation there. */
export async function copyBackupTo(ctx: ServiceContext, folder: string, fileName: string): Promise<void> {
  await writeVerifiedCopy(ctx.db.sqlite, join(folder, fileName), ctx.db.nativeBinding);
  for (const old of backupsToRotate(listBackupFiles(folder))) rmSync(join(folder, old.fileName), { force: true });
}

export async function createBackup(ctx: SignedInContext): Promise<BackupDto> {
  const backup = await takeBackup(ctx, 'manuell');
  transaction(ctx.db, () => recordAuditSync(ctx, 'backup', 'database', null));
  return backup;
}

/**
 * Replaces the team's data with a backup: an administrator's decision in normal mode; in recovery mode
 * whoever is at the PC, since the damaged database may not even say who the administrators are.
 */
export async function restoreBackup(ctx: ServiceContext, input: ChannelParsedInput<'backups:restore'>): Promise<RestoreResultDto> {
  const folder = backupFolder(ctx);
  const now = ctx.clock.now();
  if (ctx.readOnly?.mode === 'recovery') return restoreOverDamagedFile(ctx.db, databasePath(ctx), folder, input.fileName, now);
  const actor = requireAdministrator(signedInContextSync(ctx), 'Bare en administrator kan hente fram en sikkerhetskopi');
  const result = await restoreIntoOpenDatabase(ctx.db, folder, input.fileName, now);
  // The restored data decides who this member is (id, role, still active); unknown there means signed out.
  const restoredRow = await findTeamMemberByUsername(ctx, actor.username);
  const restoredActor = restoredRow && restoredRow.active === 1 ? toActor(restoredRow) : null;
  ctx.session.actor = restoredActor;
  const auditCtx = { ...ctx, actor: restoredActor };
  transaction(ctx.db, () => recordAuditSync(auditCtx, 'restore', 'database', null, auditedFields('backups:restore', ['fileName'])));
  return result;
}
