import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ChannelParsedInput } from '@shared/contract';
import { unknownMigrations } from '../../db/changes';
import { transaction } from '../../db/exec';
import { isMarkedShared, markShared } from '../../db/sharing';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import { writeVerifiedCopy } from '../backups/backupFile';
import type { ServiceContext, SignedInContext } from '../context';
import { invalidField, notFound, ServiceError } from '../errors/serviceError';
import { requireAdministrator } from '../session/actor';
import { isSynchronisedFolder, SYNCED_FOLDER_MESSAGE } from './syncedFolders';

/**
 * «Del databasen med teamet»: a verified copy (backup API, `integrity_check`) in the chosen folder under
 * the same file name, marked shared inside the file, then this PC switches to it. The database this PC
 * used until now is left as it was, so nothing is lost if the folder turns out to be wrong.
 */
export async function shareDatabase(ctx: SignedInContext, input: ChannelParsedInput<'database:share'>): Promise<{ path: string }> {
  requireAdministrator(ctx, 'Bare en administrator kan dele databasen med teamet');
  const folder = input.folder;
  if (isSynchronisedFolder(folder)) throw invalidField('folder', SYNCED_FOLDER_MESSAGE);
  if (!isFolder(folder)) throw invalidField('folder', 'Fant ikke mappen. Kontroller at den finnes og at du har tilgang til den.');
  const target = join(folder, basename(ctx.db.path));
  if (resolve(target) === resolve(ctx.db.path)) throw invalidField('folder', 'Databasen ligger allerede i denne mappen.');
  if (existsSync(target)) {
    throw invalidField('folder', 'Det finnes allerede en database med samme navn i mappen. Velg en annen mappe, eller bruk «Åpne delt database».');
  }
  await writeVerifiedCopy(ctx.db.sqlite, target, ctx.db.nativeBinding);
  try {
    const copy = new Database(target, { fileMustExist: true, ...(ctx.db.nativeBinding ? { nativeBinding: ctx.db.nativeBinding } : {}) });
    try {
      copy.pragma('journal_mode = DELETE');
      markShared(copy, ctx.clock.now(), ctx.actor.id);
    } finally {
      copy.close();
    }
  } catch {
    rmSync(target, { force: true });
    throw new ServiceError('storage', 'Kopien i fellesmappen kunne ikke merkes som delt og ble fjernet. Databasen er uendret.');
  }
  transaction(ctx.db, () => recordAuditSync(ctx, 'share', 'database', null, auditedFields('database:share', ['folder'])));
  ctx.switchDatabase?.(target);
  return { path: target };
}

/**
 * «Åpne delt database» on another PC: the file must exist, be an Ettervern database this version can
 * write, be marked shared, and not sit in a synchronised folder. Checked read-only before switching.
 */
export function openSharedDatabase(ctx: ServiceContext, input: ChannelParsedInput<'database:open-shared'>): { path: string } {
  const file = input.file;
  if (isSynchronisedFolder(file)) throw invalidField('file', SYNCED_FOLDER_MESSAGE);
  if (!existsSync(file) || !statSync(file).isFile()) throw notFound('Fant ikke filen. Kontroller at fellesområdet er tilgjengelig.', 'file');
  checkSharedFile(file, ctx.db.nativeBinding);
  // Recorded in the database this PC leaves: the member's id means something there.
  transaction(ctx.db, () => recordAuditSync(ctx, 'open-shared', 'database', null, auditedFields('database:open-shared', ['file'])));
  ctx.switchDatabase?.(file);
  return { path: file };
}

function checkSharedFile(file: string, nativeBinding?: string): void {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name in ('kysely_migration', 'team_members')").pluck().all();
    if (tables.length !== 2) throw notAnEttervernDatabase();
    if (unknownMigrations(sqlite).length > 0) {
      throw invalidField('file', 'Databasen er laget av en nyere versjon av Ettervern. Oppdater Ettervern på denne PC-en først.');
    }
    if (!isMarkedShared(sqlite)) {
      throw invalidField('file', 'Databasen er ikke delt med teamet ennå. Del den først med «Del databasen med teamet» på PC-en der den ligger.');
    }
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw notAnEttervernDatabase();
  } finally {
    sqlite?.close();
  }
}

const notAnEttervernDatabase = () => invalidField('file', 'Filen er ikke en Ettervern-database');

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
