import { randomUUID } from 'node:crypto';
import { realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, isAbsolute, sep } from 'node:path';
import type { DbContext, ServiceContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { resolveBackupFolder } from './files';

/** Folder names of the file-syncing services: a backup there is copied to a cloud the team does not control. */
const SYNCED_FOLDER = /(^|[\\/])(onedrive( - [^\\/]*)?|dropbox|icloud ?drive|icloud~[^\\/]*|mobile documents|google ?drive|my drive|box sync)([\\/]|$)/i;

function isInside(folder: string, parent: string): boolean {
  const path = relative(parent, folder);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** A warning (Norwegian) when the folder is synchronised to a cloud service, else null. */
export function syncedFolderWarning(folder: string): string | null {
  if (!SYNCED_FOLDER.test(real(folder))) return null;
  return 'Mappen for sikkerhetskopier ser ut til å synkroniseres til en skytjeneste (OneDrive, Dropbox, iCloud eller Google Drive). Kopiene inneholder helseopplysninger og bør ligge på en disk eller et nettverksområde teamet kontrollerer.';
}

/**
 * A chosen backup folder must exist, take a file, and lie outside the program's own folders (an update
 * or uninstall replaces those, and the copies with them). Refused with a Norwegian reason otherwise.
 */
export function requireUsableBackupFolder(ctx: Pick<ServiceContext, 'readOnly' | 'resourcesDir'> & DbContext, chosen: string): void {
  const refuse = (message: string): never => {
    throw new ServiceError('validation', message, { backupFolder: message });
  };
  // The app's backups are copies of the SQLite file; a server's database is backed up where it runs.
  if (ctx.db.engine !== 'sqlite') return refuse('Databasen ligger på en server og sikkerhetskopieres der, ikke av Ettervern. La feltet stå tomt.');
  const folder = resolveBackupFolder(ctx.readOnly?.databasePath ?? ctx.db.path, chosen);
  let isDirectory = false;
  try {
    isDirectory = statSync(folder).isDirectory();
  } catch {
    refuse('Mappen finnes ikke. Opprett den først, eller velg en annen.');
  }
  if (!isDirectory) refuse('Dette er en fil, ikke en mappe.');
  const appFolders = ctx.resourcesDir ? [dirname(real(ctx.resourcesDir))] : [];
  if (appFolders.some((appFolder) => isInside(real(folder), appFolder))) {
    refuse('Mappen ligger inne i programmets egne filer, som byttes ut ved oppdatering. Velg en annen mappe.');
  }
  // A real write, not access(): Windows ACLs and read-only shares answer access() wrongly.
  const probe = `${folder}${sep}.ettervern-skrivetest-${randomUUID()}`;
  try {
    writeFileSync(probe, '', { flag: 'wx' });
  } catch {
    refuse('Ettervern kan ikke skrive i mappen. Kontroller tilgangen, eller velg en annen mappe.');
  } finally {
    rmSync(probe, { force: true });
  }
}
