import Database from 'better-sqlite3';
import { closeSync, constants, copyFileSync, existsSync, openSync, rmSync } from 'node:fs';
import { DatabaseOpenError } from '../../db/errors';
import { checkDatabaseFile } from '../../db/integrity';
import { transaction } from '../../db/exec';
import { refuseNewerDatabase, type AppDatabase } from '../../db/open';
import { auditedFields, recordAuditSync } from '../../services/audit/recordAudit';
import { backupMigrations, writeVerifiedCopy } from '../../services/backups/backupFile';
import { ServiceError } from '../../services/errors/serviceError';
import type { CommandArgs } from '../command';
import type { backupSpec, restoreSpec, verifySpec } from '../commandSpecs';
import { CliFailure, EXIT, printJson, type CliIo } from '../io';
import { removeDatabaseFiles, thisPc, withCliDatabase } from '../database';

function mustExist(path: string): void {
  if (!existsSync(path)) throw new CliFailure(`Fant ikke ${path}.`);
}

/** ServiceError carries a Norwegian message already; the command line shows it as a refusal. */
async function asCliFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError || error instanceof DatabaseOpenError) throw new CliFailure(error.message);
    throw error;
  }
}

/**
 * Claims `path` by creating it empty and exclusively: an existing file, or a link someone placed there, is
 * refused instead of being written through. The verified copy is then renamed over this empty file.
 */
function claimNewFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') throw new CliFailure(`${path} finnes allerede. Velg et annet filnavn.`);
    throw new CliFailure(`Kunne ikke skrive ${path}.`);
  }
}

/** Read-only: a backup never changes the database, which the app may have open at the same time. */
async function copyDatabase(from: string, to: string): Promise<void> {
  claimNewFile(to);
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await asCliFailure(() => writeVerifiedCopy(source, to));
  } catch (error) {
    rmSync(to, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

/**
 * A damaged database cannot pass the checks a backup must pass, and must not be lost either: its bytes,
 * and SQLite's journal beside it, are copied aside as they are (exclusively) before it is replaced.
 */
function setDamagedAside(db: string, aside: string): void {
  for (const suffix of ['', '-wal', '-journal']) {
    if (!existsSync(`${db}${suffix}`)) continue;
    try {
      copyFileSync(`${db}${suffix}`, `${aside}${suffix}`, constants.COPYFILE_EXCL);
    } catch {
      throw new CliFailure(`Kunne ikke legge den skadede databasen til side som ${aside}. Ingenting er endret.`);
    }
  }
  removeDatabaseFiles(db);
}

/**
 * The restore is a row in the restored log, as after «Hent fram» in the app: `audit verify` then names it
 * (when; no member, since the command line restores without signing in) as the reason the log went back,
 * and this PC's witness records the rewind instead of keeping it as a cut tail.
 */
function recordRestore(db: AppDatabase, now: Date): void {
  const ctx = { db, actor: null, clock: { now: () => now }, readOnly: null };
  transaction(db, () => recordAuditSync(ctx, 'restore', 'database', null, auditedFields('backups:restore', ['fileName'])));
}

export async function runBackup(args: CommandArgs<typeof backupSpec>, io: CliIo): Promise<number> {
  const { db, out } = args;
  mustExist(db);
  await copyDatabase(db, out);
  printJson(io, { out, ...checkDatabaseFile(out, 'full') });
  return EXIT.ok;
}

export async function runRestore(args: CommandArgs<typeof restoreSpec>, io: CliIo): Promise<number> {
  const { db, from } = args;
  mustExist(from);
  if (!checkDatabaseFile(from, 'full').ok) throw new CliFailure('Sikkerhetskopien er skadet og kan ikke hentes fram.');
  await asCliFailure(async () => refuseNewerDatabase(backupMigrations(from)));
  let safetyCopy: string | null = null;
  let damaged = false;
  if (existsSync(db)) {
    safetyCopy = `${db}.foer-gjenoppretting-${io.now().toISOString().replace(/[:.]/g, '-')}.sqlite`;
    damaged = !checkDatabaseFile(db, 'quick').ok;
    if (damaged) setDamagedAside(db, safetyCopy);
    else await copyDatabase(db, safetyCopy);
  }
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(db);
  } catch {
    throw new CliFailure(`Gjenopprettingen feilet.${safetyCopy ? ` Databasen slik den var ligger i ${safetyCopy}.` : ''}`);
  } finally {
    source.close();
  }
  // Opening also migrates a copy from an older version, as the app does after a restore.
  await withCliDatabase(db, (restored) => recordRestore(restored, io.now()), { pc: thisPc(args.vitnemappe, io) });
  printJson(io, { db, from, safetyCopy, damagedSetAside: damaged, ...checkDatabaseFile(db, 'full') });
  return EXIT.ok;
}

export async function runVerify(args: CommandArgs<typeof verifySpec>, io: CliIo): Promise<number> {
  const { db } = args;
  mustExist(db);
  const report = checkDatabaseFile(db, 'full');
  printJson(io, report);
  if (!report.ok) io.err('Databasen besto ikke kontrollen. Hent fram siste sikkerhetskopi (restore).');
  return report.ok ? EXIT.ok : EXIT.failed;
}
